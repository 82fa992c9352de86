"""Turning what a facilitator types into a roster: one name per line, checked before anything is saved."""

from __future__ import annotations

from dataclasses import dataclass

from copdesk.core.model import Role
from copdesk.core.text import InvalidName, clean_name, name_key

MAX_MEMBERS = 40


@dataclass(frozen=True, slots=True)
class TeamDraft:
    name: str
    members: tuple[tuple[str, Role], ...]


def team_name_taken(existing: str) -> str:
    """What a team name already in use is refused with, naming the team as it is spelt."""
    return f"There is already a team called “{existing}”; choose another name."


def parse_team_draft(team_name: str, members_text: str) -> TeamDraft:
    """Validate a new team; raise :class:`InvalidName` naming the first problem.

    The first person listed is the facilitator (the person setting CoPDesk up); everyone else starts
    as a practitioner, and roles can be changed later (File ▸ Team members).
    """
    name = clean_name(team_name, what="Team name")
    members: list[tuple[str, Role]] = []
    seen: set[str] = set()
    for line_number, line in enumerate(members_text.splitlines(), start=1):
        if not line.strip():
            continue
        member = clean_name(line, what=f"Member on line {line_number}")
        if name_key(member) in seen:
            raise InvalidName(f"{member} is listed twice; each person once, please.")
        seen.add(name_key(member))
        members.append((member, Role.FACILITATOR if not members else Role.PRACTITIONER))
    if len(members) > MAX_MEMBERS:
        raise InvalidName(f"That is {len(members)} people; a CoP roster holds up to {MAX_MEMBERS}.")
    return TeamDraft(name, tuple(members))
