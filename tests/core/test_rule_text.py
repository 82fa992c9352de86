"""Rule text judged: refused in one line when the app cannot schedule from it, and never a search to the year 9999
(or one that never ends) to find that out."""

from __future__ import annotations

from datetime import datetime

import pytest
from dateutil.rrule import rrulestr

from copdesk.core.model import SessionKind
from copdesk.core.rule_text import ScheduleError, rule_stamp
from copdesk.core.schedule import next_occurrence, next_session_across, occurrences, validate


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        ("   \n ", "empty"),
        ("garbage", "not a DTSTART, RRULE, EXDATE or RDATE line"),
        ("<script>alert(1)</script>", "Not a schedule rule"),
        ("RRULE:FREQ=MONTHLY;BYDAY=+2TH", "exactly one DTSTART"),
        ("DTSTART:20260901T100000", "needs an RRULE"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=FORTNIGHTLY", "needs FREQ=DAILY, WEEKLY"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=MINUTELY", "at most daily"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;BYDAY=XX", "invalid 'BYDAY'"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;COLOUR=RED", "unknown parameter"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY\nDURATION:PT1H", "not a DTSTART"),
        ("DTSTART:2026\nRRULE:FREQ=MONTHLY", "not a date-time"),
        ("DTSTART:20261301T100000\nRRULE:FREQ=MONTHLY", "Not a schedule rule"),
        ("DTSTART:20260901T100000Z\nRRULE:FREQ=MONTHLY", "local wall time"),
        ("DTSTART;TZID=Europe/London:20260901T100000\nRRULE:FREQ=MONTHLY", "local wall time"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;UNTIL=20250101T000000", "never produces"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=MONTHLY;INTERVAL=0;BYDAY=+1TU", "INTERVAL=0 never moves on"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=WEEKLY;INTERVAL=-2", "INTERVAL=-2 never moves on: it must be 1"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=YEARLY;BYEASTER=0", "BYEASTER is not iCalendar"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=WEEKLY;BYHOUR=10,14", "BYHOUR lists more than one value"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=DAILY;BYHOUR=0;BYMINUTE=0,30", "BYMINUTE lists more than one"),
        ("DTSTART:20260901T100000\nRRULE:FREQ=DAILY;BYSECOND=0,1,2", "sessions are at most daily"),
    ],
)
def test_validate_rejects_bad_rules_with_one_line(text: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message) as caught:
        validate(text)
    assert "\n" not in str(caught.value)
    with pytest.raises(ScheduleError):
        occurrences(text, datetime(2026, 1, 1), 3)


def test_a_repeat_no_date_can_meet_is_refused_even_beside_an_extra_date() -> None:
    """With the RDATE the whole rule has a date, but every search past it went through every year up to 9999."""
    text = "DTSTART:20260105T100000\nRRULE:FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31\nRDATE:20260601T100000"
    with pytest.raises(ScheduleError, match=r"No date can meet the repeat 'FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31'"):
        validate(text)
    with pytest.raises(ScheduleError, match=r"^Series 1: No date can meet"):
        next_session_across([(1, SessionKind.REFLECTIVE, text)], datetime(2026, 7, 1))


@pytest.mark.parametrize(
    ("first", "repeat"),
    [
        ("20260105T100000", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"),
        ("20260105T100000", "FREQ=MONTHLY;INTERVAL=5;BYMONTH=4;BYMONTHDAY=31"),
        ("20260105T100000", "FREQ=WEEKLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO"),
        ("20260105T100000", "FREQ=DAILY;INTERVAL=5;BYMONTH=2;BYMONTHDAY=29;BYDAY=SU"),
        ("20260105T100000", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20270101T000000"),
        ("20260105T100000", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;UNTIL=20290101T000000"),
        ("22000301T100000", "FREQ=YEARLY;INTERVAL=300;BYMONTH=2;BYMONTHDAY=29"),  # first date in 2800
        ("22010301T100000", "FREQ=YEARLY;INTERVAL=400;BYMONTH=2;BYMONTHDAY=29"),  # 2201, 2601, ...: never leap
    ],
)
def test_a_repeat_is_judged_from_whole_calendar_rounds_later_with_the_same_answer(
    first: str, repeat: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding that no date meets a repeat took dateutil a search to the year 9999: 3 s for a daily one, frozen at
    start. The repeat is asked from a DTSTART whole 400-year rounds later (and whole steps of it), which leaves
    it a few hundred years to search and the same answer."""
    from copdesk.core import rule_text

    text = f"DTSTART:{first}\nRRULE:{repeat}"
    truth = next(iter(rrulestr(text)), None) is None
    searched: list[str] = []

    def reading(rule: str, *, forceset: bool = False) -> object:
        searched.append(rule)
        return rrulestr(rule, forceset=forceset)

    monkeypatch.setattr(rule_text, "rrulestr", reading)
    rule_text._judged.cache_clear()
    if truth:
        with pytest.raises(ScheduleError, match="No date can meet"):
            validate(text)
    else:
        assert validate(text) == text
    from_year = int(searched[-1].split("DTSTART:")[1][:4])  # the repeat's own search is the last read
    assert from_year > 6000  # 4000 years later for the 5-day step (its round is 2000 years), 6000 for the 300-year one


@pytest.mark.parametrize(
    "text",
    [
        "DTSTART:00560702T233000\nRRULE:FREQ=WEEKLY;INTERVAL=134;UNTIL=00860926T000000",
        "DTSTART:00080229T200000\nRRULE:FREQ=MONTHLY;INTERVAL=204;BYMONTH=7",
        "DTSTART:09990301T100000\nRRULE:FREQ=YEARLY;INTERVAL=300;BYMONTH=2;BYMONTHDAY=29",
    ],
)
def test_a_rule_from_a_year_before_1000_is_judged_as_dateutil_reads_it(text: str) -> None:
    """Written back as "560702T233000", the year 56 read as another date: every year keeps its four digits."""
    from copdesk.core import rule_text

    rule_text._judged.cache_clear()
    if next(iter(rrulestr(text)), None) is None:
        with pytest.raises(ScheduleError, match="No date can meet"):
            validate(text)
    else:
        assert validate(text) == text
    assert rule_stamp(datetime(56, 7, 2, 23, 30)) == "00560702T233000"


def test_each_rule_text_is_judged_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Judging that no date meets a rule means a search to the year 9999: a series' rule is read at every team
    switch and refresh, so the answer is kept, refusal and all."""
    from copdesk.core import rule_text

    rule_text._judged.cache_clear()  # whatever other tests have read
    read: list[str] = []

    def reading(text: str, *, forceset: bool = False) -> object:
        read.append(text)
        return rrulestr(text, forceset=forceset)

    monkeypatch.setattr(rule_text, "rrulestr", reading)
    impossible = "DTSTART:20260107T100000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"
    good = "DTSTART:20260107T100000\nRRULE:FREQ=MONTHLY;BYDAY=+1WE"
    for _ in range(3):
        with pytest.raises(ScheduleError, match="No date can meet"):
            next_occurrence(impossible, datetime(2026, 1, 1))
        assert next_occurrence(good, datetime(2026, 1, 1)) == datetime(2026, 1, 7, 10)
    assert len(read) == 4  # each text, and each one's repeat alone, read once
