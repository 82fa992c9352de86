"""A plain-text editor that takes a 1 MB paste smoothly and refuses anything larger.

The limit is :data:`copdesk.core.input_limits.MAX_NOTE_BYTES`. A refused paste changes nothing and
emits :attr:`BoundedPlainTextEdit.refused` with a one-line message for the host to show (a banner),
so an accidental paste of a whole document never freezes the window in the middle of a meeting.

Qt's word wrapping searches each line for a word boundary, and on a long run of text without spaces
(a pasted link list, an encoded attachment) that costs seconds per hundred kilobytes: a 1 MB run takes
a minute. Such text is wrapped anywhere instead, which takes a fraction of a second; ordinary notes
keep wrapping at word boundaries.

``minimum_lines`` keeps room to type however crowded the window gets: the editor's minimum height is that
many lines of its current font, so a layout (or a splitter) cannot squeeze it to a slit.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QMimeData, QSize, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from copdesk.core.input_limits import size_problem, utf8_size

LONGEST_WORD_WRAPPED = 5000  # characters without whitespace; wrapping a run this long at words is still quick
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD_WRAPPED + 1}}}")


class BoundedPlainTextEdit(QPlainTextEdit):
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, minimum_lines: int = 0) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.minimum_lines = minimum_lines

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        lines = self.fontMetrics().lineSpacing() * self.minimum_lines
        height = lines + 2 * self.document().documentMargin() + 2 * self.frameWidth() if lines else 0
        return QSize(hint.width(), max(hint.height(), math.ceil(height)))

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            incoming = source.text()
            selected = self.textCursor().selectedText()
            size = utf8_size(self.toPlainText()) - utf8_size(selected) + utf8_size(incoming)
            if message := size_problem(size):
                self.refused.emit(message)
                return
            if _LONG_RUN.search(incoming):
                self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        super().insertFromMimeData(source)

    def setPlainText(self, text: str) -> None:
        """Replace the whole text (a session loaded), choosing the wrapping it can afford first."""
        long_run = _LONG_RUN.search(text) is not None
        self.setWordWrapMode(
            QTextOption.WrapMode.WrapAnywhere if long_run else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        super().setPlainText(text)
