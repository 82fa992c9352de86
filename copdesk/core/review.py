"""The pre-session review pack: what the facilitator needs to see before the next CoP, as plain data.

The store gathers the facts (:mod:`copdesk.store.review`); the rules of what counts are here, so the
Prepare view and ``copdesk-cli review`` always agree: an action is overdue once its due day has passed;
an issue is listed once it has been raised in two sessions without a resolution, and flagged at the
team's threshold; issues are sorted by times raised, then by age (oldest first); an escalation is
waiting until someone records a response.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from copdesk.core.dates import format_uk
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind, SessionStatus
from copdesk.core.recurring import is_flagged, is_recurring, recurring_challenge


@dataclass(frozen=True, slots=True)
class ActionFact:
    id: int
    text: str
    owner: str | None
    due: date | None
    origin_session_date: date | None
    times_carried: int


@dataclass(frozen=True, slots=True)
class IssueSummary:
    """An issue with how often and when it was raised: what the Prepare view, the CLI and the Issue tab all read.
    ``status`` is the one it reads (escalated only while an escalation is not closed); ``ever_escalated`` says
    whether it has had an escalation at all, closed ones too."""

    id: int
    title: str
    status: IssueStatus
    times_raised: int
    first_raised: date
    last_raised: date
    ever_escalated: bool
    resolution: str | None = None


@dataclass(frozen=True, slots=True)
class EscalationFact:
    id: int
    issue_id: int
    issue_title: str
    target: EscalationTarget
    raised_on: date
    response_due: date | None
    status: EscalationStatus


# An action carried this many times or more is stuck: Prepare counts them apart ("carried twice or more").
CARRIED_OFTEN = 2


@dataclass(frozen=True, slots=True)
class OpenAction:
    id: int
    text: str
    owner: str | None
    due: date | None
    origin_session_date: date | None
    times_carried: int
    overdue: bool

    @property
    def carried_often(self) -> bool:
        return self.times_carried >= CARRIED_OFTEN


@dataclass(frozen=True, slots=True)
class RecurringIssue:
    id: int
    title: str
    times_raised: int
    first_raised: date
    last_raised: date
    status: IssueStatus
    ever_escalated: bool
    flagged: bool

    @property
    def escalated(self) -> bool:
        """Escalated now, as its status reads everywhere: an escalation of it is not closed."""
        return self.status is IssueStatus.ESCALATED


@dataclass(frozen=True, slots=True)
class AwaitingEscalation:
    id: int
    issue_id: int
    issue_title: str
    target: EscalationTarget
    raised_on: date
    response_due: date | None
    overdue: bool


@dataclass(frozen=True, slots=True)
class UpcomingSession:
    starts_at: datetime  # naive local wall time, as the schedule gives it
    kind: SessionKind
    ends_at: datetime  # its start and its series' length, as the invitations and the Prepare view give it


@dataclass(frozen=True, slots=True)
class UnusedQuestion:
    id: str
    category: str
    text: str


@dataclass(frozen=True, slots=True)
class ReviewPack:
    team: str
    today: date
    next_session: UpcomingSession | None
    open_actions: tuple[OpenAction, ...]
    recurring_issues: tuple[RecurringIssue, ...]
    escalations_awaiting: tuple[AwaitingEscalation, ...]
    quiet_last_session: tuple[str, ...]
    unused_questions: tuple[UnusedQuestion, ...]
    threshold: int
    sessions_held: int = 0  # ended sessions the team ran itself: before the first, "last time" means nothing yet
    last_session_tallied: bool = True  # anyone's contribution was logged last time: else nobody can be called quiet
    actions_agreed: int = 0  # ever, closed ones too: before the first, "followed up" means nothing yet
    issues_raised: int = 0  # ever, resolved ones too: before the first, "come back unresolved" means nothing yet


@dataclass(frozen=True, slots=True)
class SessionLine:
    """One row of ``copdesk-cli sessions``: what a session was and what it recorded, in counts."""

    id: int
    team: str
    held: datetime  # started, else planned, else created: aware UTC
    kind: SessionKind
    topic: str
    status: SessionStatus
    attendance: int
    notes: int
    actions_agreed: int
    issues_raised: int


def build_review_pack(
    team: str,
    *,
    today: date,
    next_session: UpcomingSession | None,
    actions: Iterable[ActionFact],
    issues: Sequence[IssueSummary],
    escalations: Iterable[EscalationFact],
    quiet_last_session: Sequence[str],
    unused_questions: Sequence[UnusedQuestion],
    threshold: int,
    sessions_held: int = 0,
    last_session_tallied: bool = True,
    actions_agreed: int = 0,
) -> ReviewPack:
    """Apply the rules to the facts. Overdue actions come first, then by due date, undated last."""
    open_actions = sorted(
        (
            OpenAction(a.id, a.text, a.owner, a.due, a.origin_session_date, a.times_carried, _overdue(a.due, today))
            for a in actions
        ),
        key=lambda a: (not a.overdue, a.due or date.max, a.id),
    )
    recurring = sorted(
        (
            RecurringIssue(
                i.id,
                i.title,
                i.times_raised,
                i.first_raised,
                i.last_raised,
                i.status,
                i.ever_escalated,
                is_flagged(i.times_raised, i.status, threshold),
            )
            for i in issues
            if is_recurring(i.times_raised, i.status)
        ),
        key=lambda i: (-i.times_raised, i.first_raised, i.id),
    )
    awaiting = sorted(
        (
            AwaitingEscalation(
                e.id, e.issue_id, e.issue_title, e.target, e.raised_on, e.response_due, _overdue(e.response_due, today)
            )
            for e in escalations
            if e.status is EscalationStatus.AWAITING
        ),
        key=lambda e: (e.response_due or date.max, e.id),
    )
    return ReviewPack(
        team=team,
        today=today,
        next_session=next_session,
        open_actions=tuple(open_actions),
        recurring_issues=tuple(recurring),
        escalations_awaiting=tuple(awaiting),
        quiet_last_session=tuple(quiet_last_session),
        unused_questions=tuple(unused_questions),
        threshold=threshold,
        sessions_held=sessions_held,
        last_session_tallied=last_session_tallied,
        actions_agreed=actions_agreed,
        issues_raised=len(issues),
    )


def _overdue(due: date | None, today: date) -> bool:
    return due is not None and due < today


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _minute(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def review_to_json(pack: ReviewPack, *, names: bool = False) -> dict[str, Any]:
    """The stable JSON of ``copdesk-cli review --json``: these keys, and only these, at the top level.

    Who was quiet is participation data about colleagues: without ``names`` (``--names``) it is a count and the
    list is null, as the Prepare view hides the names behind "Show names". A recurring issue's ``escalated`` is true
    while it reads Escalated (its ``status``), as on the screen; ``ever_escalated`` is true once it has had any
    escalation, closed ones too (what ``escalated`` meant before)."""
    return {
        "team": pack.team,
        "next_session": _iso(pack.next_session.starts_at.date()) if pack.next_session else None,
        "next_session_starts_at": _minute(pack.next_session.starts_at) if pack.next_session else None,
        "next_session_ends_at": _minute(pack.next_session.ends_at) if pack.next_session else None,
        "open_actions": [
            {
                "id": a.id,
                "text": a.text,
                "owner": a.owner,
                "due": _iso(a.due),
                "origin_session_date": _iso(a.origin_session_date),
                "times_carried": a.times_carried,
                "overdue": a.overdue,
            }
            for a in pack.open_actions
        ],
        "recurring_issues": [
            {
                "id": i.id,
                "title": i.title,
                "times_raised": i.times_raised,
                "first_raised": i.first_raised.isoformat(),
                "last_raised": i.last_raised.isoformat(),
                "status": i.status.value,
                "escalated": i.escalated,
                "ever_escalated": i.ever_escalated,
            }
            for i in pack.recurring_issues
        ],
        "escalations_awaiting": [
            {
                "id": e.id,
                "issue_id": e.issue_id,
                "issue_title": e.issue_title,
                "to": e.target.value,
                "raised": e.raised_on.isoformat(),
                "response_due": _iso(e.response_due),
                "overdue": e.overdue,
            }
            for e in pack.escalations_awaiting
        ],
        "quiet_last_session": list(pack.quiet_last_session) if names else None,
        "quiet_last_session_count": len(pack.quiet_last_session),
    }


def review_to_text(pack: ReviewPack, *, names: bool = False) -> list[str]:
    """The pack as plain lines for a terminal: the same facts as the JSON, in the Prepare view's order."""
    lines = [f"Review for {pack.team}"]
    upcoming = pack.next_session
    when = (
        f"{format_uk(upcoming.starts_at.date())}, {upcoming.starts_at:%H:%M} to {upcoming.ends_at:%H:%M}, "
        f"{upcoming.kind.label}"
        if upcoming
        else ""
    )
    lines.append(f"Next session: {when or 'none scheduled'}")
    lines.append(f"\nOpen actions ({len(pack.open_actions)}):")
    for action in pack.open_actions:
        due = f"due {format_uk(action.due)}" if action.due else "no due date"
        flags = [due + (" (OVERDUE)" if action.overdue else "")]
        if action.times_carried:
            flags.append(f"carried {action.times_carried}×")
        lines.append(f"  - {action.text} [{action.owner or 'no owner'}; {'; '.join(flags)}]")
    lines.append(f"\nRecurring issues ({len(pack.recurring_issues)}):")
    # A flagged issue carries the masterclass's own remedy for the challenge, quoted whole with its credit.
    remedy = next(remedy.text for remedy in recurring_challenge().remedies if not remedy.offered_by_copdesk)
    for issue in pack.recurring_issues:
        flag = f" FLAGGED. {remedy.with_credit()}" if issue.flagged else ""
        lines.append(
            f"  - {issue.title} [raised {issue.times_raised}× since {format_uk(issue.first_raised)}; "
            f"{issue.status.label.lower()}]{flag}"
        )
    lines.append(f"\nEscalations awaiting a response ({len(pack.escalations_awaiting)}):")
    for escalation in pack.escalations_awaiting:
        due = f"response due {format_uk(escalation.response_due)}" if escalation.response_due else "no response date"
        lines.append(
            f"  - {escalation.issue_title} [to: {escalation.target.label}; raised {format_uk(escalation.raised_on)}; "
            f"{due}{' (OVERDUE)' if escalation.overdue else ''}]"
        )
    count = len(pack.quiet_last_session)
    # As the Prepare view says it: "nobody" read as "everyone spoke" before any session, or after one with no tallies.
    if not count and not pack.sessions_held:
        quiet = "no session of the team's own held yet"
    elif not count and not pack.last_session_tallied:
        quiet = "nobody shows, as no contributions were logged last session"
    elif names or not count:
        quiet = ", ".join(pack.quiet_last_session) or "nobody"
    else:
        quiet = f"{count} {'person' if count == 1 else 'people'} (--names shows who)"
    lines.append(f"\nQuiet last session (facilitator only): {quiet}")
    lines.append(f"Questions not used yet: {len(pack.unused_questions)}")
    return lines


def session_to_json(line: SessionLine) -> dict[str, Any]:
    return {
        "id": line.id,
        "team": line.team,
        "date": line.held.astimezone().date().isoformat(),
        "kind": line.kind.value,
        "topic": line.topic,
        "status": line.status.value,
        "attendance": line.attendance,
        "notes": line.notes,
        "actions_agreed": line.actions_agreed,
        "issues_raised": line.issues_raised,
    }


def session_to_text(line: SessionLine) -> str:
    held = line.held.astimezone()
    topic = f": {line.topic}" if line.topic else ""
    return (
        f"{line.id:>5}  {format_uk(held.date())} {held:%H:%M}  {line.status.value:<7}  {line.team}  "
        f"{line.kind.label}{topic}"
    )
