from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copdesk.core.dates import ACCEPTED_FORMS, DueDateError, format_uk, parse_due

TODAY = date(2026, 10, 8)  # a Thursday
NEXT_SESSION = date(2026, 10, 22)
LATEST = date(2031, 10, 8)  # five years from TODAY


def due(text: str, *, next_session: date | None = NEXT_SESSION, today: date = TODAY) -> date | None:
    return parse_due(text, today=today, next_session=next_session)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3/11/2026", date(2026, 11, 3)),
        ("03/11/2026", date(2026, 11, 3)),
        ("03-11-26", date(2026, 11, 3)),
        ("3.11.2026", date(2026, 11, 3)),
        ("3 Nov 2026", date(2026, 11, 3)),
        ("3 November 2026", date(2026, 11, 3)),
        ("3rd of November 2026", date(2026, 11, 3)),
        ("3 Sept 2027", date(2027, 9, 3)),
        ("3-Nov-2026", date(2026, 11, 3)),
        ("3 November", date(2026, 11, 3)),
        ("3/11", date(2026, 11, 3)),
        ("Thu 3 Dec 2026", date(2026, 12, 3)),
        ("2026-11-03", date(2026, 11, 3)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 10, 9)),
        ("next session", NEXT_SESSION),
        ("  Next   Session ", NEXT_SESSION),
        ("in 2 weeks", date(2026, 10, 22)),
        ("in 10 days", date(2026, 10, 18)),
        ("in 1 day", date(2026, 10, 9)),
        ("in a month", date(2026, 11, 8)),
        ("in 3 months", date(2027, 1, 8)),
        ("in a fortnight", date(2026, 10, 22)),
        ("in 1000 days", date(2029, 7, 4)),
        ("friday", date(2026, 10, 9)),
        ("Friday", date(2026, 10, 9)),
        ("next friday", date(2026, 10, 9)),
        ("fri", date(2026, 10, 9)),
        ("monday", date(2026, 10, 12)),
        ("by friday", date(2026, 10, 9)),
    ],
)
def test_accepted_forms(text: str, expected: date) -> None:
    assert due(text) == expected


def test_weekday_named_today_means_next_week() -> None:
    assert due("thursday") == date(2026, 10, 15)


def test_date_without_year_that_has_passed_means_next_year() -> None:
    assert due("3 March") == date(2027, 3, 3)
    assert due("8/10") == TODAY


def test_29_february_without_year_finds_the_next_leap_year() -> None:
    assert due("29/02") == date(2028, 2, 29)
    assert due("29 Feb", today=date(2028, 3, 1)) == date(2032, 2, 29)


def test_a_month_from_the_31st_lands_on_the_last_day_of_the_next_month() -> None:
    assert due("in a month", today=date(2027, 1, 31)) == date(2027, 2, 28)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_blank_means_no_due_date(text: str) -> None:
    assert due(text) is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2026", "31/02/2026 is not a real date"),
        ("29/02/2027", "29/02/2027 is not a real date"),
        ("32/01/2026", "32/01/2026 is not a real date"),
        ("0/1/2026", "0/1/2026 is not a real date"),
        ("31 Feb 2026", "31 Feb 2026 is not a real date"),
        ("31/02", "31/02 is not a real date"),
        ("2026-02-31", "2026-02-31 is not a real date"),
        ("1/1/0000", "1/1/0000 is not a real date"),
        ("12/31/2026", "type the day first"),
        ("Fri 3 Dec 2026", "Thu 3 Dec 2026 is a Thursday"),
        ("31/12/1999", "Fri 31 Dec 1999 is before 2000"),
        ("3/11/99", "Tue 3 Nov 2099 is more than 5 years away"),
        ("9/10/2031", "Thu 9 Oct 2031 is more than 5 years away"),
        ("in 6 years", "more than 5 years away"),
        ("in 999 years", "more than 5 years away"),
        ("in 2000 days", "Tue 30 Mar 2032 is more than 5 years away"),  # a number of any length is a number
        ("in 100000 months", "more than 5 years away"),
        ("in 99999999999 years", '"in 99999999999 years" is more than 5 years away; check the number.'),  # past 9999
        ("in 999999999999999999999 days", "is more than 5 years away; check the number."),
    ],
)
def test_impossible_or_out_of_range_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(DueDateError, match=message):
        due(text)


@pytest.mark.parametrize(
    "text", ["someday", "soon", "10:30", "5", "3 Blah 2026", "next month", "Blursday 3 Nov 2026", "in some weeks"]
)
def test_garbage_gets_a_message_listing_the_accepted_forms(text: str) -> None:
    with pytest.raises(DueDateError) as caught:
        due(text)
    assert str(caught.value) == f'"{text}" is not a date CoPDesk understands; try {ACCEPTED_FORMS}.'


def test_long_garbage_is_shortened_to_one_line() -> None:
    with pytest.raises(DueDateError) as caught:
        due("whenever\nthe panel has met and the family agree " * 3)
    assert "\n" not in str(caught.value)
    assert "…" in str(caught.value)


def test_next_session_needs_a_scheduled_session() -> None:
    with pytest.raises(DueDateError, match="No session the team runs is scheduled yet"):
        due("next session", next_session=None)


def test_edges_of_the_accepted_range() -> None:
    assert due("1/1/2000") == date(2000, 1, 1)
    assert due("8/10/2031") == LATEST
    assert due("in 5 years") == LATEST


def test_due_date_error_is_a_value_error() -> None:
    assert issubclass(DueDateError, ValueError)


def test_format_uk() -> None:
    assert format_uk(date(2026, 12, 3)) == "Thu 3 Dec 2026"
    assert format_uk(date(2027, 9, 30)) == "Thu 30 Sep 2027"


@given(st.dates(min_value=date(2000, 1, 1), max_value=LATEST))
def test_any_real_date_as_dd_mm_yyyy_parses_back_to_itself(day: date) -> None:
    assert due(day.strftime("%d/%m/%Y")) == day


@given(st.dates(min_value=date(2000, 1, 1), max_value=LATEST))
def test_format_uk_parses_back_to_itself(day: date) -> None:
    assert due(format_uk(day)) == day


@given(st.dates(min_value=TODAY, max_value=LATEST - timedelta(days=366)))
def test_a_date_without_its_year_is_never_in_the_past(day: date) -> None:
    parsed = due(f"{day.day}/{day.month}")
    assert parsed is not None
    assert TODAY <= parsed <= day
