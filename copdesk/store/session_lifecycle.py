"""Opening a session for the live hour, closing it, and what its end-of-session summary counts.

Opening writes several tables (guests added on the spot, the session and its agenda, attendance, the
ground-rules agreement); it happens in one transaction, so a bad guest name leaves nothing half-made. A team
has at most one live session: opening another is refused until that one is resumed and ended.

Closing is the same whichever way a session ends (the End button, or "end it at the last saved time" after
a crash), so the record reads the same: every follow-up still open is carried to the next session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from copdesk.core.agenda import AgendaTemplate
from copdesk.core.clock import from_utc_iso
from copdesk.core.model import Role, Session, SessionKind, SessionStatus
from copdesk.core.pacing import SegmentOutcome
from copdesk.core.planning import SessionRoles
from copdesk.store import planning, sessions, teams
from copdesk.store.carry_over import carry_forward_unreviewed
from copdesk.store.sessions import PlannedSegment

PLANNED_SESSION_WINDOW = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """What the facilitator chose in the start dialog."""

    team_id: int
    kind: SessionKind
    topic: str
    presenter_id: int | None
    present_ids: tuple[int, ...]
    guest_names: tuple[str, ...]
    agenda: AgendaTemplate
    ground_rules_agreed: bool
    planned_start: datetime | None = None  # aware; the scheduled start this session fulfils
    series_id: int | None = None
    reuse_session_id: int | None = None  # a session planned in advance, opened instead of a new one
    presenter_guest_name: str | None = None  # the presenter is one of the guests added on the spot
    roles: SessionRoles | None = None  # co-facilitator, format, trigger warning and support, from the plan


@dataclass(frozen=True, slots=True)
class SessionCounts:
    present: int
    guests: int
    contributions: int
    markers: int
    questions_asked: int
    notes: int
    actions_agreed: int


def open_session(db: Database, plan: SessionPlan, now: datetime) -> Session:
    """Add the guests, create (or reuse) the session with its agenda, record who is present, and start it."""
    agenda = [PlannedSegment(s.name, s.phase, s.planned_seconds) for s in plan.agenda.segments]
    with db.atomic():
        guests = {name: teams.add_member(db, plan.team_id, name, Role.GUEST, now).id for name in plan.guest_names}
        presenter_id = guests[plan.presenter_guest_name] if plan.presenter_guest_name else plan.presenter_id
        if plan.reuse_session_id is not None:
            session_id = plan.reuse_session_id
            if sessions.get_session(db, session_id).status is not SessionStatus.PLANNED:
                raise ValueError("That session has already been started.")
            sessions.update_session_details(db, session_id, topic=plan.topic, presenter_id=presenter_id)
            db.table("session").update(session_id, {"kind": plan.kind.value})
            sessions.replace_segments(db, session_id, agenda)
        else:
            session_id = sessions.create_session(
                db,
                plan.team_id,
                plan.kind,
                now,
                planned_start=plan.planned_start,
                topic=plan.topic,
                series_id=plan.series_id,
                presenter_id=presenter_id,
                segments=agenda,
            ).id
        if any(live.team_id == plan.team_id for live in sessions.live_sessions(db)):
            team = teams.get_team(db, plan.team_id).name
            raise ValueError(f"{team} already has a live session; resume it or end it before starting another.")
        sessions.set_attendance(db, session_id, [*plan.present_ids, *guests.values()])
        if plan.roles is not None:
            planning.set_session_roles(db, session_id, plan.roles)
        return sessions.start_session(db, session_id, now, ground_rules_agreed=plan.ground_rules_agreed)


def close_session(db: Database, session_id: int, ended_at: datetime) -> Session:
    """End a live session at ``ended_at`` and carry forward, at that time, every follow-up still open."""
    with db.atomic():
        carry_forward_unreviewed(db, session_id, ended_at)
        return sessions.end_session(db, session_id, ended_at)


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
