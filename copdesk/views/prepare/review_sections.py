"""The Prepare view's sections, built from the review pack (``store.review.review_pack``).

Each section is a small widget with ``show_pack``; :class:`ReviewSections` adds them to the
:class:`~copdesk.views.prepare.review_panel.ReviewPanel` through its public ``add_section``, the same way other
panes add theirs. The sections of the first screenful are here; those below it are in ``sections_below``, loaded
when they are added (just after the view first paints).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from copdesk.core.dates import format_uk
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Team
from copdesk.core.review import ReviewPack
from copdesk.core.schedule_words import describe
from copdesk.core.text import counted
from copdesk.store.schedule import next_due
from copdesk.store.series import get_series
from copdesk.views.context import AppContext
from copdesk.views.live.notes.action_models import action_model, open_action_rows
from copdesk.views.live.notes.action_wording import correct_in_place
from copdesk.views.prepare.next_session_plan import NextSessionPlanSection
from copdesk.views.prepare.planning_checklist import PlanningSection
from copdesk.views.prepare.table_section import PackSection, TableSection
from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import hint_label, message_label, show_message

if TYPE_CHECKING:
    from copdesk.views.prepare.sections_below import (
        EscalationsSection,
        QuietSection,
        RecurringIssuesSection,
        UnusedQuestionsSection,
    )


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
            self.rhythm.setText("Set up the team's series of sessions with File ▸ Schedule… to see the next date here.")
            return
        days = (upcoming.starts_at.date() - pack.today).days
        away = "today" if days == 0 else "tomorrow" if days == 1 else f"in {days} days"
        found = next_due(self.context.db, team.id, self.context.now())
        held_by = get_series(self.context.db, found.series_id) if found else None
        # Its series' length gives its end, as in the invitations: "10:00 to 11:30" for a 90-minute session.
        self.when.setText(
            f"{format_uk(upcoming.starts_at.date())}, {upcoming.starts_at:%H:%M} to {upcoming.ends_at:%H:%M}"
        )
        self.kind.setText(f"{upcoming.kind.label} · {away}")
        rhythm = describe(held_by.rule) if held_by else ""
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


NO_ACTIONS_AGREED = (
    "No actions recorded. In a session, add each one agreed on the notes' Action tab (Alt+A): "
    "it is followed up here before the next."
)
ALL_FOLLOWED_UP = "No open actions: everything agreed has been followed up."


class OpenActionsSection(TableSection):
    def __init__(self, context: AppContext) -> None:
        super().__init__(lambda parent: action_model("Agreed", parent), "Open actions")
        self.message = message_label()
        self.message.hide()
        self.body.addWidget(self.message)
        self.body.addStretch(1)
        correct_in_place(self.table, self.model, context, partial(show_message, self.message))

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.show_rows(open_action_rows(pack.open_actions))
        show_message(self.message, "", error=False)
        overdue = sum(1 for a in pack.open_actions if a.overdue)
        carried = sum(1 for a in pack.open_actions if a.carried_often)
        if not pack.open_actions:
            self.summary.setText(NO_ACTIONS_AGREED if not pack.actions_agreed else ALL_FOLLOWED_UP)
            return
        parts = [f"{len(pack.open_actions)} open", f"{overdue} overdue"]
        if carried:
            parts.append(f"{carried} carried twice or more")
        self.summary.setText(
            ", ".join(parts) + ". They appear under “Follow up” in the notes when the session starts; "
            "double-click an action's words to correct them."
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

    def __init__(
        self,
        context: AppContext,
        add_section: Callable[..., QFrame],
        refresh: Callable[[], None],
        live_session_id: Callable[[], int | None],
    ) -> None:
        self._context, self._add_section, self._refresh = context, add_section, refresh
        self._live_session_id = live_session_id
        self.next_session = NextSessionSection(context)
        self.planning = PlanningSection(context)
        self.plan = NextSessionPlanSection(context)
        self.actions = OpenActionsSection(context)
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
        from copdesk.views.prepare.sections_below import (
            EscalationsSection,
            QuietSection,
            RecurringIssuesSection,
            UnusedQuestionsSection,
        )

        self.complete = True
        self.issues = RecurringIssuesSection(self._context, self._refresh, self._live_session_id)
        self.escalations = EscalationsSection(self._context, self._refresh, self._live_session_id)
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
