"""The form for one of the facilitator's own questions: every field a deck entry has that is worth typing.

It only holds and checks what is typed (through ``core.custom_questions.draft_question``); saving,
and what to do with unsaved text, belong to the dialog around it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QCheckBox, QWidget

from copdesk.core.custom_questions import DEFAULT_MODEL, DEFAULT_SOURCE, MAX_TEXT_LENGTH, custom_key, draft_question
from copdesk.core.question_bank import Bank, PromptPhase, Question, QuestionKind
from copdesk.views.forms.ui_custom_question_form import Ui_CustomQuestionForm
from copdesk.views.widgets.typed_words import field_lines

KIND_CHOICES = (
    (QuestionKind.QUESTION, "A question to ask the group"),
    (QuestionKind.TECHNIQUE, "A listening technique"),
    (QuestionKind.TIP, "A tip for the facilitator"),
)
FUNNEL_CHOICES = ((None, "Not set"), (1, "1 · broad"), (2, "2 · in between"), (3, "3 · specific"))


class CustomQuestionForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: Question | None = None
        self._filled: tuple[object, ...] = ()  # the fields as last filled, to tell a change from an edit undone
        self.ui = Ui_CustomQuestionForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.text_edit, self.category_combo, self.model_edit = ui.textEdit, ui.categoryCombo, ui.modelEdit
        self.kind_combo, self.funnel_combo = ui.kindCombo, ui.funnelCombo
        self.caution_edit, self.source_edit = ui.cautionEdit, ui.sourceEdit
        self.text_edit.max_characters = MAX_TEXT_LENGTH  # its host shows a paste refused (``text_edit.refused``)
        self.model_edit.setPlaceholderText(DEFAULT_MODEL)
        self.source_edit.setPlaceholderText(DEFAULT_SOURCE)
        self.phase_boxes: dict[PromptPhase, QCheckBox] = {}
        previous: QWidget = self.model_edit
        for position, phase in enumerate(PromptPhase):  # one box per phase the picker knows, before the stretch
            box = QCheckBox(phase.value.capitalize())
            box.setAccessibleName(f"Offer while {phase.value}")
            self.phase_boxes[phase] = box
            ui.phasesRow.insertWidget(position, box)
            QWidget.setTabOrder(previous, box)
            previous = box
        for kind, label in KIND_CHOICES:
            self.kind_combo.addItem(label, kind)
        for level, label in FUNNEL_CHOICES:
            self.funnel_combo.addItem(label, level)

    def set_categories(self, categories: list[str]) -> None:
        """The facilitator's categories to choose from, keeping what is typed."""
        typed = self.category_combo.currentText()
        self.category_combo.clear()
        self.category_combo.addItems(categories)
        self.category_combo.setEditText(typed)

    def fill(self, question: Question | None, *, category: str = "") -> None:
        """Show a saved question, or a blank one in ``category`` (clarifying and exploring ticked)."""
        self._shown = question
        self.text_edit.setPlainText(question.text if question else "")
        self.category_combo.setEditText(question.category if question else category)
        self.model_edit.setText(question.model if question and question.model != DEFAULT_MODEL else "")
        for phase, box in self.phase_boxes.items():
            box.setChecked(phase in question.phases if question else phase is not PromptPhase.CLOSING)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(question.kind if question else QuestionKind.QUESTION))
        self.funnel_combo.setCurrentIndex(
            max(self.funnel_combo.findData(question.funnel_level if question else None), 0)
        )
        self.caution_edit.setText((question.caution or "") if question else "")
        self.source_edit.setText(question.source if question and question.source != DEFAULT_SOURCE else "")
        self._filled = self._fields()

    def _fields(self) -> tuple[object, ...]:
        return (
            self.text_edit.toPlainText(),
            self.category_combo.currentText(),
            self.model_edit.text(),
            tuple(box.isChecked() for box in self.phase_boxes.values()),
            self.kind_combo.currentData(),
            self.funnel_combo.currentData(),
            self.caution_edit.text(),
            self.source_edit.text(),
        )

    def is_changed(self) -> bool:
        """Whether a field differs from what :meth:`fill` put there (an edit typed back as it was is no change)."""
        return self._fields() != self._filled

    def is_blank(self) -> bool:
        return not self.text_edit.toPlainText().strip()

    def typed_lines(self) -> str:
        """The words the form holds, one field to a line, as a log-off keeps them in a file."""
        return field_lines(
            (
                ("Question", self.text_edit.toPlainText()),
                ("Category", self.category_combo.currentText()),
                ("Model", self.model_edit.text()),
                ("Caution", self.caution_edit.text()),
                ("Source", self.source_edit.text()),
            )
        )

    def draft(self, uid: str, shipped: Bank) -> Question:
        """What the form holds, checked, as ``custom:<uid>``; raises ``DeckError`` naming the problem.

        Fields the form does not show (signals, notes from an imported deck) are kept from the shown question.
        """
        question = draft_question(
            uid,
            text=self.text_edit.toPlainText(),
            category=self.category_combo.currentText(),
            shipped=shipped,
            model=self.model_edit.text(),
            phases=[phase for phase, box in self.phase_boxes.items() if box.isChecked()],
            kind=QuestionKind(self.kind_combo.currentData()),
            funnel_level=self.funnel_combo.currentData(),
            caution=self.caution_edit.text(),
            source=self.source_edit.text(),
        )
        kept = self._shown
        if kept is None or kept.id != custom_key(uid):
            return question
        return replace(
            question,
            signals=kept.signals,
            signal_source=kept.signal_source,
            derived_from=kept.derived_from,
            note=kept.note,
        )
