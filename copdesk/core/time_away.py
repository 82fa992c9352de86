"""Time away from a session: the spells someone marked present spent out of it, and what they take off.

A spell runs from when they left to when they came back. One still open when the session ended runs to its end: they
left before the end. Only the part of a spell inside the session counts (a session ended at the time it was last in
use may end before someone's spell did), and spells of one person that overlap count once, though CoPDesk never
records them so (one is open at a time).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple


class Spell(NamedTuple):
    id: int
    member_id: int
    left_at: datetime  # aware
    back_at: datetime | None  # None: still away (or, once the session ended, away at its end)


def by_member(spells: Iterable[Spell]) -> dict[int, list[Spell]]:
    grouped: dict[int, list[Spell]] = {}
    for spell in spells:
        grouped.setdefault(spell.member_id, []).append(spell)
    return grouped


def before_arriving(member_id: int, started: datetime, arrived: datetime) -> Spell:
    """The time before someone marked present after the session ``started`` came in, counted as one more spell away
    (it is not stored as one, so it has no id)."""
    return Spell(0, member_id, started, arrived)


def away_seconds(spells: Iterable[Spell], start: datetime, end: datetime) -> float:
    """How much of the session from ``start`` to ``end`` one person spent away, in seconds."""
    cut = sorted((max(spell.left_at, start), min(spell.back_at or end, end)) for spell in spells)
    total, reached = 0.0, start
    for left, back in cut:
        begin = max(left, reached)
        if back > begin:
            total += (back - begin).total_seconds()
            reached = back
    return total


def left_before_end(spells: Iterable[Spell], end: datetime | None) -> datetime | None:
    """When one person left for good: the start of the spell they were away in when the session ended at ``end`` (for
    a session not ended yet, of the spell still open), or None when they were there at the end."""
    for spell in sorted(spells, key=lambda spell: spell.left_at):
        if end is None:
            if spell.back_at is None:
                return spell.left_at
        elif spell.left_at < end and (spell.back_at is None or spell.back_at > end):
            return spell.left_at
    return None
