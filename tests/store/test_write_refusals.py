"""Which failed writes the views offer to retry: a full disk, a read-only or locked database, a disk I/O error.

Each is recognised by SQLite's code when the error carries one, and by SQLite's own wording when it does not
(an error re-raised by a wrapper, or a test standing in for a full disk). Anything else is not a refusal.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from copdesk.store.errors import (
    DatabaseBusyError,
    DiskWriteError,
    ReadOnlyDatabaseError,
    StorageFullError,
    WriteRefusedError,
)
from copdesk.store.safe_write import guarded_write, storage_error_for


@pytest.mark.parametrize(
    ("wording", "expected", "said"),
    [
        ("database or disk is full", StorageFullError, "disk is full"),
        ("database is locked", DatabaseBusyError, "Another program"),
        ("database table is locked", DatabaseBusyError, "Another program"),
        ("attempt to write a readonly database", ReadOnlyDatabaseError, "read-only"),
        ("disk I/O error", DiskWriteError, "disk reported an error"),
    ],
)
def test_sqlite_wording_without_a_code_is_recognised(wording: str, expected: type, said: str) -> None:
    refused = storage_error_for(sqlite3.OperationalError(wording))
    assert isinstance(refused, expected) and isinstance(refused, WriteRefusedError)
    assert said in refused.message and "\n" not in refused.message and "not saved" in refused.message


def test_other_errors_are_not_refusals() -> None:
    assert storage_error_for(sqlite3.OperationalError("no such table: nothing")) is None
    assert storage_error_for(sqlite3.IntegrityError("UNIQUE constraint failed: team.name_key")) is None
    assert storage_error_for(ValueError("database or disk is full")) is None


def test_a_real_read_only_refusal_is_rolled_back_and_mapped(db: Database) -> None:
    db.execute("CREATE TABLE scratch (value TEXT)")
    db.execute("PRAGMA query_only = ON")
    try:
        with pytest.raises(ReadOnlyDatabaseError), guarded_write(db):
            db.execute("INSERT INTO scratch VALUES ('refused')")
        assert not db.conn.in_transaction
    finally:
        db.execute("PRAGMA query_only = OFF")
    assert db.table("scratch").count == 0


def test_a_real_lock_held_elsewhere_is_busy(db: Database) -> None:
    other = sqlite3.connect(db.conn.execute("PRAGMA database_list").fetchone()[2], timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    db.execute("PRAGMA busy_timeout = 0")
    try:
        with pytest.raises(DatabaseBusyError), guarded_write(db):
            db.execute("CREATE TABLE refused (value TEXT)")
    finally:
        other.rollback()
        other.close()
