"""A banner held to a few lines, for a pane whose height is fixed by its place on the screen.

The message wraps at words onto at most ``lines`` lines; past them it ends in "…", and the whole message is the
banner's tooltip and accessible description. :meth:`ElidedBanner.reserved_height` is the most it can ever take,
so a pane can count it in its minimum height and showing the banner never moves a splitter.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QSizePolicy

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
        """The banner's height, which is the same whatever its message: its label is always ``lines`` lines high."""
        self._hold_lines()
        return self.minimumSizeHint().height()

    def _hold_lines(self) -> None:
        """Keep the label as high as ``lines`` lines of its font (known once the stylesheet has polished it)."""
        self.label.ensurePolished()
        block = "\n".join(["Ag"] * self.lines)  # measured as the label measures its text, line by line
        height = self.label.fontMetrics().boundingRect(QRect(0, 0, 10_000, 10_000), 0, block).height()
        if self.label.minimumHeight() != height or self.label.maximumHeight() != height:
            self.label.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        self._hold_lines()
        text = wrap_and_elide(self._message, self.label.fontMetrics(), max(self.label.width(), 40), self.lines)
        if text != self.label.text():
            self.label.setText(text)
