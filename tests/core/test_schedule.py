"""The CoP calendar, checked against dates worked out here with the stdlib ``calendar`` module, not dateutil.

The masterclass gives each session type its week: Spotlight in the 1st full week, Reflective practice in the 2nd
and/or 4th, Themed discussion in the 3rd. The 1st full week is read off the printed month grid (the first row whose
Monday to Friday all lie in the month); the 2nd, 3rd and 4th weeks count the session's own day (the month's 2nd,
3rd and 4th Thursday), so every month holds each of them.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time

import pytest
from dateutil.rrule import rrulestr

from copdesk.core.model import SessionKind
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import (
    NextSession,
    Pattern,
    Preset,
    ReflectiveWeeks,
    add_one_off,
    build_rule,
    first_session,
    missing_sessions,
    next_occurrence,
    next_session_across,
    occurrences,
    parse_rule,
    skip_date,
    validate,
)
from copdesk.core.schedule_words import describe

WEEKDAYS = range(5)
MONTHS = [(year, month) for year in (2026, 2027) for month in range(1, 13)]
_CAL = calendar.Calendar(firstweekday=calendar.MONDAY)
TEN = time(10, 0)


def weekdays_in_month(year: int, month: int, weekday: int) -> list[date]:
    return [day for day in _CAL.itermonthdates(year, month) if day.month == month and day.weekday() == weekday]


def first_full_week_day(year: int, month: int, weekday: int) -> date:
    """The Monday-to-Friday week wholly inside the month, read off the printed month grid."""
    week = next(week for week in _CAL.monthdatescalendar(year, month) if week[0].month == week[4].month == month)
    return week[weekday]


def full_week_day(year: int, month: int, weekday: int, week: int) -> date | None:
    """``weekday`` in the ``week``-th grid row from the first full week; None when that day is in the next month."""
    rows = _CAL.monthdatescalendar(year, month)
    first = next(index for index, row in enumerate(rows) if row[0].month == row[4].month == month)
    row = first + week - 1
    day = rows[row][weekday] if row < len(rows) else None
    return day if day is not None and day.month == month else None


def grid_days(weekday: int, weeks: tuple[int, ...], months: list[tuple[int, int]] = MONTHS) -> list[date]:
    found = [full_week_day(year, month, weekday, week) for year, month in months for week in weeks]
    return sorted(day for day in found if day is not None)


def scheduled_2026_2027(rule_text: str) -> list[date]:
    moments = occurrences(rule_text, datetime(2025, 12, 31, 23, 59), 200)
    return [moment.date() for moment in moments if moment.year <= 2027]


def preset(
    kind: SessionKind,
    weekday: int,
    first: date = date(2026, 1, 1),
    weeks: ReflectiveWeeks = ReflectiveWeeks.SECOND_AND_FOURTH,
) -> str:
    return build_rule(Preset(kind, weekday, TEN, first, reflective_weeks=weeks))


@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_spotlight_falls_in_the_first_full_week_of_every_month(weekday: int) -> None:
    rule = preset(SessionKind.SPOTLIGHT, weekday)
    assert scheduled_2026_2027(rule) == [first_full_week_day(year, month, weekday) for year, month in MONTHS]


def test_spotlight_tuesday_in_september_2026_is_the_8th_not_the_1st() -> None:
    rule = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 8, 20))
    assert next_occurrence(rule, datetime(2026, 9, 1)) == datetime(2026, 9, 8, 10, 0)
    assert date(2026, 9, 1).weekday() == calendar.TUESDAY  # the trap: the 1st is a Tuesday, but Monday is August


def nth_weekdays(weekday: int, ordinals: tuple[int, ...], months: list[tuple[int, int]] = MONTHS) -> list[date]:
    return sorted(weekdays_in_month(year, month, weekday)[n - 1] for year, month in months for n in ordinals)


@pytest.mark.parametrize("weekday", WEEKDAYS)
@pytest.mark.parametrize("weeks", list(ReflectiveWeeks))
def test_reflective_practice_in_the_2nd_and_or_4th_week_every_month(weekday: int, weeks: ReflectiveWeeks) -> None:
    """A team on "2nd and 4th week" gets two reflective sessions in every month, whichever weekday it meets."""
    rule = preset(SessionKind.REFLECTIVE, weekday, weeks=weeks)
    assert scheduled_2026_2027(rule) == nth_weekdays(weekday, weeks.ordinals)
    assert len(scheduled_2026_2027(rule)) == 24 * len(weeks.ordinals)
    assert missing_sessions(rule, date(2026, 1, 1), date(2027, 12, 31)) == []


@pytest.mark.parametrize("weekday", WEEKDAYS)
@pytest.mark.parametrize("first_month", [1, 2])
def test_themed_discussion_in_the_third_week_of_alternate_months(weekday: int, first_month: int) -> None:
    rule = preset(SessionKind.THEMED, weekday, date(2026, first_month, 1))
    assert scheduled_2026_2027(rule) == nth_weekdays(weekday, (3,), MONTHS[first_month - 1 :: 2])


def test_september_2026_keeps_its_4th_week_reflective_session() -> None:
    """Counted from the first full week (Monday 7th), September's 4th-week Thursday was 1 October and was lost."""
    spotlight = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 8, 1))
    reflective = preset(SessionKind.REFLECTIVE, calendar.THURSDAY, date(2026, 8, 1))
    september = (datetime(2026, 9, 1), datetime(2026, 9, 30, 23, 59))
    assert [m for m in occurrences(spotlight, datetime(2026, 8, 31), 3) if september[0] <= m <= september[1]] == [
        datetime(2026, 9, 8, 10)
    ]
    assert occurrences(reflective, datetime(2026, 8, 31), 4) == [
        datetime(2026, 9, 10, 10),
        datetime(2026, 9, 24, 10),
        datetime(2026, 10, 8, 10),
        datetime(2026, 10, 22, 10),
    ]
    assert full_week_day(2026, 9, calendar.THURSDAY, 4) is None  # the old counting's gap


@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_reflective_and_themed_on_the_same_day_never_share_a_week(weekday: int) -> None:
    """The 2nd, 3rd and 4th of a weekday are a week apart, so a team's Themed month keeps three separate weeks."""
    reflective = set(scheduled_2026_2027(preset(SessionKind.REFLECTIVE, weekday)))
    themed = set(scheduled_2026_2027(preset(SessionKind.THEMED, weekday)))
    assert {day.isocalendar()[:2] for day in reflective}.isdisjoint({day.isocalendar()[:2] for day in themed})


def test_a_series_saved_with_full_weeks_still_reads_as_what_it_says() -> None:
    """Series stored by an earlier CoPDesk (weeks counted from the first full week) keep their dates and say so."""
    days = "11,12,13,14,15,16,17,25,26,27,28,29,30,31"
    old = f"DTSTART:20260101T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY={days}"
    assert scheduled_2026_2027(old) == grid_days(calendar.THURSDAY, (2, 4))
    parsed = parse_rule(old)
    assert (parsed.kind, parsed.pattern, parsed.week_ordinals) == (SessionKind.REFLECTIVE, Pattern.FULL_WEEKS, (2, 4))
    assert describe(old).startswith("Thursday of the 2nd and 4th full weeks of each month at 10:00")
    gaps = missing_sessions(old, date(2026, 1, 1), date(2027, 12, 31))
    assert (date(2026, 9, 1), 4, date(2026, 10, 1)) in gaps


def test_the_2nd_and_4th_thursday_is_the_reflective_preset() -> None:
    rule = "DTSTART:20260101T100000\nRRULE:FREQ=MONTHLY;BYDAY=+2TH,+4TH"
    assert rule == preset(SessionKind.REFLECTIVE, calendar.THURSDAY)
    parsed = parse_rule(rule)
    assert (parsed.kind, parsed.pattern, parsed.week_ordinals) == (SessionKind.REFLECTIVE, Pattern.NTH_WEEKDAY, (2, 4))
    assert describe(rule) == "Every 2nd and 4th Thursday at 10:00"


def test_first_session_is_the_rhythms_first_date_not_dtstart() -> None:
    rule = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 5, 1))  # a Friday
    assert first_session(rule) == datetime(2026, 5, 5, 10)
    assert first_session(skip_date(rule, date(2026, 5, 5))) == datetime(2026, 5, 5, 10)  # skipped, still the start
    assert first_session("DTSTART:20260501T100000\nRRULE:FREQ=WEEKLY;BYDAY=TU") == datetime(2026, 5, 5, 10)


@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_team_manager_ssw_cop_every_three_months_keeps_the_first_sessions_week(weekday: int) -> None:
    first = weekdays_in_month(2026, 1, weekday)[1]  # the 2nd occurrence sets the rhythm
    rule = preset(SessionKind.TM_SSW, weekday, first)
    assert scheduled_2026_2027(rule) == [weekdays_in_month(year, month, weekday)[1] for year, month in MONTHS[::3]]


def test_team_manager_ssw_cop_from_a_fifth_weekday_means_the_last_one() -> None:
    first = date(2026, 1, 29)  # the 5th Thursday of January 2026; April has only four
    rule = preset(SessionKind.TM_SSW, calendar.THURSDAY, first)
    expected = [weekdays_in_month(year, month, calendar.THURSDAY)[-1] for year, month in MONTHS[::3]]
    assert scheduled_2026_2027(rule) == expected
    assert describe(rule) == "Last Thursday of every 3rd month at 10:00 (from January 2026)"


def test_no_session_before_the_first_date() -> None:
    rule = preset(SessionKind.REFLECTIVE, calendar.THURSDAY, date(2026, 9, 18))
    assert occurrences(rule, datetime(2026, 1, 1), 2) == [datetime(2026, 9, 24, 10), datetime(2026, 10, 8, 10)]


@pytest.mark.parametrize("kind", list(SessionKind))
def test_rule_text_is_read_by_dateutil_itself(kind: SessionKind) -> None:
    first_session = occurrences(preset(kind, 2), datetime(2026, 1, 1), 1)[0]
    rule = add_one_off(skip_date(preset(kind, 2), first_session.date()), datetime(2026, 12, 30, 9, 30))
    parsed = rrulestr(rule, forceset=True)
    assert first_session not in parsed
    assert datetime(2026, 12, 30, 9, 30) in parsed
    assert parsed.after(datetime(2026, 1, 1)) == next_occurrence(rule, datetime(2026, 1, 1))
    assert rule.splitlines()[0].startswith("DTSTART:")


@pytest.mark.parametrize(
    ("kind", "weeks", "ordinals", "interval"),
    [
        (SessionKind.SPOTLIGHT, ReflectiveWeeks.SECOND_AND_FOURTH, (1,), 1),
        (SessionKind.REFLECTIVE, ReflectiveWeeks.SECOND, (2,), 1),
        (SessionKind.REFLECTIVE, ReflectiveWeeks.FOURTH, (4,), 1),
        (SessionKind.REFLECTIVE, ReflectiveWeeks.SECOND_AND_FOURTH, (2, 4), 1),
        (SessionKind.THEMED, ReflectiveWeeks.SECOND_AND_FOURTH, (3,), 2),
        (SessionKind.TM_SSW, ReflectiveWeeks.SECOND_AND_FOURTH, (1,), 3),
    ],
)
def test_parse_rule_recognises_each_preset(
    kind: SessionKind, weeks: ReflectiveWeeks, ordinals: tuple[int, ...], interval: int
) -> None:
    rule = parse_rule(preset(kind, calendar.WEDNESDAY, date(2026, 9, 1), weeks))
    assert (rule.kind, rule.weekday, rule.week_ordinals, rule.interval) == (kind, 2, ordinals, interval)
    assert rule.start_time == TEN
    assert rule.first == datetime(2026, 9, 1, 10, 0)
    assert (rule.skipped, rule.one_offs) == ((), ())


def test_parse_rule_reads_a_hand_written_rule_and_marks_others_custom() -> None:
    days = "31,30,29,28,27,26,25,17,16,15,14,13,12,11"
    by_hand = parse_rule(f"dtstart:20260901T093000\nrrule:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY={days}")
    assert (by_hand.kind, by_hand.week_ordinals, by_hand.start_time) == (SessionKind.REFLECTIVE, (2, 4), time(9, 30))
    assert by_hand.pattern is Pattern.FULL_WEEKS
    part_week = parse_rule("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY=11,12,13,14,15,16")
    assert (part_week.kind, part_week.pattern) == (None, Pattern.CUSTOM)
    saturday = parse_rule("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=6,7,8,9,10,11,12")
    assert (saturday.kind, saturday.pattern) == (None, Pattern.CUSTOM)
    custom = parse_rule("DTSTART:20260901T100000\nRRULE:FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15")
    assert (custom.kind, custom.pattern, custom.weekday) == (None, Pattern.CUSTOM, None)


def test_skip_date_removes_that_session_only() -> None:
    rule = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 9, 1))
    skipped = skip_date(rule, date(2026, 10, 6))
    assert "EXDATE:20261006T100000" in skipped.splitlines()
    assert occurrences(skipped, datetime(2026, 9, 1), 3) == [
        datetime(2026, 9, 8, 10),
        datetime(2026, 11, 3, 10),
        datetime(2026, 12, 8, 10),
    ]
    assert parse_rule(skipped).skipped == (datetime(2026, 10, 6, 10),)
    assert describe(skipped) == "Tuesday of the first full week of each month at 10:00; 1 date skipped"


def test_skip_date_refuses_a_day_without_a_session() -> None:
    rule = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 9, 1))
    with pytest.raises(ScheduleError, match="no session on Tuesday 1 September 2026"):
        skip_date(rule, date(2026, 9, 1))
    skipped = skip_date(rule, date(2026, 9, 8))
    with pytest.raises(ScheduleError, match="no session"):
        skip_date(skipped, date(2026, 9, 8))


def test_add_one_off_adds_an_rdate_and_refuses_a_duplicate() -> None:
    rule = preset(SessionKind.REFLECTIVE, calendar.THURSDAY, date(2026, 9, 1))
    extra = add_one_off(rule, datetime(2026, 9, 17, 14, 0))
    assert "RDATE:20260917T140000" in extra.splitlines()
    assert occurrences(extra, datetime(2026, 9, 1), 3) == [
        datetime(2026, 9, 10, 10),
        datetime(2026, 9, 17, 14),
        datetime(2026, 9, 24, 10),
    ]
    assert parse_rule(extra).one_offs == (datetime(2026, 9, 17, 14),)
    assert describe(extra).endswith("; 1 extra date")
    with pytest.raises(ScheduleError, match="already a session"):
        add_one_off(extra, datetime(2026, 9, 17, 14, 0))
    with pytest.raises(ScheduleError, match="already a session"):
        add_one_off(rule, datetime(2026, 9, 10, 10, 0))


def test_adding_back_a_skipped_session_unskips_it() -> None:
    rule = preset(SessionKind.REFLECTIVE, calendar.THURSDAY, date(2026, 9, 1))
    restored = add_one_off(skip_date(rule, date(2026, 9, 10)), datetime(2026, 9, 10, 10, 0))
    assert occurrences(restored, datetime(2026, 9, 1), 1) == [datetime(2026, 9, 10, 10)]
    assert "EXDATE" not in restored
    assert "RDATE" not in restored


def test_next_occurrence_is_strictly_after_and_none_when_the_rule_has_ended() -> None:
    rule = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 9, 1))
    assert next_occurrence(rule, datetime(2026, 9, 8, 10)) == datetime(2026, 10, 6, 10)
    ended = "DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=+2TH;UNTIL=20261231T235959"
    assert next_occurrence(ended, datetime(2027, 1, 1)) is None
    assert occurrences(ended, datetime(2026, 1, 1), 0) == []


def test_next_session_across_series_picks_the_earliest_and_breaks_ties_by_series_id() -> None:
    spotlight = preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, date(2026, 9, 1))
    reflective = preset(SessionKind.REFLECTIVE, calendar.THURSDAY, date(2026, 9, 1))
    after = datetime(2026, 9, 1)
    found = next_session_across([(7, SessionKind.REFLECTIVE, reflective), (3, SessionKind.SPOTLIGHT, spotlight)], after)
    assert found == NextSession(datetime(2026, 9, 8, 10), SessionKind.SPOTLIGHT, 3)
    assert found == (datetime(2026, 9, 8, 10), SessionKind.SPOTLIGHT, 3)
    tied = next_session_across([(9, SessionKind.SPOTLIGHT, spotlight), (4, SessionKind.SPOTLIGHT, spotlight)], after)
    assert tied is not None and tied.series_id == 4
    assert next_session_across([], after) is None


def test_next_session_across_names_the_series_with_a_broken_rule() -> None:
    with pytest.raises(ScheduleError, match=r"^Series 5: "):
        next_session_across([(5, SessionKind.THEMED, "nonsense")], datetime(2026, 9, 1))


def test_validate_returns_good_text_unchanged() -> None:
    rule = preset(SessionKind.THEMED, calendar.WEDNESDAY)
    assert validate(rule) == rule


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"weekday": 5}, "Monday to Friday"),
        ({"weekday": -1}, "Monday to Friday"),
        ({"duration_minutes": 4}, "5 to 480 minutes"),
        ({"start": time(10, tzinfo=UTC)}, "local wall time"),
        ({"first_date": date(9999, 12, 31)}, "between 2000 and 2099, not in 9999"),
        ({"first_date": date(1, 1, 1)}, "between 2000 and 2099, not in 1"),
    ],
)
def test_build_rule_refuses_impossible_presets(change: dict[str, object], message: str) -> None:
    fields: dict[str, object] = {
        "kind": SessionKind.REFLECTIVE,
        "weekday": 3,
        "start": TEN,
        "first_date": date(2026, 9, 1),
    }
    with pytest.raises(ScheduleError, match=message):
        build_rule(Preset(**{**fields, **change}))  # type: ignore[arg-type]


def test_searches_refuse_aware_datetimes_and_negative_counts() -> None:
    rule = preset(SessionKind.REFLECTIVE, calendar.THURSDAY)
    with pytest.raises(ScheduleError, match="local wall time"):
        next_occurrence(rule, datetime(2026, 9, 1, tzinfo=UTC))
    with pytest.raises(ScheduleError, match="local wall time"):
        add_one_off(rule, datetime(2026, 9, 1, tzinfo=UTC))
    with pytest.raises(ScheduleError, match="zero or more"):
        occurrences(rule, datetime(2026, 9, 1), -1)
