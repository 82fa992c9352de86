"""The question picker pane (objectName ``questionPanel``)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from copdesk.views.context import AppContext
from copdesk.views.pane import Pane


class QuestionPanel(Pane):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("questionPanel", "Questions", parent)
        self.context = context
        self.show_empty("Reflective, Socratic and active-listening prompts from the masterclass appear here.")
