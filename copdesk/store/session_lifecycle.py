"""Reads around a session's life: the session planned in advance for around now (to open instead of a new one),
and what the end-of-session summary counts. Starting and ending are :mod:`copdesk.services.sessions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import Session, SessionStatus
from copdesk.core.pacing import SegmentOutcome
from copdesk.store import sessions

PLANNED_SESSION_WINDOW = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class SessionCounts:
    present: int
    guests: int
    contributions: int
    markers: int
    questions_asked: int
    notes: int
    actions_agreed: int


def planned_session_near(db: Database, team_id: int, moment: datetime) -> Session | None:
    """A session of the team planned in advance for around ``moment`` (aware), to open instead of a new one."""
    candidates = [
        (abs(from_utc_iso(s.planned_start) - moment), s)
        for s in sessions.list_sessions(db, team_id, status=SessionStatus.PLANNED)
        if s.planned_start is not None and abs(from_utc_iso(s.planned_start) - moment) <= PLANNED_SESSION_WINDOW
    ]
    return min(candidates, key=lambda candidate: candidate[0])[1] if candidates else None


def summary_counts(db: Database, session_id: int) -> SessionCounts:
    """Totals for the end-of-session summary: numbers for the room, never a tally per person."""

    def count(sql: str) -> int:
        return int(db.execute(sql, [session_id]).fetchone()[0])

    return SessionCounts(
        present=count("SELECT count(*) FROM attendance WHERE session_id = ?"),
        guests=count(
            "SELECT count(*) FROM attendance a JOIN member m ON m.id = a.member_id "
            "WHERE a.session_id = ? AND m.role = 'guest'"
        ),
        contributions=count("SELECT count(*) FROM contribution WHERE session_id = ?"),
        markers=count("SELECT count(*) FROM marker WHERE session_id = ?"),
        questions_asked=count("SELECT count(*) FROM question_asked WHERE session_id = ?"),
        notes=count("SELECT count(*) FROM note WHERE session_id = ?"),
        actions_agreed=count("SELECT count(*) FROM action WHERE origin_session_id = ?"),
    )


def segment_outcomes(db: Database, session_id: int) -> list[SegmentOutcome]:
    """Planned against actual for each segment, in agenda order, as saved."""
    return [SegmentOutcome(s.name, s.planned_seconds, s.actual_seconds) for s in sessions.segments(db, session_id)]
