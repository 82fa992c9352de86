"""A damaged database is never opened: it is quarantined with its -wal and -shm, and the newest verified
backup is offered; without one CoPDesk starts fresh and keeps the damaged copy. Quitting changes nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.startup import open_for_gui
from copdesk.store.audit import recent_events
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, new_backup_path
from copdesk.store.connection import backup_folder, open_database
from copdesk.store.location import companion_files
from copdesk.store.recovery import QUARANTINE_FOLDER
from copdesk.store.teams import team_count
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
