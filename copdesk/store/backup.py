"""Verified online backups through SQLite's backup API.

A backup is written to a temporary file beside its destination, reopened and checked with
``quick_check``, and only then renamed into place, so a backup file that exists is a good one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from copdesk.store.errors import LocationError, StorageFullError, StoreError
from copdesk.store.location import (
    check_output_path,
    companion_files,
    database_files,
    followed,
    same_file,
    shown,
)
from copdesk.store.permissions import make_private, replace_file
from copdesk.store.safe_write import storage_error_for
from copdesk.store.uri import read_only_uri

_READ_ONCE_CACHE_KIB = 256
# How many SQLite steps a read beside the window (note search, a backup's check) takes between asking whether it is
# still wanted: about a millisecond's work on the ten-year history, so a read given up stops at once.
STEPS_BETWEEN_ASKING = 1000
# SQLite's answers for a file that is not a sound database: any other (a lock, a read refused, a check given up) is
# about reading it now, not about the file.
_DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def read_once(conn: sqlite3.Connection) -> sqlite3.Connection:
    """A small page cache for a connection that reads the file once, front to back (a check, a backup).

    Such a read gains nothing from SQLite's default 2 MB cache (a ``quick_check`` of ten years' data takes as long
    with 256 KB), and each connection's cache stays in the process's memory after it closes.
    """
    conn.execute(f"PRAGMA cache_size = -{_READ_ONCE_CACHE_KIB}")
    return conn


def verify(path: Path, superseded: Callable[[], bool] | None = None) -> None:
    """Raise :class:`StoreError` unless ``path`` opens read-only and passes ``quick_check``; stopped (a
    :class:`StoreError` too) as soon as ``superseded()`` says the check is no longer wanted."""
    try:
        conn = read_once(sqlite3.connect(read_only_uri(path), uri=True))
        if superseded is not None:
            conn.set_progress_handler(superseded, STEPS_BETWEEN_ASKING)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if exc.sqlite_errorname in _DAMAGED:
            raise StoreError(damaged_or_foreign(path)) from exc
        raise StoreError(f"The backup {path.name} could not be verified ({exc}).") from exc
    if result != "ok":
        raise StoreError(f"{path.name} is damaged: parts of it failed CoPDesk's check, so it cannot be trusted.")


def damaged_or_foreign(path: Path) -> str:
    """What a file SQLite cannot read as a database is said with: SQLite's own words ("file is not a database",
    "database disk image is malformed") meant nothing to a facilitator choosing a backup to restore."""
    return f"{path.name} is damaged, or is not a CoPDesk backup."


def check_destination(database: Path, destination: Path) -> Path:
    """Refuse, before anything is opened or written, a backup path that is not a new file in an existing folder;
    return the path to write (links resolved).

    :func:`backup_to` creates missing folders, as the app's own backups folder needs; a path typed by hand is
    different: a missing folder is more likely a typo than a wish, so it is refused rather than created. No
    database is ever replaced (another team's, one open in the window, a backup: any SQLite file, or a file with
    a -wal or lock beside it), and nor is the database's own -wal/-shm, which hold its latest commits
    (:func:`copdesk.store.location.check_output_path`).
    """
    folder = destination.parent
    if destination.is_dir():
        raise StoreError(f"{shown(destination)} is a folder; give the path of the backup file to write.")
    if not folder.exists():
        raise StoreError(f"There is no folder {shown(folder)}; create it first, or give another path for the backup.")
    names = ("the database itself", "the database's -wal file", "the database's -shm file")
    for own, name in zip(companion_files(followed(database)), names, strict=True):
        if same_file(destination, own):
            raise StoreError(f"{shown(destination)} is {name}; give another path for the backup.")
    return check_output_path(destination)


def being_written(destination: Path) -> Path:
    """The hidden file :func:`backup_to` writes before it takes ``destination``'s name: a crash can leave it."""
    return destination.with_name(f".{destination.name}.partial")


def file_in_place_of(folder: Path) -> LocationError | None:
    """A file (or a link to one, or to nothing) where the backups ``folder``, or the folder that holds it, goes: what
    to do about it, or None when there is none. A link to nothing most often points to a drive that has gone (a memory
    stick pulled out, a network drive not connected, a synced folder not there yet): moving the link would lose the
    place the facilitator chose, so it is named with where it points."""
    in_the_way = [path for path in (folder.parent, folder) if path.is_symlink() or path.exists()]
    if not in_the_way or in_the_way[-1].is_dir():
        return None
    blocking = in_the_way[-1]
    where = f"{shown(blocking)} is where CoPDesk keeps a folder of backups, but it is"
    if not blocking.exists():  # a link whose target cannot be reached
        try:
            target = followed(blocking)
        except LocationError:
            return LocationError(f"{where} a link that leads round in a circle: remove the link.")
        return LocationError(
            f"{where} a link to {shown(target)}, which cannot be reached: reconnect the drive it points to, or "
            "remove the link."
        )
    return LocationError(f"{where} a file (or a link to no folder): move it elsewhere.")


def backup_to(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the live database to ``destination`` atomically and verified; return ``destination``."""
    folder = destination.parent
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # ``backups/`` too, not just its subfolder
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        # The system's "File exists" named neither the file in the way nor what to do, and named the folder inside it
        # when it was ``backups/`` itself.
        blocked = file_in_place_of(folder)
        if blocked is not None:
            raise blocked from exc
        raise StoreError(f"Cannot create the backup folder {folder} ({exc.strerror}).") from exc
    temporary = being_written(destination)
    _discard(temporary)
    try:
        target = read_once(sqlite3.connect(str(temporary)))
        try:
            source.backup(target)
            # A backup is a standalone file: keep it in rollback-journal mode, with no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        make_private(temporary)  # a failure here is reported when the database itself is opened
        verify(temporary)
        replace_file(temporary, destination)
    except (sqlite3.Error, OSError) as exc:
        _discard(temporary)
        refused = storage_error_for(exc)
        reason = "the disk is full" if isinstance(refused, StorageFullError) else str(refused or exc)
        raise StoreError(f"The backup to {shown(destination)} failed ({reason}); nothing was replaced.") from exc
    except BaseException:
        _discard(temporary)
        raise
    return destination


def _discard(temporary: Path) -> None:
    """Delete an unfinished copy and whatever SQLite kept beside it: a full disk can stop SQLite deleting the copy's
    journal itself, and none of it may outlive the copy (nor be played back into the next one)."""
    for file in reversed(database_files(temporary)):  # the copy itself last
        file.unlink(missing_ok=True)
