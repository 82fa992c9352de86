"""The Live page's right column in a window 640 high: the Filters popup is worked with the keys, a long question beside
a suggestion scrolls to its end, and the column settles after a resize.

The offscreen platform cannot grab the keyboard for a popup, so key events are sent to the widget that has the
popup's focus, as Qt sends them there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QTableView, QWidget
from pytestqt.qtbot import QtBot

from copdesk.sandbox import start_session as start_demo_session
from copdesk.views.shell.main_window import MainWindow
from tests.views.demo_helpers import window_on_a_copy
from tests.views.live.test_live_layout_pressure import PANES, _with_follow_ups, long_question_beside_a_suggestion
from tests.views.live_helpers import add_team, start_session
from tests.views.text_fit_states import LAPTOP, NARROW, SMALLEST


def _settled(window: MainWindow) -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers))


def _short_window(window: MainWindow, qtbot: QtBot, *, follow_ups: bool = False) -> None:
    window.resize(1024, 640)
    add_team(window)
    if follow_ups:
        _with_follow_ups(window)
    start_session(window)
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    _settled(window)


def test_tab_goes_round_the_filters_popup_and_esc_gives_the_focus_back_to_its_button(
    window: MainWindow, qtbot: QtBot
) -> None:
    _short_window(window, qtbot)
    panel = window.question_panel
    button = panel.short_column.filters_button
    popup = button.popup
    assert button.isVisible()
    button.click()
    filters = panel.filters
    order = [
        filters.category_button,
        filters.model_button,
        filters.favourites_only,
        filters.funnel_button,
        filters.match_segment,
    ]
    assert popup.focusWidget() is order[0], "the popup opens with its first filter focused"
    for expected in [*order[1:], order[0]]:  # round the row, and from the last back to the first
        _press(popup.focusWidget(), Qt.Key.Key_Tab)
        assert popup.focusWidget() is expected
    _press(popup.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert popup.focusWidget() is order[-1], "Shift+Tab goes back, from the first to the last"

    _press(popup.focusWidget(), Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert window.focusWidget() is button, "Esc gives the focus back to the Filters button"


def _heights(window: MainWindow) -> list[int]:
    return [pane.height() for name in PANES if (pane := window.findChild(QWidget, name)) is not None]


def test_a_long_question_beside_a_suggestion_scrolls_to_its_end_and_the_lists_keep_a_row(
    window: MainWindow, qtbot: QtBot
) -> None:
    """640 high, the card beside a suggestion keeps its source line and one line of the question, so every list of
    the notes below keeps a whole row (the Parked and Escalation lists had room for their headings only); the rest of
    the question is read by scrolling the card, which Tab reaches."""
    _short_window(window, qtbot, follow_ups=True)
    panel = window.question_panel
    long_question_beside_a_suggestion(window, qtbot)
    _settled(window)
    assert panel.short_column.short
    card = panel.card
    scroll = card.verticalScrollBar()
    assert scroll.isVisible() and scroll.maximum() > 0 and scroll.value() == 0
    card.setFocus(Qt.FocusReason.TabFocusReason)
    _press(card, Qt.Key.Key_PageDown)
    assert scroll.value() > 0, "the keys scroll the card, once Tab has reached it"
    scroll.setValue(scroll.maximum())
    label = card.caution_label  # the last line of the card
    bottom = label.mapTo(card.viewport(), label.rect().bottomLeft()).y()
    assert bottom <= card.viewport().height(), "scrolled to its end, the card shows its last line"
    notes = window.notes_panel
    for tab in range(notes.tabs.count()):  # the follow-up list on the Notes tab, then each tab's own list
        notes.tabs.setCurrentIndex(tab)
        _settled(window)
        tables = [t for t in notes.findChildren(QTableView) if t.isVisible()]
        assert tables, notes.tabs.tabText(tab)
        for table in tables:
            row = table.verticalHeader().defaultSectionSize()
            assert table.visibleRegion().boundingRect().height() == table.height(), table.accessibleName()
            assert table.viewport().height() >= row, f"{table.accessibleName()} shows a whole row"


def test_a_resize_across_the_short_column_settles(window: MainWindow, qtbot: QtBot) -> None:
    """Turning the column short or tall changes what its panes need: the change never asks for another, back and
    forth. Once the posted layouts have run, the panes keep their heights and the column stays as it was set."""
    _short_window(window, qtbot, follow_ups=True)
    window.live_session.room_signal.emit("quiet-voice")
    panel = window.question_panel
    for height, short in ((768, False), (640, True), (700, False), (640, True)):
        window.resize(1024, height)
        _settled(window)
        heights = _heights(window)
        for _ in range(5):
            QApplication.processEvents()
        assert _heights(window) == heights and panel.short_column.short is short, height


@pytest.mark.parametrize("size", [LAPTOP, NARROW, SMALLEST], ids=["1366x768", "1024x768", "1024x640"])
def test_the_identifier_warning_under_the_notes_reads_whole_beside_a_suggestion(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Under the demo's banner, beside a suggestion, at each size the text-fit check covers: the warning's words
    have the height they wrap to, and the notes keep three lines or more to type in. At 1024x640 the warning was cut
    after its first line and the notes had a line and a half: there the follow-up list folds while it shows, and
    unfolds once it goes."""
    window = _warned_on_the_demo_beside_a_suggestion(qtbot, demo_db, tmp_path, size)
    notes = window.notes_panel
    _settled(window)
    assert window.demo.banner.isVisible() and window.question_panel.banner.isVisible()
    _warning_whole_over_three_lines(window)
    notes.identifier_warning.remove_current()
    _settled(window)
    assert notes.follow_up.table.isVisible(), "the follow-up list back once the warning goes"


def test_one_click_on_the_folded_follow_up_list_shows_it(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    """Folded for the identifier warning at 1024x640, the list shows again at one click on its heading (it took two,
    the first turning the toggle off)."""
    window = _warned_on_the_demo_beside_a_suggestion(qtbot, demo_db, tmp_path, SMALLEST)
    _settled(window)
    box = window.notes_panel.follow_up
    assert box.compact and not box.table.isVisible()
    box.toggle.click()
    _settled(window)
    assert box.table.isVisible() and box.toggle.isChecked()


def _warned(window: MainWindow) -> None:
    """A name typed in the notes, and the identifier warning shown under them."""
    window.notes_panel.editor.setPlainText("Met Mrs Smith")
    assert window.notes_panel.identifier_warning.check_now()


def _warned_on_the_demo_beside_a_suggestion(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, size: tuple[int, int]
) -> MainWindow:
    """The demo's window at ``size``, its banner over the page, a session live with a suggestion showing, and the
    identifier warning under the notes; not yet settled."""
    window = window_on_a_copy(qtbot, demo_db, tmp_path)
    window.resize(*size)
    start_demo_session(window)
    window.live_session.room_signal.emit("quiet-voice")
    _warned(window)
    return window


def _warning_whole_over_three_lines(window: MainWindow) -> None:
    notes = window.notes_panel
    label = notes.identifier_warning.label
    assert label.isVisible() and label.heightForWidth(label.width()) <= label.height(), "the warning's words whole"
    editor = notes.editor
    shown = editor.viewport().visibleRegion().boundingRect().height() - editor.document().documentMargin()
    assert shown // editor.fontMetrics().lineSpacing() >= 3, f"{shown} px of lines"


@pytest.mark.parametrize("banner", [True, False], ids=["demo-banner", "no-banner"])
def test_the_follow_up_list_folds_for_the_warning_only_when_the_notes_need_its_room(
    qtbot: QtBot, demo_db: Path, tmp_path: Path, request: pytest.FixtureRequest, banner: bool
) -> None:
    """At 1024x640 the list folded whenever the identifier warning showed. Under the demo's banner beside a
    suggestion its row would cut the warning or the notes' three lines, so it folds; on real data, with no banner,
    the column has the room, and the list stays open beside the warning whole and three lines of notes."""
    if banner:
        window = _warned_on_the_demo_beside_a_suggestion(qtbot, demo_db, tmp_path, SMALLEST)
    else:
        window = request.getfixturevalue("window")
        _short_window(window, qtbot, follow_ups=True)
        _warned(window)
    notes = window.notes_panel
    _settled(window)
    assert window.demo.banner.isVisible() is banner and window.question_panel.short_column.short
    box = notes.follow_up
    assert box.model.rowCount() and box.table.isVisible() is not banner and box.compact is banner
    _warning_whole_over_three_lines(window)


def test_resizing_with_the_warning_shown_settles(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> None:
    """Folding the list for the warning changes what the notes need, and unfolding it too: neither asks for the
    other, back and forth. Under the demo's banner beside a suggestion, each size ends with the list as the room
    says (folded 640 high, open 700 high and more), and stays so."""
    window = _warned_on_the_demo_beside_a_suggestion(qtbot, demo_db, tmp_path, SMALLEST)
    box = window.notes_panel.follow_up
    for height in (640, 700, 640, 768, 640, 720, 640):
        window.resize(1024, height)
        _settled(window)
        heights, folded = _heights(window), box.compact
        for _ in range(5):
            QApplication.processEvents()
        assert _heights(window) == heights and box.compact is folded, height
        assert folded is (height == 640), height
        _warning_whole_over_three_lines(window)
