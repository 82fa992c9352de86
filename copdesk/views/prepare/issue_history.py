"""One issue's life in a dialog: every session it was raised in, the masterclass's advice once it is
flagged, its escalations, and the ways forward (escalate, record an outcome, resolve with a note); its title, and
once it is resolved how, can be corrected here too (a typo, or a name that should not be in the team's record).

Words a question refuses (empty, too long, another open issue's title) are asked for again, with why and with the
words as typed, so nothing typed is lost to a refusal."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDialog, QWidget

from copdesk.core.input_limits import MAX_ISSUE_TITLE_CHARACTERS, MAX_OUTCOME_CHARACTERS
from copdesk.core.model import TextSource
from copdesk.core.recurring import advice_text, is_flagged, raised_text
from copdesk.core.review import IssueSummary
from copdesk.services.corrections import CHANGED_SINCE, correct_words
from copdesk.services.issues import RESOLVED_MEANWHILE, resolve_issue, retitle_issue
from copdesk.store import issues
from copdesk.store.recurring import (
    issue_history,
    issue_summary,
    recurring_threshold,
    unresolved_issues,
)
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_issue_history import Ui_IssueHistoryDialog
from copdesk.views.forms.ui_issue_question import Ui_IssueQuestionDialog
from copdesk.views.live.notes.issue_models import escalation_model, escalation_rows, history_model
from copdesk.views.widgets.forms import hold_characters, may_leave, name_standard_buttons, say_when_cut
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.tables import configure_table
from copdesk.views.widgets.typed_words import TypedWords

TITLE_PROMPT = "The title, as the team will find it when it comes up again:"
RESOLVE = "&Resolve…"
CORRECT_RESOLUTION = "Correct the &resolution…"
RESOLUTION_CHANGED = (
    "The resolution was changed elsewhere while this was open: the history now shows it as it is. "
    "OK saves your words over it; Cancel keeps it."
)


LEAVE_TYPED = "Leave without saving what you typed? The issue stays as it was."


class _Question(NamedTuple):
    """One of the dialog's questions, and how its answer is saved."""

    title: str  # the question's own window title
    prompt: str
    write: Callable[[str], object]  # the service's act, given the words
    key: Hashable  # the act, for the write guard: a second answer replaces the first's Retry
    kept: str  # said with a refused write: the words are kept for Retry
    done: str
    unchanged: Callable[[str], bool] = lambda _typed: False  # the words would be stored as they are: nothing to do
    multi_line: bool = True
    most: int = MAX_OUTCOME_CHARACTERS  # characters the box holds: a paste past it is refused (or cut) at once

    def holding(self, typed: str) -> TypedWords | None:
        """The words typed, as a log-off keeps them, unless they are what is stored already."""
        return None if self.unchanged(typed) or not typed.strip() else TypedWords(f"{self.title}: {self.prompt}", typed)


class QuestionDialog(QDialog):
    """One of the history's questions on screen, in a box that holds at most what the answer may be (a title's
    line, a resolution's paragraphs): a paste that would take it over is cut (the line) or refused (the box) at once,
    with why, in place of laying out a whole document and refusing it at OK. At a log-off it holds the words typed
    in it, unless they are what is stored already (:mod:`copdesk.views.widgets.typed_words`)."""

    def __init__(self, parent: QWidget, question: _Question, label: str, typed: str) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueQuestionDialog()
        self.ui.setupUi(self)
        self.question = question
        self.setWindowTitle(question.title)
        ui = self.ui
        self.prompt_label, self.message = ui.promptLabel, ui.messageLabel
        self.words_edit, self.line_edit = ui.wordsEdit, ui.lineEdit
        self.words_edit.max_characters = question.most
        self.words_edit.refused.connect(self._say)
        hold_characters(self.line_edit, question.most)
        say_when_cut(self.line_edit, self._say)
        self.words_edit.setVisible(question.multi_line)
        self.line_edit.setVisible(not question.multi_line)
        show_message(self.message, "", error=False)
        name_standard_buttons(ui.buttonBox)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.prompt_label.setText(label)
        self.setTextValue(typed)

    def _say(self, problem: str) -> None:
        show_message(self.message, problem, error=True)

    def labelText(self) -> str:
        return self.prompt_label.text()

    def textValue(self) -> str:
        return self.words_edit.toPlainText() if self.question.multi_line else self.line_edit.text()

    def setTextValue(self, text: str) -> None:
        if self.question.multi_line:
            self.words_edit.setPlainText(text)
        else:
            self.line_edit.setText(text)

    def typed_words(self) -> TypedWords | None:
        return self.question.holding(self.textValue())

    def reject(self) -> None:
        """Esc, Cancel or the title bar: words typed here (a resolution runs to paragraphs) are left behind only
        when the facilitator says so."""
        if may_leave(self, self.typed_words(), LEAVE_TYPED):
            super().reject()


NO_ESCALATIONS = "Escalations: none yet. Escalate… asks the Practice Supervisor, the Manager or a My VIEWS form."


class IssueHistoryDialog(QDialog):
    saved = Signal()  # a change was saved, from the dialog or by Retry once it has closed: lists showing it refresh

    def __init__(
        self, context: AppContext, issue_id: int, *, session_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueHistoryDialog()
        self.ui.setupUi(self)
        self.context = context
        self.issue_id = issue_id
        self.session_id = session_id
        self.changed = False
        ui = self.ui
        self.heading, self.flag, self.flag_label = ui.headingLabel, ui.flagFrame, ui.flagLabel
        self.history_table, self.escalation_table, self.message = ui.historyTable, ui.escalationTable, ui.messageLabel
        self.escalate_button, self.outcome_button = ui.escalateButton, ui.outcomeButton
        self.resolve_button, self.title_button = ui.resolveButton, ui.titleButton
        self.resolution_view = ui.resolutionView
        QWidget.setTabOrder(self.history_table, self.resolution_view)  # the history first: the reason it is opened
        self.history = history_model(self)
        self.history_table.setModel(self.history)
        configure_table(self.history_table)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.escalations = escalation_model(self)
        self.escalation_table.setModel(self.escalations)
        configure_table(self.escalation_table)
        self.escalation_table.doubleClicked.connect(self.record_outcome)
        self.escalate_button.clicked.connect(self.escalate)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.resolve_button.clicked.connect(self.resolve_or_correct)
        self.title_button.clicked.connect(self.edit_title)
        ui.closeBox.rejected.connect(self.reject)
        name_standard_buttons(ui.closeBox)
        self.reload()

    def reload(self) -> None:
        summary = issue_summary(self.context.db, self.issue_id)
        self.summary: IssueSummary = summary
        self.setWindowTitle(f"Issue: {summary.title}")
        status = summary.status.label.lower()
        self.heading.setText(f"{summary.title}\nRaised {raised_text(summary.times_raised)}; {status}")
        self.resolution_view.setPlainText(summary.resolution or "")  # in a box of its own: it may run to paragraphs
        self.resolution_view.setVisible(summary.resolution is not None)
        self.ui.resolutionLabel.setVisible(summary.resolution is not None)
        flagged = is_flagged(summary.times_raised, summary.status, recurring_threshold(self.context.db))
        self.flag.setVisible(flagged)
        self.flag_label.setText(advice_text(summary.times_raised) if flagged else "")
        self.history.set_rows(issue_history(self.context.db, self.issue_id))
        today = self.context.now().astimezone().date()
        found = [(e, summary.title) for e in issues.escalations_for_issue(self.context.db, self.issue_id)]
        self.escalations.set_rows(escalation_rows(found, today))
        self.escalation_table.setVisible(bool(found))  # an empty table says nothing: the heading says it instead
        self.ui.escalationsHeading.setText("Escalations" if found else NO_ESCALATIONS)
        open_issue = summary.resolution is None
        self.escalate_button.setEnabled(open_issue)
        self.resolve_button.setText(RESOLVE if open_issue else CORRECT_RESOLUTION)
        what = "Resolve this issue with a note" if open_issue else "Correct the words of how this issue was resolved"
        self.resolve_button.setToolTip(what)
        self.resolve_button.setAccessibleName(what)
        self.outcome_button.setEnabled(bool(found))
        self._keep_words_whole()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_words_whole()

    def _keep_words_whole(self) -> None:
        """The dialog is never shorter than its words need at its width: a window's layout does not ask its wrapped
        labels their height, and at its smallest the heading and the masterclass's notice were cut after a line or
        two. Wider, the words take fewer lines and the dialog may be shorter."""
        layout = self.layout()
        needed = layout.minimumHeightForWidth(self.width()) if layout is not None else 0
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def escalate(self) -> None:
        from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog  # not needed to paint Prepare

        team_id = issues.get_issue(self.context.db, self.issue_id).team_id
        dialog = NewEscalationDialog(
            self.context,
            team_id,
            unresolved_issues(self.context.db, team_id),
            session_id=self.session_id,
            chosen_issue_id=self.issue_id,
            parent=self,
        )
        if dialog.exec() == NewEscalationDialog.DialogCode.Accepted and dialog.escalation is not None:
            self._changed(f"Escalated to the {dialog.escalation.target.label}.")

    def select_escalation(self, escalation_id: int) -> None:
        """Select one of the issue's escalations, so Record outcome… is for it."""
        for row in range(self.escalations.rowCount()):
            if self.escalations.row_at(row).escalation_id == escalation_id:
                self.escalation_table.selectRow(row)

    def record_outcome(self) -> None:
        index = self.escalation_table.currentIndex()
        if not index.isValid():
            if self.escalations.rowCount() != 1:
                show_message(self.message, "Select the escalation first.", error=True)
                return
            index = self.escalations.index(0, 0)
        from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog

        row = self.escalations.row_at(index.row())
        escalation = issues.get_escalation(self.context.db, row.escalation_id)
        dialog = UpdateEscalationDialog(self.context, escalation, row.issue_title, parent=self)
        if dialog.exec() == UpdateEscalationDialog.DialogCode.Accepted:
            self._changed(f"Escalation {dialog.escalation.status.label.lower()}.")

    def edit_title(self) -> None:
        title = self.summary.title
        question = _Question(
            "Edit the issue's title",
            TITLE_PROMPT,
            lambda typed: retitle_issue(self.context.db, self.issue_id, typed),
            key=("retitle", self.issue_id),
            kept="The title you typed is kept: Retry saves it.",
            done="Title changed.",
            unchanged=lambda typed: " ".join(typed.split()) == title,
            multi_line=False,
            most=MAX_ISSUE_TITLE_CHARACTERS,
        )
        self._ask(question, title)

    def resolve_or_correct(self) -> None:
        """Resolve an open issue with a note; once it is resolved, correct that note."""
        if self.summary.resolution is None:
            self.resolve()
        else:
            self.correct_resolution()

    def resolve(self) -> None:
        question = _Question(
            "Resolve issue",
            f"How was “{self.summary.title}” resolved? The team will look back on this.",
            lambda typed: resolve_issue(self.context.db, self.issue_id, typed, self.context.now()),
            key=("resolve", self.issue_id),
            kept="The resolution you typed is kept: Retry saves it.",
            done="Resolved.",
        )
        self._ask(question, "")

    def correct_resolution(self) -> None:
        """Only the words change: the issue stays resolved, on the day it was."""
        self._ask(self._correction(), self.summary.resolution or "")

    def _correction(self) -> _Question:
        return _Question(
            "Correct the resolution",
            f"How “{self.summary.title}” was resolved, as the team will look back on it:",
            self._write_resolution,
            key=("resolution", self.issue_id),
            kept="The resolution you corrected is kept: Retry saves it.",
            done="Resolution corrected.",
            unchanged=lambda typed: typed.strip() == (self.summary.resolution or ""),
            most=max(MAX_OUTCOME_CHARACTERS, len(self.summary.resolution or "")),  # one kept before the limit
        )

    def _write_resolution(self, typed: str) -> object:
        """Correct the words this dialog shows (:meth:`_answer` says if they were changed elsewhere meanwhile)."""
        was = self.summary.resolution or ""
        return correct_words(self.context.db, TextSource.RESOLUTION, self.issue_id, typed, self.context.now(), was=was)

    def _ask(self, question: _Question, typed: str, why: str = "") -> None:
        """Ask ``question``, opening on ``typed``, and save the answer; refused, ask again with why and the words as
        typed. Cancel, or words that would store as they are, leave it as it was."""
        while True:
            asked = QuestionDialog(self, question, f"{why}\n\n{question.prompt}" if why else question.prompt, typed)
            accepted = asked.exec() == QDialog.DialogCode.Accepted
            typed = asked.textValue()
            asked.deleteLater()
            if not accepted or question.unchanged(typed):
                return
            refused = self._answer(question, typed)
            if refused is None:
                return
            why, question = refused

    def _answer(self, question: _Question, typed: str) -> tuple[str, _Question] | None:
        """Save the words through the window's write guard; saved, the question's ``done`` says so. A write that
        cannot happen now (a full disk) keeps them for Retry, which saves them the same way and asks again should
        they be refused then (:meth:`_retry`). Refused for good (``ValueError``): why, and the question to ask them
        with again (the correction of the resolution, when the issue was resolved meanwhile)."""
        try:
            saved = self.context.writes.run(
                lambda: question.write(typed),
                retry=partial(self._retry, question, typed),
                key=question.key,
                kept=question.kept,
                words=question.holding(typed),
            )
        except ValueError as exc:
            refused = self._refused(str(exc), question)
            show_message(self.message, refused[0], error=True)
            return refused
        if saved is None:
            show_message(self.message, self.context.writes.message, error=True)
            return None
        self._changed(question.done)
        return None

    def _refused(self, why: str, question: _Question) -> tuple[str, _Question]:
        """Words refused because the issue changed elsewhere meanwhile: it is shown as it is, and the words are
        asked for again as its resolution's correction, which puts them over what is there once OK is pressed."""
        if why not in (CHANGED_SINCE, RESOLVED_MEANWHILE):
            return why, question
        self.reload()
        return RESOLUTION_CHANGED, self._correction()

    def _retry(self, question: _Question, typed: str) -> None:
        """Retry, for words a full disk refused: refused for good now, the history opens again (if it was closed) and
        asks for them again, with why."""
        refused = self._answer(question, typed)
        if refused is not None:
            self.show()
            self._ask(refused[1], typed, refused[0])

    def _changed(self, message: str) -> None:
        self.changed = True
        show_message(self.message, message, error=False)
        self.reload()
        self.saved.emit()
