"""The crash log's one line in the window: in the banner strip, never a modal that would stop the meeting.

A fault can come from a worker thread, and widgets may be touched only on the GUI thread, so the line is queued to
it. The window is found when the line arrives, not when the hook was installed: a restore, or exploring the demo,
replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication

from copdesk.crash_log import CrashLog, install
from copdesk.views.shell.main_window import MainWindow


class FaultNotice(QObject):
    _told = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self._told.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def tell(self, message: str) -> None:
        """Show ``message`` once the GUI thread is back in its event loop; callable from any thread."""
        self._told.emit(message)

    @Slot(str)
    def _show(self, message: str) -> None:
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow) and window.isVisible():
                if window.has_tools():
                    window.safeguards.show_fault(message)
                else:  # the frame while the data opens, or the Prepare view before its tools: no banner strip yet
                    window.statusBar().showMessage(message)


def watch_faults(data_folder: Path) -> Callable[[], None]:
    """Log every fault of CoPDesk's own in ``data_folder`` and say it in the window; return what stops that."""
    notice = FaultNotice()
    uninstall = install(CrashLog(data_folder), notice.tell)

    def stop() -> None:
        uninstall()
        notice.deleteLater()

    return stop
