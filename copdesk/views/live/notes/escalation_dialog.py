"""Raising an escalation, and recording what came of it.

The masterclass's routes for a system barrier are quoted whole from ``resources/prompts/challenges.toml`` (the
facilitator's role: "Facilitation role in a CoP"). An escalation is a record:
to whom, when it was raised, when a response is due, the outcome, and a status that moves from
awaiting a response to responded to closed (``core.recurring``). The dialog saves on OK and stays open,
with the reason, when something is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from copdesk.core.dates import DueDateError, format_uk
from copdesk.core.input_limits import MAX_OUTCOME_CHARACTERS
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Escalation, EscalationStatus, EscalationTarget
from copdesk.core.recurring import EscalationError, next_statuses
from copdesk.core.review import IssueSummary
from copdesk.services.issues import change_escalation, escalate
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_new_escalation import Ui_NewEscalationDialog
from copdesk.views.forms.ui_update_escalation import Ui_UpdateEscalationDialog
from copdesk.views.live.notes.action_editor import DueField, next_session_day
from copdesk.views.widgets.forms import may_leave, name_standard_buttons, place_field
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.typed_words import TypedWords

DUE_BY_DEFAULT = "in 2 weeks"


def _wire_buttons(dialog: QDialog, box: QDialogButtonBox) -> None:
    name_standard_buttons(box)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)


class NewEscalationDialog(QDialog):
    """Raise an escalation about one of the team's unresolved issues (``issue_choices``)."""

    def __init__(
        self,
        context: AppContext,
        team_id: int,
        issue_choices: Sequence[IssueSummary],
        *,
        session_id: int | None,
        chosen_issue_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewEscalationDialog()
        self.ui.setupUi(self)
        self.context = context
        self.session_id = session_id
        self.escalation: Escalation | None = None
        now = context.now()
        self.today = now.astimezone().date()
        ui = self.ui
        route = shipped_texts().escalation
        ui.leadLabel.setText(f"{route.shown()}\n— {route.credit()}")
        self.issue_combo, self.target_combo, self.raised_edit = ui.issueCombo, ui.targetCombo, ui.raisedEdit
        self._first_raised = {summary.id: summary.first_raised for summary in issue_choices}
        for summary in issue_choices:
            self.issue_combo.addItem(f"{summary.title} (raised {summary.times_raised}×)", summary.id)
        if chosen_issue_id is not None:
            self.issue_combo.setCurrentIndex(max(self.issue_combo.findData(chosen_issue_id), 0))
        for target in EscalationTarget:
            self.target_combo.addItem(target.label, target.value)
        self.raised_edit.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.raised_edit.setMaximumDate(self.raised_edit.date())
        self.message = ui.messageLabel
        self._earliest_raised()
        self.issue_combo.currentIndexChanged.connect(self._earliest_raised)
        self.due_field = DueField(self.message)
        self.due_field.today = self.today
        self.due_field.next_session = next_session_day(context.db, team_id, now)
        self.due_field.setAccessibleName("Response due")
        self.due_field.setText(DUE_BY_DEFAULT)
        place_field(ui.form, ui.dueLabel, self.due_field, after=self.raised_edit)
        _wire_buttons(self, ui.buttonBox)
        self.resize(520, self.sizeHint().height())

    def _earliest_raised(self) -> None:
        """An escalation is raised no earlier than the day its issue was first raised: a year typed wrong (1900, or
        Qt's own earliest, 1752) is no day it was raised. A day chosen before that of another issue moves up to it,
        and is said."""
        first = min(self._first_raised.get(self.issue_combo.currentData(), self.today), self.today)
        earliest = QDate(first.year, first.month, first.day)
        self.raised_edit.setToolTip(f"From {format_uk(first)}, when the issue was first raised, to today")
        if self.raised_edit.date() < earliest:
            show_message(
                self.message, f"Raised on moved to {format_uk(first)}: the issue was first raised then.", error=False
            )
        self.raised_edit.setMinimumDate(earliest)

    def typed_words(self) -> TypedWords | None:
        """A response date typed and not saved (:mod:`copdesk.views.widgets.typed_words`)."""
        due = self.due_field.text()
        return None if due == DUE_BY_DEFAULT else TypedWords(self.windowTitle(), f"Response due: {due}")

    def reject(self) -> None:
        """Cancel, Esc or the title bar: a date typed is left behind only when the facilitator says so."""
        if may_leave(self, self.typed_words()):
            super().reject()

    def accept(self) -> None:
        if self.issue_combo.count() == 0:
            show_message(self.message, "There is no unresolved issue to escalate.", error=True)
            return
        try:
            due = self.due_field.due()
        except DueDateError as exc:
            show_message(self.message, str(exc), error=True)
            return
        picked = self.raised_edit.date()
        raised = date(picked.year(), picked.month(), picked.day())
        if due is not None and due < raised:
            show_message(
                self.message, f"The response is due before the escalation was raised ({format_uk(due)}).", error=True
            )
            return
        issue_id, target = int(self.issue_combo.currentData()), EscalationTarget(self.target_combo.currentData())
        saved = self.context.writes.run(
            lambda: escalate(self.context.db, issue_id, target, raised, due, self.session_id)
        )
        if saved is None:  # the dialog stays open with what was chosen: OK again is the retry
            show_message(self.message, self.context.writes.message, error=True)
            return
        self.escalation = saved.value
        super().accept()


class UpdateEscalationDialog(QDialog):
    """Record a response (with what it was), close an escalation, or correct its outcome."""

    def __init__(self, context: AppContext, escalation: Escalation, issue_title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_UpdateEscalationDialog()
        self.ui.setupUi(self)
        self.context = context
        self.escalation, self.issue_title = escalation, issue_title
        ui = self.ui
        due = f"; response due {format_uk(escalation.response_due)}" if escalation.response_due else ""
        ui.headingLabel.setText(
            f"{issue_title}\nTo: {escalation.target.label}; raised {format_uk(escalation.raised_on)}{due}"
        )
        self.status_combo = ui.statusCombo
        for status in (escalation.status, *next_statuses(escalation.status)):
            self.status_combo.addItem(status.label, status.value)
        if escalation.status is EscalationStatus.AWAITING:
            self.status_combo.setCurrentIndex(1)
        self.outcome_edit = ui.outcomeEdit
        self.outcome_edit.max_characters = MAX_OUTCOME_CHARACTERS
        self.outcome_edit.setPlainText(escalation.outcome or "")
        self.identifier_warning = IdentifierWarning(self.outcome_edit)  # never blocks: the outcome still saves
        ui.mainLayout.insertWidget(ui.mainLayout.indexOf(ui.messageLabel), self.identifier_warning)
        self.message = ui.messageLabel
        self.outcome_edit.refused.connect(lambda problem: show_message(self.message, problem, error=True))
        _wire_buttons(self, ui.buttonBox)
        self.resize(520, self.sizeHint().height())

    def typed_words(self) -> TypedWords | None:
        """An outcome typed and not saved (:mod:`copdesk.views.widgets.typed_words`)."""
        outcome = self.outcome_edit.toPlainText()
        if outcome == (self.escalation.outcome or ""):
            return None
        return TypedWords(f"Escalation outcome: {self.issue_title}", outcome)

    def reject(self) -> None:
        """Cancel, Esc or the title bar: an outcome typed is left behind only when the facilitator says so."""
        if may_leave(self, self.typed_words()):
            super().reject()

    def accept(self) -> None:
        outcome = self.outcome_edit.toPlainText()
        if len(outcome) > MAX_OUTCOME_CHARACTERS:
            show_message(self.message, f"Keep the outcome under {MAX_OUTCOME_CHARACTERS} characters.", error=True)
            return
        escalation_id, status = self.escalation.id, EscalationStatus(self.status_combo.currentData())
        db, now = self.context.db, self.context.now()
        try:
            saved = self.context.writes.run(lambda: change_escalation(db, escalation_id, status, outcome, now))
        except EscalationError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if saved is None:  # the dialog stays open with the outcome typed: OK again is the retry
            show_message(self.message, self.context.writes.message, error=True)
            return
        self.escalation = saved.value
        super().accept()
