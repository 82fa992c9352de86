"""A plain-text editor that refuses a paste or drop that would make its note too large.

The limit is :data:`copdesk.core.input_limits.MAX_NOTE_BYTES`. A refused paste changes nothing and
emits :attr:`BoundedPlainTextEdit.refused` with a one-line message for the host to show (a banner),
so an accidental paste of a whole document never freezes the window in the middle of a meeting.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Signal
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from copdesk.core.input_limits import size_problem, utf8_size


class BoundedPlainTextEdit(QPlainTextEdit):
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            selected = self.textCursor().selectedText()
            size = utf8_size(self.toPlainText()) - utf8_size(selected) + utf8_size(source.text())
            if message := size_problem(size):
                self.refused.emit(message)
                return
        super().insertFromMimeData(source)
