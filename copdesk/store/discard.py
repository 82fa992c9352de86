"""What discarding a session started by accident or for practice would delete, and the deletion itself.

Ending a session keeps it for good: it counts as held in reports, and every action still open is carried
(its carry count goes up). A session that should never have happened is deleted instead, in one
transaction: the session with its agenda, attendance (and time away), contributions, markers, notes, questions
asked, issue mentions and the follow-up reviews made in it (so the actions it carried, closed or dropped are as
they were before it: an action it closed is open again); the actions agreed in it; the issues only it
raised; the escalations recorded in it (an issue only it escalated is open again); and the guests added
on the spot who came to nothing else. Changes of owner or due date made in it are not undone (the review
records the change, not the value before it).

To keep history safe only the team's latest started session can go, and only while it is live or on the
day it ended. The audit log records the deletion by counts, never by content. The act (check, delete, audit,
one transaction) is :func:`copdesk.services.sessions.discard_session`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.clock import local_day
from copdesk.core.model import Session, SessionStatus
from copdesk.core.text import counted
from copdesk.store import sessions

# Issues with a mention in the session and none in any other: the session raised them, and only it.
_ONLY_ITS_ISSUES = """
SELECT DISTINCT m.issue_id FROM issue_mention m WHERE m.session_id = :id
AND NOT EXISTS (SELECT 1 FROM issue_mention o WHERE o.issue_id = m.issue_id AND o.session_id <> :id)
"""
_SETTLING = "('carried', 'done', 'dropped')"  # the reviews that carry or close an action
_COUNTS = {
    "notes": "SELECT count(*) FROM note WHERE session_id = :id",
    "contributions": "SELECT count(*) FROM contribution WHERE session_id = :id",
    "markers": "SELECT count(*) FROM marker WHERE session_id = :id",
    "questions": "SELECT count(*) FROM question_asked WHERE session_id = :id",
    "actions": "SELECT count(*) FROM action WHERE origin_session_id = :id",
    "reviews": f"SELECT count(*) FROM action_review WHERE session_id = :id AND outcome IN {_SETTLING}",
    "changes": f"SELECT count(*) FROM action_review WHERE session_id = :id AND outcome NOT IN {_SETTLING}",
    "mentions": "SELECT count(*) FROM issue_mention WHERE session_id = :id",
    "issues": f"SELECT count(*) FROM ({_ONLY_ITS_ISSUES})",
    "escalations": "SELECT count(*) FROM escalation WHERE session_id = :id",
    "guests": f"SELECT count(*) FROM ({sessions.ITS_GUESTS})",
}


@dataclass(frozen=True, slots=True)
class DiscardPreview:
    """What discarding the session deletes, counted (never quoted: it is shown and audited)."""

    session: Session
    notes: int
    contributions: int
    markers: int
    questions: int
    actions: int
    reviews: int
    changes: int
    mentions: int
    issues: int
    escalations: int
    guests: int

    def in_words(self) -> str:
        """ "3 notes, 1 action agreed, …": what would go, for the confirmation and the audit."""
        parts = [
            counted(self.notes, "note"),
            counted(self.contributions, "contribution"),
            counted(self.markers, "marker"),
            counted(self.questions, "question asked", "questions asked"),
            counted(self.actions, "action agreed", "actions agreed"),
            counted(self.reviews, "follow-up of an earlier action", "follow-ups of earlier actions"),
            counted(self.mentions, "issue mention"),
            counted(self.issues, "issue it alone raised", "issues it alone raised"),
            counted(self.escalations, "escalation"),
            counted(self.guests, "guest added for it", "guests added for it"),
        ]
        recorded = [part for part in parts if not part.startswith("0 ")]
        return ", ".join(recorded) if recorded else "nothing recorded yet"


class DiscardRefused(ValueError):
    """The session is history (or not started): it stays. The message says why in one line."""


def discardable_session(db: Database, team_id: int, now: datetime) -> Session | None:
    """The team's session that may be discarded now: its live one, else its latest if that ended today."""
    latest = _latest_started(db, team_id)
    if latest is None:
        return None
    try:
        _check(db, latest, now)
    except DiscardRefused:
        return None
    return latest


def preview_discard(db: Database, session_id: int, now: datetime) -> DiscardPreview:
    """What discarding the session would delete; raises :class:`DiscardRefused` if it would refuse."""
    session = sessions.get_session(db, session_id)
    _check(db, session, now)
    counts = {name: int(db.execute(sql, {"id": session_id}).fetchone()[0]) for name, sql in _COUNTS.items()}
    return DiscardPreview(session, **counts)


def delete_session(db: Database, session_id: int) -> None:
    """Delete the session and everything recorded in it (the caller checked with :func:`preview_discard` and
    runs this in its transaction): what its reviews closed opens again, and deleting them takes its carries back."""
    params = {"id": session_id}
    guests = [int(row[0]) for row in db.execute(sessions.ITS_GUESTS, params).fetchall()]
    db.execute(
        "UPDATE action SET status = 'open', closed_at = NULL WHERE id IN "
        "(SELECT action_id FROM action_review WHERE session_id = :id AND outcome IN ('done', 'dropped'))",
        params,
    )
    escalated = [int(row[0]) for row in db.execute("SELECT issue_id FROM escalation WHERE session_id = :id", params)]
    db.execute("DELETE FROM escalation WHERE session_id = :id", params)
    for issue_id in escalated:  # escalated only by this session: open again, as it was
        db.execute(
            "UPDATE issue SET status = 'open' WHERE id = ? AND status = 'escalated' "
            "AND NOT EXISTS (SELECT 1 FROM escalation WHERE issue_id = issue.id)",
            [issue_id],
        )
    db.execute(f"DELETE FROM issue WHERE id IN ({_ONLY_ITS_ISSUES})", params)
    db.execute("DELETE FROM action WHERE origin_session_id = :id", params)
    db.execute("DELETE FROM session WHERE id = :id", params)  # its rows in other tables go with it
    for guest_id in guests:
        db.execute("DELETE FROM member WHERE id = ?", [guest_id])


def _latest_started(db: Database, team_id: int) -> Session | None:
    sql = (
        "SELECT id FROM session WHERE team_id = ? AND status IN ('live', 'ended') "
        "ORDER BY started_at DESC, id DESC LIMIT 1"
    )
    row = db.execute(sql, [team_id]).fetchone()
    return sessions.get_session(db, int(row[0])) if row else None


def _check(db: Database, session: Session, now: datetime) -> None:
    if session.status is SessionStatus.PLANNED:
        raise DiscardRefused("This session has not started, so there is nothing recorded in it to discard.")
    latest = _latest_started(db, session.team_id)
    if latest is not None and latest.id != session.id:
        raise DiscardRefused("Only the team's latest session can be discarded; earlier ones are kept as history.")
    if session.status is SessionStatus.ENDED and session.ended_at is not None:
        ended_on = local_day(session.ended_at)
        if ended_on < now.astimezone().date():
            raise DiscardRefused(
                "Only the live session, or one that ended today, can be discarded; older sessions are kept as history."
            )
