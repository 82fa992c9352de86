"""A plain-text editor that takes a 1 MB paste smoothly and refuses anything larger.

The limit is :data:`copdesk.core.input_limits.MAX_NOTE_BYTES`, or ``max_characters`` for a field that holds less
(an escalation's outcome, a question of your own, a self-assessment heading): there a paste that would take it
over is refused as it comes, not at Save after the window has laid the whole paste out. A refused paste changes
nothing and emits :attr:`BoundedPlainTextEdit.refused` with a one-line message for the host to show (a banner, a
dialog's message line), so an accidental paste of a whole document never freezes the window.

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

    def __init__(
        self, parent: QWidget | None = None, *, minimum_lines: int = 0, max_characters: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.minimum_lines = minimum_lines
        self.max_characters = max_characters  # set after ``setupUi`` for a form's field

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        lines = self.fontMetrics().lineSpacing() * self.minimum_lines
        height = lines + 2 * self.document().documentMargin() + 2 * self.frameWidth() if lines else 0
        return QSize(hint.width(), max(hint.height(), math.ceil(height)))

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            incoming = source.text()
            selected = self.textCursor().selectedText()
            if message := self._too_long(self.toPlainText(), selected, incoming):
                self.refused.emit(message)
                return
            if _LONG_RUN.search(incoming):
                self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        super().insertFromMimeData(source)

    def _too_long(self, text: str, selected: str, incoming: str) -> str | None:
        if self.max_characters is None:
            return size_problem(utf8_size(text) - utf8_size(selected) + utf8_size(incoming))
        length = len(text) - len(selected) + len(incoming)
        if length <= self.max_characters:
            return None
        return (
            f"That paste would make it {length:,} characters long, over the {self.max_characters:,} it holds. "
            "Nothing was added: paste a shorter extract."
        )

    def setPlainText(self, text: str) -> None:
        """Replace the whole text (a session loaded), choosing the wrapping it can afford first."""
        long_run = _LONG_RUN.search(text) is not None
        self.setWordWrapMode(
            QTextOption.WrapMode.WrapAnywhere if long_run else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
        )
        super().setPlainText(text)
