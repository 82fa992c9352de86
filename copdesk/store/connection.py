"""Opening the database safely.

Everything that could refuse is checked *before* anything is written: the location, the file header, the schema
version and ``quick_check`` are all read through a read-only connection, so a refused file is left byte-for-byte
unchanged (:mod:`copdesk.store.opening_checks`). Only then is the file opened for writing, given its pragmas (WAL,
``synchronous=FULL``, foreign keys, a busy timeout) and migrated, after a verified backup of the old version. A
restore cut short after the damaged database was moved aside left the backup ready among the backups
(:func:`ready_restore_file`): it is put in place first, never an empty database instead.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from copdesk.store import migrations
from copdesk.store.backup import STEPS_BETWEEN_ASKING, backup_to, being_written
from copdesk.store.errors import LocationError, OlderSchemaError, StoreError, in_words
from copdesk.store.kept_notes import sync_folder
from copdesk.store.location import (
    check_location,
    companion_files,
    database_files,
    make_private_folder,
    refuse_a_hard_link,
    shown,
)
from copdesk.store.opening_checks import BUSY_TIMEOUT_MS, finish_interrupted_write, inspect_existing, refuse_when_locked
from copdesk.store.permissions import make_private, replace_file
from copdesk.store.safe_write import storage_error_for
from copdesk.store.uri import read_only_uri, sqlite_uri

BACKUP_FOLDER = "backups"
QUARANTINE_FOLDER_NAME = "quarantine"
# Backups (auto-, pre-migration-vN-, pre-restore- and a time) and quarantined files (a time, then the name).
_COPY_NAME = re.compile(
    r"^(?:(?:auto|pre-migration-v\d+|pre-restore)-\d{8}T\d{6}Z(?:-\d+)?\.db|\d{8}T\d{6}Z-.+)$", re.IGNORECASE
)

T = TypeVar("T")


def backup_folder(db_path: Path) -> Path:
    """``backups/<database file name>/`` beside the database: each database's backups in a folder of their own.

    Databases often share a folder (one per team, a demo beside the real one); a shared backups folder let
    one database's rotation delete the other's backups, and offered one's backup to restore the other.
    """
    return db_path.parent / BACKUP_FOLDER / db_path.name


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    db: Database
    path: Path
    created: bool
    migrated_from: int | None  # the previous schema version when a migration ran
    pre_migration_backup: Path | None
    permission_warning: str | None = None  # the files could not be made owner-only (see restrict_permissions)
    restore_finished: bool = False  # a restore cut short was finished: its backup is now the database
    restore_history_unread: bool = False  # and the erasures of the damaged file it replaced could not be read


def restoring_file(db_path: Path) -> Path:
    """Where a restore makes the backup ready (:func:`copdesk.store.recovery.restore_database`): hidden among the
    database's backups. A crash can leave it, holding what the backup held (perhaps someone erased since): the next
    start, restore and data care delete it."""
    return backup_folder(db_path) / f".{db_path.name}.restoring.partial"


def ready_restore_file(db_path: Path) -> Path:
    """Where a restore over a damaged (or missing) database puts the copy once it is ready, for the rename into the
    database's place: a crash, or a refused rename, after the damaged file was moved away leaves it here, with no
    database, and :func:`copdesk.store.recovery.finish_interrupted_restore` puts it in place when the file is next
    opened."""
    return backup_folder(db_path) / f".{db_path.name}.restoring.ready"


def discard_restoring(db_path: Path) -> None:
    """Delete the :func:`restoring_file` (and the file a crash while copying into it left), and the
    :func:`ready_restore_file` once a database is in its place (before that, it is the restored data), with what
    SQLite keeps beside them, as far as can be: one that cannot be deleted now (a permission) is deleted by the next
    start or restore."""
    files = [*database_files(restoring_file(db_path)), *database_files(being_written(restoring_file(db_path)))]
    if db_path.exists():
        files += database_files(ready_restore_file(db_path))
    for file in files:
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)


UNREAD_MARK = "restore.erasures_unread"  # a setting in a ready copy: see took_unread_mark


def took_unread_mark(db: Database) -> bool:
    """Whether the restored data carries the mark that the erasures of the damaged database it replaced could not
    be read (see :data:`copdesk.store.recovery.HISTORY_UNREAD`); the mark is taken away, so it is said once."""
    with db.atomic():
        marked = db.execute("SELECT 1 FROM setting WHERE key = ?", [UNREAD_MARK]).fetchone() is not None
        db.execute("DELETE FROM setting WHERE key = ?", [UNREAD_MARK])
    return marked


def finish_interrupted_restore(db_path: Path) -> bool:
    """Put in place the backup a restore had made ready (:func:`ready_restore_file`) when a crash or a refused
    rename stopped it once the damaged database was moved aside, leaving no database; whether it did."""
    ready = ready_restore_file(db_path)
    if db_path.exists() or not ready.is_file():
        return False
    put_in_place(ready, db_path)
    return True


def put_in_place(ready: Path, db_path: Path) -> None:
    """Rename the ready copy to ``db_path``, where no database is, first deleting what SQLite kept beside it."""
    for leftover in database_files(db_path)[1:]:
        leftover.unlink(missing_ok=True)
    replace_file(ready, db_path)
    sync_folder(db_path.parent)


def as_database(conn: sqlite3.Connection) -> Database:
    """sqlite-utils on ``conn``, without its plugins.

    By default sqlite-utils looks through every installed package for plugins and runs their
    ``prepare_connection`` on each new connection. A plugin installed for other work has no business with the
    notes, and the search costs start-up time and memory.
    """
    return Database(conn, execute_plugins=False)


def decode_text(data: bytes) -> str:
    """Text as stored, with bytes that are not UTF-8 (a damaged row) shown as U+FFFD instead of refusing the read,
    whose error would otherwise quote the row's text; ``copdesk-cli check`` reports such rows."""
    return data.decode("utf-8", errors="replace")


def open_read_only(path: Path, migrations_dir: Path, *, any_version: bool = False) -> Database:
    """The database at ``path`` for reading only: nothing is migrated, created or written beside it.

    A database from an older CoPDesk is refused with what to do (reading it would need its schema upgraded);
    one from a newer CoPDesk, or a damaged one, is refused as :func:`open_database` refuses it. ``any_version``
    lets an older one through, for a check that does not depend on the schema.
    """
    latest = migrations.latest_version(migrations_dir)
    refuse_a_hard_link(path)
    version = inspect_existing(path, latest)
    if version < latest and not any_version:
        raise OlderSchemaError(
            f"{path} was saved by an older CoPDesk (schema {version}, this one uses {latest}); run "
            "'copdesk-cli upgrade' on it or open it in CoPDesk first. Nothing was changed."
        )
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.text_factory = decode_text
    return as_database(conn)


def refuse_a_kept_copy(path: Path, doing: str) -> None:
    """A backup or a quarantined file stays as it was taken: it is never migrated, nor written to.

    Its names are compared in any letter case: on Windows and on a Mac ``Backups\\copdesk.db\\AUTO-….DB``, typed by
    hand, is the same backup, which rotation would later delete with whatever was written into it."""
    folders = {path.parent.name.casefold(), path.parent.parent.name.casefold()}
    if _COPY_NAME.match(path.name) and (BACKUP_FOLDER in folders or QUARANTINE_FOLDER_NAME in folders):
        raise StoreError(
            f"{shown(path)} is a copy CoPDesk keeps (a backup or a quarantined file), so it is not {doing}: restore "
            "it with 'copdesk-cli restore', or copy it elsewhere and use the copy."
        )


def open_for_one_write(path: Path, *, doing: str) -> Database:
    """The live database on a connection of its own, for one short write beside whatever else has it open (an
    export's line in the audit log); never a kept copy, and never migrated (the caller read it at this schema)."""
    refuse_a_kept_copy(path, doing)
    refuse_a_hard_link(path)
    return as_database(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000))


def open_for_a_worker(path: Path, *, doing: str) -> Database:
    """The live database on a connection of its own, set up as the window's is, for long work in a worker thread
    while the window's own connection stays with the window (data care, which reaches every backup)."""
    db = open_for_one_write(path, doing=doing)
    db.conn.text_factory = decode_text
    try:
        apply_pragmas(db.conn)
    except sqlite3.Error as exc:
        db.close()
        raise storage_error_for(exc) or StoreError(f"{shown(path)} could not be opened ({exc}).") from exc
    except BaseException:
        db.close()
        raise
    return db


def open_to_read_beside(path: Path, superseded: Callable[[], bool]) -> Database:
    """The live database on a read-only connection of its own, for reads in a worker thread while the window's own
    connection goes on writing (note search as the words are typed): it sees what the window has committed, and can
    write nothing. Never read as immutable (:func:`copdesk.store.uri.read_only_uri`): between two writes the WAL can
    be empty, and a connection opened then would miss every commit after it. A read on it stops (an
    ``sqlite3.OperationalError``) as soon as ``superseded()`` says it is no longer wanted, asked every
    :data:`STEPS_BETWEEN_ASKING` steps."""
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.text_factory = decode_text
    conn.set_progress_handler(superseded, STEPS_BETWEEN_ASKING)
    return as_database(conn)


def read_beside(path: Path, superseded: Callable[[], bool], read: Callable[[Database], T], failed: str) -> T | None:
    """``read`` on a connection of :func:`open_to_read_beside`, for a worker thread, closed after. None once
    ``superseded()`` says the read is no longer wanted (it stops part-way, and what it found is never shown). A file
    that cannot be read just now is a :class:`StoreError`: ``failed`` with ``{why}`` in it, the failure in a few
    words."""
    db: Database | None = None
    try:
        db = open_to_read_beside(path, superseded)
        return read(db)
    except (sqlite3.Error, OSError) as exc:
        if superseded():  # stopped for the newer one
            return None
        raise StoreError(failed.format(why=in_words(exc))) from exc
    finally:
        if db is not None:
            db.close()


def restrict_permissions(path: Path) -> str | None:
    """Owner-only access where the platform has modes (see :mod:`copdesk.store.permissions`); ``None``, or the
    first file that could not be restricted, in one line: never a reason to refuse the data."""
    problems = [make_private(file) for file in companion_files(path)]
    return next((problem for problem in problems if problem), None)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError("The database could not be switched to write-ahead logging; is the folder a network share?")
    conn.execute("PRAGMA synchronous = FULL")
    # Deleted notes and participation rows are overwritten, not left readable in free pages (and in backups).
    conn.execute("PRAGMA secure_delete = ON")


def _inspect_beside(path: Path, latest: int, meanwhile: Callable[[], object]) -> int:
    """:func:`inspect_existing` in a worker thread while ``meanwhile`` runs here, then its result or its error.

    ``quick_check`` reads every page, which on years of notes takes a while; SQLite does it without Python's
    lock, so the caller's own start-up work (importing the window) overlaps it instead of waiting for it.
    """
    outcome: list[int | BaseException] = []

    def check() -> None:
        try:
            outcome.append(inspect_existing(path, latest))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    worker = threading.Thread(target=check, name="copdesk-integrity-check")
    worker.start()
    try:
        meanwhile()
    finally:
        worker.join()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def _unchanged_since_copy(path: Path, version: int, changed_at: int) -> Path | None:
    """A copy taken before an upgrade that failed (the file is unchanged since), so a retry need not take another:
    retries would otherwise pile up identical copies."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return None
    for copy in sorted(folder.glob(f"pre-migration-v{version}-*.db"), reverse=True):
        if copy.is_file() and copy.stat().st_mtime_ns >= changed_at:
            return copy
    return None


def open_database(
    path: Path, migrations_dir: Path, *, now: datetime | None = None, meanwhile: Callable[[], object] | None = None
) -> OpenedDatabase:
    """Open (creating if absent) and migrate the database at ``path``, or raise a :class:`StoreError`.

    ``meanwhile`` (start-up work of the caller's) runs while an existing file's integrity is checked; a new
    file has nothing to check, and ``meanwhile`` is not called.
    """
    check_location(path)
    latest = migrations.latest_version(migrations_dir)
    try:  # never an empty database where a restore cut short left the backup ready
        restore_finished = finish_interrupted_restore(path)
    except OSError as exc:
        raise LocationError(
            f"A restore cut short left the backup ready, but it could not be put in place ({in_words(exc)}); "
            "close any program using the data folder, then open CoPDesk again."
        ) from exc
    created = not path.exists()
    if not created:
        refuse_a_kept_copy(path, "opened to be changed")  # not even to finish a write a crash cut short
        finish_interrupted_write(path)
    if created:
        version = 0
    elif meanwhile is not None:
        version = _inspect_beside(path, latest, meanwhile)
    else:
        version = inspect_existing(path, latest)
    changed_at = max((file.stat().st_mtime_ns for file in companion_files(path)[:2] if file.exists()), default=0)
    make_private_folder(path.parent)

    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise LocationError(f"Cannot create {path} ({exc}). Choose another location.") from exc
    conn.text_factory = decode_text
    try:
        apply_pragmas(conn)
        restrict_permissions(path)  # before any data goes in; a failure is said once the file is open, below
        backup_path: Path | None = None
        todo = migrations.pending(conn, migrations_dir)
        if todo and not created and version > 0:
            backup_path = _unchanged_since_copy(path, version, changed_at)
            if backup_path is None:
                stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
                backup_path = backup_to(conn, backup_folder(path) / f"pre-migration-v{version}-{stamp}.db")
        migrations.apply(conn, todo)
    except sqlite3.Error as exc:
        conn.close()
        refuse_when_locked(path, exc)  # else the caller says what a full disk or a permission means
        raise
    except BaseException:
        conn.close()
        raise
    permission_warning = restrict_permissions(path)
    database = as_database(conn)
    return OpenedDatabase(
        db=database,
        path=path,
        created=created,
        migrated_from=version if todo and not created else None,
        pre_migration_backup=backup_path,
        permission_warning=permission_warning,
        restore_finished=restore_finished,
        restore_history_unread=restore_finished and took_unread_mark(database),
    )
