"""``copdesk-cli``: headless subcommands, one module per group. Calls ``services``, ``core`` and ``store``, never
``views``.

Exit codes are a stable interface: 0 success, 1 a user error (a one-line message on stderr, never
a traceback), 2 a usage error. ``--debug`` (or ``COPDESK_DEBUG``) shows a fault of CoPDesk's own as its traceback
instead of its one line, for whoever is fixing it; a user error stays one line. The groups (:mod:`.foundation`,
:mod:`.reports`, :mod:`.data`) import only :mod:`.common`, and this module imports them: no cycles.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from copdesk import __version__
from copdesk.cli.common import EXIT_OK, EXIT_USER_ERROR, Context, Handler, Parser, UserError, print_for_a_terminal
from copdesk.cli.data import add_data_commands
from copdesk.cli.foundation import add_foundation_commands
from copdesk.cli.reports import add_report_commands
from copdesk.console import prepare_console
from copdesk.store.errors import StoreError

DEBUG_HELP = "on a fault of CoPDesk's own, print its traceback (it may quote stored text); also COPDESK_DEBUG=1"
DB_HELP = "database file (default: $COPDESK_DB, else the app data folder)"


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="copdesk-cli", description="CoPDesk's headless commands.")
    parser.add_argument("--version", action="version", version=f"CoPDesk {__version__}")
    parser.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    parser.add_argument("--db", metavar="PATH", help=DB_HELP)  # before the subcommand too, as the app takes it
    commands = parser.add_subparsers(dest="command", metavar="SUBCOMMAND", parser_class=Parser)
    commands.required = True

    def add(name: str, handler: Handler, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        # Both also after the subcommand, where one adds them to a command; SUPPRESS keeps one given before it.
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
        sub.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=DEBUG_HELP)
        sub.set_defaults(handler=handler)
        return sub

    add_foundation_commands(add)
    add_report_commands(add)
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
    if getattr(args, "db", None) == "":
        parser.error("--db needs a path (an empty one would silently mean your default database)")
    if getattr(args, "output", None) == "":
        parser.error("-o needs a file name (an empty one would mean the current folder)")
    if getattr(args, "file", None) == "" or "" in getattr(args, "files", ()):
        parser.error("FILE needs a file name (an empty one would mean the current folder)")
    os.umask(0o077)  # backups, exports and databases it writes are readable by this user only, as in the app
    ctx = Context(args=args, now=now or (lambda: datetime.now(UTC)), out=print_for_a_terminal)
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
        _error(str(exc))
    except (OSError, sqlite3.Error) as exc:
        _error(_storage_message(exc))
    except OverflowError:
        _error("a number or a date given is out of range; check what was typed")
    except KeyboardInterrupt:
        _error("interrupted")
    except Exception as exc:  # the contract is one line and no traceback, even for a fault of CoPDesk's own
        if _debugging(args):  # asked for: the whole traceback, message and all
            traceback.print_exception(exc, file=sys.stderr)
        else:  # its text is left out: it can quote stored text (a damaged note), which never goes to a terminal
            _error(f"unexpected error ({type(exc).__name__}); nothing more was written")
    return EXIT_USER_ERROR


def _debugging(args: argparse.Namespace) -> bool:
    from copdesk.crash_log import debug_requested

    return bool(getattr(args, "debug", False)) or debug_requested()


def _error(message: str) -> None:
    """One line on stderr, whatever the message holds (a path with a newline in it is shown escaped)."""
    from copdesk.store.location import shown

    print(f"copdesk-cli: {shown(message)}", file=sys.stderr)


def _storage_message(exc: OSError | sqlite3.Error) -> str:
    """A full disk, a read-only or locked file said plainly (never "disk I/O error"); another failure in brief."""
    from copdesk.store.safe_write import storage_error_for

    mapped = storage_error_for(exc)
    if mapped is not None:
        return mapped.message
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({exc.filename or 'file'})"
    return f"the database could not be read or written ({type(exc).__name__}); nothing more was written"
