"""Closing the window (or Ctrl+Q) mid-session asks: end it, keep it live and close, or cancel. SIGTERM asks nothing.

The question is window-modal and opened with ``open()``, so these tests answer it without an event loop.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.app import create_window
from copdesk.core.model import Role, SessionStatus
from copdesk.store import notes, sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.uri import sqlite_uri
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.reliability.conftest import app_child
from tests.views.live_helpers import add_team, start_session


def _type_unsaved(window: MainWindow, text: str) -> None:
    window.notes_panel.editor.insertPlainText(text)
    assert window.notes_panel.has_unsaved_text


def _saved_notes(window: MainWindow, session_id: int) -> str | None:
    stored = notes.session_text(window.context.db, session_id)
    return None if stored is None else stored.text


def test_closing_without_a_live_session_asks_nothing(window: MainWindow) -> None:
    add_team(window)
    window.close()
    assert not window.isVisible() and window.session_flow.close_question is None


def test_cancel_keeps_the_window_and_the_session_and_saves_the_notes(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window)
    _type_unsaved(window, "Typed just before closing")
    window.close()

    question = window.session_flow.close_question
    assert question is not None and question.isVisible() and window.isVisible()
    assert _saved_notes(window, session.id) == "Typed just before closing", "flushed before anything is decided"
    assert {b.text().replace("&", "") for b in question.buttons()} == {
        "End the session now",
        "Keep it live and close",
        "Cancel",
    }
    assert all(b.accessibleName() for b in question.buttons())
    question.cancel_button.click()
    assert window.isVisible() and window.live_session.session_id == session.id
    assert not question.isVisible()
    window.close()  # asked again, not closed behind the facilitator's back
    assert window.isVisible() and question is not window.session_flow.close_question


def test_escape_is_cancel(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    window.close()
    question = window.session_flow.close_question
    assert question is not None
    QTest.keyClick(question, Qt.Key.Key_Escape)
    assert window.isVisible() and window.live_session.is_live


def test_keep_it_live_closes_and_the_session_is_offered_next_time(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    window = clocked_window
    add_team(window)
    session = start_session(window)
    fake_clock.advance(150)
    _type_unsaved(window, "Half a thought")
    window.close()
    question = window.session_flow.close_question
    assert question is not None
    assert question.defaultButton() is question.keep_button  # Enter loses nothing
    question.keep_button.click()

    assert not window.isVisible()
    db = window.context.db
    assert sessions.get_session(db, session.id).status is SessionStatus.LIVE
    assert _saved_notes(window, session.id) == "Half a thought"
    later = FakeClock(fake_clock.now())
    reopened = create_window(db_path, clock=later, now=later.now)
    qtbot.addWidget(reopened)
    reopened.offer_first_run_or_resume()
    offer = reopened.session_flow.resume_dialog
    assert offer is not None and offer.pending.session.id == session.id
    assert offer.pending.state is not None and offer.pending.state["current_elapsed_seconds"] == 150, "timer saved"


def test_a_session_kept_live_is_saved_no_more_once_the_window_has_closed(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Quitting waits for work that must finish (a copy of the data being saved to a memory stick) with the events
    still answered: the timer's heartbeat went on saving the session meanwhile, moving its last save, where a resume
    pauses it and an end "at the last save" ends it, on by the whole wait."""
    window = clocked_window
    add_team(window)
    start_session(window)
    live_timer = window.session_flow.live_timer
    assert "timerHeartbeat" in [timer.objectName() for timer in live_timer.findChildren(QTimer) if timer.isActive()]
    fake_clock.advance(150)
    window.close()
    question = window.session_flow.close_question
    assert question is not None
    question.keep_button.click()

    assert not window.isVisible() and window.live_session.is_live
    assert [timer.objectName() for timer in live_timer.findChildren(QTimer) if timer.isActive()] == []


def test_end_the_session_now_ends_it_shows_the_summary_then_closes(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window)
    _type_unsaved(window, "Last words")
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Q asks as well
    question = window.session_flow.close_question
    assert question is not None and question.isVisible()
    question.end_button.click()

    db = window.context.db
    assert sessions.get_session(db, session.id).status is SessionStatus.ENDED
    assert _saved_notes(window, session.id) == "Last words"
    summary = window.session_flow.summary_dialog
    assert summary is not None and summary.isVisible() and window.isVisible(), "the summary is read first"
    summary.accept()
    assert not window.isVisible()


# Runs inside the child: the real entry point; once the loop runs, start a session, type, ask to close (the
# question stays open, unanswered), and say ready. The parent then sends SIGTERM.
CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from copdesk.app import run_gui
from tests.app_child import when_window_open

app = QApplication([sys.argv[0]])

def ask_to_close(window):
    dialog = window.session_flow.open_start_dialog()
    dialog.set_present({"Ash Lee"})
    dialog.go_to_ground_rules()
    dialog.start()
    window.notes_panel.autosave_timer.setInterval(600_000)
    window.notes_panel.editor.insertPlainText("Said just before the laptop shut down")
    window.close()
    assert window.session_flow.close_question.isVisible() and window.isVisible()
    print("ready", window.live_session.session_id, flush=True)

when_window_open(ask_to_close)
sys.exit(run_gui(["--db", sys.argv[1]]))
"""


@pytest.mark.posix_only
def test_sigterm_with_the_question_open_quits_at_once_and_keeps_the_session_live(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "copdesk.db"
    opened = open_database(db_path, paths.migrations_dir())
    teams.create_team(opened.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], datetime.now(UTC))
    opened.db.close()
    with app_child(CHILD, str(db_path)) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.startswith("ready"), child.stderr.read() if child.stderr else line
        session_id = int(line.split()[1])
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    assert "Traceback" not in stderr
    conn = sqlite3.connect(sqlite_uri(db_path, mode="ro"), uri=True)
    try:
        status = conn.execute("SELECT status FROM session WHERE id = ?", [session_id]).fetchone()[0]
        text = conn.execute("SELECT text FROM note WHERE session_id = ? AND kind = 'note'", [session_id]).fetchone()
    finally:
        conn.close()
    assert status == SessionStatus.LIVE.value, "kept live, to be offered for resume"
    assert text == ("Said just before the laptop shut down",)
    settings = Path(os.environ["XDG_CONFIG_HOME"]) / "copdesk" / "copdesk.conf"
    assert "geometry=" in settings.read_text(encoding="utf-8"), (
        "the window closed as at any quit, its state saved, not left asking"
    )
