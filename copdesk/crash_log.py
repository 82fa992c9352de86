"""A fault of CoPDesk's own (an exception nothing caught, in a Qt slot, a thread or anywhere): written to a log for
whoever fixes it, said to the facilitator in one line, and survived, so the meeting goes on.

The log is ``logs/copdesk.log`` in the data folder, beside the database: 256 KB, then rotated, three older files kept,
each readable by the user alone (:mod:`copdesk.store.permissions`). It holds metadata and tracebacks only, never a
word that was typed. An exception's message can quote stored text (a ``ValueError`` quoting a value, an SQLite error
quoting SQL with its values), so the rule is simple: **no message is ever written**. What is written cannot carry
anyone's words: the exception's type and the file, line and function of each frame (paths from where the package is
installed, never a home folder with a user name), the same for each exception in its chain of causes, an
``OSError``'s errno name and an SQLite error's code name. The same fault is written its first few times only, so a
fault on every repaint cannot fill the disk.

``COPDESK_DEBUG`` (set to anything but empty or ``0``) asks for the whole traceback, message included, on stderr: for
a developer or an IT colleague reproducing a fault on purpose, who chooses to see what it quotes. The CLI takes it
too (``copdesk-cli --debug``). Nothing here imports Qt; :mod:`copdesk.views.shell.fault_notice` shows the line.
"""

from __future__ import annotations

import contextlib
import errno
import os
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from copdesk import __version__
from copdesk.store.permissions import PRIVATE_FILE, PRIVATE_FOLDER, make_private

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

DEBUG_VARIABLE = "COPDESK_DEBUG"
LOG_FOLDER = "logs"
LOG_NAME = "copdesk.log"
LOG_BYTES = 256 * 1024
OLDER_LOGS = 3
SAME_FAULT_WRITTEN = 3  # times one fault (its type and frames) is written in a run; later ones are only counted

Tell = Callable[[str], None]


def debug_requested(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``COPDESK_DEBUG`` asks for whole tracebacks."""
    value = (os.environ if environ is None else environ).get(DEBUG_VARIABLE, "").strip()
    return value not in ("", "0")


def log_path(data_folder: Path) -> Path:
    return data_folder / LOG_FOLDER / LOG_NAME


def fault_report(exc: BaseException, tb: TracebackType | None, where: str) -> tuple[str, tuple[str, ...]]:
    """The fault as the log has it, and its signature (the same fault again has the same one); never a message."""
    chain: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    link = "Fault"
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(f"{link}: {_kind(current)}")
        for frame, line in traceback.walk_tb(tb if current is exc else current.__traceback__):
            code = frame.f_code
            chain.append(f'  File "{_shown_file(code.co_filename)}", line {line}, in {code.co_qualname}')
        if current.__cause__ is not None:
            link, current = "Caused by", current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            link, current = "While handling", current.__context__
        else:
            current = None
    header = (
        f"in thread {where}; CoPDesk {__version__}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    return "\n".join([header, *chain]), tuple(chain)


def _kind(exc: BaseException) -> str:
    """The exception's type, with the codes that carry no text: an errno name, an SQLite error code name."""
    cls = type(exc)
    kind = cls.__qualname__ if cls.__module__ == "builtins" else f"{cls.__module__}.{cls.__qualname__}"
    codes = []
    if isinstance(exc, OSError) and isinstance(exc.errno, int):
        codes.append(errno.errorcode.get(exc.errno, f"errno {exc.errno}"))
    code_name = getattr(exc, "sqlite_errorname", None) if cls.__module__ == "sqlite3" else None
    if isinstance(code_name, str):
        codes.append(code_name)
    return f"{kind} ({', '.join(codes)})" if codes else kind


def _shown_file(filename: str) -> str:
    """A source file from the folder it was imported from (``copdesk/app.py``), so no home folder is written; a
    relative name (as a frozen bundle gives) as it is."""
    path = os.path.normpath(filename)
    if not os.path.isabs(path):
        return path
    relative = [
        path[len(folder) :]
        for entry in sys.path
        if entry and path.startswith(folder := os.path.join(os.path.normpath(os.path.abspath(entry)), ""))
    ]
    return min(relative, key=len) if relative else os.path.basename(path)


def fault_message(exc: BaseException, written: bool) -> str:
    """The one line the window shows: what happened, what to do, and where the details are."""
    said = f"CoPDesk caught an internal error ({type(exc).__name__}) and carried on: check that what you just did took"
    if written:
        return f"{said} effect. Details: {LOG_FOLDER}/{LOG_NAME} beside your data."
    return f"{said} effect. It could not be logged."


class CrashLog:
    """The rotating log in a data folder; the file and its folder are made only when the first fault comes."""

    def __init__(self, data_folder: Path) -> None:
        self.path = log_path(data_folder)
        self._lock = threading.Lock()  # faults can come from several threads at once
        self._written: dict[tuple[str, ...], tuple[int, bool]] = {}
        self._handler: RotatingFileHandler | None = None
        self._failed = False  # set by the handler when a write fails

    def record(self, exc: BaseException, tb: TracebackType | None, where: str) -> bool:
        """Write the fault (or count it, when it was written often enough already); whether it is in the log."""
        report, signature = fault_report(exc, tb, where)
        with self._lock:
            times, written = self._written.get(signature, (0, False))
            if times >= SAME_FAULT_WRITTEN:
                self._written[signature] = (times + 1, written)
                return written
            if times + 1 == SAME_FAULT_WRITTEN:
                report += f"\n(seen {SAME_FAULT_WRITTEN} times: not written again before CoPDesk restarts)"
            written = self._write(report)
            self._written[signature] = (times + 1, written)
            return written

    def close(self) -> None:
        with self._lock:
            if self._handler is not None:
                self._handler.close()
                self._handler = None

    def _write(self, report: str) -> bool:
        import logging

        try:
            if self._handler is None:
                self.path.parent.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
                make_private(self.path.parent, PRIVATE_FOLDER)  # one made before, by hand or with another umask
                self._handler = _private_rotating_file(self.path, self._write_failed)
            self._failed = False
            self._handler.handle(logging.LogRecord("copdesk.faults", logging.ERROR, "", 0, report, None, None))
            return not self._failed
        except Exception:  # a log folder that cannot be written never stops the app
            return False

    def _write_failed(self) -> None:
        self._failed = True


def _private_rotating_file(path: Path, failed: Callable[[], None]) -> RotatingFileHandler:
    """A rotating file handler whose files are created owner-only, calling ``failed`` when a write fails (said in the
    window, not as logging's page of text on stderr); imported when a fault first comes, not at every start-up."""
    import io
    import logging
    from logging.handlers import RotatingFileHandler

    class PrivateRotatingFile(RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)  # Windows: no \r\r\n
            descriptor = os.open(self.baseFilename, flags, PRIVATE_FILE)
            make_private(Path(self.baseFilename))  # a file left from before keeps its old mode when opened
            return open(descriptor, "a", encoding="utf-8")

        def handleError(self, record: logging.LogRecord) -> None:
            failed()

    handler = PrivateRotatingFile(path, maxBytes=LOG_BYTES, backupCount=OLDER_LOGS, encoding="utf-8", delay=True)
    formatter = logging.Formatter("%(asctime)s %(message)s", "%Y-%m-%dT%H:%M:%SZ")
    formatter.converter = time.gmtime
    handler.setFormatter(formatter)
    return handler


def install(log: CrashLog, tell: Tell, environ: Mapping[str, str] | None = None) -> Callable[[], None]:
    """Make ``sys.excepthook`` and ``threading.excepthook`` log a fault and ``tell`` its line (from any thread);
    return what puts the previous hooks back and closes the log.

    A hook set before this one (a debugger's, the test runner's) still hears of each fault; Python's own printing of
    it, with its message, happens only when ``COPDESK_DEBUG`` asks.
    """
    previous, previous_in_thread = sys.excepthook, threading.excepthook
    debug = debug_requested(environ)

    def fault(exc: BaseException, tb: TracebackType | None, where: str) -> None:
        with contextlib.suppress(Exception):  # the hook must never fail in turn
            written = log.record(exc, tb, where)
            tell(fault_message(exc, written))
            if sys.stderr is not None:  # none in the windowed program on Windows
                logged = f"logged in {log.path}" if written else f"not logged ({log.path.parent} cannot be written)"
                print(f"CoPDesk: internal error ({type(exc).__name__}) caught and {logged}", file=sys.stderr)

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        interrupted = issubclass(exc_type, KeyboardInterrupt)
        if interrupted or debug or previous is not sys.__excepthook__:
            previous(exc_type, exc, tb)
        if not interrupted:
            fault(exc, tb, threading.current_thread().name)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:  # a thread ending itself is no fault
            return
        if debug or previous_in_thread is not threading.__excepthook__:
            previous_in_thread(args)
        fault(args.exc_value, args.exc_traceback, args.thread.name if args.thread is not None else "unknown")

    sys.excepthook, threading.excepthook = hook, thread_hook

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous, previous_in_thread
        log.close()

    return uninstall
