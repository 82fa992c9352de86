"""The team and its roster: create a team with its first members, rename it, and add, rename, re-role or
retire a member. A bad or taken name raises (``InvalidName``/``DuplicateName``) and changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.model import Member, Role, Team
from copdesk.core.roster import check_roster_size
from copdesk.services import transaction
from copdesk.store import teams


def create_team(db: Database, name: str, members: Iterable[tuple[str, Role]], now: datetime) -> Team:
    with transaction(db):
        return teams.create_team(db, name, members, now)


def rename_team(db: Database, team_id: int, new_name: str) -> Team:
    with transaction(db):
        return teams.rename_team(db, team_id, new_name)


def add_member(db: Database, team_id: int, name: str, role: Role, now: datetime) -> Member:
    """Add someone to the roster (File ▸ Team members), within the most a roster holds, as a new team is."""
    with transaction(db):
        if role is not Role.GUEST:
            _refuse_one_more(db, team_id)
        return teams.add_member(db, team_id, name, role, now)


def rename_member(db: Database, member_id: int, new_name: str) -> Member:
    with transaction(db):
        return teams.rename_member(db, member_id, new_name)


def set_member_role(db: Database, member_id: int, role: Role) -> Member:
    """A guest made a member of the team counts towards the most a roster holds."""
    with transaction(db):
        member = teams.get_member(db, member_id)
        if member.active and member.role is Role.GUEST and role is not Role.GUEST:
            _refuse_one_more(db, member.team_id)
        return teams.set_member_role(db, member_id, role)


def set_member_active(db: Database, member_id: int, active: bool) -> None:
    """Someone made active again attends once more, so counts towards the most a roster holds."""
    with transaction(db):
        member = teams.get_member(db, member_id)
        if active and not member.active and member.role is not Role.GUEST:
            _refuse_one_more(db, member.team_id)
        teams.set_member_active(db, member_id, active)


def _refuse_one_more(db: Database, team_id: int) -> None:
    """The roster would take one more person who attends past the most it holds. Guests are neither counted nor
    refused: one added at the door of a session stays on the roster, active, after it, and the meeting comes first."""
    members = [member for member in teams.list_members(db, team_id) if member.role is not Role.GUEST]
    check_roster_size(len(members) + 1, team=teams.get_team(db, team_id).name)
