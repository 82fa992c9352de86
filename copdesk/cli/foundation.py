"""The foundation subcommands of ``copdesk-cli``: check, backup, demo, review and sessions.

All but ``demo`` only read: they open the database read-only, and never migrate or write it.
"""

from __future__ import annotations

from pathlib import Path

from copdesk import paths
from copdesk.cli.common import EXIT_OK, AddCommand, Context, UserError, app_lock, chosen_team
from copdesk.store.location import shown


def add_foundation_commands(add: AddCommand) -> None:
    add("check", _cmd_check, "Check the database's integrity and that CoPDesk's own files are complete.")
    backup = add("backup", _cmd_backup, "Write a verified copy of the database while it may be in use.")
    backup.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the backup")
    add("demo", _cmd_demo, "Fill an EMPTY database with a fictional history to explore CoPDesk.")
    review = add("review", _cmd_review, "Print the pre-session review: next session, open actions, recurring issues.")
    review.add_argument("--team", metavar="NAME", help="the team (default: the one with the latest session)")
    review.add_argument("--json", action="store_true", help="print JSON instead of text")
    review.add_argument("--names", action="store_true", help="name who was quiet last session (facilitator only)")
    listing = add("sessions", _cmd_sessions, "List the sessions, oldest first, with what each recorded.")
    listing.add_argument("--team", metavar="NAME", help="only this team's sessions (default: every team)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")


def _cmd_check(ctx: Context) -> int:
    from copdesk.store import migrations
    from copdesk.store.connection import open_read_only
    from copdesk.store.integrity import check_database, undecodable_rows

    path = ctx.existing_db_path()
    db = open_read_only(path, paths.migrations_dir(), any_version=True)
    try:
        problems = check_database(db) or undecodable_rows(db)
        version = migrations.user_version(db.conn)
    finally:
        db.close()
    if problems:
        raise UserError(f"{shown(path)}: {' '.join(problems[0].split())}")
    _check_shipped_resources()
    latest = migrations.latest_version(paths.migrations_dir())
    if version < latest:
        ctx.out(f"ok; saved by an older CoPDesk (schema {version}): run 'copdesk-cli upgrade' or open it in CoPDesk.")
    else:
        ctx.out("ok")
    return EXIT_OK


def _check_shipped_resources() -> None:
    """The question bank, agenda templates, ground rules and the masterclass's other texts must load: an
    installation missing them is broken."""
    from copdesk.core.agenda import TemplateError, load_template_folder
    from copdesk.core.ground_rules import GroundRulesError, load_ground_rules
    from copdesk.core.masterclass import load_masterclass_texts
    from copdesk.core.model import SessionKind
    from copdesk.core.provenance import ProvenanceError
    from copdesk.core.question_bank import DeckError, load_bank

    try:
        bank = load_bank(paths.resource_path("questions"))
        templates = load_template_folder(paths.resource_path("agendas"))
        load_ground_rules(paths.resource_path("prompts", "ground_rules.toml"))
        load_masterclass_texts(paths.resource_path("prompts"))
    except (DeckError, TemplateError, GroundRulesError, ProvenanceError, FileNotFoundError) as exc:
        raise UserError(f"CoPDesk's own files are damaged ({exc}); reinstall CoPDesk.") from exc
    missing = [kind.label for kind in SessionKind if kind not in templates]
    if not len(bank) or missing:
        raise UserError(
            f"CoPDesk's own files are incomplete (missing: {', '.join(missing) or 'questions'}); reinstall."
        )


def _cmd_backup(ctx: Context) -> int:
    from copdesk.services.data_care import backup_database
    from copdesk.store.backup import check_destination

    check_destination(ctx.db_path, Path(ctx.args.output).expanduser())  # a wrong -o is said first
    path = ctx.existing_db_path()
    written = backup_database(path, Path(ctx.args.output).expanduser(), paths.migrations_dir())
    ctx.out(f"Backed up {shown(path)} to {shown(written)} (verified).")
    return EXIT_OK


def _cmd_demo(ctx: Context) -> int:
    """Under the app's lock, as every command that writes: never into a database a window has open (an empty one
    showing its first-run question would otherwise become the demo under the facilitator's hands)."""
    from copdesk.services.demo import write_demo_history
    from copdesk.store.demo import DatabaseNotEmpty

    with app_lock(ctx.db_path):
        opened = ctx.open_db()
        try:
            write_demo_history(opened.db, ctx.now(), paths.resource_path("questions"))
        except DatabaseNotEmpty as exc:
            raise UserError(f"{opened.path}: {exc}") from exc
        finally:
            opened.db.close()
    ctx.out(f"Demo data written to {opened.path}.")
    return EXIT_OK


def _cmd_review(ctx: Context) -> int:
    import json

    from copdesk.core.question_bank import load_bank
    from copdesk.core.review import review_to_json, review_to_text
    from copdesk.store.review import review_pack

    db = ctx.read_db()
    try:
        team = chosen_team(db, ctx.args.team)
        pack = review_pack(db, team.id, ctx.now(), load_bank(paths.resource_path("questions")))
    finally:
        db.close()
    names = ctx.args.names
    text = json.dumps(review_to_json(pack, names=names), indent=2, ensure_ascii=False) if ctx.args.json else None
    ctx.out(text or "\n".join(review_to_text(pack, names=names)))
    return EXIT_OK


def _cmd_sessions(ctx: Context) -> int:
    import json

    from copdesk.core.review import session_to_json, session_to_text
    from copdesk.store.review import session_lines

    db = ctx.read_db()
    try:
        team_id = chosen_team(db, ctx.args.team).id if ctx.args.team is not None else None
        lines = session_lines(db, team_id)
    finally:
        db.close()
    if ctx.args.json:
        ctx.out(json.dumps([session_to_json(line) for line in lines], indent=2, ensure_ascii=False))
    else:
        ctx.out("\n".join(session_to_text(line) for line in lines) or "No sessions yet.")
    return EXIT_OK
