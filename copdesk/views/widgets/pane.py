"""The frame every pane of the main window shares: a titled card with an empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class Pane(QFrame):
    """A titled card. Subclasses fill :attr:`body`; :meth:`show_empty` explains what to do when there is nothing."""

    def __init__(self, object_name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("pane", True)
        self.setAccessibleName(title)
        outer = self._outer = QVBoxLayout(self)
        self.set_tight(False)
        header = QHBoxLayout()
        self.title_label = QLabel(title.upper())
        self.title_label.setProperty("role", "paneTitle")
        header.addWidget(self.title_label)
        header.addStretch(1)
        self.header_tools = header
        outer.addLayout(header)
        self.empty_label = QLabel()
        self.empty_label.setProperty("role", "emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        outer.addWidget(self.empty_label, 1)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body, 1)

    def set_tight(self, tight: bool) -> None:
        """Closer to its edges and its rows closer together, where the window is short of height (640 high)."""
        self._outer.setContentsMargins(12, 5 if tight else 10, 12, 5 if tight else 12)
        self._outer.setSpacing(4 if tight else 8)

    def show_empty(self, message: str) -> None:
        self.empty_label.setText(message)
        self.empty_label.show()

    def hide_empty(self) -> None:
        self.empty_label.hide()
