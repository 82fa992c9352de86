"""The strip along the top of the window: CoPDesk's name, the team chooser, and the Prepare and Live buttons (the
session button joins them at the end once the session tools are built). Disabled until the data is open."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from copdesk.core.model import Team

PREPARE_PAGE = 0
LIVE_PAGE = 1


class HeaderBar(QWidget):
    """``team_combo.currentIndexChanged`` says another team was chosen; ``mode_group.idClicked`` gives the page."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("headerBar")
        # A subclass of QWidget paints the stylesheet's background and border only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(14, 8, 14, 8)
        self.row.setSpacing(10)
        title = QLabel("CoPDesk")
        title.setObjectName("appTitle")
        self.row.addWidget(title)
        self.row.addSpacing(12)
        team_label = QLabel("&Team")
        team_label.setObjectName("teamLabel")  # the stylesheet gives it room for its ink, which overhangs the "m"
        self.team_combo = QComboBox()
        self.team_combo.setAccessibleName("Team")
        self.team_combo.setMinimumWidth(240)
        team_label.setBuddy(self.team_combo)
        self.row.addWidget(team_label)
        self.row.addWidget(self.team_combo)
        self.row.addSpacing(12)
        self.prepare_button = QPushButton("Prepare")
        self.live_button = QPushButton("Live")
        self.mode_group = QButtonGroup(self)
        for page, button in ((PREPARE_PAGE, self.prepare_button), (LIVE_PAGE, self.live_button)):
            button.setCheckable(True)
            button.setAccessibleName(f"Show the {button.text()} view")
            self.mode_group.addButton(button, page)
            self.row.addWidget(button)
        self.row.addStretch(1)  # the session button comes after it
        self.set_enabled(False)

    def set_enabled(self, enabled: bool) -> None:
        for control in (self.team_combo, self.prepare_button, self.live_button):
            control.setEnabled(enabled)

    def hold_team(self, held: bool) -> None:
        """Keep the team chosen while a session of it is live (:meth:`MainWindow._hold_live_team`)."""
        self.team_combo.setEnabled(not held)
        self.team_combo.setToolTip("The live session's team: end the session to switch team" if held else "")

    def set_teams(self, teams: Iterable[Team], selected_id: int | None) -> None:
        """List ``teams`` and select ``selected_id`` (else the first), without saying the team changed."""
        self.team_combo.blockSignals(True)
        self.team_combo.clear()
        for team in teams:
            self.team_combo.addItem(team.name, team.id)
        index = self.team_combo.findData(selected_id)
        self.team_combo.setCurrentIndex(max(index, 0) if self.team_combo.count() else -1)
        self.team_combo.blockSignals(False)

    def team_id(self) -> int | None:
        data = self.team_combo.currentData()
        return int(data) if data is not None else None

    def show_page_chosen(self, page: int) -> None:
        button = self.mode_group.button(page)
        if button is not None:
            button.setChecked(True)
