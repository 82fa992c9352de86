"""For scripts that run the real app in a child process: act on the window once it has opened its data.

The app's window paints its frame before it opens the database, in an event loop of its own, so a step queued
before ``run_gui`` would run too early; :func:`when_window_open` waits for the panes and the tools (menus, the session
flow), which are built just after the Prepare view has painted, instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from copdesk.views.shell.main_window import MainWindow


def when_window_open(step: Callable[[MainWindow], object], poll_ms: int = 10) -> None:
    """Call ``step(window)`` from the event loop once the main window shows its data and has its menus."""

    def poll() -> None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        windows = [w for w in shown if w.is_open() and w.has_tools()]
        if windows:
            step(windows[0])
        else:
            QTimer.singleShot(poll_ms, poll)

    QTimer.singleShot(0, poll)
