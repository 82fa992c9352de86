"""A list as tall as its rows, up to :attr:`FittedList.max_rows` (then it scrolls), so a short list is not a tall
empty box. A widget of its own so that Designer forms can use it (promoted from QListView)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListView, QSizePolicy, QWidget

LIST_PADDING = 6  # pixels below the last row, so it does not touch the frame


class FittedList(QListView):
    def __init__(self, parent: QWidget | None = None, *, max_rows: int = 6) -> None:
        super().__init__(parent)
        self.max_rows = max_rows
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        rows = self.model().rowCount() if self.model() is not None else 0
        row_height = self.sizeHintForRow(0) if rows else self.fontMetrics().height()
        height = min(max(rows, 1), self.max_rows) * row_height + 2 * self.frameWidth() + LIST_PADDING
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
