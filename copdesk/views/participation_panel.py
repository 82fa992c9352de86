"""The participation tracker pane (objectName ``participationPanel``). Facilitator-only."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from copdesk.views.context import AppContext
from copdesk.views.pane import Pane


class ParticipationPanel(Pane):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("participationPanel", "Participation", parent)
        self.context = context
        self.show_empty("Who is present and who has spoken appears here once a session starts. Only you see it.")
