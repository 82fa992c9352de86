"""The real app, killed and terminated in the middle of a live session, again and again.

Each trial starts CoPDesk through its real entry point (``run_gui``) in a child process, on the same
database. The first trial starts a session through the start dialog; every later one must find the
session offered for resume (it was live when the app died), resume it, and find the notes typed so
far in the editor. The trial then types more notes (keystrokes and a pasted line with emoji and RTL
text) and is ended by a fault:

- SIGTERM at a random moment inside the 1-second autosave debounce: the text must be saved anyway;
- SIGKILL once the autosave has saved: no saved word may be lost, and the session stays resumable.

The figures (trials, faults injected, characters lost) are printed for the record.
"""

from __future__ import annotations

import ast
import random
import signal
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.model import Role
from copdesk.store import teams
from copdesk.store.connection import open_database
from copdesk.store.uri import sqlite_uri
from tests.reliability.conftest import app_child

TRIALS = 6
CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from copdesk.app import run_gui
from tests.app_child import when_window_open

app = QApplication([sys.argv[0]])
mode, typed, pasted = sys.argv[2], sys.argv[3], sys.argv[4]

def act(window):
    flow = window.session_flow
    offer = flow.resume_dialog
    if offer is not None and offer.isVisible():
        offer.resume_button.click()
        print("resumed", window.live_session.session_id, repr(window.notes_panel.editor.toPlainText()), flush=True)
    else:
        dialog = flow.open_start_dialog()
        dialog.topic_edit.setText("Working with risk")
        dialog.set_present({"Ash Lee", "Bo Day"})
        dialog.go_to_ground_rules()
        dialog.agreed_check.setChecked(True)
        dialog.start()
        print("started", window.live_session.session_id, repr(""), flush=True)
    editor = window.notes_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(editor, typed)
    editor.insertPlainText(pasted)
    if mode == "term":
        print("typed", flush=True)  # the autosave is still waiting: the parent sends SIGTERM inside it
        return
    def wait_for_save():
        if window.notes_panel.has_unsaved_text:
            QTimer.singleShot(20, wait_for_save)
        else:
            print("saved", flush=True)  # the parent kills -9 now
    wait_for_save()

when_window_open(act)
sys.exit(run_gui(["--db", sys.argv[1]]))
"""


def _saved_notes(db_path: Path) -> str:
    conn = sqlite3.connect(sqlite_uri(db_path, mode="ro"), uri=True)
    try:
        row = conn.execute("SELECT text FROM note WHERE kind = 'note' ORDER BY id DESC LIMIT 1").fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM session WHERE status = 'live'").fetchone()[0] == 1
    finally:
        conn.close()
    return "" if row is None else str(row[0])


@pytest.mark.posix_only
def test_live_session_survives_sigterm_and_kill_9(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "copdesk.db"
    opened = open_database(db_path, paths.migrations_dir())
    teams.create_team(
        opened.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], datetime.now(UTC)
    )
    opened.db.close()
    rng = random.Random(8)
    expected = ""
    session_ids: set[int] = set()
    faults = {"SIGTERM": 0, "SIGKILL": 0}
    for trial in range(TRIALS):
        mode = "term" if trial % 2 == 0 else "kill"
        typed, pasted = f"Trial {trial}: reflected on risk. ", f"«خطوة» 🌱 שלום {trial}\n"
        with app_child(CHILD, str(db_path), mode, typed, pasted) as child:
            assert child.stdout is not None
            first = child.stdout.readline().split(" ", 2)
            assert first[0] == ("started" if trial == 0 else "resumed"), (
                first,
                child.stderr.read() if child.stderr else "",
            )
            session_ids.add(int(first[1]))
            assert ast.literal_eval(first[2]) == expected  # the resumed session brings its notes back
            assert child.stdout.readline().strip() == ("typed" if mode == "term" else "saved")
            expected += typed + pasted
            if mode == "term":
                time.sleep(rng.uniform(0, 0.9))
                child.send_signal(signal.SIGTERM)
                faults["SIGTERM"] += 1
                _, stderr = child.communicate(timeout=60)
                assert child.returncode == 0, stderr
            else:
                child.send_signal(signal.SIGKILL)
                faults["SIGKILL"] += 1
                child.communicate(timeout=60)
                assert child.returncode == -signal.SIGKILL
        saved = _saved_notes(db_path)
        assert saved == expected, f"trial {trial} ({mode}): typed text was lost"
    assert len(session_ids) == 1  # one session throughout: resumed every time, never duplicated
    print(
        f"\nlive session faults: {TRIALS} trials, {faults['SIGTERM']} SIGTERM inside the autosave debounce, "
        f"{faults['SIGKILL']} SIGKILL, {len(expected)} characters typed, "
        f"data lost: {len(expected) - len(_saved_notes(db_path))}"
    )
