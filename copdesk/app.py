"""Composition root: arguments -> paths -> store -> services -> window. Nothing else wires objects.

Qt is imported inside functions so that ``copdesk-cli`` and ``python main.py SUBCOMMAND`` start
without loading the GUI stack.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from copdesk import paths, qt_start
from copdesk.core.clock import MonotonicClock, WallClock, system_monotonic, system_now

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from copdesk.instance_lock import InstanceLock
    from copdesk.startup import Claim, Startup
    from copdesk.startup_backup import StartupBackup
    from copdesk.store.connection import OpenedDatabase
    from copdesk.views.shell.main_window import MainWindow

FIRST_PAINT_WAIT_MS = 500  # the most start-up waits for the window's first paint before opening the data


def create_window(
    db_path: str | os.PathLike[str], *, clock: MonotonicClock | None = None, now: WallClock | None = None
) -> MainWindow:
    """Build the main window on ``db_path`` without starting an event loop (tests use this).

    A QApplication must already exist. Raises :class:`copdesk.store.errors.StoreError` when the
    database is refused; the file is then untouched. ``now`` (a wall clock, default the system's) lets a
    test move the wall clock apart from the monotonic one, as a laptop sleep does.
    """
    from copdesk.store.connection import open_database

    return window_for(open_database(Path(db_path), paths.migrations_dir()), clock=clock, now=now)


def window_for(
    opened: OpenedDatabase,
    *,
    clock: MonotonicClock | None = None,
    now: WallClock | None = None,
    build_live_page: bool = True,
    frame: MainWindow | None = None,
    tools_after_paint: bool = False,
) -> MainWindow:
    """The main window on a database that is already open (start-up and restore open it their own way).

    The app passes ``build_live_page=False``: the Live page is then built when first needed. ``frame`` is a
    window already shown while the database opened, to fill rather than build a new one; with
    ``tools_after_paint`` its menus and session tools are built once the Prepare view has painted.
    """
    from copdesk.views.context import AppContext
    from copdesk.views.shell.main_window import MainWindow

    context = AppContext(
        db=opened.db,
        db_path=opened.path,
        monotonic=clock or system_monotonic,
        now=now or system_now,
        resources=paths.asset_dir("resources"),
    )
    window = frame if frame is not None else MainWindow(context.resources)
    window.open_data(context, build_live_page=build_live_page, tools_after_paint=tools_after_paint)
    return window


def _command_line_epilog() -> str:
    from copdesk.cli import subcommand_names

    return (
        "Without a window: 'python main.py SUBCOMMAND' (or 'copdesk-cli SUBCOMMAND') where SUBCOMMAND is one of "
        f"{', '.join(subcommand_names())}; add --help after one for its options."
    )


def run_gui(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="copdesk",
        description="CoPDesk: facilitate your team's Community of Practice.",
        epilog=_command_line_epilog() if {"-h", "--help"} & set(argv) else None,
    )
    parser.add_argument("--db", metavar="PATH", help="database file (default: $COPDESK_DB, else the app data folder)")
    args, qt_args = parser.parse_known_args(argv)
    if args.db == "":
        parser.error("--db needs a path (an empty one would silently mean your default database)")
    if not qt_start.display_available():
        print(qt_start.NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    missing = qt_start.missing_x11_library()
    if missing:
        print(missing, file=sys.stderr)
        return 1
    os.umask(0o077)
    gc.disable()  # start-up makes many objects and no garbage worth a pass: collecting resumes once it is done
    try:
        return _run(qt_start.tell_altgr_apart(qt_args), args.db)
    finally:
        gc.enable()


def _run(qt_args: list[str], db_arg: str | None) -> int:
    """Start-up and the event loop, once the command line and the display are known to be usable."""
    from PySide6.QtWidgets import QApplication

    qt_start.spare_pyside_source_reads()

    from copdesk.startup import claim_location
    from copdesk.views.shell.fault_notice import watch_faults
    from copdesk.views.shell.startup_dialogs import GuiStartupPrompts

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationName(paths.APPLICATION_NAME)
    app.setApplicationDisplayName("CoPDesk")
    if app.style().name().casefold() != "fusion":  # replacing a style in use (a second run in one process) crashes
        app.setStyle("Fusion")
    # A refused location and a second instance are dealt with here, before any window exists.
    location = DataLocation(db_arg)
    claim = claim_location(location.path, GuiStartupPrompts())
    if claim is None:
        return 1
    stop_watching_faults = watch_faults(claim.db_path.parent)  # a fault is logged beside the data, said, survived
    try:
        return _run_claimed(app, location, claim)
    except Exception:  # one the event loop could not survive (in start-up or shutdown): logged all the same
        sys.excepthook(*sys.exc_info())
        return 1
    finally:
        stop_watching_faults()


def _run_claimed(app: QApplication, location: DataLocation, claim: Claim) -> int:
    """The frame, the data and the event loop, on a location claimed and locked."""
    from copdesk.shutdown import quit_cleanly_on_logoff, quit_cleanly_on_sigterm
    from copdesk.startup import open_claimed
    from copdesk.views.shell.main_window import import_panes
    from copdesk.views.shell.startup_dialogs import GuiStartupPrompts

    frame = _show_frame(claim)
    if not frame.isVisible():  # closed while it came up
        claim.lock.release()
        return 0
    # From here on a SIGTERM closes the window, so every pane saves. Before, nothing was open to save, and the
    # default action ends the process: the lock it leaves names a process that is gone, and the next start takes it.
    quit_cleanly_on_sigterm(app)
    quit_cleanly_on_logoff(app)
    started = open_claimed(
        claim,
        GuiStartupPrompts(frame),
        migrations_dir=paths.migrations_dir(),
        now=system_now(),
        defer_backup=True,
        meanwhile=import_panes,
    )
    if started is None:  # the user was told why; the lock is released
        frame.close_without_asking()
        return 1
    location.remember(started.opened.path)
    running = RunningWindow(app, started, frame)
    _collect_from_now_on()
    try:
        if running.window.isVisible():  # once the tools are built (just after the Prepare view has painted)
            running.window.when_tools_ready(running.window.offer_first_run_or_resume)
        # A SIGTERM or a close while opening or asking has hidden the window: there is no loop left to run.
        return app.exec() if running.window.isVisible() else 0
    finally:
        running.window.finish_background_work(closing=True)  # the start-up backup is taken even after the quickest quit
        running.window.context.db.close()  # folds the -wal in: the files are whole and tidy at exit
        started.lock.release()
        running.release_demo()


def _show_frame(claim: Claim) -> MainWindow:
    """Show the window's frame and let it paint, before the database is opened and the panes' modules load.

    The wait is a local event loop, ended by the first paint or, for a window that is never exposed (started
    minimised), by a short timeout.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from copdesk.views.shell.main_window import MainWindow

    frame = MainWindow(paths.asset_dir("resources"))
    frame.show_opening(claim.db_path)
    waiting = QEventLoop()
    frame.first_painted.connect(waiting.quit)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, waiting.quit)
    frame.show()
    waiting.exec()
    return frame


def _collect_from_now_on() -> None:
    """Once the window is built, collect again, leaving out what start-up built.

    That lives as long as the window, and frozen out of the cyclic collector's way a full collection no longer
    rescans it (which took tens of milliseconds while the facilitator typed).
    """
    gc.freeze()
    gc.enable()


class DataLocation:
    """The database to open (:func:`copdesk.paths.chosen_db_path`); another one chosen because that could not be
    used is remembered for the next start, and for the command line, unless ``--db`` or ``$COPDESK_DB`` named it."""

    def __init__(self, cli_value: str | None) -> None:
        self.explicit = paths.named_explicitly(cli_value)
        self.path = paths.chosen_db_path(cli_value)

    def remember(self, opened_path: Path) -> None:
        if not self.explicit and opened_path != self.path:
            settings = paths.user_settings()
            settings.setValue(paths.REMEMBERED_LOCATION, str(opened_path))
            settings.sync()


class RunningWindow:
    """The window on the open database; a restore closes both and opens them again on the restored file.

    Exploring the demo swaps the window onto the demo's own file beside the real database (locked like it),
    and leaving swaps it back; the real database is what the next start opens.
    """

    def __init__(self, app: QApplication, started: Startup, frame: MainWindow) -> None:
        self.app = app
        self.real_path = started.opened.path
        self.demo_lock: InstanceLock | None = None
        self.window = self._show(started.opened, frame)
        window = self.window
        window.when_tools_ready(
            lambda: window.safeguards.show_startup(started.notices, started.warnings, started.location_warning)
        )
        if started.backup is not None:
            self._take_after_first_paint(started.backup)

    def _take_after_first_paint(self, backup: StartupBackup) -> None:
        """The automatic backup in a worker thread once the window shows; a failure is said in the banner."""
        from copdesk.views.widgets.background import BackgroundJob

        # It outlives the window: run_gui waits for it.
        job = BackgroundJob(backup.take, "copdesk-startup-backup", doing="taking the backup made at each start")
        window = self.window
        window.when_tools_ready(lambda: job.done.connect(window.safeguards.show_late_warning))
        window.after_first_paint(job)

    def _show(self, opened: OpenedDatabase, frame: MainWindow | None = None) -> MainWindow:
        """A new window on ``opened``, or ``frame`` filled (already shown, or hidden by a SIGTERM: left so)."""
        window = window_for(opened, build_live_page=False, frame=frame, tools_after_paint=frame is not None)

        def wire() -> None:
            window.safeguards.restore_requested.connect(self.restore)
            window.demo.explore_requested.connect(self.explore_demo)
            window.demo.leave_requested.connect(self.leave_demo)
            window.demo.set_can_leave(opened.path != self.real_path)

        window.when_tools_ready(wire)
        if frame is None:
            window.first_painted.connect(_collect_from_now_on)
            window.show()
        return window

    def explore_demo(self) -> None:
        """Reopen the window on the demo beside the real database (written the first time), leaving the real one."""
        from copdesk.instance_lock import InstanceLock
        from copdesk.store.demo import demo_path_beside, open_demo
        from copdesk.store.errors import StoreError
        from copdesk.views.widgets.background import done_answering

        demo_path = demo_path_beside(self.real_path)
        migrations, questions, now = paths.migrations_dir(), paths.resource_path("questions"), system_now()
        lock = InstanceLock(demo_path)
        try:
            lock.acquire()
            # Written the first time: a second or more, in a worker, the window painting meanwhile.
            self.window.statusBar().showMessage("Opening the demo data…", 5000)
            opened = done_answering(lambda: open_demo(demo_path, migrations, questions, now), "copdesk-open-demo")
        except StoreError as exc:
            lock.release()
            self.window.safeguards.show_startup([], [exc.message], None)
            return
        self.demo_lock = lock
        if not self._switch_to(opened, refused="The demo was not opened"):
            self.release_demo()

    def leave_demo(self) -> None:
        """Back to the real database; if it is still empty, the first-run choice is offered again."""
        from copdesk.store.connection import open_database
        from copdesk.store.errors import StoreError
        from copdesk.views.widgets.background import done_answering

        real_path, migrations = self.real_path, paths.migrations_dir()
        try:
            opened = done_answering(lambda: open_database(real_path, migrations), "copdesk-open-data")
        except StoreError as exc:
            self.window.safeguards.show_startup([], [exc.message], None)
            return
        if self._switch_to(opened, refused="Still on the demo"):
            self.release_demo()

    def release_demo(self) -> None:
        if self.demo_lock is not None:
            self.demo_lock.release()
            self.demo_lock = None

    def _switch_to(self, opened: OpenedDatabase, *, refused: str) -> bool:
        """Close the window and its database (a live session stays live), then show one on ``opened``; whether it did.
        Not while something typed or changed would be lost (:meth:`WindowClosing.may_let_go`, said under
        ``refused``)."""
        from copdesk.startup import kept_notes_warning

        old = self.window
        # Not when closed while it waited (a log-off): CoPDesk is quitting.
        if not (old.finish_background_work() and old.closing.may_let_go(refused)):
            opened.db.close()
            return False
        self.app.setQuitOnLastWindowClosed(False)  # between the two windows there is none
        old.close_without_asking()  # panes flush what was typed
        old.context.db.close()
        self.window = self._show(opened)
        self.window.first_painted.connect(self.window.offer_first_run_or_resume)
        self.app.setQuitOnLastWindowClosed(True)
        old.deleteLater()
        # The old window's notes are among the kept ones if they would not save.
        kept = kept_notes_warning(opened.path.parent, system_now())
        if kept:
            self.window.safeguards.show_startup([], [kept], None)
        return True

    def restore(self, source: Path) -> None:
        """Replace the database with ``source`` and reopen the window on it; on any failure, reopen it as it was.

        Between closing the old window and showing the new one a small window says so (:mod:`copdesk.restoring`), and
        whatever goes wrong (a refusal, or a virus scanner or sync client holding the file so that the final rename
        fails) must still end with a window, or with the app quitting: never with an invisible process that holds
        the lock. A log-off or a shutdown meanwhile lets the restore end (the data restored, or as it was) and opens
        no window on it: CoPDesk is quitting, and the next start opens the data and says what was restored.
        """
        from copdesk.restore_unseen import say_at_next_start
        from copdesk.restoring import restored_or_as_it_was, restoring_shown, tell_and_quit
        from copdesk.startup import kept_notes_warning
        from copdesk.store.errors import StoreError

        old = self.window
        if not old.finish_background_work():  # the start-up backup is complete before the database is replaced
            return  # closed while it waited (a log-off): CoPDesk is quitting
        if not old.closing.may_let_go("Nothing was restored"):
            return
        db_path = old.context.db_path
        self.app.setQuitOnLastWindowClosed(False)  # between the two windows there is none
        try:
            with restoring_shown(source):
                old.close_without_asking()  # panes flush what was typed
                old.context.db.close()
                opened, notices, problems = restored_or_as_it_was(source, db_path)
                if old.context.writes.stood_down:  # a log-off while it was restored: CoPDesk is quitting, unseen
                    opened.db.close()
                    say_at_next_start(source, db_path, notices, problems)
                    return
                self.window = self._show(opened)
            kept = kept_notes_warning(db_path.parent, system_now())  # the old window's notes, if they would not save
            self.window.safeguards.show_startup(notices, [*problems, *([kept] if kept else [])], None)
        except (StoreError, OSError) as exc:  # not even the data as it was opens: say so, and quit
            tell_and_quit(self.app, db_path, exc)
        finally:
            self.app.setQuitOnLastWindowClosed(True)
        old.deleteLater()


def main() -> int:
    """The ``copdesk`` gui-script."""
    return run_gui(sys.argv[1:])


def run_from_command_line(argv: Sequence[str] | None = None) -> int:
    """``python main.py``: a word is a CLI subcommand (``--debug`` and ``--db PATH`` may come first, as
    ``copdesk-cli`` takes them); options alone (``--db PATH``) start the app."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = args
    while command and (command[0] in ("--debug", "--db") or command[0].startswith("--db=")):
        command = command[2:] if command[0] == "--db" else command[1:]
    if command and not command[0].startswith("-"):
        from copdesk import cli

        return cli.main(args)
    return run_gui(args)
