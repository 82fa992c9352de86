"""Recurring issues: history across sessions, the threshold flag, escalations and resolution."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.question_bank import Question
from copdesk.core.recurring import EscalationError
from copdesk.store import issues, sessions, teams
from copdesk.store.recurring import (
    change_escalation,
    issue_history,
    issues_raised_in,
    raise_again,
    set_recurring_threshold,
    unresolved_issues,
)
from copdesk.store.review import review_pack
from copdesk.store.search import suggest_issues

NOW = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)
NO_QUESTIONS: list[Question] = []


def _sessions(db: Database, team_id: int, count: int) -> list[int]:
    return [
        sessions.create_session(
            db, team_id, SessionKind.REFLECTIVE, NOW, planned_start=NOW + timedelta(days=14 * index)
        ).id
        for index in range(count)
    ]


def _flagged(db: Database, team_id: int, now: datetime) -> dict[int, bool]:
    pack = review_pack(db, team_id, now, NO_QUESTIONS)
    return {issue.id: issue.flagged for issue in pack.recurring_issues}


def test_history_and_the_threshold_flag(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first, second, third, fourth = _sessions(db, team.id, 4)
    issue = issues.add_issue(db, team.id, "OT assessment delays", first, NOW, "Two discharges waited a week")
    later = NOW + timedelta(days=60)
    assert _flagged(db, team.id, later) == {}  # raised once is not recurring yet
    raise_again(db, issue.id, second, "  Still   waiting ", NOW + timedelta(days=14))
    assert _flagged(db, team.id, later) == {issue.id: False}
    with pytest.raises(ValueError, match="already linked"):
        raise_again(db, issue.id, second, "again", NOW)
    raise_again(db, issue.id, third, "Worse this month", NOW + timedelta(days=28))
    assert _flagged(db, team.id, later) == {issue.id: True}  # the default threshold is 3

    history = issue_history(db, issue.id)
    assert [(h.session_id, h.text) for h in history] == [
        (first, "Two discharges waited a week"),
        (second, "Still waiting"),
        (third, "Worse this month"),
    ]
    assert [h.session_date for h in history] == [(NOW + timedelta(days=d)).astimezone().date() for d in (0, 14, 28)]

    set_recurring_threshold(db, 4)
    assert _flagged(db, team.id, later) == {issue.id: False}
    raise_again(db, issue.id, fourth, "", NOW + timedelta(days=42))
    assert _flagged(db, team.id, later) == {issue.id: True}
    with pytest.raises(ValueError, match="2 to 20"):
        set_recurring_threshold(db, 1)

    issues.resolve_issue(db, issue.id, "OT lead now triages hospital referrals daily.", later)
    assert _flagged(db, team.id, later) == {}
    assert unresolved_issues(db, team.id) == []
    assert issues.get_issue(db, issue.id).resolution == "OT lead now triages hospital referrals daily."


def test_a_resolution_needs_a_note(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    (first,) = _sessions(db, team.id, 1)
    issue = issues.add_issue(db, team.id, "OT assessment delays", first, NOW)
    with pytest.raises(ValueError, match="resolution note"):
        issues.resolve_issue(db, issue.id, "   ", NOW)
    assert issues.get_issue(db, issue.id).status is IssueStatus.OPEN


def test_the_lifecycle_of_an_escalation(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first, second = _sessions(db, team.id, 2)
    issue = issues.add_issue(db, team.id, "No interpreters at short notice", first, NOW)
    escalation = issues.add_escalation(
        db, issue.id, EscalationTarget.MY_VIEWS, date(2026, 9, 10), date(2026, 9, 24), first
    )
    assert issues.get_issue(db, issue.id).status is IssueStatus.ESCALATED
    assert escalation.status is EscalationStatus.AWAITING

    pack = review_pack(db, team.id, datetime(2026, 9, 30, 9, 0, tzinfo=UTC), NO_QUESTIONS)
    (awaiting,) = pack.escalations_awaiting
    assert (awaiting.id, awaiting.target, awaiting.overdue) == (escalation.id, EscalationTarget.MY_VIEWS, True)

    with pytest.raises(EscalationError, match="what the response was"):
        change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "  ", NOW)
    responded = change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Booking line extended to 48 h", NOW)
    assert (responded.status, responded.outcome) == (EscalationStatus.RESPONDED, "Booking line extended to 48 h")
    assert review_pack(db, team.id, NOW, NO_QUESTIONS).escalations_awaiting == ()
    with pytest.raises(EscalationError, match="cannot go back"):
        change_escalation(db, escalation.id, EscalationStatus.AWAITING, "", NOW)
    closed = change_escalation(db, escalation.id, EscalationStatus.CLOSED, "Booking line extended to 48 h", NOW)
    assert closed.status is EscalationStatus.CLOSED
    with pytest.raises(EscalationError):
        change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "again", NOW)
    assert issues.escalations_for_issue(db, issue.id) == [closed]
    assert [s.id for s in issues_raised_in(db, first)] == [issue.id]
    assert issues_raised_in(db, second) == []


def test_an_issue_whose_escalations_are_all_closed_reads_open_again(db: Database) -> None:
    """The Prepare view said "Escalated" of an issue whose one escalation had been withdrawn months before, and the
    Issue tab's suggestions said the same."""
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first, second = _sessions(db, team.id, 2)
    issue = issues.add_issue(db, team.id, "No interpreters at short notice", first, NOW)
    raise_again(db, issue.id, second, "Again this month", NOW + timedelta(days=14))
    to_manager = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, date(2026, 9, 10), None, first)
    to_views = issues.add_escalation(db, issue.id, EscalationTarget.MY_VIEWS, date(2026, 9, 11), None, first)

    def reads() -> set[IssueStatus]:
        (listed,) = review_pack(db, team.id, NOW, NO_QUESTIONS).recurring_issues
        (offered,) = unresolved_issues(db, team.id)
        (suggested,) = suggest_issues(db, team.id, "interpreters")
        return {listed.status, offered.status, suggested.status}

    change_escalation(db, to_manager.id, EscalationStatus.CLOSED, "Withdrawn: the manager left", NOW)
    assert reads() == {IssueStatus.ESCALATED}  # the other one still waits
    change_escalation(db, to_views.id, EscalationStatus.RESPONDED, "Passed to the commissioners", NOW)
    assert reads() == {IssueStatus.ESCALATED}  # answered, not yet closed
    change_escalation(db, to_views.id, EscalationStatus.CLOSED, "", NOW)
    assert reads() == {IssueStatus.OPEN}
    issues.add_escalation(db, issue.id, EscalationTarget.PRACTICE_SUPERVISOR, date(2026, 9, 12), None)
    assert reads() == {IssueStatus.ESCALATED}  # escalated again
