"""The notes pane in a narrow window (1024 wide, the least the window takes): every word whole, on the demo data.

The follow-up heading says less on one line (its whole words on hover and for a screen reader), each list keeps its
words' column readable and scrolls sideways to the rest, with its rows whole above that scroll bar, and the
escalation route's quotation wraps across the tab with the buttons under it. In a 1024×640 window, with a suggestion
taking room above, the quotations fold to the lines that fit and the lists give way, so the forms' buttons stay whole.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from copdesk.app import create_window
from copdesk.core.model import SessionKind
from copdesk.store import teams
from copdesk.views.live.notes.folding_quote import FoldingQuote
from copdesk.views.live.notes.follow_up import TITLE
from copdesk.views.live.notes.item_form import WORDS_LEAST
from copdesk.views.live.notes.notes_panel import NotesPanel
from copdesk.views.shell.main_window import MainWindow
from tests.views.text_fit import check_window

NARROW, SHORT, LAPTOP = (1024, 768), (1024, 640), (1366, 768)


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


@pytest.fixture
def live_demo(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> Iterator[Callable[[tuple[int, int]], MainWindow]]:
    """The demo team's reflective session started at a window size, the demo's earlier actions to follow up."""
    windows: list[MainWindow] = []

    def start(size: tuple[int, int]) -> MainWindow:
        db_path = tmp_path / f"demo-{len(windows)}.db"
        shutil.copy(demo_db, db_path)
        window = create_window(db_path)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(*size)
        window.show()
        dialog = window.session_flow.open_start_dialog()
        assert dialog is not None
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
        dialog.topic_edit.setText("Least restrictive options after a fall at home")
        team = window.current_team()
        assert team is not None
        dialog.set_present({member.display_name for member in teams.list_members(window.context.db, team.id)})
        assert dialog.go_to_ground_rules(), dialog.error_label.text()
        dialog.agreed_check.setChecked(True)
        dialog.start_button.click()
        _settle()
        return window

    yield start
    for window in windows:
        if window.live_session.is_live:
            window.session_flow.live_timer.stop_clock()


def _problems_on_each_tab(notes: NotesPanel) -> list[str]:
    problems: list[str] = []
    for tab in range(notes.tabs.count()):
        notes.tabs.setCurrentIndex(tab)
        _settle()
        problems += [f"[{notes.tabs.tabText(tab)}] {problem}" for problem in check_window(notes).problems]
    return problems


def test_every_word_of_the_notes_pane_is_whole_at_1024_wide(live_demo: Callable[[tuple[int, int]], MainWindow]) -> None:
    notes = live_demo(NARROW).notes_panel
    assert notes.follow_up.model.rowCount() >= 2
    assert _problems_on_each_tab(notes) == []


def test_the_follow_up_heading_says_less_on_one_line_with_its_whole_words_at_hand(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    box = live_demo(NARROW).notes_panel.follow_up
    to_review = sum(1 for row in box.model.rows() if row.review_id is None)
    assert box.toggle.text() == f"({to_review})"
    assert box.toggle.accessibleName() == TITLE and box.toggle.toolTip().startswith(TITLE)
    assert box.buttons["reassign"].text() == "Owner…" and box.buttons["redate"].text() == "Date…"
    assert box.buttons["reassign"].accessibleName() == "Reassign (selected action)"
    assert box.buttons["redate"].accessibleName() == "New date (selected action)"
    buttons = [box.toggle, *box.buttons.values()]
    assert len({button.y() for button in buttons}) == 1, "one line"
    for button in buttons:
        assert button.sizeHint().width() <= button.width() + 1, button.text()


def test_at_the_laptop_size_the_follow_up_heading_says_it_all(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    box = live_demo(LAPTOP).notes_panel.follow_up
    assert box.toggle.text().startswith("Follow up (")
    assert box.buttons["reassign"].text() == "Reassign…" and box.buttons["redate"].text() == "New date…"
    header = box.table.horizontalHeader()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.Stretch  # the words take the room, as before


def test_a_narrow_list_keeps_its_words_readable_and_its_rows_whole(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    box = live_demo(NARROW).notes_panel.follow_up
    table = box.table
    assert table.columnWidth(0) >= WORDS_LEAST
    assert table.horizontalScrollBar().isVisible(), "the other columns are scrolled to"
    row_height = table.verticalHeader().defaultSectionSize()
    shown = table.viewport().height()
    assert shown >= row_height and shown % row_height == 0, "the scroll bar is under the rows, not over the last"


def test_the_escalation_quotation_wraps_across_the_tab_with_the_buttons_under_it(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    notes = live_demo(NARROW).notes_panel
    notes.tabs.setCurrentIndex(NotesPanel.ESCALATION_TAB)
    _settle()
    editor = notes.escalations
    assert editor.top.wrapped()
    quotation = editor.top.first
    assert quotation.heightForWidth(quotation.width()) <= quotation.height()
    assert editor.new_button.y() > quotation.y() and editor.new_button.y() == editor.outcome_button.y()


def test_in_a_1024_by_640_window_with_a_suggestion_shown_every_word_and_button_is_whole(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    """The smallest window, its notes pane at its shortest: a suggestion above takes room from it."""
    window = live_demo(SHORT)
    window.live_session.room_signal.emit("quiet-voice")
    _settle()
    assert window.question_panel.banner.isVisible()
    notes = window.notes_panel
    assert _problems_on_each_tab(notes) == []
    notes.tabs.setCurrentIndex(NotesPanel.ACTION_TAB)
    _settle()
    add = notes.action_editor.add_button
    assert add.visibleRegion().boundingRect().size() == add.size(), "Add action wholly in view"
    notes.tabs.setCurrentIndex(NotesPanel.PARKED_TAB)
    _settle()
    quotation = notes.parked.findChild(FoldingQuote)
    assert quotation is not None and quotation.text() != quotation.full_text(), "folded to the room it has"
    assert quotation.text().endswith("…") and quotation.full_text().startswith(quotation.text()[:-1])
    assert quotation.accessibleName() == quotation.full_text()
    assert quotation.heightForWidth(quotation.width()) <= quotation.height()


def test_a_folded_quotation_is_whole_again_when_the_tab_has_the_room(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    window = live_demo(SHORT)
    window.live_session.room_signal.emit("quiet-voice")
    notes = window.notes_panel
    notes.tabs.setCurrentIndex(NotesPanel.PARKED_TAB)
    _settle()
    quotation = notes.parked.findChild(FoldingQuote)
    assert quotation is not None and quotation.text() != quotation.full_text()
    window.resize(*LAPTOP)
    _settle()
    assert quotation.text() == quotation.full_text()


def test_a_list_that_scrolls_sideways_keeps_its_headings_clear_of_the_scroll_bar(
    live_demo: Callable[[tuple[int, int]], MainWindow],
) -> None:
    window = live_demo(SHORT)
    window.live_session.room_signal.emit("quiet-voice")
    notes = window.notes_panel
    notes.tabs.setCurrentIndex(NotesPanel.ESCALATION_TAB)
    _settle()
    table = notes.escalations.table
    bar = table.horizontalScrollBar()
    assert bar.isVisible(), "the team's escalations scroll sideways in the narrow tab"
    header = table.horizontalHeader()
    assert bar.mapTo(table, QPoint(0, 0)).y() >= header.mapTo(table, QPoint(0, header.height())).y(), "headings above"
