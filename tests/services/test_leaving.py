"""Someone who left a session before its end: kept on their attendance (schema 36), written by a service, and read by
the session record, their CPD evidence and who was quiet last time; discard, erasure and retention take it with the
attendance it sits on."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.clock import from_utc_iso
from copdesk.core.cpd import render_markdown
from copdesk.core.model import Role, SessionKind
from copdesk.services.data_care import apply_retention, erase_member
from copdesk.services.sessions import SessionPlan, discard_session, end_session, mark_back, mark_left, start_session
from copdesk.store import participation, sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.cpd import cpd_evidence
from copdesk.store.errors import WriteRefusedError
from copdesk.store.records import session_record

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
TEAM = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER), ("Cy Vale", Role.PRACTITIONER)]


def _live(db: Database, at: datetime = NOW) -> tuple[int, dict[str, int]]:
    team = teams.create_team(db, "Harbour Team", TEAM, at)
    ids = {m.display_name: m.id for m in teams.list_members(db, team.id)}
    plan = SessionPlan(team.id, SessionKind.REFLECTIVE, "Carers", None, tuple(ids.values()), (), AGENDA, True)
    return start_session(db, plan, at).id, ids


def _left(db: Database, session_id: int) -> dict[int, datetime]:
    return {member: from_utc_iso(stamp) for member, stamp in sessions.departures(db, session_id).items()}


def test_leaving_is_kept_and_taken_back_while_the_session_is_live_only(db: Database) -> None:
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=40))
    assert _left(db, session_id) == {ids["Bo Day"]: NOW + timedelta(minutes=40)}
    assert ids["Bo Day"] in sessions.attendee_ids(db, session_id), "they attended, until they left"
    mark_back(db, session_id, ids["Bo Day"])
    assert _left(db, session_id) == {}

    with pytest.raises(ValueError, match="not marked present"):
        mark_left(db, session_id, 999, NOW)
    mark_left(db, session_id, ids["Cy Vale"], NOW + timedelta(minutes=10))
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    with pytest.raises(ValueError, match="has ended"):
        mark_left(db, session_id, ids["Ash Lee"], NOW)
    with pytest.raises(ValueError, match="has ended"):
        mark_back(db, session_id, ids["Cy Vale"])
    assert _left(db, session_id) == {ids["Cy Vale"]: NOW + timedelta(minutes=10)}


def test_a_refused_departure_changes_nothing(db: Database) -> None:
    session_id, ids = _live(db)
    db.execute("PRAGMA query_only = ON")
    with pytest.raises(WriteRefusedError):
        mark_left(db, session_id, ids["Bo Day"], NOW)
    db.execute("PRAGMA query_only = OFF")
    assert _left(db, session_id) == {}


def test_someone_marked_as_leaving_is_not_taken_off_as_a_mistake(db: Database) -> None:
    """Taking them off would drop when they left with their attendance, and Undo could not bring it back."""
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], NOW)
    assert sessions.why_attendance_stays(db, session_id, ids["Bo Day"]) == (
        "they are marked as having left the session (take that back first)"
    )


def test_the_record_counts_who_left_and_names_them_with_when_only_with_names(db: Database) -> None:
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=40))
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    at = f"{(NOW + timedelta(minutes=40)).astimezone():%H:%M}"

    record = session_record(db, session_id)
    assert (record.attendance_count, record.left_early_count, record.left_at) == (3, 1, None)
    named = session_record(db, session_id, with_names=True)
    assert named.left_at == (("Bo Day", at),)


def test_cpd_evidence_counts_the_minutes_until_they_left(db: Database) -> None:
    """Their evidence counted the whole hour towards their CPD hours though they had gone after 40 minutes."""
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=40))
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    team = teams.get_team(db, teams.get_member(db, ids["Bo Day"]).team_id)
    day = NOW.astimezone().date()

    bo = cpd_evidence(db, team, teams.get_member(db, ids["Bo Day"]), day, day)
    ash = cpd_evidence(db, team, teams.get_member(db, ids["Ash Lee"]), day, day)
    assert (bo.total_minutes, ash.total_minutes) == (40, 60)
    at = f"{(NOW + timedelta(minutes=40)).astimezone():%H:%M}"
    assert f"| Took part, until {at} |" in render_markdown(bo)
    assert "| Took part |" in render_markdown(ash)


def test_who_left_early_is_measured_against_the_part_they_were_there_for(db: Database) -> None:
    """Quiet last time: someone who left ten minutes into an hour, having spoken once (as often as anyone did in
    those ten minutes), was named quiet beside colleagues who spoke six times each in the hour."""
    session_id, ids = _live(db)
    for minute in range(6):
        for name in ("Ash Lee", "Cy Vale"):
            participation.add_contribution(db, session_id, ids[name], NOW + timedelta(minutes=10 * minute + 5))
    participation.add_contribution(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=5))
    mark_left(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=10))
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))

    quiet = participation.quiet_last_time(db, teams.get_member(db, ids["Ash Lee"]).team_id)
    assert quiet is not None and quiet.members == ()


def test_discard_erasure_and_retention_take_it_with_the_attendance(db: Database, db_path: Path) -> None:
    """A time is not personal on its own: it sits on the attendance row, which each of them deletes, here and in
    every copy (the erasure and retention sweeps check the copies)."""
    session_id, ids = _live(db, NOW - timedelta(days=800))
    mark_left(db, session_id, ids["Bo Day"], NOW - timedelta(days=800, minutes=-30))
    end_session(db, session_id, NOW - timedelta(days=800, hours=-1), NOW - timedelta(days=800, hours=-1))
    team_id = teams.get_member(db, ids["Bo Day"]).team_id
    recent = start_session(
        db, SessionPlan(team_id, SessionKind.REFLECTIVE, "", None, tuple(ids.values()), (), AGENDA, True), NOW
    ).id
    mark_left(db, recent, ids["Cy Vale"], NOW + timedelta(minutes=20))
    mark_left(db, recent, ids["Bo Day"], NOW + timedelta(minutes=25))

    erase_member(db, db_path, ids["Cy Vale"], NOW + timedelta(hours=1))
    assert db.execute("SELECT count(*) FROM attendance WHERE member_id = ?", [ids["Cy Vale"]]).fetchone()[0] == 0
    apply_retention(db, db_path, 12, NOW + timedelta(hours=1))
    assert db.execute("SELECT count(*) FROM attendance WHERE left_at IS NOT NULL").fetchone()[0] == 1
    discard_session(db, recent, NOW + timedelta(hours=1))
    assert db.execute("SELECT count(*) FROM attendance WHERE left_at IS NOT NULL").fetchone()[0] == 0


def test_attendance_recorded_before_schema_36_stayed_to_the_end(tmp_path: Path, db_path: Path) -> None:
    old = tmp_path / "migrations-35"
    old.mkdir()
    for migration in paths.migrations_dir().glob("*.sql"):
        if int(migration.name[:4]) <= 35:
            shutil.copy(migration, old)
    opened = open_database(db_path, old, now=NOW)
    session_id, _ids = _live(opened.db)
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir(), now=NOW).db
    assert len(sessions.attendee_ids(upgraded, session_id)) == 3
    assert sessions.departures(upgraded, session_id) == {}
    upgraded.close()
