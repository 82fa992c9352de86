"""Correct the words of a note search match (Ctrl+F, then Enter or "Correct the words…" on a match).

A typo, or a name that should not be in the team's record (what is left to put right by hand after a member's data
is erased), can be corrected in an ended session's notes, a learning point or parked item, what was said when an
issue was raised, an issue's title and resolution, an action (open or closed) and an escalation's outcome, through
:func:`copdesk.services.corrections.correct_words`. The identifier warning looks at the words as soon as they open,
so a name, an NHS number, a postcode or a date of birth in them is pointed out, and one click takes it out.

Nothing typed is lost by accident: a refusal keeps the dialog open with the words (Save again is the retry), and
Cancel or Esc with a correction typed asks before leaving it. The words found are what is corrected: changed
elsewhere since the search, they are refused (:func:`~copdesk.services.corrections.correct_words`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from copdesk.core.dates import format_uk
from copdesk.core.input_limits import MAX_ISSUE_TITLE_CHARACTERS, MAX_ITEM_CHARACTERS, MAX_OUTCOME_CHARACTERS
from copdesk.core.model import TextSource
from copdesk.services.corrections import correct_words
from copdesk.store.search import NoteHit
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_correct_words import Ui_CorrectWordsDialog
from copdesk.views.widgets.forms import leaving_typed_words, name_standard_buttons
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.typed_words import TypedWords

_MOST = {
    TextSource.NOTE: None,  # a session's notes: up to the size of a note
    TextSource.ISSUE_TITLE: MAX_ISSUE_TITLE_CHARACTERS,
    TextSource.ESCALATION: MAX_OUTCOME_CHARACTERS,
}
DISCARD_QUESTION = "Leave without saving the correction? The words stay as they were."


class CorrectWordsDialog(QDialog):
    def __init__(self, context: AppContext, hit: NoteHit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CorrectWordsDialog()
        self.ui.setupUi(self)
        self.context, self.hit = context, hit
        self.saved: str | None = None
        ui = self.ui
        ui.headingLabel.setText(f"{format_uk(hit.session_date)} · {hit.team_name} · {hit.where}")
        self.words_edit, self.message = ui.wordsEdit, ui.messageLabel
        most = _MOST.get(hit.source, MAX_ITEM_CHARACTERS)
        if hit.source is TextSource.RESOLUTION:  # one written before resolutions had a limit may stay as long
            most = max(MAX_OUTCOME_CHARACTERS, len(hit.text))
        self.words_edit.max_characters = most
        self.words_edit.setPlainText(hit.text)
        self.words_edit.refused.connect(lambda problem: show_message(self.message, problem, error=True))
        self.identifier_warning = IdentifierWarning(self.words_edit)  # never blocks: the words still save
        ui.mainLayout.insertWidget(ui.mainLayout.indexOf(ui.hintLabel), self.identifier_warning)
        self.identifier_warning.check_now()  # what is there already: the reason to correct it, often
        show_message(self.message, "", error=False)
        name_standard_buttons(ui.buttonBox)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        self.words_edit.installEventFilter(self)  # Ctrl+Enter saves: the editor would take it as a new line
        self.save_button = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        self.words_edit.setFocus()
        self.resize(620, 360)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.words_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

    def changed(self) -> bool:
        return self.words_edit.toPlainText() != self.hit.text

    def typed_words(self) -> TypedWords | None:
        """A correction typed and not saved (:mod:`copdesk.views.widgets.typed_words`)."""
        if not self.changed():
            return None
        where = f"Correct the words: {self.hit.where}, {format_uk(self.hit.session_date)} · {self.hit.team_name}"
        return TypedWords(where, self.words_edit.toPlainText())

    def accept(self) -> None:
        """Save the words; a refusal is said here, with the words kept, and Save again is the retry."""
        typed, hit, context = self.words_edit.toPlainText(), self.hit, self.context
        try:
            saved = context.writes.run(
                lambda: correct_words(context.db, hit.source, hit.row_id, typed, context.now(), was=hit.text)
            )
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if saved is None:
            show_message(self.message, context.writes.message, error=True)
            return
        self.saved = saved.value
        super().accept()

    def reject(self) -> None:
        """Cancel, Esc or the close button: a correction typed is only left behind when the facilitator says so."""
        if self.changed() and not leaving_typed_words(self, "Correct the words", DISCARD_QUESTION):
            return
        super().reject()
