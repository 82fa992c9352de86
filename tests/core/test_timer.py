"""The live-session timer, driven only by the fake clock: no test sleeps."""

from __future__ import annotations

import json

import pytest

from copdesk.core.agenda import AgendaSegment
from copdesk.core.model import SegmentPhase
from copdesk.core.pacing import WarningLevel, format_clock
from copdesk.core.timer import SegmentState, SessionTimer, TimerError, TimerStatus
from tests.conftest import FakeClock

MIN = 60


def make_timer(clock: FakeClock, *segments: tuple[str, int]) -> SessionTimer:
    agenda = [AgendaSegment(name, SegmentPhase.REFLECTION, minutes * MIN) for name, minutes in segments]
    return SessionTimer(agenda, clock, clock.now)


def started(clock: FakeClock, *segments: tuple[str, int]) -> SessionTimer:
    timer = make_timer(clock, *segments)
    timer.start()
    return timer


def reflective_hour(clock: FakeClock) -> SessionTimer:
    return started(
        clock,
        ("Welcome", 5),
        ("Case presentation", 10),
        ("Reflective discussion", 15),
        ("Learning and actions", 10),
        ("Close", 5),
    )


def test_before_start_the_first_segment_shows_full() -> None:
    clock = FakeClock()
    view = make_timer(clock, ("Welcome", 5)).snapshot()

    assert view.status is TimerStatus.NOT_STARTED
    assert (view.segment_remaining_seconds, view.fraction_left, view.warning) == (300, 1.0, WarningLevel.NORMAL)
    assert view.schedule_status == "On time"


def test_amber_starts_exactly_at_twenty_percent_left() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 10))

    clock.advance(479)
    assert timer.snapshot().warning is WarningLevel.NORMAL
    clock.advance(1)
    view = timer.snapshot()
    assert (view.segment_remaining_seconds, view.fraction_left, view.warning) == (120, 0.2, WarningLevel.AMBER)


def test_red_starts_exactly_at_five_percent_left() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 10))

    clock.advance(569)
    assert timer.snapshot().warning is WarningLevel.AMBER
    clock.advance(1)
    assert timer.snapshot().warning is WarningLevel.RED
    clock.advance(30)
    view = timer.snapshot()
    assert (view.segment_remaining_seconds, view.fraction_left, view.warning) == (0, 0.0, WarningLevel.RED)


def test_overrun_counts_up() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 10))

    clock.advance(600 + 90)
    view = timer.snapshot()

    assert view.warning is WarningLevel.OVERRUN
    assert view.segment_remaining_seconds == -90
    assert view.fraction_left == 0.0
    assert format_clock(view.segment_remaining_seconds) == "+01:30"
    clock.advance(15)
    assert format_clock(timer.snapshot().segment_remaining_seconds) == "+01:45"


def test_add_time_extends_the_current_segment() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 10))
    clock.advance(550)

    timer.add_time()

    view = timer.snapshot()
    assert view.segment_planned_seconds == 900
    assert view.segment_remaining_seconds == 350
    assert view.warning is WarningLevel.NORMAL
    with pytest.raises(ValueError, match="positive"):
        timer.add_time(0)


def test_paused_time_is_not_counted_against_the_segment() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 10))
    clock.advance(60)

    timer.pause()
    clock.advance(600)
    paused = timer.snapshot()
    timer.resume()
    clock.advance(30)

    assert paused.paused
    assert paused.segment_remaining_seconds == 540
    assert paused.session_elapsed_seconds == 60
    resumed = timer.snapshot()
    assert not resumed.paused
    assert resumed.segment_remaining_seconds == 510


def test_next_segment_records_actuals_and_agenda_states() -> None:
    clock = FakeClock()  # 09:30:00 UTC
    timer = reflective_hour(clock)
    clock.advance(200)

    timer.next_segment()
    agenda = timer.snapshot().agenda

    assert [s.state for s in agenda] == [
        SegmentState.DONE,
        SegmentState.CURRENT,
        SegmentState.NEXT,
        SegmentState.LATER,
        SegmentState.LATER,
    ]
    assert agenda[0].actual_seconds == 200
    assert agenda[0].actual_start == "2026-10-08T09:30:00+00:00"
    assert agenda[0].actual_end == "2026-10-08T09:33:20+00:00"
    assert agenda[1].actual_start == "2026-10-08T09:33:20+00:00"
    assert (agenda[1].planned_seconds, agenda[1].actual_seconds) == (600, 0)


def test_next_after_the_last_segment_finishes_the_session() -> None:
    clock = FakeClock()
    timer = started(clock, ("Welcome", 5), ("Close", 5))
    clock.advance(5 * MIN)
    timer.next_segment()
    clock.advance(8 * MIN)

    timer.next_segment()
    view = timer.snapshot()

    assert view.status is TimerStatus.FINISHED
    assert [s.state for s in view.agenda] == [SegmentState.DONE, SegmentState.DONE]
    assert view.schedule_status == "Finished 3 min late"
    with pytest.raises(TimerError, match="finished"):
        timer.next_segment()


def test_ending_early_marks_unreached_segments_skipped() -> None:
    clock = FakeClock()
    timer = started(clock, ("Welcome", 5), ("Discussion", 20), ("Close", 5))
    clock.advance(5 * MIN)
    timer.next_segment()
    clock.advance(10 * MIN)

    timer.end_session()
    view = timer.snapshot()

    assert [s.state for s in view.agenda] == [SegmentState.DONE, SegmentState.DONE, SegmentState.SKIPPED]
    assert view.agenda[2].actual_seconds is None
    assert view.schedule_status == "Finished 15 min early"


def test_actions_out_of_order_are_refused() -> None:
    clock = FakeClock()
    timer = make_timer(clock, ("Welcome", 5))

    for action in (timer.pause, timer.resume, timer.next_segment, timer.end_session):
        with pytest.raises(TimerError):
            action()
    timer.start()
    with pytest.raises(TimerError, match="already started"):
        timer.start()
    with pytest.raises(TimerError, match="no saved time"):
        timer.end_session(at_last_save=True)


def test_the_display_does_not_depend_on_how_often_it_is_read() -> None:
    clock = FakeClock()
    polled, idle = reflective_hour(clock), reflective_hour(clock)

    for _ in range(2400):
        clock.advance(0.25)
        polled.snapshot()

    assert polled.snapshot() == idle.snapshot()
    assert polled.snapshot().segment_remaining_seconds == -300


def test_a_laptop_sleep_is_reported_and_not_counted() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 20))
    clock.advance(60)
    assert timer.snapshot().sleep is None

    clock.sleep_laptop(12 * MIN)
    view = timer.snapshot()

    assert view.sleep is not None
    assert view.sleep.wall_gap_seconds == 720
    assert view.sleep.message == "The laptop slept for 12 min; the timer held still while it slept."
    assert view.segment_remaining_seconds == 19 * MIN
    assert timer.snapshot().sleep == view.sleep, "kept until dismissed"
    timer.dismiss_sleep()
    assert timer.snapshot().sleep is None


def test_a_small_wall_clock_step_is_not_a_sleep() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 20))

    clock.sleep_laptop(30)

    assert timer.snapshot().sleep is None


def _saved_mid_segment(clock: FakeClock) -> tuple[SessionTimer, dict[str, object]]:
    timer = reflective_hour(clock)
    clock.advance(200)
    timer.next_segment()
    timer.add_time()
    clock.advance(50)
    state = json.loads(json.dumps(timer.to_state()))
    assert isinstance(state, dict)
    return timer, state


def test_state_round_trip_mid_segment_comes_back_paused() -> None:
    clock = FakeClock()
    original, state = _saved_mid_segment(clock)
    before = original.snapshot()
    later = FakeClock()
    later.monotonic_seconds = 7.0  # a new process after a crash: monotonic readings are unrelated
    later.advance(3 * MIN)

    restored = SessionTimer.from_state(state, later, later.now)
    view = restored.snapshot()

    assert view.status is TimerStatus.PAUSED
    assert restored.restored_saved_at == "2026-10-08T09:34:10+00:00"
    assert view.agenda == before.agenda
    assert view.segment_remaining_seconds == before.segment_remaining_seconds == 850
    restored.resume()
    later.advance(10)
    assert restored.snapshot().segment_remaining_seconds == 840
    assert restored.restored_saved_at is None


def test_a_crashed_session_can_be_ended_at_the_last_saved_time() -> None:
    clock = FakeClock()
    _, state = _saved_mid_segment(clock)
    clock.advance(30 * MIN)

    restored = SessionTimer.from_state(state, clock, clock.now)
    restored.end_session(at_last_save=True)
    current = restored.snapshot().agenda[1]

    assert (current.state, current.actual_seconds) == (SegmentState.DONE, 50)
    assert current.actual_end == "2026-10-08T09:34:10+00:00"


def test_a_crashed_session_saved_in_the_second_its_segment_began_can_be_ended_at_the_last_save() -> None:
    """The stored save time is whole seconds, the timer's own times are not: a segment begun at 09:33:20.6 and saved
    at 09:33:20.9 is stored as saved at 09:33:20, which is not before the segment began."""
    clock = FakeClock()
    timer = reflective_hour(clock)
    clock.advance(200.6)
    timer.next_segment()
    clock.advance(0.3)
    state = json.loads(json.dumps(timer.to_state()))
    clock.advance(30 * MIN)

    restored = SessionTimer.from_state(state, clock, clock.now)
    restored.end_session(at_last_save=True)
    current = restored.snapshot().agenda[1]

    assert current.state is SegmentState.DONE and current.actual_seconds == pytest.approx(0.3)
    assert current.actual_end == "2026-10-08T09:33:20+00:00"


@pytest.mark.parametrize(
    "damage",
    [
        {"version": 99},
        {"current_index": 9},
        {"status": "exploded"},
        {"segments": [{"name": "x"}]},
        {"saved_at": None},
        {"saved_at": "yesterday"},
        {"journal": [["2026-10-08T09:30:00+00:00", 0.0]]},
        {"journal": [["soon", 0.0, True]]},
        {"last_acted_at": "yesterday"},
    ],
)
def test_a_damaged_saved_state_is_refused_clearly(damage: dict[str, object]) -> None:
    _, state = _saved_mid_segment(FakeClock())
    clock = FakeClock()

    with pytest.raises(TimerError, match="saved timer"):
        SessionTimer.from_state({**state, **damage}, clock, clock.now)
