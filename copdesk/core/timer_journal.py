"""What the live-session timer keeps on the wall clock: the laptop's sleeps, when the timer was last in use, and how
long the current segment had run at any moment since it began.

Suspend: the app's monotonic clock (:func:`copdesk.core.clock.system_monotonic`) does not advance while the
machine sleeps, on Windows, macOS and Linux alike, so the timer holds still through a sleep and carries on where
it left off. The wall clock does advance, and that gap between the two clocks is how a sleep is noticed and
reported as a :class:`SleepEvent`. (A clock given in its place that counted suspended time would move with the
wall clock: no sleep would be reported, and the sleep would count as meeting time.)

Ending earlier: a session left running (overnight, or across a long sleep) can be ended when it was last in use
(:mod:`copdesk.core.idle_end`, :meth:`TimerJournal.idle_end`). The journal of the current segment (when it began,
paused, resumed, slept and woke, with its running time then) says its running time at that moment, so the segment
is cut there, as a crashed session is cut at its last save. It is saved with the timer, in wall times, so a session
left running before CoPDesk died is still offered its end when it was last in use, and cut there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from copdesk.core.clock import from_utc_iso, to_utc_iso
from copdesk.core.idle_end import LONG_SLEEP_SECONDS, IdleEnd, offered_end
from copdesk.core.pacing import format_minutes

# The current segment's running seconds at a wall time, and whether it ran on from then.
JournalEntry = tuple[datetime, float, bool]


@dataclass(frozen=True, slots=True)
class SleepEvent:
    wall_gap_seconds: float
    detected_at: str
    # Exact, never rounded to the stored second: the current segment's running time is known from the moment it
    # began (TimerJournal.elapsed_at), and a use rounded down to before that moment would offer no end at all.
    fell_asleep_at: datetime  # the last reading of the clocks before the gap
    last_acted_at: datetime  # the last thing done on the timer before it

    @property
    def long(self) -> bool:
        """Long enough to offer to end the session when it was last in use (:mod:`copdesk.core.idle_end`)."""
        return self.wall_gap_seconds >= LONG_SLEEP_SECONDS

    @property
    def message(self) -> str:
        return f"The laptop slept for {format_minutes(self.wall_gap_seconds)}; the timer held still while it slept."


class TimerJournal:
    """The wall-clock side of one :class:`copdesk.core.timer.SessionTimer`, which tells it each reading of its clocks
    and each thing done on it."""

    def __init__(self, mono: float, wall: datetime, sleep_threshold_seconds: float) -> None:
        self._threshold = sleep_threshold_seconds
        self._last_check = (mono, wall)
        self.sleep: SleepEvent | None = None  # the latest sleep not yet dismissed
        self.last_acted = wall
        self._entries: list[JournalEntry] = []

    def begin_segment(self) -> None:
        self._entries = []

    def acted(self, wall: datetime, elapsed: float, *, running: bool) -> None:
        """Something done on the timer: it was in use at ``wall``, and the segment runs (or not) from then."""
        self.last_acted = wall
        self._entries.append((wall, elapsed, running))

    def check_sleep(
        self, mono: float, wall: datetime, elapsed_at_mono: Callable[[float], float], *, running: bool | None
    ) -> None:
        """Notice a sleep since the previous reading; ``running`` is None while no segment is under way."""
        last_mono, last_wall = self._last_check
        gap = (wall - last_wall).total_seconds() - (mono - last_mono)
        self._last_check = (mono, wall)
        if gap <= self._threshold:
            return
        event = SleepEvent(gap, to_utc_iso(wall), last_wall, self.last_acted)
        if self.sleep is None or not self.sleep.long or event.long:  # a long sleep's offer outlasts a short nap
            self.sleep = event
        if running is not None and self._entries:
            asleep_at = elapsed_at_mono(last_mono)
            self._entries += [(last_wall, asleep_at, False), (wall, asleep_at, running)]

    def elapsed_at(self, moment: datetime) -> float | None:
        """The current segment's running seconds at ``moment``, or None before it began (or before a restored timer's
        last save). Between two entries of the journal the segment ran at the wall clock's pace, or stood still."""
        earlier = [entry for entry in self._entries if entry[0] <= moment]
        if not earlier:
            return None
        wall, elapsed, running = earlier[-1]
        return elapsed + ((moment - wall).total_seconds() if running else 0.0)

    def idle_end(
        self,
        started: datetime,
        planned_seconds: int,
        now: datetime,
        last_recorded: Callable[[datetime | None], datetime | None],
    ) -> IdleEnd | None:
        """The end to offer besides now, if the segment running then had begun; see SessionTimer.idle_end."""
        sleep = self.sleep
        if sleep is not None and sleep.long:
            used = [sleep.last_acted_at, last_recorded(sleep.fell_asleep_at)]
        else:
            used = [self.last_acted, last_recorded(None)]
        offer = offered_end(
            started=started,
            planned_seconds=planned_seconds,
            now=now,
            last_used=max(moment for moment in used if moment is not None),
            slept_seconds=sleep.wall_gap_seconds if sleep is not None and sleep.long else None,
        )
        return offer if offer is not None and self.elapsed_at(offer.at) is not None else None

    def to_state(self) -> dict[str, object]:
        # Exact (see idle_end): after a crash, when it was last in use and its running time then.
        return {
            "last_acted_at": self.last_acted.astimezone(UTC).isoformat(),
            "journal": [
                [wall.astimezone(UTC).isoformat(), elapsed, running] for wall, elapsed, running in self._entries
            ],
        }

    @staticmethod
    def read_state(state: Mapping[str, Any]) -> tuple[list[JournalEntry], datetime | None]:
        """The saved journal and last use; a timer saved before CoPDesk kept them has none."""
        journal = [(from_utc_iso(str(w)), float(e), bool(r)) for w, e, r in state.get("journal", [])]
        acted = from_utc_iso(str(state["last_acted_at"])) if state.get("last_acted_at") else None
        return journal, acted

    def hold(self, saved_at: datetime, entries: list[JournalEntry], acted: datetime | None, elapsed: float) -> datetime:
        """Restore a crashed session's journal, paused from its save on, and return that moment exactly; it is still
        cut when it was last in use (idle_end) before it."""
        held = max([saved_at, *(wall for wall, _, _ in entries)])
        self._entries = [*entries, (held, elapsed, False)]
        self.last_acted = acted or self.last_acted  # saved before CoPDesk kept it: not known
        return held
