"""A write out of WAL mode cut short by a crash (a restore copies a backup over the database this way) leaves a
rollback journal beside the file and half-written pages in it. CoPDesk undoes it, as SQLite does on a read-write
open, before it checks the file: the facilitator gets the file as last committed, never a "damaged" verdict on a
sound file, and a journal never outlives its database to be played back over another.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.startup import open_for_gui
from copdesk.store import opening_checks
from copdesk.store.connection import open_database
from copdesk.store.errors import DatabaseBusyError, StoreError
from copdesk.store.location import rollback_journal
from copdesk.store.opening_checks import finish_interrupted_write
from copdesk.store.recovery import QUARANTINE_FOLDER, quarantine, quarantined_files, restore_database
from tests.cli.conftest import CallCli, RunCli, one_line_error
from tests.reliability.conftest import NOW, FakePrompts, make_database, run_child

# A restore killed halfway, as a restore copies: another database over this one through the backup API, under an
# exclusive lock, out of WAL mode, with a page cache small enough that pages reach the file before the end.
_CUT_SHORT = """
import os, signal, sqlite3, sys
target = sqlite3.connect(sys.argv[1])
target.execute("PRAGMA locking_mode = EXCLUSIVE")
target.execute("PRAGMA journal_mode = DELETE")
target.execute("PRAGMA cache_size = 2")
source = sqlite3.connect(sys.argv[2])
def progress(status, remaining, total):
    if remaining < total // 2:
        os.kill(os.getpid(), signal.SIGKILL)
source.backup(target, pages=1, progress=progress)
"""


def _notes(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT text FROM note ORDER BY id")]
    finally:
        conn.close()


def _cut_short(db_path: Path) -> bytes:
    """Leave ``db_path`` as a restore killed halfway leaves it; return the file's bytes as left."""
    other = db_path.parent.parent / "other.db"
    if not other.exists():
        make_database(other, sessions_count=60, start=NOW - timedelta(days=900))  # larger: the half-copy looks damaged
    result = run_child(_CUT_SHORT, str(db_path), str(other))
    assert result.returncode == -signal.SIGKILL, result.stderr
    assert rollback_journal(db_path).stat().st_size > 0, "the crash left its journal"
    return db_path.read_bytes()


@pytest.fixture
def committed(db_path: Path) -> list[str]:
    """A CoPDesk database with notes, out of WAL mode (as a restore leaves it while it copies); its notes."""
    make_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    notes = _notes(db_path)
    assert notes
    return notes


@pytest.mark.posix_only
def test_the_app_opens_the_file_as_last_committed(db_path: Path, committed: list[str]) -> None:
    _cut_short(db_path)
    prompts = FakePrompts(damage="quit")
    started = open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None and prompts.asked == [], "no damage question for a sound file"
    started.opened.db.close()
    started.lock.release()
    assert _notes(db_path) == committed
    assert not rollback_journal(db_path).exists()
    assert not (db_path.parent / QUARANTINE_FOLDER).exists()


@pytest.mark.posix_only
def test_a_read_only_command_says_what_happened_and_changes_nothing(
    call_cli: CallCli, db_path: Path, committed: list[str]
) -> None:
    left = _cut_short(db_path)
    journal = rollback_journal(db_path).read_bytes()
    for command in (["check"], ["review", "--team", "Harbour Team"]):
        error = one_line_error(call_cli(*command, "--db", str(db_path)))
        assert "was cut short" in error and "to finish the recovery" in error and "damaged" not in error, error
    assert db_path.read_bytes() == left and rollback_journal(db_path).read_bytes() == journal
    open_database(db_path, paths.migrations_dir()).db.close()  # what the message says completes it
    assert _notes(db_path) == committed and not rollback_journal(db_path).exists()


@pytest.mark.posix_only
def test_restoring_over_a_cut_short_file_backs_up_what_was_committed(
    db_path: Path, tmp_path: Path, committed: list[str]
) -> None:
    source = tmp_path / "chosen.db"
    make_database(source, sessions_count=1, start=NOW - timedelta(days=30))
    _cut_short(db_path)
    result = restore_database(source, db_path, paths.migrations_dir(), NOW)
    result.opened.db.close()
    assert result.previous_backup is not None and _notes(result.previous_backup) == committed
    assert _notes(db_path) == _notes(source) and not rollback_journal(db_path).exists()


def test_a_restore_leaves_no_journal_of_the_replaced_pages(db_path: Path, tmp_path: Path) -> None:
    """The copy runs under an exclusive lock, which keeps the journal file (the replaced database's pages) after
    the copy; it must not stay beside the restored file."""
    make_database(db_path)
    source = tmp_path / "chosen.db"
    make_database(source, sessions_count=1)
    restore_database(source, db_path, paths.migrations_dir(), NOW).opened.db.close()
    assert _notes(db_path) == _notes(source)
    assert sorted(file.name for file in db_path.parent.iterdir() if file.is_file()) == ["copdesk.db"]


# What a restore by an earlier CoPDesk left: the copy made under exclusive locking, committed, and the journal file
# kept with its header cleared (nothing to undo), holding the pages the copy replaced.
_EARLIER_RESTORE = """
import sqlite3, sys
target = sqlite3.connect(sys.argv[1])
target.execute("PRAGMA locking_mode = EXCLUSIVE")
target.execute("PRAGMA journal_mode = DELETE")
target.execute("BEGIN EXCLUSIVE")
target.execute("COMMIT")
sqlite3.connect(sys.argv[2]).backup(target)
target.execute("PRAGMA journal_mode = WAL")
target.close()
"""


def test_a_journal_an_earlier_restore_left_is_deleted_when_the_file_opens(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    source = tmp_path / "chosen.db"
    make_database(source, sessions_count=1)
    assert run_child(_EARLIER_RESTORE, str(db_path), str(source)).returncode == 0
    assert rollback_journal(db_path).stat().st_size > 0, "the earlier restore left its journal"
    open_database(db_path, paths.migrations_dir()).db.close()
    assert not rollback_journal(db_path).exists()
    assert _notes(db_path) == _notes(source)


def test_a_journal_another_program_is_writing_with_is_left_alone(db_path: Path, committed: list[str]) -> None:
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE note SET text = 'written by another program'")  # its journal is in use, not left over
    assert rollback_journal(db_path).exists()
    assert finish_interrupted_write(db_path) is False
    assert rollback_journal(db_path).exists()
    other.execute("COMMIT")
    other.close()
    assert set(_notes(db_path)) == {"written by another program"}


def test_a_file_another_program_holds_exclusively_is_busy_not_damaged(
    db_path: Path, committed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening_checks, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE note SET text = 'mid-write'")
    try:
        with pytest.raises(DatabaseBusyError, match="Another program is writing"):
            finish_interrupted_write(db_path)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _notes(db_path) == committed


@pytest.mark.posix_only
def test_commands_that_write_finish_the_recovery_and_upgrade_says_so(
    call_cli: CallCli, db_path: Path, committed: list[str]
) -> None:
    _cut_short(db_path)
    assert "was cut short" in one_line_error(
        call_cli("backup", "--db", str(db_path), "-o", str(db_path.with_name("b.db")))
    )
    upgraded = call_cli("upgrade", "--db", str(db_path))
    assert upgraded.returncode == 0, upgraded.stderr
    assert "Finished recovering" in upgraded.stdout and "nothing was changed" not in upgraded.stdout
    assert _notes(db_path) == committed
    _cut_short(db_path)
    erased = call_cli("erase", "--team", "Harbour Team", "--member", "Zoë Quinn", "--yes", "--db", str(db_path))
    assert erased.returncode == 0, erased.stderr
    assert not rollback_journal(db_path).exists()


def test_a_journal_goes_into_quarantine_with_its_database(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    rollback_journal(db_path).write_bytes(b"the undo of a half-done write of this database")
    moved = quarantine(db_path, NOW)
    assert sorted(file.name.split("-", 1)[1] for file in moved) == ["copdesk.db", "copdesk.db-journal"]
    assert not db_path.exists() and not rollback_journal(db_path).exists()
    assert sorted(quarantined_files(db_path)) == sorted(moved)
    source = tmp_path / "chosen.db"
    make_database(source, sessions_count=1)
    restore_database(source, db_path, paths.migrations_dir(), NOW).opened.db.close()
    assert _notes(db_path) == _notes(source)


@pytest.mark.posix_only
def test_restoring_the_database_under_another_name_is_refused_at_once(
    run_cli: RunCli, db_path: Path, tmp_path: Path
) -> None:
    """A hard link (on a Mac, the same name in other letters) is the database itself: copying it onto itself under
    the restore's exclusive lock would wait for ever."""
    make_database(db_path)
    link = tmp_path / "another name.db"
    os.link(db_path, link)
    before = db_path.read_bytes()
    error = one_line_error(run_cli("restore", str(link), "--db", str(db_path)))
    assert "has another name as well (a hard link)" in error  # a database with two names is never opened
    with pytest.raises(StoreError, match="is the database itself"):  # nor restored onto itself by another name
        restore_database(link, db_path, paths.migrations_dir(), NOW)
    assert db_path.read_bytes() == before
