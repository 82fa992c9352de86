"""Discarding a session through the real window: from the end-of-session question and from the Session menu."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from copdesk.core.model import NoteKind, ReviewOutcome, SessionKind, SessionStatus
from copdesk.services.follow_ups import review_follow_up
from copdesk.services.sessions import end_session
from copdesk.store import actions, notes, sessions
from copdesk.store.audit import recent_events
from copdesk.views.shell.header_bar import PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session


def _earlier_session_with_an_action(window: MainWindow, team_id: int) -> int:
    """A session a week ago that agreed an action, ended: the action is open, carried by no one yet."""
    db, week_ago = window.context.db, window.context.now() - timedelta(days=7)
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, week_ago)
    sessions.start_session(db, session.id, week_ago, ground_rules_agreed=True)
    action = actions.add_action(db, team_id, "Share the reading list", week_ago, origin_session_id=session.id)
    end_session(db, session.id, week_ago + timedelta(hours=1), week_ago + timedelta(hours=1))
    return action.id


def _button(box: QMessageBox, role: QMessageBox.ButtonRole) -> QPushButton:
    (button,) = [b for b in box.buttons() if box.buttonRole(b) == role]
    assert isinstance(button, QPushButton)
    return button


def _carries(window: MainWindow, action_id: int) -> int:
    return actions.get_action(window.context.db, action_id).times_carried


def test_discard_from_the_end_question_deletes_the_live_session(clocked_window: MainWindow, qtbot: QtBot) -> None:
    window = clocked_window
    team = add_team(window)
    action_id = _earlier_session_with_an_action(window, team.id)
    session = start_session(window, guests=["Ola Visitor"])
    notes.add_note(window.context.db, session.id, NoteKind.NOTE, "Practice run: nothing real", window.context.now())
    flow = window.session_flow

    box = flow.request_end()
    assert box is not None and box.button(QMessageBox.StandardButton.Yes).text() == "&End and keep"
    _button(box, QMessageBox.ButtonRole.DestructiveRole).click()

    confirmation = flow.discard.confirmation
    assert confirmation is not None and confirmation.isVisible()
    assert "live Reflective" in confirmation.text() and "Supporting a carer" in confirmation.text()
    assert "1 note" in confirmation.informativeText() and "1 guest added for it" in confirmation.informativeText()
    assert window.live_session.is_live  # nothing happens until the second confirmation
    _button(confirmation, QMessageBox.ButtonRole.DestructiveRole).click()

    assert not window.live_session.is_live and window.pages.currentIndex() == PREPARE_PAGE
    assert flow.header_button.text() == "Start session…" and not flow.live_timer.is_attached
    assert [s.id for s in sessions.list_sessions(window.context.db, team.id)] != []
    assert session.id not in [s.id for s in sessions.list_sessions(window.context.db, team.id)]
    assert _carries(window, action_id) == 0
    assert next(e["event"] for e in recent_events(window.context.db)) == "discarded"
    assert "discarded" in window.statusBar().currentMessage()


def test_discard_from_the_menu_after_ending_takes_the_carry_back(clocked_window: MainWindow, qtbot: QtBot) -> None:
    window = clocked_window
    team = add_team(window)
    action_id = _earlier_session_with_an_action(window, team.id)
    session = start_session(window)
    review_follow_up(window.context.db, action_id, session.id, ReviewOutcome.CARRIED, window.context.now())
    flow = window.session_flow
    box = flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()  # End and keep
    assert sessions.get_session(window.context.db, session.id).status is SessionStatus.ENDED
    assert _carries(window, action_id) == 1  # carried to the next session by this one
    if flow.summary_dialog is not None:
        flow.summary_dialog.close()

    session_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Session")
    assert flow.discard.action in session_menu.actions()  # type: ignore[attr-defined]
    flow.discard.action.trigger()
    confirmation = flow.discard.confirmation
    assert confirmation is not None and "1 follow-up of an earlier action" in confirmation.informativeText()
    _button(confirmation, QMessageBox.ButtonRole.DestructiveRole).click()

    assert _carries(window, action_id) == 0
    assert len(sessions.list_sessions(window.context.db, team.id)) == 1


def test_cancel_keeps_the_session_and_older_sessions_are_refused(
    clocked_window: MainWindow, fake_clock: FakeClock, qtbot: QtBot
) -> None:
    window = clocked_window
    team = add_team(window)
    _earlier_session_with_an_action(window, team.id)
    session = start_session(window)
    flow = window.session_flow
    flow.discard.action.trigger()
    confirmation = flow.discard.confirmation
    assert confirmation is not None
    confirmation.button(QMessageBox.StandardButton.Cancel).click()
    assert window.live_session.is_live and flow.live_timer.is_attached

    box = flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    fake_clock.sleep_laptop(24 * 3600)  # the next day: yesterday's session is history
    flow.discard.confirmation = None
    flow.discard.action.trigger()

    assert flow.discard.confirmation is None
    message = flow.discard.message_box
    assert message is not None and message.isVisible() and "ended today" in message.text()
    assert sessions.get_session(window.context.db, session.id).status is SessionStatus.ENDED


def test_the_confirmation_and_the_status_line_count_the_same(clocked_window: MainWindow, qtbot: QtBot) -> None:
    """Notes typed a moment ago (not yet autosaved) are counted in the question, as they are in what goes."""
    from PySide6.QtTest import QTest

    window = clocked_window
    add_team(window)
    start_session(window)
    QTest.keyClicks(window.notes_panel.editor, "Typed just now")
    flow = window.session_flow
    confirmation = flow.discard.request()
    asked = confirmation.informativeText()
    assert "1 note" in asked
    _button(confirmation, QMessageBox.ButtonRole.DestructiveRole).click()
    said = window.statusBar().currentMessage()
    counted_in_question = asked.split("everything recorded in it: ")[1].split(". It will not")[0]
    assert said == f"Session discarded, with everything recorded in it: {counted_in_question}."


def test_discarding_an_empty_session_says_nothing_had_been_recorded(clocked_window: MainWindow) -> None:
    window = clocked_window
    add_team(window)
    start_session(window)
    confirmation = window.session_flow.discard.request()
    assert "nothing recorded yet" in confirmation.informativeText()
    _button(confirmation, QMessageBox.ButtonRole.DestructiveRole).click()
    assert window.statusBar().currentMessage() == "Session discarded: nothing had been recorded in it."
