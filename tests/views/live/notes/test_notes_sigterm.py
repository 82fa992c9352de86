"""SIGTERM while text waits for the autosave: the real app (``run_gui``) saves it before it exits."""

from __future__ import annotations

import signal
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.model import Role, SessionKind
from copdesk.store import sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.uri import sqlite_uri
from tests.reliability.conftest import app_child

TYPED = "Discussed the carer's strain|, then ✓ — العربية and 🌱 too"

# Runs inside the child: start the real GUI entry point; once the loop runs, begin the live session,
# type into the notes with the debounce stretched to ten minutes (so only SIGTERM can save it), say ready.
CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from copdesk.app import run_gui
from tests.app_child import when_window_open

app = QApplication([sys.argv[0]])
session_id, team_id, text = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]

def type_notes(window):
    window.live_session.begin(session_id, team_id)
    window.notes_panel.autosave_timer.setInterval(600_000)
    typed, pasted = text.split("|")
    QTest.keyClicks(window.notes_panel.editor, typed)  # keystrokes (QTest types ASCII only)
    window.notes_panel.editor.insertPlainText(pasted)  # and a paste, with emoji and RTL text
    assert window.notes_panel.has_unsaved_text and window.notes_panel.autosave_timer.isActive()
    print("ready", flush=True)

when_window_open(type_notes)
sys.exit(run_gui(["--db", sys.argv[1]]))
"""


def _saved_text(db_path: Path, session_id: int) -> str | None:
    conn = sqlite3.connect(sqlite_uri(db_path, mode="ro"), uri=True)
    try:
        row = conn.execute("SELECT text FROM note WHERE session_id = ? AND kind = 'note'", [session_id]).fetchone()
    finally:
        conn.close()
    return None if row is None else str(row[0])


@pytest.mark.posix_only
def test_sigterm_during_the_autosave_debounce_saves_the_text(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "copdesk.db"
    now = datetime.now(UTC)
    opened = open_database(db_path, paths.migrations_dir())
    team = teams.create_team(opened.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], now)
    session = sessions.create_session(opened.db, team.id, SessionKind.REFLECTIVE, now, planned_start=now)
    sessions.start_session(opened.db, session.id, now, ground_rules_agreed=True)
    opened.db.close()

    with app_child(CHILD, str(db_path), str(session.id), str(team.id), TYPED) as child:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else line
        assert _saved_text(db_path, session.id) is None  # nothing saved yet: the debounce has not fired
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    assert child.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert _saved_text(db_path, session.id) == TYPED.replace("|", "")
