"""Whether a path can hold the database, checked before anything is written (and before the window opens), and
which files beside it belong to it.

Kept apart from :mod:`copdesk.store.connection` so that checking a location needs neither sqlite-utils nor
SQLite: the app checks it, and takes the instance lock beside it, before its window first paints.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from copdesk.store.errors import LocationError, UnsafeOutputError
from copdesk.store.kept_notes import KEPT_FOLDER

SQLITE_HEADER = b"SQLite format 3\x00"
_BESIDE_A_DATABASE = ("-wal", "-shm", "-journal", ".lock")

FOLDER_MODE = 0o700


def check_location(path: Path) -> None:
    followed(path)  # a link round in a circle is no place for a database: never replaced by one
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
        refuse_a_folder(path)
        if not os.access(path, os.R_OK | os.W_OK):
            raise LocationError(f"Cannot open {path}: the file is read-only. Check its permissions or use a copy.")
        refuse_a_hard_link(path)


def refuse_a_folder(path: Path) -> None:
    """A folder given where the database file was meant: said as such, rather than as whatever opening it as a file
    would say (a folder has more than one name, so it read as a hard link)."""
    if path.is_dir():
        raise LocationError(f"Cannot use {path}: it is a folder. Give the path of a database file.")


def refuse_a_hard_link(path: Path) -> None:
    """A database file with a second name is opened by neither: each name would have its own lock and its own
    -wal, so two programs could write one file at once, and a reader by one name would not see the other's -wal."""
    if path.stat().st_nlink > 1:
        raise LocationError(
            f"Cannot open {path}: the file has another name as well (a hard link), and a second CoPDesk opening "
            "it by that name would damage it. Copy the file instead of linking it, and delete the other name."
        )


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


def database_files(path: Path) -> list[Path]:
    """The database file and every file SQLite may keep beside it: the WAL's -wal and -shm, and a -journal."""
    return [*companion_files(path), rollback_journal(path)]


def followed(path: Path) -> Path:
    """``path`` with its links followed; a link that leads round in a circle is refused in one line."""
    try:
        return path.resolve()
    except (RuntimeError, OSError) as exc:  # Python 3.11 says RuntimeError for a loop of links
        raise LocationError(
            f"{shown(path)} is a link that leads round in a circle; give the path of a real file."
        ) from exc


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file: the same path once links are resolved, or another name for it (a hard
    link; on a Mac or Windows, other letter case)."""
    if followed(one) == followed(other):
        return True
    try:
        first, second = one.stat(), other.stat()
    except OSError:  # either is missing or unreadable: not one file that exists
        return False
    # Some network shares on Windows give every file the number 0: there the numbers say nothing.
    return first.st_ino != 0 and (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev)


def rollback_journal(path: Path) -> Path:
    """The file SQLite keeps beside the database during a write out of WAL mode (a restore, a migration's copy);
    left by a crash, it holds what is needed to undo the half-done write, and belongs with that database only."""
    return path.with_name(path.name + "-journal")


def shown(path: Path | str) -> str:
    """A path (or any text) for a one-line message: a newline or other control character in it is shown escaped."""
    text = str(path)
    return text if text.isprintable() else "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def check_output_path(target: Path) -> Path:
    """Refuse an output path that would destroy a database, or that is not a file; return the path to write.

    Links are resolved first, so a link named like an export that points at a database, its -wal or -shm, its lock
    or a backup is refused like the file itself; the file written is the resolved one. An existing database (any
    SQLite file: CoPDesk's, a backup, another program's) is never replaced, and nor is a file with a -wal,
    -journal or lock beside it, which is a database in use, nor a file of words kept when they could not be saved
    (:mod:`copdesk.store.kept_notes`). A device, pipe or socket (``/dev/null``) is refused: writing atomically
    would replace it with a regular file.
    """
    resolved = followed(target.expanduser())
    if resolved.is_dir():
        raise UnsafeOutputError(f"{shown(target)} is a folder; give the path of the file to write.")
    folder = resolved.parent
    if folder.exists() and not folder.is_dir():
        raise UnsafeOutputError(f"Cannot write {shown(target)}: {shown(folder)} is a file, not a folder.")
    if not folder.is_dir():
        raise UnsafeOutputError(f"Cannot write {shown(target)}: the folder {shown(folder)} does not exist.")
    name = resolved.name
    for suffix in _BESIDE_A_DATABASE:  # in any letter case: on a Mac ``copdesk.db-WAL`` is the database's -wal
        if name.casefold().endswith(suffix) and resolved.with_name(name[: -len(suffix)]).exists():
            raise UnsafeOutputError(
                f"{shown(target)} belongs to the database beside it; CoPDesk will not overwrite it. Choose another "
                "file name."
            )
        if resolved.with_name(name + suffix).exists():
            raise UnsafeOutputError(
                f"{shown(target)} has a {suffix.lstrip('.-')} file beside it, so it is a database in use; CoPDesk "
                "will not overwrite it. Choose another file name."
            )
    if resolved.exists():
        if resolved.parent.name.casefold() == KEPT_FOLDER:
            raise UnsafeOutputError(
                f"{shown(target)} holds words CoPDesk kept when they could not be saved, perhaps their only copy; "
                "CoPDesk will not overwrite it. Choose another file name."
            )
        if not stat.S_ISREG(resolved.stat().st_mode):
            raise UnsafeOutputError(
                f"{shown(target)} is not a regular file (a device, pipe or socket); give the path of a file to write."
            )
        if is_sqlite_file(resolved):
            raise UnsafeOutputError(
                f"{shown(target)} is a database; CoPDesk will not overwrite it. Choose another file name, or delete "
                "it first if it is an old copy you no longer need."
            )
    return resolved


def has_sqlite_header(path: Path) -> bool:
    """Whether ``path`` begins as an SQLite database does; raises ``OSError`` when it cannot be read."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def is_sqlite_file(path: Path) -> bool:
    try:
        return has_sqlite_header(path)
    except OSError:
        return False
