"""Issues the team raises, and what becomes of them: raise one, correct its title, link an earlier one as raised
again (and undo the link), remove one recorded by mistake, resolve one, escalate one and follow the escalation, and
the "raised N times" threshold.

What a session recorded can be taken back while it is live (a slip of the keyboard is not history); once it has
ended, its issues and links are part of the record."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.input_limits import MAX_ISSUE_TITLE_CHARACTERS, item_wording
from copdesk.core.model import Escalation, EscalationStatus, EscalationTarget, Issue, SessionStatus
from copdesk.core.review import IssueSummary
from copdesk.core.text import name_key
from copdesk.services import require_row, transaction
from copdesk.store import issues, recurring, sessions


def raise_issue(db: Database, team_id: int, title: str, session_id: int, now: datetime) -> Issue:
    with transaction(db):
        return issues.add_issue(db, team_id, title, session_id, now)


ISSUE_GONE = "That issue is no longer there (it was removed)"
RESOLVED_MEANWHILE = "That issue was resolved meanwhile: correct its resolution instead; nothing was changed."


def retitle_issue(db: Database, issue_id: int, title: str) -> Issue:
    """Correct an issue's title (a typo; a name that should not be there): its mentions, escalations and status
    kept. ``ValueError`` for a title that is empty, too long (:func:`item_wording`) or another unresolved issue's of
    the team (compared as names are): two open issues of one name could not be told apart when linking."""
    wording = item_wording(title, "The issue's title", MAX_ISSUE_TITLE_CHARACTERS)
    with transaction(db):
        require_row(db, "issue", issue_id, ISSUE_GONE)
        issue = issues.get_issue(db, issue_id)
        if issue.title == wording:
            return issue
        same = next(
            (
                other
                for other in recurring.unresolved_issues(db, issue.team_id)
                if other.id != issue_id and name_key(other.title) == name_key(wording)
            ),
            None,
        )
        if same is not None:
            raise ValueError(f"Another open issue is already called “{same.title}”; choose other words.")
        issues.retitle_issue(db, issue_id, wording)
        return issues.get_issue(db, issue_id)


def raise_again(db: Database, issue_id: int, session_id: int, text: str, now: datetime) -> IssueSummary:
    """Link an earlier issue to this session, once per session (``ValueError`` for a second link)."""
    with transaction(db):
        return recurring.raise_again(db, issue_id, session_id, text, now)


def unlink(db: Database, issue_id: int, session_id: int) -> IssueSummary:
    """Take back a "raised again" link made by mistake while the session is live; the issue stays."""
    with transaction(db):
        _still_live(db, session_id)
        return recurring.undo_raise_again(db, issue_id, session_id)


def remove_issue(db: Database, issue_id: int, session_id: int) -> Issue:
    """Delete an issue recorded by mistake in this live session (its mentions and escalations with it)."""
    with transaction(db):
        _still_live(db, session_id)
        return recurring.remove_recorded_issue(db, issue_id, session_id)


def _still_live(db: Database, session_id: int) -> None:
    if sessions.get_session(db, session_id).status is not SessionStatus.LIVE:
        raise ValueError("That session has ended: what it recorded is part of the record now.")


def resolve_issue(db: Database, issue_id: int, resolution: str, now: datetime) -> Issue:
    """``ValueError`` for a resolution that is empty or too long, and for an issue removed or resolved meanwhile
    (a resolution is corrected, never written over: :func:`copdesk.services.corrections.correct_words`)."""
    with transaction(db):
        require_row(db, "issue", issue_id, ISSUE_GONE)
        if issues.get_issue(db, issue_id).resolution is not None:
            raise ValueError(RESOLVED_MEANWHILE)
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


def change_escalation(
    db: Database, escalation_id: int, status: EscalationStatus, outcome: str, now: datetime
) -> Escalation:
    """Move an escalation along its lifecycle, noting when (for a past quarter's report), or raise
    ``EscalationError`` with a one-line message."""
    with transaction(db):
        return recurring.change_escalation(db, escalation_id, status, outcome, now)


def set_recurring_threshold(db: Database, value: int) -> None:
    with transaction(db):
        recurring.set_recurring_threshold(db, value)
