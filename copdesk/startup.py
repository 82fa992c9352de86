"""From a database path to an open, locked and backed-up database, for the GUI.

Every way this can go wrong becomes either a question for the user or a one-line message, asked
through :class:`StartupPrompts` so the sequence can be tested without a dialog:

1. the folder is missing and cannot be created, or is read-only: say so and offer another location;
2. the database is open in another CoPDesk: say so, and write nothing (not even the database's -wal);
3. the database is damaged or not a database: offer the newest verified backup, or a fresh start,
   quarantining the damaged files either way (or quit and change nothing);
4. anything else refused (a newer CoPDesk's file, a failed update): say so, and change nothing;
5. once open, take an automatic backup if the database changed since the last one. The app defers it until
   its window has painted (:class:`~copdesk.startup_backup.StartupBackup` keeps the data as it was opened
   meanwhile); the integrity check before opening runs beside whatever start-up work the caller hands over as
   ``meanwhile``.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Protocol

from copdesk.core.data_location import filesystem_type, unsafe_location_reason
from copdesk.core.date_names import short_date_time
from copdesk.instance_lock import AlreadyOpenError, InstanceLock
from copdesk.startup_backup import StartupBackup, backup_failed, logged_beside_data
from copdesk.store.errors import CorruptDatabaseError, LocationError, NotADatabaseError, StoreError
from copdesk.store.location import ensure_location, shown

if TYPE_CHECKING:
    from sqlite_utils import Database

    from copdesk.store.backup_catalogue import BackupFile
    from copdesk.store.connection import OpenedDatabase

MOUNTINFO = Path("/proc/self/mountinfo")
_COMMAND_LINE_ADVICE = re.compile(r" [^.]*--db\b[^.]*\.$")  # a message's last sentence, when it says to give --db
DRIVE_REMOTE = 4  # GetDriveTypeW: a network drive


class DamageChoice(Enum):
    RESTORE_BACKUP = "restore"
    START_FRESH = "fresh"
    QUIT = "quit"


class StartupPrompts(Protocol):
    def location_refused(self, message: str, path: Path) -> Path | None:
        """Explain ``message`` and return another database path, or ``None`` to quit."""

    def already_open(self, message: str) -> None: ...

    def database_damaged(self, message: str, backup: BackupFile | None) -> DamageChoice: ...

    def cannot_open(self, message: str) -> None: ...


@dataclass
class Startup:
    opened: OpenedDatabase
    lock: InstanceLock
    notices: list[str] = field(default_factory=list)  # what happened on the way, for an info banner
    warnings: list[str] = field(default_factory=list)  # problems that did not stop the start
    location_warning: str | None = None
    backup: StartupBackup | None = None  # with ``defer_backup``: the backup still to take


@dataclass(frozen=True)
class Claim:
    """A database location that can be used, with the instance lock beside it held."""

    db_path: Path
    lock: InstanceLock


def open_for_gui(
    db_path: Path,
    prompts: StartupPrompts,
    *,
    migrations_dir: Path,
    now: datetime,
    defer_backup: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> Startup | None:
    """Open the database for the window, or return ``None`` after telling the user why not.

    :func:`claim_location`, then :func:`open_claimed`; the app runs the two apart, showing its window between.
    """
    claim = claim_location(db_path, prompts)
    if claim is None:
        return None
    return open_claimed(
        claim, prompts, migrations_dir=migrations_dir, now=now, defer_backup=defer_backup, meanwhile=meanwhile
    )


def claim_location(db_path: Path, prompts: StartupPrompts) -> Claim | None:
    """Steps 1 and 2: a usable location (another one if the user picks it) and the instance lock, or ``None``.

    Neither SQLite nor sqlite-utils is needed for this, so the app does it before its window first paints:
    a second copy of CoPDesk says so without a window flashing up.
    """
    while True:
        try:
            ensure_location(db_path)
        except LocationError as exc:
            # Said without the command line's "Choose another location with --db.": the dialog has a button for it.
            chosen = prompts.location_refused(_COMMAND_LINE_ADVICE.sub("", exc.message), db_path)
            if chosen is None:
                return None
            db_path = chosen
            continue
        break
    lock = InstanceLock(db_path)
    try:
        lock.acquire()
    except AlreadyOpenError as exc:
        prompts.already_open(exc.message)
        return None
    except StoreError as exc:
        prompts.cannot_open(exc.message)
        return None
    return Claim(db_path, lock)


def open_claimed(
    claim: Claim,
    prompts: StartupPrompts,
    *,
    migrations_dir: Path,
    now: datetime,
    defer_backup: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> Startup | None:
    """Steps 3 to 5 on a claimed location; ``None`` (the lock released) after telling the user why not.

    ``meanwhile`` runs on this thread while the file's integrity is checked in another (SQLite reads the
    file without holding Python's lock). With ``defer_backup`` the automatic backup is returned in
    :attr:`Startup.backup` for the caller to take, instead of being taken before this returns.
    """
    try:
        started = _open_locked(
            claim.db_path,
            claim.lock,
            prompts,
            migrations_dir=migrations_dir,
            now=now,
            defer_backup=defer_backup,
            meanwhile=meanwhile,
        )
    except BaseException:
        claim.lock.release()
        raise
    if started is None:
        claim.lock.release()
    return started


def _open_locked(
    db_path: Path,
    lock: InstanceLock,
    prompts: StartupPrompts,
    *,
    migrations_dir: Path,
    now: datetime,
    defer_backup: bool,
    meanwhile: Callable[[], object] | None,
) -> Startup | None:
    import sqlite3

    from copdesk.restore_unseen import restored_unseen
    from copdesk.store import migrations
    from copdesk.store.backup_catalogue import backup_due, files_fingerprint, newest_verified_backup
    from copdesk.store.connection import discard_restoring, open_database
    from copdesk.store.recovery import HISTORY_UNREAD, QUARANTINE_FOLDER, finished_restore_notice, recover_from_damage

    fingerprint = files_fingerprint(db_path)
    notices: list[str] = []
    try:
        opened = open_database(db_path, migrations_dir, now=now, meanwhile=meanwhile)
    except (CorruptDatabaseError, NotADatabaseError) as exc:
        backup = newest_verified_backup(db_path, migrations.latest_version(migrations_dir))
        choice = prompts.database_damaged(exc.message, backup)
        if choice is DamageChoice.QUIT:  # changes nothing, not even the log
            return None
        logged_beside_data(exc, db_path.parent)  # said in plain words: SQLite's code for the damage is in the log
        restore = backup.path if choice is DamageChoice.RESTORE_BACKUP and backup is not None else None
        try:
            opened, moved, history_unread = recover_from_damage(db_path, restore, migrations_dir, now)
        except StoreError as error:
            prompts.cannot_open(error.message)
            return None
        kept = f"The damaged file was kept as {QUARANTINE_FOLDER}/{moved[0].name if moved else db_path.name}"
        if restore is not None and backup is not None:
            unread = f" {HISTORY_UNREAD}" if history_unread else ""
            notices.append(f"{kept}; CoPDesk restored the backup taken {_when(backup.taken_at)}.{unread}")
        else:
            notices.append(f"{kept}; CoPDesk started with an empty database.")
        fingerprint = ""  # the database was just replaced: back it up below
    except StoreError as exc:
        prompts.cannot_open(exc.message)
        return None
    if opened.restore_finished:
        notices.append(finished_restore_notice(opened.restore_history_unread))
    unseen, unseen_warnings = restored_unseen(db_path)  # a restore a log-off let end, with no window to say it
    started = Startup(opened, lock, [*notices, *unseen], location_warning=location_warning(db_path))
    started.warnings.extend(unseen_warnings)
    if opened.permission_warning:
        started.warnings.append(opened.permission_warning)
    kept_warning = kept_notes_warning(db_path.parent, now)
    if kept_warning:
        started.warnings.append(kept_warning)
    discard_restoring(db_path)  # a crash part-way through a restore left the copy it made ready
    care_notices, care_warnings = pending_care_said(opened.db, opened.path, now)
    started.notices.extend(care_notices)
    started.warnings.extend(care_warnings)
    started.notices.extend(plans_follow(opened.db, now))
    if not opened.created and backup_due(db_path, fingerprint):
        try:
            started.backup = StartupBackup(db_path, fingerprint, now)
        except sqlite3.Error as exc:
            started.warnings.append(backup_failed(exc, db_path.parent))
        if started.backup is not None and not defer_backup:
            warning = started.backup.take()
            started.backup = None
            if warning:
                started.warnings.append(warning)
    return started


def kept_notes_warning(data_folder: Path, now: datetime) -> str | None:
    """What to say at each start (and on a switch of database) while words CoPDesk could not save wait in their
    files, if any do: a session's notes, and words typed in an open window when CoPDesk was made to close. A file
    whose writing a crash cut short is finished first, so that it is among them."""
    from copdesk.store.kept_notes import finish_cut_short, holds_typed_words, kept_files, kept_folder, may_be_incomplete

    finish_cut_short(data_folder, now)
    kept = kept_files(data_folder)
    if not kept:
        return None
    notes = [path for path in kept if not holds_typed_words(path)]
    words = [path for path in kept if holds_typed_words(path)]
    folder = shown(kept_folder(data_folder))
    them = "it" if len(kept) == 1 else "them"
    if words and notes:
        said = (
            f"Words CoPDesk could not save are kept in {len(kept)} files in {folder}: notes of a session in "
            f"{_count(notes)} (resume the session each names and copy what you need into its notes), and words "
            f"typed in a window when CoPDesk was made to close in {_count(words)} (each file's first line says where:"
            " copy what you need there). Then delete them"
        )
    elif words:
        first_line = "Its first line says" if len(words) == 1 else "The first line of each says"
        said = (
            f"Words typed in a window when CoPDesk was made to close (a log-off or a shutdown) are kept in "
            f"{_count(words)} in {folder}. {first_line} where they were typed: copy what you need there, then delete "
            f"{them}"
        )
    else:
        sessions = (
            "the session it names, copy what you need into its notes"
            if len(notes) == 1
            else "the sessions they name, copy what you need into their notes"
        )
        said = (
            f"Notes CoPDesk could not save are kept in {_count(notes)} in {folder}. Resume {sessions}, then delete "
            f"{them}"
        )
    cut_short = [path for path in kept if may_be_incomplete(path)]
    incomplete = ""
    if cut_short:
        from copdesk.core.text import listed

        holds = "it may hold" if len(cut_short) == 1 else "each may hold"
        what = "words" if any(holds_typed_words(path) for path in cut_short) else "notes"
        names = listed([path.name for path in cut_short])
        incomplete = f" A crash cut the writing of {names} short: {holds} only the start of its {what}."
    return f"{said}: nothing else removes {them}, not even an erasure or a deletion of old sessions.{incomplete}"


def _count(files: list[Path]) -> str:
    return "a file" if len(files) == 1 else f"{len(files)} files"


def pending_care_said(db: Database, db_path: Path, now: datetime) -> tuple[list[str], list[str]]:
    """Finish an erasure or a deletion of old sessions that an earlier run left part-done (a crash, a damaged
    backup), before the start-up backup could copy what it had still to delete; the notices and the warnings that
    say so (none on almost every start)."""
    from copdesk.store.pending_care import pending

    if not pending(db):  # as on almost every start: data care (a large module) is not loaded
        return [], []
    from copdesk.services.data_care import finish_pending_care

    try:
        reports = finish_pending_care(db, db_path, now)
    except StoreError as exc:
        return [], [exc.message]
    notices: list[str] = []
    warnings: list[str] = []
    for report in reports:
        what = "An erasure" if report.kind == "erase" else "A deletion of old sessions"
        if report.complete:
            notices.append(f"{what} that had stopped part-way is now finished.")
        else:
            said = f"{what} is done in the database but not yet everywhere{report.problems(db_path)}."
            if report.copies.damaged:
                said += " Delete the damaged files if nobody needs them (File ▸ Erase a member's data… offers to)."
            if report.copies.not_cleaned:
                said += " CoPDesk tries again at its next start to clean those not cleaned this time."
            warnings.append(said)
    return notices, warnings


def plans_follow(db: Database, now: datetime) -> list[str]:
    """A plan made for a TM/SSW CoP's date before the team attended that type goes to its next session it runs, at a
    start and on a restore of data from before then, and what the planning keeps for days gone by is forgotten; what
    the banner says, once, of where each plan went. What cannot be written now (a database CoPDesk cannot write to)
    stays as it is, and is done at a later start."""
    from copdesk.services.planning import forget_spent_planning, plans_follow_from_attended_days

    try:
        said = [move.notice() for move in plans_follow_from_attended_days(db, now)]
    except StoreError:
        return []
    with contextlib.suppress(StoreError):  # the moves made are said all the same
        forget_spent_planning(db, now)
    return said


def location_warning(db_path: Path) -> str | None:
    """The one-time warning for a data folder inside a synced or network folder, or ``None``.

    A network share (a UNC path, a mapped drive, an NFS or SMB mount) gets the reason that matters most: SQLite's
    write-ahead log, which keeps each note safe as it is typed, needs a local disk. Either way a local folder is
    named to move to: the default one, unless the data is already there.
    """
    folder = db_path.resolve().parent
    fs_type = None
    if sys.platform.startswith("linux"):
        try:
            fs_type = filesystem_type(MOUNTINFO.read_text(encoding="utf-8"), PurePosixPath(folder))
        except OSError:
            fs_type = None
    reason = (
        "is on a network drive"
        if windows_drive_is_remote(folder)
        else unsafe_location_reason(PurePath(folder), fs_type)
    )
    if reason is None:
        return None
    if "network" in reason:
        why = "SQLite's write-ahead log, which keeps every note safe as it is typed, cannot work safely over a network"
    else:
        why = "sync clients can damage a database that is in use, and copy case discussions off this computer"
    from copdesk.paths import default_data_dir

    local = default_data_dir()
    where = f"a local folder such as {local}" if local != folder else "a local folder"
    return (
        f"Your data folder {folder} {reason}: {why}. Keep CoPDesk's data in {where} instead "
        "(start it with --db PATH, or set COPDESK_DB)."
    )


def windows_drive_is_remote(folder: PurePath, get_drive_type: Callable[[str], int] | None = None) -> bool:
    """Whether ``folder`` is on a mapped network drive (Windows' GetDriveTypeW says DRIVE_REMOTE); never elsewhere.

    A mapped drive looks local (``Z:\\``) until asked; ``Path.resolve()`` usually turns it into its UNC path, but
    not for every kind of mapping.
    """
    if sys.platform != "win32":
        return False
    drive = PureWindowsPath(folder).anchor
    if not drive:
        return False
    if get_drive_type is None:
        import ctypes

        get_drive_type = ctypes.windll.kernel32.GetDriveTypeW  # type: ignore[attr-defined, unused-ignore]
    return bool(get_drive_type(drive) == DRIVE_REMOTE)


def _when(moment: datetime) -> str:
    return short_date_time(moment.astimezone())
