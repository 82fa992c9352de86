"""Turning what a facilitator types into a roster: one name per line, checked before anything is saved."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from copdesk.core.anonymise import unaccented
from copdesk.core.model import Role
from copdesk.core.text import (
    InvalidName,
    clean_name,
    clean_person_name,
    name_key,
    name_sort_key,
    without_edge_joiners,
)

MAX_MEMBERS = 40  # people who attend: someone made inactive leaves room for another
_ADDRESS = re.compile(r"<[^<>@]*@[^<>]*>")  # an email address in angle brackets, after a name
_BETWEEN_PEOPLE = " \t,;"
_BARE_ADDRESS = re.compile(r"[^\s<>@,;\"']+@[^\s<>@,;\"']+")  # an email address typed in a name's place
_COMMA_OUTSIDE_QUOTES = re.compile(r',(?=(?:[^"]*"[^"]*")*[^"]*$)')  # not one in a quoted "Lee, Ash"


@dataclass(frozen=True, slots=True)
class TeamDraft:
    name: str
    members: tuple[tuple[str, Role], ...]


class MemberNotFound(LookupError):
    """Nobody on the roster goes by the name typed, or more than one person might; the message is one line."""


class NameAmbiguous(MemberNotFound):
    """More than one person goes by the name typed: someone is there, though not one to take for the name."""


def name_meant(
    typed: str, names: Sequence[str], roster: str, *, exactly: bool = False, held_for_undo: Collection[str] = ()
) -> str:
    """The one of ``names`` (those on ``roster``, said as "Harbour Team's roster", and those ``held_for_undo``: guests
    taken off a live session, no longer on it) that someone typing ``typed`` means: the one it equals as a duplicate
    would (any case, any Unicode form: :func:`name_key`), else, unless ``exactly``, the one it equals without accents
    ("Zoe" for "Zoë", "lukasz" for "Łukasz"), as typed on a keyboard with none. Two people it could mean are never
    taken for one: :class:`NameAmbiguous` names them, each where they are, and asks for the name as written.
    """
    said = " ".join(typed.split())
    for key in (name_key,) if exactly else (name_key, accent_free_key):
        meant = {name_key(name): name for name in names if key(name) == key(typed)}
        if len(meant) == 1:
            return next(iter(meant.values()))
        if meant:
            ordered = sorted(meant.values(), key=name_sort_key)
            raise NameAmbiguous(f"{said!r} could be {_where_each_is(ordered, roster, held_for_undo)}.")
    raise MemberNotFound(f"Nobody called {said!r} is on {roster}.")


def _where_each_is(names: Sequence[str], roster: str, held_for_undo: Collection[str]) -> str:
    """The people a name could mean, each said where they are, and how to choose: a guest held for Undo is no longer
    on the roster, so "type the name as it is written there" would send the facilitator to look for them in vain."""
    on_roster = [name for name in names if name not in held_for_undo]
    held = [name for name in names if name in held_for_undo]
    if not held:
        return f"{_either(on_roster)} on {roster}; type the name as it is written there"
    guests = "a guest" if len(held) == 1 else "guests"
    taken_off = f"{_either(held)}, {guests} taken off a live session"
    if not on_roster:
        return f"{taken_off} and no longer on {roster}; type the name as it was written"
    return f"{_either(on_roster)} on {roster}, or {taken_off} and no longer on it; type the name as it is written"


def _either(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def accent_free_key(name: str) -> str:
    """The key :func:`name_meant` compares names by when they are typed without accents: "Zoe" and "Zoë" share it."""
    return name_key(unaccented(name))


def names_written_today(stored: Iterable[tuple[int, str]]) -> dict[int, str]:
    """The names, by id, of one roster (or of the teams) an earlier CoPDesk stored that today's rule writes otherwise
    (:func:`~copdesk.core.text.without_edge_joiners`), each as it is to be kept. A name written so already never
    changes: it is what typing the name finds. One that today's rule would make the same as another's (a "Sam Lee"
    with a joiner pasted after it, beside a Sam Lee) is another person all the same, never merged nor dropped: it keeps
    a number after it ("Sam Lee (2)"), so the roster shows two people, to rename or to erase. A name that is all
    joiners is left as it is."""
    names = sorted(stored)
    taken = {name_key(name) for _, name in names if without_edge_joiners(name) == name}
    written: dict[int, str] = {}
    for name_id, name in names:
        today = without_edge_joiners(name)
        if today in ("", name):
            continue
        numbered, number = today, 1
        while name_key(numbered) in taken:
            number += 1
            numbered = f"{today} ({number})"
        taken.add(name_key(numbered))
        written[name_id] = numbered
    return written


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
    check_roster_size(len(members))
    return TeamDraft(name, tuple(members))


def check_roster_size(attending: int, *, team: str | None = None) -> None:
    """Refuse (:class:`InvalidName`) a roster of more than :data:`MAX_MEMBERS` people who attend: a new team's list, or
    the roster of ``team`` with someone added or made active again (File ▸ Team members), where the remedy differs."""
    if attending <= MAX_MEMBERS:
        return
    if team is None:
        raise InvalidName(f"That is {attending} people; a CoP roster holds up to {MAX_MEMBERS}.")
    raise InvalidName(
        f"{team} has {attending - 1} people who attend, and a CoP roster holds up to {MAX_MEMBERS}; "
        "make someone inactive first."
    )


def _people_in(line: str) -> list[str]:
    """The people on one line: an attendee list copied from Outlook or Teams has them on one line, each name followed
    by its address, parted by semicolons, commas or spaces ("Ash Lee <ash.lee@council.example>; Bo Day <…>"), and was
    taken as one member named with them all. Each address ends a person; a name in quotes ("Lee, Ash") loses them. A
    line with no address is parted at semicolons only. An address with no name before it, or typed as a name, is
    refused (:class:`InvalidName`) with the address: it was kept as the person's name, to be tallied and reported
    under it."""
    people: list[str] = []
    rest = 0
    for address in _ADDRESS.finditer(line):
        named = line[rest : address.start()].strip(_BETWEEN_PEOPLE)
        people.append(_unquoted(named) if named else address[0])
        rest = address.end()
    people.extend(_unquoted(person.strip(_BETWEEN_PEOPLE)) for person in line[rest:].split(";"))
    people = [person.strip(_BETWEEN_PEOPLE) for person in people if person.strip(_BETWEEN_PEOPLE)]
    for person in people:
        if (typed := _BARE_ADDRESS.search(person)) is not None:  # "Team @ Harbour" is words, not an address
            raise InvalidName(f"{typed[0]} is an email address, not a name: type the person's name in its place.")
    return people


def commas_unsure(line: str) -> str:
    """What of a line of the members' list a comma may part into several people ("Ash Lee, Bo Day") or may be part
    of one name ("Okafor, Sam", as Outlook writes one): the words after its last address (a line with none: all of
    it), when a comma stands there outside quotes; else empty. An address says where a person ends; nothing else
    does."""
    ends = [address.end() for address in _ADDRESS.finditer(line)]
    words = line[ends[-1] if ends else 0 :].strip(_BETWEEN_PEOPLE)
    return words if _COMMA_OUTSIDE_QUOTES.search(words) else ""


def line_parted_at_commas(line: str) -> list[str]:
    """``line`` as lines of the list: the words :func:`commas_unsure` finds, parted at their commas outside quotes,
    each on a line of its own after what the addresses before them said."""
    unsure = commas_unsure(line)
    if not unsure:
        return [line]
    before = line[: line.rindex(unsure)].rstrip(_BETWEEN_PEOPLE)
    parts = [part.strip() for part in _COMMA_OUTSIDE_QUOTES.split(unsure)]
    return [text for text in (before, *parts) if text]


def _unquoted(name: str) -> str:
    """A display name without the quotes Outlook puts round one with a comma in it ("Lee, Ash")."""
    return name[1:-1] if len(name) > 1 and name[0] in "\"'" and name[-1] == name[0] else name
