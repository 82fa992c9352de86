"""Contributions (facilitator-only data about colleagues) and engagement markers (about the room).

The team-level queries at the end feed the Prepare view: attendance and balance per session (numbers
only, never a ranking), and who was quiet at the last session, for the facilitator to invite in (for the part of it
they were there: someone who came late, stepped out for a while, or left early, is measured against an even share of
that part).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, local_day, to_utc_iso
from copdesk.core.model import MarkerKind, Member, SessionStatus
from copdesk.core.participation import SessionParticipation, quiet_in_session
from copdesk.core.time_away import away_seconds, before_arriving, by_member
from copdesk.store import time_away
from copdesk.store.sessions import arrivals, attendee_ids, run_by_the_team
from copdesk.store.tables import insert_row
from copdesk.store.teams import list_members


@dataclass(frozen=True, slots=True)
class ContributionRow:
    id: int
    member_id: int
    at: str
    duration_seconds: float | None


@dataclass(frozen=True, slots=True)
class MarkerRow:
    id: int
    kind: MarkerKind
    at: str


def add_contribution(
    db: Database, session_id: int, member_id: int, at: datetime, duration_seconds: float | None = None
) -> int:
    row = {"session_id": session_id, "member_id": member_id, "at": to_utc_iso(at), "duration_seconds": duration_seconds}
    return insert_row(db, "contribution", row)


def set_contribution_duration(db: Database, contribution_id: int, duration_seconds: float) -> None:
    """Close a talk-time stint. Until then its row reads as a plain tick, so a crash mid-stint loses no count."""
    db.execute(
        "UPDATE contribution SET duration_seconds = ? WHERE id = ?", [max(0.0, duration_seconds), contribution_id]
    )


def delete_contribution(db: Database, contribution_id: int) -> None:
    db.execute("DELETE FROM contribution WHERE id = ?", [contribution_id])


def contributions(db: Database, session_id: int) -> list[ContributionRow]:
    sql = "SELECT id, member_id, at, duration_seconds FROM contribution WHERE session_id = ? ORDER BY id"
    return [
        ContributionRow(int(r["id"]), int(r["member_id"]), str(r["at"]), r["duration_seconds"])
        for r in db.query(sql, [session_id])
    ]


def add_marker(db: Database, session_id: int, kind: MarkerKind, at: datetime) -> int:
    row = {"session_id": session_id, "kind": MarkerKind(kind).value, "at": to_utc_iso(at)}
    return insert_row(db, "marker", row)


def delete_marker(db: Database, marker_id: int) -> None:
    db.execute("DELETE FROM marker WHERE id = ?", [marker_id])


def markers(db: Database, session_id: int) -> list[MarkerRow]:
    sql = "SELECT id, kind, at FROM marker WHERE session_id = ? ORDER BY id"
    return [MarkerRow(int(r["id"]), MarkerKind(r["kind"]), str(r["at"])) for r in db.query(sql, [session_id])]


@dataclass(frozen=True, slots=True)
class QuietLastTime:
    """The members quiet at the team's last ended session, in roster order; empty if nothing was tallied."""

    held_on: date
    members: tuple[Member, ...]
    tallied: bool


class _EndedSession(NamedTuple):
    id: int
    started_at: str
    ended_at: str | None
    attendance: int


def _ended_sessions(
    db: Database, team_id: int, limit: int, *, run_by_the_team_only: bool = False
) -> list[_EndedSession]:
    """The team's latest ended sessions, newest first; with ``run_by_the_team_only``, those it ran itself, where
    participation is tracked (:func:`copdesk.store.sessions.run_by_the_team`), not one it attended."""
    run, params = run_by_the_team() if run_by_the_team_only else ("1", [])
    sql = (
        "SELECT s.id, s.started_at, s.ended_at,"
        " (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS attendance"
        f" FROM session s WHERE s.team_id = ? AND s.status = ? AND s.started_at IS NOT NULL AND {run}"
        " ORDER BY s.started_at DESC, s.id DESC LIMIT ?"
    )
    rows = db.query(sql, [team_id, SessionStatus.ENDED.value, *params, limit])
    return [_EndedSession(int(r["id"]), str(r["started_at"]), r["ended_at"], int(r["attendance"])) for r in rows]


def _presence(db: Database, session: _EndedSession) -> dict[int, float]:
    """The part of the session each attendee who came late, was away from it for a while, or left before the end, was
    there for (the others: all of it)."""
    if session.ended_at is None:
        return {}
    started, ended = from_utc_iso(session.started_at), from_utc_iso(session.ended_at)
    length = (ended - started).total_seconds()
    if length <= 0:
        return {}
    away = by_member(time_away.spells(db, session.id))
    for member_id, came in arrivals(db, session.id).items():  # not there from the start until they came
        away.setdefault(member_id, []).append(before_arriving(member_id, started, from_utc_iso(came)))
    return {
        member_id: max(0.0, 1.0 - away_seconds(spells, started, ended) / length) for member_id, spells in away.items()
    }


def _attendee_counts(db: Database, session_ids: Sequence[int]) -> dict[int, dict[int, int]]:
    """Contributions per attendee per session; a tally for someone not marked present is left out."""
    if not session_ids:
        return {}
    marks = ", ".join("?" for _ in session_ids)
    sql = (
        "SELECT c.session_id, c.member_id, count(*) AS n FROM contribution c"
        " JOIN attendance a ON a.session_id = c.session_id AND a.member_id = c.member_id"
        f" WHERE c.session_id IN ({marks}) GROUP BY c.session_id, c.member_id"
    )
    counts: dict[int, dict[int, int]] = {session_id: {} for session_id in session_ids}
    for row in db.query(sql, list(session_ids)):
        counts[int(row["session_id"])][int(row["member_id"])] = int(row["n"])
    return counts


def team_history(db: Database, team_id: int, limit: int = 10) -> list[SessionParticipation]:
    """The team's last ``limit`` ended sessions as bare numbers, for :func:`participation_history`."""
    ended = _ended_sessions(db, team_id, limit)
    counts = _attendee_counts(db, [session.id for session in ended])
    return [
        SessionParticipation(local_day(session.started_at), session.attendance, tuple(counts[session.id].values()))
        for session in ended
    ]


def quiet_last_time(db: Database, team_id: int) -> QuietLastTime | None:
    """Who was quiet at the most recent ended session the team ran itself; ``None`` before the first one. A Spotlight,
    Themed or TM/SSW session it attended since tracks nobody, so it is passed over: the quiet names are there to
    invite in at the next session the facilitator runs."""
    ended = _ended_sessions(db, team_id, 1, run_by_the_team_only=True)
    if not ended:
        return None
    last = ended[0]
    present = set(attendee_ids(db, last.id))
    roster = [m for m in list_members(db, team_id, include_inactive=True) if m.id in present]
    counts = _attendee_counts(db, [last.id])[last.id]
    quiet = set(quiet_in_session([m.id for m in roster], counts, presence=_presence(db, last)))
    return QuietLastTime(local_day(last.started_at), tuple(m for m in roster if m.id in quiet), tallied=bool(counts))
