"""Ending the app when the system ends it: SIGTERM (``kill``, a Linux log-out) and a Windows log-off or shutdown.

Either way nobody may be there to answer a question, so CoPDesk asks none: every window closes without asking (each
pane saves what was typed, and a quick item typed but not added goes at the end of the notes; words typed in an open
dialog and not saved are kept in a file, which the next start points to; a live session stays live, offered for
resume at the next start), and the event loop ends even if a window would rather stay open.
Kept apart from :mod:`copdesk.app` so the composition root stays about composing.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from copdesk.views.widgets.typed_words import TypedWords

T = TypeVar("T")

# The wake-up socket pair and its notifier live as long as the process: closing them would end the wake-ups.
_SIGTERM_WAKE: list[object] = []


def quit_cleanly_on_sigterm(app: QApplication) -> None:
    """SIGTERM (a logout, a shutdown, ``kill``) closes the windows, so every pane saves what was typed.

    Unlike Quit it asks nothing (nobody may be there to answer): a live session stays live, offered for resume.

    Python runs a signal handler only when the interpreter next gets control, which never happens while
    Qt's C++ event loop sleeps; the handler's wake-up byte, written to a socket Qt watches, gives it
    control at once. ``exit`` rather than ``quit`` ends the loop even if a window asks to stay open.
    """
    import contextlib
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno())
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:
        with contextlib.suppress(OSError):  # nothing left to read: the wake-up was already taken
            reader.recv(512)

    notifier.activated.connect(drain)
    signal.signal(signal.SIGTERM, lambda _signum, _frame: save_and_quit(app))
    _SIGTERM_WAKE.extend([reader, writer, notifier])


_LISTENING_FOR_LOGOFF: list[QApplication] = []


def quit_cleanly_on_logoff(app: QApplication) -> None:
    """Logging off or shutting down saves and quits as SIGTERM does, asking nothing.

    Windows sends no SIGTERM: it asks each windowed program to end its session (WM_QUERYENDSESSION), which Qt
    passes on as ``commitDataRequest``; the session manager of a Linux desktop asks the same way.
    """
    if any(connected is app for connected in _LISTENING_FOR_LOGOFF):  # once per application, however often it runs
        return
    app.commitDataRequest.connect(lambda _manager: save_and_quit(app))
    _LISTENING_FOR_LOGOFF.append(app)


def save_and_quit(app: QApplication) -> None:
    """Close every window without a question (each pane saves what was typed, a quick item typed but not added
    among the notes, words typed in a dialog, or kept only for Retry, in a file; a live session stays live, offered
    for resume next time), then end the event loop even if a window would rather stay open. A cell being edited in a
    list saves as Enter would, unless its dialog keeps the words in the file (``settle_cell_edits``). A dialog's
    choices not saved (a series' rhythm, a tick) go with it: only the facilitator can say whether they should be.
    A step that fails (a fault, logged as any is) does not stop the ones after it, nor the quit."""
    from PySide6.QtWidgets import QDialog

    from copdesk.views.shell.main_window import MainWindow
    from copdesk.views.widgets.typed_words import settle_cell_edits, typed_in

    try:
        windows = app.topLevelWidgets()
        typed = [words for window in windows if (words := _step(partial(typed_in, window))) is not None]
        for window in windows:
            _step(partial(settle_cell_edits, window))
        opened = [widget for widget in windows if isinstance(widget, MainWindow) and widget.is_open()]
        for window in sorted(opened, key=lambda window: not window.isVisible()):  # the one on screen first
            _step(window.live_session.keep_typed_not_added)  # in the notes, which close saves
            writes = window.context.writes
            # A dialog open with what a refused act holds for Retry holds the same words: they are kept once.
            kept = list(dict.fromkeys([*typed, *(_step(writes.words_waiting) or [])]))
            _step(partial(_keep, kept, window.context.db_path, window.context.now()))
            writes.stand_down()  # kept: no Retry replays them now, nor a second log-off keeps them again
            typed = []
        for dialog in (widget for widget in windows if isinstance(widget, QDialog) and widget.isVisible()):
            _step(dialog.hide)  # not closed: a dialog with edits would ask about them on a close, and nobody is there
        for window in (widget for widget in windows if isinstance(widget, MainWindow)):
            _step(window.close_without_asking)
        _step(app.closeAllWindows)
    finally:
        app.exit(0)


def _step(act: Callable[[], T]) -> T | None:
    """One step of :func:`save_and_quit`: a fault in it is logged and said as any is (:mod:`copdesk.crash_log`),
    and the quit goes on."""
    try:
        return act()
    except Exception:
        sys.excepthook(*sys.exc_info())
        return None


def _keep(typed: list[TypedWords], db_path: Path, now: datetime) -> None:
    """Each window's words in a file of its own beside the database (:func:`copdesk.services.notes.keep_typed_words`).

    One that cannot be written (the data folder gone, or read-only) is past keeping: nobody is there to be told, and
    the fault log, beside the data too, never holds a typed word (:mod:`copdesk.crash_log`).
    """
    from copdesk.services.notes import keep_typed_words

    for where, words in typed:
        with contextlib.suppress(OSError):
            keep_typed_words(db_path, where, words, now)
