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
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.dates import DueDateError, format_uk
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Escalation, EscalationStatus, EscalationTarget
from copdesk.core.recurring import EscalationError, next_statuses
from copdesk.core.review import IssueSummary
from copdesk.store import issues
from copdesk.store.recurring import change_escalation
from copdesk.views.context import AppContext
from copdesk.views.live.notes.action_editor import DueField, next_session_day
from copdesk.views.widgets import theme
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import message_label, show_message

MAX_OUTCOME_LENGTH = 4000


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    for button in box.buttons():
        button.setAccessibleName(button.text().replace("&", ""))
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


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
        self.setWindowTitle("Escalate an issue")
        self.context = context
        self.session_id = session_id
        self.escalation: Escalation | None = None
        now = context.now()
        self.today = now.astimezone().date()
        layout = QVBoxLayout(self)
        route = shipped_texts().escalation
        lead = QLabel(f"{route.shown()}\n— {route.credit()}")
        lead.setWordWrap(True)
        theme.set_role(lead, "hint")
        layout.addWidget(lead)
        form = QFormLayout()
        self.issue_combo = QComboBox()
        self.issue_combo.setAccessibleName("Issue to escalate")
        for summary in issue_choices:
            self.issue_combo.addItem(f"{summary.title} (raised {summary.times_raised}×)", summary.id)
        if chosen_issue_id is not None:
            self.issue_combo.setCurrentIndex(max(self.issue_combo.findData(chosen_issue_id), 0))
        self.target_combo = QComboBox()
        self.target_combo.setAccessibleName("Escalate to")
        for target in EscalationTarget:
            self.target_combo.addItem(target.label, target.value)
        self.raised_edit = QDateEdit(QDate(self.today.year, self.today.month, self.today.day))
        self.raised_edit.setCalendarPopup(True)
        self.raised_edit.setDisplayFormat("ddd d MMM yyyy")
        self.raised_edit.setMaximumDate(self.raised_edit.date())
        self.raised_edit.setAccessibleName("Raised on")
        self.message = message_label()
        self.due_field = DueField(self.message)
        self.due_field.today = self.today
        self.due_field.next_session = next_session_day(context.db, team_id, now)
        self.due_field.setAccessibleName("Response due")
        self.due_field.setText("in 2 weeks")
        form.addRow("&Issue", self.issue_combo)
        form.addRow("Escalate &to", self.target_combo)
        form.addRow("&Raised on", self.raised_edit)
        form.addRow("Response &due", self.due_field)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self))
        self.resize(520, self.sizeHint().height())

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
            lambda: issues.add_escalation(self.context.db, issue_id, target, raised, due, self.session_id)
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
        self.setWindowTitle("Escalation outcome")
        self.context = context
        self.escalation = escalation
        layout = QVBoxLayout(self)
        due = f"; response due {format_uk(escalation.response_due)}" if escalation.response_due else ""
        heading = QLabel(f"{issue_title}\nTo: {escalation.target.label}; raised {format_uk(escalation.raised_on)}{due}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        form = QFormLayout()
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status")
        for status in (escalation.status, *next_statuses(escalation.status)):
            self.status_combo.addItem(status.label, status.value)
        if escalation.status is EscalationStatus.AWAITING:
            self.status_combo.setCurrentIndex(1)
        self.outcome_edit = QPlainTextEdit(escalation.outcome or "")
        self.outcome_edit.setAccessibleName("Outcome")
        self.outcome_edit.setPlaceholderText("What the response was, and what happens next")
        self.outcome_edit.setTabChangesFocus(True)
        self.outcome_edit.setFixedHeight(90)
        form.addRow("&Status", self.status_combo)
        form.addRow("&Outcome", self.outcome_edit)
        layout.addLayout(form)
        self.identifier_warning = IdentifierWarning(self.outcome_edit)  # never blocks: the outcome still saves
        layout.addWidget(self.identifier_warning)
        self.message = message_label()
        layout.addWidget(self.message)
        layout.addWidget(_buttons(self))
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        outcome = self.outcome_edit.toPlainText()
        if len(outcome) > MAX_OUTCOME_LENGTH:
            show_message(self.message, f"Keep the outcome under {MAX_OUTCOME_LENGTH} characters.", error=True)
            return
        escalation_id, status = self.escalation.id, EscalationStatus(self.status_combo.currentData())
        try:
            saved = self.context.writes.run(lambda: change_escalation(self.context.db, escalation_id, status, outcome))
        except EscalationError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if saved is None:  # the dialog stays open with the outcome typed: OK again is the retry
            show_message(self.message, self.context.writes.message, error=True)
            return
        self.escalation = saved.value
        super().accept()
