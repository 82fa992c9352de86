"""A full disk: the transaction rolls back whole, the text stays in the editor, and a banner offers Retry.

Two ways to fill the disk: SQLite's own ``max_page_count`` (in process), and the kernel's file-size
limit ``RLIMIT_FSIZE`` (in a child process, since it cannot be lifted above the hard limit afterwards).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.model import NoteKind
from copdesk.store import actions, notes, sessions
from copdesk.store.errors import StorageFullError
from copdesk.store.safe_write import STORAGE_FULL_MESSAGE, guarded_write
from copdesk.views.widgets.banner import Banner, SaveGuard
from tests.reliability.conftest import NOW, ROOT, fill, run_child

BIG = "A long reflective note. " * 20_000  # about 480 kB: more than the room left


def _limit_growth(db: Database) -> None:
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")


def _lift_limit(db: Database) -> None:
    db.execute("PRAGMA max_page_count = 1073741823")


def _first_session(db: Database) -> int:
    return sessions.list_sessions(db)[0].id


def test_max_page_count_rolls_back_the_whole_transaction(db: Database) -> None:
    team_id = fill(db)
    session_id = _first_session(db)
    before = (db.table("note").count, db.table("action").count)
    _limit_growth(db)
    with pytest.raises(StorageFullError) as caught, guarded_write(db):
        actions.add_action(db, team_id, "Half of a transaction that must not stay", NOW, origin_session_id=session_id)
        notes.add_note(db, session_id, NoteKind.NOTE, BIG, NOW)
    assert caught.value.message == STORAGE_FULL_MESSAGE and "\n" not in STORAGE_FULL_MESSAGE
    assert not db.conn.in_transaction
    assert (db.table("note").count, db.table("action").count) == before
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    _lift_limit(db)
    with guarded_write(db):  # the retry, once there is room
        notes.add_note(db, session_id, NoteKind.NOTE, BIG, NOW)
    assert db.table("note").count == before[0] + 1


def test_other_errors_are_not_mistaken_for_a_full_disk(db: Database) -> None:
    fill(db)
    with pytest.raises(sqlite3.IntegrityError), guarded_write(db):
        db.execute(
            "INSERT INTO note (session_id, kind, text, created_at, updated_at) VALUES (9999, 'note', 'x', 't', 't')"
        )


RLIMIT_CHILD = """
import resource, signal, sys
from pathlib import Path
from copdesk import paths
from copdesk.core.model import NoteKind
from copdesk.store import notes, sessions
from copdesk.store.connection import open_database
from copdesk.store.location import companion_files
from copdesk.store.errors import StorageFullError
from copdesk.store.safe_write import guarded_write
from tests.reliability.conftest import NOW

db_path = Path(sys.argv[1])
db = open_database(db_path, paths.migrations_dir(), now=NOW).db
session_id = sessions.list_sessions(db)[0].id
notes.add_note(db, session_id, NoteKind.NOTE, "written before the disk filled", NOW)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails with EFBIG instead of killing the process
largest = max(f.stat().st_size for f in companion_files(db_path) if f.exists())
resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 16384, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
big = "A long reflective note. " * 20_000
try:
    with guarded_write(db):
        notes.add_note(db, session_id, NoteKind.NOTE, big, NOW)
    print("saved?!")
except StorageFullError as exc:
    print("full:", exc.message)
print("in transaction:", db.conn.in_transaction)
print("notes:", db.table("note").count)
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
with guarded_write(db):
    notes.add_note(db, session_id, NoteKind.NOTE, big, NOW)
print("retried:", db.table("note").count)
"""


@pytest.mark.posix_only
def test_file_size_limit_rolls_back_and_a_retry_succeeds(db_path: Path) -> None:
    from tests.reliability.conftest import make_database

    make_database(db_path)
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM note").fetchone()[0]
    result = run_child(RLIMIT_CHILD, str(db_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"full: {STORAGE_FULL_MESSAGE}"
    assert lines[1:] == ["in transaction: False", f"notes: {before + 1}", f"retried: {before + 2}"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM note WHERE text = 'written before the disk filled'").fetchone()[0] == 1
    conn.close()
    assert ROOT.is_dir()


def test_save_guard_keeps_the_text_and_retries(qtbot: QtBot, db: Database) -> None:
    fill(db)
    session_id = _first_session(db)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    editor = QPlainTextEdit()
    layout.addWidget(editor)
    banner = Banner().attach_below(editor)
    saved: list[int] = []

    def save() -> None:
        with guarded_write(db):
            saved.append(notes.add_note(db, session_id, NoteKind.NOTE, editor.toPlainText(), NOW).id)

    guard = SaveGuard(banner, save)
    host.show()
    editor.setPlainText(BIG)
    _limit_growth(db)
    assert guard.run() is False
    assert editor.toPlainText() == BIG  # nothing typed is lost
    assert banner.isVisible() and "disk is full" in banner.label.text() and "still here" in banner.label.text()
    assert layout.indexOf(banner) == layout.indexOf(editor) + 1
    banner.button("Retry").click()  # still full: the banner stays
    assert saved == [] and banner.isVisible()
    _lift_limit(db)
    banner.button("Retry").click()
    assert len(saved) == 1 and not banner.isVisible()
    assert notes.get_note(db, saved[0]).text == BIG


NOTES_PANE_CHILD = r"""
import resource, signal, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from copdesk.app import create_window
from copdesk.store import notes
from copdesk.store.location import companion_files
from tests.views.live_helpers import add_team, start_session

app = QApplication([])
db_path = Path(sys.argv[1])
window = create_window(db_path)
window.show()
add_team(window)
session = start_session(window)
pane = window.notes_panel
pane.editor.setPlainText("Written before the disk filled. ")  # as typing does, this starts the autosave
assert pane.has_unsaved_text and pane.flush()
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
largest = max(f.stat().st_size for f in companion_files(db_path) if f.exists())
resource.setrlimit(resource.RLIMIT_FSIZE, (largest + 16384, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
typed = "Written before the disk filled. " + "A long reflection on the case. " * 20000
pane.editor.setPlainText(typed)
print("flushed:", pane.flush())
print("editor kept:", pane.editor.toPlainText() == typed)
print("saved:", notes.session_text(window.context.db, session.id).text == "Written before the disk filled. ")
print("banner:", pane.banner.isVisible(), "Retry" in [b.text().replace("&", "") for b in pane.banner.buttons()])
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
pane.banner.button("Retry").click()
print("after retry:", notes.session_text(window.context.db, session.id).text == typed, pane.banner.isVisible())
window.close()
"""


@pytest.mark.posix_only
def test_file_size_limit_in_the_real_notes_pane(tmp_path: Path) -> None:
    """RLIMIT_FSIZE under the real window: not saved, text kept, a banner with Retry; Retry saves it all."""
    db_path = tmp_path / "data" / "copdesk.db"
    result = run_child(NOTES_PANE_CHILD, str(db_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "flushed: False",
        "editor kept: True",
        "saved: True",
        "banner: True True",
        "after retry: True False",
    ]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
