from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copdesk.core.participation import (
    TALK_TIME,
    Contribution,
    HistoryPoint,
    SessionParticipation,
    Tally,
    balance_in_words,
    gini,
    participation_history,
    quiet_in_session,
    quiet_members,
    top_share,
)
from tests.conftest import FakeClock

ASHA, BEN, CHLOE, DEV = 11, 12, 13, 14


@pytest.fixture
def tally(fake_clock: FakeClock) -> Tally:
    return Tally(fake_clock)


# Tally: ticks


def test_ticks_are_counted_per_member_at_the_monotonic_time(tally: Tally, fake_clock: FakeClock) -> None:
    first = tally.log_contribution(ASHA)
    fake_clock.advance(30)
    tally.log_contribution(BEN)
    tally.log_contribution(ASHA)
    assert first == Contribution(ASHA, 1000.0)
    assert tally.counts() == {ASHA: 2, BEN: 1}
    assert [entry.at for entry in tally.contributions] == [1000.0, 1030.0, 1030.0]


def test_undo_removes_the_last_tick_and_returns_it(tally: Tally) -> None:
    tally.log_contribution(ASHA)
    tally.log_contribution(BEN)
    assert tally.undo_last() == Contribution(BEN, 1000.0)
    assert tally.counts() == {ASHA: 1}


def test_a_tally_carries_on_from_earlier_contributions(fake_clock: FakeClock) -> None:
    earlier = [Contribution(ASHA, 900.0), Contribution(BEN, 950.0, duration=40.0)]
    tally = Tally(fake_clock, earlier)
    assert tally.counts() == {ASHA: 1, BEN: 1}
    assert tally.talk_seconds() == {BEN: 40.0}
    assert tally.speaker is None
    tally.log_contribution(ASHA)
    assert tally.counts() == {ASHA: 2, BEN: 1}
    assert tally.undo_last() == Contribution(ASHA, fake_clock())
    assert tally.undo_last() == earlier[1]


def test_undo_with_nothing_recorded_returns_none(tally: Tally) -> None:
    assert tally.undo_last() is None
    tally.log_contribution(ASHA)
    tally.undo_last()
    assert tally.undo_last() is None
    assert tally.counts() == {}


# Tally: talk time


def test_a_stint_is_a_contribution_with_a_duration(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    assert tally.speaker == ASHA
    assert tally.counts() == {ASHA: 1}
    fake_clock.advance(95)
    assert tally.stop_speaking() == Contribution(ASHA, 1000.0, 95.0)
    assert tally.speaker is None
    assert tally.contributions == (Contribution(ASHA, 1000.0, 95.0),)
    assert tally.talk_seconds() == {ASHA: 95.0}


def test_starting_someone_else_stops_the_current_speaker(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    fake_clock.advance(60)
    assert tally.start_speaking(BEN) == Contribution(ASHA, 1000.0, 60.0)
    fake_clock.advance(20)
    tally.stop_speaking()
    assert tally.talk_seconds() == {ASHA: 60.0, BEN: 20.0}
    assert tally.talk_share() == {ASHA: 0.75, BEN: 0.25}
    assert tally.counts() == {ASHA: 1, BEN: 1}


def test_starting_the_current_speaker_again_changes_nothing(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    fake_clock.advance(10)
    assert tally.start_speaking(ASHA) is None
    assert tally.counts() == {ASHA: 1}
    assert tally.speaker == ASHA


def test_stop_with_nobody_speaking_returns_none(tally: Tally) -> None:
    assert tally.stop_speaking() is None


def test_totals_include_the_running_stint(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    fake_clock.advance(40)
    assert tally.talk_seconds() == {ASHA: 40.0}
    fake_clock.advance(5)
    assert tally.talk_seconds() == {ASHA: 45.0}
    assert tally.talk_share() == {ASHA: 1.0}


def test_totals_add_up_over_several_stints(tally: Tally, fake_clock: FakeClock) -> None:
    for speaker, seconds in [(ASHA, 30), (BEN, 10), (ASHA, 20)]:
        tally.start_speaking(speaker)
        fake_clock.advance(seconds)
    tally.stop_speaking()
    assert tally.talk_seconds() == {ASHA: 50.0, BEN: 10.0}
    assert tally.counts() == {ASHA: 2, BEN: 1}


def test_talk_share_is_empty_before_anyone_is_timed(tally: Tally) -> None:
    tally.log_contribution(ASHA)
    assert tally.talk_seconds() == {}
    assert tally.talk_share() == {}


def test_an_interjection_does_not_end_the_current_turn(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    fake_clock.advance(10)
    tally.log_contribution(BEN)
    assert tally.speaker == ASHA
    fake_clock.advance(10)
    assert tally.stop_speaking() == Contribution(ASHA, 1000.0, 20.0)
    assert tally.counts() == {ASHA: 1, BEN: 1}


def test_undo_of_a_finished_stint_removes_it(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    fake_clock.advance(30)
    tally.stop_speaking()
    assert tally.undo_last() == Contribution(ASHA, 1000.0, 30.0)
    assert tally.talk_seconds() == {}


def test_undo_of_a_running_stint_cancels_it(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    fake_clock.advance(30)
    tally.start_speaking(BEN)
    fake_clock.advance(5)
    assert tally.undo_last() == Contribution(BEN, 1030.0, 5.0)
    assert tally.speaker is None
    assert tally.counts() == {ASHA: 1}
    fake_clock.advance(100)
    assert tally.talk_seconds() == {ASHA: 30.0}


def test_undo_of_a_tick_leaves_the_running_stint_running(tally: Tally, fake_clock: FakeClock) -> None:
    tally.start_speaking(ASHA)
    tally.log_contribution(BEN)
    assert tally.undo_last() == Contribution(BEN, 1000.0)
    assert tally.speaker == ASHA
    fake_clock.advance(12)
    assert tally.stop_speaking() == Contribution(ASHA, 1000.0, 12.0)


def test_last_heard_counts_a_stint_at_its_end_and_the_speaker_as_now(tally: Tally, fake_clock: FakeClock) -> None:
    tally.log_contribution(ASHA)
    tally.start_speaking(BEN)
    fake_clock.advance(300)
    tally.start_speaking(CHLOE)
    fake_clock.advance(50)
    assert tally.last_heard_at() == {ASHA: 1000.0, BEN: 1300.0, CHLOE: 1350.0}


# Balance metrics


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], 0.0),
        ([0, 0, 0], 0.0),
        ([7], 0.0),
        ([3, 3, 3, 3], 0.0),
        ([1, 0], 0.5),
        ([10, 0, 0, 0], 0.75),
        ([2, 1, 1, 1, 1], 2 / 15),
        ([5, 1, 1, 1, 1], 16 / 45),
    ],
)
def test_gini(values: list[float], expected: float) -> None:
    assert gini(values) == pytest.approx(expected)


def test_gini_refuses_negative_values() -> None:
    with pytest.raises(ValueError, match="negative"):
        gini([1, -1])


@given(st.lists(st.integers(min_value=0, max_value=200), max_size=40))
def test_gini_stays_between_zero_and_one_and_ignores_order(values: list[int]) -> None:
    assert 0.0 <= gini(values) < 1.0
    assert gini(values) == pytest.approx(gini(list(reversed(values))))


@pytest.mark.parametrize(
    ("values", "fraction", "expected"),
    [
        ([], 0.2, 0.0),
        ([0, 0], 0.2, 0.0),
        ([4, 1], 0.2, 0.8),  # 20% of 2 people rounds down to 0, so the top 1 person
        ([6, 1, 1, 1, 1], 0.2, 0.6),
        ([5, 5, 0, 0, 0, 0, 0, 0, 0, 0], 0.2, 1.0),  # 2 of 10 people
        ([3, 3, 2, 1, 1], 0.4, 0.6),
        ([1, 1, 1], 1.0, 1.0),
    ],
)
def test_top_share(values: list[float], fraction: float, expected: float) -> None:
    assert top_share(values, fraction) == pytest.approx(expected)


@pytest.mark.parametrize("fraction", [0, -0.1, 1.5])
def test_top_share_refuses_a_meaningless_fraction(fraction: float) -> None:
    with pytest.raises(ValueError, match="fraction"):
        top_share([1, 2], fraction)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ([], "No contributions logged yet"),
        ([0, 0, 0, 0], "No contributions logged yet"),
        ([3, 2, 3, 2, 3], "Contributions were evenly spread"),
        ([2, 1, 1, 1, 1], "Contributions were evenly spread"),
        (
            [12, 9, 7, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0],
            "3 of 15 people made 70% of contributions; 1 person has not contributed",
        ),
        ([5, 1, 1, 1, 1], "1 of 5 people made 56% of contributions"),
        ([4, 1, 0, 0], "1 of 4 people made 80% of contributions; 2 people have not contributed"),
        ([3, 3, 3, 3, 3, 3, 3, 3, 3, 0], "Contributions were evenly spread; 1 person has not contributed"),
        # Fewer spoke than a fifth of the room: the sentence counts who spoke, never more than spoke.
        ([5] + [0] * 14, "1 of 15 people made 100% of contributions; 14 people have not contributed"),
        ([4, 2] + [0] * 13, "2 of 15 people made 100% of contributions; 13 people have not contributed"),
    ],
)
def test_balance_in_words(values: list[float], words: str) -> None:
    assert balance_in_words(values) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        ([0.0, 0.0], "No talk time recorded yet"),
        ([300.0, 280.0, 310.0], "Talk time was evenly spread"),
        ([600.0, 60.0, 60.0, 0.0, 0.0], "1 of 5 people took 83% of the talk time; 2 people have no talk time"),
        ([600.0, 100.0, 0.0], "1 of 3 people took 86% of the talk time; 1 person has no talk time"),
        ([40.0] + [0.0] * 45, "1 of 46 people took 100% of the talk time; 45 people have no talk time"),
    ],
)
def test_balance_in_words_for_talk_time_never_says_contributions(seconds: list[float], words: str) -> None:
    assert balance_in_words(seconds, measure=TALK_TIME) == words


# Quiet voices


def test_quiet_members_in_roster_order() -> None:
    present = [DEV, ASHA, BEN, CHLOE]
    last = {ASHA: 1000.0, BEN: 1850.0, CHLOE: 100.0}
    assert quiet_members(present, last, session_start=0.0, now=1900.0) == [DEV, ASHA, CHLOE]


def test_never_heard_counts_from_the_session_start() -> None:
    assert quiet_members([ASHA], {}, session_start=1000.0, now=1899.0) == []
    assert quiet_members([ASHA], {}, session_start=1000.0, now=1900.0) == [ASHA]


def test_quiet_after_is_adjustable_and_absent_people_are_ignored() -> None:
    last = {ASHA: 0.0, BEN: 0.0}
    assert quiet_members([ASHA], last, session_start=0.0, now=300.0, quiet_after_seconds=300) == [ASHA]


def test_quiet_members_works_with_a_live_tally(tally: Tally, fake_clock: FakeClock) -> None:
    start = fake_clock()
    tally.log_contribution(ASHA)
    tally.start_speaking(BEN)
    fake_clock.advance(901)
    quiet = quiet_members([ASHA, BEN, CHLOE], tally.last_heard_at(), start, fake_clock())
    assert quiet == [ASHA, CHLOE]


def test_quiet_in_session_names_the_silent_and_those_under_half_an_even_share() -> None:
    # 12 contributions among 4 people: an even share is 3, so fewer than 1.5 is quiet.
    counts = {ASHA: 8, BEN: 1, CHLOE: 3}
    assert quiet_in_session([DEV, ASHA, BEN, CHLOE], counts) == [DEV, BEN]


def test_quiet_in_session_weighs_an_even_share_by_the_part_each_was_there_for() -> None:
    """Ben left a sixth of the way in, having spoken once, as often as the others did meanwhile: not quiet. Had he
    stayed all session, once against their six each would be."""
    counts = {ASHA: 6, CHLOE: 6, BEN: 1}
    assert quiet_in_session([ASHA, BEN, CHLOE], counts, presence={BEN: 1 / 6}) == []
    assert quiet_in_session([ASHA, BEN, CHLOE], counts) == [BEN]
    assert quiet_in_session([ASHA, BEN], {ASHA: 1}, presence={ASHA: 0.0, BEN: 0.0}) == [], "nobody there: no share"


def test_quiet_in_session_names_nobody_when_nothing_was_tallied() -> None:
    assert quiet_in_session([ASHA, BEN], {}) == []
    assert quiet_in_session([], {}) == []


def test_quiet_in_session_on_an_even_room_names_nobody() -> None:
    assert quiet_in_session([ASHA, BEN, CHLOE], {ASHA: 2, BEN: 2, CHLOE: 2}) == []


# Team history


def test_history_is_oldest_first_and_pads_silent_attendees_with_zeros() -> None:
    history = participation_history(
        [
            SessionParticipation(date(2026, 10, 22), attendance=4, contribution_counts=[4, 1]),
            SessionParticipation(date(2026, 10, 8), attendance=3, contribution_counts=[2, 2, 2]),
        ]
    )
    assert [point.held_on for point in history] == [date(2026, 10, 8), date(2026, 10, 22)]
    assert history[0] == HistoryPoint(date(2026, 10, 8), attendance=3, contributions=6, gini=0.0, top_share=1 / 3)
    assert history[1].attendance == 4
    assert history[1].contributions == 5
    assert history[1].gini == pytest.approx(gini([4, 1, 0, 0]))
    assert history[1].top_share == pytest.approx(0.8)


def test_history_of_nothing_is_empty() -> None:
    assert participation_history([]) == []


def test_a_session_nobody_attended_is_an_even_zero() -> None:
    [point] = participation_history([SessionParticipation(date(2026, 11, 12), 0, [])])
    assert (point.attendance, point.contributions, point.gini, point.top_share) == (0, 0, 0.0, 0.0)


def test_history_refuses_more_counts_than_attendees() -> None:
    with pytest.raises(ValueError, match="3 contribution counts for 2 attendees"):
        participation_history([SessionParticipation(date(2026, 10, 8), 2, [1, 1, 1])])


# Share-safety of what leaves the laptop


def test_the_session_record_has_no_field_for_participation_data() -> None:
    """Group exports are rendered from SessionRecord: no field, so no renderer can leak tallies or markers."""
    from dataclasses import fields

    from copdesk.core.record import SessionRecord

    leaky = ("contribution", "tally", "talk", "quiet", "gini", "balance", "marker", "energy", "tension", "speaker")
    names = [field.name for field in fields(SessionRecord)]
    assert not [name for name in names if any(word in name for word in leaky)]
