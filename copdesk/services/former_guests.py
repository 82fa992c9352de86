"""Erasing a guest who is no longer on the team's roster: taken off a live session as present by mistake, a guest
added for that session alone leaves the roster, and CoPDesk keeps their name only to put them back with Undo, until
the session ends (:mod:`copdesk.store.live_acts`). Asked to erase them, by name as for anyone, the erasure reaches that
name here and in every copy, with the guest of that name a copy taken while they were on the roster still has."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import Member, Team
from copdesk.core.roster import name_meant
from copdesk.core.text import name_key
from copdesk.services.data_care import CareReport, ErasurePreview, erase_everywhere
from copdesk.store import erasure, live_acts, teams
from copdesk.store.connection import read_beside
from copdesk.store.erasure import ErasureCounts
from copdesk.store.scrub import delete_securely


def held_off_roster(db: Database, team_id: int, on_roster: Iterable[str]) -> list[str]:
    """The names held for Undo of guests no longer on the team's roster, each once, less those someone ``on_roster``
    has (erasing them takes the name held too), in the order taken off."""
    taken = {name_key(name) for name in on_roster}
    held: dict[str, str] = {}
    for _, name in live_acts.held_guests(db, team_id):
        held.setdefault(name_key(name), name)
    return [name for key, name in held.items() if key not in taken]


def whom_to_erase(db: Database, team: Team, name: str, *, exactly: bool = False) -> Member | str:
    """Who ``erase --member NAME`` means, found as :func:`~copdesk.core.roster.name_meant` finds a member ("Zoe" for
    "Zoë", unless ``exactly``): someone on the team's roster, else a guest no longer on it whose name is held for Undo
    (that name, as held). :class:`~copdesk.core.roster.MemberNotFound` when nobody, or more than one person, is."""
    members = {member.display_name: member for member in teams.list_members(db, team.id, include_inactive=True)}
    held = held_off_roster(db, team.id, members)
    meant = name_meant(name, [*members, *held], f"{team.name}'s roster", exactly=exactly, held_for_undo=held)
    return members.get(meant, meant)


def preview_former_guest(db: Database, team_id: int, name: str) -> ErasureCounts | None:
    """What erasing a guest called ``name``, no longer on the team's roster, would remove: the name kept to undo taking
    them off a live session not yet ended. ``None`` when no guest of that name is kept so."""
    held = erasure.held_guests(db, team_id, name)
    return erasure.preview_former_guest(db, team_id, [n for _, n in held], len(held)) if held else None


def preview_former_guest_beside(
    db_path: Path, team_id: int, name: str, superseded: Callable[[], bool]
) -> ErasurePreview | None:
    """:func:`preview_former_guest` on a read-only connection of its own, for the Erase dialog's worker thread, as
    :func:`copdesk.services.data_care.preview_erasure_beside` counts a member's; a name no longer kept counts none."""

    def count(db: Database) -> ErasurePreview | None:
        counts = preview_former_guest(db, team_id, name) or erasure.preview_former_guest(db, team_id, [], 0)
        return None if superseded() else ErasurePreview(name, counts, ())

    return read_beside(db_path, superseded, count, "What would be erased could not be counted just now ({why}).")


def erase_former_guest(
    db: Database, db_path: Path, team_id: int, name: str, now: datetime, *, delete_damaged: bool = False
) -> CareReport[ErasureCounts]:
    """Erase a guest no longer on the team's roster (:func:`copdesk.store.erasure.former_guest`), as
    :func:`preview_former_guest` finds them, here and in every copy (a name of no letter nor digit, "🌱", kept from
    before names needed one, is found there as a whole name: :class:`~copdesk.core.name_match.NameDigests`)."""
    held = erasure.held_guests(db, team_id, name)
    names = [n for _, n in held]
    counts = erasure.preview_former_guest(db, team_id, names, len(held))
    who = erasure.former_guest(team_id, to_utc_iso(now))
    report = erase_everywhere(db, db_path, who, set(names), counts, now, delete_damaged)

    def forget_held(target: Database) -> None:
        for taken_off_id, _ in held:
            live_acts.forget_taken_off(target, taken_off_id)

    delete_securely(db, forget_held)
    return report
