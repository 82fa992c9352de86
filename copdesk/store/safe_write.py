"""Writes that fail cleanly when the disk is full.

A full disk must never cost the facilitator what they typed: the change is rolled back whole (never
half-written), the caller keeps its text, and the error says what happened so the view can offer a
retry. SQLite reports a full disk, or its own ``max_page_count`` limit, as ``SQLITE_FULL``. A write
refused with ``EFBIG`` (the process's file-size limit, or a filesystem's largest file) reaches SQLite as
``SQLITE_IOERR_WRITE``, and Python's own file writes raise ``OSError``; all of these mean the same
thing to the user.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from copdesk.store.errors import DatabaseBusyError, StorageFullError, StoreError

SQLITE_BUSY = 5
SQLITE_FULL = 13
SQLITE_IOERR_WRITE = 778  # SQLITE_IOERR | (3 << 8)

_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})

STORAGE_FULL_MESSAGE = (
    "The disk is full, so the last change was not saved (nothing was half-written). Free some space, then try again."
)
BUSY_MESSAGE = "Another program is holding the database; the last change was not saved. Try again in a moment."


def storage_error_for(exc: BaseException) -> StoreError | None:
    """The user-facing error a low-level write failure stands for, or ``None`` when it is something else."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code in (SQLITE_FULL, SQLITE_IOERR_WRITE):
            return StorageFullError(STORAGE_FULL_MESSAGE)
        if code is not None and code & 0xFF == SQLITE_BUSY:
            return DatabaseBusyError(BUSY_MESSAGE)
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return StorageFullError(STORAGE_FULL_MESSAGE)
    return None


@contextmanager
def guarded_write(db: Database) -> Iterator[Database]:
    """Run the block as one transaction; on a full disk roll it back and raise :class:`StorageFullError`.

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
