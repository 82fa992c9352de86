"""A table shown in whole rows, however tall the layout makes it.

A table the layout gives a height between two rows draws the last row cut in half, which reads as a fault rather
than as more to scroll to. :class:`WholeRows` holds the table and gives it the whole rows that fit (at least one);
the few pixels left over stay blank below its frame, and the scroll bar beside the rows says there are more. A list
that scrolls sideways too has the room for that scroll bar under its rows (:meth:`CompactTable.height_of`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from copdesk.views.widgets.tables import CompactTable


class WholeRows(QWidget):
    def __init__(self, table: CompactTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        table.setParent(self)
        self._rows = (1, 1)
        table.sideways_changed.connect(self._sideways_changed)
        self.show_rows(1, 1)

    def show_rows(self, least: int, most: int) -> None:
        """As tall as ``most`` rows when there is room, and never shorter than ``least`` rows."""
        self._rows = (least, most)
        self.setMinimumHeight(self.table.height_of(least))
        self.setMaximumHeight(self.table.height_of(max(least, most)))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return QSize(self.table.sizeHint().width(), self.maximumHeight())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.table.minimumSizeHint().width(), self.minimumHeight())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_table()

    def _sideways_changed(self) -> None:
        """The scroll bar under the rows came or went (it may before the list is first laid out): the rows keep
        their room, and the list is whole rows tall again at the height it has."""
        self.show_rows(*self._rows)
        self._place_table()

    def _place_table(self) -> None:
        row = self.table.verticalHeader().defaultSectionSize()
        rows = max(1, (self.height() - self.table.height_of(0)) // row)
        self.table.setGeometry(0, 0, self.width(), min(self.height(), self.table.height_of(rows)))
