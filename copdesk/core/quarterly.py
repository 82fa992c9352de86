"""The quarterly CoP self-assessment: the facilitator's own words, the feedback's summary, and the supporting
figures; and the anonymised summary a team sends for the roll-up.

"Oversee quarterly CoP self-assessments and action/ respond to relevant feedback" is the Social Work
Consultant's role in the masterclass: the assessment is the facilitator's, and the figures support it. They are
gathered by ``copdesk.store.quarterly`` and rendered by ``copdesk.core.quarterly_report``. Sessions the team
attends (Spotlight, Themed and TM/SSW, run by others) count as attended, not as held by the team. Participation appears
only as team-level numbers per session (attendance, contributions, balance), so nothing here can name or rank a
colleague.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

# The stubs (types-python-dateutil) are a dev extra; with or without them this import must type-check.
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped, unused-ignore]

from copdesk.core.feedback import FeedbackSummary
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.participation import HistoryPoint
from copdesk.core.recurring import issue_status_then_text, status_then_text
from copdesk.core.text import quoted
from copdesk.core.themes import Theme, find_themes

_QUARTER = re.compile(r"\s*(\d{4})\s*-?\s*Q(\d+)\s*", re.IGNORECASE)
SUMMARY_FORMAT = "copdesk-quarter-summary"
SUMMARY_VERSION = 1
RECURRING_AFTER_MENTIONS = 2
# How the quarterly report and the roll-up say who runs the sessions a team attends.
RUN_BY_OTHERS = (
    "run by others (Spotlight sessions by the Social Work Consultants/Convenors, Themed discussions by Practice "
    "Supervisors)"
)


class KindTally(NamedTuple):
    """Sessions of one type: on the calendar for the quarter, due by the report date, and actually held (or, for a
    type the team attends, attended)."""

    kind: SessionKind
    scheduled: int
    due_so_far: int
    held: int
    attended: bool = False  # run by others (Spotlight, Themed, TM/SSW): ``held`` counts sessions the team attended


class HeldSession(NamedTuple):
    """``run_by_the_team``: the team ran it itself, where it attended one run by others (Spotlight, Themed, TM/SSW);
    a TM/SSW CoP held while CoPDesk ran that type as the facilitator's own was run by the team."""

    held_on: date
    kind: SessionKind
    topic: str
    attendance: int
    run_by_the_team: bool


class OverdueAction(NamedTuple):
    text: str
    due: date
    times_carried: int


class ActionTally(NamedTuple):
    raised: int
    completed: int
    dropped: int
    carried: int
    overdue: tuple[OverdueAction, ...]


class QuarterIssue(NamedTuple):
    """``status`` is the one it had at the quarter's end, or ``None`` where that is not known: an escalation of it was
    closed before CoPDesk kept the day, and may have been open still (``copdesk.core.recurring.status_on``)."""

    title: str
    status: IssueStatus | None
    mentions_in_quarter: int
    mentions_total: int
    first_raised: date

    @property
    def recurring(self) -> bool:
        return self.mentions_total >= RECURRING_AFTER_MENTIONS

    @property
    def status_text(self) -> str:
        return issue_status_then_text(self.status)


class QuarterEscalation(NamedTuple):
    """``status`` is the one it had at the quarter's end (on the report's day, in the quarter), or ``None`` where that
    is not known: it was responded to or closed before CoPDesk kept those days. ``status_now`` is the one it has."""

    issue_title: str
    target: EscalationTarget
    raised: date
    response_due: date | None
    status: EscalationStatus | None
    status_now: EscalationStatus

    @property
    def status_text(self) -> str:
        return status_then_text(self.status, self.status_now)


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    """One team's quarter. ``as_of`` is the report date: figures about "so far" and "overdue" are as of then."""

    team_name: str
    quarter: str
    first_day: date
    last_day: date
    as_of: date
    kinds: tuple[KindTally, ...]
    sessions: tuple[HeldSession, ...]
    balance: tuple[HistoryPoint, ...]
    actions: ActionTally
    issues: tuple[QuarterIssue, ...]
    escalations: tuple[QuarterEscalation, ...]
    self_assessment: tuple[tuple[str, str], ...] = ()  # (heading, the facilitator's words)
    feedback: FeedbackSummary = field(default_factory=lambda: FeedbackSummary(0, (0, 0, 0, 0, 0), ()))
    identifiers_redacted: int = 0  # spans the identifier check flagged in typed text, replaced (core.redaction)

    @property
    def cutoff(self) -> date:
        """The last day the figures can speak for: the quarter's end, or the report date if that is earlier."""
        return min(self.last_day, self.as_of)

    def themes(self, clean: Callable[[str], str] = str) -> list[Theme]:
        """Themes over the quarter's session topics and issue titles, after ``clean`` (e.g. name redaction)."""
        return find_themes(clean(text) for text in (*(s.topic for s in self.sessions), *(i.title for i in self.issues)))

    def response_overdue(self, escalation: QuarterEscalation) -> bool:
        """Still awaiting a response that was due before :attr:`cutoff`, the day the overdue actions are judged on
        too: a past quarter's report reads as its end, not as the day it was run."""
        due = escalation.response_due
        return escalation.status is EscalationStatus.AWAITING and due is not None and due < self.cutoff


class QuarterError(ValueError):
    """A quarter that is not like 2026Q3; the message is one line, fit to show as it is."""


def parse_quarter(text: str) -> tuple[date, date]:
    """First and last day of a quarter written like ``2026Q3``, as the quarterly self-assessment asks."""
    match = _QUARTER.fullmatch(text)
    if match is None:
        raise QuarterError(f"Expected a quarter like 2026Q3, not {quoted(text)}.")
    year, quarter = int(match[1]), int(match[2])
    if not 1 <= quarter <= 4:
        raise QuarterError(f"There is no quarter {quarter}; use Q1 to Q4 (got {quoted(text)}).")
    if year < 1:
        raise QuarterError(f"There is no year {match[1]}; use a year like 2026.")
    first = date(year, 3 * quarter - 2, 1)
    last: date = first + relativedelta(months=2, day=31)
    return first, last


def quarter_label(quarter: str) -> str:
    """``2026Q3`` as people write it: "Q3 2026"."""
    year, _, number = quarter.upper().partition("Q")
    return f"Q{number} {year}"


def summary_document(figures: QuarterFigures, clean: Callable[[str], str]) -> dict[str, Any]:
    """The anonymised summary for the roll-up: counts, dates and issue titles passed through ``clean``.

    No member, owner or presenter is in it, nor any topic, note or action text (free text that names people
    more often than titles do); issue titles stay because they are how barriers are compared across teams.

    Each type's ``held`` counts the sessions held or attended, as version 1 always has; ``run_by_others`` (the type
    is run by others, as its scheduled sessions are) and each session's ``run_by_the_team`` were added within
    version 1, so an earlier CoPDesk, which reads the keys it knows, still rolls the summary up.
    """
    return {
        "format": SUMMARY_FORMAT,
        "version": SUMMARY_VERSION,
        "team": figures.team_name,
        "quarter": figures.quarter,
        "first_day": figures.first_day.isoformat(),
        "last_day": figures.last_day.isoformat(),
        "as_of": figures.as_of.isoformat(),
        "sessions": [
            {
                "kind": t.kind.value,
                "scheduled": t.scheduled,
                "due_so_far": t.due_so_far,
                "held": t.held,
                "run_by_others": t.attended,
            }
            for t in figures.kinds
        ],
        "attendance": [
            {
                "held_on": s.held_on.isoformat(),
                "kind": s.kind.value,
                "attended": s.attendance,
                "run_by_the_team": s.run_by_the_team,
            }
            for s in figures.sessions
        ],
        "balance": [
            {"held_on": p.held_on.isoformat(), "contributions": p.contributions, "gini": round(p.gini, 3)}
            for p in figures.balance
        ],
        "actions": {
            "raised": figures.actions.raised,
            "completed": figures.actions.completed,
            "dropped": figures.actions.dropped,
            "carried": figures.actions.carried,
            "overdue": len(figures.actions.overdue),
        },
        "issues": [
            {
                "title": clean(i.title),
                "status": i.status.value if i.status else None,
                "mentions_in_quarter": i.mentions_in_quarter,
                "mentions_total": i.mentions_total,
                "recurring": i.recurring,
            }
            for i in figures.issues
        ],
        "escalations": [
            {
                "issue": clean(e.issue_title),
                "to": e.target.value,
                "raised": e.raised.isoformat(),
                "status": e.status.value if e.status else None,
                "status_now": e.status_now.value,
                "response_overdue": figures.response_overdue(e),
            }
            for e in figures.escalations
        ],
        "themes": [{"word": theme.word, "texts": theme.texts} for theme in figures.themes(clean)],
    }


def recent_quarters(today: date, count: int = 8) -> list[str]:
    """The current quarter and the ones before it, newest first, written like ``2026Q3``."""
    year, quarter = today.year, (today.month - 1) // 3 + 1
    found = []
    for _ in range(count):
        found.append(f"{year}Q{quarter}")
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return found
