"""The questions closing the window (or Ctrl+Q) can ask.

First, if something typed or done could not be saved (another program holds the file, the disk is full), whether
to keep the window open for Retry or to close anyway: closing never drops words unasked, and the session's notes
are kept in a file of their own when they can be (:mod:`copdesk.store.kept_notes`).

Then, while a session is live, what should happen to it. Ending it is the End button's path (summary included).
Keeping it live closes the window with everything already saved (after "close anyway", the notes as the first
question said), and the session is offered for resume at the next start, where the time CoPDesk was closed can be
counted. Cancel leaves everything as it was.

Both are window-modal (``open()``), never a nested event loop: a SIGTERM while one is up still quits at once (the
window is closed without asking, the session kept live).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from copdesk.core.text import listed
from copdesk.store.location import shown
from copdesk.views.widgets.forms import MessageBox

CLOSE_QUESTION = "A session is still live"
UNSAVED_QUESTION = "Not everything is saved"
# Why the window will not let its data go unasked (the demo, a restore: WindowClosing.may_let_go).
CHANGE_WAITING = (
    "A change you made is still waiting to be saved (the message at the top of the window says which). Press Retry "
    "there until it is saved, then try again."
)
NOTES_NOT_KEPT = (
    "The session's notes would not save, nor go in a file ({why}). They are still in the Notes pane: press Retry "
    "there until they save, or copy them somewhere safe, then try again."
)


def not_added_warning(items: list[str], consequence: str) -> str:
    """The sentence for quick items typed but not added (:meth:`LiveSession.typed_not_added`), with what would
    happen to them: a question that ends or closes never drops them unsaid."""
    one = len(items) == 1
    it, its = ("it", "its tab") if one else ("them", "their tabs")
    return f"Not added yet: {listed(items)}. {consequence.format(it=it)}: Cancel, then add {it} in {its}."


class CloseChoice(Enum):
    END = "end"
    END_WHEN_LAST_USED = "end when last used"
    KEEP_LIVE = "keep-live"
    CANCEL = "cancel"


class CloseQuestion(MessageBox):
    chosen = Signal(object)  # CloseChoice

    def __init__(
        self, parent: QWidget, *, notes_saved: bool, not_added: list[str], earlier: tuple[str, str] | None = None
    ) -> None:
        """``earlier``: for a session left running (:mod:`copdesk.core.idle_end`), the time it was last in use and
        what each end means; ending is then offered at that time as well as now, as the End question offers it."""
        super().__init__(
            QMessageBox.Icon.Question, CLOSE_QUESTION, CLOSE_QUESTION, QMessageBox.StandardButton.NoButton, parent
        )
        self.setObjectName("closeQuestion")
        if not notes_saved:
            about = (
                "Close CoPDesk and leave it live: it is offered to resume next time, and the notes that could not "
                "be saved are as the last question said. It can end only once its notes are saved (Retry)."
            )
        elif not_added:
            about = (
                "End it now and see its summary, or close CoPDesk and leave it live: it is offered to resume next "
                "time. Notes typed so far are saved either way."
            )
        else:
            about = (
                "End it now and see its summary, or close CoPDesk and leave it live: everything is saved, "
                "and it is offered to resume next time. Notes typed so far are saved either way."
            )
        if earlier is not None:
            about += "\n\n" + earlier[1]
        if not_added:
            about += "\n\n" + not_added_warning(not_added, "Either choice leaves {it} out")
        self.setInformativeText(about)
        self.earlier_button = None
        if earlier is not None:
            self.earlier_button = self.addButton(f"&End at {earlier[0]}", QMessageBox.ButtonRole.DestructiveRole)
        now = "&End the session now" if earlier is None else "End the session &now"  # E is the earlier end's then
        self.end_button = self.addButton(now, QMessageBox.ButtonRole.DestructiveRole)
        self.keep_button = self.addButton("&Keep it live and close", QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName("Cancel: keep the window open")
        # Enter keeps it live, unless that would drop an item typed but not added.
        self.setDefaultButton(self.cancel_button if not_added else self.keep_button)
        self.setEscapeButton(self.cancel_button)
        self.finished.connect(self._finished)

    def _finished(self) -> None:
        clicked = self.clickedButton()
        choice = (
            CloseChoice.END_WHEN_LAST_USED
            if clicked is not None and clicked is self.earlier_button
            else CloseChoice.END
            if clicked is self.end_button
            else CloseChoice.KEEP_LIVE
            if clicked is self.keep_button
            else CloseChoice.CANCEL
        )
        self.chosen.emit(choice)


class UnsavedQuestion(MessageBox):
    """``close_anyway`` once the facilitator chooses to close with something unsaved; keeping the window open is
    the default, and what Escape does.

    ``kept`` is the file the session's notes were kept in (:meth:`NotesPanel.keep_at_close`), and ``not_kept``
    why they could not be, with ``kept_before`` the file that still holds them as they were kept at an earlier
    question, if one does: the question says which, so closing loses words only when the facilitator has read which.
    """

    close_anyway = Signal()

    def __init__(
        self,
        parent: QWidget,
        *,
        kept: Path | None = None,
        not_kept: str | None = None,
        kept_before: Path | None = None,
    ) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            UNSAVED_QUESTION,
            UNSAVED_QUESTION,
            QMessageBox.StandardButton.NoButton,
            parent,
        )
        self.setObjectName("unsavedQuestion")
        cause = (
            "CoPDesk could not save some of what you typed or did: the message above the notes, or under the "
            "header, says why and offers Retry. Keep the window open and retry once the cause is fixed"
        )
        if kept is not None:
            text = (
                f"{cause}. Meanwhile the session's notes, as typed, are kept in {shown(kept)}, and the next start "
                "points to them. Closing now keeps them there, and loses anything else not yet saved."
            )
            close_caption = "&Close, notes kept in the file"
        elif not_kept is not None and kept_before is not None:
            text = (
                f"{cause}. The notes could not be kept in a file again ({not_kept}): {shown(kept_before)} holds them "
                "as they were when CoPDesk last kept them, without what you typed since. Copy what you typed since "
                "somewhere safe before you close: closing now loses it."
            )
            close_caption = "Close and &lose the newest"
        elif not_kept is not None:
            text = (
                f"{cause}. The notes could not be kept in a file either ({not_kept}): copy them somewhere safe "
                "before you close. Closing now loses them."
            )
            close_caption = "Close and &lose them"
        else:
            text = f"{cause} (or copy what you typed somewhere safe). Closing now loses it."
            close_caption = "Close and &lose it"
        self.setInformativeText(text)
        self.keep_button = self.addButton("&Keep the window open", QMessageBox.ButtonRole.RejectRole)
        self.close_button = self.addButton(close_caption, QMessageBox.ButtonRole.DestructiveRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)
        self.finished.connect(self._finished)

    def _finished(self) -> None:
        if self.clickedButton() is self.close_button:
            self.close_anyway.emit()
