"""From a database path to an open, locked and backed-up database, for the GUI.

Every way this can go wrong becomes either a question for the user or a one-line message, asked
through :class:`StartupPrompts` so the sequence can be tested without a dialog:

1. the folder is missing and cannot be created, or is read-only: say so and offer another location;
2. the database is open in another CoPDesk: say so, and write nothing (not even the database's -wal);
3. the database is damaged or not a database: offer the newest verified backup, or a fresh start,
   quarantining the damaged files either way (or quit and change nothing);
4. anything else refused (a newer CoPDesk's file, a failed update): say so, and change nothing;
5. once open, take an automatic backup if the database changed since the last one.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path, PurePath, PurePosixPath
from typing import Protocol

from copdesk.core.data_location import filesystem_type, unsafe_location_reason
from copdesk.instance_lock import AlreadyOpenError, InstanceLock
from copdesk.store import migrations
from copdesk.store.backup_catalogue import BackupFile, backup_if_changed, files_fingerprint, newest_verified_backup
from copdesk.store.connection import OpenedDatabase, ensure_location, open_database
from copdesk.store.errors import CorruptDatabaseError, LocationError, NotADatabaseError, StoreError
from copdesk.store.recovery import QUARANTINE_FOLDER, recover_from_damage

MOUNTINFO = Path("/proc/self/mountinfo")


class DamageChoice(Enum):
    RESTORE_BACKUP = "restore"
    START_FRESH = "fresh"
    QUIT = "quit"


class StartupPrompts(Protocol):
    def location_refused(self, message: str, path: Path) -> Path | None:
        """Explain ``message`` and return another database path, or ``None`` to quit."""

    def already_open(self, message: str) -> None: ...

    def database_damaged(self, message: str, backup: BackupFile | None) -> DamageChoice: ...

    def cannot_open(self, message: str) -> None: ...


@dataclass
class Startup:
    opened: OpenedDatabase
    lock: InstanceLock
    notices: list[str] = field(default_factory=list)  # what happened on the way, for an info banner
    warnings: list[str] = field(default_factory=list)  # problems that did not stop the start
    location_warning: str | None = None


def open_for_gui(db_path: Path, prompts: StartupPrompts, *, migrations_dir: Path, now: datetime) -> Startup | None:
    """Open the database for the window, or return ``None`` after telling the user why not."""
    while True:
        try:
            ensure_location(db_path)
        except LocationError as exc:
            chosen = prompts.location_refused(exc.message, db_path)
            if chosen is None:
                return None
            db_path = chosen
            continue
        break
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except AlreadyOpenError as exc:
        prompts.already_open(exc.message)
        return None
    except StoreError as exc:
        prompts.cannot_open(exc.message)
        return None
    try:
        started = _open_locked(db_path, lock, prompts, migrations_dir=migrations_dir, now=now)
    except BaseException:
        lock.release()
        raise
    if started is None:
        lock.release()
    return started


def _open_locked(
    db_path: Path, lock: InstanceLock, prompts: StartupPrompts, *, migrations_dir: Path, now: datetime
) -> Startup | None:
    fingerprint = files_fingerprint(db_path)
    notices: list[str] = []
    try:
        opened = open_database(db_path, migrations_dir, now=now)
    except (CorruptDatabaseError, NotADatabaseError) as exc:
        backup = newest_verified_backup(db_path, migrations.latest_version(migrations_dir))
        choice = prompts.database_damaged(exc.message, backup)
        if choice is DamageChoice.QUIT:
            return None
        restore = backup.path if choice is DamageChoice.RESTORE_BACKUP and backup is not None else None
        try:
            opened, moved = recover_from_damage(db_path, restore, migrations_dir, now)
        except StoreError as error:
            prompts.cannot_open(error.message)
            return None
        kept = f"The damaged file was kept as {QUARANTINE_FOLDER}/{moved[0].name if moved else db_path.name}"
        if restore is not None and backup is not None:
            notices.append(f"{kept}; CoPDesk restored the backup taken {_when(backup.taken_at)}.")
        else:
            notices.append(f"{kept}; CoPDesk started with an empty database.")
        fingerprint = ""  # the database was just replaced: back it up below
    except StoreError as exc:
        prompts.cannot_open(exc.message)
        return None
    started = Startup(opened, lock, notices, location_warning=location_warning(db_path))
    if not opened.created:
        try:
            backup_if_changed(opened.db.conn, db_path, fingerprint, now)
        except (StoreError, OSError) as exc:
            started.warnings.append(f"The automatic backup could not be made: {_message(exc)}")
    return started


def location_warning(db_path: Path) -> str | None:
    """The one-time warning for a data folder inside a synced or network folder, or ``None``."""
    folder = db_path.resolve().parent
    fs_type = None
    if sys.platform.startswith("linux"):
        try:
            fs_type = filesystem_type(MOUNTINFO.read_text(encoding="utf-8"), PurePosixPath(folder))
        except OSError:
            fs_type = None
    reason = unsafe_location_reason(PurePath(folder), fs_type)
    if reason is None:
        return None
    return (
        f"Your data folder {folder} {reason}. Sync and network folders can damage a database that is in use, "
        "and copy case discussions off this computer: keep CoPDesk's data in a local folder instead "
        "(start it with --db PATH, or set COPDESK_DB)."
    )


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b %Y at %H:%M")


def _message(exc: BaseException) -> str:
    return exc.message if isinstance(exc, StoreError) else f"{getattr(exc, 'strerror', None) or exc}"
