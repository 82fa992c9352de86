"""The Live page at 1366x768 under pressure: a long question with a caution and a suggestion, three follow-ups,
and every timer banner at once. Each pane keeps what it needs: room to type six lines of notes, the question
scrolls inside its card, and the timer's banners take room from the timer pane, never the participation pane."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableView, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.custom_questions import custom_key
from copdesk.core.model import MarkerKind
from copdesk.sandbox import start_session as start_demo_session
from copdesk.store import actions
from copdesk.store import questions as store
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit
from copdesk.views.widgets.tables import WIDEST_CELL
from tests.conftest import FakeClock
from tests.views.demo_helpers import window_on_a_copy
from tests.views.live_helpers import add_team, start_session
from tests.views.widgets.test_compact_tables import assert_headings_and_rows_at_least

LONG_QUESTION = (
    "When you think back over the whole of the visit, and the conversations with the family, the GP, the district "
    "nurse, the housing officer and the person themselves, what felt most uncertain to you at the time, what "
    "helped you to hold that uncertainty without rushing to a decision, and what would you want the team to "
    "notice if they were in the same position next week?"
)
PANES = ("timerPanel", "questionPanel", "participationPanel", "notesPanel")


def _fully_shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()


def _with_follow_ups(window: MainWindow) -> None:
    """A session a fortnight ago agreed three actions, so the follow-up list has rows to show."""
    earlier = start_session(window, topic="An earlier session")
    for text in ("Share the reading list", "Book the room", "Ask about the carers' assessment"):
        actions.add_action(window.context.db, earlier.team_id, text, window.context.now(), origin_session_id=earlier.id)
    window.session_flow.end_now()
    assert window.session_flow.summary_dialog is not None
    window.session_flow.summary_dialog.accept()


def _pane(window: MainWindow, name: str) -> QWidget:
    pane = window.findChild(QWidget, name)
    assert pane is not None
    return pane


def _heights(window: MainWindow) -> dict[str, int]:
    """Each pane's height once the splitters have answered every layout request posted so far."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return {name: _pane(window, name).height() for name in PANES}


def long_question_beside_a_suggestion(window: MainWindow, qtbot: QtBot) -> None:
    """A long question with a caution shown, and a suggestion above it (the room is tense)."""
    panel = window.question_panel
    cautious = next(q for q in panel.pool() if q.caution)
    # The team's own question, so it stays the current one whatever the pane redraws.
    long_one = replace(cautious, id=custom_key("whole-visit"), text=LONG_QUESTION, source="Harbour Team")
    store.save_custom_question(window.context.db, long_one, window.context.now())
    panel.reload_custom_questions()
    panel.show_question(next(q for q in panel.pool() if q.id == long_one.id))
    window.live_session.room_signal.emit("tension")
    qtbot.waitUntil(panel.banner.isVisible)


@pytest.mark.parametrize("dragged_towards", ["nowhere", "questions", "notes"])
def test_a_long_question_with_a_suggestion_leaves_the_notes_room_to_type(
    window: MainWindow, qtbot: QtBot, dragged_towards: str
) -> None:
    """Whichever way the facilitator drags the splitter between them, neither pane goes below what it needs."""
    add_team(window)
    _with_follow_ups(window)
    start_session(window)
    panel = window.question_panel
    long_question_beside_a_suggestion(window, qtbot)
    qtbot.waitUntil(window.notes_panel.follow_up.table.isVisible)
    splitter = window.ensure_live_page().right_splitter
    if dragged_towards != "nowhere":
        splitter.setSizes([10_000, 1] if dragged_towards == "questions" else [1, 10_000])

    # Once the splitters have laid the panes out again, none is squeezed below what its content needs.
    _heights(window)
    for name in PANES:
        pane = _pane(window, name)
        assert pane.height() >= pane.minimumSizeHint().height(), f"{name} is squeezed below what its content needs"
    notes = window.notes_panel
    lines = notes.editor.fontMetrics().lineSpacing()
    assert notes.editor.viewport().height() >= 6 * lines, "room for six lines of notes"
    card = panel.card
    text_lines = card.text_label.fontMetrics().lineSpacing()
    assert card.viewport().height() >= card.meta_label.height() + 2 * text_lines, "two lines of the question in view"
    assert card.verticalScrollBar().maximum() > 0, "the rest of the question scrolls inside the card"
    assert card.text_label.text() == LONG_QUESTION and card.caution_label.text().startswith("⚠ Caution")
    for widget in (panel.next_button, panel.back_button, panel.banner.use_button, notes.follow_up.table):
        assert _fully_shown(widget), widget.accessibleName() or widget.objectName()
    assert notes.follow_up.table.height() >= 2 * notes.follow_up.table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("warned", [False, True], ids=["", "identifier-warning"])
@pytest.mark.parametrize("data", ["demo", "real"])
def test_the_notes_show_six_whole_lines_beside_a_long_question_at_a_laptops_size(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, data: str, warned: bool, request: pytest.FixtureRequest
) -> None:
    """At 1366x768, with the demo's banner over the page (and without it, on real data), a long question beside a
    suggestion and the follow-up list: the editor shows six whole lines of notes, counted from its first line's top,
    the identifier warning under them too (it left 57 px, three lines and a half)."""
    if data == "demo":
        window = window_on_a_copy(qtbot, demo_db, tmp_path)
        start_demo_session(window)
    else:
        window = request.getfixturevalue("window")
        add_team(window)
        _with_follow_ups(window)
        start_session(window)
    long_question_beside_a_suggestion(window, qtbot)
    notes = window.notes_panel
    if warned:
        notes.editor.setPlainText("Met Mrs Smith")
        assert notes.identifier_warning.check_now()
    _heights(window)
    assert window.demo.banner.isVisible() is (data == "demo") and window.size().toTuple() == (1366, 768)
    assert notes.follow_up.table.isVisible() and notes.identifier_warning.isVisible() is warned
    editor = notes.editor
    shown = editor.viewport().visibleRegion().boundingRect().height() - editor.document().documentMargin()
    assert shown // editor.fontMetrics().lineSpacing() >= 6, f"{shown} px of lines"
    assert _fully_shown(notes.follow_up.table) and _whole_rows_shown(notes.follow_up.table) >= 1
    card = window.question_panel.card
    assert card.text_label.text() == LONG_QUESTION and card.viewport().height() > card.meta_label.height()
    assert card.verticalScrollBar().maximum() > 0, "the rest of the question scrolls inside the card"
    if warned:  # the warning gone, the question pane stands tall again
        notes.identifier_warning.remove_current()
        _heights(window)
        assert not window.question_panel.short_column.short and window.question_panel.filters.isVisible()


def _whole_rows_shown(table: QTableView) -> int:
    """How many rows the table shows, after checking none of them is cut at the foot of the list."""
    row = table.verticalHeader().defaultSectionSize()
    assert table.viewport().height() % row == 0, "a row cut in half at the foot of the list"
    return table.viewport().height() // row


@pytest.mark.parametrize("height", [768, 700])
def test_the_follow_up_list_shows_whole_rows(window: MainWindow, qtbot: QtBot, height: int) -> None:
    """Given a height between two rows, the list drew the last one cut in half, which reads as broken: it shows the
    whole rows that fit, its scroll bar the rest (on a 1366x768 screen, whole or less a taskbar and title bar)."""
    window.resize(1366, height)
    add_team(window)
    _with_follow_ups(window)
    start_session(window)
    table = window.notes_panel.follow_up.table
    qtbot.waitUntil(table.isVisible)
    _heights(window)
    assert _fully_shown(table) and _whole_rows_shown(table) >= 1
    assert table.verticalScrollBar().maximum() == table.model().rowCount() - _whole_rows_shown(table)


def test_the_follow_up_list_ends_at_its_last_whole_row_and_the_notes_take_the_rest(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Given a height between two rows, the list showed its whole rows over a blank band, up to most of a row tall,
    between it and the notes. Whatever the notes pane's height, the list ends at its last row and the notes take the
    rest; taller, it grows back to its rows, and shorter again, it gives them up."""
    add_team(window)
    _with_follow_ups(window)
    start_session(window)
    box = window.notes_panel.follow_up
    qtbot.waitUntil(box.table.isVisible)
    splitter = window.ensure_live_page().right_splitter
    total = sum(splitter.sizes())
    shown = []
    for notes in [*range(total, total // 2, -6), *range(total // 2, total, 6)]:  # shorter, then taller again
        splitter.setSizes([total - notes, notes])
        _heights(window)
        assert box.whole_rows.height() == box.table.height(), f"a blank band under the last row at {notes} px"
        shown.append(_whole_rows_shown(box.table))
    assert shown[0] == shown[-1] == 3 and min(shown) == 1


def test_marking_the_room_moves_no_pane_and_leaves_the_follow_up_list_its_rows(
    window: MainWindow, qtbot: QtBot
) -> None:
    """A marker shows its remedies and a suggestion in the question pane: the pane claimed room for the suggestion
    wrapped narrower than it is, and for the question card hidden behind the remedies, and the splitter took it from
    the notes, the follow-up list first. The remedies scroll in the room the pane has."""
    add_team(window)
    _with_follow_ups(window)
    start_session(window)
    notes, questions = window.notes_panel, window.question_panel
    qtbot.waitUntil(notes.follow_up.table.isVisible)
    before = _heights(window)
    rows = _whole_rows_shown(notes.follow_up.table)

    window.participation_panel.mark_room(MarkerKind.REPEATED_ISSUE)  # its one suggestion wraps to two lines
    assert questions.remedies_shown and questions.banner.isVisible()
    assert _heights(window) == before, "showing the remedies moves no pane"
    assert _whole_rows_shown(notes.follow_up.table) == rows
    banner = questions.banner
    assert banner.height() == banner.heightForWidth(banner.width()), "as tall as its lines at its width"
    assert questions.stack.minimumSizeHint().height() < questions.card.minimumHeight(), "the hidden card keeps none"


def test_a_teams_first_session_says_there_is_nothing_to_follow_up_on_one_clear_line(
    window: MainWindow, qtbot: QtBot
) -> None:
    add_team(window)
    start_session(window)
    box = window.notes_panel.follow_up
    qtbot.waitUntil(box.empty.isVisible)
    _heights(window)
    assert box.empty.text() == "Nothing to follow up from earlier sessions."
    assert _fully_shown(box.empty) and box.empty.height() >= box.empty.sizeHint().height()
    shown = [child for child in box.findChildren(QWidget) if child.isVisible()]
    assert shown == [box.empty], [child.objectName() or type(child).__name__ for child in shown]


@pytest.mark.parametrize("height", [768, 700])
def test_a_two_line_suggestion_shows_both_lines_beside_the_remedies(
    window: MainWindow, qtbot: QtBot, height: int
) -> None:
    """ "Same issue again" opens the remedies and suggests the remedy of two lines: neither line is cut off, on a
    1366x768 screen whether the window has all of it or what a taskbar and title bar leave (about 700)."""
    window.resize(1366, height)
    add_team(window)
    _with_follow_ups(window)
    start_session(window)
    window.participation_panel.mark_room(MarkerKind.REPEATED_ISSUE)
    banner = window.question_panel.banner
    qtbot.waitUntil(banner.isVisible)
    _heights(window)
    label = banner.text_label
    assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing(), "the suggestion wraps"
    assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert banner.reason_label.geometry().top() >= label.geometry().bottom()


def test_timer_banners_take_room_from_the_timer_pane_not_the_participation_pane(
    clocked_window: MainWindow, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    window = clocked_window
    add_team(window)
    start_session(window)
    flow = window.session_flow
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    window.ensure_live_page().left_splitter.setSizes([1, 10_000])  # the timer pane as small as it goes
    before = _heights(window)

    fake_clock.advance(14 * 60)  # behind the plan, so the re-time has a long message
    flow.live_timer.refresh()
    fake_clock.sleep_laptop(600)
    flow.live_timer.refresh()
    result = flow.live_timer.retime()
    flow.live_timer.save_failed.emit(
        "The timer could not be saved (disk I/O error); it keeps running and will try again."
    )
    timer = window.timer_panel
    for banner in timer.banners:
        qtbot.waitUntil(banner.isVisible)

    assert _heights(window) == before, "showing banners moves no pane"
    assert timer.height() >= timer.minimumSizeHint().height()
    for widget in [
        timer.countdown_label,
        timer.segment_label,
        timer.disc,
        *timer.content.findChildren(QAbstractButton),
    ]:
        assert _fully_shown(widget), widget.accessibleName() or widget.objectName()
    notice = timer.notice_banner
    assert len(result.message) > 100 and notice.message() == result.message
    assert notice.toolTip() == result.message and notice.label.text().endswith("…"), "two lines, the rest on hover"
    assert notice.label.text().count("\n") == 1 and notice.height() < 3 * notice.label.fontMetrics().lineSpacing() + 12
    notice.close_button.click()
    timer.sleep_banner.close_button.click()
    assert _heights(window) == before


def test_the_notes_editor_keeps_six_lines_whatever_the_layout_offers(qtbot: QtBot) -> None:
    editor = BoundedPlainTextEdit(minimum_lines=6)
    qtbot.addWidget(editor)
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    layout.addWidget(editor)
    holder.resize(400, 40)  # far less than six lines
    holder.show()
    QApplication.sendPostedEvents()
    assert editor.viewport().height() >= 6 * editor.fontMetrics().lineSpacing()
    assert BoundedPlainTextEdit().minimumSizeHint().height() < editor.minimumSizeHint().height()


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Why do you think this is true?", "big"),
        ("A degree of scepticism about existing knowledge, beliefs and values in this case?", "heading"),
    ],
)
def test_the_whole_question_is_in_view_in_the_largest_type_that_fits(
    window: MainWindow, qtbot: QtBot, text: str, role: str
) -> None:
    """A question one line of the big type cannot hold drops to the heading size: no line is cut in half."""
    add_team(window)
    start_session(window)
    panel = window.question_panel
    plain = next(q for q in panel.pool() if not q.caution)
    question = replace(plain, id=custom_key("sized"), text=text, source="Harbour Team")
    store.save_custom_question(window.context.db, question, window.context.now())
    panel.reload_custom_questions()
    panel.show_question(next(q for q in panel.pool() if q.id == question.id))
    window.live_session.room_signal.emit("tension")  # a suggestion above the card too
    qtbot.waitUntil(panel.banner.isVisible)
    _heights(window)
    card = panel.card
    assert card.text_label.property("role") == role
    assert card.verticalScrollBar().value() == 0
    assert card.text_label.geometry().bottom() < card.viewport().height(), "the whole question is in view"


def test_only_the_page_shown_sets_how_tall_the_notes_tabs_must_be(window: MainWindow) -> None:
    """A taller page behind another tab (the Issue page) must not take rows from the follow-up list above."""
    add_team(window)
    start_session(window)
    notes = window.notes_panel
    tallest = notes.issue_linker.minimumSizeHint().height()
    assert notes.editor.minimumSizeHint().height() < tallest  # the Issue page is the taller

    assert notes.tabs.minimumSizeHint().height() < tallest + notes.tabs.tabBar().sizeHint().height()
    notes.tabs.setCurrentIndex(notes.ISSUE_TAB)
    assert notes.tabs.minimumSizeHint().height() >= tallest  # shown, it gets what it needs
    notes.tabs.setCurrentIndex(notes.NOTES_TAB)
    assert notes.tabs.minimumSizeHint().height() < tallest + notes.tabs.tabBar().sizeHint().height()


def test_each_list_of_the_notes_tabs_keeps_its_headings_and_a_whole_row_as_styled(window: MainWindow) -> None:
    """However short the tab, each list keeps room for its headings as the stylesheet draws them and one whole row (the
    Issue list two): its least height was worked out before the style applied, and kept 46 px where 58 were needed."""
    add_team(window)
    start_session(window)
    notes = window.notes_panel
    for tab in range(1, notes.tabs.count()):
        notes.tabs.setCurrentIndex(tab)
        _heights(window)
        for table in notes.tabs.currentWidget().findChildren(QTableView):
            assert_headings_and_rows_at_least(table, 2 if table is notes.issue_linker.table else 1)


def test_a_long_owner_name_never_squeezes_the_words_of_the_action_list(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    notes = window.notes_panel
    notes.tabs.setCurrentIndex(notes.ACTION_TAB)
    editor = notes.action_editor
    editor.text_edit.setText("Share the carers' assessment checklist with the whole team")
    editor.owner_field.setEditText("Professor Maximiliana Featherstonehaugh-Wolfeschlegel of the Northern Division")
    assert editor.add_action() is not None
    _heights(window)

    table = editor.table
    assert [table.isColumnHidden(column) for column in range(5)] == [False, False, False, True, True]
    assert table.columnWidth(1) <= WIDEST_CELL + 1  # and its grid line: the owner is cut, whole in its tooltip
    assert table.columnWidth(0) > table.columnWidth(1)  # the action's words keep the most room


def test_the_issue_field_has_room_for_a_title_at_a_laptops_size(window: MainWindow) -> None:
    """History… sits beside the list it is about, so the title typed keeps its start in view."""
    add_team(window)
    start_session(window)
    notes = window.notes_panel
    notes.tabs.setCurrentIndex(notes.ISSUE_TAB)
    _heights(window)
    linker = notes.issue_linker
    assert window.width() == 1366 and linker.title_edit.width() >= 300
    assert linker.history_button.geometry().top() >= linker.table.geometry().top() - 2
