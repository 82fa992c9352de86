"""Assembles the share-safe session record (``copdesk.core.record.SessionRecord``) from the database.

Share-safe is enforced twice: the record type has no field for participation, and this module never reads
the contribution or marker tables. Names are left out unless asked for: the attendance is a count (with how many
came after the start and how many left before the end; who, and when, and who stepped out for a while and came back,
only with names), and an action shows its owner only with ``with_names`` (the facilitator decides whether the group
record names people).
What the identifier check flags in the typed text is redacted unless ``keep_identifiers``
(:mod:`copdesk.core.redaction`).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, local_day
from copdesk.core.date_names import clock_time, long_date
from copdesk.core.masterclass import arena_label, shipped_texts
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, NoteKind, Session
from copdesk.core.record import (
    RUN_AS_OWN_THEN,
    AgendaLine,
    AskedQuestion,
    CameLate,
    CarriedAction,
    EscalationLine,
    IssueLine,
    LeftEarly,
    ParkedItem,
    SessionRecord,
    TimeAway,
)
from copdesk.core.recurring import escalation_status_on, issue_status_then_text, status_on, status_then_text
from copdesk.core.redaction import share_safe
from copdesk.core.text import name_sort_key
from copdesk.core.time_away import Spell, by_member, left_before_end
from copdesk.store import notes, questions, sessions, teams, time_away
from copdesk.store.issues import STATUS_READ, escalated_since, escalation_days
from copdesk.store.planning import session_roles

CO_FACILITATED = "Yes (named in the record exported with names)"


class SessionNotFound(LookupError):
    """There is no session with that id; the message is one line."""


def session_record(
    db: Database, session_id: int, *, with_names: bool = False, keep_identifiers: bool = False
) -> SessionRecord:
    """The record, share-safe: what the identifier check flags is redacted unless ``keep_identifiers``."""
    row = next(db.query("SELECT id FROM session WHERE id = ?", [session_id]), None)
    if row is None:
        raise SessionNotFound(f"There is no session {session_id}; 'copdesk-cli sessions' lists them.")
    session = sessions.get_session(db, session_id)
    held = _held_at(session)
    segments = sessions.segments(db, session_id)
    positions = {segment.position: segment.name for segment in segments}
    present = sessions.attendee_ids(db, session_id)
    away, late = _away(db, session), _came_late(db, session, present)
    names, came_at, left_at, stepped_out = None, None, None, None
    if with_names:
        roster = {m.id: m.display_name for m in teams.list_members(db, session.team_id, include_inactive=True)}
        names = tuple(sorted((roster[m] for m in present if m in roster), key=name_sort_key))
        came_at = tuple(
            sorted(
                (CameLate(roster[m], clock_time(came)) for m, came in late.items() if m in roster),
                key=lambda came: name_sort_key(came.name),
            )
        )
        left_at = tuple(
            sorted(
                (LeftEarly(roster[m], clock_time(left)) for m, left in away.left.items() if m in roster),
                key=lambda left: name_sort_key(left.name),
            )
        )
        stepped_out = tuple(
            sorted(
                (
                    TimeAway(roster[s.member_id], clock_time(s.left_at), clock_time(s.back_at))
                    for s in away.back
                    if s.back_at
                ),
                key=lambda spell: name_sort_key(spell.name),
            )
        )
    co_facilitator, content_format, run_by = _roles(db, session, with_names)
    record = SessionRecord(
        team_name=teams.get_team(db, session.team_id).name,
        kind_label=session.kind.label,
        topic=session.topic,
        date=held,
        attendance_count=len(present),
        attendee_names=names,
        came_late_count=len(late),
        came_at=came_at,
        left_early_count=len(away.left),
        left_at=left_at,
        time_away=stepped_out,
        agenda=tuple(AgendaLine(s.name, s.planned_seconds, s.actual_seconds) for s in segments),
        questions_asked=tuple(
            AskedQuestion(
                f"{_local(q.at):%H:%M}",
                "—" if q.segment_position is None else positions.get(q.segment_position, "—"),
                q.text,
            )
            for q in questions.asked_in_session(db, session_id)
        ),
        notes=tuple(n.text for n in notes.notes(db, session_id, NoteKind.NOTE) if n.text.strip()),
        learning_points=tuple(n.text for n in notes.notes(db, session_id, NoteKind.LEARNING) if n.text.strip()),
        parked=tuple(
            ParkedItem(n.text, arena_label(n.destination) if n.destination else "—")
            for n in notes.notes(db, session_id, NoteKind.PARKED)
            if n.text.strip()
        ),
        actions_new=_new_actions(db, session_id, with_names),
        actions_carried=_reviewed(db, session_id),
        actions_done=tuple(str(r["text"]) for r in db.query(_DONE_SQL, [session_id])),
        issues=_issues(db, session_id, held.date()),
        escalations=_escalations(db, session_id, held.date()),
        co_facilitator=co_facilitator,
        content_format=content_format,
        run_by=run_by,
        status=session.status.value,
    )
    return share_safe(record, keep=keep_identifiers)


def _roles(db: Database, session: Session, with_names: bool) -> tuple[str | None, str | None, str | None]:
    """Who co-facilitated and the format (from the plan), or who runs a session the team attends: a TM/SSW CoP held
    while CoPDesk ran that type as the facilitator's own says the facilitator ran it. Like attendance, the
    co-facilitator is named only in a record exported with names."""
    texts = shipped_texts()
    session_type = texts.session_type(session.kind)
    roles = session_roles(db, session.id)
    co_facilitator = None
    if roles.co_facilitator_id is not None:
        named = teams.get_member(db, roles.co_facilitator_id).display_name
        co_facilitator = named if with_names else CO_FACILITATED
    formats = {point.key: point.content_format.text for point in texts.content_formats if point.content_format}
    run_by = None
    if session_type.attended:
        run_as_own = sessions.run_by_the_facilitator(db, session.id)
        run_by = RUN_AS_OWN_THEN if run_as_own else session_type.owner.with_credit()
    return co_facilitator, formats.get(roles.content_format or ""), run_by


def _held_at(session: Session) -> datetime:
    stamp = session.started_at or session.planned_start
    if stamp is None:
        raise SessionNotFound(f"Session {session.id} has no date yet; give it a planned start first.")
    return _local(stamp)


def _local(stamp: str) -> datetime:
    return from_utc_iso(stamp).astimezone().replace(tzinfo=None)


def _came_late(db: Database, session: Session, present: list[int]) -> dict[int, datetime]:
    """Who of those present was marked present after the session had started, and when."""
    started = from_utc_iso(session.started_at) if session.started_at else None
    came = {member_id: from_utc_iso(stamp) for member_id, stamp in sessions.arrivals(db, session.id).items()}
    return {m: at for m, at in came.items() if m in present and started is not None and at > started}


class _Away(NamedTuple):
    left: dict[int, datetime]  # who left before the end, and when
    back: list[Spell]  # each spell away someone came back from before the end, in the order they began


def _away(db: Database, session: Session) -> _Away:
    """Time away from the session: who was still away at its end, and the spells of those who came back. A session
    ended at the time it was last in use may end before a spell did: what began after it is left out."""
    end = from_utc_iso(session.ended_at) if session.ended_at else None
    spells = time_away.spells(db, session.id)
    left = {member_id: left_before_end(theirs, end) for member_id, theirs in by_member(spells).items()}
    back = [s for s in spells if s.back_at is not None and (end is None or s.back_at <= end)]
    return _Away({member_id: at for member_id, at in left.items() if at is not None}, back)


def _new_actions(db: Database, session_id: int, with_names: bool) -> tuple[str, ...]:
    sql = "SELECT text, owner_name, due_date FROM action WHERE origin_session_id = ? ORDER BY id"
    lines = []
    for row in db.query(sql, [session_id]):
        details = [str(row["owner_name"])] if with_names and row["owner_name"] else []
        if row["due_date"]:
            details.append(f"due {long_date(date.fromisoformat(row['due_date']))}")
        lines.append(f"{row['text']} ({', '.join(details)})" if details else str(row["text"]))
    return tuple(lines)


# Each carry in this session, with how many times the action had been carried up to and including it (the
# view action_carry numbers them, migration 0010).
_CARRIED_SQL = """
    SELECT a.text, c.carry_number FROM action_carry c JOIN action a ON a.id = c.action_id
    WHERE c.session_id = ? ORDER BY c.review_id
"""


_DONE_SQL = """
    SELECT a.text FROM action_review r JOIN action a ON a.id = r.action_id
    WHERE r.session_id = ? AND r.outcome = 'done' ORDER BY r.id
"""


def _reviewed(db: Database, session_id: int) -> tuple[CarriedAction, ...]:
    return tuple(CarriedAction(str(r["text"]), int(r["carry_number"])) for r in db.query(_CARRIED_SQL, [session_id]))


def _issues(db: Database, session_id: int, held_on: date) -> tuple[IssueLine, ...]:
    """Each issue mentioned in the session, counted as raised so far, with its status by the day the session was held
    (a record reads the same next year, and an issue resolved or escalated later was not yet). It reads escalated only
    by an escalation raised by then and not closed by then: one whose escalations were all withdrawn is open."""
    sql = f"""
        SELECT i.id, i.title, {STATUS_READ.format(i="i")} AS status, i.resolved_at,
               (SELECT count(*) FROM issue_mention e WHERE e.issue_id = i.id AND e.at <= max(m.at)) AS times
        FROM issue i JOIN issue_mention m ON m.issue_id = i.id
        WHERE m.session_id = ? GROUP BY i.id ORDER BY min(m.id)
    """
    escalated = escalated_since(db, "SELECT issue_id FROM issue_mention WHERE session_id = ?", [session_id], held_on)
    lines = []
    for r in db.query(sql, [session_id]):
        then = status_on(
            held_on,
            IssueStatus(r["status"]),
            local_day(r["resolved_at"]) if r["resolved_at"] else None,
            escalated.since.get(int(r["id"])),
            escalation_not_known=int(r["id"]) in escalated.not_known,
        )
        lines.append(IssueLine(str(r["title"]), issue_status_then_text(then), int(r["times"]), then is not None))
    return tuple(lines)


def _escalations(db: Database, session_id: int, held_on: date) -> tuple[EscalationLine, ...]:
    """Escalations made in the session, and those of the issues it discussed, raised by the day it was held. One
    raised later is left out, even one made in the session (a session left running, escalating from the Prepare view
    days later): the record reads as things stood on the day it is dated, as its issues' counts and statuses do, and
    a later escalation is in the issue's history and the Prepare view, and in the record of a session that discussed
    it after. Each one's status is the one it had that day, where CoPDesk kept the days to know it."""
    sql = """
        SELECT i.title, e.* FROM escalation e
        JOIN issue i ON i.id = e.issue_id
        WHERE (e.session_id = ? OR e.issue_id IN (SELECT issue_id FROM issue_mention WHERE session_id = ?))
          AND e.raised_on <= ?
        ORDER BY e.raised_on, e.id
    """
    lines = []
    for r in db.query(sql, [session_id, session_id, held_on.isoformat()]):
        now = EscalationStatus(r["status"])
        due = date.fromisoformat(r["response_due"]) if r["response_due"] else None
        then = escalation_status_on(held_on, now, escalation_days(r))
        target, raised = EscalationTarget(r["target"]).label, date.fromisoformat(r["raised_on"])
        lines.append(
            EscalationLine(str(r["title"]), target, raised, due, status_then_text(then, now), then is not None)
        )
    return tuple(lines)
