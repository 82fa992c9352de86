"""A damaged database is never opened: it is quarantined with its -wal and -shm, and the newest verified
backup is offered; without one CoPDesk starts fresh and keeps the damaged copy. Quitting changes nothing."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.crash_log import log_path
from copdesk.startup import open_for_gui
from copdesk.store.audit import recent_events
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, new_backup_path
from copdesk.store.connection import backup_folder, open_database, ready_restore_file
from copdesk.store.errors import StoreError
from copdesk.store.location import companion_files
from copdesk.store.recovery import QUARANTINE_FOLDER, restore_database
from copdesk.store.teams import team_count
from tests.cli.conftest import CallCli, one_line_error
from tests.reliability.conftest import CORRUPTIONS, NOW, FakePrompts, corrupt, leave_wal_and_shm, make_database

LATER = NOW.replace(hour=11)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _take_backup(db_path: Path, when: datetime = NOW) -> Path:
    conn = sqlite3.connect(db_path)
    try:
        return backup_to(conn, new_backup_path(db_path, BackupKind.AUTOMATIC, when))
    finally:
        conn.close()


def _damage(db_path: Path, kind: str) -> dict[str, str]:
    """Leave a crash's -wal and -shm, then damage the database file; return what must be kept, byte for byte."""
    leave_wal_and_shm(db_path)
    corrupt(db_path, kind)
    return _contents(companion_files(db_path))


def _contents(files: list[Path]) -> dict[str, str]:
    """Names and digests; the -shm is SQLite's shared-memory index, rebuilt from the -wal by any reader,
    so only its presence is compared."""
    return {file.name: "present" if file.name.endswith("-shm") else _digest(file) for file in files}


def _quarantined(db_path: Path) -> dict[str, str]:
    kept = _contents(sorted((db_path.parent / QUARANTINE_FOLDER).iterdir()))
    return {name.split("-", 1)[1]: digest for name, digest in kept.items()}


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_damage_with_a_backup_restores_the_newest_verified_one(db_path: Path, kind: str) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    # A newer backup that is itself damaged must be skipped, not offered.
    broken = new_backup_path(db_path, BackupKind.AUTOMATIC, LATER)
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    before = _damage(db_path, kind)
    prompts = FakePrompts(damage="restore")

    started = open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=LATER)

    assert started is not None
    assert [what for what, _ in prompts.asked] == ["damaged"]
    assert "\n" not in prompts.asked[0][1] and str(db_path) in prompts.asked[0][1]
    assert prompts.offered_backup is not None and prompts.offered_backup.path == good
    assert _quarantined(db_path) == before  # the damaged file and its companions, byte for byte
    assert team_count(started.opened.db) == 1  # the backup's content is back
    events = [event["event"] for event in recent_events(started.opened.db)]
    assert "restored" in events and "quarantined" in events
    assert started.opened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert any("restored the backup" in notice for notice in started.notices)
    assert broken.exists()  # never deleted: only skipped
    started.opened.db.close()
    started.lock.release()


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_damage_without_a_backup_starts_fresh_and_keeps_the_damaged_copy(db_path: Path, kind: str) -> None:
    make_database(db_path)
    before = _damage(db_path, kind)
    prompts = FakePrompts(damage="fresh")

    started = open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=LATER)

    assert started is not None and prompts.offered_backup is None
    assert _quarantined(db_path) == before
    assert team_count(started.opened.db) == 0
    assert any("empty database" in notice for notice in started.notices)
    said = prompts.asked[0][1]  # in plain words; SQLite's code for the damage is in the log beside the data
    assert not any(jargon in said for jargon in ("SQLite", "malformed", "disk image", "(")), said
    assert "DatabaseError" in log_path(db_path.parent).read_text(encoding="utf-8")
    started.opened.db.close()
    started.lock.release()


@pytest.mark.parametrize("kind", CORRUPTIONS)
def test_quitting_at_the_question_changes_nothing(db_path: Path, kind: str) -> None:
    make_database(db_path)
    _take_backup(db_path)
    before = _damage(db_path, kind)
    listing = sorted(p.name for p in db_path.parent.rglob("*"))

    assert open_for_gui(db_path, FakePrompts(damage="quit"), migrations_dir=paths.migrations_dir(), now=LATER) is None

    assert _contents(companion_files(db_path)) == before
    assert sorted(p.name for p in db_path.parent.rglob("*")) == listing  # no quarantine, no lock file left


def test_a_database_another_program_holds_locked_is_never_offered_as_damaged(db_path: Path) -> None:
    """Held in SQLite's exclusive locking mode by another program, the file failed its check like a damaged one:
    the start asked to move a healthy database aside and restore a backup over it."""
    make_database(db_path)
    _take_backup(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("PRAGMA locking_mode = EXCLUSIVE")
    other.execute("BEGIN IMMEDIATE")
    other.execute("COMMIT")
    prompts = FakePrompts(damage="restore")
    try:
        assert open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=LATER) is None
    finally:
        other.close()
    assert [kind for kind, _ in prompts.asked] == ["cannot-open"]
    assert "Another program is holding" in prompts.asked[0][1]
    assert not (db_path.parent / QUARANTINE_FOLDER).exists()


def test_a_second_damage_the_same_second_does_not_overwrite_the_first(db_path: Path) -> None:
    for _ in range(2):
        make_database(db_path) if not db_path.exists() else None
        corrupt(db_path, "text-file")
        started = open_for_gui(db_path, FakePrompts(damage="fresh"), migrations_dir=paths.migrations_dir(), now=NOW)
        assert started is not None
        started.opened.db.close()
        started.lock.release()
    assert len(list((db_path.parent / QUARANTINE_FOLDER).iterdir())) == 2


def test_the_quarantine_folder_is_private(db_path: Path) -> None:
    make_database(db_path)
    corrupt(db_path, "random-bytes")
    started = open_for_gui(db_path, FakePrompts(damage="fresh"), migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None
    started.opened.db.close()
    started.lock.release()
    assert (db_path.parent / QUARANTINE_FOLDER).stat().st_mode & 0o077 == 0
    assert backup_folder(db_path).exists() is False or backup_folder(db_path).stat().st_mode & 0o077 == 0
    reopened = open_database(db_path, paths.migrations_dir())
    assert reopened.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    reopened.db.close()


def _cut_short(*_args: object) -> None:
    raise KeyboardInterrupt  # stands in for the process ending between the two renames


def _in_use(*_args: object) -> None:
    raise PermissionError(13, "Permission denied")  # a virus scanner or a sync client holds the file


def _renames_refused(monkeypatch: pytest.MonkeyPatch, refused: Callable[[Path, Path], bool]) -> None:
    """The restore's renames, each ``refused`` (from, to) as a file in use refuses it, the others made."""
    real_replace = os.replace

    def replace(source: Path, target: Path) -> None:
        if refused(Path(source), Path(target)):
            _in_use()
        real_replace(source, target)

    monkeypatch.setattr("copdesk.store.permissions.os.replace", replace)


def _restore_cut_short(source: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Restore ``source`` and end the process between moving the damaged file aside and renaming the backup in."""
    monkeypatch.setattr("copdesk.store.recovery.put_in_place", _cut_short)
    with pytest.raises(KeyboardInterrupt):
        restore_database(source, db_path, paths.migrations_dir(), LATER)
    monkeypatch.undo()


def _restore_left_waiting(source: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Restore ``source`` with the rename refused and the damaged file not put back: the backup waits."""
    monkeypatch.setattr("copdesk.store.recovery.put_in_place", _in_use)
    monkeypatch.setattr("copdesk.store.recovery._move_back", lambda *_args: False)
    with pytest.raises(StoreError, match="kept in quarantine/, and the backup is put in its place when"):
        restore_database(source, db_path, paths.migrations_dir(), LATER)
    monkeypatch.undo()


def test_a_restore_cut_short_once_the_damaged_file_was_moved_is_finished_at_the_next_start(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    before = _damage(db_path, "overwritten-page")
    _restore_cut_short(good, db_path, monkeypatch)
    assert not db_path.exists() and ready_restore_file(db_path).is_file()  # no database, the backup ready

    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=LATER)

    assert started is not None and team_count(started.opened.db) == 1  # the backup, never an empty database
    assert any("restore was cut short" in notice for notice in started.notices)
    assert _quarantined(db_path) == before and not ready_restore_file(db_path).exists()
    started.opened.db.close()
    started.lock.release()


def test_a_rename_refused_after_the_damaged_file_was_moved_puts_it_back(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    before = _damage(db_path, "overwritten-page")

    monkeypatch.setattr("copdesk.store.recovery.put_in_place", _in_use)
    with pytest.raises(PermissionError):  # worded by the window and the command line, as any file in use
        restore_database(good, db_path, paths.migrations_dir(), LATER)

    assert _contents(companion_files(db_path)) == before  # back, byte for byte, with its -wal
    assert not list((db_path.parent / QUARANTINE_FOLDER).iterdir())
    assert not ready_restore_file(db_path).exists()


def test_a_rename_refused_and_the_damaged_file_not_put_back_leaves_the_backup_for_the_next_opening(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    before = _damage(db_path, "overwritten-page")

    _restore_left_waiting(good, db_path, monkeypatch)

    opened = open_database(db_path, paths.migrations_dir())  # as the window reopens after a failed restore
    assert opened.restore_finished and team_count(opened.db) == 1
    assert _quarantined(db_path) == before
    opened.db.close()


def test_a_damaged_file_that_cannot_be_moved_aside_is_left_whole_and_the_restore_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    before = _damage(db_path, "overwritten-page")
    _renames_refused(monkeypatch, lambda source, _target: source == db_path)  # its -wal and -shm have moved by now
    with pytest.raises(StoreError) as refused:
        restore_database(good, db_path, paths.migrations_dir(), LATER)

    assert refused.value.message == (
        "The restore did not happen. The damaged database could not be moved aside (Permission denied); "
        "it was left where it was."
    )
    assert _contents(companion_files(db_path)) == before
    assert not list((db_path.parent / QUARANTINE_FOLDER).iterdir()) and not ready_restore_file(db_path).exists()


def test_a_damaged_file_that_cannot_be_moved_aside_at_a_start_is_said_in_one_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    before = _damage(db_path, "random-bytes")

    monkeypatch.setattr("copdesk.store.permissions.os.replace", _in_use)
    prompts = FakePrompts(damage="fresh")
    assert open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=LATER) is None

    assert prompts.asked[-1] == (
        "cannot-open",
        "The damaged database could not be moved aside (Permission denied); it was left where it was.",
    )
    assert _contents(companion_files(db_path)) == before


def test_a_restore_to_where_no_database_is_whose_rename_is_refused_leaves_nothing_to_finish_later(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    elsewhere = tmp_path / "elsewhere" / "new.db"
    elsewhere.parent.mkdir()

    monkeypatch.setattr("copdesk.store.recovery.put_in_place", _in_use)
    with pytest.raises(PermissionError):
        restore_database(good, elsewhere, paths.migrations_dir(), LATER)

    assert not elsewhere.exists() and not ready_restore_file(elsewhere).exists()  # said refused: never done later


@pytest.mark.parametrize(("kind", "unread"), [("random-bytes", True), ("text-file", True), ("overwritten-page", False)])
def test_a_damaged_file_whose_erasures_cannot_be_read_is_said_at_the_restore(
    db_path: Path, kind: str, unread: bool
) -> None:
    make_database(db_path)
    _take_backup(db_path)
    corrupt(db_path, kind)

    started = open_for_gui(db_path, FakePrompts(damage="restore"), migrations_dir=paths.migrations_dir(), now=LATER)

    assert started is not None
    said = " ".join(started.notices)
    assert ("if you erased anyone from CoPDesk since then, erase them again" in said) is unread
    started.opened.db.close()
    started.lock.release()


def test_a_damaged_file_only_partly_put_back_goes_back_to_quarantine_whole_and_the_backup_waits(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    before = _damage(db_path, "overwritten-page")
    monkeypatch.setattr("copdesk.store.recovery.put_in_place", _in_use)
    wal = companion_files(db_path)[1]  # it cannot go back: a sync client holds it
    _renames_refused(monkeypatch, lambda _source, target: target == wal)
    with pytest.raises(StoreError, match="kept in quarantine/, and the backup is put in its place when"):
        restore_database(good, db_path, paths.migrations_dir(), LATER)
    monkeypatch.undo()

    assert not any(file.exists() for file in companion_files(db_path))  # never back without its -wal
    assert _quarantined(db_path) == before and ready_restore_file(db_path).is_file()
    opened = open_database(db_path, paths.migrations_dir())
    assert opened.restore_finished and team_count(opened.db) == 1
    opened.db.close()


def test_a_restore_over_an_unreadable_file_cut_short_still_says_its_erasures_are_unknown(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    corrupt(db_path, "random-bytes")
    _restore_cut_short(good, db_path, monkeypatch)

    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=LATER)

    assert started is not None
    said = " ".join(started.notices)
    assert "restore was cut short" in said and "if you erased anyone from CoPDesk since then, erase them again" in said
    assert not started.opened.db.execute("SELECT 1 FROM setting WHERE key LIKE 'restore.%'").fetchall()  # said once
    started.opened.db.close()
    started.lock.release()


def test_a_folder_that_cannot_be_synced_never_undoes_a_restore(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some shares refuse to fsync a folder: the renames are made all the same, and the restore stands."""
    make_database(db_path)
    good = _take_backup(db_path)
    _damage(db_path, "overwritten-page")
    real_open = os.open

    refused: list[str] = []

    def no_folder_sync(path: str, flags: int, *args: int) -> int:
        if os.path.isdir(path):
            refused.append(path)
            raise OSError(22, "Invalid argument")
        return real_open(path, flags, *args)

    monkeypatch.setattr("copdesk.store.kept_notes.os.open", no_folder_sync)
    result = restore_database(good, db_path, paths.migrations_dir(), LATER)

    assert team_count(result.opened.db) == 1 and result.quarantined
    assert refused  # the folders were asked to sync, and refused
    result.opened.db.close()


def test_a_command_says_a_restore_cut_short_waits_rather_than_that_there_is_no_database(
    db_path: Path, call_cli: CallCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    good = _take_backup(db_path)
    _damage(db_path, "overwritten-page")
    _restore_cut_short(good, db_path, monkeypatch)

    for command in ("check", "upgrade"):
        said = one_line_error(call_cli(command, "--db", str(db_path)))
        assert "a restore was cut short there, with the backup ready" in said, command
    assert ready_restore_file(db_path).is_file()


def test_a_command_that_finishes_a_waiting_restore_says_so_even_when_it_then_refuses(
    db_path: Path, call_cli: CallCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """demo put the waiting backup in place without a word, then refused the (now full) database: the only place
    its unread-erasures warning could be said was gone with the mark it took."""
    make_database(db_path)
    good = _take_backup(db_path)
    corrupt(db_path, "random-bytes")
    _restore_left_waiting(good, db_path, monkeypatch)

    result = call_cli("demo", "--db", str(db_path))

    assert "already holds" in one_line_error(result)
    assert "A restore was cut short last time" in result.stdout and "the backup you chose is now your data" in (
        result.stdout
    )
    assert "erase them again" in result.stdout  # the damaged file could not be read: said once, here
    assert not ready_restore_file(db_path).exists()


def test_any_opening_that_finishes_a_restore_takes_its_unread_mark_so_it_never_lingers(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window reopening after a failed restore finished it, but left the mark in the live data: a later backup
    carried it, and restoring that one said a damaged file could not be read."""
    make_database(db_path)
    good = _take_backup(db_path)
    corrupt(db_path, "random-bytes")
    _restore_left_waiting(good, db_path, monkeypatch)

    opened = open_database(db_path, paths.migrations_dir())  # as the window reopens after a failed restore
    assert opened.restore_finished and opened.restore_history_unread
    assert opened.db.execute("SELECT count(*) FROM setting WHERE key LIKE 'restore.%'").fetchone() == (0,)
    opened.db.close()
    again = restore_database(_take_backup(db_path, LATER), db_path, paths.migrations_dir(), LATER)
    assert not again.history_unread  # a copy of sound data never says its erasures are unknown
    again.opened.db.close()
