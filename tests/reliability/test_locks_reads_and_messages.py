"""Locks that never lock a person out for good, commands that read and never write, a restore that loses no
commit made elsewhere, and messages that never echo stored text or names: tried through the command line, as a
process of its own where another program holds the database (``run_cli``), else in this process (``call_cli``)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.instance_lock import AlreadyOpenError, InstanceLock, lock_path
from copdesk.store import migrations
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, new_backup_path
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli, RunCli, one_line_error
from tests.conftest import migrations_up_to
from tests.reliability.conftest import NOW, fill, leave_wal_and_shm, make_database


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a digest of its bytes: a command that only reads changes none of them.

    A -shm is SQLite's shared-memory index of the -wal, rebuilt by any reader: only its presence is compared.
    """
    return {
        str(path.relative_to(folder)): ""
        if path.name.endswith("-shm")
        else hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


OLD_VERSION = 9


def make_old_database(db_path: Path, tmp_path: Path) -> None:
    """A database as the CoPDesk of schema 9 left it: made with only the migrations it had."""
    old = migrations_up_to(tmp_path, OLD_VERSION)
    opened = open_database(db_path, old, now=NOW)
    fill(opened.db, raw_actions=True)
    opened.db.close()


@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b"not-a-pid\ncopdesk\nvm\n"])
def test_an_empty_or_damaged_lock_file_is_stale(db_path: Path, content: bytes) -> None:
    make_database(db_path)
    lock_path(db_path).write_bytes(content)
    with InstanceLock(db_path) as lock:
        assert lock.held


def test_a_lock_from_another_computer_names_the_file_and_when_to_delete_it(db_path: Path) -> None:
    make_database(db_path)
    lock_path(db_path).write_text("4242\ncopdesk\nfacilitators-laptop\n", encoding="utf-8")
    with pytest.raises(AlreadyOpenError) as refused:
        InstanceLock(db_path).acquire()
    message = refused.value.message
    assert "facilitators-laptop" in message and f"delete {lock_path(db_path)}" in message
    assert "\n" not in message


READ_COMMANDS = (
    ("check",),
    ("review", "--team", "Harbour Team"),
    ("sessions",),
    ("schedule", "--team", "Harbour Team"),
    ("backups",),
)


@pytest.mark.parametrize("leftover_wal", [False, True])
def test_commands_that_read_never_write(run_cli: RunCli, db_path: Path, leftover_wal: bool) -> None:
    make_database(db_path)
    if leftover_wal:  # an unclean exit's -wal: folding it in is a write, left to the window or a writing command
        leave_wal_and_shm(db_path)
    before = snapshot(db_path.parent)
    for command in READ_COMMANDS:
        result = run_cli(*command, "--db", str(db_path))
        assert result.returncode == 0, (command, result.stderr)
        assert snapshot(db_path.parent) == before, command


def test_a_read_command_on_an_older_schema_says_to_upgrade_and_changes_nothing(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    make_old_database(db_path, tmp_path)
    before = snapshot(db_path.parent)
    for command in (*READ_COMMANDS[1:4], ("export", "1", "--format", "md", "-o", str(tmp_path / "r.md"))):
        result = call_cli(*command, "--db", str(db_path))
        assert "copdesk-cli upgrade" in one_line_error(result), command
        assert snapshot(db_path.parent) == before, command
    check = call_cli("check", "--db", str(db_path))
    assert check.returncode == 0 and "copdesk-cli upgrade" in check.stdout
    upgraded = call_cli("upgrade", "--db", str(db_path))
    assert upgraded.returncode == 0, upgraded.stderr
    assert "from schema 9" in upgraded.stdout
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version(paths.migrations_dir())
    conn.close()
    assert call_cli("sessions", "--db", str(db_path)).returncode == 0


def test_a_backup_is_never_migrated(call_cli: CallCli, db_path: Path, tmp_path: Path) -> None:
    make_old_database(db_path, tmp_path)
    backup = new_backup_path(db_path, BackupKind.AUTOMATIC, NOW)
    conn = sqlite3.connect(db_path)
    backup_to(conn, backup)
    conn.close()
    before = hashlib.sha256(backup.read_bytes()).hexdigest()
    for command in (("upgrade",), ("sessions",), ("demo",)):
        result = call_cli(*command, "--db", str(backup))
        one_line_error(result)
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == before


def test_restore_refuses_while_another_program_has_the_database_open(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path)
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    backup = backup_to(opened.db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW))
    opened.db.close()
    other = sqlite3.connect(db_path)  # another program: not CoPDesk, so it takes no instance lock
    other.execute("SELECT count(*) FROM note").fetchone()

    result = run_cli("restore", str(backup), "--db", str(db_path))

    assert "another program" in one_line_error(result).lower()
    other.execute("INSERT INTO setting (key, value) VALUES ('committed', 'elsewhere')")
    other.commit()
    other.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT value FROM setting WHERE key = 'committed'").fetchone() == ("elsewhere",)
    conn.close()
    done = run_cli("restore", str(backup), "--db", str(db_path))  # once it is closed, the restore goes ahead
    assert done.returncode == 0, done.stderr


def _database_with_a_backup(db_path: Path) -> Path:
    make_database(db_path)
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    backup = backup_to(opened.db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW))
    opened.db.close()
    return backup


@pytest.mark.parametrize("hold", ["exclusive locking mode", "rollback journal, exclusive transaction"])
def test_restore_never_takes_a_database_held_locked_for_a_damaged_one(
    run_cli: RunCli, db_path: Path, hold: str
) -> None:
    """A program holding the file locked made the check fail as if it were damaged: the restore moved the healthy
    database, and what that program had committed, into quarantine/ and put the backup in its place."""
    backup = _database_with_a_backup(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    if hold == "exclusive locking mode":
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO setting (key, value) VALUES ('committed', 'elsewhere')")
        other.execute("COMMIT")
    else:
        other.execute("PRAGMA journal_mode = DELETE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("INSERT INTO setting (key, value) VALUES ('committed', 'elsewhere')")

    result = run_cli("restore", str(backup), "--db", str(db_path))

    assert "another program" in one_line_error(result).lower()
    assert not (db_path.parent / "quarantine").exists() or not any((db_path.parent / "quarantine").iterdir())
    if other.in_transaction:
        other.execute("COMMIT")
    other.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT value FROM setting WHERE key = 'committed'").fetchone() == ("elsewhere",)
    conn.close()


def test_restore_refuses_a_database_from_a_newer_copdesk_and_changes_nothing(run_cli: RunCli, db_path: Path) -> None:
    """A newer CoPDesk's database was taken for a damaged one: moved to quarantine/, then deleted as damaged by a
    later retention run with --delete-damaged."""
    backup = _database_with_a_backup(db_path)
    latest = migrations.latest_version(paths.migrations_dir())
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {latest + 1}")
    conn.close()
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()

    result = run_cli("restore", str(backup), "--db", str(db_path))

    assert "newer CoPDesk" in one_line_error(result)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
    assert not (db_path.parent / "quarantine").exists() or not any((db_path.parent / "quarantine").iterdir())


def test_restoring_a_copy_in_write_ahead_mode_writes_nothing_beside_it(
    run_cli: RunCli, db_path: Path, tmp_path: Path
) -> None:
    """A copy of a live database (write-ahead logging on) left a -wal and -shm beside the file chosen, after which
    CoPDesk took it for a database in use and would not write over it."""
    make_database(db_path)
    chosen = tmp_path / "stick" / "copdesk-copy.db"
    chosen.parent.mkdir()
    shutil.copyfile(db_path, chosen)
    conn = sqlite3.connect(chosen)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    before = sorted(path.name for path in chosen.parent.iterdir())

    result = run_cli("restore", str(chosen), "--db", str(db_path))

    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in chosen.parent.iterdir()) == before == ["copdesk-copy.db"]


def test_a_note_that_is_not_utf8_blocks_nothing_and_is_never_printed(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    make_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE note SET text = CAST(X'53656372657420636173652064657461696C20FF20' AS TEXT) WHERE id = 1")
    conn.commit()
    conn.close()
    export = call_cli("export", "1", "--format", "md", "-o", str(tmp_path / "r.md"), "--db", str(db_path))
    assert export.returncode == 0, export.stderr
    assert "Secret case detail" in (tmp_path / "r.md").read_text(encoding="utf-8")
    check = call_cli("check", "--db", str(db_path))
    line = one_line_error(check)
    assert "row 1 of note" in line and "Secret" not in line
    erase = call_cli("erase", "--team", "Harbour Team", "--member", "Bo Day", "--yes", "--db", str(db_path))
    assert erase.returncode == 0, erase.stderr


def test_the_audit_log_holds_no_file_names(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    named = tmp_path / "zoe-quinn-backup.db"
    assert run_cli("backup", "--db", str(db_path), "-o", str(named)).returncode == 0
    export = tmp_path / "for-zoe-quinn.md"
    assert run_cli("export", "1", "--format", "md", "-o", str(export), "--db", str(db_path)).returncode == 0
    restored = run_cli("restore", str(named), "--db", str(db_path))
    assert restored.returncode == 0, restored.stderr
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT event, entity, detail FROM audit").fetchall()
    conn.close()
    assert ("restored", "database", "from a chosen backup file") in rows
    assert not any("quinn" in str(value).lower() for row in rows for value in row), rows


def test_an_export_whose_audit_cannot_be_saved_leaves_no_file(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    holder = sqlite3.connect(db_path, timeout=0)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock for longer than the busy timeout
    target = tmp_path / "record.md"
    result = run_cli("export", "1", "--format", "md", "--names", "-o", str(target), "--db", str(db_path))
    holder.rollback()
    holder.close()
    one_line_error(result)
    assert not target.exists()
    done = run_cli("export", "1", "--format", "md", "--names", "-o", str(target), "--db", str(db_path))
    assert done.returncode == 0 and target.exists()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM audit WHERE event = 'exported'").fetchone()[0] == 1
    conn.close()
