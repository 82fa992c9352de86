"""``copdesk-cli``: headless subcommands. Calls ``core`` and ``store``, never ``views``.

Exit codes are a stable interface: 0 success, 1 a user error (a one-line message on stderr, never
a traceback), 2 a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from sqlite_utils import Database

from copdesk import __version__, paths
from copdesk.console import prepare_console
from copdesk.core.model import Team
from copdesk.store.connection import OpenedDatabase, open_database
from copdesk.store.errors import StoreError

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2


class UserError(Exception):
    """A problem the user can fix; its message is printed as one line."""


class _Parser(argparse.ArgumentParser):
    """argparse prints a usage block on errors; the CLI contract is one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"copdesk-cli: {message} (see 'copdesk-cli --help')\n")


@dataclass(frozen=True, slots=True)
class Context:
    """What every subcommand gets: the parsed arguments, a clock and the output stream."""

    args: argparse.Namespace
    now: Callable[[], datetime]
    out: Callable[[str], None]

    @property
    def db_path(self) -> Path:
        return paths.resolve_db_path(self.args.db)

    def existing_db_path(self) -> Path:
        """The database's path, refused with a one-line error if there is no database there (a mistyped --db)."""
        path = self.db_path
        if not path.exists():
            raise UserError(
                f"No database at {path}; nothing was created. Check the path given with --db or COPDESK_DB."
            )
        return path

    def open_db(self, *, existing: bool = False) -> OpenedDatabase:
        """Open (and migrate) the database; with ``existing``, refuse a path with no database rather than create one."""
        path = self.existing_db_path() if existing else self.db_path
        opened = open_database(path, paths.migrations_dir(), now=self.now())
        if opened.permission_warning:  # said, never fatal: see copdesk.store.permissions
            print(f"copdesk-cli: warning: {opened.permission_warning}", file=sys.stderr)
        return opened


Handler = Callable[[Context], int]


def _cmd_check(ctx: Context) -> int:
    from copdesk.store.integrity import check_database

    opened = ctx.open_db(existing=True)
    try:
        problems = check_database(opened.db)
    finally:
        opened.db.close()
    if problems:
        raise UserError(f"{opened.path}: {' '.join(problems[0].split())}")
    _check_shipped_resources()
    ctx.out("ok")
    return EXIT_OK


def _check_shipped_resources() -> None:
    """The question bank, agenda templates and ground rules must load: an installation missing them is broken."""
    from copdesk.core.agenda import TemplateError, load_template_folder
    from copdesk.core.ground_rules import GroundRulesError, load_ground_rules
    from copdesk.core.model import SessionKind
    from copdesk.core.question_bank import DeckError, load_bank

    try:
        bank = load_bank(paths.resource_path("questions"))
        templates = load_template_folder(paths.resource_path("agendas"))
        load_ground_rules(paths.resource_path("prompts", "ground_rules.toml"))
    except (DeckError, TemplateError, GroundRulesError, FileNotFoundError) as exc:
        raise UserError(f"CoPDesk's own files are damaged ({exc}); reinstall CoPDesk.") from exc
    missing = [kind.label for kind in SessionKind if kind not in templates]
    if not len(bank) or missing:
        raise UserError(
            f"CoPDesk's own files are incomplete (missing: {', '.join(missing) or 'questions'}); reinstall."
        )


def _cmd_backup(ctx: Context) -> int:
    from copdesk.store.backup import backup_to, check_destination

    output = Path(ctx.args.output).expanduser()
    check_destination(ctx.db_path, output)
    opened = ctx.open_db(existing=True)
    try:
        backup_to(opened.db.conn, output)
    finally:
        opened.db.close()
    ctx.out(f"Backed up {opened.path} to {output} (verified).")
    return EXIT_OK


def _cmd_demo(ctx: Context) -> int:
    from copdesk.store.demo import DatabaseNotEmpty, bank_questions, fill_demo

    opened = ctx.open_db()
    try:
        fill_demo(opened.db, ctx.now(), bank_questions(paths.resource_path("questions")))
    except DatabaseNotEmpty as exc:
        raise UserError(f"{opened.path}: {exc}") from exc
    finally:
        opened.db.close()
    ctx.out(f"Demo data written to {opened.path}.")
    return EXIT_OK


def _chosen_team(db: Database, name: str | None) -> Team:
    """The team named with --team, else the one with the latest session; a one-line error otherwise."""
    from copdesk.store.review import most_active_team
    from copdesk.store.teams import find_team, list_teams

    team = find_team(db, name) if name is not None else most_active_team(db)
    if team is None:
        known = ", ".join(t.name for t in list_teams(db))
        if name is None or not known:
            raise UserError("There are no teams yet; create one in CoPDesk, or run 'copdesk-cli demo' to explore.")
        raise UserError(f"There is no team called {name!r}; the teams are: {known}.")
    return team


def _cmd_review(ctx: Context) -> int:
    import json

    from copdesk.core.question_bank import load_bank
    from copdesk.core.review import review_to_json, review_to_text
    from copdesk.store.review import review_pack

    opened = ctx.open_db(existing=True)
    try:
        team = _chosen_team(opened.db, ctx.args.team)
        pack = review_pack(opened.db, team.id, ctx.now(), load_bank(paths.resource_path("questions")))
    finally:
        opened.db.close()
    text = json.dumps(review_to_json(pack), indent=2, ensure_ascii=False) if ctx.args.json else None
    ctx.out(text or "\n".join(review_to_text(pack)))
    return EXIT_OK


def _cmd_sessions(ctx: Context) -> int:
    import json

    from copdesk.core.review import session_to_json, session_to_text
    from copdesk.store.review import session_lines

    opened = ctx.open_db(existing=True)
    try:
        team_id = _chosen_team(opened.db, ctx.args.team).id if ctx.args.team is not None else None
        lines = session_lines(opened.db, team_id)
    finally:
        opened.db.close()
    if ctx.args.json:
        ctx.out(json.dumps([session_to_json(line) for line in lines], indent=2, ensure_ascii=False))
    else:
        ctx.out("\n".join(session_to_text(line) for line in lines) or "No sessions yet.")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="copdesk-cli", description="CoPDesk's headless commands.")
    parser.add_argument("--version", action="version", version=f"CoPDesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=_Parser)
    commands.required = True

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", metavar="PATH", help="database file (default: $COPDESK_DB, else the app data folder)")
        sub.set_defaults(handler=handler)
        return sub

    add("check", _cmd_check, "Check the database's integrity and that CoPDesk's own files are complete.")
    backup = add("backup", _cmd_backup, "Write a verified copy of the database while it may be in use.")
    backup.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the backup")
    add("demo", _cmd_demo, "Fill an EMPTY database with a fictional history to explore CoPDesk.")
    review = add("review", _cmd_review, "Print the pre-session review: next session, open actions, recurring issues.")
    review.add_argument("--team", metavar="NAME", help="the team (default: the one with the latest session)")
    review.add_argument("--json", action="store_true", help="print JSON instead of text")
    listing = add("sessions", _cmd_sessions, "List the sessions, oldest first, with what each recorded.")
    listing.add_argument("--team", metavar="NAME", help="only this team's sessions (default: every team)")
    listing.add_argument("--json", action="store_true", help="print JSON instead of text")
    from copdesk.cli_reports import add_report_commands  # here, not at the top: it imports this module

    add_report_commands(add)
    from copdesk.cli_data import add_data_commands  # here, not at the top: it imports this module

    add_data_commands(add)
    return parser


def subcommand_names() -> list[str]:
    """The subcommands, for help texts elsewhere (``python main.py --help``)."""
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(commands.choices)


def main(argv: Sequence[str] | None = None, *, now: Callable[[], datetime] | None = None) -> int:
    prepare_console()  # a windowed .exe has no stdout; a file on Windows would be cp1252 (copdesk/console.py)
    parser = build_parser()
    args = parser.parse_args(argv)
    os.umask(0o077)  # backups, exports and databases it writes are readable by this user only, as in the app
    ctx = Context(args=args, now=now or (lambda: datetime.now(UTC)), out=print)
    handler: Handler = args.handler
    try:
        code = handler(ctx)
        sys.stdout.flush()  # a reader that went away shows here, not at exit as a traceback-like warning
        return code
    except BrokenPipeError:
        # The reader went away (``copdesk-cli sessions | head``): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (UserError, StoreError) as exc:
        print(f"copdesk-cli: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"copdesk-cli: {exc.strerror or exc} ({exc.filename or 'file'})", file=sys.stderr)
    except KeyboardInterrupt:
        print("copdesk-cli: interrupted", file=sys.stderr)
    except Exception as exc:  # the contract is one line and no traceback, even for a fault of CoPDesk's own
        print(f"copdesk-cli: unexpected error ({type(exc).__name__}: {exc}); nothing more was written", file=sys.stderr)
    return EXIT_USER_ERROR


if __name__ == "__main__":
    raise SystemExit(main())
