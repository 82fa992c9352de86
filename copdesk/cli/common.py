"""What every ``copdesk-cli`` subcommand shares: the exit codes, the one-line user error, the context a handler
gets, and the team a command is about."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from sqlite_utils import Database

from copdesk import paths
from copdesk.core.model import Team
from copdesk.store.connection import OpenedDatabase, open_database, ready_restore_file
from copdesk.store.location import refuse_a_folder, shown

EXIT_OK = 0
EXIT_USER_ERROR = 1
EXIT_USAGE = 2
LARGEST_ROW_NUMBER = 2**63 - 1  # SQLite's largest integer


class UserError(Exception):
    """A problem the user can fix; its message is printed as one line."""


class Parser(argparse.ArgumentParser):
    """argparse prints a usage block on errors; the CLI contract is one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"copdesk-cli: {message} (see 'copdesk-cli --help')\n")


def whole_number(text: str) -> int:
    """An argparse type for a count (``--months``, ``--next``): a whole number, or a usage error saying so in words
    (argparse's own says "invalid int value"); whether it is in range is the command's to say."""
    try:
        return int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text[:30]!r} is not a whole number") from exc


def row_number(text: str) -> int:
    """An argparse type for a record's number (``export SESSION_ID``): a number SQLite could hold, or a usage error."""
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text[:30]!r} is not a number") from exc
    if not 1 <= value <= LARGEST_ROW_NUMBER:
        raise argparse.ArgumentTypeError(f"{text[:30]!r} is not a record number (1 or more, at most 19 digits)")
    return value


# What a terminal acts on rather than shows: control characters (an escape sequence can rewrite the screen) and the
# bidirectional overrides and isolates (which reorder the rest of the line). Newlines and tabs stay.
_NOT_FOR_A_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_for_a_terminal(text: str) -> None:
    """Print ``text`` with what a terminal would act on written as ``\\uXXXX``: typed text (a topic, an action)
    reaches the output as it was typed, never as a command to the terminal. In JSON that spelling is the same
    character, so JSON output reads back unchanged."""
    print(_NOT_FOR_A_TERMINAL.sub(lambda match: f"\\u{ord(match[0]):04x}", text))


@contextmanager
def app_lock(db_path: Path) -> Iterator[None]:
    """The app's instance lock on ``db_path`` (its folder checked and made first), held by a command that writes for
    all its work: it refuses to run while CoPDesk, or another such command, has the database open."""
    from copdesk.instance_lock import InstanceLock
    from copdesk.store.location import ensure_location

    ensure_location(db_path)
    with InstanceLock(db_path):
        yield


@dataclass(frozen=True, slots=True)
class Context:
    """What every subcommand gets: the parsed arguments, a clock and the output stream."""

    args: argparse.Namespace
    now: Callable[[], datetime]
    out: Callable[[str], None]

    @property
    def db_path(self) -> Path:
        return paths.chosen_db_path(self.args.db)  # the window's own choice of folder, too

    def existing_db_path(self) -> Path:
        """The database's path, refused with a one-line error if there is no database there (a mistyped --db) or it is
        a folder."""
        path = self.db_path
        if not path.exists() and ready_restore_file(path).is_file():
            raise UserError(
                f"No database at {shown(path)}: a restore was cut short there, with the backup ready. Open CoPDesk "
                "on it to put the backup in place."
            )
        if not path.exists() and not paths.named_explicitly(self.args.db):  # the default: CoPDesk not run yet
            raise UserError(
                f"No database at {shown(path)} yet; nothing was created. Open CoPDesk to create your team, or give "
                "the database with --db PATH."
            )
        if not path.exists():
            raise UserError(
                f"No database at {shown(path)}; nothing was created. Check the path given with --db or COPDESK_DB."
            )
        refuse_a_folder(path)
        return path

    def open_db(self, *, existing: bool = False) -> OpenedDatabase:
        """Open (and migrate) the database, for a command that writes; with ``existing``, refuse a path with no
        database rather than create one."""
        path = self.existing_db_path() if existing else self.db_path
        opened = open_database(path, paths.migrations_dir(), now=self.now())
        if opened.permission_warning:  # said, never fatal: see copdesk.store.permissions
            print(f"copdesk-cli: warning: {opened.permission_warning}", file=sys.stderr)
        if opened.restore_finished:  # said whatever the command goes on to do: its unread mark is taken now
            from copdesk.store.recovery import finished_restore_notice

            self.out(finished_restore_notice(opened.restore_history_unread))
        return opened

    def read_db(self) -> Database:
        """The existing database opened read-only, for a command that reads: it never writes, creates or migrates.
        An older schema is refused with what to do (``copdesk-cli upgrade``)."""
        from copdesk.store.connection import open_read_only

        return open_read_only(self.existing_db_path(), paths.migrations_dir())


Handler = Callable[[Context], int]
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]


def chosen_team(db: Database, name: str | None) -> Team:
    """The team named with --team, else the one with the latest session; a one-line error otherwise (an empty or
    unreadable name is told as such, as the window tells it)."""
    from copdesk.core.text import InvalidName, clean_name
    from copdesk.store.review import most_active_team
    from copdesk.store.teams import find_team, list_teams

    try:
        name = clean_name(name, what="Team name") if name is not None else None
    except InvalidName as exc:
        raise UserError(str(exc)) from exc
    team = find_team(db, name) if name is not None else most_active_team(db)
    if team is None:
        known = ", ".join(t.name for t in list_teams(db))
        if name is None or not known:
            raise UserError("There are no teams yet; create one in CoPDesk, or run 'copdesk-cli demo' to explore.")
        raise UserError(f"There is no team called {name!r}; the teams are: {known}.")
    return team
