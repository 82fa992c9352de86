"""Quarters as the quarterly self-assessment writes them (``2026Q3``), checked against the stdlib ``calendar``."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from copdesk.core.quarterly import QuarterError, parse_quarter


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2026Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026q4", date(2026, 10, 1), date(2026, 12, 31)),
        (" 2028-Q1 ", date(2028, 1, 1), date(2028, 3, 31)),
    ],
)
def test_parse_quarter(text: str, first: date, last: date) -> None:
    assert parse_quarter(text) == (first, last)
    assert last.day == calendar.monthrange(last.year, last.month)[1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026Q5", "no quarter 5"),
        ("2026Q0", "no quarter 0"),
        ("Q3", "like 2026Q3"),
        ("2026", "like 2026Q3"),
        ("", "like 2026Q3"),
        ("garbage\nmore", "like 2026Q3"),
        ("0000Q1", "no year"),
    ],
)
def test_parse_quarter_rejects_bad_text(text: str, message: str) -> None:
    with pytest.raises(QuarterError, match=message) as caught:
        parse_quarter(text)
    assert "\n" not in str(caught.value)
