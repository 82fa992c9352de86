"""A fictional team whose names a code-point sort puts out of order, and a session they held, for the tests that
check names are listed as a person files them (in the store, the CLI and the windows alike)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlite_utils import Database

from copdesk.core.model import Role, SessionKind, Team
from copdesk.store import participation, sessions, teams, time_away

NOW = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
# As the facilitator types them, the first the facilitator.
TYPED = ("Zara Ahmed", "Łukasz Nowak", "émile Roux", "Bola Adeyemi", "Ørjan Dahl", "aoife Kelly", "Kwame Mensah")
# As a person files them; by code point it was Bola, Kwame, Zara, aoife, émile, Łukasz, Ørjan.
IN_ORDER = ("aoife Kelly", "Bola Adeyemi", "émile Roux", "Kwame Mensah", "Łukasz Nowak", "Ørjan Dahl", "Zara Ahmed")


def make_team(db: Database, name: str = "Harbour Team", names: tuple[str, ...] = TYPED) -> Team:
    roster = [(name, Role.FACILITATOR if i == 0 else Role.PRACTITIONER) for i, name in enumerate(names)]
    return teams.create_team(db, name, roster, NOW)


def member_ids(db: Database, team: Team) -> dict[str, int]:
    return {m.display_name: m.id for m in teams.list_members(db, team.id, include_inactive=True)}


def held_session(db: Database, team: Team) -> int:
    """A session everyone came to, where only the facilitator was heard; émile and Ørjan left early, and aoife and
    Bola stepped out for a while."""
    ids = member_ids(db, team)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    sessions.set_attendance(db, session.id, ids.values())
    sessions.start_session(db, session.id, NOW, ground_rules_agreed=True)
    participation.add_contribution(db, session.id, ids["Zara Ahmed"], NOW + timedelta(minutes=5))
    for name in ("Ørjan Dahl", "émile Roux", "aoife Kelly"):
        time_away.leave(db, session.id, ids[name], NOW + timedelta(minutes=20))
    time_away.come_back(db, session.id, ids["aoife Kelly"], NOW + timedelta(minutes=30))
    time_away.leave(db, session.id, ids["Bola Adeyemi"], NOW + timedelta(minutes=10))
    time_away.come_back(db, session.id, ids["Bola Adeyemi"], NOW + timedelta(minutes=15))
    sessions.end_session(db, session.id, NOW + timedelta(hours=1))
    return session.id
