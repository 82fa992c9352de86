"""The Prepare view (objectName ``reviewPanel``): the landing screen whenever no session is live."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from copdesk.core.model import Team
from copdesk.views.context import AppContext
from copdesk.views.pane import Pane


class ReviewPanel(Pane):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("reviewPanel", "Prepare", parent)
        self.context = context
        self.team: Team | None = None
        self.show_team(None)

    def show_team(self, team: Team | None) -> None:
        self.team = team
        if team is None:
            self.show_empty("Create your team (File ▸ New team) to start preparing sessions.")
        else:
            self.show_empty(f"Preparing for {team.name}. Start a session when the team is ready.")
