"""Every copy of a database that CoPDesk made, wherever it now lies in the data folder.

An erasure or a retention must reach them all: the backups in ``backups/<database file name>/`` (and in folders
nested in it), those written by earlier versions straight into the shared ``backups/`` folder (of any database
name: their owner is told by what they hold, see :mod:`copdesk.store.lineage`), folders a person made inside
``backups/``, and the damaged files moved into ``quarantine/`` with their -wal. Hidden ``.partial`` and
``.scrubbing`` files are what an interrupted backup or cleaning left behind: incomplete copies, never anyone's
only copy, deleted before a cleaning starts.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from copdesk.store.backup_catalogue import list_backups
from copdesk.store.connection import BACKUP_FOLDER, as_database, backup_folder
from copdesk.store.erasure import names_in
from copdesk.store.location import companion_files, database_files, is_sqlite_file, shown
from copdesk.store.pending_care import MemberIdentity
from copdesk.store.recovery import QUARANTINE_FOLDER, quarantined_files
from copdesk.store.uri import sqlite_uri

_LEFTOVER_MARKS = (".partial", ".scrubbing")


@dataclass(frozen=True, slots=True)
class Copy:
    """One copy: its file (a quarantined one keeps its -wal and -shm beside it, named alike), and when it was
    taken if its name says."""

    path: Path
    taken_at: datetime | None
    owned: bool = True  # in the database's own folders; otherwise (shared or nested folders) judged by lineage

    def files(self) -> list[Path]:
        """The file and whatever SQLite keeps beside it (for a -wal whose database is gone, its -shm, the index SQLite
        keeps of it), links left out: a link there is none CoPDesk made, and is left as it is."""
        if self.path.name.endswith("-wal"):
            beside = companion_files(self.path.with_name(self.path.name.removesuffix("-wal")))[2:]
        else:
            beside = database_files(self.path)[1:]
        return [self.path, *(file for file in beside if not file.is_symlink())]

    def read_only(self) -> sqlite3.Connection:
        """A connection that reads the copy as it lies (immutable): nothing is written to it or created beside it."""
        return sqlite3.connect(sqlite_uri(self.path, mode="ro", immutable=1), uri=True)


def display_name(db_path: Path, file: Path) -> str:
    """A copy's path relative to the data folder, in one line however it is named (newlines shown escaped)."""
    try:
        return shown(file.relative_to(db_path.parent))
    except ValueError:
        return shown(file)


def is_real_file(path: Path) -> bool:
    """A file, not a link. A link in the quarantine folder is none CoPDesk set aside, and is left as it is, whether it
    is where a database or where its -wal was. SQLite, which follows a link, keeps the -wal of the file it leads to
    beside that file: the -wal CoPDesk moved there with a database now linked is one whose database is gone, whether
    or not the link leads anywhere, and a linked -wal beside a database is none of that database's."""
    return path.is_file() and not path.is_symlink()


def _is_leftover(path: Path) -> bool:
    return path.name.startswith(".") and any(mark in path.name for mark in _LEFTOVER_MARKS)


def _searched_trees(db_path: Path) -> tuple[list[Path], list[Path]]:
    """(folders owned by this database, searched to any depth; shared folders whose files are judged by lineage)."""
    shared = db_path.parent / BACKUP_FOLDER
    owned = [backup_folder(db_path)]
    others: list[Path] = []
    if shared.is_dir():
        others.append(shared)
        for folder in shared.iterdir():
            if folder == owned[0] or not folder.is_dir() or folder.is_symlink():
                continue
            # ``backups/<name>/`` of another database beside this one is that database's own business.
            if not (db_path.parent / folder.name).exists():
                others.append(folder)
    return owned, others


def _files(folder: Path, *, deep: bool) -> list[Path]:
    if not folder.is_dir():
        return []
    pattern = folder.rglob("*") if deep else folder.iterdir()
    return sorted(path for path in pattern if path.is_file() and not path.is_symlink())


def leftovers(db_path: Path) -> list[Path]:
    """Hidden files an interrupted backup or cleaning of this database left: incomplete, and maybe holding data."""
    owned, others = _searched_trees(db_path)
    found = [path for folder in owned for path in _files(folder, deep=True) if _is_leftover(path)]
    found += [path for folder in others for path in _files(folder, deep=False) if _is_leftover(path)]
    found += [path for path in _files(db_path.parent / QUARANTINE_FOLDER, deep=False) if _is_leftover(path)]
    return found


def copies_of(db_path: Path) -> list[Copy]:
    """Every backup-like SQLite file of ``db_path`` (those of unknown owner marked ``owned=False``), and its
    quarantined databases with their -wal, newest backups first."""
    dated = {backup.path: backup.taken_at for backup in list_backups(db_path)}
    owned, others = _searched_trees(db_path)
    found: list[Copy] = []
    seen: set[Path] = set()
    for folder in owned:
        for path in _files(folder, deep=True):
            if not _is_leftover(path) and is_sqlite_file(path):
                found.append(Copy(path, dated.get(path)))
                seen.add(path)
    for folder in others:
        for path in _files(folder, deep=folder != db_path.parent / BACKUP_FOLDER):
            if path not in seen and not _is_leftover(path) and is_sqlite_file(path):
                found.append(Copy(path, dated.get(path), owned=False))  # even a legacy name: judged by lineage
    quarantined = quarantined_files(db_path)
    for path in quarantined:
        if path.name.endswith(("-wal", "-shm")):
            continue
        found.append(Copy(path, datetime.fromtimestamp(path.stat().st_mtime, UTC)))  # when it was last written
    for path in quarantined:  # a -wal whose database is gone still holds pages of it
        if path.name.endswith("-wal") and not is_real_file(path.with_name(path.name.removesuffix("-wal"))):
            found.append(Copy(path, None))
    return found


def names_in_copies(db_path: Path, identity: MemberIdentity) -> set[str]:
    """The names the member had in the database's copies (a backup taken before a rename holds the old one), each
    read where it lies without writing a byte; a damaged copy is passed over here and reported when it is cleaned."""
    found: set[str] = set()
    for copy in copies_of(db_path):
        try:
            conn = copy.read_only()
            try:
                found.update(names_in(as_database(conn), identity))
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return found
