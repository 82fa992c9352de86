"""A quotation above a quick-item form that gives way when the tab is short of room.

In a 1024×640 window, with a suggestion shown above, a tab of the notes pane had some 110 px: the Parked tab's
quotation of what a CoP is not (four lines) and the escalation route's (three) took the room of the form and its
list, and were drawn over them. :class:`FoldingQuote` is the quotation wrapped across its width, whole wherever the
tab has the room for it (it asks for that), and otherwise the lines that fit, cut after a whole word with "…"; the
whole quotation is on hover and for a screen reader.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import ELLIPSIS

UNBOUNDED = 100_000  # px: room enough below for any quotation's lines


class FoldingQuote(QLabel):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._full = text
        self.setWordWrap(True)
        theme.set_role(self, "hint")
        self.setToolTip(text)
        self.setAccessibleName(text)

    def full_text(self) -> str:
        return self._full

    def hasHeightForWidth(self) -> bool:
        """Its height is asked of it as its hint (the whole quotation at its width) and its minimum (one line), so a
        layout short of room can give it less than the whole."""
        return False

    def sizeHint(self) -> QSize:
        return QSize(self.minimumSizeHint().width(), self._height_of(self._full))

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(super().minimumSizeHint().width(), self.fontMetrics().height() + margins.top() + margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the whole quotation's height at the new width
        self._fold()

    def _height_of(self, text: str) -> int:
        """The height ``text`` takes wrapped at the label's width, measured as QLabel measures plain text."""
        margins = self.contentsMargins()
        width = max(self.width() - margins.left() - margins.right(), 1)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        lines = self.fontMetrics().boundingRect(QRect(0, 0, width, UNBOUNDED), flags, text)
        return lines.height() + margins.top() + margins.bottom()

    def _fold(self) -> None:
        """The whole quotation if it fits, else as many of its words as fit, then "…"."""
        room = self.height()
        if self._height_of(self._full) <= room:
            self.setText(self._full)
            return
        words = self._full.split(" ")
        fitting, low, high = 1, 1, len(words) - 1
        while low <= high:
            middle = (low + high) // 2
            if self._height_of(" ".join(words[:middle]) + ELLIPSIS) <= room:
                fitting, low = middle, middle + 1
            else:
                high = middle - 1
        self.setText(" ".join(words[:fitting]) + ELLIPSIS)
