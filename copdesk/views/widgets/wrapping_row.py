"""A form's one row that goes onto two lines when the window is too narrow for its controls to be read.

A 1024-wide window gave the Action form's four controls one line between them, and the due date field, last to
give way, read "D…". Here the first control (the words typed) keeps the line to itself once the others no longer
fit beside it at the widths they need, and they go onto the line under it, in the same order (Tab is unchanged).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


class WrappingRow(QWidget):
    """``first`` then ``rest`` on one line while each has its minimum width, else ``rest`` on a line below.

    Each control's minimum width is the room it needs to be read (``setMinimumWidth``), or its own hint.
    """

    def __init__(
        self,
        first: QWidget,
        rest: list[tuple[QWidget, int]],
        parent: QWidget | None = None,
        *,
        alignment: Qt.AlignmentFlag | None = None,
    ) -> None:
        """``alignment`` places each of ``rest`` in its line (at the top, beside a ``first`` of several lines)."""
        super().__init__(parent)
        self.first, self.rest = first, rest
        self.alignment = alignment if alignment is not None else Qt.AlignmentFlag(0)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.top, self.below = QHBoxLayout(), QHBoxLayout()
        column.addLayout(self.top)
        column.addLayout(self.below)
        self.top.addWidget(first, 3)
        self._place(wrapped=False)

    def one_line_width(self) -> int:
        """The narrowest this row can be with every control on one line, each at its minimum width."""
        widths = [_least_width(widget) for widget in (self.first, *(widget for widget, _ in self.rest))]
        return sum(widths) + self.top.spacing() * (len(widths) - 1)

    def wrapped(self) -> bool:
        return self.below.count() > 0

    def minimumSizeHint(self) -> QSize:
        """As narrow as the two lines allow, so the row never holds the window wider than it is."""
        hint = super().minimumSizeHint()
        below = sum(_least_width(widget) for widget, _ in self.rest) + self.below.spacing() * (len(self.rest) - 1)
        return QSize(max(_least_width(self.first), below), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wrapped = event.size().width() < self.one_line_width()
        if wrapped != self.wrapped():
            self._place(wrapped=wrapped)

    def _place(self, *, wrapped: bool) -> None:
        line, other = (self.below, self.top) if wrapped else (self.top, self.below)
        for widget, stretch in self.rest:
            other.removeWidget(widget)
            line.addWidget(widget, stretch, self.alignment)


def _least_width(widget: QWidget) -> int:
    return max(widget.minimumWidth(), widget.minimumSizeHint().width())
