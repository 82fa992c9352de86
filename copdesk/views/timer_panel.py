"""The session timer pane (objectName ``timerPanel``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from copdesk.views.context import AppContext
from copdesk.views.pane import Pane


class TimerPanel(Pane):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("timerPanel", "Timer", parent)
        self.context = context
        self.show_empty("No session is running. Press Start session to follow the agenda with a timer.")
