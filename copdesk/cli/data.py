"""The data-care subcommands of ``copdesk-cli``: backups, restore, upgrade, retention and erase.

The rules of every group: thin handlers (the work is in ``services.data_care``), no views, one line and exit code 1
on a problem. The commands that change data take the same lock as the app, so they refuse to run while CoPDesk is
open on the database, and they first finish any erasure or retention an earlier run left part-done. Deleting asks
for ``--yes``: without it the command says what it would delete, and stops.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copdesk import paths
from copdesk.cli.common import AddCommand, Context, UserError, app_lock, chosen_team, whole_number
from copdesk.store.location import shown

if TYPE_CHECKING:
    from sqlite_utils import Database

    from copdesk.core.model import Member, Team
    from copdesk.services.data_care import CareReport
    from copdesk.store.connection import OpenedDatabase

DELETE_DAMAGED_HELP = "delete backups and quarantined files too damaged to be cleaned, instead of listing them"


def add_data_commands(add: AddCommand) -> None:
    backups = add("backups", _cmd_backups, "List the backups beside the database, newest first, and check each.")
    backups.add_argument("--json", action="store_true", help="print JSON instead of text")

    restore = add("restore", _cmd_restore, "Replace the database with a backup (the current data is backed up first).")
    restore.add_argument("file", metavar="FILE", help="the backup to restore ('backups' lists them)")

    add("upgrade", _cmd_upgrade, "Update a database saved by an older CoPDesk (a verified copy is kept first).")

    retention = add("retention", _cmd_retention, "Delete sessions older than N months, from the database and backups.")
    retention.add_argument("--months", type=whole_number, required=True, metavar="N", help="keep this many months")
    retention.add_argument("--yes", action="store_true", help="delete; without it, only say what would go")
    retention.add_argument("--delete-damaged", action="store_true", help=DELETE_DAMAGED_HELP)

    erase = add("erase", _cmd_erase, "Erase one member's data (right to erasure), from the database and backups.")
    erase.add_argument("--team", required=True, metavar="NAME", help="the team")
    erase.add_argument("--member", required=True, metavar="NAME", help="the person, as on the roster")
    erase.add_argument("--yes", action="store_true", help="erase; without it, only say what would go")
    erase.add_argument("--delete-damaged", action="store_true", help=DELETE_DAMAGED_HELP)


@contextmanager
def _locked_database(ctx: Context) -> Iterator[OpenedDatabase]:
    """The database opened under the app's lock: taken before anything is written, even the -wal. A database from
    an older CoPDesk is refused: migrating is for the window or ``upgrade``, never a side effect."""
    from copdesk.store.opening_checks import finish_interrupted_write

    db_path = ctx.existing_db_path()
    with app_lock(db_path):
        finish_interrupted_write(db_path)  # what a crash cut short is undone first, as the app does
        ctx.read_db().close()  # refuses an older schema (and a damaged file) before anything is written
        opened = ctx.open_db(existing=True)
        try:
            yield opened
        finally:
            opened.db.close()


def _cmd_backups(ctx: Context) -> int:
    from copdesk.store import migrations
    from copdesk.store.backup_catalogue import folder_blocked, list_backups, verify_restorable
    from copdesk.store.errors import StoreError

    db_path = _database_file(ctx)
    latest = migrations.latest_version(paths.migrations_dir())
    rows = []
    for backup in list_backups(db_path):
        try:
            verify_restorable(backup.path, latest)
            problem = None
        except StoreError as exc:
            problem = exc.message
        rows.append(
            {
                "file": str(backup.path),
                "kind": backup.kind.value,
                "taken_at": backup.taken_at.isoformat(timespec="seconds"),
                "verified": problem is None,
                "problem": problem,
            }
        )
    if ctx.args.json:
        ctx.out(json.dumps(rows, indent=2, ensure_ascii=False))
    elif not rows:
        blocked = folder_blocked(db_path)
        ctx.out(
            "No backups yet: CoPDesk makes one at start-up whenever the data has changed."
            if blocked is None
            else f"No backups: {blocked.message}"
        )
    else:
        for row in rows:
            status = "ok" if row["verified"] else f"DAMAGED: {row['problem']}"
            ctx.out(f"{row['taken_at']}  {row['kind']:<13}  {status}  {shown(str(row['file']))}")
    return 0


def _database_file(ctx: Context) -> Path:
    """The database's path for ``backups``, which lists them without opening it (a damaged database is when they are
    wanted): a file that is something else (a text file, a document) is refused, as it has no backups of its own. An
    empty file is listed for: it may be a database a crash or a full disk cut short."""
    from copdesk.store.location import has_sqlite_header

    db_path = ctx.existing_db_path()
    if db_path.stat().st_size and not has_sqlite_header(db_path):
        raise UserError(
            f"{shown(db_path)} is not a CoPDesk database, so it has no backups. Check the path given with --db or "
            "COPDESK_DB."
        )
    return db_path


def _cmd_restore(ctx: Context) -> int:
    from copdesk.services.data_care import restore_backup

    db_path = ctx.db_path
    source = Path(ctx.args.file).expanduser()
    with app_lock(db_path):
        restored = restore_backup(source, db_path, paths.migrations_dir(), ctx.now())
        restored.result.opened.db.close()
    result = restored.result
    kept = result.previous_backup or (result.quarantined[0] if result.quarantined else None)
    ctx.out(
        f"Restored {shown(db_path)} from {shown(source)} (verified).{restored.notice}"
        + (f" The data it replaced is kept in {shown(kept)}." if kept else "")
    )
    warnings = restored.warnings(db_path)
    if warnings:  # restored, but something erased is not yet erased everywhere: a rerun of the erasure finishes it
        raise UserError(" ".join(warnings))
    return 0


def _cmd_upgrade(ctx: Context) -> int:
    from copdesk.services.data_care import upgrade_database
    from copdesk.store.opening_checks import finish_interrupted_write

    db_path = ctx.existing_db_path()
    with app_lock(db_path):
        recovered = finish_interrupted_write(db_path)
        opened = upgrade_database(db_path, paths.migrations_dir(), ctx.now())
        opened.db.close()
    if recovered:
        ctx.out(f"Finished recovering {shown(db_path)} from a write a crash cut short: it is as it was last saved.")
    if opened.migrated_from is None:
        ctx.out(f"{shown(db_path)} is up to date" + ("." if recovered else "; nothing was changed."))
    else:
        copy = opened.pre_migration_backup
        kept = f" The previous version is kept in {shown(copy)}." if copy else ""
        ctx.out(f"Updated {shown(db_path)} from schema {opened.migrated_from}.{kept}")
    return 0


def _finish_earlier(ctx: Context, opened: OpenedDatabase) -> list[CareReport[None]]:
    """Finish what an earlier erasure or retention left part-done (only when asked to delete, with --yes)."""
    from copdesk.services.data_care import finish_pending_care
    from copdesk.store.pending_care import pending

    if not ctx.args.yes:
        if pending(opened.db):
            ctx.out("An earlier erasure or deletion stopped part-way; run again with --yes to finish it.")
        return []
    reports = finish_pending_care(opened.db, opened.path, ctx.now(), delete_damaged=ctx.args.delete_damaged)
    for report in reports:
        _check_complete(report, opened.path)
        ctx.out(f"Finished an earlier {_what(report)} that had stopped part-way: {report.copies_summary(opened.path)}.")
    return reports


def _what(report: CareReport[Any]) -> str:
    return "erasure" if report.kind == "erase" else "deletion of old sessions"


def _check_complete(report: CareReport[Any], db_path: Path) -> None:
    if not report.complete:
        said = f"The {_what(report)} is done in the database, but not everywhere{report.problems(db_path)}."
        if report.copies.damaged:
            said += " Delete the damaged files if nobody needs them, or run this again with --delete-damaged."
        if report.copies.not_cleaned:
            said += " Put that right, then run this again to clean those not cleaned this time."
        raise UserError(said)


def _cmd_retention(ctx: Context) -> int:
    from copdesk.core.retention import RetentionError, retention_cutoff
    from copdesk.services.data_care import apply_retention, preview_retention, preview_retention_copies

    try:
        before = retention_cutoff(ctx.now(), ctx.args.months).date().isoformat()
    except RetentionError as exc:
        raise UserError(str(exc)) from exc
    with _locked_database(ctx) as opened:
        _finish_earlier(ctx, opened)
        if not ctx.args.yes:
            preview = preview_retention(opened.db, ctx.args.months, ctx.now())
            copies = preview_retention_copies(opened.db, opened.path, ctx.args.months, ctx.now())
            ctx.out(
                f"Would delete, from before {before}: {preview.summary()}, with their notes and "
                f"participation, here and in the backups · {copies.summary()}. Run again with --yes to delete them."
            )
            return 0
        report = apply_retention(
            opened.db, opened.path, ctx.args.months, ctx.now(), delete_damaged=ctx.args.delete_damaged
        )
        assert report.counts is not None
        _check_complete(report, opened.path)
        ctx.out(f"Deleted, from before {before}: {report.counts.summary()} · {report.copies_summary(opened.path)}.")
    return 0


def _cmd_erase(ctx: Context) -> int:
    from copdesk.core.roster import MemberNotFound
    from copdesk.core.text import InvalidName, clean_name
    from copdesk.services.data_care import erase_member, pending_erasure_of, preview_erasure
    from copdesk.services.former_guests import whom_to_erase

    with _locked_database(ctx) as opened:
        team = chosen_team(opened.db, ctx.args.team)
        try:
            member_name = clean_name(ctx.args.member, what="Member name")
        except InvalidName as exc:
            raise UserError(str(exc)) from exc
        was_pending = pending_erasure_of(opened.db, member_name)
        finished = _finish_earlier(ctx, opened)
        try:
            who = whom_to_erase(opened.db, team, member_name, exactly=True)
        except MemberNotFound:
            if was_pending and (finished or not ctx.args.yes):
                return 0  # it was this person's erasure, now finished (or said to be pending)
            found = _like_or_erased(ctx, opened.db, team, member_name)
            if found is None:
                return 0
            who = found
        if isinstance(who, str):
            return _erase_former_guest(ctx, opened, team.id, who)
        member = who
        counts = preview_erasure(opened.db, member.id)
        if not ctx.args.yes:
            ctx.out(f"Would erase {member.display_name}: {counts.summary()}. Run again with --yes to erase.")
            return 0
        report = erase_member(opened.db, opened.path, member.id, ctx.now(), delete_damaged=ctx.args.delete_damaged)
        _check_complete(report, opened.path)
    ctx.out(f"Erased {member.display_name}: {counts.summary()} · {report.copies_summary(opened.path)}.")
    return 0


def _like_or_erased(ctx: Context, db: Database, team: Team, name: str) -> Member | str | None:
    """Whom ``erase`` means by a name nobody on the roster is written as: someone it equals without accents ("Zoe"
    for "Zoë"); else ``None``, once said that someone of the name was erased already: the name itself is checked
    before anyone it is like, the name without accents only once nobody on the roster is like it."""
    from copdesk.core.roster import MemberNotFound, NameAmbiguous
    from copdesk.services.data_care import erased_before
    from copdesk.services.former_guests import whom_to_erase

    if erased_before(db, name):
        ctx.out(f"Someone called {name} was erased already; nobody of that name is on {team.name}'s roster.")
        return None
    try:
        return whom_to_erase(db, team, name)
    except NameAmbiguous as exc:
        raise UserError(str(exc)) from exc
    except MemberNotFound as exc:
        if not erased_before(db, name, without_accents=True):
            raise UserError(str(exc)) from exc
    ctx.out(
        f"Someone called {name}, or that name with other accents or none, was erased already; nobody of that name is on"
        f" {team.name}'s roster."
    )
    return None


def _erase_former_guest(ctx: Context, opened: OpenedDatabase, team_id: int, name: str) -> int:
    """A guest taken off a live session as present by mistake, no longer on the roster: their name, held to undo it
    until the session ends, is erased (from every copy too, with the guest of that name a copy still has)."""
    from copdesk.services.former_guests import erase_former_guest, preview_former_guest

    said = f"{name}, a guest taken off a live session as present by mistake and no longer on the roster"
    if not ctx.args.yes:
        counts = preview_former_guest(opened.db, team_id, name)
        assert counts is not None
        ctx.out(f"Would erase {said}: {counts.summary()}. Run again with --yes to erase.")
        return 0
    report = erase_former_guest(
        opened.db, opened.path, team_id, name, ctx.now(), delete_damaged=ctx.args.delete_damaged
    )
    _check_complete(report, opened.path)
    ctx.out(f"Erased {said}: {report.counts.summary()} · {report.copies_summary(opened.path)}.")
    return 0
