"""Issues the team raises, and what becomes of them: raise one, link an earlier one as raised again (and undo
the link), resolve one, escalate one and follow the escalation, and the "raised N times" threshold."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.model import Escalation, EscalationStatus, EscalationTarget, Issue
from copdesk.core.review import IssueSummary
from copdesk.services import transaction
from copdesk.store import issues, recurring


def raise_issue(db: Database, team_id: int, title: str, session_id: int, now: datetime) -> Issue:
    with transaction(db):
        return issues.add_issue(db, team_id, title, session_id, now)


def raise_again(db: Database, issue_id: int, session_id: int, text: str, now: datetime) -> IssueSummary:
    """Link an earlier issue to this session, once per session (``ValueError`` for a second link)."""
    with transaction(db):
        return recurring.raise_again(db, issue_id, session_id, text, now)


def unlink(db: Database, issue_id: int, session_id: int) -> IssueSummary:
    """Take back a "raised again" link made by mistake; the issue stays."""
    with transaction(db):
        return recurring.undo_raise_again(db, issue_id, session_id)


def resolve_issue(db: Database, issue_id: int, resolution: str, now: datetime) -> Issue:
    with transaction(db):
        return issues.resolve_issue(db, issue_id, resolution, now)


def escalate(
    db: Database,
    issue_id: int,
    target: EscalationTarget,
    raised_on: date,
    response_due: date | None,
    session_id: int | None = None,
) -> Escalation:
    with transaction(db):
        return issues.add_escalation(db, issue_id, target, raised_on, response_due, session_id)


def change_escalation(db: Database, escalation_id: int, status: EscalationStatus, outcome: str) -> Escalation:
    """Move an escalation along its lifecycle, or raise ``EscalationError`` with a one-line message."""
    with transaction(db):
        return recurring.change_escalation(db, escalation_id, status, outcome)


def set_recurring_threshold(db: Database, value: int) -> None:
    with transaction(db):
        recurring.set_recurring_threshold(db, value)
