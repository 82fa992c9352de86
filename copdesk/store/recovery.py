"""Getting back to a sound database: quarantining a damaged one, and restoring a backup.

A damaged database is never repaired in place or deleted. It is moved, with its -wal and -shm (the
-wal may hold the latest commits, and only belongs with its own database) and any rollback journal (which
only undoes a half-done write of its own database, and would spoil another), into ``quarantine/`` beside
it under a timestamped name, so a specialist can still recover from it, and nothing can open it by
accident as the live database.

A restore runs only with the live database closed (the caller holds the instance lock). It checks
the chosen file first, takes a verified backup of the current database (or quarantines it if it is
damaged), and then copies the chosen file into place through the backup API, into a temporary file
that is verified and renamed, so at every moment the database path holds a whole database.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from copdesk.store import migrations
from copdesk.store.audit import record_event
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, list_backups, new_backup_path, stamp, verify_restorable
from copdesk.store.connection import (
    UNREAD_MARK,
    OpenedDatabase,
    as_database,
    discard_restoring,
    open_database,
    put_in_place,
    ready_restore_file,
    restoring_file,
    took_unread_mark,
)
from copdesk.store.errors import CorruptDatabaseError, NotADatabaseError, StorageFullError, StoreError, in_words
from copdesk.store.kept_notes import sync_folder
from copdesk.store.lineage import same_lineage, team_identities
from copdesk.store.location import FOLDER_MODE, database_files, is_sqlite_file, rollback_journal, same_file, shown
from copdesk.store.opening_checks import BUSY_TIMEOUT_MS, finish_interrupted_write, inspect_existing
from copdesk.store.pending_care import CareHistory
from copdesk.store.permissions import replace_file
from copdesk.store.retention import old_data_present
from copdesk.store.safe_write import storage_error_for
from copdesk.store.uri import read_only_uri, sqlite_uri

QUARANTINE_FOLDER = "quarantine"
HISTORY_UNREAD = (
    "The damaged file could not be read, so an erasure made in it after the backup was taken could not be made "
    "again: if you erased anyone from CoPDesk since then, erase them again."
)
_STAMPED = re.compile(r"^\d{8}T\d{6}Z-")


def finished_restore_notice(history_unread: bool) -> str:
    """What an opening that put a waiting backup in place says (:attr:`OpenedDatabase.restore_finished`)."""
    unread = f" {HISTORY_UNREAD}" if history_unread else ""
    return (
        f"A restore was cut short last time, once the damaged file was moved to {QUARANTINE_FOLDER}/; CoPDesk has "
        f"finished it, so the backup you chose is now your data.{unread}"
    )


@dataclass(frozen=True, slots=True)
class RestoreResult:
    opened: OpenedDatabase
    previous_backup: Path | None  # the verified copy of the database that was replaced
    quarantined: list[Path]  # or, when that database was damaged, where it was moved
    erasures_carried: int = 0  # erasures of the database replaced, recorded in the restored data to be made again
    sessions_before: str | None = None  # a deletion of old sessions' cut-off (UTC) that the restored data predates
    history_unread: bool = False  # the damaged database replaced could not be read: its erasures are unknown


class QuarantineRefused(StoreError):
    """The damaged database could not be moved into ``quarantine/``: what had moved was put back, if it could be."""


def quarantine(db_path: Path, now: datetime) -> list[Path]:
    """Move the database, its -wal/-shm and any -journal into ``quarantine/``; return their new paths."""
    folder = db_path.parent / QUARANTINE_FOLDER
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    prefix = stamp(now)
    counter = 0
    while any((folder / f"{prefix}-{file.name}").exists() for file in database_files(db_path)):
        counter += 1
        prefix = f"{stamp(now)}-{counter}"
    moved: list[Path] = []
    # The others go first: a database left behind without them is still damaged, and is quarantined again, while
    # a -wal or -journal left behind without its database would be applied to whichever file takes its place.
    try:
        for file in reversed(database_files(db_path)):
            if file.exists():
                target = folder / f"{prefix}-{file.name}"
                replace_file(file, target)
                moved.append(target)
    except OSError as exc:  # a file in use (a virus scanner, a sync client): all of it stays where it was
        back = _move_back(moved, db_path)
        where = "it was left where it was" if back else f"part of it is in {QUARANTINE_FOLDER}/"
        raise QuarantineRefused(f"The damaged database could not be moved aside ({in_words(exc)}); {where}.") from exc
    sync_folder(db_path.parent)
    return list(reversed(moved))


def _move_back(quarantined: list[Path], db_path: Path) -> bool:
    """Put quarantined files of ``db_path`` back in its place, all or none: its -wal, -shm and -journal first and
    the database last, so it is never back without them; one that cannot go back sends those that did to
    quarantine again. Whether they all went back."""
    own = {file.name: file for file in database_files(db_path)}
    pairs = [(file, next(own[name] for name in own if file.name.endswith(f"-{name}"))) for file in quarantined]
    back: list[tuple[Path, Path]] = []
    try:
        for file, original in reversed(pairs):  # quarantine lists the database first
            replace_file(file, original)
            back.append((file, original))
    except OSError:
        for file, original in back:
            with contextlib.suppress(OSError):
                replace_file(original, file)
        return False
    sync_folder(db_path.parent)
    return True


def quarantined_files(db_path: Path) -> list[Path]:
    """The files of ``db_path`` in the quarantine folder (which databases sharing a folder share too).

    A link there is no file CoPDesk set aside: it may point anywhere (an archive on another drive, the database
    itself), so it is none of them, and erasure and retention, which never follow a linked file, leave it as it is, as
    they do a link among the backups. A quarantine folder that is itself a link is followed, as a backups folder is."""
    folder = db_path.parent / QUARANTINE_FOLDER
    if not folder.is_dir():
        return []
    own = {file.name for file in database_files(db_path)}
    found = []
    for file in folder.iterdir():
        stamped = _STAMPED.match(file.name)
        if stamped is None or not file.is_file() or file.is_symlink():
            continue
        rest = file.name[stamped.end() :]
        counter, _, after_counter = rest.partition("-")  # a second quarantine in one second: "<stamp>-1-<name>"
        if rest in own or (counter.isdigit() and after_counter in own):
            found.append(file)
    return found


def restore_database(
    source: Path,
    db_path: Path,
    migrations_dir: Path,
    now: datetime,
    *,
    audit_detail: str | None = None,
) -> RestoreResult:
    """Replace the (closed) database at ``db_path`` with the backup ``source``, migrating it if it is older.

    The backup is first made ready in a hidden file among the database's backups: copied, brought to this schema,
    and given the erasures the database it replaces had made (read from it, even damaged), when it is a copy of
    that database (a team in common), so a copy taken before an erasure never brings the erased back. Until then
    nothing is changed: a refusal or a crash leaves the database as it was. A damaged database is then quarantined
    and the ready copy renamed into its place (a crash between the two leaves it for the next opening to put in
    place; a refused rename puts the damaged database back). A sound one is replaced in one commit, in place,
    under an exclusive lock taken only when no other connection has the file open (not CoPDesk alone: any program),
    so a program that had it open can never go on committing into a file that is no longer the database, and
    commits made elsewhere never vanish.
    """
    latest = migrations.latest_version(migrations_dir)
    if db_path.exists() and same_file(source, db_path):
        raise StoreError(f"{shown(source)} is the database itself; choose a backup file.")
    verify_restorable(source, latest)
    previous_backup: Path | None = None
    quarantined: list[Path] = []
    target: sqlite3.Connection | None = None
    damaged = False
    if db_path.exists():
        try:
            finish_interrupted_write(db_path)
            inspect_existing(db_path, latest)
        except (NotADatabaseError, CorruptDatabaseError):  # only damage: a busy or newer database is refused
            damaged = True
        else:
            target = _take_exclusively(db_path)
    prepared = restoring_file(db_path)
    copied_in_place = False
    try:
        history, live_teams = _history(target, db_path if damaged else None)
        discard_restoring(db_path)  # one a crash left, holding what an earlier backup held
        unknown = damaged and history is None  # its erasures cannot be read: say so, even after a crash
        carried = _prepare(source, prepared, migrations_dir, history, live_teams, now, history_unread=unknown)
        if target is None:  # none, or a damaged one: the ready copy takes its place whole, by a rename
            ready_file = ready_restore_file(db_path)
            replace_file(prepared, ready_file)  # from here, a crash leaves it for the next opening to put in place
            sync_folder(ready_file.parent)
            if damaged:
                quarantined = quarantine(db_path, now)
            try:
                put_in_place(ready_file, db_path)
            except OSError:
                if quarantined and _move_back(quarantined, db_path):
                    quarantined = []  # the damaged database is back as it was
                if not quarantined:  # nothing is moved aside, so the restore did not happen: nor will it later
                    with contextlib.suppress(OSError):
                        ready_file.unlink()
                raise
        else:
            previous_backup = backup_to(target, new_backup_path(db_path, BackupKind.PRE_RESTORE, now))
            ready = sqlite3.connect(sqlite_uri(prepared, mode="ro"), uri=True)
            try:
                ready.backup(target)
            finally:
                ready.close()
            target.execute("PRAGMA journal_mode = WAL")
            copied_in_place = True
    except QuarantineRefused as exc:
        raise StoreError(f"The restore did not happen. {exc.message}") from exc
    except (sqlite3.Error, StoreError, OSError) as exc:
        waiting = quarantined and not db_path.exists()  # the ready copy stays, for the next opening
        full = isinstance(exc, StorageFullError) or isinstance(storage_error_for(exc), StorageFullError)
        if isinstance(exc, OSError) and not waiting and not full:
            raise  # nothing was moved aside: the caller says what a file in use means
        kept = (
            f"the damaged database is kept in {QUARANTINE_FOLDER}/, and the backup is put in its place when "
            f"{shown(db_path.name)} is next opened"
            if waiting
            else "the database was left as it was"
        )
        if full:  # said plainly: the store's own words for it speak of a change not saved
            then = "first" if waiting else "then try again"
            said = f"The restore failed: the disk is full. {kept[0].upper()}{kept[1:]}; free some space, {then}."
            raise StoreError(said) from exc
        raise StoreError(f"The restore failed ({in_words(exc)}); {kept}.") from exc
    finally:
        discard_restoring(db_path)
        if target is not None:
            target.close()
    if copied_in_place:
        # Exclusive locking keeps the journal file, full of the replaced database's pages, even once the copy is
        # committed and the connection closed: it has nothing left to undo, and must not linger beside the restored
        # file. (A copy that failed keeps it: SQLite plays it back when the file is next opened.)
        rollback_journal(db_path).unlink(missing_ok=True)
    opened = open_database(db_path, migrations_dir, now=now)
    record_event(opened.db, "restored", "database", None, now, audit_detail or _source_kind(source, db_path))
    old = history.latest_cutoff if history is not None and carried is not None else None
    sessions_before = old if old is not None and old_data_present(opened.db, old) else None
    unread = took_unread_mark(opened.db)
    return RestoreResult(opened, previous_backup, quarantined, carried or 0, sessions_before, unread)


def _history(
    target: sqlite3.Connection | None, damaged: Path | None
) -> tuple[CareHistory | None, set[tuple[int, str]]]:
    """What the database being replaced had erased, and its teams: read from it or, damaged, from what of it can
    still be read (with its -wal, which may hold the latest erasure; without it, if that cannot be read)."""
    if target is not None:
        return CareHistory.read(target), team_identities(target)
    if damaged is None or not is_sqlite_file(damaged):
        return None, set()
    with_log = [sqlite_uri(damaged, mode="ro")] if damaged.with_name(f"{damaged.name}-wal").exists() else []
    # Read-only, with its -wal when it has one (SQLite then keeps a -shm beside it, moved with it to quarantine),
    # else as it lies; a file SQLite cannot read at all gives no history.
    for uri in (*with_log, sqlite_uri(damaged, mode="ro", immutable=1)):
        try:
            conn = sqlite3.connect(uri, uri=True)
            try:
                return CareHistory.read(conn), team_identities(conn)
            finally:
                conn.close()
        except sqlite3.Error:
            continue
    return None, set()


def _prepare(
    source: Path,
    prepared: Path,
    migrations_dir: Path,
    history: CareHistory | None,
    live_teams: set[tuple[int, str]],
    now: datetime,
    *,
    history_unread: bool,
) -> int | None:
    """Copy ``source`` to ``prepared``, bring it to this schema, and record and make in it the erasures of
    ``history``, when it is a copy of the same database (how many were recorded; ``None``: it is not a copy of it):
    whatever stops the restore later, the copy never takes the database's place holding anyone erased. Or, with
    ``history_unread``, that the erasures of the database it replaces could not be read (:func:`took_unread_mark`),
    so that a restore finished at the next opening still says so."""
    source_conn = sqlite3.connect(read_only_uri(source), uri=True)
    try:
        backup_to(source_conn, prepared)
    except StorageFullError:
        raise
    except StoreError as exc:
        raise StoreError(f"the backup could not be copied: {exc.message}") from exc
    finally:
        source_conn.close()
    conn = sqlite3.connect(str(prepared))
    try:
        migrations.apply(conn, migrations.pending(conn, migrations_dir))
        with conn:  # marked only for this restore: a mark a copy carries from elsewhere is dropped
            if history_unread:
                conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, '1')", [UNREAD_MARK])
            else:
                conn.execute("DELETE FROM setting WHERE key = ?", [UNREAD_MARK])
        if history is None or not same_lineage(live_teams, conn):
            return None
        from copdesk.store.erasure import make_pending_erasures  # only a restore needs it, never the start

        db = as_database(conn)
        db.execute("PRAGMA secure_delete = ON")
        with db.atomic():  # made here, so the copy never takes the database's place holding anyone erased
            carried = history.carry_into(db, now)
            make_pending_erasures(db)
            return carried
    finally:
        conn.close()


def _take_exclusively(db_path: Path) -> sqlite3.Connection:
    """A connection holding the database exclusively, its -wal folded in; refused while anything else has it open.

    Leaving write-ahead logging needs every other connection closed, so a refusal to leave it means another
    program (a second CoPDesk started without the lock, a database browser, a sync client) has the file open.
    """
    conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")  # in exclusive locking mode, the lock stays until the connection closes
    except sqlite3.OperationalError as exc:
        conn.close()
        raise StoreError(
            f"Another program has {shown(db_path.name)} open, so it cannot be replaced without losing what that "
            "program saves; close it (or restart the computer), then restore again. Nothing was changed."
        ) from exc
    if str(mode).lower() != "delete":
        conn.close()
        raise StoreError(f"Another program has {shown(db_path.name)} open; close it, then restore again.")
    return conn


def _source_kind(source: Path, db_path: Path) -> str:
    """What was restored, for the audit log: the kind and time of a backup of this database, never a file name
    (a chosen file's name may carry a person's)."""
    for backup in list_backups(db_path):
        if same_file(backup.path, source):
            return f"from the {backup.kind.label} backup of {stamp(backup.taken_at)}"
    return "from a chosen backup file"


def recover_from_damage(
    db_path: Path, backup: Path | None, migrations_dir: Path, now: datetime
) -> tuple[OpenedDatabase, list[Path], bool]:
    """Restore ``backup`` over the damaged database, which is quarantined (:func:`restore_database`, which carries
    its erasures across), or quarantine it and start an empty one; and whether its erasures could not be read."""
    unread = False
    if backup is not None:
        result = restore_database(backup, db_path, migrations_dir, now)
        opened, moved, unread = result.opened, result.quarantined, result.history_unread
    else:
        moved = quarantine(db_path, now)
        opened = open_database(db_path, migrations_dir, now=now)
    record_event(opened.db, "quarantined", "database", None, now, f"kept in {QUARANTINE_FOLDER}/")
    return opened, moved, unread
