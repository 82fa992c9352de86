"""What is checked before the database is opened for writing, so that a refused file is left as it was.

The file header, the schema version and ``quick_check`` are read through a read-only connection, so a refused
file is left byte-for-byte unchanged (:func:`inspect_existing`); a write a crash cut short is undone first, as
SQLite does on opening, so that what is checked is the file as last committed (:func:`finish_interrupted_write`).
Each refusal says what stopped the check: not a database, a newer CoPDesk's, damaged, another program holding it,
a write cut short. :mod:`copdesk.store.connection` opens the file once these have passed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from copdesk.store import migrations
from copdesk.store.backup import read_once
from copdesk.store.errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    InterruptedWriteError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
)
from copdesk.store.location import has_sqlite_header, rollback_journal, shown
from copdesk.store.safe_write import is_temporary, storage_error_for
from copdesk.store.uri import read_only_uri

BUSY_TIMEOUT_MS = 5000


def _check_header(path: Path) -> None:
    if not has_sqlite_header(path):
        what = "empty" if path.stat().st_size == 0 else "not a CoPDesk data file, or too damaged to read"
        raise NotADatabaseError(
            f"{path} is {what}, so CoPDesk will not open it. Choose another file, or restore a backup."
        )


def finish_interrupted_write(path: Path) -> bool:
    """Undo a write that a crash cut short (a restore copies a backup over the database out of WAL mode), as SQLite
    does when the file is next opened for writing, so that what is then checked is the file as last committed.

    Only with a rollback journal beside the file. SQLite decides whether the journal is such a leftover ("hot"); one
    it leaves is either another program's, in use now, and left alone, or one with nothing left to undo (an earlier
    CoPDesk's restore left such a file, holding the pages it replaced), deleted once nothing else can be writing.
    Return whether a journal was there and is gone. The caller holds the instance lock.
    """
    journal = rollback_journal(path)
    if not journal.exists():
        return False
    _check_header(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # plays a hot journal back
            if journal.exists():
                _delete_if_left_over(conn, journal)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _held_by_another(exc):
            raise DatabaseBusyError(
                f"Another program is writing to {shown(path.name)}; close it, then try again. Nothing was changed."
            ) from exc
        raise CorruptDatabaseError(
            f"{path} is damaged: a write to it was cut short and could not be undone. Restore a backup with "
            "'copdesk-cli restore FILE'."
        ) from exc
    return not journal.exists()


def _delete_if_left_over(conn: sqlite3.Connection, journal: Path) -> None:
    """With a write lock of our own nobody else is writing, so a journal SQLite did not play back is one with nothing
    to undo. Without one (another program is writing now) it is that program's, and stays."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        return
    try:
        journal.unlink(missing_ok=True)
    finally:
        conn.execute("ROLLBACK")


def inspect_existing(path: Path, latest: int) -> int:
    """Read the schema version and run ``quick_check`` without writing a byte; return the version."""
    _check_header(path)
    try:
        conn = read_once(sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000))
    except sqlite3.Error as exc:
        _refuse_a_cut_short_write(path, exc)
        _refuse_for_now(path, exc)
        raise NotADatabaseError(
            f"{path} could not be opened: it may be damaged, or not a CoPDesk data file. Choose another file, or "
            "restore a backup."
        ) from exc
    try:
        version = migrations.user_version(conn)
        if version > latest:
            raise NewerSchemaError(
                f"{path} was saved by a newer CoPDesk than this one (its data is version {version}; this one reads up "
                f"to {latest}). Update CoPDesk to open it; the file was not changed."
            )
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        _refuse_a_cut_short_write(path, exc)
        _refuse_for_now(path, exc)
        raise _damaged(path) from exc
    finally:
        conn.close()
    if problems != ["ok"]:  # SQLite's words for the damage stay with the error, as its cause, out of its message
        raise _damaged(path) from sqlite3.DatabaseError(" ".join(problems[0].split()))
    return version


def _damaged(path: Path) -> CorruptDatabaseError:
    return CorruptDatabaseError(
        f"{path} is damaged, so CoPDesk will not open it. Restore a backup with 'copdesk-cli restore FILE'; the file "
        "was not changed."
    )


def _refuse_for_now(path: Path, exc: sqlite3.Error) -> None:
    """Something outside the file stopped the check for now (another program holding it locked, a permission, a
    disk error): say so, rather than call a sound file damaged, which would offer to move it aside."""
    if not is_temporary(exc):
        return
    refuse_when_locked(path, exc)
    raise StoreError(
        f"{path} could not be read just now (a permission or the disk stopped it); try again. The file was not changed."
    ) from exc


def refuse_when_locked(path: Path, exc: sqlite3.Error) -> None:
    """Another program holds the file locked: said in one line, never an internal fault."""
    if _held_by_another(exc):
        raise DatabaseBusyError(
            f"Another program is holding {shown(path.name)} locked, so it could not be opened; close that program, "
            "then try again. The file was not changed."
        ) from exc


def _held_by_another(exc: sqlite3.Error) -> bool:
    """SQLite's busy or locked error, by its code or its words: the one reading of it, the write guard's."""
    return isinstance(storage_error_for(exc), DatabaseBusyError)


def _refuse_a_cut_short_write(path: Path, exc: sqlite3.Error) -> None:
    """A read-only open cannot undo a write a crash cut short (:func:`finish_interrupted_write` can): say so, rather
    than call a sound file damaged."""
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_READONLY_ROLLBACK":
        raise InterruptedWriteError(
            f"A write to {path} was cut short (a crash or a power cut). Open it in CoPDesk, or run 'copdesk-cli "
            "upgrade', to finish the recovery; the file was not changed."
        ) from exc
