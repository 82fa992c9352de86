"""Re-timing the rest of a live session (R in the Live view) so that it ends at its planned end, and what it says.

The current segment keeps what it has used and shares in the scaling with what it has left; segments still to come
are rounded to whole minutes, which is how a facilitator reads them, and each keeps at least a minute. Kept apart from
:mod:`copdesk.core.timer`, which keeps the time: this is arithmetic on the plan, given the running time now.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from copdesk.core.pacing import (
    MINIMUM_SEGMENT_SECONDS,
    format_minutes,
    rounded_minutes,
    scale_with_floor,
    whole_minutes_keeping_total,
)


@dataclass(frozen=True, slots=True)
class RetimeResult:
    finishes_on_time: bool
    message: str


def retimed(coming: Sequence[tuple[str, int]], elapsed: float, available: float) -> tuple[list[int], RetimeResult]:
    """The planned seconds of the segments ``coming`` (name and planned seconds, the current one first, which has
    run ``elapsed`` seconds), scaled into the ``available`` seconds left of the session, and what changed."""
    (current_name, current_planned), later = coming[0], coming[1:]
    wants = [max(current_planned - elapsed, 0.0)] + [float(planned) for _, planned in later]
    shares = scale_with_floor(wants, available, MINIMUM_SEGMENT_SECONDS)
    # Whole minutes for the segments to come, leaving the current one at least its minute.
    room = math.floor((available - MINIMUM_SEGMENT_SECONDS) / 60)
    later_minutes = whole_minutes_keeping_total(shares[1:], room)
    current_left = max(float(MINIMUM_SEGMENT_SECONDS), available - 60 * sum(later_minutes))
    changes = []
    new_current = round(elapsed + current_left)
    if new_current != current_planned:
        changes.append(f"{current_name} now has {format_minutes(current_left)} left")
    for (name, planned), minutes in zip(later, later_minutes, strict=True):
        if minutes * 60 != planned:
            changes.append(f"{name} {format_minutes(planned)} → {minutes} min")
    planned_seconds = [new_current, *(minutes * 60 for minutes in later_minutes)]
    late = current_left + 60 * sum(later_minutes) - available
    detail = "; ".join(changes) + "." if changes else ""
    if rounded_minutes(late) > 0:
        ends_late = f"even with every remaining segment at 1 min the session ends {format_minutes(late)} late."
        return planned_seconds, RetimeResult(False, f"Cannot finish on time: {ends_late} {detail}".strip())
    return planned_seconds, RetimeResult(
        True, f"Re-timed to finish on time: {detail}" if changes else "Already on time; nothing changed."
    )
