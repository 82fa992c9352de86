"""Engagement markers: one click records what the room is like, and shows the masterclass's remedies.

A marker describes the room, never a person, so these buttons have nothing to do with the roster and
the remedies card speaks to the facilitator about the group.
"""

from __future__ import annotations

import html
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.pressed_again import PressedAgain


def remedies_html(kind: MarkerKind) -> str:
    """The remedies as a list, each quoted with its section, for the card and the buttons' tooltips.

    A remedy the masterclass does not set beside this challenge says that CoPDesk offers it.
    """
    items = []
    for remedy in shipped_texts().challenge(kind).remedies:
        offered = "CoPDesk also offers, from the masterclass: " if remedy.offered_by_copdesk else ""
        items.append(
            f"<li>{offered}{html.escape(remedy.text.shown())} <i>({html.escape(remedy.text.credit())})</i></li>"
        )
    return f"<ul style='margin-left:-20px'>{''.join(items)}</ul>"


def challenge_html(kind: MarkerKind) -> str:
    """The challenge as the masterclass names and describes it, both sentences, quoted."""
    challenge = shipped_texts().challenge(kind)
    return (
        f"<b>{html.escape(challenge.name.shown())}</b><br>{html.escape(challenge.description.shown())} "
        f"<i>({html.escape(challenge.description.credit())})</i>"
    )


class MarkerBar(QWidget):
    """The three marker buttons; ``marked`` carries the kind clicked, once for a double click (``presses``)."""

    marked = Signal(MarkerKind)

    def __init__(self, presses: PressedAgain, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        caption = QLabel("Room:")
        caption.setToolTip("Markers describe the room, never a person: no name is stored with them.")
        row.addWidget(caption)
        self.buttons: dict[MarkerKind, QPushButton] = {}
        for challenge in shipped_texts().challenges:
            kind = challenge.marker
            button = QPushButton(challenge.button)
            button.setObjectName(f"marker_{kind.value}")
            button.setAccessibleName(f"Mark the room: {challenge.name.text}")
            button.setToolTip(f"{challenge_html(kind)}<p>What the masterclass suggests:</p>{remedies_html(kind)}")
            button.clicked.connect(presses.once(kind.value, partial(self.marked.emit, kind)))
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)

    def show_counts(self, counts: dict[MarkerKind, int]) -> None:
        for kind, button in self.buttons.items():
            count = counts.get(kind, 0)
            button.setText(shipped_texts().challenge(kind).button + (f" · {count}" if count else ""))


class RemediesCard(QFrame):
    """The challenge just marked, the remedies with their source, and what happens next.

    It is shown inside the question pane, in the question's place (``QuestionPanel``), never over the timer or
    any other live control, and never takes the keyboard: Esc, Close or the next question put it away.
    """

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remediesCard")
        self.setProperty("banner", "info")
        self.setAccessibleName("Remedies from the masterclass")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(0)
        top = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")  # body size: the card shares the pane with the question
        self.heading.setWordWrap(True)
        top.addWidget(self.heading, 1)
        self.close_button = QPushButton("Close (Esc)")
        self.close_button.setAccessibleName("Close the remedies")
        self.close_button.clicked.connect(self.dismiss)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.remedies = QLabel()
        self.remedies.setWordWrap(True)
        self.remedies.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up = hint_label()
        layout.addLayout(top)
        layout.addWidget(self.remedies)
        layout.addWidget(self.follow_up)
        layout.addStretch(1)

    def show_for(self, kind: MarkerKind, follow_up: str) -> None:
        """The challenge's name as the heading, then what to do (first, as the pane may show only a few lines),
        then the masterclass's description of the challenge; each says whose words it is."""
        challenge = shipped_texts().challenge(kind)
        self.heading.setText(f"Marked: {challenge.name.shown()}")
        self.remedies.setText(
            f"{remedies_html(kind)}<p>{html.escape(challenge.description.shown())} "
            f"<i>({html.escape(challenge.description.credit())})</i></p>"
        )
        self.follow_up.setText(follow_up)

    def dismiss(self) -> None:
        self.closed.emit()


class RemediesPage(QScrollArea):
    """The card as a page of the question pane, scrolling when the pane is short; Esc (anywhere in the window,
    while it is shown) puts it away."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remediesPage")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.card = RemediesCard()
        self.card.closed.connect(self.closed)
        self.setWidget(self.card)
        self.escape = QAction("Close the remedies", self)
        self.escape.setWhatsThis("Participation: close the remedies shown for a room marker")  # listed with its pane
        self.escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.escape.setEnabled(False)  # Esc is the text fields' own until remedies are shown
        self.escape.triggered.connect(self.closed)
        self.addAction(self.escape)
        self.kind: MarkerKind | None = None  # the marker whose remedies are shown

    def show_for(self, kind: MarkerKind, follow_up: str) -> None:
        self.kind = kind
        self.card.show_for(kind, follow_up)
        self.escape.setEnabled(True)

    def put_away(self) -> None:
        self.escape.setEnabled(False)
