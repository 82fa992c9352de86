"""Pacing read from the live-session timer: the clock and minute wording, ahead or behind in words, and re-timing
the rest of the agenda to finish on time. Driven only by the fake clock."""

from __future__ import annotations

import pytest

from copdesk.core.pacing import SegmentOutcome, format_clock, format_elapsed, format_minutes
from tests.conftest import FakeClock
from tests.core.test_timer import MIN, reflective_hour, started


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(725, "12:05"), (724.2, "12:05"), (0, "00:00"), (0.2, "00:01"), (-90, "+01:30"), (-90.9, "+01:30")],
)
def test_format_clock(seconds: float, shown: str) -> None:
    assert format_clock(seconds) == shown


def test_format_clock_shows_hours_when_needed() -> None:
    assert format_clock(3725) == "1:02:05"


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(240, "4 min"), (89, "1 min"), (90, "2 min"), (-150, "3 min"), (3600, "1 h"), (3900, "1 h 5 min")],
)
def test_format_minutes(seconds: float, words: str) -> None:
    assert format_minutes(seconds) == words


def test_behind_names_the_longest_segment_to_cut() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)

    clock.advance(9 * MIN)  # the 5-minute welcome has run 4 minutes over
    view = timer.snapshot()

    assert view.schedule_delta_seconds == 240
    assert view.schedule_status == "4 min behind: finishing on time needs Reflective discussion cut to 11 min"
    assert view.session_elapsed_seconds == 540
    assert view.session_remaining_seconds == 45 * MIN - 540


def test_ahead_after_finishing_a_segment_early() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)

    clock.advance(3 * MIN)
    timer.next_segment()

    assert timer.snapshot().schedule_status == "2 min ahead"


def test_under_half_a_minute_either_way_is_on_time() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)

    clock.advance(5 * MIN + 29)
    assert timer.snapshot().schedule_status == "On time"
    clock.advance(1)
    assert (
        timer.snapshot().schedule_status == "1 min behind: finishing on time needs Reflective discussion cut to 14 min"
    )


def test_behind_in_the_current_segment_asks_to_wrap_it_up() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 10), ("Close", 2))

    timer.add_time()

    assert timer.snapshot().schedule_status == "5 min behind: finishing on time needs Discussion wrapped up in 10 min"


def test_behind_more_than_one_segment_can_absorb_says_so() -> None:
    clock = FakeClock()
    timer = started(clock, ("Welcome", 5), ("Case", 3), ("Close", 3))

    clock.advance(9 * MIN)
    assert timer.snapshot().schedule_status == "4 min behind: no single segment can absorb it; Re-time spreads the cut"
    clock.advance(2 * MIN)
    assert timer.snapshot().schedule_status == ("6 min behind: even at 1 min per segment the session ends 2 min late")


def test_retime_scales_the_rest_to_finish_at_the_planned_end() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)  # 45 minutes planned
    clock.advance(10 * MIN)
    timer.next_segment()  # welcome overran by 5 minutes

    result = timer.retime_remaining()
    view = timer.snapshot()

    assert result.finishes_on_time
    assert result.message == (
        "Re-timed to finish on time: Case presentation now has 9 min left; Reflective discussion 15 min → 13 min; "
        "Learning and actions 10 min → 9 min; Close 5 min → 4 min."
    )
    assert [s.planned_seconds for s in view.agenda] == [300, 540, 780, 540, 240]
    assert view.schedule_delta_seconds == 0
    assert view.schedule_status == "On time"


def test_retime_mid_segment_keeps_the_time_already_used() -> None:
    clock = FakeClock()
    timer = started(clock, ("Discussion", 20), ("Close", 10))
    timer.add_time(10 * MIN)
    clock.advance(5 * MIN)

    timer.retime_remaining()
    view = timer.snapshot()

    assert view.schedule_status == "On time"
    assert view.session_elapsed_seconds == 5 * MIN
    assert view.segment_remaining_seconds == 18 * MIN
    assert view.agenda[1].planned_seconds == 7 * MIN


def test_retime_gives_spare_time_back_when_ahead() -> None:
    clock = FakeClock()
    timer = started(clock, ("Welcome", 10), ("Discussion", 10))
    clock.advance(5 * MIN)
    timer.next_segment()

    result = timer.retime_remaining()

    assert result.message == "Re-timed to finish on time: Discussion now has 15 min left."
    assert timer.snapshot().segment_remaining_seconds == 15 * MIN


def test_retime_never_goes_below_a_minute_and_says_when_it_cannot_recover() -> None:
    clock = FakeClock()
    timer = started(clock, ("Welcome", 5), ("Case", 3), ("Close", 3))
    clock.advance(20 * MIN)  # nine minutes past the whole plan, still in the welcome

    result = timer.retime_remaining()
    view = timer.snapshot()

    assert not result.finishes_on_time
    assert result.message.startswith(
        "Cannot finish on time: even with every remaining segment at 1 min the session ends 12 min late."
    )
    assert view.segment_remaining_seconds == 60
    assert [s.planned_seconds for s in view.agenda[1:]] == [60, 60]


@pytest.mark.parametrize("overrun", range(10 * MIN, 14 * MIN, 15))
def test_retime_finishes_on_time_whenever_the_minutes_are_there_whatever_the_seconds(overrun: int) -> None:
    """Rounding the segments to come to whole minutes must never take the current segment's last minute, and so
    say the session cannot finish on time while the later segments are far above a minute."""
    clock = FakeClock()
    timer = started(clock, ("Welcome", 5), ("Actions", 5), ("Case", 12), ("Clarifying", 8), ("Reflection", 20))
    clock.advance(90)
    timer.next_segment()
    clock.advance(overrun)  # the actions from last time run long

    result = timer.retime_remaining()

    view = timer.snapshot()
    assert result.finishes_on_time, result.message
    assert view.schedule_status == "On time"
    assert view.segment_remaining_seconds >= 60


def test_retime_when_on_time_changes_nothing() -> None:
    clock = FakeClock()
    timer = reflective_hour(clock)

    assert timer.retime_remaining().message == "Already on time; nothing changed."


def test_segment_outcome_words_and_elapsed_clock() -> None:
    assert SegmentOutcome("Welcome", 300, 390).difference_words == "2 min over"
    assert SegmentOutcome("Welcome", 300, 315).difference_words == "on time"
    assert SegmentOutcome("Welcome", 300, 200).difference_words == "2 min under"
    assert SegmentOutcome("Close", 180, None).difference_words == "not reached"
    assert (format_elapsed(0), format_elapsed(59.99), format_elapsed(3725.5)) == ("00:00", "00:59", "1:02:05")
