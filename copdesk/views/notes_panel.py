"""The notes pane (objectName ``notesPanel``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from copdesk.views.context import AppContext
from copdesk.views.pane import Pane


class NotesPanel(Pane):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("notesPanel", "Notes", parent)
        self.context = context
        self.show_empty(
            "Notes, actions, issues and learning points for the session are kept here and saved as you type."
        )
