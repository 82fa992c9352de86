"""The compact read-only table look shared by the notes pane, the Prepare view and the dialogs beside them.

A cell too narrow for its text is cut between words with "…" (:class:`WordElideDelegate`); the whole text is the
cell's tooltip (every :class:`~copdesk.views.widgets.row_model.RowTableModel` gives one). Every such list is a
:class:`CompactTable`, which never gets shorter than its column headings as styled and its least rows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

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


class CompactTable(QTableView):
    """A list whose least height is its column headings and :attr:`least_rows` whole rows, and the scroll bar under
    them while it scrolls sideways (so that bar is never drawn over a row). Down to its headings, it showed no row at
    all, and an escalation or action just added was out of sight.

    That height is worked out whenever the layout asks for it, from the headings as styled (the stylesheet's font and
    padding, applied when the list is first shown): worked out once, as the list was made, it was 46 px where the
    headings and a row take 58, and a list in the Prepare view or a dialog drew its one row cut."""

    sideways_changed = Signal()  # the scroll bar under the rows came or went: :meth:`height_of` changed with it

    def __init__(self, parent: QWidget | None = None, *, least_rows: int = 1) -> None:
        super().__init__(parent)
        self.least_rows = least_rows
        self._fitted_rows: int | None = None
        self._sideways = False
        self.horizontalScrollBar().rangeChanged.connect(self._range_changed)

    def fit_rows(self, rows: int) -> None:
        """Exactly as tall as the headings and ``rows`` whole rows: a short list leaves no empty box, and a longer
        one shows no sliver of the row after the last (it reads as a row cut in half); its scroll bar says the rest."""
        self.least_rows = self._fitted_rows = rows
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), QSizePolicy.Policy.Fixed)
        self.updateGeometry()

    def height_of(self, rows: int) -> int:
        """The height of the headings as styled, the frame, any scroll bar under the rows, and ``rows`` whole rows."""
        header = self.horizontalHeader()
        headings = 0 if header.isHidden() else header.sizeHint().height()
        sideways = self.horizontalScrollBar().sizeHint().height() if self._sideways else 0
        return headings + 2 * self.frameWidth() + sideways + rows * self.verticalHeader().defaultSectionSize()

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self.height_of(self.least_rows))

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return hint if self._fitted_rows is None else QSize(hint.width(), self.height_of(self._fitted_rows))

    def _range_changed(self, _least: int, most: int) -> None:
        if (most > 0) != self._sideways:
            self._sideways = most > 0
            self.updateGeometry()
            self.sideways_changed.emit()


def configure_table(table: CompactTable) -> None:
    """The compact, read-only, row-selecting look every list in the notes pane, the Prepare view and the dialogs
    beside them shares."""
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
