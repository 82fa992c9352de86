"""The live session's timer as a Qt object: it saves the timer as the session goes and says when to repaint.

Nothing here keeps time. :class:`copdesk.core.timer.SessionTimer` derives every number from the injected
monotonic clock; the Qt ``PreciseTimer`` below only decides *when* to ask it again. It is scheduled for the
moment the next displayed second changes (a few milliseconds after), so the digits turn over on time without
a fast polling loop, and a late or missed tick can delay a repaint but never change what is shown.

Saving: the timer's state goes to SQLite on every change (start, pause, next, +5 min, re-time, end) and as a
heartbeat every :data:`HEARTBEAT_MS`, so after a crash "end at the last saved time" is at most that far off.
Each segment's actual start, end and length are written as soon as it closes.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from copdesk.core.idle_end import IdleEnd
from copdesk.core.retime import RetimeResult
from copdesk.core.timer import SessionTimer, TimerStatus, TimerView
from copdesk.services.sessions import record_segment_times, save_timer
from copdesk.store.sessions import last_recorded_at
from copdesk.views.context import AppContext

HEARTBEAT_MS = 5_000  # the promise is "at least every 10 s"; a coarse timer may run 5% late
IDLE_REFRESH_MS = 1_000  # paused or not started: nothing moves, but a laptop sleep must still be noticed
_FLIP_MARGIN_MS = 2
NOT_SAVED = "The timer could not be saved; it keeps running and will try again."


def milliseconds_to_next_change(view: TimerView) -> int:
    """How long until the segment countdown or the session clock shows a different second."""
    if view.status is not TimerStatus.RUNNING:
        return IDLE_REFRESH_MS
    remaining = view.segment_remaining_seconds
    elapsed = view.session_elapsed_seconds
    until_countdown = (remaining - math.floor(remaining)) or 1.0  # counting down, or up once overrun
    until_session = (math.ceil(elapsed) - elapsed) or 1.0
    return min(math.ceil(min(until_countdown, until_session) * 1000) + _FLIP_MARGIN_MS, IDLE_REFRESH_MS)


class LiveTimer(QObject):
    refreshed = Signal(object)  # TimerView, or None when no session is live: repaint from this
    segment_entered = Signal(int, str)  # position, SegmentPhase value
    saved = Signal(str)  # the saved_at of the state just written
    save_failed = Signal(str)  # one line for the facilitator; the timer carries on regardless
    notice = Signal(str)  # what a re-time did, in words

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self.timer: SessionTimer | None = None
        self.last_view: TimerView | None = None
        self._repaint = QTimer(self)
        self._repaint.setObjectName("timerRepaint")
        self._repaint.setTimerType(Qt.TimerType.PreciseTimer)
        self._repaint.setSingleShot(True)
        self._repaint.timeout.connect(self.refresh)
        self._heartbeat = QTimer(self)
        self._heartbeat.setObjectName("timerHeartbeat")
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self.save)

    @property
    def is_attached(self) -> bool:
        return self.timer is not None

    def attach(self, session_id: int, timer: SessionTimer) -> None:
        """Follow ``timer`` for the live session ``session_id`` (new, or restored after a crash)."""
        self.session_id, self.timer = session_id, timer
        self._heartbeat.start()
        self._changed()
        self._announce_segment()

    def detach(self) -> None:
        self.stand_still()
        self.session_id = self.timer = self.last_view = None
        self.refreshed.emit(None)

    def stand_still(self) -> None:
        """No more repaints or heartbeat saves: the session ended, or the window closed with it live. Then the last
        save stands as when CoPDesk closed, however long the quit waits for work to finish (the resume offer and an
        end "at the last save" read it)."""
        self._repaint.stop()
        self._heartbeat.stop()

    def toggle(self) -> None:
        """Space: start a timer that has not started, pause a running one, resume a paused one."""
        timer = self._require()
        status = timer.snapshot().status
        if status is TimerStatus.NOT_STARTED:
            timer.start()
            self._changed()
            self._announce_segment()
        elif status is TimerStatus.RUNNING:
            timer.pause()
            self._changed()
        elif status is TimerStatus.PAUSED:
            timer.resume()
            self._changed()

    @property
    def on_last_segment(self) -> bool:
        view = self.last_view
        return view is not None and view.segment_index == len(view.agenda) - 1

    def next_segment(self) -> None:
        """Close the current segment (its actuals are saved at once) and run the next; not for the last one."""
        timer = self._require()
        if self.on_last_segment:
            raise ValueError("the last segment ends with the session")
        closing = timer.snapshot().segment_index
        timer.next_segment()
        self._record_actuals(timer.snapshot(), only=closing)
        self._changed()
        self._announce_segment()

    def add_time(self, seconds: int) -> None:
        self._require().add_time(seconds)
        self._changed()

    def retime(self) -> RetimeResult:
        result = self._require().retime_remaining()
        self._changed()
        self.notice.emit(result.message)
        return result

    def dismiss_sleep(self) -> None:
        self._require().dismiss_sleep()
        self.refresh()

    def end(self, *, at: datetime | None = None) -> TimerView:
        """Stop the clock, save every segment's actual times and the final state; the caller ends the session."""
        final = self.stop_clock(at=at)
        self._record_actuals(final)
        self.save()
        return final

    def stop_clock(self, *, at: datetime | None = None) -> TimerView:
        """Stop the clock now, or at ``at`` (:meth:`idle_end`), once: a second call returns the same final view.
        Writes nothing."""
        timer = self._require()
        if timer.snapshot().status is not TimerStatus.FINISHED:
            timer.end_session(at=at)
        final = timer.snapshot()
        self._repaint.stop()
        self._heartbeat.stop()
        self.last_view = final
        self.refreshed.emit(final)
        return final

    def idle_end(self) -> IdleEnd | None:
        """When a session left running was last in use, to offer as its end besides now (:mod:`copdesk.core.idle_end`);
        None while it is in use."""
        if self.timer is None or self.session_id is None:
            return None
        session_id, db = self.session_id, self.context.db
        return self.timer.idle_end(lambda before: last_recorded_at(db, session_id, before))

    def state(self) -> dict[str, Any] | None:
        """The timer as it would be saved, for the end of the session to save with it in one transaction."""
        return None if self.timer is None else self.timer.to_state()

    def refresh(self) -> None:
        """Read the clock now and tell every display; then book the next repaint for the next visible change."""
        if self.timer is None:
            return
        view = self.timer.snapshot()
        self.last_view = view
        self.refreshed.emit(view)
        if view.status is not TimerStatus.FINISHED:
            self._repaint.start(milliseconds_to_next_change(view))

    def save(self) -> bool:
        """Save the timer now (a change, or the heartbeat); refused, it keeps running and the next heartbeat (or
        Retry in the window's banner) saves it."""
        if self.timer is None or self.session_id is None:
            return False
        state, session_id = self.timer.to_state(), self.session_id
        saved = self.context.writes.run(
            lambda: save_timer(self.context.db, session_id, state, self.context.now()),
            retry=self.save,
            key=("timer", session_id),
        )
        if saved is None:
            self.save_failed.emit(NOT_SAVED)
            return False
        self.saved.emit(str(state["saved_at"]))
        return True

    def _changed(self) -> None:
        self.save()
        self.refresh()

    def _announce_segment(self) -> None:
        view = self.last_view
        if view is not None and view.status in (TimerStatus.RUNNING, TimerStatus.PAUSED):
            self.segment_entered.emit(view.segment_index, view.segment_phase.value)

    def _record_actuals(self, view: TimerView, only: int | None = None) -> None:
        """A closed segment's actual times; refused, they stay in the timer, which the end of the session saves."""
        session_id = self.session_id
        if session_id is None:
            return
        self.context.writes.run(
            lambda: record_segment_times(self.context.db, session_id, view, only=only),
            retry=lambda: self._record_actuals(view, only),
            key=("segment times", session_id, only),
        )

    def _require(self) -> SessionTimer:
        if self.timer is None:
            raise RuntimeError("no session is live")
        return self.timer
