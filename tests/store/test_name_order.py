"""Names listed as a person files them, wherever the store lists people or teams: "Łukasz" among the Ls and "émile"
among the Es, where SQLite's ORDER BY (code points) put both after "Zara", and lower case after every capital."""

from __future__ import annotations

from sqlite_utils import Database

from copdesk.core.model import SessionKind
from copdesk.store import sessions, teams
from copdesk.store.planning import presenter_turns
from copdesk.store.records import session_record
from copdesk.store.review import most_active_team
from tests.names_in_order import IN_ORDER, NOW, TYPED, held_session, make_team, member_ids

FACILITATOR = "Zara Ahmed"
OTHERS = tuple(name for name in IN_ORDER if name != FACILITATOR)


def test_the_roster_lists_members_as_a_person_files_them(db: Database) -> None:
    team = make_team(db)
    teams.set_member_active(db, member_ids(db, team)["Kwame Mensah"], False)
    assert [m.display_name for m in teams.list_members(db, team.id, include_inactive=True)] == list(IN_ORDER)
    active = [m.display_name for m in teams.list_members(db, team.id)]
    assert active == [name for name in IN_ORDER if name != "Kwame Mensah"]


def test_teams_are_listed_by_name_as_a_person_files_them(db: Database) -> None:
    for name in ("Zenith Team", "Ōtautahi Team", "älvsby Team", "Bridge Team"):
        make_team(db, name, ("Aoife Byrne",))
    assert [t.name for t in teams.list_teams(db)] == ["älvsby Team", "Bridge Team", "Ōtautahi Team", "Zenith Team"]
    aoife = teams.list_members(db, teams.list_teams(db)[-1].id)[0]
    others = teams.other_teams_with_name_of(db, aoife.id)
    assert others == [(team, "Aoife Byrne") for team in ("älvsby Team", "Bridge Team", "Ōtautahi Team")]


def test_with_no_session_held_the_first_team_by_name_is_the_clis_team(db: Database) -> None:
    for name in ("Zenith Team", "émigré Team", "Fenland Team"):
        make_team(db, name, ("Aoife Byrne",))
    chosen = most_active_team(db)
    assert chosen is not None and chosen.name == "émigré Team"
    zenith = next(t for t in teams.list_teams(db) if t.name == "Zenith Team")
    sessions.create_session(db, zenith.id, SessionKind.REFLECTIVE, NOW)
    chosen = most_active_team(db)
    assert chosen is not None and chosen.name == "Zenith Team", "a team with a session comes before any without"


def test_who_has_never_presented_is_offered_in_name_order(db: Database) -> None:
    team = make_team(db)
    assert TYPED[0] == FACILITATOR  # who would be asking
    assert [turn.name for turn in presenter_turns(db, team.id)] == list(OTHERS)


def test_the_record_exported_with_names_lists_them_as_a_person_files_them(db: Database) -> None:
    record = session_record(db, held_session(db, make_team(db)), with_names=True)
    assert record.attendee_names == IN_ORDER
    assert record.left_at is not None and [left.name for left in record.left_at] == ["émile Roux", "Ørjan Dahl"]
    assert record.time_away is not None and [away.name for away in record.time_away] == ["aoife Kelly", "Bola Adeyemi"]
