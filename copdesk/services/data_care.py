"""Data care, for the window and the CLI alike: erasure, retention, backup, restore and upgrade.

An erasure or a retention changes many files, so it cannot be one transaction. It is made finishable instead:
it is first recorded as pending in the live database (:mod:`copdesk.store.pending_care`; names only as salted
digests), then applied to every copy (:mod:`copdesk.store.copies`), then to the live file, and the record is
cleared only once all of that is done, with the live file's -wal emptied. A run stopped anywhere (kill -9, a
damaged backup, a full disk, another program reading the database) is finished by the next run or the next start
(:func:`finish_pending_care`). A copy that cannot be cleaned is reported by name and skipped, and the others are
cleaned: one that is damaged stays until it is deleted (``delete_damaged``); one stopped by something outside it
(a full disk, a permission) is cleaned by a later run, and is never deleted for it.

The caller holds the instance lock (the window does; the CLI takes it), so no CoPDesk writes meanwhile. Unlike the
other services, backup, restore and upgrade take the database's path rather than an open Database: a backup reads
it through a read-only connection of its own, and a restore or an upgrade needs it closed everywhere else.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, to_utc_iso
from copdesk.core.dates import format_uk
from copdesk.core.name_match import NameDigests
from copdesk.services import transaction
from copdesk.store import erasure, kept_notes, pending_care, retention, teams
from copdesk.store.audit import record_event
from copdesk.store.connection import open_for_a_worker, read_beside
from copdesk.store.copies import Copy, display_name, names_in_copies
from copdesk.store.erasure import ErasureCounts
from copdesk.store.errors import StoreError, in_words
from copdesk.store.pending_care import MemberIdentity, PendingCare
from copdesk.store.recovery import HISTORY_UNREAD, QUARANTINE_FOLDER
from copdesk.store.retention import RetentionCounts
from copdesk.store.scrub import (
    CopiesOutcome,
    Deletion,
    checkpoint_truncate,
    clean_copies,
    copies_deleted_whole,
    delete_securely,
)

if TYPE_CHECKING:
    from copdesk.store.connection import OpenedDatabase
    from copdesk.store.recovery import RestoreResult


Counts = TypeVar("Counts", ErasureCounts, RetentionCounts, None)


@dataclass(frozen=True, slots=True)
class CareReport(Generic[Counts]):
    """One erasure or retention: its counts (``None`` when it finished one an earlier run began), what became of
    every copy, and whether it is complete (nothing left pending)."""

    kind: str
    counts: Counts
    copies: CopiesOutcome
    complete: bool

    def copies_summary(self, db_path: Path) -> str:
        text = f"backups cleaned: {len(self.copies.cleaned)}"
        if self.copies.deleted:
            text += f", deleted: {len(self.copies.deleted)}"
        if self.copies.untouched:
            text += f", checked and holding none of it: {len(self.copies.untouched)}"
        return text + self.problems(db_path)

    def problems(self, db_path: Path) -> str:
        """Where the data is still, and why: a sentence for each kind of copy left, each with a leading ". "."""
        said = ""
        if self.copies.damaged:
            names = ", ".join(display_name(db_path, path) for path in self.copies.damaged)
            said += f". Too damaged to be cleaned, so the data is still in: {names}"
        if self.copies.not_cleaned:
            names = ", ".join(f"{display_name(db_path, path)} ({why})" for path, why in self.copies.not_cleaned.items())
            said += f". Not cleaned this time, so the data is still in: {names}"
        return said


T = TypeVar("T")


def on_own_connection(db_path: Path, act: Callable[[Database], T]) -> T:
    """``act`` on a connection of its own to the database at ``db_path``, closed after: for an erasure, a deletion
    of old sessions or their finishing run in a worker thread, which clean every backup and can take a minute."""
    db = open_for_a_worker(db_path, doing="changed")
    try:
        return act(db)
    finally:
        db.close()


def preview_erasure(db: Database, member_id: int) -> ErasureCounts:
    """What erasing the member would remove from the database (the dialog's and the dry run's counts)."""
    return erasure.preview_erasure(db, member_id)


@dataclass(frozen=True, slots=True)
class ErasurePreview:
    """What erasing the member would remove, and the other teams with someone of their name (any accents) on their
    roster: an erasure reaches one team's roster, so a colleague on two rosters is erased from each in turn."""

    member_id: int | str  # a guest no longer on the roster by name (:mod:`copdesk.services.former_guests`)
    counts: ErasureCounts
    other_rosters: tuple[tuple[str, str], ...]  # (the team, the name as written on its roster)


def preview_erasure_beside(db_path: Path, member_id: int, superseded: Callable[[], bool]) -> ErasurePreview | None:
    """:func:`preview_erasure` on a read-only connection of its own, for a worker thread: every free text of the team
    is read and searched for the member's names, which on years of notes (or a network share) takes a while. Given up
    as soon as ``superseded()`` says another was asked for (None then, never shown). What cannot be read just now is a
    :class:`StoreError`."""

    def count(db: Database) -> ErasurePreview | None:
        counts = preview_erasure(db, member_id)
        if superseded():
            return None
        return ErasurePreview(member_id, counts, tuple(teams.other_teams_with_name_of(db, member_id)))

    return read_beside(db_path, superseded, count, "What would be erased could not be counted just now ({why}).")


def kept_files_beside(db_path: Path) -> int:
    """How many files of words CoPDesk could not save wait beside the database: text files, which no erasure or
    deletion of old sessions reaches (:mod:`copdesk.store.kept_notes`)."""
    return len(kept_notes.kept_files(db_path.parent))


def preview_retention(db: Database, months: int, now: datetime) -> RetentionCounts:
    """What a retention of ``months`` would delete from the database."""
    return retention.preview_retention(db, months, now)


@dataclass(frozen=True, slots=True)
class CopiesDeletedWhole:
    """How many copies a retention would delete whole, being older than its cut-off: backups, and damaged databases
    set aside in ``quarantine/``."""

    backups: int
    set_aside: int

    def summary(self) -> str:
        """The counts in words, as :meth:`RetentionCounts.summary` gives the database's."""
        said = f"backups deleted whole: {self.backups}"
        return said + (f" · damaged files set aside, deleted whole: {self.set_aside}" if self.set_aside else "")


def preview_retention_copies(db: Database, db_path: Path, months: int, now: datetime) -> CopiesDeletedWhole:
    """The copies from before a retention's cut-off, which it deletes whole rather than cleans (each copy taken
    since is cleaned of the same sessions): what its preview must say beside the sessions."""
    return _copies_before(db, db_path, preview_retention(db, months, now).cutoff)


def _copies_before(db: Database, db_path: Path, cutoff: datetime) -> CopiesDeletedWhole:
    going = copies_deleted_whole(db, db_path, _kept_after(cutoff))
    set_aside = sum(1 for path in going if path.parent == db_path.parent / QUARANTINE_FOLDER)
    return CopiesDeletedWhole(len(going) - set_aside, set_aside)


@dataclass(frozen=True, slots=True)
class RetentionPreview:
    """What a retention of ``months`` would delete: from the database, and the copies it would delete whole."""

    months: int
    counts: RetentionCounts
    copies: CopiesDeletedWhole


def preview_retention_beside(
    db_path: Path, months: int, now: datetime, superseded: Callable[[], bool]
) -> RetentionPreview | None:
    """:func:`preview_retention` and :func:`preview_retention_copies` on a read-only connection of its own, for a worker
    thread: every copy is listed and some are opened, which in a slow shared folder takes a while. Given up as soon as
    ``superseded()`` says another was asked for (None then, never shown). What cannot be read just now is a
    :class:`StoreError`."""

    def count(db: Database) -> RetentionPreview | None:
        counts = preview_retention(db, months, now)
        if superseded():
            return None
        return RetentionPreview(months, counts, _copies_before(db, db_path, counts.cutoff))

    return read_beside(db_path, superseded, count, "What would be deleted could not be counted just now ({why}).")


def erase_member(
    db: Database, db_path: Path, member_id: int, now: datetime, *, delete_damaged: bool = False
) -> CareReport[ErasureCounts]:
    """Erase one member from the database and from every copy of it, under every name they had."""
    identity = erasure.identity_of(db, member_id)
    counts = erasure.preview_erasure(db, member_id)
    names = set(erasure.names_in(db, identity)) | names_in_copies(db_path, identity)
    return erase_everywhere(db, db_path, identity, names, counts, now, delete_damaged)


def erase_everywhere(
    db: Database,
    db_path: Path,
    who: MemberIdentity,
    names: set[str],
    counts: ErasureCounts,
    now: datetime,
    damaged: bool,
) -> CareReport[ErasureCounts]:
    """Record the erasure of ``who`` under ``names`` as pending, then make it here and in every copy."""
    with transaction(db):
        salt = pending_care.salt(db)
        digests, without_accents = NameDigests.of_names(salt, names), pending_care.accent_free_digests(salt, names)
        pending_care.record_erasure(db, who, digests, without_accents, counts.audit_detail(), now)
    care = next(care for care in reversed(pending_care.pending(db)) if care.kind == "erase")
    report = _finish(db, db_path, care, now, delete_damaged=damaged)
    return CareReport("erase", counts, report.copies, report.complete)


def apply_retention(
    db: Database, db_path: Path, months: int, now: datetime, *, delete_damaged: bool = False
) -> CareReport[RetentionCounts]:
    """Delete sessions older than ``months`` from the database and from every copy of it."""
    counts = preview_retention(db, months, now)
    with transaction(db):
        pending_care.record_retention(db, to_utc_iso(counts.cutoff), counts.audit_detail(months), now)
    care = next(care for care in reversed(pending_care.pending(db)) if care.kind == "retention")
    report = _finish(db, db_path, care, now, delete_damaged=delete_damaged)
    return CareReport("retention", counts, report.copies, report.complete)


def finish_pending_care(
    db: Database, db_path: Path, now: datetime, *, delete_damaged: bool = False
) -> list[CareReport[None]]:
    """Finish every erasure and retention an earlier run began and did not complete; one report each."""
    return [_finish(db, db_path, care, now, delete_damaged=delete_damaged) for care in pending_care.pending(db)]


def unfinished(db: Database) -> int:
    """How many erasures and deletions of old sessions have begun and not yet reached every copy."""
    return len(pending_care.pending(db))


def pending_erasure_of(db: Database, name: str) -> bool:
    """Whether an unfinished erasure is of someone called ``name`` (for "finish it" instead of "nobody called")."""
    salt_row = db.execute("SELECT value FROM setting WHERE key = ?", [pending_care.SALT_SETTING]).fetchone()
    if salt_row is None:
        return False
    digests = NameDigests.of_names(str(salt_row[0]), [name])
    return any(care.whole_digests & digests.whole for care in pending_care.pending(db) if care.kind == "erase")


def erased_before(db: Database, name: str, *, without_accents: bool = False) -> bool:
    """Whether someone called ``name`` was erased already (the redaction list knows their names), so asking again
    is answered with that, not with "nobody called"; ``without_accents``, someone whose name ``name`` is without its
    accents, as :func:`copdesk.core.roster.name_meant` finds a member ("Zoe" for "Zoë"), erased since CoPDesk kept
    that."""
    erased = pending_care.redaction_list(db)
    if erased is None:
        return False
    if without_accents:
        return bool(pending_care.accent_free_digests(erased.salt, [name]) & erased.whole)
    return bool(NameDigests.of_names(erased.salt, [name]).whole & erased.whole)


def _finish(db: Database, db_path: Path, care: PendingCare, now: datetime, *, delete_damaged: bool) -> CareReport[None]:
    deletion = _erasure(db, care) if care.identity is not None else _retention(care)
    copies = clean_copies(db, db_path, deletion, delete_damaged=delete_damaged)
    delete_securely(db, deletion.apply)  # raises, leaving it pending, when another program holds the -wal
    if copies.damaged or copies.not_cleaned:
        return CareReport(care.kind, None, copies, complete=False)
    with transaction(db):
        pending_care.finish(db, care.id, now)
        done = f"{len(copies.cleaned)} backups cleaned, {len(copies.deleted)} deleted"
        if care.identity is not None:
            record_event(db, "erased", "member", care.identity.member_id, now, f"{care.detail}; {done}")
        else:
            record_event(db, "deleted", "session", None, now, f"{care.detail}; {done}")
    checkpoint_truncate(db)  # the audit entry too, so the -wal ends empty
    return CareReport(care.kind, None, copies, complete=True)


def _erasure(db: Database, care: PendingCare) -> Deletion:
    assert care.identity is not None
    identity = care.identity
    names, listed = erasure.pending_names(db, care)
    return Deletion(
        present=lambda target: erasure.erasure_present(target, identity, names),
        apply=lambda target: erasure.erase_in(target, identity, names, listed),
    )


def _retention(care: PendingCare) -> Deletion:
    assert care.cutoff is not None
    stamp = care.cutoff
    return Deletion(
        present=lambda target: retention.old_data_present(target, stamp),
        apply=lambda target: retention.delete_older(target, stamp),
        keep=_kept_after(from_utc_iso(stamp)),
    )


def _kept_after(cutoff: datetime) -> Callable[[Copy], bool]:
    """A retention keeps (and cleans) a copy taken after its cut-off, or at a time unknown; an older one holds
    nothing newer, and is deleted whole."""
    return lambda copy: copy.taken_at is None or copy.taken_at >= cutoff


def backup_database(db_path: Path, output: Path, migrations_dir: Path) -> Path:
    """A verified copy of the database at ``output``, read without writing the database; the path written.

    ``output`` is refused if it would replace a database (or be the database's own files), or is not a file.
    """
    from copdesk.store.backup import backup_to, check_destination
    from copdesk.store.connection import open_read_only

    target = check_destination(db_path, output)
    db = open_read_only(db_path, migrations_dir, any_version=True)
    try:
        return backup_to(db.conn, target)
    finally:
        db.close()


def save_a_copy(db_path: Path, output: Path, migrations_dir: Path) -> str:
    """:func:`backup_database` for the window: where the copy was written, in one line; any refusal (a wrong path,
    a full memory stick, one pulled out) as a :class:`StoreError` in a few words."""
    from copdesk.store.location import shown

    try:
        return shown(backup_database(db_path, output, migrations_dir))
    except (OSError, sqlite3.Error) as exc:
        raise StoreError(in_words(exc)) from exc


@dataclass(frozen=True, slots=True)
class Restored:
    """A restore, and the erasures the replaced database had made, made again in the restored data (a copy taken
    before them holds what they removed)."""

    result: RestoreResult
    reapplied: list[CareReport[None]]
    refused: str = ""  # why making them again stopped: they stay pending, for a rerun or the next start

    def warnings(self, db_path: Path) -> list[str]:
        """What the facilitator must know: nothing when every erasure reached the restored data."""
        if self.refused:
            return [
                "The restored data still holds what an erasure had removed: making the erasure again stopped "
                f"({self.refused}). CoPDesk makes it at its next start."
            ]
        return [
            f"An erasure was made again in the restored data, but not yet everywhere{report.problems(db_path)}."
            for report in self.reapplied
            if not report.complete
        ]

    @property
    def notice(self) -> str:
        """What the restore did besides, in sentences with a leading space; else empty."""
        said = ""
        carried = self.result.erasures_carried
        if carried and not self.refused:
            what = "The erasure" if carried == 1 else f"The {carried} erasures"
            said += f" {what} made in the data it replaced {'was' if carried == 1 else 'were'} made again in it too."
        if self.result.history_unread:
            said += f" {HISTORY_UNREAD}"
        if self.result.sessions_before is not None:
            day = format_uk(from_utc_iso(self.result.sessions_before).astimezone().date())
            said += (
                f" It holds sessions from before {day}, which a deletion of old sessions had removed: delete them"
                " again if they should not be kept."
            )
        return said


def restore_backup(source: Path, db_path: Path, migrations_dir: Path, now: datetime) -> Restored:
    """Replace the database with the backup ``source`` (the caller holds the lock; the database is closed), with
    every erasure the replaced database had made made again in it (:func:`restore_database` records them).

    Refused while any other program has the file open; the data replaced is kept as a "before a restore" backup.
    """
    from copdesk.store.recovery import restore_database

    result = restore_database(source, db_path, migrations_dir, now)
    try:
        return Restored(result, finish_pending_care(result.opened.db, db_path, now))
    except (StoreError, sqlite3.Error, OSError) as exc:  # restored all the same: what is pending stays pending
        return Restored(result, [], in_words(exc))


def upgrade_database(db_path: Path, migrations_dir: Path, now: datetime) -> OpenedDatabase:
    """Bring the database to this CoPDesk's schema (a verified copy of the old version is kept first)."""
    from copdesk.store.connection import open_database

    return open_database(db_path, migrations_dir, now=now)
