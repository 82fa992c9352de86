"""Issues that keep coming back: matching new words to old issues, the recurring flag, and escalations.

The masterclass names the challenge "Same issues raised with no resolution: The same issue or challenge is
raised at each CoP with limited progression forward." CoPDesk makes it visible: while an issue is typed,
earlier unresolved issues are suggested (full-text search, see :func:`copdesk.core.fts.match_any`), so the team links
"raised again" instead of starting a fresh record each time; once an issue has been raised in enough sessions
without a resolution it is flagged, with the masterclass's advice.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from copdesk.core.masterclass import Challenge, shipped_texts
from copdesk.core.model import EscalationStatus, IssueStatus, MarkerKind

# Fewer than two sessions is not "again"; a threshold of 2 flags an issue the second time it is raised.
MIN_THRESHOLD = 2
MAX_THRESHOLD = 20


def recurring_challenge() -> Challenge:
    """The masterclass's challenge and what to do about it, quoted with the section each line comes from."""
    return shipped_texts().challenge(MarkerKind.REPEATED_ISSUE)


def raised_text(times: int) -> str:
    return "once" if times == 1 else "twice" if times == 2 else f"{times} times"


def advice_text(times_raised: int) -> str:
    """The flag's words: the masterclass's challenge and its remedies, each quoted with the section it is from."""
    challenge = recurring_challenge()
    remedies = "".join(
        f"\n• {'CoPDesk also offers: ' if remedy.offered_by_copdesk else ''}{remedy.text.with_credit()}"
        for remedy in challenge.remedies
    )
    return (
        f"Raised in {times_raised} sessions without a resolution: {challenge.name.with_credit()}. "
        f"What the masterclass suggests:{remedies}"
    )


def short_advice(times_raised: int) -> str:
    """The one-line flag for a crowded pane; :func:`advice_text` (its tooltip) is the whole quotation."""
    return f"⚑ Raised {raised_text(times_raised)} without a resolution: {recurring_challenge().name.with_credit()}."


class EscalationError(ValueError):
    """Raised with a one-line message fit to show the user as it is."""


def is_flagged(times_raised: int, status: IssueStatus, threshold: int) -> bool:
    """Raised in ``threshold`` sessions or more and still not resolved: time to take it elsewhere."""
    return status is not IssueStatus.RESOLVED and times_raised >= threshold


def is_recurring(times_raised: int, status: IssueStatus) -> bool:
    """Unresolved and raised in more than one session: what the Prepare view lists."""
    return status is not IssueStatus.RESOLVED and times_raised >= MIN_THRESHOLD


def status_on(
    day: date,
    status: IssueStatus,
    resolved_on: date | None,
    escalated_since: date | None,
    *,
    escalation_not_known: bool = False,
) -> IssueStatus | None:
    """What an issue's status was at the end of ``day``, for a document that reads as things stood then (a past
    quarter, a session's record): resolved from the day it was, escalated from the day the first of its escalations
    not closed was raised (``escalated_since``: one whose escalations are all closed is not escalated), open before.
    A status whose day was not kept stays as it is. ``None`` where that is not known: not resolved then, and an
    escalation of it closed on a day not kept may have been open still (``escalation_not_known``, see
    :class:`EscalatedOn`)."""
    if status is IssueStatus.RESOLVED and (resolved_on is None or resolved_on <= day):
        return IssueStatus.RESOLVED
    if escalated_since is not None and escalated_since <= day:
        return IssueStatus.ESCALATED
    if escalation_not_known:
        return None
    if status is IssueStatus.ESCALATED and escalated_since is None:
        return IssueStatus.ESCALATED
    return IssueStatus.OPEN if status in (IssueStatus.RESOLVED, IssueStatus.ESCALATED) else status


# Why a status on a past day reads "Not known", said wherever those words are shown (CoPDesk's words): a reader of a
# record, a report, its spreadsheet or the roll-up finds what they mean beside them.
ISSUE_NOT_KNOWN = "Not known (escalated or open)"
ISSUE_NOT_KNOWN_WHY = (
    "an escalation of the issue was closed before CoPDesk kept that date, so whether it was still escalated then is "
    "not known"
)
ISSUES_NOT_KNOWN_LEAD = f"Where a status reads Not known, {ISSUE_NOT_KNOWN_WHY}."  # after a list of issues
ESCALATION_NOT_KNOWN_WHY = (
    "it was responded to or closed before CoPDesk kept those dates, so only its status now can be given"
)


def issue_status_then_text(then: IssueStatus | None) -> str:
    """An issue's status as it stood on a past day, in words (:func:`status_on`): where it is not known, it was one
    of the two an escalation closed on a day not kept leaves open (:data:`ISSUE_NOT_KNOWN_WHY`)."""
    return then.label if then else ISSUE_NOT_KNOWN


def check_threshold(value: int) -> int:
    if not MIN_THRESHOLD <= value <= MAX_THRESHOLD:
        raise ValueError(f"Flag issues after {MIN_THRESHOLD} to {MAX_THRESHOLD} sessions, not {value}.")
    return value


# An escalation waits for a response, gets one, and is closed; it may also be closed without one
# (withdrawn, or overtaken). A closed escalation is history and does not reopen: raise a new one.
_NEXT_STATUSES = {
    EscalationStatus.AWAITING: (EscalationStatus.RESPONDED, EscalationStatus.CLOSED),
    EscalationStatus.RESPONDED: (EscalationStatus.CLOSED,),
    EscalationStatus.CLOSED: (),
}


def next_statuses(current: EscalationStatus) -> tuple[EscalationStatus, ...]:
    return _NEXT_STATUSES[current]


def check_escalation_update(current: EscalationStatus, new: EscalationStatus, outcome: str) -> str | None:
    """The cleaned outcome to store for a move from ``current`` to ``new``, or raise :class:`EscalationError`.

    A response is recorded with what the response was, so "responded" needs an outcome; saving the same
    status again only edits the outcome.
    """
    cleaned = " ".join(outcome.split()) or None
    if new is not current and new not in _NEXT_STATUSES[current]:
        raise EscalationError(
            f"An escalation that is {current.label.lower()} cannot go back to {new.label.lower()}; raise a new one."
        )
    if new is EscalationStatus.RESPONDED and cleaned is None:
        raise EscalationError("Say what the response was; the outcome is what the team will look back on.")
    return cleaned


class EscalatedOn(NamedTuple):
    """The escalations of some issues as they stood at the end of a day (:func:`status_on`). ``since``: for each issue
    with an escalation not closed then, the day the first such was raised. ``not_known``: the issues with an
    escalation raised by then, closed now, and closed before CoPDesk kept the day (schema 41), so whether it was still
    open then is not known."""

    since: dict[int, date]
    not_known: frozenset[int] = frozenset()


class EscalationDays(NamedTuple):
    """The local days an escalation was responded to and closed, each ``None`` until it was. ``undated_before`` is set
    for one responded to or closed before CoPDesk kept those days (schema 41): whichever it was then happened on a day
    not kept, on or before that one."""

    responded_on: date | None
    closed_on: date | None
    undated_before: date | None = None


def escalation_status_on(day: date, status: EscalationStatus, days: EscalationDays) -> EscalationStatus | None:
    """What an escalation's status was at the end of ``day``, for a document that reads as things stood then (a past
    quarter's end), given the status it has now; ``None`` where that is not known: it was responded to or closed
    before CoPDesk kept the day, and ``day`` is earlier than CoPDesk began to."""
    if days.closed_on is not None and days.closed_on <= day:
        return EscalationStatus.CLOSED
    if days.responded_on is not None:
        return EscalationStatus.RESPONDED if days.responded_on <= day else EscalationStatus.AWAITING
    before = days.undated_before
    if before is None or status is EscalationStatus.AWAITING:
        return EscalationStatus.AWAITING
    if day < before:
        return None
    # Whichever it was when CoPDesk began keeping the days: closed then (no day since), or responded to.
    closed_then = days.closed_on is None and status is EscalationStatus.CLOSED
    return EscalationStatus.CLOSED if closed_then else EscalationStatus.RESPONDED


def status_then_text(then: EscalationStatus | None, now: EscalationStatus) -> str:
    """An escalation's status as it stood on a past day, in words: "Not known" with the status now, where it was not
    kept (:func:`escalation_status_on`)."""
    return then.label if then else f"Not known (now {now.label.lower()})"
