"""A series' rule in the masterclass's week words, as the Prepare view, the series editor and the CLI show it."""

from __future__ import annotations

import calendar
from datetime import date

import pytest

from copdesk.core.model import SessionKind
from copdesk.core.schedule import ReflectiveWeeks
from copdesk.core.schedule_words import describe
from tests.core.test_schedule import preset


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (preset(SessionKind.REFLECTIVE, calendar.THURSDAY), "Every 2nd and 4th Thursday at 10:00"),
        (
            preset(SessionKind.REFLECTIVE, calendar.THURSDAY, weeks=ReflectiveWeeks.FOURTH),
            "4th Thursday of each month at 10:00",  # the 22nd to the 28th: always in the month
        ),
        (
            preset(SessionKind.REFLECTIVE, calendar.FRIDAY, weeks=ReflectiveWeeks.SECOND),
            "2nd Friday of each month at 10:00",
        ),
        (preset(SessionKind.SPOTLIGHT, calendar.TUESDAY), "Tuesday of the first full week of each month at 10:00"),
        (
            preset(SessionKind.THEMED, calendar.WEDNESDAY, date(2026, 9, 1)),
            "3rd Wednesday of alternate months at 10:00 (from September 2026)",
        ),
        (  # a series saved by an earlier CoPDesk, its weeks counted from the first full week
            "DTSTART:20260101T100000\nRRULE:FREQ=MONTHLY;BYDAY=TH;BYMONTHDAY=11,12,13,14,15,16,17,25,26,27,28,29,30,31",
            "Thursday of the 2nd and 4th full weeks of each month at 10:00;"
            " no 4th-week session when that Thursday falls in the next month",
        ),
        ("DTSTART:20260105T140000\nRRULE:FREQ=WEEKLY;BYDAY=MO", "Every Monday at 14:00"),
        (
            "DTSTART:20260105T140000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO",
            "Every 2 weeks on Monday at 14:00 (from January 2026)",
        ),
        ("DTSTART:20260105T140000\nRRULE:FREQ=DAILY", "Custom repeating rule from Monday 5 January 2026 at 14:00"),
    ],
)
def test_describe_in_plain_words(rule: str, words: str) -> None:
    assert describe(rule) == words
