"""A "More ▾" marker over the lower right corner of a scroll area while some of what it holds lies below its view.

The question card shows whole lines: cut after one, a long question looked whole, its last line at the card's lower
edge, and only the slim scroll bar beside it said there was more (at 1366x768 under the demo's banner beside a
suggestion, the question's third line was out of view). The marker says so where the reader's eye stops, goes once
the end is in view, and a click on it scrolls on a page, less what it covered.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QToolButton


class MoreBelow(QToolButton):
    """Its area calls :meth:`place` once resized, as the view's corner moves: a filter on the view could be called
    as the area is torn down, and ask it for a view already gone."""

    def __init__(self, area: QAbstractScrollArea, what: str) -> None:
        """``what`` is what the area holds, for the marker's name and tooltip ("the question")."""
        super().__init__(area)
        self.bar, self.view = area.verticalScrollBar(), area.viewport()
        self.setObjectName("moreBelow")
        self.setText("More ▾")
        self.setAccessibleName(f"Scroll to the rest of {what}")
        self.setToolTip(f"The rest of {what} is below: scroll, or click here")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the area is the stop of the Tab chain, and scrolls by the keys
        # Its own, as a pane's slimmer buttons would win over the stylesheet's: small, over as little as it can.
        self.setStyleSheet("QToolButton { padding: 0px 6px; min-height: 0px; font-size: 9.5pt; }")
        self.bar.rangeChanged.connect(self.place)
        self.bar.valueChanged.connect(self.place)
        self.clicked.connect(self._page_on)
        self.hide()

    def place(self) -> None:
        """Shown in the view's lower right corner while the end is below the view, else hidden."""
        below = self.bar.value() < self.bar.maximum()
        if below:
            size = self.sizeHint()
            view = self.view.geometry()
            self.setGeometry(QRect(view.right() + 1 - size.width(), view.bottom() + 1 - size.height(), *size.toTuple()))
            self.raise_()
        self.setVisible(below)

    def _page_on(self) -> None:
        """On by a page less the marker's own height: the words it covered, or a line cut by the view's lower edge,
        come whole into view at the top, never scrolled past unread."""
        self.bar.setValue(self.bar.value() + max(self.bar.pageStep() - self.height(), self.bar.singleStep()))
