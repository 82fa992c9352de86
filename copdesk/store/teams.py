"""Teams and their members.

Names go through :func:`copdesk.core.text.clean_name` and are unique by their casefolded key, so
"Priya Shah" and "priya  SHAH" cannot both be on one roster. Lists of names are put in order here, in Python, by
:func:`copdesk.core.text.name_sort_key`: SQLite's ORDER BY compares code points, which puts "Łukasz" after "Zoë".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import Member, Role, Team
from copdesk.core.roster import MemberNotFound, NameAmbiguous, accent_free_key, name_meant, team_name_taken
from copdesk.core.text import InvalidName, clean_name, clean_person_name, name_key, name_sort_key
from copdesk.store.audit import record_event
from copdesk.store.tables import insert_row


class DuplicateName(InvalidName):
    """The name is already taken (compared casefolded)."""


def _team(row: dict[str, Any]) -> Team:
    return Team(id=int(row["id"]), name=str(row["name"]))


def _member(row: dict[str, Any]) -> Member:
    return Member(
        id=int(row["id"]),
        team_id=int(row["team_id"]),
        display_name=str(row["display_name"]),
        role=Role(row["role"]),
        active=bool(row["active"]),
    )


def create_team(db: Database, name: str, members: Iterable[tuple[str, Role]], now: datetime) -> Team:
    """Create a team with its first members in one transaction: a bad member name creates nothing."""
    clean = clean_name(name, what="Team name")
    with db.atomic():
        _refuse_team_name_taken(db, clean)
        team_id = insert_row(db, "team", {"name": clean, "name_key": name_key(clean), "created_at": to_utc_iso(now)})
        for member_name, role in members:
            add_member(db, team_id, member_name, role, now)
        record_event(db, "created", "team", team_id, now)
    return Team(id=team_id, name=clean)


def _refuse_team_name_taken(db: Database, clean: str, team_id: int | None = None) -> None:
    """Team names are unique by their key; ``team_id`` may keep its own name (a rename that changes only case)."""
    clash = next(db.query("SELECT id, name FROM team WHERE name_key = ?", [name_key(clean)]), None)
    if clash is not None and clash["id"] != team_id:
        raise DuplicateName(team_name_taken(str(clash["name"])))


def rename_team(db: Database, team_id: int, new_name: str) -> Team:
    """Rename a team; a bad or taken name raises and changes nothing. Its sessions and history stay with it."""
    clean = clean_name(new_name, what="Team name")
    with db.atomic():
        _refuse_team_name_taken(db, clean, team_id)
        db.table("team").update(team_id, {"name": clean, "name_key": name_key(clean)})
    return get_team(db, team_id)


def list_teams(db: Database) -> list[Team]:
    return sorted(
        (_team(row) for row in db.query("SELECT id, name FROM team")), key=lambda team: name_sort_key(team.name)
    )


def find_team(db: Database, name: str) -> Team | None:
    row = next(db.query("SELECT id, name FROM team WHERE name_key = ?", [name_key(name)]), None)
    return _team(row) if row else None


def get_team(db: Database, team_id: int) -> Team:
    return _team(db.table("team").get(team_id))


def add_member(db: Database, team_id: int, name: str, role: Role, now: datetime, *, kept: bool = False) -> Member:
    """``kept``: a name CoPDesk kept itself (a guest's, held for Undo), taken as the rules of a name, not a person's
    name, have it: one kept from before a person's name needed a letter or a digit ("🌱") is put back as it was."""
    clean = (clean_name if kept else clean_person_name)(name, what="Member name")
    key = name_key(clean)
    with db.atomic():
        clash = next(
            db.query("SELECT display_name FROM member WHERE team_id = ? AND name_key = ?", [team_id, key]), None
        )
        if clash:
            raise DuplicateName(f"{clash['display_name']} is already on this team's roster.")
        member_id = insert_row(
            db,
            "member",
            {
                "team_id": team_id,
                "display_name": clean,
                "name_key": key,
                "role": Role(role).value,
                "active": 1,
                "created_at": to_utc_iso(now),
            },
        )
    return Member(id=member_id, team_id=team_id, display_name=clean, role=Role(role))


def list_members(db: Database, team_id: int, *, include_inactive: bool = False) -> list[Member]:
    sql = "SELECT * FROM member WHERE team_id = ?" + ("" if include_inactive else " AND active = 1")
    return sorted(
        (_member(row) for row in db.query(sql, [team_id])), key=lambda member: name_sort_key(member.display_name)
    )


def get_member(db: Database, member_id: int) -> Member:
    return _member(db.table("member").get(member_id))


def other_teams_with_name_of(db: Database, member_id: int) -> list[tuple[str, str]]:
    """Each other team whose roster has someone that typing this member's name would find there (any case, any Unicode
    form, or without accents, as :func:`copdesk.core.roster.name_meant` finds them; both of two it could mean): the
    team's name and theirs as written there, in order of the team."""
    member = get_member(db, member_id)
    sql = "SELECT team.name, member.display_name FROM member JOIN team ON team.id = member.team_id WHERE team.id <> ?"
    rosters: dict[str, list[str]] = {}
    for team, name in db.execute(sql, [member.team_id]).fetchall():
        rosters.setdefault(str(team), []).append(str(name))
    found: list[tuple[str, str]] = []
    for team in sorted(rosters, key=name_sort_key):
        try:
            found.append((team, name_meant(member.display_name, rosters[team], team)))
        except NameAmbiguous:
            like = accent_free_key(member.display_name)
            found += [(team, name) for name in rosters[team] if accent_free_key(name) == like]
        except MemberNotFound:
            continue
    return found


def rename_member(db: Database, member_id: int, new_name: str) -> Member:
    member = get_member(db, member_id)
    clean = clean_person_name(new_name, what="Member name")
    key = name_key(clean)
    clash = next(
        db.query(
            "SELECT display_name FROM member WHERE team_id = ? AND name_key = ? AND id <> ?",
            [member.team_id, key, member_id],
        ),
        None,
    )
    if clash:
        raise DuplicateName(f"{clash['display_name']} is already on this team's roster.")
    db.table("member").update(member_id, {"display_name": clean, "name_key": key})
    return get_member(db, member_id)


def set_member_role(db: Database, member_id: int, role: Role) -> Member:
    """Change someone's role (a practitioner who becomes co-facilitator, a guest who joins the team)."""
    db.table("member").update(member_id, {"role": Role(role).value})
    return get_member(db, member_id)


def set_member_active(db: Database, member_id: int, active: bool) -> None:
    """Inactive members are no longer offered when a session starts; their past attendance and tallies stay."""
    db.table("member").update(member_id, {"active": int(active)})


def team_count(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM team").fetchone()[0])
