"""A database's backups folder: what is in it, which backups can be trusted, and the automatic backup
taken at start-up.

Each database has a folder of its own, ``backups/<database file name>/`` beside it, so databases sharing a
folder never rotate, list or restore each other's backups. The backups of ``copdesk.db`` (the default name)
written before that, straight into ``backups/``, are still found, rotated and cleaned as its own.

Every backup CoPDesk writes goes through :func:`copdesk.store.backup.backup_to` (the backup API into
a temporary file, reopened and checked with ``quick_check``, then renamed into place). File names
carry the kind and the UTC time, so the folder can be read without opening a file:
``auto-20261008T093000Z.db``, ``pre-migration-v1-20261008T093000Z.db``, ``pre-restore-20261008T093000Z.db``.

A start-up backup is only worth taking when the database changed since the last one. The database's
own files say so cheaply: their sizes and modification times (the -wal included, which holds the
latest commits after an unclean exit) are recorded beside the backups. Recording them inside the
database would itself change the database.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from copdesk.core.retention import backups_to_keep
from copdesk.paths import DATABASE_FILENAME
from copdesk.store import migrations
from copdesk.store.backup import backup_to, damaged_or_foreign, file_in_place_of, verify
from copdesk.store.connection import BACKUP_FOLDER, backup_folder
from copdesk.store.errors import LocationError, StoreError
from copdesk.store.location import companion_files
from copdesk.store.permissions import open_private, replace_file
from copdesk.store.uri import read_only_uri

STAMP_FORMAT = "%Y%m%dT%H%M%SZ"
STATE_FILE = "last-automatic-backup.json"
_NAME = re.compile(r"^(auto|pre-migration-v\d+|pre-restore)-(\d{8}T\d{6}Z)(?:-(\d+))?\.db$")
_COPDESK_TABLES = ("team", "member", "session", "note")


class BackupKind(StrEnum):
    AUTOMATIC = "auto"
    PRE_MIGRATION = "pre-migration"
    PRE_RESTORE = "pre-restore"

    @property
    def label(self) -> str:
        return {"auto": "automatic", "pre-migration": "before an update", "pre-restore": "before a restore"}[self.value]


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    kind: BackupKind
    taken_at: datetime


def _searched_folders(db_path: Path) -> list[Path]:
    """The database's own folder, and for the default name the shared folder backups were first written to."""
    own = backup_folder(db_path)
    return [own, db_path.parent / BACKUP_FOLDER] if db_path.name == DATABASE_FILENAME else [own]


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(STAMP_FORMAT)


def new_backup_path(db_path: Path, kind: BackupKind, now: datetime) -> Path:
    """A fresh name in the backups folder; a second backup in the same second gets a suffix."""
    folder = backup_folder(db_path)
    base = f"{kind.value}-{stamp(now)}"
    candidate = folder / f"{base}.db"
    counter = 1
    while candidate.exists():
        candidate = folder / f"{base}-{counter}.db"
        counter += 1
    return candidate


def list_backups(db_path: Path) -> list[BackupFile]:
    """The backups of ``db_path``, newest first (unverified: see :func:`newest_verified_backup`).

    A link in place of a backup is none that CoPDesk took: it may point anywhere (at the database itself, or at a
    copy that erasure and retention, which never follow a linked file, leave as it was), so it is neither listed
    nor offered for restore. A backups folder that is itself a link is followed, here as by the backups written
    into it and by erasure and retention (:func:`copdesk.store.copies.copies_of`)."""
    found: list[tuple[datetime, int, BackupFile]] = []
    for path in (path for folder in _searched_folders(db_path) if folder.is_dir() for path in folder.iterdir()):
        match = _NAME.match(path.name)
        if match is None or not path.is_file() or path.is_symlink():
            continue
        kind = BackupKind.PRE_MIGRATION if match[1].startswith("pre-migration") else BackupKind(match[1])
        taken_at = datetime.strptime(match[2], STAMP_FORMAT).replace(tzinfo=UTC)
        # Within one second, "-1", "-2" were written after the unsuffixed name.
        found.append((taken_at, int(match[3] or 0), BackupFile(path, kind, taken_at)))
    return [backup for *_, backup in sorted(found, key=lambda entry: entry[:2], reverse=True)]


def folder_blocked(db_path: Path) -> LocationError | None:
    """A file where ``db_path``'s backups folder goes, said as what to do about it; None when there is none. No backup
    can be taken or listed until it is moved, so "no backups yet" must not be the word for an empty list then."""
    return file_in_place_of(backup_folder(db_path))


def verify_restorable(path: Path, latest_version: int, superseded: Callable[[], bool] | None = None) -> int:
    """Check that ``path`` is a sound CoPDesk database this version can open; return its schema version. The check
    reads the whole file; it stops (a :class:`StoreError`) as soon as ``superseded()`` says it is no longer wanted."""
    if not path.is_file():
        raise StoreError(f"{path} does not exist or is not a file.")
    verify(path, superseded)
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            version = migrations.user_version(conn)
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(damaged_or_foreign(path)) from exc
    if version > latest_version:
        raise StoreError(
            f"{path.name} was saved by a newer CoPDesk (its data is version {version}); update CoPDesk to use it."
        )
    if not tables:  # an empty file is a database of no tables, and held no other program's data either
        raise StoreError(f"{path.name} is empty: it holds no data to restore, perhaps a copy cut short.")
    if version < 1 or not set(_COPDESK_TABLES) <= tables:
        raise StoreError(f"{path.name} is not a CoPDesk database: it holds another program's data.")
    return version


def newest_verified_backup(db_path: Path, latest_version: int) -> BackupFile | None:
    """The newest backup that passes :func:`verify_restorable`; damaged ones are skipped, never deleted."""
    for backup in list_backups(db_path):
        try:
            verify_restorable(backup.path, latest_version)
        except StoreError:
            continue
        return backup
    return None


def files_fingerprint(db_path: Path) -> str:
    """Sizes and modification times of the database and its -wal: they change whenever a commit lands."""
    parts = []
    for file in companion_files(db_path)[:2]:
        try:
            info = file.stat()
        except FileNotFoundError:
            continue
        if info.st_size:
            parts.append(f"{file.name}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


def _recorded_state(db_path: Path) -> dict[str, str]:
    try:
        state = json.loads((backup_folder(db_path) / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(key): str(value) for key, value in state.items()} if isinstance(state, dict) else {}


def backup_due(db_path: Path, fingerprint: str) -> bool:
    """Whether the files have changed since the last automatic backup (or it is gone)."""
    state = _recorded_state(db_path)
    last = backup_folder(db_path) / state.get("file", "")
    return not (fingerprint and state.get("fingerprint") == fingerprint and last.is_file())


def backup_if_changed(conn: sqlite3.Connection, db_path: Path, fingerprint: str, now: datetime) -> Path | None:
    """Take an automatic backup when the files have changed since the last one; return its path, or ``None``.

    ``fingerprint`` is :func:`files_fingerprint` taken *before* the database was opened, so it describes
    the state this backup captures. Old automatic backups are then rotated.
    """
    if not backup_due(db_path, fingerprint):
        return None
    target = backup_to(conn, new_backup_path(db_path, BackupKind.AUTOMATIC, now))
    state_file = backup_folder(db_path) / STATE_FILE
    partial = state_file.with_name(f".{STATE_FILE}.partial")
    _write_private(partial, json.dumps({"fingerprint": fingerprint, "file": target.name}))
    replace_file(partial, state_file)
    if db_path.name == DATABASE_FILENAME:
        (db_path.parent / BACKUP_FOLDER / STATE_FILE).unlink(missing_ok=True)  # the shared folder's, superseded
    rotate_automatic_backups(db_path)
    return target


def _write_private(path: Path, text: str) -> None:
    """Write ``text`` to a new file only its owner can read, whatever the umask (it names the backups); whatever
    was at ``path`` (one left by a crash, or a link put there) is removed first, never written through."""
    path.unlink(missing_ok=True)
    with os.fdopen(open_private(path), "w", encoding="utf-8") as handle:
        handle.write(text)


def rotate_automatic_backups(db_path: Path) -> list[Path]:
    """Delete automatic backups outside the 7 daily and 4 weekly kept; return what was deleted.

    One that cannot be deleted now (on Windows, a file another program has open: a virus scanner, a backup tool)
    is left for the next rotation: the backup just taken is good, and is never reported as failed because of it.
    """
    automatic = [backup for backup in list_backups(db_path) if backup.kind is BackupKind.AUTOMATIC]
    keep = backups_to_keep(backup.taken_at for backup in automatic)
    deleted = []
    for backup in automatic:  # two backups within one second share a stamp, and share its fate
        if backup.taken_at not in keep:
            try:
                backup.path.unlink(missing_ok=True)
            except OSError:
                continue
            deleted.append(backup.path)
    return deleted
