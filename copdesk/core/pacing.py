"""Pacing: how far a session is from its plan, said in the words and colours a facilitator reads at a glance.

Kept apart from :mod:`copdesk.core.timer` because none of it keeps time: these are pure functions of
seconds (remaining, planned, behind), shared by the live timer, the re-timing arithmetic and the
end-of-session summary, so the same minute is rounded the same way everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

MINIMUM_SEGMENT_SECONDS = 60
AMBER_PERCENT = 20
RED_PERCENT = 5


class WarningLevel(StrEnum):
    NORMAL = "normal"
    AMBER = "amber"  # at most 20% of the segment left
    RED = "red"  # at most 5% left
    OVERRUN = "overrun"


@dataclass(frozen=True, slots=True)
class Remaining:
    """A segment that could still give time back: its name, its seconds, and whether it is running now."""

    name: str
    seconds: float
    is_current: bool


@dataclass(frozen=True, slots=True)
class SegmentOutcome:
    """One line of the planned-against-actual summary."""

    name: str
    planned_seconds: int
    actual_seconds: float | None  # None: never reached

    @property
    def difference_words(self) -> str:
        if self.actual_seconds is None:
            return "not reached"
        delta = self.actual_seconds - self.planned_seconds
        if rounded_minutes(delta) == 0:
            return "on time"
        return f"{format_minutes(delta)} {'over' if delta > 0 else 'under'}"


def warning_level(remaining: float, planned: int) -> WarningLevel:
    """Thresholds compared in whole percent so exactly 20% and 5% land on amber and red without float error."""
    if remaining < 0:
        return WarningLevel.OVERRUN
    if remaining * 100 <= planned * RED_PERCENT:
        return WarningLevel.RED
    if remaining * 100 <= planned * AMBER_PERCENT:
        return WarningLevel.AMBER
    return WarningLevel.NORMAL


def schedule_wording(delta: float, candidates: Sequence[Remaining]) -> str:
    """Say how far off the plan is and, when behind, the one cut that would recover it.

    ``delta`` is the projected finish minus the planned end (positive: behind); ``candidates`` are the
    current segment (its time left) and the segments still to come (their planned time).
    """
    behind_minutes = rounded_minutes(delta)
    if behind_minutes == 0:
        return "On time"
    if delta < 0:
        return f"{format_minutes(-delta)} ahead"
    behind = f"{behind_minutes} min behind"
    longest = max(candidates, key=lambda candidate: candidate.seconds)
    cut_to = longest.seconds - behind_minutes * 60  # in the minutes the facilitator was just shown
    if cut_to >= MINIMUM_SEGMENT_SECONDS:
        if longest.is_current:
            return f"{behind}: finishing on time needs {longest.name} wrapped up in {format_minutes(cut_to)}"
        return f"{behind}: finishing on time needs {longest.name} cut to {format_minutes(cut_to)}"
    spare = sum(max(c.seconds - MINIMUM_SEGMENT_SECONDS, 0.0) for c in candidates)
    if spare >= behind_minutes * 60:
        return f"{behind}: no single segment can absorb it; Re-time spreads the cut"
    return f"{behind}: even at 1 min per segment the session ends {format_minutes(delta - spare)} late"


def caught_up_wording(gap: float, overrun: float, later: Sequence[tuple[str, float]]) -> str:
    """After CoPDesk was closed while the meeting went on: how long, and where the agenda says the room is now.

    ``overrun`` is how far the current segment is past its plan once the gap is counted; ``later`` holds
    the names and planned seconds of the segments after it. The timer does not move on by itself: only the
    facilitator knows whether the conversation did.
    """
    said = f"CoPDesk was closed for {duration_words(gap)}; the timer has caught up"
    if rounded_minutes(overrun) == 0 or overrun < 0:
        return f"{said}."
    over = f"{said}, {format_minutes(overrun)} over"
    into = overrun
    for name, planned in later:
        if into < planned:
            return f"{over}: by the agenda the meeting is now in {name} (N moves on)."
        into -= planned
    return f"{over}: the agenda has run out. End the session when the group has finished."


def finished_wording(delta: float) -> str:
    if rounded_minutes(delta) == 0:
        return "Finished on time"
    return f"Finished {format_minutes(delta)} {'late' if delta > 0 else 'early'}"


def format_clock(seconds: float) -> str:
    """'12:05' counting down (whole seconds rounded up, so 00:00 means time is up), '+01:30' counting up."""
    if seconds < 0:
        return "+" + _hours_minutes_seconds(math.floor(-seconds))
    return _hours_minutes_seconds(math.ceil(seconds))


def format_elapsed(seconds: float) -> str:
    """'23:10' counting up from zero: whole seconds rounded down, so it turns over as each second completes."""
    return _hours_minutes_seconds(math.floor(max(seconds, 0.0)))


def format_minutes(seconds: float) -> str:
    """Durations in words to the nearest minute: '4 min', '1 h', '1 h 5 min'."""
    hours, minutes = divmod(rounded_minutes(seconds), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def duration_words(seconds: float) -> str:
    """Like :func:`format_minutes`, but a duration that rounds to nothing still reads as something."""
    return format_minutes(seconds) if rounded_minutes(seconds) else "under a minute"


def rounded_minutes(seconds: float) -> int:
    """Half a minute rounds up, whatever the sign, so 'behind' and 'ahead' are symmetric."""
    return math.floor(abs(seconds) / 60 + 0.5)


def scale_with_floor(wants: Sequence[float], total: float, floor: float) -> list[float]:
    """Share ``total`` in proportion to ``wants``, lifting any share below ``floor`` to it and rescaling the rest."""
    if total <= floor * len(wants):
        return [floor] * len(wants)
    fixed: set[int] = set()
    while True:
        free = [i for i in range(len(wants)) if i not in fixed]
        left = total - floor * len(fixed)
        weight = sum(wants[i] for i in free)
        shares = {i: (wants[i] * left / weight if weight > 0 else left / len(free)) for i in free}
        too_small = {i for i, share in shares.items() if share < floor}
        if not too_small:
            return [shares.get(i, floor) for i in range(len(wants))]
        fixed |= too_small


def whole_minutes_keeping_total(shares: Sequence[float], at_most: int) -> list[int]:
    """Round each share (all at least a minute) to whole minutes without the rounding adding up to drift, nor the
    total going over ``at_most`` minutes (the room there is: rounding up must not take what another segment needs)."""
    minutes = [math.floor(share / 60) for share in shares]
    extra = max(min(rounded_minutes(sum(shares)), at_most) - sum(minutes), 0)  # never under a minute each
    by_remainder = sorted(range(len(shares)), key=lambda i: shares[i] / 60 - minutes[i], reverse=True)
    for i in by_remainder[:extra]:
        minutes[i] += 1
    return minutes


def _hours_minutes_seconds(total: int) -> str:
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"
