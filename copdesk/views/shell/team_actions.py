"""File ▸ New team… and File ▸ Team members…: a team created (or, on a first run, the demo chosen instead) and a
team's members edited, each followed by a refresh of what shows the team.

The dialogs are built when first asked for, so the window's first paint does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from copdesk.core.model import Role, Team
from copdesk.views.context import AppContext

if TYPE_CHECKING:
    from copdesk.views.team.team_members_dialog import TeamMembersDialog


class TeamActions:
    """``created(team_id)`` shows a new team; ``edited(team_id)`` refreshes what shows an edited one;
    ``explore_demo()`` answers a first run that chose the demo."""

    def __init__(
        self,
        context: AppContext,
        window: QMainWindow,
        *,
        current_team: Callable[[], Team | None],
        created: Callable[[int], None],
        edited: Callable[[int], None],
        explore_demo: Callable[[], None],
    ) -> None:
        self.context, self.window = context, window
        self._current_team, self._created, self._edited = current_team, created, edited
        self._explore_demo = explore_demo
        self.members_dialog: TeamMembersDialog | None = None
        self.new_team_action = QAction("&New team…", window)
        self.new_team_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_team_action.triggered.connect(self.create_interactively)  # unchecked: not a first run
        self.members_action = QAction("Team &members…", window)
        self.members_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.members_action.triggered.connect(self.open_members)
        for action in (self.new_team_action, self.members_action):
            action.setAutoRepeat(False)  # a key held down opens one dialog, as every key of the window acts once

    def add_to(self, menu: QMenu) -> None:
        menu.addActions([self.new_team_action, self.members_action])

    def create_interactively(self, first_run: bool = False) -> None:
        """Ask for a team's name and members (on a first run, or the demo instead) and create it."""
        from copdesk.store import teams
        from copdesk.views.shell.first_run import FirstRunDialog

        dialog = FirstRunDialog(self.window)
        if not first_run:
            existing = [team.name for team in teams.list_teams(self.context.db)]
            dialog.as_new_team(demo_offered=not existing, taken=existing)
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            return
        if dialog.wants_demo:
            self._explore_demo()  # the demo opens in a file of its own; this database stays empty
        elif dialog.draft is not None:
            self.create(dialog.draft.name, tuple(dialog.draft.members))

    def create(self, name: str, members: tuple[tuple[str, Role], ...]) -> None:
        """Refused by a full disk or a read-only file, the team as typed is kept for Retry."""
        from copdesk.services.teams import create_team
        from copdesk.views.widgets.typed_words import TypedWords

        now = self.context.now()
        typed = "\n".join([name, *(f"{person}, {role.label}" for person, role in members)])
        try:
            created = self.context.writes.run(
                lambda: create_team(self.context.db, name, members, now),
                retry=lambda: self.create(name, members),
                key=("create team", name),
                kept="The team as you typed it is kept: Retry creates it.",
                words=TypedWords("A new team", typed),
            )
        except ValueError as exc:
            from PySide6.QtWidgets import QMessageBox

            from copdesk.views.widgets.forms import MessageBox

            MessageBox(
                QMessageBox.Icon.Warning, "Team not created", str(exc), QMessageBox.StandardButton.Ok, self.window
            ).exec()
            return
        if created is not None:
            self._created(created.value.id)

    def open_members(self) -> TeamMembersDialog | None:
        """Names, roles and who still attends; each change refreshes what shows the team."""
        from copdesk.views.team.team_members_dialog import TeamMembersDialog

        team = self._current_team()
        if team is None:
            self.window.statusBar().showMessage("Create a team first (File ▸ New team).", 8000)
            return None
        dialog = TeamMembersDialog(self.context, team.id, self.window)
        dialog.changed.connect(lambda: self._edited(team.id))
        self.members_dialog = dialog
        dialog.open()
        return dialog
