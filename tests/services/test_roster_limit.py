"""The most a roster holds counts the people of the team, never its guests: a guest added at the door of a session
stays on the roster, active, once it ends, and five past guests refused a team of 35 its 36th member."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from copdesk.core.model import Role
from copdesk.core.roster import MAX_MEMBERS
from copdesk.core.text import InvalidName
from copdesk.services import teams as team_service
from copdesk.store import teams

NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)


def _team_with_guests(db: Database, members: int, guests: int) -> int:
    team = teams.create_team(db, "Harbour Team", [(f"Member {n}", Role.PRACTITIONER) for n in range(members)], NOW)
    for n in range(guests):
        teams.add_member(db, team.id, f"Guest {n}", Role.GUEST, NOW)
    return team.id


def test_past_guests_leave_room_for_the_teams_own_members(db: Database) -> None:
    team_id = _team_with_guests(db, MAX_MEMBERS - 5, 5)

    added = team_service.add_member(db, team_id, "Nia Obi", Role.PRACTITIONER, NOW)

    assert added.display_name == "Nia Obi"


def test_a_full_roster_still_takes_a_guest_but_not_a_guest_made_a_member(db: Database) -> None:
    team_id = _team_with_guests(db, MAX_MEMBERS, 0)
    guest = team_service.add_member(db, team_id, "Rae Cole", Role.GUEST, NOW)

    with pytest.raises(InvalidName, match="make someone inactive first"):
        team_service.set_member_role(db, guest.id, Role.PRACTITIONER)
    assert teams.get_member(db, guest.id).role is Role.GUEST

    team_service.set_member_active(db, guest.id, False)
    team_service.set_member_active(db, guest.id, True)  # a guest again at the door: never refused
    assert teams.get_member(db, guest.id).active
