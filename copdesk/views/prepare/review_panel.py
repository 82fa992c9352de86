"""The Prepare view (objectName ``reviewPanel``): the landing screen whenever no session is live.

It is a grid of titled sections. Sections are added by whoever owns their data
(:meth:`ReviewPanel.add_section`), so the panel itself stays a layout. The review pack's sections
(``review_sections``) come first; the pack is rebuilt whenever the team changes and whenever the view
is shown again after being hidden, so what was agreed in the session just ended is there on return.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from copdesk.core.model import Team
from copdesk.core.question_bank import DeckError, Question, load_bank
from copdesk.core.review import ReviewPack
from copdesk.store.review import review_pack
from copdesk.views.context import AppContext
from copdesk.views.prepare.review_sections import ReviewSections
from copdesk.views.widgets.pane import Pane

COLUMNS = 2


class ReviewPanel(Pane):
    """``live_session_id`` gives the id of the session live now, or ``None``."""

    def __init__(
        self, context: AppContext, live_session_id: Callable[[], int | None], parent: QWidget | None = None
    ) -> None:
        super().__init__("reviewPanel", "Prepare", parent)
        self.context = context
        self.team: Team | None = None
        self.sections: dict[str, QFrame] = {}
        self._next_cell = 0
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setAccessibleName("Prepare view")  # a stop of the Tab chain, to scroll it from the keyboard
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.grid.setSpacing(10)
        scroll.setWidget(holder)
        self.scroll_area = scroll
        self.body.addWidget(scroll)
        self.pack: ReviewPack | None = None
        self._bank: list[Question] | None = None
        self._stale = False  # hidden since the last refresh: what it shows may have changed meanwhile
        self.review_sections = ReviewSections(context, self.add_section, self.refresh, live_session_id)
        self.show_team(None)

    def add_section(self, key: str, title: str, widget: QWidget, *, span: int = 1) -> QFrame:
        """Place a titled card in the next free grid cell; ``span=2`` takes a whole row."""
        card = QFrame()
        card.setObjectName(f"section_{key}")
        card.setProperty("pane", True)
        layout = QVBoxLayout(card)
        heading = QLabel(title)
        heading.setProperty("role", "paneTitle")
        layout.addWidget(heading)
        layout.addWidget(widget, 1)
        row, column = divmod(self._next_cell, COLUMNS)
        if column + span > COLUMNS:
            row, column = row + 1, 0
        self.grid.addWidget(card, row, column, 1, span)
        self._next_cell = row * COLUMNS + column + span
        self.sections[key] = card
        return card

    def add_the_rest(self) -> None:
        """The sections below the first screenful (:meth:`ReviewSections.add_the_rest`), for the team shown."""
        self.review_sections.add_the_rest(self.pack, self.team)

    def show_team(self, team: Team | None) -> None:
        self.team = team
        self.refresh()
        self.scroll_area.setVisible(team is not None)
        if team is None:
            self.show_empty("Create your team (File ▸ New team) to start preparing sessions.")
        elif not self.sections:
            self.show_empty(f"Preparing for {team.name}. Start a session when the team is ready.")
        else:
            self.hide_empty()

    def refresh(self) -> None:
        """Rebuild the review pack for the team shown and give it to every section."""
        self._stale = False
        if self.team is None:
            self.pack = None
            return
        self.pack = review_pack(self.context.db, self.team.id, self.context.now(), self._questions())
        self.review_sections.show_pack(self.pack, self.team)

    def _questions(self) -> list[Question]:
        if self._bank is None:
            try:
                self._bank = list(load_bank(self.context.resource("questions")))
            except (DeckError, OSError):
                self._bank = []  # ``copdesk-cli check`` reports a damaged bank; planning goes on without it
        return self._bank

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._stale = True
        super().hideEvent(event)
