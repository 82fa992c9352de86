"""One press, one act on the Live page: a key held down acts once, and a double click on Undo or a room marker
counts once, as on Next segment and +5 min; a press a moment later acts again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.model import MarkerKind, SegmentPhase
from copdesk.store import questions
from copdesk.views.live.shared_keys import live_key_actions
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, double_click, hold_key, start_session
from tests.views.question_helpers import enter, start_live

CTRL = Qt.KeyboardModifier.ControlModifier


def _count(window: MainWindow, table: str) -> int:
    return int(window.context.db.execute(f"select count(*) from {table}").fetchone()[0])


def _focus_roster(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.participation_panel.roster.setFocus()


def test_a_held_number_key_logs_one_tally_and_a_held_ctrl_z_takes_back_one(
    window: MainWindow, qtbot: QtBot, fake_clock: FakeClock
) -> None:
    """Holding 1 used to log a tally for every repeat of the key (eleven for ten repeats), and holding Ctrl+Z took
    one back for each."""
    add_team(window)
    start_session(window)
    _focus_roster(window, qtbot)
    roster = window.participation_panel.roster
    hold_key(roster, Qt.Key.Key_1)
    assert _count(window, "contribution") == 1
    for key in (Qt.Key.Key_2, Qt.Key.Key_3):
        fake_clock.advance(5)
        hold_key(roster, key)
    assert _count(window, "contribution") == 3
    hold_key(roster, Qt.Key.Key_Z, CTRL)
    assert _count(window, "contribution") == 2


def test_ctrl_m_and_ctrl_d_held_a_moment_mark_once(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+M (and Ctrl+D) toggle: held a moment, the press marked the question asked and a repeat unmarked it."""
    session = start_live(window)
    enter(window, SegmentPhase.CLARIFYING)  # draws a question for the segment
    _focus_roster(window, qtbot)
    roster = window.participation_panel.roster
    hold_key(roster, Qt.Key.Key_M, CTRL)
    assert len(questions.asked_in_session(window.context.db, session.id)) == 1
    hold_key(roster, Qt.Key.Key_D, CTRL)
    assert len(questions.favourites(window.context.db)) == 1


def test_every_live_key_acts_once_when_held_in_every_window(window: MainWindow) -> None:
    """Every key of the Live page, of its panes and of the windows that mirror them (share-safe view, mini timer):
    held Space in the share-safe view paused and resumed the meeting's clock over and over."""
    page = window.ensure_live_page()
    flow = window.session_flow
    keys = live_key_actions(window, (page.participation_panel, page.question_panel))
    mirrored = [*flow.share_view.actions(), *flow.mini_timer.actions()]
    held_repeats = [action.text() for action in [*keys, *mirrored] if action.shortcuts() and action.autoRepeat()]
    assert held_repeats == []


def test_a_double_click_on_undo_takes_back_one(window: MainWindow, fake_clock: FakeClock) -> None:
    """A double click on Undo used to take back the last two tallies."""
    add_team(window)
    start_session(window)
    panel = window.participation_panel
    for member in panel.tally.members:
        panel.choose(member.id)
        fake_clock.advance(5)
    double_click(panel.undo_button)
    assert _count(window, "contribution") == 2
    fake_clock.advance(1)
    panel.undo_button.click()
    assert _count(window, "contribution") == 1


def test_a_double_click_on_a_room_marker_logs_one(window: MainWindow, fake_clock: FakeClock) -> None:
    """A double click on Low energy, Tension or Same issue again used to log the marker twice."""
    add_team(window)
    start_session(window)
    buttons = window.participation_panel.marker_bar.buttons
    for button in buttons.values():
        double_click(button)
    assert _count(window, "marker") == len(buttons)
    fake_clock.advance(1)
    buttons[MarkerKind.TENSION].click()
    assert _count(window, "marker") == len(buttons) + 1


def test_ctrl_z_right_after_same_issue_again_takes_it_back_and_then_is_the_fields(
    window: MainWindow, qtbot: QtBot, fake_clock: FakeClock
) -> None:
    """Same issue again takes the focus to the Issue field, and Ctrl+Z there did nothing, where after any other
    marker it takes the marker back. Once something is typed there, Ctrl+Z is the field's own again."""
    add_team(window)
    start_session(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    button = window.participation_panel.marker_bar.buttons[MarkerKind.REPEATED_ISSUE]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    field = QApplication.focusWidget()
    assert field is window.notes_panel.issue_linker.title_edit
    QTest.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert _count(window, "marker") == 0
    assert field.hasFocus()
    fake_clock.advance(1)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    QTest.keyClicks(field, "Night visits")
    QTest.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert _count(window, "marker") == 1 and field.text() != "Night visits"
