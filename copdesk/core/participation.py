"""Participation tracking and balance metrics: facilitator-only data about colleagues.

Colleagues are data subjects too. Nothing here produces a ranking by name: the metrics take bare
numbers, the plain-words reading names nobody, and the history helper works on counts alone. The
live :class:`Tally` keys people by member id so that the view decides what, if anything, to show.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from copdesk.core.clock import MonotonicClock

QUIET_AFTER_SECONDS = 900.0

# Below this Gini coefficient a room reads as even. Among five people, one contributing twice and the
# rest once gives 0.13; one making 5 of the 9 contributions gives 0.36.
EVEN_GINI_THRESHOLD = 0.25


@dataclass(frozen=True, slots=True)
class Contribution:
    """One tick, or one talk-time stint (``duration`` set once it has ended).

    ``at`` is a monotonic clock reading: only differences between readings mean anything.
    """

    member_id: int
    at: float
    duration: float | None = None


class Tally:
    """The contributions of one live session, in the order the facilitator recorded them.

    A talk-time stint is a contribution like a tick, so counts include it as soon as it starts; its
    duration is filled in when it stops. Only one person speaks at a time, because the facilitator
    follows the conversation with one click per change of speaker.
    """

    def __init__(self, clock: MonotonicClock, earlier: Iterable[Contribution] = ()) -> None:
        """``earlier`` carries on a session after a restart: those contributions count as finished."""
        self._clock = clock
        self._entries: list[Contribution] = list(earlier)
        self._open_stint: int | None = None  # index into _entries of the stint still running

    @property
    def contributions(self) -> tuple[Contribution, ...]:
        return tuple(self._entries)

    @property
    def speaker(self) -> int | None:
        return None if self._open_stint is None else self._entries[self._open_stint].member_id

    def log_contribution(self, member_id: int, at: float | None = None) -> Contribution:
        """A tick leaves any current speaker speaking: an interjection does not end their turn.

        ``at`` is when it was made, for a tick saved late (a retry after a full disk); the default is now.
        """
        entry = Contribution(member_id, self._clock() if at is None else at)
        self._entries.append(entry)
        return entry

    def start_speaking(self, member_id: int) -> Contribution | None:
        """Return the stint this ends, if any.

        Starting the person who is already speaking changes nothing, so a double click cannot
        count one turn twice.
        """
        if self.speaker == member_id:
            return None
        ended = self.stop_speaking()
        self._open_stint = len(self._entries)
        self._entries.append(Contribution(member_id, self._clock()))
        return ended

    def stop_speaking(self) -> Contribution | None:
        if self._open_stint is None:
            return None
        index, self._open_stint = self._open_stint, None
        self._entries[index] = self._with_duration_so_far(self._entries[index])
        return self._entries[index]

    def undo_last(self) -> Contribution | None:
        """Undo the most recently recorded contribution; a running stint is cancelled, not ended."""
        if not self._entries:
            return None
        entry = self._entries.pop()
        if self._open_stint == len(self._entries):
            self._open_stint = None
            entry = self._with_duration_so_far(entry)
        return entry

    def counts(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for entry in self._entries:
            counts[entry.member_id] = counts.get(entry.member_id, 0) + 1
        return counts

    def talk_seconds(self) -> dict[int, float]:
        """Totals include the running stint up to now, so a live display keeps moving."""
        totals: dict[int, float] = {}
        for entry in self._live_entries():
            if entry.duration is not None:
                totals[entry.member_id] = totals.get(entry.member_id, 0.0) + entry.duration
        return totals

    def talk_share(self) -> dict[int, float]:
        """Fractions of all talk time so far; empty until anyone has been timed."""
        totals = self.talk_seconds()
        grand_total = sum(totals.values())
        if grand_total <= 0:
            return {}
        return {member_id: seconds / grand_total for member_id, seconds in totals.items()}

    def last_heard_at(self) -> dict[int, float]:
        """When each member last finished contributing, for :func:`quiet_members`.

        A stint counts at its end, and the current speaker counts as heard now: someone who has
        talked for ten minutes is not a quiet voice.
        """
        heard: dict[int, float] = {}
        for entry in self._live_entries():
            heard_at = entry.at + (entry.duration or 0.0)
            heard[entry.member_id] = max(heard_at, heard.get(entry.member_id, heard_at))
        return heard

    def _live_entries(self) -> list[Contribution]:
        entries = list(self._entries)
        if self._open_stint is not None:
            entries[self._open_stint] = self._with_duration_so_far(entries[self._open_stint])
        return entries

    def _with_duration_so_far(self, entry: Contribution) -> Contribution:
        return replace(entry, duration=self._clock() - entry.at)


def gini(values: Sequence[float]) -> float:
    """0 when everyone contributed equally, approaching 1 when one person did everything.

    Pass one value per person present, zeros included: leaving out the silent would hide exactly
    the imbalance this is meant to show. An empty or all-zero room counts as even.
    """
    if any(value < 0 for value in values):
        raise ValueError("contribution values cannot be negative")
    total = sum(values)
    if not values or total == 0:
        return 0.0
    n = len(values)
    weighted = sum(rank * value for rank, value in enumerate(sorted(values), start=1))
    return (2 * weighted) / (n * total) - (n + 1) / n


def _top_group_size(people: int, fraction: float) -> int:
    """Round down so the group is never bigger than the fraction claims, but keep at least one."""
    if not 0 < fraction <= 1:
        raise ValueError(f"fraction must be in (0, 1], not {fraction}")
    return max(1, math.floor(people * fraction + 1e-9))


def top_share(values: Sequence[float], fraction: float = 0.2) -> float:
    """Share of all contributions made by the most active ``fraction`` of the people present."""
    size = _top_group_size(len(values), fraction)
    total = sum(values)
    if not values or total == 0:
        return 0.0
    return sum(sorted(values, reverse=True)[:size]) / total


@dataclass(frozen=True, slots=True)
class Measure:
    """How the plain-words reading names what was counted, so talk time never reads as "contributions"."""

    nothing_yet: str
    evenly_spread: str
    share: str  # completed with the percentage
    not_heard_one: str
    not_heard_many: str


CONTRIBUTIONS = Measure(
    "No contributions logged yet",
    "Contributions were evenly spread",
    "made {percent}% of contributions",
    "person has not contributed",
    "people have not contributed",
)
TALK_TIME = Measure(
    "No talk time recorded yet",
    "Talk time was evenly spread",
    "took {percent}% of the talk time",
    "person has no talk time",
    "people have no talk time",
)


def balance_in_words(values: Sequence[float], fraction: float = 0.2, *, measure: Measure = CONTRIBUTIONS) -> str:
    """A reading of the room for the facilitator that counts people but never names or ranks them."""
    people = len(values)
    if people == 0 or sum(values) == 0:
        return measure.nothing_yet
    silent = sum(1 for value in values if value == 0)
    if gini(values) < EVEN_GINI_THRESHOLD:
        reading = measure.evenly_spread
    else:
        size = _top_group_size(people, fraction)
        percent = round(top_share(values, fraction) * 100)
        if size >= people - silent:  # all who spoke are in the top group: the sentence counts them, not the group
            size, percent = people - silent, 100
        reading = f"{size} of {people} people {measure.share.format(percent=percent)}"
    if silent:
        reading += f"; {silent} {measure.not_heard_one if silent == 1 else measure.not_heard_many}"
    return reading


def quiet_members(
    present: Sequence[int],
    last_contribution_at: Mapping[int, float],
    session_start: float,
    now: float,
    quiet_after_seconds: float = QUIET_AFTER_SECONDS,
) -> list[int]:
    """Who might be invited in: present, and not heard for a while (or at all since the start).

    Roster order, not quietness order, so the list prompts an invitation rather than a ranking.
    """
    return [
        member_id
        for member_id in present
        if now - last_contribution_at.get(member_id, session_start) >= quiet_after_seconds
    ]


def quiet_in_session(
    attendees: Sequence[int],
    counts: Mapping[int, int],
    share_below: float = 0.5,
    presence: Mapping[int, float] | None = None,
) -> list[int]:
    """Who was quiet at a past session, to invite in early next time: attendees with fewer contributions
    than ``share_below`` of an even share. Someone who said nothing is always quiet.

    ``presence`` is the part of the session each attendee was there for (1 when missing: the whole of it), and an
    even share is in proportion to it: someone who left after ten minutes of an hour, having spoken as often as
    anyone did in those ten, was not quiet. A session where nothing was tallied says nothing about anyone, so it
    names nobody. Roster order, not quietness order, so the list prompts an invitation rather than a ranking.
    """
    total = sum(counts.get(member_id, 0) for member_id in attendees)
    if total == 0:
        return []
    present_for = {member_id: (presence or {}).get(member_id, 1.0) for member_id in attendees}
    whole = sum(present_for.values()) or 1.0
    return [
        member_id
        for member_id in attendees
        if counts.get(member_id, 0) < total * present_for[member_id] / whole * share_below
    ]


@dataclass(frozen=True, slots=True)
class SessionParticipation:
    """What one past session contributes to the team chart: numbers only, no member ids."""

    held_on: date
    attendance: int
    contribution_counts: Sequence[int]

    def counts_with_silent(self) -> list[int]:
        """One count per attendee: those who never contributed may be missing, and come back as zeros,
        because silence is part of the balance."""
        counts = list(self.contribution_counts)
        if len(counts) > self.attendance:
            raise ValueError(
                f"session on {self.held_on} has {len(counts)} contribution counts for {self.attendance} attendees"
            )
        return counts + [0] * (self.attendance - len(counts))


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    held_on: date
    attendance: int
    contributions: int
    gini: float
    top_share: float


def participation_history(sessions: Iterable[SessionParticipation]) -> list[HistoryPoint]:
    """Attendance and balance per session, oldest first, for the team-level chart."""
    points = []
    for session in sorted(sessions, key=lambda s: s.held_on):
        counts = session.counts_with_silent()
        points.append(HistoryPoint(session.held_on, session.attendance, sum(counts), gini(counts), top_share(counts)))
    return points
