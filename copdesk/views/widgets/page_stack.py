"""A stack of pages that asks its pane for the room of the page it shows, not of the tallest page behind it.

Qt's stack keeps room for every page at once. The question pane's stack holds the question card, which keeps room
for two lines of a question, behind the marker's remedies and the search results, which scroll: while one of those
shows, the card's room held the pane taller, and the splitter took it from the notes below.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class ShownPageStack(QStackedWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self) -> QSize:
        """The shown page's minimum: the height it was given (``setMinimumHeight``), else the one its content asks."""
        hint = super().minimumSizeHint()
        page = self.currentWidget()
        if page is None:
            return hint
        height = page.minimumHeight() or page.minimumSizeHint().height()
        return QSize(hint.width(), height + 2 * self.frameWidth())
