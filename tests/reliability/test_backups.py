"""Automatic verified backups at start-up when the data changed, 7 daily + 4 weekly kept, and restore."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.startup import open_for_gui
from copdesk.store import recovery
from copdesk.store.backup import file_in_place_of
from copdesk.store.backup_catalogue import BackupKind, list_backups, rotate_automatic_backups
from copdesk.store.connection import backup_folder, open_database
from copdesk.store.copies import copies_of
from copdesk.store.errors import StorageFullError, StoreError
from copdesk.store.safe_write import STORAGE_FULL_MESSAGE
from copdesk.store.uri import sqlite_uri
from tests.cli.conftest import CallCli, RunCli, one_line_error
from tests.reliability.conftest import NOW, ROOT, FakePrompts, child_env, make_database


def _start(db_path: Path, now: datetime = NOW) -> None:
    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=now)
    assert started is not None
    started.opened.db.close()
    started.lock.release()


def _automatic(db_path: Path) -> list[Path]:
    return [b.path for b in list_backups(db_path) if b.kind is BackupKind.AUTOMATIC]


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def test_start_up_backs_up_only_when_the_database_changed(db_path: Path) -> None:
    _start(db_path)
    assert _automatic(db_path) == []  # a brand-new empty database has nothing to back up
    opened = open_database(db_path, paths.migrations_dir())
    opened.db.execute("INSERT INTO setting (key, value) VALUES ('changed', 'once')")
    opened.db.close()

    _start(db_path, NOW + timedelta(hours=1))
    first = _automatic(db_path)
    assert len(first) == 1
    conn = sqlite3.connect(first[0])
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT value FROM setting WHERE key = 'changed'").fetchone()[0] == "once"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # standalone: no -wal needed
    conn.close()
    assert not list(backup_folder(db_path).glob(".*partial"))

    _start(db_path, NOW + timedelta(hours=2))  # nothing written in between
    assert _automatic(db_path) == first

    opened = open_database(db_path, paths.migrations_dir())
    opened.db.execute("UPDATE setting SET value = 'twice' WHERE key = 'changed'")  # same row count, new content
    opened.db.close()
    _start(db_path, NOW + timedelta(hours=3))
    newest, previous = _automatic(db_path)  # a new backup, and the one before it still kept
    assert previous == first[0]
    conn = sqlite3.connect(newest)
    assert conn.execute("SELECT value FROM setting WHERE key = 'changed'").fetchone()[0] == "twice"
    conn.close()


def test_changes_left_in_the_wal_by_a_crash_are_backed_up(db_path: Path) -> None:
    from tests.reliability.conftest import leave_wal_and_shm

    make_database(db_path)
    _start(db_path)
    leave_wal_and_shm(db_path)  # a commit that only the -wal holds
    _start(db_path, NOW + timedelta(hours=1))
    newest = _automatic(db_path)[0]
    conn = sqlite3.connect(newest)
    assert conn.execute("SELECT value FROM setting WHERE key = 'left-in-the-wal'").fetchone()[0] == "yes"
    conn.close()


def test_rotation_keeps_seven_daily_and_four_weekly(db_path: Path) -> None:
    make_database(db_path)
    for day in range(40):  # a change and a start every day for 40 days
        opened = open_database(db_path, paths.migrations_dir())
        opened.db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('day', ?)", [str(day)])
        opened.db.close()
        _start(db_path, NOW + timedelta(days=day))
    kept = sorted(b.taken_at.date() for b in list_backups(db_path))
    last = (NOW + timedelta(days=39)).date()
    assert kept[-7:] == [last - timedelta(days=n) for n in range(6, -1, -1)]
    assert len({d.isocalendar()[:2] for d in kept}) == 4
    assert len(kept) <= 7 + 4 and len(kept) < 40
    assert rotate_automatic_backups(db_path) == []  # stable


def test_restore_verifies_backs_up_then_restores(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    copy = tmp_path / "copy.db"
    assert run_cli("backup", "--db", str(db_path), "-o", str(copy)).returncode == 0
    opened = open_database(db_path, paths.migrations_dir())
    opened.db.execute("DELETE FROM note")  # the mistake the restore undoes
    opened.db.close()

    result = run_cli("restore", str(copy), "--db", str(db_path))

    assert result.returncode == 0, result.stderr
    assert _count(db_path, "note") == 3
    pre_restore = [b for b in list_backups(db_path) if b.kind is BackupKind.PRE_RESTORE]
    assert len(pre_restore) == 1 and _count(pre_restore[0].path, "note") == 0
    assert str(pre_restore[0].path) in result.stdout
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT event FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0] == "restored"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_full_disk_stops_a_restore_in_one_plain_line_and_changes_nothing(
    call_cli: CallCli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It read "The restore failed (the backup could not be copied: The disk is full, so the last change was not
    saved (nothing was half-written). Free some space, then try again.); the database was left as it was." """
    make_database(db_path)
    copy = tmp_path / "copy.db"
    assert call_cli("backup", "--db", str(db_path), "-o", str(copy)).returncode == 0
    opened = open_database(db_path, paths.migrations_dir())
    opened.db.execute("DELETE FROM note WHERE id = (SELECT max(id) FROM note)")  # to tell the two apart
    opened.db.close()

    def disk_full(*_args: object) -> Path:
        raise StorageFullError(STORAGE_FULL_MESSAGE)

    monkeypatch.setattr(recovery, "backup_to", disk_full)
    said = one_line_error(call_cli("restore", str(copy), "--db", str(db_path)))

    assert said.endswith(
        "The restore failed: the disk is full. The database was left as it was; free some space, then try again."
    ), said
    assert _count(db_path, "note") == 2


def test_restore_refuses_bad_files_in_one_line_and_changes_nothing(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    make_database(db_path)
    before = db_path.read_bytes()
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    newer = tmp_path / "newer.db"
    assert call_cli("backup", "--db", str(db_path), "-o", str(newer)).returncode == 0
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    for source, expected in [
        (text, "is damaged, or is not a CoPDesk backup"),
        (newer, "newer CoPDesk"),
        (other, "not a CoPDesk database"),
        (tmp_path / "missing.db", "does not exist"),
        (db_path, "is the database itself"),
    ]:
        assert expected in one_line_error(call_cli("restore", str(source), "--db", str(db_path))), source
    assert db_path.read_bytes() == before
    assert list_backups(db_path) == []


@pytest.mark.parametrize("fault", ["empty", "cut short", "another program's file"])
def test_a_backup_that_cannot_be_restored_is_said_in_plain_words(
    call_cli: CallCli, db_path: Path, tmp_path: Path, fault: str
) -> None:
    """An empty file (a copy cut short at nought bytes) was said to hold "another program's data", and a damaged or
    foreign one was said in SQLite's words ("database disk image is malformed", "file is not a database"), in the
    restore dialog, the CLI's restore and its list of backups alike."""
    make_database(db_path)
    whole = tmp_path / "whole.db"
    assert call_cli("backup", "--db", str(db_path), "-o", str(whole)).returncode == 0
    bad = backup_folder(db_path) / "auto-20261001T090000Z.db"
    bad.parent.mkdir(parents=True, exist_ok=True)
    contents = {"empty": b"", "cut short": whole.read_bytes()[:30000], "another program's file": b"Budget\n" * 9000}
    bad.write_bytes(contents[fault])
    expected = "is empty: it holds no data to restore" if fault == "empty" else "is damaged, or is not a CoPDesk backup"

    said = one_line_error(call_cli("restore", str(bad), "--db", str(db_path)))
    listed = json.loads(call_cli("backups", "--db", str(db_path), "--json").stdout)[0]["problem"]

    for words in (said, listed):
        assert f"{bad.name} {expected}" in words, words
        assert not any(sqlite in words for sqlite in ("malformed", "not a database", "another program")), words


def test_a_kept_copy_is_never_opened_to_be_changed(call_cli: CallCli, db_path: Path, tmp_path: Path) -> None:
    """A backup (or a quarantined file) at this very schema is as kept as an older one: the window, retention and
    erasure refuse it, so a copy never changes after it was taken. Restoring it is the way back."""
    make_database(db_path)
    _start(db_path)
    call_cli("restore", str(_plain_copy(db_path, tmp_path)), "--db", str(db_path))
    kept = next(b.path for b in list_backups(db_path) if b.kind is BackupKind.PRE_RESTORE)
    before = kept.read_bytes()
    with pytest.raises(StoreError, match=r"is a copy CoPDesk keeps .* so it is not opened to be changed: restore it"):
        open_database(kept, paths.migrations_dir())
    for command in (("retention", "--months", "1", "--yes"), ("erase", "--team", "North", "--member", "Sam", "--yes")):
        assert "is a copy CoPDesk keeps" in one_line_error(call_cli(*command, "--db", str(kept))), command
    assert kept.read_bytes() == before
    assert not [s for s in ("-wal", "-shm", "-journal") if kept.with_name(kept.name + s).exists()], "nor beside it"
    assert call_cli("check", "--db", str(kept)).returncode == 0  # reading it is fine


def _plain_copy(db_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    conn = sqlite3.connect(db_path)
    conn.execute("VACUUM INTO ?", [str(copy)])
    conn.close()
    return copy


@pytest.mark.posix_only
def test_a_linked_file_in_the_backups_folder_is_not_listed_nor_offered_for_restore(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    """Erasure and retention never follow links, so a link there would keep what they removed, and a restore of
    it would bring that back; it may also point at the database itself."""
    make_database(db_path)
    _start(db_path)
    (taken,) = _automatic(db_path)
    folder = taken.parent
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    outside = elsewhere / "auto-20261001T100000Z.db"
    outside.write_bytes(taken.read_bytes())
    (folder / outside.name).symlink_to(outside)
    (folder / "auto-20261002T100000Z.db").symlink_to(db_path)
    assert [b.path for b in list_backups(db_path)] == [taken]
    listed = call_cli("backups", "--db", str(db_path))
    assert listed.returncode == 0 and taken.name in listed.stdout
    assert outside.name not in listed.stdout and "auto-20261002T100000Z.db" not in listed.stdout
    moved = tmp_path / "linked" / "copdesk.db"  # the backups folder itself a link (to another drive): followed,
    moved.parent.mkdir()  # as the backups written into it are, and erasure and retention clean it
    (moved.parent / "backups").mkdir()
    (moved.parent / "backups" / moved.name).symlink_to(folder, target_is_directory=True)
    linked_taken = moved.parent / "backups" / moved.name / taken.name
    assert [b.path for b in list_backups(moved)] == [linked_taken]
    assert linked_taken in [copy.path for copy in copies_of(moved)]


def test_backups_listing_in_json(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path)
    _start(db_path)
    (backup_folder(db_path) / "auto-20270101T000000Z.db").write_text("damaged", encoding="utf-8")
    result = run_cli("backups", "--db", str(db_path), "--json")
    rows = json.loads(result.stdout)
    assert [(row["kind"], row["verified"]) for row in rows] == [("auto", False), ("auto", True)]


@pytest.mark.posix_only
def test_backup_files_are_private_whatever_the_umask(db_path: Path, tmp_path: Path) -> None:
    make_database(db_path)
    target = tmp_path / "out" / "copy.db"
    target.parent.mkdir()  # the CLI writes into a folder that exists; it never creates one from a typed path
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "backup", "--db", str(db_path), "-o", str(target)],
        check=True,
        env=child_env(),
        preexec_fn=lambda: os.umask(0o022),  # a permissive shell
        capture_output=True,
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    _start(db_path, NOW + timedelta(days=1))
    for backup in list_backups(db_path):
        assert stat.S_IMODE(backup.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup_folder(db_path).stat().st_mode) == 0o700


def test_a_failed_backup_leaves_nothing_beside_the_backups(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk can stop SQLite deleting the unfinished copy's journal itself; CoPDesk deletes it, and one left by
    a crash is deleted before the next copy starts (it would otherwise be played back into that copy)."""
    from copdesk.store import backup
    from copdesk.store.errors import StoreError

    make_database(db_path)
    folder = tmp_path / "copies"
    destination = folder / "auto-20261205T080000Z.db"
    stale = folder / f".{destination.name}.partial-journal"

    def fails_on_a_full_disk(copy: Path) -> None:
        copy.with_name(copy.name + "-journal").write_bytes(b"left by SQLite when the disk filled")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "verify", fails_on_a_full_disk)
    conn = sqlite3.connect(db_path)
    with pytest.raises(StoreError, match="the disk is full"):
        backup.backup_to(conn, destination)
    assert sorted(folder.iterdir()) == []
    monkeypatch.undo()
    stale.write_bytes(b"a journal of an earlier copy, cut short")
    assert backup.backup_to(conn, destination) == destination
    conn.close()
    assert sorted(file.name for file in folder.iterdir()) == [destination.name]


@pytest.mark.posix_only
def test_a_link_where_the_backups_folder_goes_is_said_as_it_leads(tmp_path: Path) -> None:
    """A link leading round in a circle was said to point to a drive that has gone ("reconnect the drive"), and a
    relative link was named as it is written ("…/rel/../stick"), not where it leads."""
    folder = tmp_path / "backups"
    folder.symlink_to(folder)
    looping = file_in_place_of(folder)
    assert looping is not None and looping.message.endswith("a link that leads round in a circle: remove the link.")
    folder.unlink()

    folder.symlink_to(Path("rel") / ".." / "stick")
    gone = file_in_place_of(folder)
    assert gone is not None and f"a link to {tmp_path / 'stick'}, which cannot be reached" in gone.message
