"""The compact read-only table look shared by the notes pane, the Prepare view and the dialogs beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

SIZED_ROWS = 20  # rows a list's column widths are measured on (configure_table)


def configure_table(table: QTableView) -> None:
    """The compact, read-only, row-selecting look every list in the notes pane shares."""
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    # Column widths from the rows on show and the first few after them, not from all of ten years of rows
    # (every cell asked for every role through Python); a longer text further down is elided, with a tooltip.
    header.setResizeContentsPrecision(SIZED_ROWS)
    header.setHighlightSections(False)
    table.setMinimumHeight(header.sizeHint().height() + table.verticalHeader().defaultSectionSize() + 2)
