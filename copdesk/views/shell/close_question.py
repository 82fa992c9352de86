"""The questions closing the window (or Ctrl+Q) can ask.

First, if the notes typed last could not be saved (another program holds the file, the disk is full), whether to
keep the window open for the banner's Retry or to close and lose them: closing never drops words unasked.

Then, while a session is live, what should happen to it. Ending it is the End button's path (summary included).
Keeping it live closes the window with everything already saved, and the session is offered for resume at the next
start, where the time CoPDesk was closed can be counted. Cancel leaves everything as it was.

Both are window-modal (``open()``), never a nested event loop: a SIGTERM while one is up still quits at once (the
window is closed without asking, the session kept live).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

CLOSE_QUESTION = "A session is still live"
UNSAVED_NOTES_QUESTION = "Your latest notes are not saved"


class CloseChoice(Enum):
    END = "end"
    KEEP_LIVE = "keep-live"
    CANCEL = "cancel"


class CloseQuestion(QMessageBox):
    chosen = Signal(object)  # CloseChoice

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            QMessageBox.Icon.Question, CLOSE_QUESTION, CLOSE_QUESTION, QMessageBox.StandardButton.NoButton, parent
        )
        self.setObjectName("closeQuestion")
        self.setInformativeText(
            "End it now and see its summary, or close CoPDesk and leave it live: everything is saved, "
            "and it is offered to resume next time. Notes typed so far are saved either way."
        )
        self.end_button = self._button("&End the session now", QMessageBox.ButtonRole.DestructiveRole)
        self.keep_button = self._button("&Keep it live and close", QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self._button("Cancel", QMessageBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName("Cancel: keep the window open")
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.cancel_button)
        self.finished.connect(self._finished)

    def _button(self, text: str, role: QMessageBox.ButtonRole) -> QPushButton:
        button = self.addButton(text, role)
        button.setAccessibleName(text.replace("&", ""))
        return button

    def _finished(self) -> None:
        clicked = self.clickedButton()
        choice = (
            CloseChoice.END
            if clicked is self.end_button
            else CloseChoice.KEEP_LIVE
            if clicked is self.keep_button
            else CloseChoice.CANCEL
        )
        self.chosen.emit(choice)


class UnsavedNotesQuestion(QMessageBox):
    """``close_anyway`` once the facilitator chooses to lose the unsaved notes; keeping the window open is the
    default, and what Escape does."""

    close_anyway = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            UNSAVED_NOTES_QUESTION,
            UNSAVED_NOTES_QUESTION,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        self.setObjectName("unsavedNotesQuestion")
        self.setInformativeText(
            "CoPDesk could not save the notes typed since the last save; the banner says why. Keep the window "
            "open and choose Retry there once the cause is fixed, or copy the notes somewhere safe first. "
            "Closing now loses them."
        )
        self.keep_button = self.addButton("&Keep the window open", QMessageBox.ButtonRole.RejectRole)
        self.lose_button = self.addButton("Close and &lose them", QMessageBox.ButtonRole.DestructiveRole)
        for button in (self.keep_button, self.lose_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.finished.connect(self._finished)

    def _finished(self) -> None:
        if self.clickedButton() is self.lose_button:
            self.close_anyway.emit()
