"""A table shown in whole rows, however tall the layout makes it.

A table the layout gives a height between two rows draws the last row cut in half, which reads as a fault rather
than as more to scroll to. :class:`WholeRows` holds the table and gives it the whole rows that fit (at least one);
the few pixels left over stay blank below its frame, and the scroll bar beside the rows says there are more. A list
that scrolls sideways too has the room for that scroll bar under its rows.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QTableView, QWidget


class WholeRows(QWidget):
    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        table.setParent(self)
        self._rows = (1, 1)
        self._sideways = False  # the table scrolls sideways: its scroll bar takes a strip under the rows
        table.horizontalScrollBar().rangeChanged.connect(self._range_changed)
        self.show_rows(1, 1)

    def show_rows(self, least: int, most: int) -> None:
        """As tall as ``most`` rows when there is room, and never shorter than ``least`` rows."""
        self._rows = (least, most)
        self.setMinimumHeight(self._height_of(least))
        self.setMaximumHeight(self._height_of(max(least, most)))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self.table.sizeHint().width(), self.maximumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.table.minimumSizeHint().width(), self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        rows = max(1, (self.height() - self._chrome()) // self._row_height())
        self.table.setGeometry(0, 0, self.width(), min(self.height(), self._height_of(rows)))

    def _range_changed(self, _least: int, most: int) -> None:
        """A narrow list scrolls sideways, and its scroll bar was drawn over its last row: the rows keep their room."""
        if (most > 0) != self._sideways:
            self._sideways = most > 0
            self.show_rows(*self._rows)

    def _height_of(self, rows: int) -> int:
        return self._chrome() + rows * self._row_height()

    def _row_height(self) -> int:
        return self.table.verticalHeader().defaultSectionSize()

    def _chrome(self) -> int:
        """The table's height besides its rows: the column headings and the frame."""
        header = self.table.horizontalHeader()
        sideways = self.table.horizontalScrollBar().sizeHint().height() if self._sideways else 0
        return (0 if header.isHidden() else header.sizeHint().height()) + 2 * self.table.frameWidth() + sideways
