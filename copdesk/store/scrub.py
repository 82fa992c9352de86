"""Making a deletion of personal data real: in the live file, its write-ahead log, search indexes and every copy.

SQLite normally leaves deleted rows readable in free pages and in the -wal until they are reused.
``secure_delete`` overwrites them as they are freed, a ``TRUNCATE`` checkpoint empties the -wal, and
FTS5 indexes (which keep deleted terms until their segments merge) are merged with ``optimize``.
Copies hold the same data (:mod:`copdesk.store.copies` finds them), so the same deletion is applied to each one
that holds any of it: the copy is copied to a hidden ``.scrubbing`` file (with its -wal, for a quarantined
database), changed, vacuumed (which drops every free page), verified, and only then put in place of the old
one. A copy that cannot be read (damaged) is reported by name and skipped, never stopping the others.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from copdesk.store.backup import verify
from copdesk.store.connection import as_database
from copdesk.store.copies import Copy, copies_of, is_real_file, leftovers
from copdesk.store.errors import CorruptDatabaseError, NotADatabaseError, StoreError, in_words
from copdesk.store.lineage import same_lineage, team_identities
from copdesk.store.location import companion_files, database_files, has_sqlite_header
from copdesk.store.migrations import user_version
from copdesk.store.permissions import make_private, replace_file
from copdesk.store.safe_write import guarded_write, is_temporary, storage_error_for


@dataclass(frozen=True, slots=True)
class Deletion:
    """What to delete, in any copy: ``present`` says whether a copy holds any of it, ``apply`` deletes it (inside
    a transaction), and a copy ``keep`` rejects (a backup older than a retention cut-off) is deleted whole."""

    present: Callable[[Database], bool]
    apply: Callable[[Database], object]
    keep: Callable[[Copy], bool] = lambda _copy: True


@dataclass(slots=True)
class CopiesOutcome:
    """What happened to each copy: cleaned, deleted whole, checked and found to hold none of it, damaged (it
    cannot be read as a sound database, so only deleting it removes the data), or not cleaned this time for a
    reason outside it (a full disk, a permission, another program), with that reason: a later run cleans it."""

    cleaned: list[Path] = field(default_factory=list)
    deleted: list[Path] = field(default_factory=list)
    untouched: list[Path] = field(default_factory=list)
    damaged: list[Path] = field(default_factory=list)
    not_cleaned: dict[Path, str] = field(default_factory=dict)
    leftovers_removed: int = 0


class CopyNotCleaned(StoreError):
    """A copy that could not be read or cleaned this time for a reason outside it; ``why`` is that reason."""

    def __init__(self, path: Path, why: str) -> None:
        super().__init__(f"{path.name} could not be cleaned this time ({why}); it was left as it was")
        self.why = why


def delete_securely(db: Database, deletion: Callable[[Database], object]) -> None:
    """Run ``deletion`` in one transaction with ``secure_delete`` on, then scrub the indexes and the -wal."""
    db.execute("PRAGMA secure_delete = ON")
    with guarded_write(db):
        deletion(db)
    with guarded_write(db):  # a full disk here is refused as any write is: the deletion stays pending
        optimise_search_indexes(db)
    checkpoint_truncate(db)


def optimise_search_indexes(db: Database) -> None:
    """Merge every FTS5 index, dropping the terms of deleted rows; the caller holds the transaction."""
    sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'"
    for name in [str(row[0]) for row in db.execute(sql).fetchall()]:
        db.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'optimize\')')


def checkpoint_truncate(db: Database) -> None:
    try:
        busy = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.Error as exc:
        raise storage_error_for(exc) or StoreError(f"The log could not be emptied ({exc}).") from exc
    if busy:
        raise StoreError(
            "Another program is reading the database, so its log still holds old pages; close other copies of "
            "CoPDesk (or the other program), then run this again: it will finish the deletion."
        )


def delete_files(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def clean_copies(db: Database, db_path: Path, deletion: Deletion, *, delete_damaged: bool = False) -> CopiesOutcome:
    """Apply ``deletion`` to every copy of ``db_path``; a damaged copy is listed in ``damaged`` (or, with
    ``delete_damaged``, deleted and listed in ``deleted``), one that cannot be cleaned this time in
    ``not_cleaned`` (never deleted), and the others are cleaned all the same."""
    outcome = CopiesOutcome()
    found = leftovers(db_path)
    try:
        delete_files(found)
    except OSError as exc:
        raise StoreError(f"A file an earlier run left half-made could not be removed ({in_words(exc)}).") from exc
    outcome.leftovers_removed = len(found)
    live_teams, schema = team_identities(db.conn), user_version(db.conn)
    for copy in copies_of(db_path):
        try:
            _apply_to(copy, deletion, live_teams, schema, outcome, delete_damaged=delete_damaged)
        except CopyNotCleaned as exc:
            outcome.not_cleaned[copy.path] = exc.why
        except OSError as exc:  # deleting it whole was refused
            outcome.not_cleaned[copy.path] = in_words(exc)
    return outcome


def copies_deleted_whole(db: Database, db_path: Path, keep: Callable[[Copy], bool]) -> list[Path]:
    """The copies :func:`clean_copies` would delete whole (those a deletion's ``keep`` rejects), found without changing
    any: the database's own, and those in a shared folder that hold one of its teams. A copy whose owner cannot be
    read is left out, as it is reported damaged rather than deleted."""
    live_teams = team_identities(db.conn)
    going = []
    for copy in copies_of(db_path):
        if keep(copy):
            continue
        try:
            if copy.owned or _same_lineage(copy, live_teams):
                going.append(copy.path)
        except StoreError:
            continue
    return going


def _apply_to(
    copy: Copy,
    deletion: Deletion,
    live_teams: set[tuple[int, str]],
    schema: int,
    outcome: CopiesOutcome,
    *,
    delete_damaged: bool,
) -> None:
    """``live_teams`` and ``schema`` are the database's: its teams (whose copies are its own) and schema version."""
    try:
        if not copy.owned and not _same_lineage(copy, live_teams):
            return  # another database's copy, left in a shared folder
        if not deletion.keep(copy):
            delete_files(copy.files())
            outcome.deleted.append(copy.path)
            return
        changed = _clean(copy, deletion, schema)
    except (NotADatabaseError, CorruptDatabaseError):
        if delete_damaged:
            delete_files(copy.files())
            outcome.deleted.append(copy.path)
        else:
            outcome.damaged.append(copy.path)
        return
    (outcome.cleaned if changed else outcome.untouched).append(copy.path)


def _same_lineage(copy: Copy, live_teams: set[tuple[int, str]]) -> bool:
    _check_whole(copy.path)
    try:
        conn = copy.read_only()
        try:
            return same_lineage(live_teams, conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _unreadable(copy.path, exc) from exc


def _clean(copy: Copy, deletion: Deletion, schema: int) -> bool:
    """Clean one copy if it holds any of the deletion; whether it did. Raises :class:`NotADatabaseError` or
    :class:`CorruptDatabaseError` if it is damaged, :class:`CopyNotCleaned` if something else stopped it: a copy
    saved by a newer CoPDesk (a schema above ``schema``, the database's) among them, since its tables may hold the
    data where this CoPDesk does not look, and it is sound, so never deleted as damaged."""
    _check_whole(copy.path)
    _refuse_newer(copy, schema)
    wal = companion_files(copy.path)[1]
    try:
        has_wal = is_real_file(wal) and wal.stat().st_size > 0
    except OSError as exc:
        raise CopyNotCleaned(copy.path, in_words(exc)) from exc
    if not has_wal:  # else only a copy with its -wal folded in shows what it holds
        try:
            conn = copy.read_only()
            try:
                if not deletion.present(as_database(conn)):
                    return False
            finally:
                conn.close()
        except sqlite3.Error as exc:
            raise _unreadable(copy.path, exc) from exc
    return _rewrite(copy.path, deletion, has_wal=has_wal)


def _refuse_newer(copy: Copy, schema: int) -> None:
    try:
        conn = copy.read_only()
        try:
            version = user_version(conn)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _unreadable(copy.path, exc) from exc
    if version > schema:
        raise CopyNotCleaned(
            copy.path,
            f"a newer CoPDesk saved it (its data is version {version}): that CoPDesk can clean it, or delete the file",
        )


def _check_whole(path: Path) -> None:
    """A file whose first bytes are not SQLite's is damaged; one that cannot be read now is not (yet) known to be."""
    try:
        whole = has_sqlite_header(path)
    except OSError as exc:
        raise CopyNotCleaned(path, in_words(exc)) from exc
    if not whole:
        raise NotADatabaseError(f"{path.name} is not a whole database")


def _unreadable(path: Path, exc: sqlite3.Error) -> StoreError:
    """SQLite's error reading or changing a copy: not cleaned this time when something outside the file stopped it
    (a full disk, a lock, a permission), else damage (malformed, or no CoPDesk database at all)."""
    if is_temporary(exc):
        return CopyNotCleaned(path, in_words(exc))
    return CorruptDatabaseError(f"{path.name} is damaged ({exc})")


def _rewrite(path: Path, deletion: Deletion, *, has_wal: bool) -> bool:
    temporary = path.with_name(f".{path.name}.scrubbing")
    made = database_files(temporary)
    try:
        shutil.copyfile(path, temporary)
        make_private(temporary)
        if has_wal:  # a quarantined database: its latest commits are in the -wal, which goes with it
            shutil.copyfile(companion_files(path)[1], made[1])
        conn = sqlite3.connect(str(temporary))
        try:
            db = as_database(conn)
            if has_wal:
                conn.execute("PRAGMA journal_mode = DELETE")  # folds the -wal into the file
                if not deletion.present(db):
                    return False
            db.execute("PRAGMA foreign_keys = ON")
            db.execute("PRAGMA secure_delete = ON")
            with db.atomic():
                deletion.apply(db)
            with db.atomic():
                optimise_search_indexes(db)
            conn.execute("VACUUM")
        finally:
            conn.close()
        verify(temporary)
        _sync(temporary)
        replace_file(temporary, path)
        delete_files([file for file in companion_files(path)[1:] if not file.is_symlink()])
        return True
    except sqlite3.Error as exc:
        raise _unreadable(path, exc) from exc
    except OSError as exc:
        raise CopyNotCleaned(path, in_words(exc)) from exc
    except StoreError as exc:  # the cleaned copy's check: not cleaned this time if it could not be read, else damage
        cause = exc.__cause__
        if isinstance(cause, sqlite3.Error) and is_temporary(cause):
            raise CopyNotCleaned(path, in_words(cause)) from exc
        raise CorruptDatabaseError(exc.message) from exc
    finally:
        delete_files(made)


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
