"""A session left running overnight or across a laptop's sleep is offered its end when it was last in use, and its
segment is cut there: on the fake clocks, no test sleeps."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest

from copdesk.core.agenda import AgendaSegment
from copdesk.core.clock import from_utc_iso, to_utc_iso
from copdesk.core.idle_end import LONG_SLEEP_SECONDS, offered_end
from copdesk.core.model import SegmentPhase
from copdesk.core.timer import SegmentState, SessionTimer, TimerError, TimerStatus
from tests.conftest import FakeClock

MIN = 60
HOUR = 60 * MIN


def hour_long(clock: FakeClock) -> SessionTimer:
    """Three segments of 20 minutes, started now."""
    agenda = [AgendaSegment(name, SegmentPhase.REFLECTION, 20 * MIN) for name in ("Check-in", "Case", "Close")]
    timer = SessionTimer(agenda, clock, clock.now)
    timer.start()
    return timer


def recorded(*moments: datetime) -> Callable[[datetime | None], datetime | None]:
    """What the store answers: the last of ``moments`` (at or before ``before``)."""

    def last(before: datetime | None) -> datetime | None:
        return max((m for m in moments if before is None or m <= before), default=None)

    return last


def test_a_lid_closed_overnight_offers_the_last_use_and_cuts_the_segment_there() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(20 * MIN)
    timer.next_segment()
    clock.advance(30 * MIN)
    contribution = clock.now()  # the last thing recorded: 10:20
    clock.advance(5 * MIN)
    timer.snapshot()  # the last tick, then the lid closes
    clock.sleep_laptop(17 * HOUR)
    clock.advance(2 * MIN)  # the facilitator opens it and presses End
    view = timer.snapshot()
    assert view.sleep is not None and view.sleep.long

    offer = timer.idle_end(recorded(contribution, clock.now()))  # nothing after the wake counts
    assert offer is not None
    assert offer.at == contribution and offer.slept_seconds == 17 * HOUR
    assert offer.reason == f"The laptop slept for 17 h; the session was last in use at {offer.at_words}."
    assert offer.at_words == f"{contribution.astimezone():%H:%M} on {contribution.astimezone().day} October"

    timer.end_session(at=offer.at)
    final = timer.snapshot()
    case = final.agenda[1]
    assert final.status is TimerStatus.FINISHED and case.state is SegmentState.DONE
    assert case.actual_end == "2026-10-08T10:20:00+00:00" and case.actual_seconds == 30 * MIN
    assert final.session_elapsed_seconds == 50 * MIN, "the meeting's time, not the night's"
    assert final.agenda[2].state is SegmentState.SKIPPED


def test_a_lid_closed_just_after_moving_on_offers_the_moment_it_moved_on_on_a_real_clock() -> None:
    """A real clock reads fractions of a second, where the store keeps whole seconds: N pressed at 09:50:00.4 and
    nothing recorded since, the last use before the sleep is that moment exactly, not the stored second before it
    (when the segment had not begun, so that no end at all could be offered)."""
    clock = FakeClock()
    clock.advance(0.4)
    timer = hour_long(clock)
    clock.advance(20 * MIN)
    timer.next_segment()
    moved_on = clock.now()
    segment_end = from_utc_iso(timer.snapshot().agenda[0].actual_end or "")  # what the store holds: 09:50:00
    clock.advance(MIN)
    timer.snapshot()
    clock.sleep_laptop(17 * HOUR)
    timer.snapshot()

    offer = timer.idle_end(recorded(segment_end))
    assert offer is not None and offer.at == moved_on
    timer.end_session(at=offer.at)
    assert timer.snapshot().agenda[1].actual_seconds == 0.0


def test_a_ten_minute_break_asleep_is_said_but_offers_nothing() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(15 * MIN)
    timer.snapshot()
    clock.sleep_laptop(10 * MIN)
    view = timer.snapshot()
    assert view.sleep is not None and not view.sleep.long
    assert timer.idle_end(recorded()) is None


def test_left_running_an_hour_past_its_agenda_offers_the_last_use() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(50 * MIN)
    note = clock.now()
    clock.advance(69 * MIN)  # 59 min past the agenda's end
    assert timer.idle_end(recorded(note)) is None, "an hour's grace past the agenda"
    clock.advance(1 * MIN)
    offer = timer.idle_end(recorded(note))
    assert offer is not None and offer.at == note and offer.slept_seconds is None
    assert "its agenda ended at" in offer.reason
    assert timer.idle_end(recorded(note, clock.now() - timedelta(minutes=29))) is None, "still in use"

    timer.end_session(at=offer.at)
    assert timer.snapshot().agenda[0].actual_seconds == 50 * MIN


def test_a_pause_is_use_and_nothing_runs_after_it() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(10 * MIN)
    timer.pause()
    paused_at = clock.now()
    clock.advance(3 * HOUR)
    offer = timer.idle_end(recorded())
    assert offer is not None and offer.at == paused_at
    timer.end_session(at=offer.at)
    assert timer.snapshot().agenda[0].actual_seconds == 10 * MIN


def test_running_time_at_the_cut_leaves_out_a_short_sleep_after_it() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(10 * MIN)
    used = clock.now()
    clock.advance(5 * MIN)
    timer.snapshot()
    clock.sleep_laptop(20 * MIN)  # not long: the offer comes from the hours unused past the agenda
    clock.advance(2 * HOUR)
    offer = timer.idle_end(recorded(used))
    assert offer is not None and offer.at == used and offer.slept_seconds is None
    timer.end_session(at=offer.at)
    assert timer.snapshot().agenda[0].actual_seconds == 10 * MIN


def test_moving_on_after_waking_means_the_meeting_went_on() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(10 * MIN)
    timer.snapshot()
    clock.sleep_laptop(40 * MIN)
    timer.next_segment()
    assert timer.idle_end(recorded()) is None
    with pytest.raises(TimerError):
        timer.end_session(at=clock.now() - timedelta(minutes=45))


def test_a_short_nap_after_a_long_sleep_keeps_the_offer_and_dismissing_it_ends_it() -> None:
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(10 * MIN)
    timer.snapshot()
    clock.sleep_laptop(8 * HOUR)
    timer.snapshot()
    clock.sleep_laptop(5 * MIN)
    sleep = timer.snapshot().sleep
    assert sleep is not None and sleep.wall_gap_seconds == 8 * HOUR
    timer.dismiss_sleep()  # the banner's ×: carrying on; long past the agenda and unused, it is still offered
    offer = timer.idle_end(recorded())
    assert offer is not None and offer.slept_seconds is None
    assert offer.at == from_utc_iso(timer.snapshot().agenda[0].actual_start or "")


def test_the_thresholds() -> None:
    start = datetime.fromisoformat("2026-10-08T09:30:00+00:00")
    now = start + timedelta(hours=1)
    used = start + timedelta(minutes=50)
    assert offered_end(started=start, planned_seconds=HOUR, now=now, last_used=used, slept_seconds=None) is None
    almost = offered_end(
        started=start, planned_seconds=HOUR, now=now, last_used=used, slept_seconds=LONG_SLEEP_SECONDS - 1
    )
    assert almost is None
    long = offered_end(started=start, planned_seconds=HOUR, now=now, last_used=used, slept_seconds=LONG_SLEEP_SECONDS)
    assert long is not None and long.at == used


def test_a_session_left_running_then_crashed_is_offered_the_last_use_when_restored() -> None:
    """CoPDesk died with the session running and was opened hours later: the saved timer still knows when it was last
    in use (a pause and resume here, the last thing done on it) and its running time then, so the segment is cut
    there, not at the crash."""
    clock = FakeClock()
    timer = hour_long(clock)
    clock.advance(20 * MIN)
    timer.next_segment()
    clock.advance(5 * MIN)
    timer.pause()
    clock.advance(3 * MIN)
    timer.resume()
    resumed = clock.now()
    clock.advance(2 * HOUR)  # left running; then CoPDesk dies just after a heartbeat
    state = timer.to_state()

    later = FakeClock(clock.now() + timedelta(hours=9))
    restored = SessionTimer.from_state(state, later, later.now)
    offer = restored.idle_end(recorded(resumed - timedelta(minutes=4)))
    assert offer is not None and offer.at == resumed and offer.slept_seconds is None
    assert "its agenda ended at" in offer.reason
    restored.end_session(at=offer.at)
    final = restored.snapshot()
    assert final.agenda[1].actual_seconds == 5 * MIN and final.agenda[1].actual_end == to_utc_iso(resumed)
    assert final.session_elapsed_seconds == 25 * MIN
