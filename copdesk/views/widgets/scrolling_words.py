"""Words that may run long (every backup not cleaned, each named with its reason): as tall as they are, so a dialog
fits itself to them, until the dialog reaches the foot of the screen; then they scroll, and the buttons below them
stay in reach. A widget of its own so that Designer forms can use it (promoted from QScrollArea, its one child a
wrapped label)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

LINES_AT_LEAST = 3  # shown however short the dialog must be: enough to see that the words scroll


class ScrollingWords(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

    def sizeHint(self) -> QSize:
        """The words' height at the width they have (QScrollArea's own hint is a fixed box, whatever they say)."""
        words = self.widget()
        hint = super().sizeHint()
        if words is None:
            return hint
        room = self.width() - 2 * self.frameWidth()
        height = words.heightForWidth(room) if words.hasHeightForWidth() else words.sizeHint().height()
        return QSize(hint.width(), height + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        lines = self.fontMetrics().lineSpacing() * LINES_AT_LEAST + 2 * self.frameWidth()
        return QSize(super().minimumSizeHint().width(), min(lines, self.sizeHint().height()))
