"""Verified online backups through SQLite's backup API.

A backup is written to a temporary file beside its destination, reopened and checked with
``quick_check``, and only then renamed into place, so a backup file that exists is a good one.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from copdesk.store.errors import StoreError

_PRIVATE = 0o600


def verify(path: Path) -> None:
    """Raise :class:`StoreError` unless ``path`` opens read-only and passes ``quick_check``."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"The backup {path.name} could not be verified ({exc}).") from exc
    if result != "ok":
        raise StoreError(f"The backup {path.name} failed its check ({' '.join(str(result).split())}).")


def backup_to(source: sqlite3.Connection, destination: Path) -> Path:
    """Copy the live database to ``destination`` atomically and verified; return ``destination``."""
    folder = destination.parent
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # ``backups/`` too, not just its subfolder
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"Cannot create the backup folder {folder} ({exc.strerror}).") from exc
    temporary = destination.with_name(f".{destination.name}.partial")
    temporary.unlink(missing_ok=True)
    try:
        target = sqlite3.connect(str(temporary))
        try:
            source.backup(target)
            # A backup is a standalone file: keep it in rollback-journal mode, with no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        temporary.chmod(_PRIVATE)
        verify(temporary)
        os.replace(temporary, destination)
    except sqlite3.Error as exc:
        temporary.unlink(missing_ok=True)
        raise StoreError(f"The backup to {destination} failed ({exc}); nothing was replaced.") from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return destination
