"""A row of buttons that say less when the window is too narrow for their whole words.

A 1024-wide window gave the Live page's rows of buttons less room than their words need, and Qt cut them inside a
word ("ext questic", "N…t"). Here a button may have a shorter caption ("Next" for "Next question", or none at all
beside its icon): while the row is narrower than its buttons need with their whole words, they show the short ones.
Their accessible names and tooltips keep the whole words, and their keys are unchanged.

A caption is looked up from what the button says, so a button whose text is set again (a tool button that follows
its action, "Asked ✓" after "Mark as asked") is shortened again as the row lays itself out. The row asks for the
width of the whole words (its size hint and its minimum), so a splitter gives it that room wherever the window has
it, as before; only a window too small for every pane's minimum squeezes it, and then its buttons say less.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLayout, QLineEdit, QWidget


class ShortCaptionRow(QWidget):
    """Widgets in a row; a button added with ``short`` (its short caption for each thing it may say in full) shows
    it while the row is too narrow for the whole words of every button, and a text field its short placeholder."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the minimum is minimumSizeHint's
        self.captions: dict[QAbstractButton | QLineEdit, dict[str, str]] = {}

    def add(self, widget: QWidget, stretch: int = 0, *, short: Mapping[str, str] | None = None) -> None:
        self.row.addWidget(widget, stretch)
        if short is not None and isinstance(widget, QAbstractButton | QLineEdit):
            self.captions[widget] = dict(short)

    def whole(self, widget: QAbstractButton | QLineEdit) -> str:
        text = _words(widget)
        return next((full for full, short in self.captions[widget].items() if short == text), text)

    def whole_width(self) -> int:
        """The least width the row needs with every button showing its whole words."""
        least = self.row.minimumSize().width()
        for widget in self.captions:
            if isinstance(widget, QAbstractButton) and widget.isVisibleTo(self):
                metrics = widget.fontMetrics()
                least += metrics.horizontalAdvance(self.whole(widget)) - metrics.horizontalAdvance(widget.text())
        return least

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.whole_width()), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.whole_width(), super().minimumSizeHint().height())

    def fit(self) -> None:
        short = self.width() < self.whole_width()
        for widget, shorter in self.captions.items():
            whole = self.whole(widget)
            wanted = shorter.get(whole, whole) if short else whole
            if _words(widget) != wanted:
                if isinstance(widget, QLineEdit):
                    widget.setPlaceholderText(wanted)
                else:
                    widget.setText(wanted)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # a button's text was set again: shorten it again
            self.fit()
        return super().event(event)


def _words(widget: QAbstractButton | QLineEdit) -> str:
    """What a button says, or what a text field says while empty."""
    return widget.placeholderText() if isinstance(widget, QLineEdit) else widget.text()
