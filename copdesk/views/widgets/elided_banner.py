"""A banner held to a few lines, for a pane whose height is fixed by its place on the screen.

The message wraps at words onto at most ``lines`` lines; past them it ends in "…", and the whole message is the
banner's tooltip and accessible description. :meth:`ElidedBanner.reserved_height` is the most it can ever take,
so a pane can count it in its minimum height and showing the banner never moves a splitter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from copdesk.views.widgets.banner import Action, Banner
from copdesk.views.widgets.labels import elide_words


def wrap_and_elide(text: str, metrics: QFontMetrics, width: int, lines: int) -> str:
    """``text`` wrapped at spaces to ``width`` pixels on at most ``lines`` lines, the last ending in "…" if cut."""
    shown: list[str] = []
    words = text.split()
    while words and len(shown) < lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        shown.append(line)
    if words:
        shown.append(elide_words(" ".join(words), metrics, width))
    return "\n".join(shown)


def _height(widget: QWidget) -> int:
    """A widget's height in a row: its fixed height when it has one, else what it asks for."""
    fixed = widget.minimumHeight() == widget.maximumHeight()
    return widget.maximumHeight() if fixed else widget.sizeHint().height()


class ElidedBanner(Banner):
    def __init__(self, level: str, *, lines: int = 1) -> None:
        super().__init__(level)
        self.lines = lines
        self._message = ""
        if (row := self.layout()) is not None:
            row.setContentsMargins(10, 2, 4, 2)  # slimmer than a page banner: it sits in a pane
        side = self.label.fontMetrics().lineSpacing() + 4
        self.close_button.setObjectName("paneBannerClose")  # the stylesheet drops its padding: one line high
        self.close_button.setFixedSize(side, side)
        self.label.setWordWrap(False)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_message(self, text: str, actions: Sequence[Action] = ()) -> None:
        self._message = text
        super().show_message(text, actions)
        self.setToolTip(text)
        self._fit()

    def message(self) -> str:
        """The whole message, however much of it is in view."""
        return self._message

    def reserved_height(self) -> int:
        """The banner's height with its message on every line it may take (the buttons beside may be taller)."""
        beside = [self.close_button, *self.buttons()]
        buttons = max((_height(b) for b in beside if not b.isHidden()), default=0)
        row = max(self.label.minimumSizeHint().height(), buttons)
        every_line = max(self.lines * self.label.fontMetrics().lineSpacing(), buttons)
        return self.minimumSizeHint().height() - row + every_line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        text = wrap_and_elide(self._message, self.label.fontMetrics(), max(self.label.width(), 40), self.lines)
        if text != self.label.text():
            self.label.setText(text)
