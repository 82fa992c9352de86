"""A timer brought back after CoPDesk was closed can count the time the meeting went on without it."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from copdesk.core.pacing import caught_up_wording
from copdesk.core.timer import SessionTimer, TimerError, TimerStatus
from tests.conftest import FakeClock
from tests.core.test_timer import MIN, reflective_hour, started


def _restored_after(clock: FakeClock, timer: SessionTimer, closed_seconds: float) -> tuple[SessionTimer, FakeClock]:
    """Save, "close the app" for ``closed_seconds`` of wall time, and rebuild on a new process's clocks."""
    state = json.loads(json.dumps(timer.to_state()))
    later = FakeClock(clock.now() + timedelta(seconds=closed_seconds))
    later.monotonic_seconds = 7.0  # a new process: monotonic readings from before mean nothing
    return SessionTimer.from_state(state, later, later.now), later


def test_the_gap_is_counted_into_the_current_segment_and_the_timer_runs_on() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)
    clock.advance(2 * MIN)
    restored, later = _restored_after(clock, timer, 3 * MIN)
    assert restored.snapshot().session_elapsed_seconds == 2 * MIN  # as saved: the gap is not counted yet

    message = restored.count_gap(3 * MIN)

    view = restored.snapshot()
    assert view.status is TimerStatus.RUNNING and view.segment_name == "Welcome"
    assert view.session_elapsed_seconds == 5 * MIN and view.segment_remaining_seconds == 0
    assert message == "CoPDesk was closed for 3 min; the timer has caught up."
    later.advance(30)
    assert restored.snapshot().segment_remaining_seconds == -30  # running, and now overrunning
    assert restored.restored_saved_at is None, "it has run since: ending at the last save no longer applies"


def test_a_gap_past_the_segment_says_where_the_agenda_would_be() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)  # Welcome 5, Case presentation 10, Reflective discussion 15, ...
    clock.advance(1 * MIN)
    restored, _ = _restored_after(clock, timer, 20 * MIN)

    message = restored.count_gap(20 * MIN)

    view = restored.snapshot()
    assert view.segment_name == "Welcome" and view.segment_remaining_seconds == -16 * MIN
    assert message == (
        "CoPDesk was closed for 20 min; the timer has caught up, 16 min over: "
        "by the agenda the meeting is now in Reflective discussion (N moves on)."
    )


def test_only_a_restored_paused_timer_counts_a_gap() -> None:
    clock = FakeClock()
    timer = started(clock, ("Welcome", 5))
    with pytest.raises(TimerError):
        timer.count_gap(60)  # running in this process: nothing was missed
    timer.pause()
    with pytest.raises(TimerError):
        timer.count_gap(60)  # paused by hand, not restored
    restored, _ = _restored_after(clock, timer, 60)
    with pytest.raises(ValueError):
        restored.count_gap(-1)


@pytest.mark.parametrize(
    ("gap", "overrun", "expected"),
    [
        (20, -100, "CoPDesk was closed for under a minute; the timer has caught up."),
        (180, 20, "CoPDesk was closed for 3 min; the timer has caught up."),
        (
            3600,
            40 * MIN,
            "CoPDesk was closed for 1 h; the timer has caught up, 40 min over: "
            "the agenda has run out. End the session when the group has finished.",
        ),
    ],
)
def test_caught_up_wording(gap: float, overrun: float, expected: str) -> None:
    assert caught_up_wording(gap, overrun, [("Close", 5.0 * MIN), ("Learning", 10.0 * MIN)]) == expected
