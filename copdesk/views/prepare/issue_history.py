"""One issue's life in a dialog: every session it was raised in, the masterclass's advice once it is
flagged, its escalations, and the ways forward (escalate, record an outcome, resolve with a note)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.recurring import CHALLENGE_SOURCE, CHALLENGE_TITLE, RECURRING_ADVICE, is_flagged
from copdesk.core.review import IssueSummary
from copdesk.store import issues
from copdesk.store.recurring import (
    issue_history,
    issue_summary,
    recurring_threshold,
    unresolved_issues,
)
from copdesk.views.context import AppContext
from copdesk.views.live.notes.issue_models import escalation_model, escalation_rows, history_model, raised_text
from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import message_label, show_message
from copdesk.views.widgets.tables import configure_table


def advice_text(times_raised: int) -> str:
    """The flag's words: the masterclass's challenge and its remedies, each with the section it is from."""
    remedies = "".join(f"\n• “{remedy.text}” ({remedy.source.split(', ', 1)[-1]})" for remedy in RECURRING_ADVICE)
    return (
        f"Raised in {times_raised} sessions without a resolution: “{CHALLENGE_TITLE}” "
        f"({CHALLENGE_SOURCE.split(', ', 1)[-1]}). What the masterclass advises:{remedies}"
    )


def short_advice(times_raised: int) -> str:
    """The one-line flag for a crowded pane; :func:`advice_text` is the whole quote."""
    return (
        f"⚑ Raised {raised_text(times_raised)} without a resolution. The masterclass: escalate to the Practice "
        "Supervisor or Manager, complete a My VIEWS form, or take it to a different arena."
    )


class IssueHistoryDialog(QDialog):
    def __init__(
        self, context: AppContext, issue_id: int, *, session_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("issueHistory")
        self.context = context
        self.issue_id = issue_id
        self.session_id = session_id
        self.changed = False
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        theme.set_role(self.heading, "heading")
        layout.addWidget(self.heading)
        self.flag = QFrame()
        self.flag.setProperty("banner", "warning")
        flag_layout = QVBoxLayout(self.flag)
        flag_layout.setContentsMargins(8, 6, 8, 6)
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        flag_layout.addWidget(self.flag_label)
        layout.addWidget(self.flag)
        layout.addWidget(QLabel("Every time it was raised"))
        self.history = history_model(self)
        self.history_table = QTableView()
        self.history_table.setAccessibleName("Every time the issue was raised")
        self.history_table.setModel(self.history)
        configure_table(self.history_table)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        layout.addWidget(self.history_table, 2)
        layout.addWidget(QLabel("Escalations"))
        self.escalations = escalation_model(self)
        self.escalation_table = QTableView()
        self.escalation_table.setAccessibleName("Escalations of the issue")
        self.escalation_table.setModel(self.escalations)
        configure_table(self.escalation_table)
        self.escalation_table.doubleClicked.connect(self.record_outcome)
        layout.addWidget(self.escalation_table, 1)
        self.message = message_label()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.escalate_button = QPushButton("&Escalate…")
        self.escalate_button.setAccessibleName("Escalate this issue")
        self.escalate_button.clicked.connect(self.escalate)
        self.outcome_button = QPushButton("Record &outcome…")
        self.outcome_button.setAccessibleName("Record the outcome of the selected escalation")
        self.outcome_button.clicked.connect(self.record_outcome)
        self.resolve_button = QPushButton("&Resolve…")
        self.resolve_button.setAccessibleName("Resolve this issue with a note")
        self.resolve_button.clicked.connect(self.resolve)
        for button in (self.escalate_button, self.outcome_button, self.resolve_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        for close_button in close.buttons():
            close_button.setAccessibleName("Close")
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(760, 560)
        self.reload()

    def reload(self) -> None:
        summary = issue_summary(self.context.db, self.issue_id)
        self.summary: IssueSummary = summary
        self.setWindowTitle(f"Issue: {summary.title}")
        resolved = f". Resolved: {summary.resolution}" if summary.resolution else ""
        self.heading.setText(
            f"{summary.title}\nRaised {raised_text(summary.times_raised)}; {summary.status.label.lower()}{resolved}"
        )
        flagged = is_flagged(summary.times_raised, summary.status, recurring_threshold(self.context.db))
        self.flag.setVisible(flagged)
        self.flag_label.setText(advice_text(summary.times_raised) if flagged else "")
        self.history.set_rows(issue_history(self.context.db, self.issue_id))
        today = self.context.now().astimezone().date()
        found = [(e, summary.title) for e in issues.escalations_for_issue(self.context.db, self.issue_id)]
        self.escalations.set_rows(escalation_rows(found, today))
        open_issue = summary.resolution is None
        self.escalate_button.setEnabled(open_issue)
        self.resolve_button.setEnabled(open_issue)
        self.outcome_button.setEnabled(bool(found))

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

    def resolve(self) -> None:
        note, accepted = QInputDialog.getMultiLineText(
            self, "Resolve issue", f"How was “{self.summary.title}” resolved? The team will look back on this."
        )
        if not accepted:
            return
        try:
            issues.resolve_issue(self.context.db, self.issue_id, note, self.context.now())
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return
        self._changed("Resolved.")

    def _changed(self, message: str) -> None:
        self.changed = True
        show_message(self.message, message, error=False)
        self.reload()
