"""The compact read-only table look shared by the notes pane, the Prepare view and the dialogs beside them.

A cell too narrow for its text is cut between words with "…" (:class:`WordElideDelegate`); the whole text is the
cell's tooltip (every :class:`~copdesk.views.widgets.row_model.RowTableModel` gives one)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from copdesk.views.widgets.labels import elide_words

SIZED_ROWS = 20  # rows a list's column widths are measured on (configure_table)
WIDEST_CELL = 240  # px a cell asks for at most: a long owner's name never squeezes the words of the list


class WordElideDelegate(QStyledItemDelegate):
    """Draws a cell's text cut between words when it does not fit, as :func:`elide_words` does, and asks for at most
    :data:`WIDEST_CELL` of width (a column sized to its contents is then cut, its whole text in the tooltip)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), WIDEST_CELL), hint.height())

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        style = option.widget.style() if option.widget is not None else None
        margin = (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1) * 2 if style is not None else 6
        icon = option.decorationSize.width() + 4 if not option.icon.isNull() else 0
        room = option.rect.width() - margin - icon
        if option.text and room > 0:
            option.text = elide_words(option.text, option.fontMetrics, room)


def configure_table(table: QTableView) -> None:
    """The compact, read-only, row-selecting look every list in the notes pane shares."""
    table.setItemDelegate(WordElideDelegate(table))
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
