"""Engagement markers: one click records what the room is like, and shows the masterclass's remedies.

A marker describes the room, never a person, so these buttons have nothing to do with the roster and
the remedies card speaks to the facilitator about the group.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind
from copdesk.views.widgets.labels import hint_label


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
    """The three marker buttons; ``marked`` carries the kind clicked."""

    marked = Signal(MarkerKind)

    def __init__(self, parent: QWidget | None = None) -> None:
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
            button.clicked.connect(lambda _checked=False, k=kind: self.marked.emit(k))
            row.addWidget(button)
            self.buttons[kind] = button
        row.addStretch(1)

    def show_counts(self, counts: dict[MarkerKind, int]) -> None:
        for kind, button in self.buttons.items():
            count = counts.get(kind, 0)
            button.setText(shipped_texts().challenge(kind).button + (f" · {count}" if count else ""))


class RemediesCard(QFrame):
    """A pop-up card beside the marker just placed: the challenge, the remedies with their source, and
    what happens next. It closes on Escape, on its button, or on a click anywhere else."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("remediesCard")
        self.setProperty("pane", True)
        self.setAccessibleName("Remedies from the masterclass")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        self.remedies = QLabel()
        self.remedies.setWordWrap(True)
        self.remedies.setTextFormat(Qt.TextFormat.RichText)
        self.follow_up = hint_label()
        close = QPushButton("Close")
        close.setAccessibleName("Close the remedies")
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        for widget in (self.heading, self.remedies, self.follow_up):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setFixedWidth(440)

    def show_for(self, kind: MarkerKind, follow_up: str, anchor: QWidget) -> None:
        self.heading.setText(f"Marked: {shipped_texts().challenge(kind).name.text}")
        self.remedies.setText(
            f"<p>{challenge_html(kind)}</p><p>What the masterclass suggests:</p>{remedies_html(kind)}"
        )
        self.follow_up.setText(follow_up)
        self.adjustSize()
        position = anchor.mapToGlobal(QPoint(0, anchor.height() + 4))
        screen = anchor.screen().availableGeometry()
        if position.y() + self.height() > screen.bottom():
            position = anchor.mapToGlobal(QPoint(0, -self.height() - 4))
        position.setX(max(screen.left(), min(position.x(), screen.right() - self.width())))
        self.move(position)
        self.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
