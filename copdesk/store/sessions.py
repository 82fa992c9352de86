"""Sessions, their agenda segments, and attendance (time away from a session: :mod:`copdesk.store.time_away`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, to_utc_iso
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Role, Segment, SegmentPhase, Session, SessionKind, SessionStatus
from copdesk.core.text import name_sort_key
from copdesk.store import teams
from copdesk.store.audit import record_event
from copdesk.store.tables import insert_row
from copdesk.store.time_away import spells


@dataclass(frozen=True, slots=True)
class PlannedSegment:
    name: str
    phase: SegmentPhase
    planned_seconds: int


def _session(row: dict[str, Any]) -> Session:
    return Session(
        id=int(row["id"]),
        team_id=int(row["team_id"]),
        kind=SessionKind(row["kind"]),
        topic=str(row["topic"]),
        planned_start=row["planned_start"],
        status=SessionStatus(row["status"]),
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        presenter_id=row["presenter_id"],
        series_id=row["series_id"],
        ground_rules_agreed_at=row["ground_rules_agreed_at"],
        last_saved_at=row["last_saved_at"],
    )


def _segment(row: dict[str, Any]) -> Segment:
    return Segment(
        id=int(row["id"]),
        session_id=int(row["session_id"]),
        position=int(row["position"]),
        name=str(row["name"]),
        phase=str(row["phase"]),
        planned_seconds=int(row["planned_seconds"]),
        actual_start=row["actual_start"],
        actual_end=row["actual_end"],
        actual_seconds=row["actual_seconds"],
    )


def create_session(
    db: Database,
    team_id: int,
    kind: SessionKind,
    now: datetime,
    *,
    planned_start: datetime | None = None,
    topic: str = "",
    series_id: int | None = None,
    presenter_id: int | None = None,
    segments: Iterable[PlannedSegment] = (),
) -> Session:
    """Create a planned session with its agenda in one transaction."""
    with db.atomic():
        session_id = insert_row(
            db,
            "session",
            {
                "team_id": team_id,
                "series_id": series_id,
                "kind": SessionKind(kind).value,
                "topic": topic.strip(),
                "planned_start": to_utc_iso(planned_start) if planned_start else None,
                "status": SessionStatus.PLANNED.value,
                "presenter_id": presenter_id,
                "created_at": to_utc_iso(now),
            },
        )
        replace_segments(db, session_id, segments)
        record_event(db, "created", "session", session_id, now, SessionKind(kind).value)
    return get_session(db, session_id)


def replace_segments(db: Database, session_id: int, segments: Iterable[PlannedSegment]) -> None:
    rows = [
        {
            "session_id": session_id,
            "position": position,
            "name": seg.name,
            "phase": SegmentPhase(seg.phase).value,
            "planned_seconds": seg.planned_seconds,
        }
        for position, seg in enumerate(segments)
    ]
    with db.atomic():
        db.execute("DELETE FROM segment WHERE session_id = ?", [session_id])
        if rows:
            db.table("segment").insert_all(rows)


def get_session(db: Database, session_id: int) -> Session:
    return _session(db.table("session").get(session_id))


# A TM/SSW CoP started while CoPDesk ran that type as the facilitator's own, before it counted as attended: the ground
# rules were agreed, or it ran the team's agenda of several segments (an attended session is given one). One planned
# then and not started is not: it starts as one the team attends. ``{s}`` is the session table's name or alias.
RUN_AS_OWN_TM_SSW = """({s}.kind = 'tm-ssw' AND {s}.started_at IS NOT NULL AND ({s}.ground_rules_agreed_at IS NOT NULL
    OR (SELECT count(*) FROM segment g WHERE g.session_id = {s}.id) > 1))"""


def run_by_the_team(s: str = "s") -> tuple[str, list[str]]:
    """The SQL condition, with its parameters, for a session the team runs itself (its participation tracked, its
    format chosen): one of a kind it runs, or a TM/SSW CoP started as the facilitator's own (:data:`RUN_AS_OWN_TM_SSW`).
    ``s`` is the session table's name or alias in the query."""
    run = [kind.value for kind in SessionKind if not shipped_texts().is_attended(kind)]
    return f"({s}.kind IN ({', '.join('?' for _ in run)}) OR {RUN_AS_OWN_TM_SSW.format(s=s)})", run


def run_by_the_facilitator(db: Database, session_id: int) -> bool:
    """Whether the facilitator runs the session (its participation tracked, a co-facilitator to hand over to, its
    open follow-ups carried at its end): one the team runs itself (:func:`run_by_the_team`); a TM/SSW CoP started as
    the facilitator's own stays what it was started as, live across an upgrade too."""
    condition, params = run_by_the_team()
    return bool(db.execute(f"SELECT {condition} FROM session s WHERE s.id = ?", [*params, session_id]).fetchone()[0])


def list_sessions(db: Database, team_id: int | None = None, *, status: SessionStatus | None = None) -> list[Session]:
    clauses: list[str] = []
    params: list[object] = []
    if team_id is not None:
        clauses.append("team_id = ?")
        params.append(team_id)
    if status is not None:
        clauses.append("status = ?")
        params.append(status.value)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    sql = f"SELECT * FROM session {where} ORDER BY coalesce(started_at, planned_start, created_at), id"
    return [_session(row) for row in db.query(sql, params)]


def live_sessions(db: Database) -> list[Session]:
    """Sessions still marked live: after an unclean exit, these are offered for resume."""
    return list_sessions(db, status=SessionStatus.LIVE)


def segments(db: Database, session_id: int) -> list[Segment]:
    return [
        _segment(row) for row in db.query("SELECT * FROM segment WHERE session_id = ? ORDER BY position", [session_id])
    ]


def set_attendance(db: Database, session_id: int, member_ids: Iterable[int]) -> None:
    with db.atomic():
        db.execute("DELETE FROM attendance WHERE session_id = ?", [session_id])
        db.table("attendance").insert_all(({"session_id": session_id, "member_id": m} for m in member_ids), ignore=True)


def add_attendee(db: Database, session_id: int, member_id: int, arrived_at: datetime) -> bool:
    """Mark one more person present (someone who arrived late, at ``arrived_at``) without rewriting anyone else's
    attendance.

    Returns False when they were already marked present. A member of another team is refused, because
    attendance feeds that team's history and CPD evidence.
    """
    row = next(
        db.query(
            "SELECT 1 FROM member JOIN session ON session.team_id = member.team_id "
            "WHERE member.id = ? AND session.id = ?",
            [member_id, session_id],
        ),
        None,
    )
    if row is None:
        raise ValueError("That person is not on this session's team.")
    cursor = db.execute(
        "INSERT OR IGNORE INTO attendance (session_id, member_id, arrived_at) VALUES (?, ?, ?)",
        [session_id, member_id, to_utc_iso(arrived_at)],
    )
    return cursor.rowcount == 1


def add_latecomers(
    db: Database, session_id: int, member_ids: Sequence[int], guest_names: Sequence[str], now: datetime
) -> list[int]:
    """Mark people present after the start: members who arrived late, and guests added to the team on the spot.

    One transaction, so a bad or duplicate guest name adds nobody; returns the ids marked present.
    """
    team_id = get_session(db, session_id).team_id
    with db.atomic():
        guest_ids = [teams.add_member(db, team_id, name, Role.GUEST, now).id for name in guest_names]
        added = [*member_ids, *guest_ids]
        for member in sorted((teams.get_member(db, i) for i in added), key=lambda m: name_sort_key(m.display_name)):
            add_attendee(db, session_id, member.id, now)  # in name order: the order of their tiles (arrivals)
    return added


# Guests added on the spot once the session had opened, who attended nothing else: theirs alone, so they go with it.
ITS_GUESTS = """
SELECT m.id FROM member m JOIN attendance a ON a.member_id = m.id AND a.session_id = :id
JOIN session s ON s.id = :id
WHERE m.role = 'guest' AND m.created_at >= s.started_at
AND NOT EXISTS (SELECT 1 FROM attendance o WHERE o.member_id = m.id AND o.session_id <> :id)
"""


def why_attendance_stays(db: Database, session_id: int, member_id: int) -> str | None:
    """Why someone marked present cannot be taken off the session's attendance as a mistake, in words, or ``None``
    when they can: not once anything of theirs is in the session (a contribution, an action they own, being its
    presenter or co-facilitator, having left it for a while or for good), nor once anyone's contribution is logged,
    since the people after them on the tiles would then move to other number keys while the facilitator is using
    them."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM contribution WHERE session_id = :session AND member_id = :member), "
        "(SELECT count(*) FROM contribution WHERE session_id = :session), "
        "(SELECT count(*) FROM action WHERE origin_session_id = :session AND owner_member_id = :member), "
        "presenter_id = :member, co_facilitator_id = :member FROM session WHERE id = :session",
        {"session": session_id, "member": member_id},
    ).fetchone()
    theirs, logged, owned, presenting, co_facilitating = int(row[0]), int(row[1]), int(row[2]), row[3], row[4]
    away = spells(db, session_id, member_id)
    if away:
        came_back = "" if away[-1].back_at is None else " and come back"
        return f"they are marked as having left the session{came_back} (take that back first)"
    if theirs:
        return "a contribution of theirs is logged" if theirs == 1 else f"{theirs} contributions of theirs are logged"
    if owned:
        return "an action of this session is theirs" if owned == 1 else f"{owned} actions of this session are theirs"
    if presenting:
        return "they are this session's presenter"
    if co_facilitating:
        return "they co-facilitate this session"
    if logged:
        return "contributions are logged now, and the people after them on the tiles would move to other number keys"
    return None


def remove_attendee(db: Database, session_id: int, member_id: int) -> bool:
    """Take back someone marked present by mistake: the attendance behind the team's history and their CPD evidence;
    a guest added on the spot for this session alone leaves the team's roster too (then True). Refused
    (``ValueError``) when :func:`why_attendance_stays` gives a reason."""
    reason = why_attendance_stays(db, session_id, member_id)
    if reason is not None:
        raise ValueError(f"Still marked present: {reason}.")
    guests = {int(found[0]) for found in db.execute(ITS_GUESTS, {"id": session_id}).fetchall()}
    db.execute("DELETE FROM attendance WHERE session_id = ? AND member_id = ?", [session_id, member_id])
    if member_id in guests:
        db.execute("DELETE FROM member WHERE id = ?", [member_id])
    return member_id in guests


def set_arrived_at(db: Database, session_id: int, member_id: int, at: datetime | None) -> None:
    """When someone marked present came into the session (``None``: they were there from the start)."""
    stamp = None if at is None else to_utc_iso(at)
    db.execute(
        "UPDATE attendance SET arrived_at = ? WHERE session_id = ? AND member_id = ?", [stamp, session_id, member_id]
    )


def arrivals(db: Database, session_id: int) -> dict[int, str]:
    """Who was marked present after the session had started, and when (a stored UTC stamp), in the order marked
    present; everyone else was there from the start.

    A stamp is kept to the second, so it cannot order two batches marked present in the same second: the rows' own
    order does (their rowid, whose order a rebuild of the table must keep), each batch in name order
    (:func:`add_latecomers`)."""
    sql = (
        "SELECT member_id, arrived_at FROM attendance WHERE session_id = ? AND arrived_at IS NOT NULL "
        "ORDER BY arrived_at, rowid"
    )
    return {int(r["member_id"]): str(r["arrived_at"]) for r in db.query(sql, [session_id])}


def attendee_ids(db: Database, session_id: int) -> list[int]:
    return [
        int(r["member_id"]) for r in db.query("SELECT member_id FROM attendance WHERE session_id = ?", [session_id])
    ]


def start_session(db: Database, session_id: int, now: datetime, *, ground_rules_agreed: bool) -> Session:
    stamp = to_utc_iso(now)
    db.table("session").update(
        session_id,
        {
            "status": SessionStatus.LIVE.value,
            "started_at": stamp,
            "last_saved_at": stamp,
            "ground_rules_agreed_at": stamp if ground_rules_agreed else None,
        },
    )
    return get_session(db, session_id)


def save_timer_state(db: Database, session_id: int, state_json: str, now: datetime) -> None:
    db.table("session").update(session_id, {"timer_state": state_json, "last_saved_at": to_utc_iso(now)})


def timer_state(db: Database, session_id: int) -> str | None:
    row = next(db.query("SELECT timer_state FROM session WHERE id = ?", [session_id]), None)
    return str(row["timer_state"]) if row and row["timer_state"] else None


# Everything recorded in a session as it ran, each with when: when it was last in use (copdesk.core.idle_end).
_RECORDED_AT = """
SELECT max(at) AS at FROM (
    SELECT started_at AS at FROM session WHERE id = :session
    UNION ALL SELECT actual_end FROM segment WHERE session_id = :session
    UNION ALL SELECT at FROM contribution WHERE session_id = :session
    UNION ALL SELECT at FROM marker WHERE session_id = :session
    UNION ALL SELECT updated_at FROM note WHERE session_id = :session AND text <> ''
    UNION ALL SELECT created_at FROM action WHERE origin_session_id = :session
    UNION ALL SELECT at FROM action_review WHERE session_id = :session
    UNION ALL SELECT at FROM issue_mention WHERE session_id = :session
    UNION ALL SELECT at FROM question_asked WHERE session_id = :session
    UNION ALL SELECT arrived_at FROM attendance WHERE session_id = :session
    UNION ALL SELECT left_at FROM attendance_away WHERE session_id = :session
    UNION ALL SELECT back_at FROM attendance_away WHERE session_id = :session
) WHERE at <= coalesce(:before, at)
"""


def last_recorded_at(db: Database, session_id: int, before: datetime | None = None) -> datetime | None:
    """When the last thing was recorded in the session (at or before ``before``, when given): a segment's end, a
    contribution, a marker, a note typed, an action or issue, a follow-up reviewed, a question shown, someone marked
    present late, leaving or coming back. Stored times are UTC text of one form, so the latest text is the latest
    time."""
    params = {"session": session_id, "before": None if before is None else to_utc_iso(before)}
    row = next(db.query(_RECORDED_AT, params), None)
    return from_utc_iso(row["at"]) if row and row["at"] else None


def record_segment_actuals(
    db: Database, segment_id: int, *, actual_start: str | None, actual_end: str | None, actual_seconds: float | None
) -> None:
    db.table("segment").update(
        segment_id, {"actual_start": actual_start, "actual_end": actual_end, "actual_seconds": actual_seconds}
    )


def end_session(db: Database, session_id: int, ended_at: datetime) -> Session:
    db.table("session").update(session_id, {"status": SessionStatus.ENDED.value, "ended_at": to_utc_iso(ended_at)})
    return get_session(db, session_id)


def set_session_kind(db: Database, session_id: int, kind: SessionKind) -> None:
    db.table("session").update(session_id, {"kind": SessionKind(kind).value})


def update_session_details(db: Database, session_id: int, *, topic: str, presenter_id: int | None) -> None:
    db.table("session").update(session_id, {"topic": topic.strip(), "presenter_id": presenter_id})


def session_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM session").fetchone()[0])
