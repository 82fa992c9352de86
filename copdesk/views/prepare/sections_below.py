"""The Prepare view's sections below its first screenful: recurring issues, escalations, who was quiet, and the
questions not used yet.

:meth:`ReviewSections.add_the_rest <copdesk.views.prepare.review_sections.ReviewSections.add_the_rest>` loads this
module and adds them just after the view first paints, so what they need is not loaded before the facilitator can
read the first screenful. A recurring issue opens its history (:mod:`copdesk.views.prepare.issue_history`), where it
can be dealt with between sessions. Who was quiet last time is participation data about colleagues and the Prepare
view may be on a shared screen before the meeting starts, so the names stay hidden until asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget

from copdesk.core.model import Team
from copdesk.core.recurring import MAX_THRESHOLD, MIN_THRESHOLD, advice_text
from copdesk.core.review import ReviewPack, UnusedQuestion
from copdesk.core.text import counted
from copdesk.services.issues import set_recurring_threshold
from copdesk.views.context import AppContext
from copdesk.views.live.notes.issue_models import (
    IssueRole,
    awaiting_rows,
    escalation_model,
    issue_model,
    recurring_rows,
)
from copdesk.views.prepare.table_section import TableSection
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.names_in_a_line import name_list
from copdesk.views.widgets.row_model import Column, RowTableModel

QUESTION_ROWS = 8  # beside the participation chart, which is taller than the other cards
CATEGORY_WIDTH = 190
OPEN_HOW = "Double-click one for its history: resolve it, escalate it or correct its title there."
RECORD_HOW = "Double-click one to record the response (Record outcome… in the issue's history)."
NO_ISSUES_RAISED = (
    "No issues recorded. In a session, record each on the notes' Issue tab (Alt+I): "
    "one raised again in a later session shows here."
)


class RecurringIssuesSection(TableSection):
    """``live_session_id`` gives the session live now, if any (the view then shows its team): what is escalated
    from here during it is recorded as raised in it, as from its Issue tab, so the session's record lists it."""

    def __init__(
        self, context: AppContext, changed: Callable[[], None], live_session_id: Callable[[], int | None]
    ) -> None:
        super().__init__(lambda parent: issue_model(parent, with_first=True), "Unresolved recurring issues")
        self.context = context
        self._changed = changed
        self._live_session_id = live_session_id
        threshold_label = QLabel("Flag after")
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold.setSuffix(" sessions")
        self.threshold.setAccessibleName("Flag an unresolved issue after this many sessions")
        inner = self.threshold.findChild(QLineEdit)
        if inner is not None:  # screen readers land on the spin box's own text field
            inner.setAccessibleName(self.threshold.accessibleName())
        threshold_label.setBuddy(self.threshold)
        self.threshold.valueChanged.connect(self._threshold_changed)
        self.summary_row.addWidget(threshold_label)
        self.summary_row.addWidget(self.threshold)
        self.advice = QFrame()
        self.advice.setProperty("banner", "warning")
        advice_layout = QVBoxLayout(self.advice)
        advice_layout.setContentsMargins(8, 6, 8, 6)
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        advice_layout.addWidget(self.advice_label)
        self.body.addWidget(self.advice)
        self.body.addStretch(1)
        self.table.activated.connect(self.open_history)  # a double-click, or Enter on the selected issue
        self.table.setAccessibleDescription(OPEN_HOW)

    def open_history(self, index: QModelIndex) -> None:
        """The issue's history, where it can be resolved, escalated or its title corrected between sessions."""
        _open_history(self, self.context, index, self._live_session_id, self._changed)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.threshold.blockSignals(True)
        self.threshold.setValue(pack.threshold)
        self.threshold.blockSignals(False)
        self.show_rows(recurring_rows(pack.recurring_issues))
        flagged = [i for i in pack.recurring_issues if i.flagged]
        if not pack.issues_raised:
            self.summary.setText(NO_ISSUES_RAISED)
        elif not pack.recurring_issues:
            self.summary.setText("No issue has come back unresolved.")
        else:
            self.summary.setText(
                f"{len(pack.recurring_issues)} raised in more than one session, {len(flagged)} flagged. {OPEN_HOW}"
            )
        self.advice.setVisible(bool(flagged))
        if flagged:
            self.advice_label.setText(f"{flagged[0].title}. " + advice_text(flagged[0].times_raised))

    def _threshold_changed(self, value: int) -> None:
        """Applied once saved; refused, Retry saves the latest choice."""
        saved = self.context.writes.run(
            lambda: set_recurring_threshold(self.context.db, value),
            retry=partial(self._threshold_changed, value),
            key="recurring threshold",
        )
        if saved is not None:
            self._changed()


class EscalationsSection(TableSection):
    def __init__(
        self, context: AppContext, changed: Callable[[], None], live_session_id: Callable[[], int | None]
    ) -> None:
        super().__init__(lambda parent: escalation_model(parent, with_status=False), "Escalations awaiting a response")
        self.context = context
        self._changed = changed
        self._live_session_id = live_session_id
        self.body.addStretch(1)
        self.table.activated.connect(self.open_history)  # a double-click, or Enter on the selected escalation
        self.table.setAccessibleDescription(RECORD_HOW)

    def open_history(self, index: QModelIndex) -> None:
        """The escalated issue's history, where the response is recorded (Record outcome…)."""
        _open_history(self, self.context, index, self._live_session_id, self._changed)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.show_rows(awaiting_rows(pack.escalations_awaiting))
        overdue = sum(1 for e in pack.escalations_awaiting if e.overdue)
        if not pack.escalations_awaiting:
            self.summary.setText("No escalation is waiting for a response.")
        else:
            self.summary.setText(
                f"{len(pack.escalations_awaiting)} awaiting a response, {overdue} past the date asked. {RECORD_HOW}"
            )


def _open_history(
    parent: QWidget,
    context: AppContext,
    index: QModelIndex,
    live_session_id: Callable[[], int | None],
    changed: Callable[[], None],
) -> None:
    """The issue of the row at ``index``, in its history dialog: resolve, escalate, record a response, retitle."""
    from copdesk.views.prepare.issue_history import IssueHistoryDialog  # not needed to paint Prepare

    issue_id = int(index.data(IssueRole.ISSUE_ID))
    dialog = IssueHistoryDialog(context, issue_id, session_id=live_session_id(), parent=parent)
    escalation_id = index.data(IssueRole.ESCALATION_ID)
    if escalation_id is not None:  # opened from an escalation: Record outcome… is for that one
        dialog.select_escalation(int(escalation_id))
    dialog.saved.connect(changed)  # also for a Retry once it has closed
    dialog.exec()


class QuietSection(QWidget):
    """Facilitator only: the count is shown, the names only on request, and hidden again on every refresh."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.names = QLabel()
        self.names.setObjectName("quietNames")
        self.names.setWordWrap(True)
        self.names.hide()
        layout.addWidget(self.names)
        self.toggle = QPushButton("Show names")
        self.toggle.setCheckable(True)
        self.toggle.setAccessibleName("Show the names of who was quiet (facilitator only)")
        self.toggle.toggled.connect(self._toggle)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(hint_label("Facilitator only: a prompt to invite people in, never a ranking."))
        layout.addStretch(1)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        quiet = pack.quiet_last_session
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(quiet))
        self.names.setText(name_list(quiet))
        count = len(quiet)
        if not pack.sessions_held:
            text = (
                "No session of the team's own held yet: after the first, who was quiet shows here (names only on "
                "request)."
            )
        elif not pack.last_session_tallied:
            text = "No contributions were logged last session, so nobody shows as quiet."
        elif not count:
            text = "Everyone present contributed last time."
        else:
            text = f"{count} {'person was' if count == 1 else 'people were'} quiet last session."
        self.summary.setText(text)

    def _toggle(self, shown: bool) -> None:
        self.names.setVisible(shown)
        self.toggle.setText("Hide names" if shown else "Show names")


def _unused_question_model(parent: QWidget) -> RowTableModel[UnusedQuestion]:
    columns = [
        Column[UnusedQuestion]("Question", lambda q: q.text, spoken=lambda q: f"{q.text} ({q.category})"),
        Column[UnusedQuestion]("Category", lambda q: q.category),
    ]
    return RowTableModel[UnusedQuestion](columns, {}, parent)


class UnusedQuestionsSection(TableSection):
    def __init__(self) -> None:
        super().__init__(_unused_question_model, "Questions not used yet")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, header.ResizeMode.Fixed)
        header.resizeSection(1, CATEGORY_WIDTH)
        self.body.addStretch(1)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        unused = pack.unused_questions
        self.show_rows(unused, QUESTION_ROWS)
        self.summary.setText(
            f"{counted(len(unused), 'question')} from the bank {'has' if len(unused) == 1 else 'have'} not been "
            "asked in this team yet."
            if unused
            else "The team has been asked every question in the bank at least once."
        )
