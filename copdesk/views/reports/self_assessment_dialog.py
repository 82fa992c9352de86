"""Reports ▸ Write the self-assessment…: the facilitator's own words for a quarter, under CoPDesk's headings.

The masterclass has the Social Work Consultant "Oversee quarterly CoP self-assessments and action/ respond to
relevant feedback"; the assessment itself is the facilitator's, so the exported report opens with these words and
the feedback's summary, and the figures follow as evidence. Texts are saved on Save, and before the quarter
shown changes, through the window's write guard, so no word is lost to a change of mind about the quarter.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.feedback import MAX_ASSESSMENT_LENGTH, FeedbackError, summarise
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Team
from copdesk.core.quarterly import parse_quarter, quarter_label
from copdesk.services.feedback import save_self_assessment
from copdesk.store.feedback import quarter_feedback, self_assessment
from copdesk.views.context import AppContext
from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit
from copdesk.views.widgets.forms import unsaved_settled
from copdesk.views.widgets.labels import hint_label, message_label, show_message
from copdesk.views.widgets.typed_words import TypedWords, rereads
from copdesk.views.write_guard import KEPT_TYPED


class SelfAssessmentDialog(QDialog):
    def __init__(self, context: AppContext, team: Team, quarters: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfAssessmentDialog")
        self.setWindowTitle(f"Self-assessment: {team.name}")
        self.context = context
        self.team = team
        texts = shipped_texts().self_assessment
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                f"{texts.role.shown()} ({texts.role.credit()}). This is your own assessment, for the Social Work "
                "Consultant: the exported report opens with it and the feedback's summary, then the figures. "
                "The headings are CoPDesk's."
            )
        )
        form = QFormLayout()
        # Each heading above its box: beside them, the long headings left the boxes a sliver of the width.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.quarter_combo = QComboBox()
        self.quarter_combo.setAccessibleName("Quarter")
        for quarter in quarters:
            self.quarter_combo.addItem(quarter_label(quarter), quarter)
        self.quarter_combo.setCurrentIndex(min(1, len(quarters) - 1))  # the quarter just finished
        form.addRow("&Quarter", self.quarter_combo)
        self.feedback_label = QLabel()
        self.feedback_label.setObjectName("quarterFeedback")
        self.feedback_label.setWordWrap(True)
        form.addRow("Feedback", self.feedback_label)
        self.editors: dict[str, BoundedPlainTextEdit] = {}
        self._headings = {key: heading.text for key, heading in texts.headings}
        self._stored: dict[str, str] = {}  # the quarter's texts as they are saved
        for key, heading in texts.headings:
            editor = BoundedPlainTextEdit(max_characters=MAX_ASSESSMENT_LENGTH)
            editor.setAccessibleName(heading.text)
            editor.setTabChangesFocus(True)
            editor.setFixedHeight(72)
            self.editors[key] = editor
            form.addRow(QLabel(heading.text), editor)
        layout.addLayout(form)
        self.message = message_label()
        self.message.hide()
        layout.addWidget(self.message)
        for editor in self.editors.values():
            editor.refused.connect(lambda problem: show_message(self.message, problem, error=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.save_and_close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._shown_quarter = self.quarter
        self._load()
        self.quarter_combo.currentIndexChanged.connect(self._quarter_changed)
        self.resize(720, self.sizeHint().height())

    @property
    def quarter(self) -> str:
        return str(self.quarter_combo.currentData())

    def texts(self) -> dict[str, str]:
        return {key: editor.toPlainText() for key, editor in self.editors.items()}

    def typed_words(self) -> TypedWords | None:
        """The headings' words typed and not saved (:mod:`copdesk.views.widgets.typed_words`)."""
        changed = [(key, text) for key, text in self.texts().items() if text != self._stored.get(key, "")]
        if not changed:
            return None
        words = "\n\n".join(f"{self._headings[key]}\n{text}" for key, text in changed)
        return TypedWords(f"{self.windowTitle()}, {quarter_label(self._shown_quarter)}", words)

    def save(self) -> bool:
        """Keep the words for the quarter shown; too long a text (or a pasted control character) is refused."""
        quarter, texts = self._shown_quarter, self.texts()
        if any(len(text) > MAX_ASSESSMENT_LENGTH for text in texts.values()):
            show_message(self.message, f"Keep each heading to {MAX_ASSESSMENT_LENGTH} characters.", error=True)
            return False
        try:
            saved = self.context.writes.run(
                lambda: save_self_assessment(self.context.db, self.team.id, quarter, texts, self.context.now()),
                retry=self.save,
                key=("self-assessment", self.team.id, quarter),
                kept=KEPT_TYPED,
                words=rereads(self),
            )
        except FeedbackError as error:
            show_message(self.message, str(error), error=True)
            return False
        if saved is None:
            show_message(self.message, "Not saved yet: the banner says why. Your words are still here.", error=True)
            return False
        self._stored = texts
        show_message(self.message, f"Saved for {quarter_label(quarter)}.", error=False)
        return True

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    def reject(self) -> None:
        """Cancel, Esc or the title bar: words typed and not saved are offered for saving first, never dropped
        unasked (Esc is pressed out of habit, and a quarter's assessment is paragraphs)."""
        question = f"Save what you wrote for {quarter_label(self._shown_quarter)}?"
        if self.typed_words() is not None and not unsaved_settled(self, "Unsaved self-assessment", question, self.save):
            return
        super().reject()

    def _quarter_changed(self) -> None:
        if not self.save():  # the words stay, and so does the quarter they belong to
            self.quarter_combo.blockSignals(True)
            self.quarter_combo.setCurrentIndex(self.quarter_combo.findData(self._shown_quarter))
            self.quarter_combo.blockSignals(False)
            return
        self._shown_quarter = self.quarter
        self._load()

    def _load(self) -> None:
        written = self_assessment(self.context.db, self.team.id, self.quarter)
        self._stored = {key: written.get(key, "") for key in self.editors}
        for key, editor in self.editors.items():
            editor.setPlainText(self._stored[key])
        first, last = parse_quarter(self.quarter)
        summary = summarise(quarter_feedback(self.context.db, self.team.id, first, last))
        self.feedback_label.setText(summary.in_words())
