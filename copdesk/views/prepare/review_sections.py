"""The Prepare view's sections, built from the review pack (``store.review.review_pack``).

Each section is a small widget with ``show_pack``; :class:`ReviewSections` adds them to the
:class:`~copdesk.views.prepare.review_panel.ReviewPanel` through its public ``add_section``, the same way other
panes add theirs. Who was quiet last time is participation data about colleagues and the Prepare view
may be on a shared screen before the meeting starts, so the names stay hidden until asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.dates import format_uk
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Team
from copdesk.core.recurring import MAX_THRESHOLD, MIN_THRESHOLD
from copdesk.core.review import ReviewPack, UnusedQuestion
from copdesk.core.schedule_words import describe
from copdesk.core.text import counted
from copdesk.services.issues import set_recurring_threshold
from copdesk.store.schedule import next_session
from copdesk.store.series import get_series
from copdesk.views.context import AppContext
from copdesk.views.live.notes.action_models import action_model, open_action_rows
from copdesk.views.live.notes.issue_models import awaiting_rows, escalation_model, issue_model, recurring_rows
from copdesk.views.prepare.issue_history import advice_text
from copdesk.views.prepare.next_session_plan import NextSessionPlanSection
from copdesk.views.prepare.planning_checklist import PlanningSection
from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.row_model import Column, RowTableModel
from copdesk.views.widgets.tables import configure_table

TABLE_ROWS = 5
QUESTION_ROWS = 8  # beside the participation chart, which is taller than the other cards
CATEGORY_WIDTH = 190


class PackSection(Protocol):
    def show_pack(self, pack: ReviewPack, team: Team) -> None: ...


class TableSection(QWidget):
    """A summary line over a table sized to its rows: the shape of most Prepare sections.

    ``summary_row`` holds the summary and has room for controls beside it; ``body`` is the section's layout.
    """

    def __init__(self, make_model: Callable[[QWidget], Any], accessible_name: str) -> None:
        super().__init__()
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 0, 0, 0)
        self.summary_row = QHBoxLayout()
        self.summary = hint_label()
        self.summary_row.addWidget(self.summary, 1)
        self.body.addLayout(self.summary_row)
        self.model = make_model(self)
        self.table = QTableView()
        self.table.setAccessibleName(accessible_name)
        self.table.setModel(self.model)
        configure_table(self.table)
        self.body.addWidget(self.table)

    def show_rows(self, rows: Sequence[Any], most: int = TABLE_ROWS) -> None:
        """Show the rows, the table sized to them (up to ``most``) so a short list leaves no empty box."""
        self.model.set_rows(rows)
        shown = max(1, min(len(rows), most))
        header = self.table.horizontalHeader().height()
        self.table.setFixedHeight(header + shown * self.table.verticalHeader().defaultSectionSize() + 4)
        self.table.setVisible(bool(rows))


class NextSessionSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.when = QLabel()
        self.when.setObjectName("nextSessionWhen")
        theme.set_role(self.when, "big")
        self.when.setWordWrap(True)
        self.kind = QLabel()
        self.kind.setWordWrap(True)
        theme.set_role(self.kind, "heading")
        self.rhythm = hint_label()
        self.glance = QLabel()
        self.glance.setObjectName("atAGlance")
        self.glance.setWordWrap(True)
        for label in (self.when, self.kind, self.rhythm):
            layout.addWidget(label)
        layout.addSpacing(10)
        layout.addWidget(self.glance)
        layout.addStretch(1)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.glance.setText(at_a_glance(pack))
        upcoming = pack.next_session
        if upcoming is None:
            self.when.setText("Not scheduled")
            self.kind.setText("")
            self.rhythm.setText("Set up the team's series of sessions to see the next date here.")
            return
        days = (upcoming.starts_at.date() - pack.today).days
        away = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
        self.when.setText(f"{format_uk(upcoming.starts_at.date())}, {upcoming.starts_at:%H:%M}")
        self.kind.setText(f"{upcoming.kind.label} · {away}")
        found = next_session(self.context.db, team.id, self.context.now())
        rhythm = describe(get_series(self.context.db, found.series_id).rule) if found else ""
        session_type = shipped_texts().session_type(upcoming.kind)
        self.rhythm.setText(f"{rhythm}\n{session_type.who_runs_it.text}".strip())
        self.rhythm.setToolTip(session_type.owner.with_credit())


def at_a_glance(pack: ReviewPack) -> str:
    """One line per thing to prepare, so the card says what needs attention before the sections do."""
    overdue = sum(1 for a in pack.open_actions if a.overdue)
    flagged = sum(1 for i in pack.recurring_issues if i.flagged)
    late = sum(1 for e in pack.escalations_awaiting if e.overdue)
    lines = [
        f"• {counted(len(pack.open_actions), 'open action', none='No')} to follow up"
        + (f", {overdue} overdue" if overdue else ""),
        f"• {counted(flagged, 'issue', none='No')} flagged as coming back unresolved",
        f"• {counted(len(pack.escalations_awaiting), 'escalation', none='No')} awaiting a response"
        + (f", {late} late" if late else ""),
    ]
    return "\n".join(lines)


class OpenActionsSection(TableSection):
    def __init__(self) -> None:
        super().__init__(lambda parent: action_model("Agreed", parent), "Open actions")
        self.body.addStretch(1)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.show_rows(open_action_rows(pack.open_actions))
        overdue = sum(1 for a in pack.open_actions if a.overdue)
        carried = sum(1 for a in pack.open_actions if a.carried_often)
        if not pack.open_actions:
            self.summary.setText(
                "No open actions: everything agreed has been followed up."
                if pack.sessions_held
                else "No actions yet: those agreed in a session are followed up here before the next."
            )
            return
        parts = [f"{len(pack.open_actions)} open", f"{overdue} overdue"]
        if carried:
            parts.append(f"{carried} carried twice or more")
        self.summary.setText(", ".join(parts) + ". They appear under “Follow up” in the notes when the session starts.")


class RecurringIssuesSection(TableSection):
    def __init__(self, context: AppContext, changed: Callable[[], None]) -> None:
        super().__init__(lambda parent: issue_model(parent, with_first=True), "Unresolved recurring issues")
        self.context = context
        self._changed = changed
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

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.threshold.blockSignals(True)
        self.threshold.setValue(pack.threshold)
        self.threshold.blockSignals(False)
        self.show_rows(recurring_rows(pack.recurring_issues))
        flagged = [i for i in pack.recurring_issues if i.flagged]
        if not pack.recurring_issues:
            self.summary.setText("No issue has come back unresolved.")
        else:
            self.summary.setText(
                f"{len(pack.recurring_issues)} raised in more than one session, {len(flagged)} flagged."
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
    def __init__(self) -> None:
        super().__init__(lambda parent: escalation_model(parent, with_status=False), "Escalations awaiting a response")
        self.body.addStretch(1)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.show_rows(awaiting_rows(pack.escalations_awaiting))
        overdue = sum(1 for e in pack.escalations_awaiting if e.overdue)
        if not pack.escalations_awaiting:
            self.summary.setText("No escalation is waiting for a response.")
        else:
            self.summary.setText(
                f"{len(pack.escalations_awaiting)} awaiting a response, {overdue} past the date asked."
            )


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
        self.names.setText(", ".join(quiet))
        count = len(quiet)
        if not pack.sessions_held:
            text = "No session held yet: after the first, who was quiet shows here (names only on request)."
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


class ReviewSections:
    """Creates the sections in the panel and refreshes them together from one pack.

    The sections of the first screenful (the next session, the planning checklist, the plan and the open actions)
    are made at once; :meth:`add_the_rest` adds those below them, which the window does just after its first paint.
    """

    issues: RecurringIssuesSection
    escalations: EscalationsSection
    quiet: QuietSection
    questions: UnusedQuestionsSection

    def __init__(self, context: AppContext, add_section: Callable[..., QFrame], refresh: Callable[[], None]) -> None:
        self._context, self._add_section, self._refresh = context, add_section, refresh
        self.next_session = NextSessionSection(context)
        self.planning = PlanningSection(context)
        self.plan = NextSessionPlanSection(context)
        self.actions = OpenActionsSection()
        add_section("next_session", "Next session", self.next_session)
        add_section("planning", "Planning checklist", self.planning)
        add_section("plan", "Next session plan", self.plan, span=2)
        add_section("open_actions", "Open actions", self.actions, span=2)
        self._shown: list[PackSection] = [self.next_session, self.planning, self.plan, self.actions]
        self.complete = False

    def add_the_rest(self, pack: ReviewPack | None, team: Team | None) -> None:
        """Add the sections below the first screenful (once), showing them ``pack`` if there is one."""
        if self.complete:
            return
        self.complete = True
        self.issues = RecurringIssuesSection(self._context, self._refresh)
        self.escalations = EscalationsSection()
        self.quiet = QuietSection()
        self.questions = UnusedQuestionsSection()
        self._add_section("recurring_issues", "Unresolved recurring issues", self.issues, span=2)
        self._add_section("escalations", "Escalations awaiting a response", self.escalations)
        self._add_section("quiet", "Quiet last time", self.quiet)
        self._add_section("unused_questions", "Questions not used yet", self.questions)
        rest: list[PackSection] = [self.issues, self.escalations, self.quiet, self.questions]
        self._shown += rest
        if pack is not None and team is not None:
            for section in rest:
                section.show_pack(pack, team)

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        for section in self._shown:
            section.show_pack(pack, team)
