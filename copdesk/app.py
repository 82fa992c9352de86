"""Composition root: arguments -> paths -> store -> services -> window. Nothing else wires objects.

Qt is imported inside functions so that ``copdesk-cli`` and ``python main.py SUBCOMMAND`` start
without loading the GUI stack.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from copdesk import paths
from copdesk.core.clock import MonotonicClock, system_monotonic, system_now

if TYPE_CHECKING:
    from copdesk.views.main_window import MainWindow

NO_DISPLAY_MESSAGE = (
    "CoPDesk needs a graphical desktop: run it from a desktop session, "
    "or use 'python main.py SUBCOMMAND' (see --help) for the command line."
)


def create_window(db_path: str | os.PathLike[str], *, clock: MonotonicClock | None = None) -> MainWindow:
    """Build the main window on ``db_path`` without starting an event loop (tests use this).

    A QApplication must already exist. Raises :class:`copdesk.store.errors.StoreError` when the
    database is refused; the file is then untouched.
    """
    from copdesk.store.connection import open_database
    from copdesk.views.context import AppContext
    from copdesk.views.main_window import MainWindow

    opened = open_database(Path(db_path), paths.migrations_dir())
    context = AppContext(
        db=opened.db,
        db_path=opened.path,
        monotonic=clock or system_monotonic,
        now=system_now,
        resources=paths.asset_dir("resources"),
    )
    return MainWindow(context)


def _display_available() -> bool:
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="copdesk", description="CoPDesk: facilitate your team's Community of Practice."
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: $COPDESK_DB, else the app data folder)")
    args, qt_args = parser.parse_known_args(argv)
    if not _display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    os.umask(0o077)

    from PySide6.QtWidgets import QApplication, QMessageBox

    from copdesk.store.errors import StoreError

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(paths.APPLICATION_NAME)
    app.setApplicationDisplayName("CoPDesk")
    app.setStyle("Fusion")
    db_path = paths.resolve_db_path(args.db)
    try:
        window = create_window(db_path)
    except StoreError as exc:
        QMessageBox.critical(None, "CoPDesk cannot open its data", exc.message)
        return 1
    window.show()
    window.offer_first_run_or_resume()
    return app.exec()


def main() -> int:
    """The ``copdesk`` gui-script."""
    return run_gui(sys.argv[1:])


def run_from_command_line(argv: Sequence[str] | None = None) -> int:
    """``python main.py``: a leading word is a CLI subcommand; options alone (``--db PATH``) start the app."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and not args[0].startswith("-"):
        from copdesk import cli

        return cli.main(args)
    return run_gui(args)
