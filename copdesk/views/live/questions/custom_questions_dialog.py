"""The facilitator's own questions: add, edit, hide, and move them in and out as TOML decks.

Only custom questions are listed here: the masterclass's bank is read-only, so nothing in CoPDesk
offers to edit it. Custom questions are saved in the database, never in the shipped folder, so they
survive upgrades. The form saves on *Save* (Ctrl+S), and on moving to another question or closing
when what is typed is valid; when it is not, the dialog stays put and says why, so nothing typed is
dropped without *Revert*. Deck parsing and checks live in ``core``; this module only picks files.
"""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QWidget,
)

from copdesk.core.custom_questions import (
    as_custom,
    check_custom_deck,
    custom_key,
    for_export,
    new_uid,
    uid_of,
)
from copdesk.core.picker import QuestionFilter
from copdesk.core.question_bank import Bank, DeckError, Question, deck_to_toml, read_deck
from copdesk.output import OutputError, save_text
from copdesk.services import questions
from copdesk.store import questions as store
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_custom_questions import Ui_CustomQuestionsDialog
from copdesk.views.live.questions.question_model import EVERYTHING, QuestionItemDelegate, QuestionListModel
from copdesk.views.widgets.typed_words import TypedWords
from copdesk.views.write_guard import KEPT_TYPED

ALL_CATEGORIES = "All your categories"
DECK_FILTER = "Question decks (*.toml);;All files (*)"


class CustomQuestionsDialog(QDialog):
    changed = Signal()  # something was saved, hidden or imported: the picker reloads its pool

    def __init__(self, context: AppContext, bank: Bank, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.bank = bank
        self.rng = random.Random()
        self.rows: dict[str, store.CustomQuestionRow] = {}
        self.editing_uid: str | None = None
        self._selecting = False
        self.ui = Ui_CustomQuestionsDialog()
        self.ui.setupUi(self)
        self.model = QuestionListModel()
        self._build_list()
        self._build_form()
        self._build_buttons()
        self.message_frame, self.message_label = self.ui.messageFrame, self.ui.customQuestionsMessage
        self.message_frame.hide()
        self.reload()
        self.new_question()

    # -- construction -------------------------------------------------------------------------
    def _build_list(self) -> None:
        ui = self.ui
        self.category_filter, self.list_view, self.empty_label = ui.categoryFilter, ui.customQuestionList, ui.emptyLabel
        self.new_button, self.hide_button = ui.newButton, ui.hideButton
        self.category_filter.currentIndexChanged.connect(self._filter_changed)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(QuestionItemDelegate(self.list_view))
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.new_button.clicked.connect(self.new_question)
        self.hide_button.clicked.connect(self.toggle_hidden)

    def _build_form(self) -> None:
        ui = self.ui
        self.form, self.revert_button, self.save_button = ui.questionForm, ui.revertButton, ui.saveButton
        self.form.text_edit.refused.connect(lambda problem: self._show_message(problem, "error"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        save_key = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save_key.setWhatsThis("Your questions: save the question being edited")

    def _build_buttons(self) -> None:
        ui = self.ui
        self.import_button, self.export_button = ui.importButton, ui.exportButton
        self.import_button.clicked.connect(self._choose_import)
        self.export_button.clicked.connect(self._choose_export)
        ui.closeButton.clicked.connect(self.reject)

    # -- the list -----------------------------------------------------------------------------
    def reload(self, select_uid: str | None = None) -> None:
        rows = store.custom_questions(self.context.db, include_hidden=True)
        self.rows = {row.uid: row for row in rows}
        questions = [row.as_question() for row in rows]
        hidden = [question.id for row, question in zip(rows, questions, strict=True) if row.hidden]
        categories = list(dict.fromkeys(question.category for question in questions))
        chosen = self.category_filter.currentText()
        self.category_filter.blockSignals(True)
        self.category_filter.clear()
        self.category_filter.addItems([ALL_CATEGORIES, *categories])
        self.category_filter.setCurrentIndex(max(self.category_filter.findText(chosen), 0))
        self.category_filter.blockSignals(False)
        self.form.set_categories(categories)
        self.model.set_questions(questions, hidden=hidden)
        self._filter_changed()
        self.empty_label.setVisible(not rows)
        self._select(select_uid)

    def _filter_changed(self) -> None:
        category = self.category_filter.currentText()
        chosen = frozenset() if category in ("", ALL_CATEGORIES) else frozenset({category})
        self.model.set_filter(QuestionFilter(categories=chosen, kinds=EVERYTHING.kinds))
        self._select(self.editing_uid)

    def _select(self, uid: str | None) -> None:
        row = self.model.row_of(custom_key(uid)) if uid is not None else None
        self._selecting = True
        if row is None:
            self.list_view.clearSelection()
            self.list_view.setCurrentIndex(QModelIndex())
        else:
            self.list_view.setCurrentIndex(self.model.index(row))
        self._selecting = False
        self._update_hide_button()

    def listed_questions(self, *, include_hidden: bool = False) -> list[Question]:
        questions = [self.model.question_at(row) for row in range(self.model.rowCount())]
        return [q for q in questions if include_hidden or not self.rows[uid_of(q.id)].hidden]

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid():
            return
        uid = uid_of(self.model.question_at(current.row()).id)
        if uid == self.editing_uid:
            return
        if not self._settle():
            self._select(self.editing_uid)
            return
        self._load(uid)

    def toggle_hidden(self) -> None:
        if self.editing_uid is None or self.editing_uid not in self.rows:
            return
        uid, hidden, now = self.editing_uid, not self.rows[self.editing_uid].hidden, self.context.now()
        saved = self.context.writes.run(
            lambda: questions.set_custom_hidden(self.context.db, uid, hidden, now), key=("hide question", uid)
        )
        if saved is None:
            self._show_message(f"Not changed. {self.context.writes.message}", "error")
            return
        self.reload(self.editing_uid)
        self._show_message("Hidden: it is no longer drawn or found by search." if hidden else "Shown again.", "info")
        self.changed.emit()

    def _update_hide_button(self) -> None:
        row = self.rows.get(self.editing_uid or "")
        self.hide_button.setEnabled(row is not None)
        self.hide_button.setText("Show" if row is not None and row.hidden else "Hide")

    # -- the form -----------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """Whether the form holds what is not saved: an edit typed back as it was is none."""
        return self.form.is_changed()

    def new_question(self) -> None:
        if not self._settle():
            return
        self._blank()

    def _blank(self) -> None:
        self.editing_uid = None
        category = self.category_filter.currentText()
        self.form.fill(None, category=category if category != ALL_CATEGORIES else "")
        self._select(None)
        self.form.text_edit.setFocus()

    def _load(self, uid: str) -> None:
        self.editing_uid = uid
        self.form.fill(self.rows[uid].as_question())
        self._update_hide_button()

    def typed_words(self) -> TypedWords | None:
        """A question written or changed and not saved (:mod:`copdesk.views.widgets.typed_words`)."""
        if not self.dirty or self.form.is_blank():
            return None
        return TypedWords(self.windowTitle(), self.form.typed_lines())

    def save(self) -> bool:
        try:
            question = self.form.draft(self.editing_uid or new_uid(self.rows, self.rng), self.bank)
        except DeckError as exc:
            self._show_message(f"Not saved. {exc}", "error")
            return False
        hidden = self.rows[uid_of(question.id)].hidden if uid_of(question.id) in self.rows else False
        now = self.context.now()
        saved = self.context.writes.run(
            lambda: questions.save_custom_question(self.context.db, question, now, hidden=hidden),
            key=("custom question", uid_of(question.id)),
            kept=KEPT_TYPED,
        )
        if saved is None:
            self._show_message(f"Not saved. {self.context.writes.message}", "error")
            return False
        self.editing_uid = uid_of(question.id)
        self.reload(self.editing_uid)
        self._load(self.editing_uid)
        self._show_message("Saved.", "info")
        self.changed.emit()
        return True

    def revert(self) -> None:
        if self.editing_uid is not None and self.editing_uid in self.rows:
            self._load(self.editing_uid)
        else:
            self._blank()
        self.message_frame.hide()

    def _settle(self) -> bool:
        """Before leaving the form: save what was typed; a new question left blank has nothing to keep."""
        if not self.dirty or (self.editing_uid is None and self.form.is_blank()):
            return True
        return self.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._settle():
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        """Esc, Close and the window's close button all come here, so none of them drops what is typed."""
        if self._settle():
            super().reject()

    # -- decks --------------------------------------------------------------------------------
    def _choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import a question deck", "", DECK_FILTER)
        if path:
            self.import_deck(Path(path))

    def import_deck(self, path: Path) -> bool:
        """All of the deck or none of it: any problem is named, and the database is left as it was."""
        try:
            checked = check_custom_deck(read_deck(path), self.bank, origin=path.name)
        except DeckError as exc:
            self._show_message(f"Nothing was imported. {exc}", "error")
            return False
        deck, now = [as_custom(q) for q in checked], self.context.now()
        imported = self.context.writes.run(
            lambda: questions.import_custom_questions(self.context.db, deck, now), key=("import deck", str(path))
        )
        if imported is None:
            self._show_message(f"Nothing was imported. {self.context.writes.message}", "error")
            return False
        counts = imported.value
        self.reload(self.editing_uid)
        self._show_message(
            f"Imported {len(checked)} from {path.name}: {counts.added} new, {counts.updated} updated, "
            f"{counts.unchanged} unchanged.",
            "info",
        )
        self.changed.emit()
        return True

    def _choose_export(self) -> None:
        category = self.category_filter.currentText()
        name = "my-questions.toml" if category == ALL_CATEGORIES else f"{category}.toml"
        path, _ = QFileDialog.getSaveFileName(self, "Export your questions", name, DECK_FILTER)
        if path:
            self.export_deck(Path(path))

    def export_deck(self, path: Path) -> bool:
        """The listed questions that are not hidden, written whole or not at all (QSaveFile)."""
        questions = self.listed_questions()
        if not questions:
            self._show_message("There is nothing to export: no question of yours is listed and shown.", "error")
            return False
        header = (
            f"CoPDesk question deck: {len(questions)} questions of your own, exported "
            f"{self.context.now().date().isoformat()}.\nImport it in CoPDesk: Questions, Your questions…, Import deck…"
        )
        try:
            save_text(path, deck_to_toml(for_export(questions), header=header))
        except (OutputError, DeckError) as exc:
            self._show_message(f"Not exported. {exc}", "error")
            return False
        self._show_message(f"Exported {len(questions)} questions to {path}.", "info")
        return True

    def _show_message(self, text: str, level: str) -> None:
        self.message_frame.setProperty("banner", level)
        self.message_frame.style().unpolish(self.message_frame)
        self.message_frame.style().polish(self.message_frame)
        self.message_label.setText(text)
        self.message_frame.show()
