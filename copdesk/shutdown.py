"""Ending the app when the system ends it: SIGTERM (``kill``, a Linux log-out) and a Windows log-off or shutdown.

Either way nobody may be there to answer a question, so CoPDesk asks none: every window closes without asking (each
pane saves what was typed, and a quick item typed but not added goes at the end of the notes; a live session stays
live, offered for resume at the next start), and the event loop ends even if a window would rather stay open.
Kept apart from :mod:`copdesk.app` so the composition root stays about composing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

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
    among the notes; a live session stays live, offered for resume next time), then end the event loop even if a
    window would rather stay open."""
    from copdesk.views.shell.main_window import MainWindow

    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow):
            if widget.is_open():  # a quick item typed but not added is kept in the notes, which close saves
                widget.live_session.keep_typed_not_added()
            widget.close_without_asking()
    app.closeAllWindows()
    app.exit(0)
