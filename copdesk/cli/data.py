"""The data-care subcommands of ``copdesk-cli``: backups, restore, retention and erase.

The rules of every group: thin handlers (the work is in ``store``), no views, one line and exit code 1 on a
problem. The commands that replace or delete data take the same lock as the app, so they refuse to run while
CoPDesk is open on the database. Deleting asks for ``--yes``: without it the command says what it would delete,
and stops.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from copdesk import paths
from copdesk.cli.common import AddCommand, Context, UserError, chosen_team

if TYPE_CHECKING:
    from copdesk.store.connection import OpenedDatabase


def add_data_commands(add: AddCommand) -> None:
    backups = add("backups", _cmd_backups, "List the backups beside the database, newest first, and check each.")
    backups.add_argument("--json", action="store_true", help="print JSON instead of text")

    restore = add("restore", _cmd_restore, "Replace the database with a backup (the current data is backed up first).")
    restore.add_argument("file", metavar="FILE", help="the backup to restore ('backups' lists them)")

    retention = add("retention", _cmd_retention, "Delete sessions older than N months, from the database and backups.")
    retention.add_argument("--months", type=int, required=True, metavar="N", help="keep this many months")
    retention.add_argument("--yes", action="store_true", help="delete; without it, only say what would go")

    erase = add("erase", _cmd_erase, "Erase one member's data (right to erasure), from the database and backups.")
    erase.add_argument("--team", required=True, metavar="NAME", help="the team")
    erase.add_argument("--member", required=True, metavar="NAME", help="the person, as on the roster")
    erase.add_argument("--yes", action="store_true", help="erase; without it, only say what would go")


@contextmanager
def _locked_database(ctx: Context) -> Iterator[OpenedDatabase]:
    """The database opened under the app's lock: taken before anything is written, even the -wal."""
    from copdesk.instance_lock import InstanceLock
    from copdesk.store.location import ensure_location

    db_path = ctx.existing_db_path()
    ensure_location(db_path)
    with InstanceLock(db_path):
        opened = ctx.open_db(existing=True)
        try:
            yield opened
        finally:
            opened.db.close()


def _cmd_backups(ctx: Context) -> int:
    from copdesk.store import migrations
    from copdesk.store.backup_catalogue import list_backups, verify_restorable
    from copdesk.store.errors import StoreError

    latest = migrations.latest_version(paths.migrations_dir())
    rows = []
    for backup in list_backups(ctx.db_path):
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
        ctx.out("No backups yet: CoPDesk makes one at start-up whenever the data has changed.")
    else:
        for row in rows:
            status = "ok" if row["verified"] else f"DAMAGED: {row['problem']}"
            ctx.out(f"{row['taken_at']}  {row['kind']:<13}  {status}  {row['file']}")
    return 0


def _cmd_restore(ctx: Context) -> int:
    from copdesk.instance_lock import InstanceLock
    from copdesk.store.location import ensure_location
    from copdesk.store.recovery import restore_database

    db_path = ctx.db_path
    source = Path(ctx.args.file).expanduser()
    ensure_location(db_path)
    with InstanceLock(db_path):
        result = restore_database(source, db_path, paths.migrations_dir(), ctx.now())
        result.opened.db.close()
    kept = result.previous_backup or (result.quarantined[0] if result.quarantined else None)
    ctx.out(
        f"Restored {db_path} from {source} (verified)." + (f" The data it replaced is kept in {kept}." if kept else "")
    )
    return 0


def _cmd_retention(ctx: Context) -> int:
    from copdesk.core.retention import RetentionError, retention_cutoff
    from copdesk.store.retention import apply_retention, preview_retention

    try:
        before = retention_cutoff(ctx.now(), ctx.args.months).date().isoformat()
    except RetentionError as exc:
        raise UserError(str(exc)) from exc
    with _locked_database(ctx) as opened:
        if not ctx.args.yes:
            preview = preview_retention(opened.db, ctx.args.months, ctx.now())
            ctx.out(
                f"Would delete, from before {before}: {preview.summary(done=False)}, with their notes and "
                "participation, here and in the backups. Run again with --yes to delete them."
            )
            return 0
        report = apply_retention(opened.db, opened.path, ctx.args.months, ctx.now())
    ctx.out(f"Deleted, from before {before}: {report.summary(done=True)}.")
    return 0


def _cmd_erase(ctx: Context) -> int:
    from copdesk.core.text import InvalidName, clean_name
    from copdesk.store.cpd import MemberNotFound, find_member
    from copdesk.store.erasure import erase_member, preview_erasure

    with _locked_database(ctx) as opened:
        try:
            team = chosen_team(opened.db, clean_name(ctx.args.team, what="Team name"))
            member = find_member(opened.db, team, clean_name(ctx.args.member, what="Member name"))
        except (InvalidName, MemberNotFound) as exc:
            raise UserError(str(exc)) from exc
        counts = preview_erasure(opened.db, member.id)
        if not ctx.args.yes:
            ctx.out(f"Would erase {member.display_name}: {counts.summary(done=False)}. Run again with --yes to erase.")
            return 0
        report = erase_member(opened.db, opened.path, member.id, ctx.now())
    ctx.out(f"Erased {member.display_name}: {report.summary(done=True)}.")
    return 0
