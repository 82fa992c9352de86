"""Making a deletion of personal data real: in the live file, its write-ahead log, search indexes and backups.

SQLite normally leaves deleted rows readable in free pages and in the -wal until they are reused.
``secure_delete`` overwrites them as they are freed, a ``TRUNCATE`` checkpoint empties the -wal, and
FTS5 indexes (which keep deleted terms until their segments merge) are merged with ``optimize``.
Backups hold the same data, so the same deletion is applied to each one: the copy is changed,
vacuumed (which drops every free page), verified, and only then put in place of the old backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlite_utils import Database

from copdesk.store.backup import verify
from copdesk.store.backup_catalogue import BackupFile, list_backups
from copdesk.store.connection import as_database
from copdesk.store.errors import StoreError
from copdesk.store.permissions import make_private

Deletion = Callable[[Database], object]


def delete_securely(db: Database, deletion: Deletion) -> None:
    """Run ``deletion`` in one transaction with ``secure_delete`` on, then scrub the indexes and the -wal."""
    db.execute("PRAGMA secure_delete = ON")
    with db.atomic():
        deletion(db)
    optimise_search_indexes(db)
    checkpoint_truncate(db)


def optimise_search_indexes(db: Database) -> None:
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
    names = [str(row[0]) for row in db.execute(sql).fetchall()]
    with db.atomic():
        for name in names:
            db.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'optimize\')')


def checkpoint_truncate(db: Database) -> None:
    busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    if busy:
        raise StoreError(
            "The deletion is saved, but another program is reading the database, so its log still holds "
            "old pages; close other copies of CoPDesk and run this again."
        )


def apply_to_backups(
    db_path: Path, deletion: Deletion, keep: Callable[[BackupFile], bool] = lambda _: True
) -> tuple[int, int]:
    """Apply ``deletion`` to every backup beside ``db_path``, deleting those ``keep`` rejects; count both."""
    rewritten = deleted = 0
    for backup in list_backups(db_path):
        if not keep(backup):
            backup.path.unlink()
            deleted += 1
            continue
        _rewrite(backup.path, deletion)
        rewritten += 1
    return rewritten, deleted


def _rewrite(path: Path, deletion: Deletion) -> None:
    temporary = path.with_name(f".{path.name}.scrubbing")
    shutil.copyfile(path, temporary)
    make_private(temporary)
    try:
        conn = sqlite3.connect(str(temporary))
        try:
            db = as_database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA secure_delete = ON")
            with db.atomic():
                deletion(db)
            optimise_search_indexes(db)
            conn.execute("VACUUM")
        finally:
            conn.close()
        verify(temporary)
        os.replace(temporary, path)
    except sqlite3.Error as exc:
        raise StoreError(f"The backup {path.name} could not be cleaned ({exc}); it was left as it was.") from exc
    finally:
        temporary.unlink(missing_ok=True)
