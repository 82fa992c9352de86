"""Changing a roster after the team is made: latecomers and guests, renames, roles, inactive members."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.model import Role, SessionKind
from copdesk.core.text import InvalidName
from copdesk.store import participation, sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.teams import DuplicateName

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
ROSTER = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER), ("Cy Vale", Role.PRACTITIONER)]


def live_session(db: Database, present: int = 2) -> tuple[int, dict[str, int]]:
    team = teams.create_team(db, "Harbour Team", ROSTER, NOW)
    ids = {m.display_name: m.id for m in teams.list_members(db, team.id)}
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    sessions.set_attendance(db, session.id, list(ids.values())[:present])
    sessions.start_session(db, session.id, NOW, ground_rules_agreed=True)
    return session.id, ids


def test_add_attendee_adds_one_person_and_leaves_the_others(db: Database) -> None:
    session_id, ids = live_session(db)
    participation.add_contribution(db, session_id, ids["Ash Lee"], NOW)
    assert sessions.add_attendee(db, session_id, ids["Cy Vale"], NOW)
    assert sorted(sessions.attendee_ids(db, session_id)) == sorted(ids.values())
    assert not sessions.add_attendee(db, session_id, ids["Cy Vale"], NOW), "already present: nothing changes"
    assert len(sessions.attendee_ids(db, session_id)) == 3
    assert len(participation.contributions(db, session_id)) == 1


def test_add_attendee_refuses_someone_from_another_team(db: Database) -> None:
    session_id, _ids = live_session(db)
    other = teams.create_team(db, "Riverside Team", [("Di Moss", Role.PRACTITIONER)], NOW)
    stranger = teams.list_members(db, other.id)[0]
    with pytest.raises(ValueError, match="not on this session's team"):
        sessions.add_attendee(db, session_id, stranger.id, NOW)
    with pytest.raises(ValueError):
        sessions.add_attendee(db, session_id, 9999, NOW)
    assert len(sessions.attendee_ids(db, session_id)) == 2


def test_add_latecomers_adds_members_and_guests_in_one_go(db: Database) -> None:
    session_id, ids = live_session(db)
    added = sessions.add_latecomers(db, session_id, [ids["Cy Vale"]], ["Rosa Ortiz"], NOW)
    rosa = next(m for m in teams.list_members(db, 1) if m.display_name == "Rosa Ortiz")
    assert rosa.role is Role.GUEST and added == [ids["Cy Vale"], rosa.id]
    assert sorted(sessions.attendee_ids(db, session_id)) == sorted([*ids.values(), rosa.id])


def test_a_refused_guest_name_adds_nobody(db: Database) -> None:
    session_id, ids = live_session(db)
    with pytest.raises(DuplicateName):
        sessions.add_latecomers(db, session_id, [ids["Cy Vale"]], ["Rosa Ortiz", "bo day"], NOW)
    with pytest.raises(InvalidName):
        sessions.add_latecomers(db, session_id, [ids["Cy Vale"]], ["Eve\u0007Hall"], NOW)
    assert len(sessions.attendee_ids(db, session_id)) == 2
    assert [m.display_name for m in teams.list_members(db, 1)] == ["Ash Lee", "Bo Day", "Cy Vale"]


def test_attendance_added_late_survives_reopening_the_database(db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    session_id, ids = live_session(opened.db)
    sessions.add_attendee(opened.db, session_id, ids["Cy Vale"], NOW)
    opened.db.close()
    reopened = open_database(db_path, paths.migrations_dir())
    assert ids["Cy Vale"] in sessions.attendee_ids(reopened.db, session_id)
    reopened.db.close()


def test_set_member_role_changes_only_the_role(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", ROSTER, NOW)
    bo = teams.list_members(db, team.id)[1]
    changed = teams.set_member_role(db, bo.id, Role.CO_FACILITATOR)
    assert changed.role is Role.CO_FACILITATOR and changed.display_name == "Bo Day" and changed.active
    assert teams.get_member(db, bo.id).role is Role.CO_FACILITATOR
    with pytest.raises(ValueError):
        teams.set_member_role(db, bo.id, "chair")  # type: ignore[arg-type]
    assert teams.get_member(db, bo.id).role is Role.CO_FACILITATOR


def test_an_inactive_member_keeps_their_history_and_can_return(db: Database) -> None:
    session_id, ids = live_session(db)
    participation.add_contribution(db, session_id, ids["Bo Day"], NOW)
    teams.set_member_active(db, ids["Bo Day"], False)
    assert "Bo Day" not in [m.display_name for m in teams.list_members(db, 1)]
    assert ids["Bo Day"] in sessions.attendee_ids(db, session_id)
    assert [row.member_id for row in participation.contributions(db, session_id)] == [ids["Bo Day"]]
    with pytest.raises(DuplicateName):  # the name stays taken while they are away
        teams.add_member(db, 1, "bo day", Role.GUEST, NOW)
    teams.set_member_active(db, ids["Bo Day"], True)
    assert "Bo Day" in [m.display_name for m in teams.list_members(db, 1)]


def test_rename_team_follows_the_name_rules(db: Database) -> None:
    harbour = teams.create_team(db, "Harbour Team", ROSTER, NOW)
    teams.create_team(db, "Riverside Team", [], NOW)
    renamed = teams.rename_team(db, harbour.id, "  Harbour   Adults Team ")
    assert renamed.name == "Harbour Adults Team"
    assert teams.find_team(db, "harbour adults team") == renamed
    assert teams.rename_team(db, harbour.id, "HARBOUR adults team").name == "HARBOUR adults team", "own name, new case"
    for bad, error in (("riverside TEAM", DuplicateName), ("", InvalidName), ("\u202eHarbour", None)):
        if error is None:
            assert teams.rename_team(db, harbour.id, bad).name == "Harbour", "bidi controls are stripped"
            continue
        with pytest.raises(error, match=r"already a team called “Riverside Team”|empty"):
            teams.rename_team(db, harbour.id, bad)
    assert [t.name for t in teams.list_teams(db)] == ["Harbour", "Riverside Team"]
    assert len(teams.list_members(db, harbour.id)) == 3


def test_someone_marked_present_by_mistake_is_taken_off_until_anything_of_theirs_is_recorded(db: Database) -> None:
    session_id, ids = live_session(db, present=3)
    session = {"id": session_id}
    db.execute("UPDATE session SET presenter_id = :bo WHERE id = :id", {**session, "bo": ids["Bo Day"]})
    assert sessions.why_attendance_stays(db, session_id, ids["Bo Day"]) == "they are this session's presenter"
    db.execute(
        "UPDATE session SET presenter_id = NULL, co_facilitator_id = :bo WHERE id = :id",
        {**session, "bo": ids["Bo Day"]},
    )
    assert sessions.why_attendance_stays(db, session_id, ids["Bo Day"]) == "they co-facilitate this session"
    assert sessions.why_attendance_stays(db, session_id, ids["Cy Vale"]) is None
    sessions.remove_attendee(db, session_id, ids["Cy Vale"])
    assert sorted(sessions.attendee_ids(db, session_id)) == sorted([ids["Ash Lee"], ids["Bo Day"]])

    participation.add_contribution(db, session_id, ids["Ash Lee"], NOW)
    participation.add_contribution(db, session_id, ids["Ash Lee"], NOW)
    assert sessions.why_attendance_stays(db, session_id, ids["Ash Lee"]) == "2 contributions of theirs are logged"
    assert sessions.why_attendance_stays(db, session_id, ids["Bo Day"]) == "they co-facilitate this session"
    sessions.add_attendee(db, session_id, ids["Cy Vale"], NOW)
    assert sessions.why_attendance_stays(db, session_id, ids["Cy Vale"]) == (
        "contributions are logged now, and the people after them on the tiles would move to other number keys"
    )
    for refused in ("Ash Lee", "Bo Day", "Cy Vale"):
        with pytest.raises(ValueError, match=r"^Still marked present: "):
            sessions.remove_attendee(db, session_id, ids[refused])
    assert len(sessions.attendee_ids(db, session_id)) == 3 and len(participation.contributions(db, session_id)) == 2


def test_a_guest_added_for_the_session_and_taken_off_leaves_the_roster_too(db: Database) -> None:
    """Otherwise the mistyped guest stayed on the team, offered at every later start, for someone who never came."""
    session_id, ids = live_session(db, present=2)
    [typo] = sessions.add_latecomers(db, session_id, [], ["Dee Typo"], NOW)
    assert sessions.why_attendance_stays(db, session_id, typo) is None
    sessions.remove_attendee(db, session_id, typo)
    assert "Dee Typo" not in [m.display_name for m in teams.list_members(db, 1, include_inactive=True)]
    assert sorted(sessions.attendee_ids(db, session_id)) == [ids["Ash Lee"], ids["Bo Day"]]
