"""Demo data says so: a banner that stays while the window is on the fictional demo, and the way back.

The window never opens databases, so exploring and leaving are requests (:attr:`DemoMode.explore_requested`,
:attr:`DemoMode.leave_requested`) that the app answers by reopening the window on the demo's own file, or
on the real database (``copdesk.app.RunningWindow``). "Leave the demo" is offered only when there is a real
database to go back to; a window started on a demo file itself (``make demo``) just says what it shows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from copdesk.store.settings import is_demo
from copdesk.views.context import AppContext
from copdesk.views.widgets.banner import Banner

DEMO_MESSAGE = "You are exploring fictional demo data. Nothing here is real."
LEAVE_CAPTION = "&Leave the demo"


class DemoMode(QObject):
    explore_requested = Signal()  # the first-run choice "Explore the demo data"
    leave_requested = Signal()

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context, self.window = context, window
        self.can_leave = False
        self.banner = Banner("warning", closable=False)  # it stays for as long as the data is not real
        self.banner.setObjectName("demoBanner")
        self.area = QWidget()  # spaced like the banner strip below it, and no room at all on real data
        layout = QVBoxLayout(self.area)
        layout.setContentsMargins(10, 8, 10, 0)
        layout.addWidget(self.banner)
        self.leave_action = QAction(LEAVE_CAPTION, window)
        self.leave_action.setStatusTip("Close the demo and return to your own data")
        self.leave_action.triggered.connect(self.leave)
        self.refresh()

    def leave(self) -> None:
        self.leave_requested.emit()

    def set_can_leave(self, can_leave: bool) -> None:
        self.can_leave = can_leave
        self.refresh()

    def refresh(self) -> None:
        """Show or hide the banner (and title the window) by what the database holds now."""
        on_demo = is_demo(self.context.db)
        if on_demo:
            self.banner.show_message(DEMO_MESSAGE, [(LEAVE_CAPTION, self.leave)] if self.can_leave else [])
        else:
            self.banner.hide()
        self.area.setVisible(on_demo)
        self.leave_action.setVisible(on_demo and self.can_leave)
        self.window.setWindowTitle("CoPDesk — demo data" if on_demo else "CoPDesk")
