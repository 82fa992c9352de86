"""Every common live action is one keystroke, and the help overlay lists every shortcut the window has."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabBar,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionKind
from copdesk.core.timer import TimerStatus
from copdesk.store import actions
from copdesk.views.shell.header_bar import PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.shell.shortcut_help import shortcut_rows
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, double_click, start_session


def _status(window: MainWindow) -> TimerStatus | None:
    view = window.session_flow.live_timer.last_view
    return None if view is None else view.status


def _focus_window(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.timer_panel.setFocus()


def test_space_n_plus_and_r_drive_the_timer(window: MainWindow, fake_clock: FakeClock, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert _status(window) is TimerStatus.PAUSED
    QTest.keyClick(window, Qt.Key.Key_Space)
    assert _status(window) is TimerStatus.RUNNING
    fake_clock.advance(60)
    QTest.keyClick(window, Qt.Key.Key_Plus)
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.segment_planned_seconds == 600
    QTest.keyClick(window, Qt.Key.Key_N)
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.segment_index == 1
    fake_clock.advance(20 * 60)
    QTest.keyClick(window, Qt.Key.Key_R)
    assert window.timer_panel.notice_banner.label.text().startswith("Re-timed")


def _segment_index(window: MainWindow) -> int:
    view = window.session_flow.live_timer.last_view
    assert view is not None
    return view.segment_index


def test_a_double_click_or_a_held_key_moves_on_one_segment(window: MainWindow, fake_clock: FakeClock) -> None:
    """A hurried double click on Next segment used to close the segment it had just begun too, unseen (a closed
    segment cannot be opened again), and N held down ran on through the agenda. A press a moment later moves on."""
    add_team(window)
    start_session(window)
    actions = window.session_flow.actions
    button = next(b for b in window.timer_panel.findChildren(QToolButton) if b.defaultAction() is actions.next_segment)
    fake_clock.advance(5 * 60)
    double_click(button)
    assert _segment_index(window) == 1
    fake_clock.advance(1)
    button.click()
    assert _segment_index(window) == 2
    assert not any(action.autoRepeat() for action in actions.timer_actions), "a key held down acts once"


def test_a_double_click_on_plus_five_gives_five_minutes(window: MainWindow, fake_clock: FakeClock) -> None:
    """A hurried double click on +5 min used to give the segment ten more minutes. A press a moment later adds more."""
    add_team(window)
    start_session(window)
    actions = window.session_flow.actions
    button = next(b for b in window.timer_panel.findChildren(QToolButton) if b.defaultAction() is actions.add_time)
    double_click(button)
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.segment_planned_seconds == 10 * 60
    fake_clock.advance(1)
    button.click()
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.segment_planned_seconds == 15 * 60


def test_space_presses_a_button_reached_with_tab_and_is_the_timers_after_a_click(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Tabbing to a button and pressing Space, as keyboard users do, used to pause the meeting's clock instead; a
    click leaves the focus on the button too, and the Space pressed after it stays the timer's, as it always was."""
    add_team(window)
    start_session(window)
    _focus_window(window, qtbot)
    count, talk_time = window.participation_panel.count_button, window.participation_panel.talk_button
    talk_time.setFocus(Qt.FocusReason.TabFocusReason)  # reached from the keyboard, with no mouse button down
    qtbot.waitUntil(talk_time.hasFocus)
    assert not talk_time.isChecked()
    QTest.keyClick(talk_time, Qt.Key.Key_Space)
    assert talk_time.isChecked() and _status(window) is TimerStatus.RUNNING
    QTest.mouseClick(count, Qt.MouseButton.LeftButton)  # a click: the focus stays on the button clicked
    assert count.isChecked() and count.hasFocus()
    QTest.keyClick(count, Qt.Key.Key_Space)
    assert _status(window) is TimerStatus.PAUSED and count.isChecked(), "the timer's Space, not a second click"


def test_window_shortcuts_open_the_other_views_and_end(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    flow = window.session_flow
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert flow.share_view.isVisible()
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert flow.mini_timer.isVisible()
    assert flow.mini_timer.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert flow.help_overlay.isVisible()
    QTest.keyClick(flow.help_overlay, Qt.Key.Key_Escape)
    assert not flow.help_overlay.isVisible()
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Question)
    assert flow.help_overlay.isVisible()
    QTest.keyClick(flow.help_overlay, Qt.Key.Key_Question)
    assert not flow.help_overlay.isVisible()
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert flow.end_confirmation is not None and flow.end_confirmation.isVisible()
    flow.share_view.close()
    flow.mini_timer.close()
    assert not flow.actions.share_view.isChecked() and not flow.actions.mini_timer.isChecked()


def test_shift_slash_the_usual_way_to_type_a_question_mark_opens_the_help(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    help_overlay = window.session_flow.help_overlay
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)  # on the Prepare page
    assert help_overlay.isVisible()
    QTest.keyClick(help_overlay, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert not help_overlay.isVisible()
    start_session(window)
    _focus_window(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)  # and while live
    assert help_overlay.isVisible()
    QTest.keyClick(help_overlay, Qt.Key.Key_Escape)
    window.notes_panel.editor.setFocus()
    QTest.keyClick(window.notes_panel.editor, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert window.notes_panel.editor.toPlainText() == "?" and not help_overlay.isVisible(), "typing keeps its ?"


def test_letters_and_space_still_type_into_a_text_field(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    edit = QLineEdit(window.timer_panel)
    edit.setAccessibleName("Scratch field")
    edit.show()
    _focus_window(window, qtbot)
    edit.setFocus()
    QTest.keyClicks(edit, "n r+ ?")
    assert edit.text() == "n r+ ?"
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.segment_index == 0 and view.status is TimerStatus.RUNNING
    assert not window.session_flow.help_overlay.isVisible()


def listed(keys: str) -> list[str]:
    """Each key of a row of the help: "Ctrl+Right or Q" is two, "1 to 9" is nine."""
    first, to, last = keys.partition(" to ")
    if to:
        return [str(digit) for digit in range(int(first), int(last) + 1)]
    return keys.split(" or ")


def test_the_help_overlay_lists_every_shortcut_of_the_window(window: MainWindow) -> None:
    flow = window.session_flow
    flow.help_overlay.open()
    shown = flow.help_overlay.model.rows
    listed_keys = {key for keys, _ in shown for key in listed(keys)}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
            assert text in listed_keys, f"{action.text()!r} ({text}) is missing from the help"
    for button in window.findChildren(QAbstractButton):  # a button's own key, not the Alt + letter it underlines
        text = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        if button.shortcut() != QKeySequence.mnemonic(button.text()):
            assert text in listed_keys, f"{button.text()!r} ({text}) is missing from the help"
        elif text:
            assert text not in listed_keys, f"the mnemonic {text} of {button.text()!r} is listed"
    assert ("Esc", "Participation: close the remedies shown for a room marker") in shown  # with its pane, not first
    assert ("Ctrl+Alt+D", "Follow-up: done, the selected action") in shown
    assert ("Ctrl+Alt+Z", "Follow-up: undo, the selected action, or else the last one marked") in shown
    for must in ("Space", "N", "+", "R", "Ctrl+E", "Ctrl+Shift+S", "Ctrl+T", "F1", "?"):
        assert any(must in keys.split(" or ") for keys, _ in shown), must
    assert shortcut_rows(window) == shown
    descriptions = dict(shown)
    assert descriptions["Space"] == "Start, pause or resume the timer"
    # The window's own keys first, then each pane's rows together.
    panes = [what.split(": ")[0] for _, what in shown if what.split(": ")[0] in ("Questions", "Participation")]
    first_pane_row = next(
        row for row, (_, what) in enumerate(shown) if what.startswith(("Questions:", "Participation:"))
    )
    assert all(not what.startswith(("Questions:", "Participation:")) for _, what in shown[:first_pane_row])
    assert panes == sorted(panes) and descriptions["F5"].startswith("Start a session")


def test_keys_of_a_dialog_the_window_keeps_are_not_listed_as_the_windows(window: MainWindow) -> None:
    """The resources dialog's Ctrl+C copies there only: the window's list of shortcuts leaves it out."""
    dialog = window.help_actions.open_resources()
    assert any(s.key().toString() == "Ctrl+C" for s in dialog.findChildren(QShortcut))
    rows = shortcut_rows(window)
    assert not any("Ctrl+C" in listed(keys) for keys, _ in rows)
    dialog.close()


def _alt_keys(shown: QWidget) -> dict[str, list[str]]:
    """The Alt + letter keys of what is on screen in ``shown``'s window: its menus, buttons, labels' buddies and
    tabs, each letter with every text that underlines it."""
    found: dict[str, list[str]] = {}

    def add(text: str) -> None:
        letter = QKeySequence.mnemonic(text).toString()
        if letter:
            found.setdefault(letter, []).append(text)

    if isinstance(shown, QMainWindow):
        for menu in shown.menuBar().actions():
            add(menu.text())
    for widget in shown.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not shown:
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text())
        elif isinstance(widget, QTabBar):
            for tab in range(widget.count()):
                add(widget.tabText(tab))
    return found


def _clashes(shown: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in _alt_keys(shown).items() if len(texts) > 1}


def test_no_two_things_on_screen_share_an_alt_key(window: MainWindow) -> None:
    """Two underlined letters alike make Alt + that letter only move the focus between them (or open a menu)."""
    team = add_team(window)
    earlier = start_session(window, topic="An earlier session")
    actions.add_action(
        window.context.db, team.id, "Share the reading list", window.context.now(), origin_session_id=earlier.id
    )
    window.session_flow.end_now()
    assert window.session_flow.summary_dialog is not None
    window.session_flow.summary_dialog.accept()
    window.show_page(PREPARE_PAGE)
    window.review_panel.refresh()
    assert len(_alt_keys(window)) > 8 and _clashes(window) == {}, "the Prepare view"

    start_session(window)
    tabs = window.notes_panel.tabs
    assert window.notes_panel.follow_up.table.isVisible()  # with its Done, Carry and Drop buttons
    for tab in range(tabs.count()):
        tabs.setCurrentIndex(tab)
        assert _clashes(window) == {}, tabs.tabText(tab)
    window.session_flow.end_now()
    assert window.session_flow.summary_dialog is not None
    window.session_flow.summary_dialog.accept()

    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    assert "&Co-facilitator" in _alt_keys(dialog)["Alt+C"] and _clashes(dialog) == {}
    dialog.reject()


def _menu_clashes(window: MainWindow) -> dict[str, list[str]]:
    """Each menu's underlined letters that more than one of its items has: with the menu open, such a letter only
    moves between them, and Enter then runs whichever it stopped on."""
    clashes: dict[str, list[str]] = {}
    for title in window.menus:
        letters: dict[str, list[str]] = {}
        for action in window.menus[title].actions():
            if action.isVisible() and not action.isSeparator():
                letters.setdefault(QKeySequence.mnemonic(action.text()).toString(), []).append(action.text())
        clashes |= {f"{title} {letter}": texts for letter, texts in letters.items() if len(texts) > 1 or not letter}
    return clashes


def test_no_two_items_of_a_menu_share_a_letter_whatever_the_timer_is_doing(window: MainWindow) -> None:
    """Session ▸ H stopped on Share-safe view and then on Hand over; while paused, R on Resume and then on Re-time
    the rest, which Enter would have run instead of resuming."""
    add_team(window)
    assert _menu_clashes(window) == {}, "no session"
    start_session(window)
    for status in TimerStatus:
        window.session_flow.actions.show_status(status)
        assert _menu_clashes(window) == {}, status
