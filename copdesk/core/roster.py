"""Turning what a facilitator types into a roster: one name per line, checked before anything is saved."""

from __future__ import annotations

import re
from dataclasses import dataclass

from copdesk.core.model import Role
from copdesk.core.text import InvalidName, clean_name, clean_person_name, name_key

MAX_MEMBERS = 40
_ADDRESS = re.compile(r"<[^<>@]*@[^<>]*>")  # an email address in angle brackets, after a name


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
        for entry in _people_in(line):
            member = clean_person_name(entry, what=f"Member on line {line_number}")
            if name_key(member) in seen:
                raise InvalidName(f"{member} is listed twice; each person once, please.")
            seen.add(name_key(member))
            members.append((member, Role.FACILITATOR if not members else Role.PRACTITIONER))
    if not members:  # a team of nobody has no facilitator, and nobody to tick present or to ask to present
        raise InvalidName("List the team's members, one a line, yourself first: the first is the facilitator.")
    if len(members) > MAX_MEMBERS:
        raise InvalidName(f"That is {len(members)} people; a CoP roster holds up to {MAX_MEMBERS}.")
    return TeamDraft(name, tuple(members))


def _people_in(line: str) -> list[str]:
    """The people on one line: an attendee list copied from Outlook or Teams has them on one line, parted by
    semicolons, each name followed by its address ("Ash Lee <ash.lee@council.example>; Bo Day <…>"), and was taken as
    one member named with them all. An address alone is kept (as the name), never dropped."""
    people: list[str] = []
    for entry in line.split(";"):
        named = _ADDRESS.sub(" ", entry)
        people.append(named if named.strip() else entry.strip().strip("<>"))
    return [person for person in people if person.strip()]
