from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlite_utils import Database

from copdesk.core.model import MarkerKind, ReviewOutcome, Role, SessionKind
from copdesk.core.text import InvalidName
from copdesk.store import actions, participation, sessions, teams
from copdesk.store.teams import DuplicateName

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def test_team_names_are_unique_casefolded(db: Database) -> None:
    teams.create_team(db, "Zoë's Team", [], NOW)
    with pytest.raises(DuplicateName):
        teams.create_team(db, "  ZOË'S   team ", [], NOW)


def test_a_bad_member_name_creates_nothing(db: Database) -> None:
    with pytest.raises(InvalidName):
        teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("   ", Role.PRACTITIONER)], NOW)
    assert teams.list_teams(db) == []
    assert db.table("member").count == 0


def test_member_names_unique_within_team_and_bidi_stripped(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    with pytest.raises(DuplicateName):
        teams.add_member(db, team.id, "ash lee", Role.PRACTITIONER, NOW)
    member = teams.add_member(db, team.id, "Bo\u202eb Day", Role.GUEST, NOW)
    assert member.display_name == "Bob Day"
    with pytest.raises(InvalidName, match="control character"):
        teams.add_member(db, team.id, "Cy\x07 Vale", Role.GUEST, NOW)


def test_sql_like_text_is_stored_literally(db: Database) -> None:
    team = teams.create_team(db, "Robert'); DROP TABLE team;--", [], NOW)
    assert teams.get_team(db, team.id).name == "Robert'); DROP TABLE team;--"
    assert "team" in db.table_names()


def test_action_cannot_be_carried_twice_in_one_session(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    second = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    action = actions.add_action(
        db, team.id, "Share the checklist", NOW, origin_session_id=first.id, due=date(2026, 11, 1)
    )
    actions.review_action(db, action.id, second.id, ReviewOutcome.CARRIED, NOW)
    with pytest.raises(Exception, match="UNIQUE"):
        actions.review_action(db, action.id, second.id, ReviewOutcome.CARRIED, NOW)
    assert actions.get_action(db, action.id).times_carried == 1


def test_markers_have_no_member_column(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    participation.add_marker(db, session.id, MarkerKind.TENSION, NOW)
    assert "member_id" not in db.table("marker").columns_dict
    assert [m.kind for m in participation.markers(db, session.id)] == [MarkerKind.TENSION]
