"""Gathers one practitioner's CPD evidence (``copdesk.core.cpd``): their sessions, never anyone else's data.

Only sessions the practitioner attended are read, only actions they own, and no participation figures at all. A
session counts its minutes less the time they were not in it (arriving late, stepping out and coming back, or leaving
before the end): the hours are evidence, and must be those they were there.
The group's topics and learning points may mention colleagues, so their names are taken out as the anonymised
summary takes them out (:mod:`copdesk.store.colleagues`); the practitioner's own name stays.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, local_day
from copdesk.core.cpd import AttendedSession, CpdEvidence
from copdesk.core.model import Member, NoteKind, SessionKind, Team
from copdesk.core.redaction import redact_cpd
from copdesk.core.roster import name_meant
from copdesk.core.time_away import Spell, away_seconds, before_arriving, left_before_end
from copdesk.store import notes, teams, time_away
from copdesk.store.colleagues import colleague_redactor


def find_member(db: Database, team: Team, name: str) -> Member:
    """The member of ``team`` (inactive ones too) called ``name``, as :func:`~copdesk.core.roster.name_meant` finds
    them; :class:`~copdesk.core.roster.MemberNotFound` when nobody, or more than one person, is."""
    members = {member.display_name: member for member in teams.list_members(db, team.id, include_inactive=True)}
    return members[name_meant(name, list(members), f"{team.name}'s roster")]


def cpd_evidence(db: Database, team: Team, member: Member, first: date, last: date) -> CpdEvidence:
    redact = colleague_redactor(db, practitioner_id=member.id)
    sql = """
        SELECT s.id, s.kind, s.topic, s.started_at, s.ended_at, s.presenter_id, a.arrived_at FROM session s
        JOIN attendance a ON a.session_id = s.id AND a.member_id = ?
        WHERE s.team_id = ? AND s.status = 'ended' AND s.started_at IS NOT NULL ORDER BY s.started_at, s.id
    """
    attended = []
    for row in db.query(sql, [member.id, team.id]):
        if not first <= local_day(row["started_at"]) <= last:
            continue
        started = from_utc_iso(row["started_at"])
        ended = from_utc_iso(row["ended_at"]) if row["ended_at"] else None
        spells = time_away.spells(db, int(row["id"]), member.id)
        left = left_before_end(spells, ended)
        came = from_utc_iso(row["arrived_at"]) if row["arrived_at"] else None
        late = came if came is not None and came > started else None
        not_there = spells if late is None else [*spells, before_arriving(member.id, started, late)]
        minutes, away_minutes = _minutes(spells, not_there, started, ended, left)
        learning = notes.notes(db, int(row["id"]), NoteKind.LEARNING)
        own_actions = db.query(
            "SELECT text FROM action WHERE origin_session_id = ? AND owner_member_id = ? ORDER BY id",
            [row["id"], member.id],
        )
        attended.append(
            AttendedSession(
                held_at=started.astimezone().replace(tzinfo=None),
                kind=SessionKind(row["kind"]),
                topic=redact(str(row["topic"])),
                presented=row["presenter_id"] == member.id,
                minutes=minutes,
                away_minutes=away_minutes,
                left_at=left.astimezone().replace(tzinfo=None) if left else None,
                arrived_at=late.astimezone().replace(tzinfo=None) if late else None,
                learning_points=tuple(redact(n.text) for n in learning if n.text.strip()),
                own_actions=tuple(redact(str(a["text"])) for a in own_actions),
            )
        )
    return redact_cpd(CpdEvidence(member.display_name, team.name, first, last, tuple(attended)))


def _minutes(
    spells: list[Spell], not_there: list[Spell], started: datetime, ended: datetime | None, left: datetime | None
) -> tuple[int | None, int]:
    """The session's minutes less every spell ``not_there`` (the spells away, one still open at the end running to
    it from ``left``, and for a latecomer the time before they came); and the minutes of the spells they came back
    from, rounded so that the minutes there and every minute not there add up to the session's minutes."""
    if ended is None:
        return None, 0
    whole = max(0, round((ended - started).total_seconds() / 60))
    away = min(whole, round(away_seconds(not_there, started, ended) / 60))
    came_back_from = round(away_seconds(spells, started, left or ended) / 60)
    return whole - away, min(away, came_back_from)
