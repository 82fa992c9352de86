"""Two databases in one folder: each has its own backups, and never rotates, lists or restores the other's."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.services.data_care import apply_retention, erase_member
from copdesk.startup import open_for_gui
from copdesk.store.backup_catalogue import (
    STATE_FILE,
    BackupKind,
    list_backups,
    new_backup_path,
    newest_verified_backup,
)
from copdesk.store.connection import BACKUP_FOLDER, backup_folder, open_database
from copdesk.store.recovery import QUARANTINE_FOLDER, quarantine, quarantined_files, restore_database
from copdesk.store.uri import sqlite_uri
from tests.cli.conftest import RunCli
from tests.reliability.conftest import NOW, FakePrompts, corrupt, make_database


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # a normal shell's umask, not the app's 077
    yield
    os.umask(previous)


def _start(db_path: Path, now: datetime) -> FakePrompts:
    prompts = FakePrompts()
    started = open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=now)
    if started is not None:
        started.opened.db.close()
        started.lock.release()
    return prompts


def _change(db_path: Path, value: str) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    opened.db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('changed', ?)", [value])
    opened.db.close()


def _team_name(path: Path) -> str:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return str(conn.execute("SELECT value FROM setting WHERE key = 'changed'").fetchone()[0])
    finally:
        conn.close()


def test_one_databases_rotation_never_deletes_the_others_backup(folder: Path) -> None:
    team_a, team_b = folder / "teamA.db", folder / "teamB.db"
    make_database(team_a)
    _change(team_a, "A")
    _start(team_a, NOW - timedelta(days=60))  # team A's only backup, two months old
    (only_a,) = list_backups(team_a)
    make_database(team_b)
    for day in range(4):  # team B is used every day: its rotation runs each time
        _change(team_b, f"B{day}")
        _start(team_b, NOW + timedelta(days=day))

    assert list_backups(team_a) == [only_a] and only_a.path.is_file()
    assert {_team_name(b.path) for b in list_backups(team_b)} == {"B0", "B1", "B2", "B3"}
    assert only_a.path.parent == folder / BACKUP_FOLDER / "teamA.db"


def test_the_cli_lists_only_this_databases_backups(run_cli: RunCli, folder: Path) -> None:
    team_a, team_b = folder / "teamA.db", folder / "teamB.db"
    for path, name in ((team_a, "A"), (team_b, "B")):
        make_database(path)
        _change(path, name)
        _start(path, NOW)

    result = run_cli("backups", "--db", str(team_a), "--json")

    rows = json.loads(result.stdout)
    assert result.returncode == 0 and len(rows) == 1
    assert _team_name(Path(rows[0]["file"])) == "A"


def test_a_damaged_database_is_offered_its_own_backup_never_the_neighbours(folder: Path) -> None:
    team_a, team_b = folder / "teamA.db", folder / "teamB.db"
    make_database(team_b)
    _change(team_b, "B")
    _start(team_b, NOW)  # only team B has a backup
    make_database(team_a)
    corrupt(team_a, "overwritten-page")

    assert _start(team_a, NOW + timedelta(hours=1)).offered_backup is None  # nothing of A's to offer

    own = new_backup_path(team_a, BackupKind.AUTOMATIC, NOW)  # team A's own backup, from before the damage
    own.parent.mkdir(parents=True)
    shutil.copyfile(list_backups(team_b)[0].path, own)
    offered = _start(team_a, NOW + timedelta(hours=2)).offered_backup
    assert offered is not None and offered.path.parent == backup_folder(team_a)


def test_a_new_empty_database_lists_no_backups_of_the_database_beside_it(folder: Path) -> None:
    team_a = folder / "teamA.db"
    make_database(team_a)
    _start(team_a, NOW)
    assert len(list_backups(team_a)) == 1

    team_b = folder / "teamB.db"
    _start(team_b, NOW + timedelta(hours=1))

    assert list_backups(team_b) == []
    assert newest_verified_backup(team_b, 99) is None


def test_pre_migration_and_pre_restore_copies_go_in_the_databases_own_folder(folder: Path, tmp_path: Path) -> None:
    first_only = tmp_path / "first-migration-only"
    first_only.mkdir()
    shutil.copy(paths.migrations_dir() / "0001_initial.sql", first_only)
    team_a = folder / "teamA.db"
    open_database(team_a, first_only, now=NOW).db.close()  # the first schema, as an old CoPDesk left it

    migrated = open_database(team_a, paths.migrations_dir(), now=NOW)
    migrated.db.close()

    assert migrated.pre_migration_backup is not None
    assert migrated.pre_migration_backup.parent == backup_folder(team_a)
    assert [b.kind for b in list_backups(team_a)] == [BackupKind.PRE_MIGRATION]
    assert list_backups(folder / "teamB.db") == []

    copy = tmp_path / "copy.db"
    shutil.copyfile(migrated.pre_migration_backup, copy)
    result = restore_database(copy, team_a, paths.migrations_dir(), NOW + timedelta(hours=1))
    result.opened.db.close()
    assert result.previous_backup is not None and result.previous_backup.parent == backup_folder(team_a)
    assert list_backups(folder / "teamB.db") == []


@pytest.mark.posix_only
def test_the_last_backup_marker_is_private_and_belongs_to_one_database(folder: Path, permissive_umask: None) -> None:
    team_a, team_b = folder / "teamA.db", folder / "teamB.db"
    for path in (team_a, team_b):
        make_database(path)
        _start(path, NOW)

    for path in (team_a, team_b):
        marker = backup_folder(path) / STATE_FILE
        assert stat.S_IMODE(marker.stat().st_mode) == 0o600
        recorded = json.loads(marker.read_text(encoding="utf-8"))["file"]
        assert [b.path.name for b in list_backups(path)] == [recorded]
    assert stat.S_IMODE((folder / BACKUP_FOLDER).stat().st_mode) == 0o700

    _start(team_a, NOW + timedelta(hours=1))  # nothing changed in A: B's marker does not make A back up again
    assert len(list_backups(team_a)) == 1


def test_backups_of_the_default_database_in_the_old_shared_folder_are_still_found(folder: Path) -> None:
    default = folder / paths.DATABASE_FILENAME
    make_database(default)
    _start(default, NOW)
    (own,) = list_backups(default)
    flat = folder / BACKUP_FOLDER / "auto-20260101T090000Z.db"  # where earlier versions wrote them
    shutil.copyfile(own.path, flat)

    assert [b.path for b in list_backups(default)] == [own.path, flat]
    assert list_backups(folder / "teamA.db") == []  # another database never claims them


def test_retention_cleans_only_its_own_backups_and_quarantined_files(folder: Path) -> None:
    long_ago = NOW - timedelta(days=800)
    quarantined: dict[str, list[Path]] = {}
    for name in ("teamA.db", "teamB.db"):
        path = folder / name
        make_database(path)
        _start(path, long_ago)  # a backup older than the retention period
        quarantined[name] = quarantine(path, long_ago)  # a damaged copy set aside back then
        for file in quarantined[name]:
            os.utime(file, (long_ago.timestamp(), long_ago.timestamp()))
        make_database(path)
    old_a_backup = list_backups(folder / "teamA.db")[0].path

    assert quarantined_files(folder / "teamB.db") == quarantined["teamB.db"]
    opened = open_database(folder / "teamB.db", paths.migrations_dir(), now=NOW)
    report = apply_retention(opened.db, folder / "teamB.db", 12, NOW)
    opened.db.close()

    assert sorted(path.parent.name for path in report.copies.deleted) == ["quarantine", "teamB.db"]
    assert list_backups(folder / "teamB.db") == []
    assert old_a_backup.is_file() and all(file.is_file() for file in quarantined["teamA.db"])
    assert sorted((folder / QUARANTINE_FOLDER).iterdir()) == sorted(quarantined["teamA.db"])


def test_quarantined_files_are_told_apart_by_their_database(folder: Path) -> None:
    for name in ("teamA.db", "teamA.db", "teamB.db"):  # two of A's in one second: the second gets a counter
        make_database(folder / name)
        quarantine(folder / name, NOW)

    assert [p.name for p in sorted(quarantined_files(folder / "teamA.db"))] == [
        "20261008T093000Z-1-teamA.db",
        "20261008T093000Z-teamA.db",
    ]
    assert [p.name for p in quarantined_files(folder / "teamB.db")] == ["20261008T093000Z-teamB.db"]
    assert quarantined_files(folder / "eamA.db") == []


def test_erasure_cleans_this_databases_backups_and_leaves_the_neighbours_alone(folder: Path) -> None:
    team_a, team_b = folder / "teamA.db", folder / "teamB.db"
    for path in (team_a, team_b):
        make_database(path)
        _start(path, NOW)
    neighbour = list_backups(team_b)[0].path
    untouched = neighbour.read_bytes()
    opened = open_database(team_a, paths.migrations_dir(), now=NOW)
    member_id = int(opened.db.execute("SELECT id FROM member WHERE display_name = 'Ash Lee'").fetchone()[0])

    report = erase_member(opened.db, team_a, member_id, NOW)
    opened.db.close()

    assert len(report.copies.cleaned) == 1
    (own,) = list_backups(team_a)
    conn = sqlite3.connect(sqlite_uri(own.path, mode="ro"), uri=True)
    assert conn.execute("SELECT count(*) FROM member WHERE display_name = 'Ash Lee'").fetchone()[0] == 0
    conn.close()
    assert neighbour.read_bytes() == untouched
