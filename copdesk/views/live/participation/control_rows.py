"""The participation pane's title, tools and room markers, on two lines when the pane is wide, else on three.

At 1366 wide the title, the name filter and the mode buttons share the first line, and the room's markers and the
quiet-voice setting the second. A 1024-wide window gives the pane some 470 pixels, where those lines cut their
buttons inside words ("ow energy", "Add p"): there the mode buttons take a line of their own under the title, and
the quiet-voice setting moves up beside the title, where that line has room. One line more, not two, as the pane
shares a short window's height with the timer. Every widget keeps its parent, so Tab's order never changes.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

LINE_SPACING = 8  # between the widgets of a line, as the pane's header has
LINE_GAP = 8  # between two lines, as between the pane's title and the markers under it
NARROW_LINE_GAP = 2  # between three: the buttons' own frames keep them apart, and the tiles below need every pixel


class ControlRows(QWidget):
    """``title``, ``find`` and ``modes`` over ``markers`` and ``quiet``; or, when that is too wide, ``title``,
    ``find`` and ``quiet`` over ``modes`` over ``markers``."""

    def __init__(
        self,
        title: QWidget,
        find: QWidget,
        modes: Sequence[QWidget],
        markers: QWidget,
        quiet: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title, self.find_box, self.modes, self.markers, self.quiet = title, find, tuple(modes), markers, quiet
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.top, self.middle, self.room = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for line in (self.top, self.middle, self.room):
            line.setSpacing(LINE_SPACING)
            self.column.addLayout(line)
        self.narrow = False
        self._place()

    def two_line_width(self) -> int:
        """The narrowest the pane's controls can be on two lines, each widget at its minimum width (the filter and
        Stop counted even while hidden, so showing them never moves the others)."""
        first = [self.title, self.find_box, *self.modes]
        return max(_line_width(first) + LINE_SPACING, _line_width([self.markers, self.quiet]))

    def minimumSizeHint(self) -> QSize:
        """As narrow as three lines allow, so the controls never hold the window wider than it is."""
        lines = ([self.title, self.find_box, self.quiet], list(self.modes), [self.markers])
        return QSize(max(_line_width(line) for line in lines) + LINE_SPACING, super().minimumSizeHint().height())

    def fit(self) -> None:
        """Two lines or three, for the width the pane has now and its captions (a marker's count widens it)."""
        narrow = self.width() < self.two_line_width()
        if narrow != self.narrow:
            self.narrow = narrow
            self._place()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _place(self) -> None:
        self.column.setSpacing(NARROW_LINE_GAP if self.narrow else LINE_GAP)
        for line in (self.top, self.middle, self.room):
            _empty(line)
        self.top.addWidget(self.title)
        self.top.addStretch(1)
        self.top.addWidget(self.find_box)
        tools = self.middle if self.narrow else self.top
        for widget in self.modes:
            tools.addWidget(widget)
        self.middle.addStretch(1)
        self.room.addWidget(self.markers, 1)
        (self.top if self.narrow else self.room).addWidget(self.quiet)


def _line_width(widgets: list[QWidget]) -> int:
    return sum(widget.minimumSizeHint().width() for widget in widgets) + LINE_SPACING * (len(widgets) - 1)


def _empty(line: QBoxLayout) -> None:
    """Take every widget and stretch out of ``line``, leaving the widgets where they are (their parent is kept)."""
    while line.count():
        line.takeAt(0)
