"""The live-session timer: every number the timer pane and the share-safe view draw.

Why nothing is counted per tick: a Qt timer fires late under load and not at all while the laptop
sleeps, so adding up ticks drifts. The timer stores clock readings only at state changes (start,
pause, resume, next segment) and derives every value in :meth:`SessionTimer.snapshot` from the
monotonic clock's reading *now*; repaints can come at any rate without changing the answer.

Session time is *running* time. Pause stops the segment and the session alike, because a pause is
for an interruption (a fire alarm, a comfort break) after which the meeting carries on its agenda.

Suspend, and ending earlier: the timer holds still while the laptop sleeps, and a session left running can be ended
when it was last in use; :mod:`copdesk.core.timer_journal` keeps what that takes on the wall clock.

Persistence: :meth:`SessionTimer.to_state` is a plain JSON-able dict the store saves as the session
goes; :meth:`SessionTimer.from_state` brings a crashed session back paused, to be resumed (counting the
time CoPDesk was closed with :meth:`SessionTimer.count_gap`, measured on the wall clock) or ended at the
last saved time. Monotonic readings are never saved: they mean nothing in another process. The state keeps, besides,
the timer's journal in wall times.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from copdesk.core.agenda import AgendaSegment
from copdesk.core.clock import MonotonicClock, WallClock, from_utc_iso, to_utc_iso
from copdesk.core.idle_end import IdleEnd
from copdesk.core.model import SegmentPhase
from copdesk.core.pacing import (
    Remaining,
    WarningLevel,
    caught_up_wording,
    finished_wording,
    schedule_wording,
    warning_level,
)
from copdesk.core.retime import RetimeResult, retimed
from copdesk.core.timer_journal import SleepEvent, TimerJournal

DEFAULT_ADD_SECONDS = 300
DEFAULT_SLEEP_THRESHOLD_SECONDS = 30.0
STATE_VERSION = 1


class TimerError(RuntimeError):
    """An action that does not fit the timer's state; the message can be shown as it is."""


class TimerStatus(StrEnum):
    NOT_STARTED = "not-started"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


class SegmentState(StrEnum):
    DONE = "done"
    CURRENT = "current"
    NEXT = "next"
    LATER = "later"
    SKIPPED = "skipped"  # never reached before the session was ended


@dataclass(frozen=True, slots=True)
class SegmentView:
    index: int
    state: SegmentState
    name: str
    phase: SegmentPhase
    planned_seconds: int
    actual_seconds: float | None  # so far, for the current segment
    actual_start: str | None
    actual_end: str | None


@dataclass(frozen=True, slots=True)
class TimerView:
    status: TimerStatus
    segment_index: int
    segment_name: str
    segment_phase: SegmentPhase
    segment_planned_seconds: int
    segment_remaining_seconds: float  # negative once the segment overruns
    fraction_left: float  # 1.0 full disc .. 0.0 empty, for a Time Timer-style display
    warning: WarningLevel
    session_elapsed_seconds: float
    session_remaining_seconds: float  # until the planned end; negative once past it
    schedule_delta_seconds: float  # projected finish minus planned end: positive means behind
    schedule_status: str
    agenda: tuple[SegmentView, ...]
    sleep: SleepEvent | None  # the latest sleep not yet dismissed

    @property
    def paused(self) -> bool:
        return self.status is TimerStatus.PAUSED


@dataclass(slots=True)
class _Segment:
    name: str
    phase: SegmentPhase
    planned_seconds: int
    actual_start: str | None = None
    actual_end: str | None = None
    actual_seconds: float | None = None


class SessionTimer:
    """One live session's clock; the views call :meth:`snapshot` to repaint and never keep time."""

    def __init__(
        self,
        segments: Sequence[AgendaSegment],
        clock: MonotonicClock,
        now: WallClock,
        *,
        planned_total_seconds: int | None = None,
        sleep_threshold_seconds: float = DEFAULT_SLEEP_THRESHOLD_SECONDS,
    ) -> None:
        if not segments:
            raise ValueError("a session timer needs at least one segment")
        self._segments = [_Segment(s.name, s.phase, s.planned_seconds) for s in segments]
        self._clock = clock
        self._now = now
        agenda_total = sum(s.planned_seconds for s in segments)
        self._planned_total = agenda_total if planned_total_seconds is None else planned_total_seconds
        self._status = TimerStatus.NOT_STARTED
        self._index = 0
        self._banked = 0.0  # running seconds of the current segment before the last start/resume
        self._running_since: float | None = None
        self._journal = TimerJournal(clock(), now(), sleep_threshold_seconds)
        self._restored_saved_at: str | None = None
        # The moment a restored timer was saved, exactly: its journal's times keep their fractions of a second, which
        # the stored saved_at (whole seconds) would put before a segment begun in the second of the save.
        self._saved_exactly: datetime | None = None

    @property
    def restored_saved_at(self) -> str | None:
        """When a crashed session was last saved, until it runs again; the 'end at last save' offer."""
        return self._restored_saved_at

    def start(self) -> None:
        if self._status is not TimerStatus.NOT_STARTED:
            raise TimerError("The session has already started.")
        self._begin_segment(0)

    def pause(self) -> None:
        if self._status is not TimerStatus.RUNNING or self._running_since is None:
            raise TimerError("The timer is not running.")
        self._banked += self._read_clock() - self._running_since
        self._running_since = None
        self._status = TimerStatus.PAUSED
        self._acted(running=False)

    def resume(self) -> None:
        if self._status is not TimerStatus.PAUSED:
            raise TimerError("The timer is not paused.")
        self._running_since = self._read_clock()
        self._status = TimerStatus.RUNNING
        self._restored_saved_at = None
        self._acted(running=True)

    def count_gap(self, seconds: float) -> str:
        """Run on a restored timer with ``seconds`` the app missed (it was closed; the meeting was not) counted.

        The gap goes to the current segment, which may overrun: the facilitator moves on with N, as ever.
        Returns what happened, in words.
        """
        if self._status is not TimerStatus.PAUSED or self._restored_saved_at is None:
            raise TimerError("Only a timer brought back after CoPDesk closed can count the time it missed.")
        if seconds < 0:
            raise ValueError("a gap cannot be negative")
        self._banked += seconds
        self.resume()
        current = self._segments[self._index]
        later = [(s.name, float(s.planned_seconds)) for s in self._segments[self._index + 1 :]]
        return caught_up_wording(seconds, self._banked - current.planned_seconds, later)

    def next_segment(self) -> None:
        """Close the current segment and start the next one running, or finish after the last.

        Moving on resumes a paused timer: pressing Next means the conversation has moved on.
        """
        self._require_started()
        self._close_current(None)
        if self._index + 1 < len(self._segments):
            self._begin_segment(self._index + 1)
        else:
            self._status = TimerStatus.FINISHED

    def end_session(self, *, at_last_save: bool = False, at: datetime | None = None) -> None:
        """End now, at ``at`` (when it was last in use: :meth:`idle_end`), or (for a restored crashed session) at the
        moment it was last saved. The segment running then is cut there; one begun later cannot be."""
        self._require_started()
        if at_last_save and self._restored_saved_at is None:
            raise TimerError("There is no saved time to end at; this session has run since it was restored.")
        if at_last_save and self._restored_saved_at:
            at = self._saved_exactly or from_utc_iso(self._restored_saved_at)
        if at is not None and self._journal.elapsed_at(at) is None:
            raise TimerError("The session cannot end then: the segment running now began after it.")
        self._close_current(at)
        self._status = TimerStatus.FINISHED

    def idle_end(self, last_recorded: Callable[[datetime | None], datetime | None]) -> IdleEnd | None:
        """The end to offer besides now for a session left running (:mod:`copdesk.core.idle_end`), or None.

        ``last_recorded(before)`` is the last thing recorded in the session (before ``before`` when given): the
        store's to read. Across a long sleep not dismissed it is the last use before the laptop slept.
        """
        started = self._segments[0].actual_start
        if self._status not in (TimerStatus.RUNNING, TimerStatus.PAUSED) or started is None:
            return None
        return self._journal.idle_end(from_utc_iso(started), self._planned_total, self._now(), last_recorded)

    def add_time(self, seconds: int = DEFAULT_ADD_SECONDS) -> None:
        if seconds <= 0:
            raise ValueError("add a positive number of seconds")
        if self._status is TimerStatus.FINISHED:
            raise TimerError("The session has finished.")
        self._segments[self._index].planned_seconds += seconds
        self._journal.last_acted = self._now()

    def dismiss_sleep(self) -> None:
        self._journal.sleep = None

    def retime_remaining(self) -> RetimeResult:
        """Scale the time still to come so the session ends at its planned end (:mod:`copdesk.core.retime`)."""
        if self._status is TimerStatus.FINISHED:
            raise TimerError("The session has finished.")
        self._journal.last_acted = self._now()
        elapsed = self._current_elapsed(self._clock())
        coming = self._segments[self._index :]
        available = self._planned_total - self._done_seconds() - elapsed
        planned, result = retimed([(s.name, s.planned_seconds) for s in coming], elapsed, available)
        for segment, seconds in zip(coming, planned, strict=True):
            segment.planned_seconds = seconds
        return result

    def snapshot(self) -> TimerView:
        """Everything a repaint needs; each call also checks for a laptop sleep since the previous call."""
        mono = self._read_clock()
        elapsed = self._current_elapsed(mono)
        current = self._segments[self._index]
        finished = self._status is TimerStatus.FINISHED
        remaining = current.planned_seconds - elapsed
        session_elapsed = self._done_seconds() + elapsed
        later = self._segments[self._index + 1 :]
        if finished:
            delta = session_elapsed - self._planned_total
            schedule = finished_wording(delta)
        else:
            delta = session_elapsed + max(remaining, 0.0) + sum(s.planned_seconds for s in later) - self._planned_total
            schedule = self._schedule_wording(delta, remaining)
        return TimerView(
            status=self._status,
            segment_index=self._index,
            segment_name=current.name,
            segment_phase=current.phase,
            segment_planned_seconds=current.planned_seconds,
            segment_remaining_seconds=remaining,
            fraction_left=min(max(remaining / current.planned_seconds, 0.0), 1.0),
            warning=WarningLevel.NORMAL if finished else warning_level(remaining, current.planned_seconds),
            session_elapsed_seconds=session_elapsed,
            session_remaining_seconds=self._planned_total - session_elapsed,
            schedule_delta_seconds=delta,
            schedule_status=schedule,
            agenda=tuple(self._segment_view(i, segment, elapsed) for i, segment in enumerate(self._segments)),
            sleep=self._journal.sleep,
        )

    def to_state(self) -> dict[str, object]:
        return {
            "version": STATE_VERSION,
            "status": self._status.value,
            "current_index": self._index,
            "current_elapsed_seconds": self._current_elapsed(self._clock()),
            "planned_total_seconds": self._planned_total,
            "saved_at": self._now_iso(),
            "segments": [{**asdict(s), "phase": s.phase.value} for s in self._segments],
            **self._journal.to_state(),
        }

    @classmethod
    def from_state(
        cls,
        state: Mapping[str, Any],
        clock: MonotonicClock,
        now: WallClock,
        *,
        sleep_threshold_seconds: float = DEFAULT_SLEEP_THRESHOLD_SECONDS,
    ) -> SessionTimer:
        """Rebuild a saved timer; a session that was running comes back paused at its saved time."""
        if state.get("version") != STATE_VERSION:
            raise TimerError(f"The saved timer (version {state.get('version')!r}) is not one this CoPDesk can read.")
        try:
            records = [_Segment(**{**raw, "phase": SegmentPhase(raw["phase"])}) for raw in state["segments"]]
            timer = cls(
                [AgendaSegment(r.name, r.phase, r.planned_seconds) for r in records],
                clock,
                now,
                planned_total_seconds=int(state["planned_total_seconds"]),
                sleep_threshold_seconds=sleep_threshold_seconds,
            )
            status = TimerStatus(state["status"])
            index = int(state["current_index"])
            if not 0 <= index < len(records):
                raise IndexError(f"segment {index} of {len(records)}")
            timer._banked = float(state["current_elapsed_seconds"])
            saved_at = to_utc_iso(from_utc_iso(state["saved_at"]))
            journal, acted = TimerJournal.read_state(state)
        except (KeyError, IndexError, TypeError, ValueError) as error:
            raise TimerError(f"The saved timer is damaged and cannot be resumed ({error!r}).") from None
        timer._segments, timer._index = records, index
        if status in (TimerStatus.RUNNING, TimerStatus.PAUSED):
            timer._status, timer._restored_saved_at = TimerStatus.PAUSED, saved_at
            timer._saved_exactly = timer._journal.hold(from_utc_iso(saved_at), journal, acted, timer._banked)
        else:
            timer._status = status
        return timer

    def _begin_segment(self, index: int) -> None:
        self._index = index
        self._banked = 0.0
        self._running_since = self._read_clock()
        self._segments[index].actual_start = self._now_iso()
        self._status = TimerStatus.RUNNING
        self._restored_saved_at = None
        self._journal.begin_segment()
        self._acted(running=True)

    def _acted(self, *, running: bool) -> None:
        self._journal.acted(self._now(), self._banked, running=running)

    def _close_current(self, at: datetime | None) -> None:
        """Close the current segment now, or at ``at`` with its running time then."""
        segment = self._segments[self._index]
        elapsed = self._current_elapsed(self._read_clock())
        if at is not None:
            elapsed = min(elapsed, self._journal.elapsed_at(at) or 0.0)
        self._banked = elapsed
        self._running_since = None
        segment.actual_seconds = self._banked
        segment.actual_end = self._now_iso() if at is None else to_utc_iso(at)

    def _require_started(self) -> None:
        if self._status is TimerStatus.NOT_STARTED:
            raise TimerError("The session has not started.")
        if self._status is TimerStatus.FINISHED:
            raise TimerError("The session has finished.")

    def _current_elapsed(self, mono: float) -> float:
        return self._banked + (0.0 if self._running_since is None else mono - self._running_since)

    def _done_seconds(self) -> float:
        return sum(s.actual_seconds or 0.0 for s in self._segments[: self._index])

    def _now_iso(self) -> str:
        return to_utc_iso(self._now())

    def _read_clock(self) -> float:
        """The monotonic clock, read as every state change reads it: a sleep since the last reading is noticed first,
        so the journal stays in the order things happened."""
        mono = self._clock()
        running = self._running_since is not None if self._status in (TimerStatus.RUNNING, TimerStatus.PAUSED) else None
        self._journal.check_sleep(mono, self._now(), self._current_elapsed, running=running)
        return mono

    def _segment_view(self, index: int, segment: _Segment, current_elapsed: float) -> SegmentView:
        finished = self._status is TimerStatus.FINISHED
        if index < self._index or (index == self._index and finished):
            state = SegmentState.DONE
        elif finished:
            state = SegmentState.SKIPPED
        elif index == self._index:
            state = SegmentState.CURRENT
        else:
            state = SegmentState.NEXT if index == self._index + 1 else SegmentState.LATER
        actual = current_elapsed if state is SegmentState.CURRENT else segment.actual_seconds
        return SegmentView(index, state, **{**asdict(segment), "actual_seconds": actual})

    def _schedule_wording(self, delta: float, current_remaining: float) -> str:
        current = self._segments[self._index]
        candidates = [Remaining(current.name, max(current_remaining, 0.0), True)]
        candidates += [Remaining(s.name, float(s.planned_seconds), False) for s in self._segments[self._index + 1 :]]
        return schedule_wording(delta, candidates)
