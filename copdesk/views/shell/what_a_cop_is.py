"""What a CoP is, and is not: one card to share on the screen at the start, beside the ground rules.

The masterclass's purpose of CoPs and its "CoPs reflective practice is NOT... / This should happen elsewhere IN..."
table, word for word, each part with its section. Like the share-safe view it is a window of its own (parented
only so that it closes with the main window), built from the shipped words only: it holds no database, roster or
session, so nothing about a colleague can reach the shared screen through it. Esc closes it, F11 fills the
screen, and the words can be copied for the meeting chat.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from copdesk.core.masterclass import WhatACopIs, shipped_texts


def card_html(cop: WhatACopIs) -> str:
    """The card's words: every one the masterclass's, quoted, with the section it is from."""
    purpose = "".join(f"<li>{html.escape(item.text)}</li>" for item in cop.purpose)
    rows = "".join(
        f"<tr><td>{html.escape(arena.not_this.text)}</td><td>{html.escape(arena.elsewhere.text)}</td></tr>"
        for arena in cop.arenas
    )
    cell = "style='padding:6px 18px 6px 0'"
    return (
        f"<h2>{html.escape(cop.purpose[0].section or '')}</h2><ul>{purpose}</ul>"
        f"<p><i>({html.escape(cop.purpose[0].credit())})</i></p>"
        f"<p>{html.escape(cop.focus.text)}</p>"
        f"<table cellspacing='0'><tr><th align='left' {cell}>{html.escape(cop.not_heading.text)}</th>"
        f"<th align='left' {cell}>{html.escape(cop.elsewhere_heading.text)}</th></tr>"
        f"{rows.replace('<td>', f'<td {cell}>')}</table>"
        f"<p>{html.escape(cop.closing.text)}</p><p><i>({html.escape(cop.focus.credit())})</i></p>"
    )


def card_text(cop: WhatACopIs) -> str:
    """The same words as plain text, for the meeting chat."""
    lines = [cop.heading, "", *(f"• {item.text}" for item in cop.purpose), "", cop.focus.text, ""]
    lines += [f"{cop.not_heading.text} → {cop.elsewhere_heading.text}"]
    lines += [f"• {arena.not_this.text} → {arena.elsewhere.text}" for arena in cop.arenas]
    lines += [
        "",
        cop.closing.text,
        "",
        f"(CoP Facilitation Masterclass: {cop.focus.section}; {cop.purpose[0].section})",
    ]
    return "\n".join(lines)


class WhatACopIsCard(QWidget):
    def __init__(self, owner: QWidget | None = None) -> None:
        super().__init__(owner, Qt.WindowType.Window)
        self.setObjectName("whatACopIs")
        self.cop = shipped_texts().what_a_cop_is
        self.setWindowTitle(f"CoPDesk: {self.cop.heading}")
        self.setAccessibleName(self.cop.heading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        heading = QLabel(self.cop.heading)
        heading.setObjectName("whatACopIsHeading")
        heading.setStyleSheet("font-size: 22pt; font-weight: 600;")
        layout.addWidget(heading)
        self.body = QLabel(card_html(self.cop))
        self.body.setObjectName("whatACopIsBody")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setStyleSheet("font-size: 14pt;")
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.copy_button = QPushButton("&Copy for the chat")
        self.copy_button.setAccessibleName("Copy what a CoP is, to paste into the meeting chat")
        self.copy_button.clicked.connect(self.copy)
        close = QPushButton("Close (Esc)")
        close.setAccessibleName("Close the card")
        close.clicked.connect(self.close)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(1000, 700)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(card_text(self.cop))
        self.copy_button.setText("Copied: paste it into the meeting chat")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)
