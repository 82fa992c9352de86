"""Writes that fail cleanly when the disk is full.

A full disk must never cost the facilitator what they typed: the change is rolled back whole (never
half-written), the caller keeps its text, and the error says what happened so the view can offer a
retry. SQLite reports a full disk, or its own ``max_page_count`` limit, as ``SQLITE_FULL``. A write
refused with ``EFBIG`` (the process's file-size limit, or a filesystem's largest file) reaches SQLite as
``SQLITE_IOERR_WRITE``, and Python's own file writes raise ``OSError``; all of these mean the same
thing to the user. A database that became read-only, any other disk I/O error, and a lock held by another
program are refused the same way (rolled back, worth a retry), each with its own one-line message.

An error raised without SQLite's code (a wrapper re-raising it, or a test standing in for a full disk) is
recognised by SQLite's own wording for that code.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from copdesk.store.errors import (
    DatabaseBusyError,
    DiskWriteError,
    ReadOnlyDatabaseError,
    StorageFullError,
    WriteRefusedError,
)

SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_INTERRUPT = 9
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_PROTOCOL = 15
SQLITE_IOERR_SHORT_READ = 522  # SQLITE_IOERR | (2 << 8): the file ends before its pages do (truncated)
SQLITE_IOERR_WRITE = 778  # SQLITE_IOERR | (3 << 8)
SQLITE_IOERR_SHMSIZE = 4874  # SQLITE_IOERR | (19 << 8): "probably due to lack of disk space", as SQLite's docs say

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
# sqlite3_errstr() of each primary code, for errors that carry no code.
_CODE_BY_WORDING = {
    "database or disk is full": SQLITE_FULL,
    "database is locked": SQLITE_BUSY,
    "database table is locked": SQLITE_LOCKED,
    "attempt to write a readonly database": SQLITE_READONLY,
    "disk i/o error": SQLITE_IOERR,
}
# What stops SQLite for now without being the file's fault.
_TEMPORARY = frozenset(
    {
        SQLITE_PERM,
        SQLITE_BUSY,
        SQLITE_LOCKED,
        SQLITE_NOMEM,
        SQLITE_READONLY,
        SQLITE_INTERRUPT,
        SQLITE_IOERR,
        SQLITE_FULL,
        SQLITE_CANTOPEN,
        SQLITE_PROTOCOL,
    }
)

STORAGE_FULL_MESSAGE = (
    "The disk is full, so the last change was not saved (nothing was half-written). Free some space, then try again."
)
BUSY_MESSAGE = "Another program is holding the database; the last change was not saved. Try again in a moment."
READ_ONLY_MESSAGE = (
    "The database has become read-only, so the last change was not saved. Make its file and folder writable, "
    "then try again."
)
DISK_ERROR_MESSAGE = (
    "The disk reported an error, so the last change was not saved (nothing was half-written). Check the drive "
    "is still connected, then try again."
)


def _sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code
    return _CODE_BY_WORDING.get(str(exc).strip().lower())


def storage_error_for(exc: BaseException) -> WriteRefusedError | None:
    """The user-facing error a low-level write failure stands for, or ``None`` when it is something else."""
    if isinstance(exc, sqlite3.Error) and (code := _sqlite_code(exc)) is not None:
        primary = code & 0xFF
        if code in (SQLITE_FULL, SQLITE_IOERR_WRITE, SQLITE_IOERR_SHMSIZE):
            return StorageFullError(STORAGE_FULL_MESSAGE)
        if primary in (SQLITE_BUSY, SQLITE_LOCKED):
            return DatabaseBusyError(BUSY_MESSAGE)
        if primary == SQLITE_READONLY:
            return ReadOnlyDatabaseError(READ_ONLY_MESSAGE)
        if primary == SQLITE_IOERR:
            return DiskWriteError(DISK_ERROR_MESSAGE)
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return StorageFullError(STORAGE_FULL_MESSAGE)
    return None


def is_temporary(exc: sqlite3.Error) -> bool:
    """Whether SQLite's error says something outside the file stopped it for now (a full disk, a lock, a permission,
    a disk error), so a later try may succeed; any other error is the file's own (damaged, or not CoPDesk's)."""
    code = _sqlite_code(exc)
    return code is not None and code & 0xFF in _TEMPORARY and code != SQLITE_IOERR_SHORT_READ


@contextmanager
def guarded_write(db: Database) -> Iterator[Database]:
    """Run the block as one transaction; on a full disk (or another refusal) roll it back and raise the
    matching :class:`WriteRefusedError` (:class:`StorageFullError` for a full disk).

    Nested inside another transaction, a full disk rolls back the outer transaction as well: SQLite may
    already have done so, and a half-applied outer change is what this guard exists to prevent.
    """
    try:
        with db.atomic():
            yield db
    except (sqlite3.Error, OSError) as exc:
        mapped = storage_error_for(exc)
        if mapped is None:
            raise
        # SQLite may already have rolled back; the docs still ask for an explicit ROLLBACK after FULL or IOERR.
        if db.conn.in_transaction:
            db.conn.rollback()
        raise mapped from exc
