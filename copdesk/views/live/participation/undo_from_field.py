"""Ctrl+Z right after *Same issue again* takes the marker back, as it does after any other marker.

That marker hands the focus to the notes' Issue field, ready to type or choose the issue raised again, so Ctrl+Z
would be the empty field's and do nothing. Until the next key is pressed there (or the focus moves on), Ctrl+Z in
that field is the pane's Undo; any other key, typing or Enter to link an issue, leaves Ctrl+Z to the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

_MODIFIERS = (Qt.Key.Key_Control, Qt.Key.Key_Shift, Qt.Key.Key_Alt, Qt.Key.Key_Meta, Qt.Key.Key_AltGr)


class UndoFromField(QObject):
    def __init__(self, undo: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._undo = undo
        self._field: QLineEdit | None = None

    def watch(self, field: QWidget | None) -> None:
        """``field``, where the marker just put the focus, hands its next Ctrl+Z to the pane while it is empty."""
        self.let_go()
        if isinstance(field, QLineEdit) and not field.text():
            self._field = field
            field.installEventFilter(self)

    def let_go(self) -> None:
        if self._field is not None:
            self._field.removeEventFilter(self)
            self._field = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field:
            if event.type() == QEvent.Type.FocusOut:
                self.let_go()
            elif (
                event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() not in _MODIFIERS
            ):
                self.let_go()
                if event.matches(QKeySequence.StandardKey.Undo):
                    self._undo()
                    return True
        return super().eventFilter(watched, event)
