"""Whether a path can hold the database, checked before anything is written (and before the window opens), and
which files beside it belong to it.

Kept apart from :mod:`copdesk.store.connection` so that checking a location needs neither sqlite-utils nor
SQLite: the app checks it, and takes the instance lock beside it, before its window first paints.
"""

from __future__ import annotations

import os
from pathlib import Path

from copdesk.store.errors import LocationError

FOLDER_MODE = 0o700


def check_location(path: Path) -> None:
    parent = path.parent
    for ancestor in [parent, *parent.parents]:
        if ancestor.exists():
            if not ancestor.is_dir():
                raise LocationError(f"Cannot use {path}: {ancestor} is a file, not a folder. Choose another location.")
            if not os.access(ancestor, os.W_OK | os.X_OK):
                raise LocationError(
                    f"Cannot write to {ancestor}: the folder is read-only. Choose another location with --db."
                )
            break
    if path.exists():
        if path.is_dir():
            raise LocationError(f"Cannot use {path}: it is a folder. Give the path of a database file.")
        if not os.access(path, os.R_OK | os.W_OK):
            raise LocationError(f"Cannot open {path}: the file is read-only. Check its permissions or use a copy.")


def make_private_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise LocationError(f"Cannot create the folder {folder} ({exc.strerror}). Choose another location.") from exc


def ensure_location(path: Path) -> None:
    """Check that ``path`` can hold the database and create its private folder, before anything else is written.

    The app calls this before taking the instance lock beside the database; ``open_database`` checks again.
    """
    check_location(path)
    make_private_folder(path.parent)


def companion_files(path: Path) -> list[Path]:
    """The database file and the WAL-mode files SQLite keeps beside it."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
