"""Someone who left a session, for a while or before its end: each spell away kept on their attendance (schema 38),
written by a service, and read by the session record, their CPD evidence and who was quiet last time; discard, erasure
and retention take the spells with the attendance they hang off."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.cpd import render_markdown
from copdesk.core.model import Role, SessionKind
from copdesk.core.record import render_json
from copdesk.services.data_care import apply_retention, erase_member
from copdesk.services.sessions import (
    SessionPlan,
    add_latecomers,
    discard_session,
    end_session,
    mark_back,
    mark_left,
    start_session,
    undo_back,
    undo_left,
)
from copdesk.store import participation, sessions, teams, time_away
from copdesk.store.connection import open_database
from copdesk.store.cpd import cpd_evidence
from copdesk.store.errors import WriteRefusedError
from copdesk.store.records import session_record
from tests.conftest import migrations_up_to

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
TEAM = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER), ("Cy Vale", Role.PRACTITIONER)]


def _live(db: Database, at: datetime = NOW) -> tuple[int, dict[str, int]]:
    team = teams.create_team(db, "Harbour Team", TEAM, at)
    ids = {m.display_name: m.id for m in teams.list_members(db, team.id)}
    plan = SessionPlan(team.id, SessionKind.REFLECTIVE, "Carers", None, tuple(ids.values()), (), AGENDA, True)
    return start_session(db, plan, at).id, ids


def _left(db: Database, session_id: int) -> dict[int, datetime]:
    return time_away.away_now(db, session_id)


def _spells(db: Database, session_id: int) -> list[tuple[int, datetime, datetime | None]]:
    return [(s.member_id, s.left_at, s.back_at) for s in time_away.spells(db, session_id)]


def _at(minutes: int) -> datetime:
    return NOW + timedelta(minutes=minutes)


def _clock(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def _end(db: Database, session_id: int, minutes: int = 60) -> None:
    end_session(db, session_id, _at(minutes), _at(minutes))


def test_leaving_is_kept_and_taken_back_while_the_session_is_live_only(db: Database) -> None:
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=40))
    assert _left(db, session_id) == {ids["Bo Day"]: NOW + timedelta(minutes=40)}
    assert ids["Bo Day"] in sessions.attendee_ids(db, session_id), "they attended, until they left"
    mark_back(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=45))
    assert _left(db, session_id) == {}

    with pytest.raises(ValueError, match="not marked present"):
        mark_left(db, session_id, 999, NOW)
    mark_left(db, session_id, ids["Cy Vale"], NOW + timedelta(minutes=10))
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    with pytest.raises(ValueError, match="has ended"):
        mark_left(db, session_id, ids["Ash Lee"], NOW)
    with pytest.raises(ValueError, match="has ended"):
        mark_back(db, session_id, ids["Cy Vale"], NOW + timedelta(hours=1))
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
    assert f"| Took part, 40 minutes \\(left at {at}\\) |" in render_markdown(bo), "Markdown escapes brackets"
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

    mark_back(db, recent, ids["Bo Day"], NOW + timedelta(minutes=35))
    mark_left(db, recent, ids["Bo Day"], NOW + timedelta(minutes=40))

    def spells_of(member: str) -> int:
        return int(db.execute("SELECT count(*) FROM attendance_away WHERE member_id = ?", [ids[member]]).fetchone()[0])

    erase_member(db, db_path, ids["Cy Vale"], NOW + timedelta(hours=1))
    assert db.execute("SELECT count(*) FROM attendance WHERE member_id = ?", [ids["Cy Vale"]]).fetchone()[0] == 0
    assert (spells_of("Cy Vale"), spells_of("Bo Day")) == (0, 3)
    apply_retention(db, db_path, 12, NOW + timedelta(hours=1))
    assert [(s.member_id, s.left_at) for s in time_away.spells(db, session_id)] == []
    assert spells_of("Bo Day") == 2, "the recent session's spells stay"
    discard_session(db, recent, NOW + timedelta(hours=1))
    assert db.execute("SELECT count(*) FROM attendance_away").fetchone()[0] == 0


def test_attendance_recorded_before_schema_36_stayed_to_the_end(tmp_path: Path, db_path: Path) -> None:
    old = migrations_up_to(tmp_path, 35)
    opened = open_database(db_path, old, now=NOW)
    session_id, _ids = _live(opened.db)
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir(), now=NOW).db
    assert len(sessions.attendee_ids(upgraded, session_id)) == 3
    assert time_away.spells(upgraded, session_id) == []
    upgraded.close()


def _at_schema(tmp_path: Path, db_path: Path, version: int) -> Database:
    old = migrations_up_to(tmp_path, version)
    return open_database(db_path, old, now=NOW).db


def test_a_time_of_leaving_kept_at_schema_37_becomes_a_spell_away_to_the_end(tmp_path: Path, db_path: Path) -> None:
    """Schemas 36 and 37 kept one time of leaving on the attendance row; 38 moves each into a spell still open, and
    the column goes, so the spells are the one place time away is kept."""
    old = _at_schema(tmp_path, db_path, 37)
    session_id, ids = _live(old)
    old.execute(
        "UPDATE attendance SET left_at = ? WHERE session_id = ? AND member_id = ?",
        ["2026-10-08T10:10:00+00:00", session_id, ids["Bo Day"]],
    )
    old.execute(
        "UPDATE session SET status = 'ended', ended_at = ? WHERE id = ?", ["2026-10-08T10:30:00+00:00", session_id]
    )
    old.conn.commit()
    old.close()

    upgraded = open_database(db_path, paths.migrations_dir(), now=NOW).db
    assert _spells(upgraded, session_id) == [(ids["Bo Day"], _at(40), None)]
    assert "left_at" not in upgraded["attendance"].columns_dict
    assert session_record(upgraded, session_id).left_early_count == 1
    team = teams.get_team(upgraded, teams.get_member(upgraded, ids["Bo Day"]).team_id)
    day = NOW.astimezone().date()
    bo = cpd_evidence(upgraded, team, teams.get_member(upgraded, ids["Bo Day"]), day, day)
    assert bo.total_minutes == 40
    upgraded.close()


def test_attendance_left_behind_by_a_hand_edit_does_not_stop_the_upgrade_to_schema_38(
    tmp_path: Path, db_path: Path
) -> None:
    """A member row deleted by hand (the sqlite3 shell keeps foreign keys off) leaves their attendance behind, read by
    nothing: copied into the attendance made again at schema 38 it would fail its foreign key, and the database could
    not be opened. It is left out; everyone else's attendance, and their time away, are kept."""
    old = _at_schema(tmp_path, db_path, 37)
    session_id, ids = _live(old)
    leaving = "UPDATE attendance SET left_at = ? WHERE member_id IN (?, ?)"
    old.execute(leaving, ["2026-10-08T10:10:00+00:00", ids["Bo Day"], ids["Cy Vale"]])
    old.conn.commit()
    old.execute("PRAGMA foreign_keys = OFF")
    old.execute("DELETE FROM member WHERE id = ?", [ids["Bo Day"]])
    old.conn.commit()
    old.close()

    upgraded = open_database(db_path, paths.migrations_dir(), now=NOW).db
    assert sorted(sessions.attendee_ids(upgraded, session_id)) == sorted([ids["Ash Lee"], ids["Cy Vale"]])
    assert _spells(upgraded, session_id) == [(ids["Cy Vale"], _at(40), None)]
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    upgraded.close()


def test_stepping_out_and_coming_back_keeps_each_spell_away(db: Database) -> None:
    """Back in the session cleared the time of leaving, and a second leaving overwrote the first: the time away was
    lost. Each spell now stays, from when they left to when they came back."""
    session_id, ids = _live(db)
    bo, cy = ids["Bo Day"], ids["Cy Vale"]
    mark_left(db, session_id, bo, _at(20))
    with pytest.raises(ValueError, match="left already"):
        mark_left(db, session_id, bo, _at(22))
    mark_back(db, session_id, bo, _at(45))
    with pytest.raises(ValueError, match="not marked as having left"):
        mark_back(db, session_id, bo, _at(46))
    mark_left(db, session_id, bo, _at(50))
    mark_left(db, session_id, cy, _at(30))
    assert mark_back(db, session_id, cy, _at(29)).back_at == _at(30), "never back before they left"

    assert _spells(db, session_id) == [(bo, _at(20), _at(45)), (cy, _at(30), _at(30)), (bo, _at(50), None)]
    assert _left(db, session_id) == {bo: _at(50)}
    assert sessions.why_attendance_stays(db, session_id, cy) == (
        "they are marked as having left the session and come back (take that back first)"
    )


def test_undo_takes_back_a_mark_of_leaving_or_coming_back_while_the_session_is_live(db: Database) -> None:
    session_id, ids = _live(db)
    bo = ids["Bo Day"]
    first = mark_left(db, session_id, bo, _at(20))
    back = mark_back(db, session_id, bo, _at(45))
    assert back.id == first.id
    undo_back(db, session_id, back.id)
    assert _spells(db, session_id) == [(bo, _at(20), None)], "away again, since 10:20"
    undo_left(db, session_id, first.id)
    assert _spells(db, session_id) == []
    with pytest.raises(ValueError, match="no longer recorded"):
        undo_left(db, session_id, first.id)

    again = mark_left(db, session_id, bo, _at(50))
    _end(db, session_id)
    with pytest.raises(ValueError, match="has ended"):
        undo_left(db, session_id, again.id)
    assert _spells(db, session_id) == [(bo, _at(50), None)]


def test_the_record_counts_only_who_was_away_at_the_end_as_leaving_before_it(db: Database) -> None:
    """Someone who stepped out and came back did not leave before the end; with names, the record says when they
    were away, in its JSON too. A spell begun after the session's end (ended when it was last in use) is not in it."""
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], _at(20))
    mark_back(db, session_id, ids["Bo Day"], _at(45))
    mark_left(db, session_id, ids["Cy Vale"], _at(50))
    mark_back(db, session_id, ids["Cy Vale"], _at(58))
    mark_left(db, session_id, ids["Ash Lee"], _at(58))
    _end(db, session_id, 55)

    record = session_record(db, session_id)
    assert (record.left_early_count, record.left_at, record.time_away) == (1, None, None)
    named = session_record(db, session_id, with_names=True)
    assert named.left_at == (("Cy Vale", _clock(_at(50))),)
    assert named.time_away == (("Bo Day", _clock(_at(20)), _clock(_at(45))),)
    assert json.loads(render_json(named))["time_away"] == [
        {"name": "Bo Day", "left_text": _clock(_at(20)), "back_text": _clock(_at(45))}
    ]


def test_the_record_counts_who_came_after_the_start_and_names_them_with_when_only_with_names(db: Database) -> None:
    """Someone marked present a quarter of an hour in did not sit through the whole session: the record counts them,
    and with names says when they came, beside any time away, in its JSON too."""
    session_id, _ = _live(db)
    [di] = add_latecomers(db, session_id, [], ["Di Moss"], _at(15))
    mark_left(db, session_id, di, _at(20))
    mark_back(db, session_id, di, _at(25))
    _end(db, session_id)

    record = session_record(db, session_id)
    assert (record.attendance_count, record.came_late_count, record.came_at) == (4, 1, None)
    assert json.loads(render_json(record))["came_at"] is None
    named = session_record(db, session_id, with_names=True)
    assert named.came_at == (("Di Moss", _clock(_at(15))),)
    assert json.loads(render_json(named))["came_at"] == [{"name": "Di Moss", "time_text": _clock(_at(15))}]


def test_cpd_minutes_are_the_sessions_less_every_spell_away(db: Database) -> None:
    """Away 10:20 to 10:45 for a safeguarding call: 35 minutes of the hour, not 60. Leaving for good later takes the
    rest of the session off too."""
    session_id, ids = _live(db)
    mark_left(db, session_id, ids["Bo Day"], _at(20))
    mark_back(db, session_id, ids["Bo Day"], _at(45))
    mark_left(db, session_id, ids["Cy Vale"], _at(10))
    mark_back(db, session_id, ids["Cy Vale"], _at(20))
    mark_left(db, session_id, ids["Cy Vale"], _at(40))
    _end(db, session_id)
    team = teams.get_team(db, teams.get_member(db, ids["Bo Day"]).team_id)
    day = NOW.astimezone().date()

    def evidence(name: str) -> tuple[int, str]:
        found = cpd_evidence(db, team, teams.get_member(db, ids[name]), day, day)
        return found.total_minutes, render_markdown(found)

    bo, cy, ash = evidence("Bo Day"), evidence("Cy Vale"), evidence("Ash Lee")
    assert (bo[0], cy[0], ash[0]) == (35, 30, 60)
    assert "| Took part, 35 minutes \\(25 away\\) |" in bo[1]
    assert f"| Took part, 30 minutes \\(10 away, left at {_clock(_at(40))}\\) |" in cy[1]
    assert "\\(time away from a session not counted\\)." in bo[1] and "not counted" not in ash[1]


def test_cpd_minutes_of_a_latecomer_count_from_when_they_came(db: Database) -> None:
    """Marked present a quarter of an hour in: their CPD evidence counted the whole hour. Now it counts from when
    they came, less any spell away after, and says when they came."""
    session_id, _ids = _live(db)
    [di] = add_latecomers(db, session_id, [], ["Di Moss"], _at(15))
    mark_left(db, session_id, di, _at(30))
    mark_back(db, session_id, di, _at(40))
    _end(db, session_id)
    member = teams.get_member(db, di)
    day = NOW.astimezone().date()
    found = cpd_evidence(db, teams.get_team(db, member.team_id), member, day, day)
    assert found.total_minutes == 35
    assert f"| Took part, 35 minutes \\(came at {_clock(_at(15))}, 10 away\\) |" in render_markdown(found)
    assert "\\(time away from a session not counted\\)." in render_markdown(found)


def test_quiet_last_time_weighs_the_time_someone_was_actually_there(db: Database) -> None:
    """Away 45 minutes of the hour and back for the last five, having spoken once in the fifteen minutes there (as
    often as anyone did in fifteen), they were named quiet as if they had been there all hour."""
    session_id, ids = _live(db)
    for minute in range(6):
        for name in ("Ash Lee", "Cy Vale"):
            participation.add_contribution(db, session_id, ids[name], _at(10 * minute + 5))
    participation.add_contribution(db, session_id, ids["Bo Day"], _at(5))
    mark_left(db, session_id, ids["Bo Day"], _at(10))
    mark_back(db, session_id, ids["Bo Day"], _at(55))
    _end(db, session_id)

    quiet = participation.quiet_last_time(db, teams.get_member(db, ids["Ash Lee"]).team_id)
    assert quiet is not None and quiet.members == ()


def test_quiet_last_time_weighs_a_latecomer_by_the_time_since_they_came(db: Database) -> None:
    """Marked present for the last ten minutes of the hour, having spoken once then (as often as anyone did in ten),
    they were named quiet as if they had been there all hour."""
    session_id, ids = _live(db)
    for minute in range(6):
        for name in ("Ash Lee", "Bo Day", "Cy Vale"):
            participation.add_contribution(db, session_id, ids[name], _at(10 * minute + 5))
    [di] = add_latecomers(db, session_id, [], ["Di Moss"], _at(50))
    participation.add_contribution(db, session_id, di, _at(55))
    _end(db, session_id)

    quiet = participation.quiet_last_time(db, teams.get_member(db, ids["Ash Lee"]).team_id)
    assert quiet is not None and quiet.members == ()


def test_erasing_a_member_cleans_a_copy_saved_before_spells_away_were_kept(tmp_path: Path, db_path: Path) -> None:
    """The copy taken before the upgrade to schema 38 has no table of spells: the member's attendance (with the time
    they left, at schema 37) goes from it all the same, and the copy is cleaned, not called damaged."""
    old = _at_schema(tmp_path, db_path, 37)
    session_id, ids = _live(old)
    old.execute("UPDATE attendance SET left_at = ? WHERE member_id = ?", ["2026-10-08T10:10:00+00:00", ids["Bo Day"]])
    old.conn.commit()
    old.close()
    upgraded = open_database(db_path, paths.migrations_dir(), now=NOW)
    assert upgraded.pre_migration_backup is not None
    mark_back(upgraded.db, session_id, ids["Bo Day"], _at(45))

    report = erase_member(upgraded.db, db_path, ids["Bo Day"], _at(60))
    assert (report.copies.cleaned, report.copies.damaged) == ([upgraded.pre_migration_backup], [])
    assert time_away.spells(upgraded.db, session_id) == []
    copy = sqlite3.connect(upgraded.pre_migration_backup)
    assert copy.execute("SELECT count(*) FROM attendance WHERE member_id = ?", [ids["Bo Day"]]).fetchone()[0] == 0
    copy.close()
    upgraded.db.close()
