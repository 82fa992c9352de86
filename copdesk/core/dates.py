"""Due dates for actions, typed the way a UK facilitator says them at the end of a meeting.

Explicit dates go through dateutil with ``dayfirst=True``, but only once a pattern here has agreed
that the text is a day-first date: on its own, dateutil reads "5" or "10:30" as today's date and
quietly turns "12/31/2026" into 31 December, which a UK user did not mean. Words and relative forms
("friday", "in 2 weeks", "next session") are worked out with ``relativedelta`` from an injected
``today``, so nothing here reads the system clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser  # type: ignore[import-untyped, unused-ignore]
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped, unused-ignore]

from copdesk.core.date_names import DAY_NAMES, MONTH_NAMES, day_name, short_date
from copdesk.core.text import shortened

MAX_YEARS_AHEAD = 5
EARLIEST_DUE = date(2000, 1, 1)
ACCEPTED_FORMS = "3/11/2026, 3 Nov 2026, 3 November, today, tomorrow, friday, next friday, in 2 weeks or next session"

_WEEKDAYS = {
    **{name.lower(): index for index, name in enumerate(DAY_NAMES)},
    **{name[:3].lower(): index for index, name in enumerate(DAY_NAMES)},
    "tues": 1,
    "thur": 3,
    "thurs": 3,
}
_MONTHS = {
    **{name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}

# Months and years are calendar steps, so "in a month" from 31 January is the last day of February.
_UNITS = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "fortnight": relativedelta(weeks=2),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}

_NEXT_SESSION = frozenset({"next session", "next cop"})
_NUMERIC = re.compile(r"(?P<day>[0-9]{1,2})(?P<sep>[/.-])(?P<month>[0-9]{1,2})(?:(?P=sep)(?P<year>[0-9]{4}|[0-9]{2}))?")
_NAMED = re.compile(
    r"(?:(?P<weekday>[a-z]+)\.?,?\s+)?(?P<day>[0-9]{1,2})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?(?P<month>[a-z]+)\.?"
    r"(?:,?[\s-]+(?P<year>[0-9]{4}|[0-9]{2}))?"
)
_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_RELATIVE = re.compile(r"in\s+(?P<amount>[0-9]+|an?|one)\s+(?P<unit>day|week|fortnight|month|year)s?")
_WEEKDAY = re.compile(r"(?:(?:next|this)\s+)?(?P<weekday>[a-z]+)")


class DueDateError(ValueError):
    """Raised with a one-line message fit to show the user as it is."""


def parse_due(text: str, *, today: date, next_session: date | None) -> date | None:
    """The due date the user meant, or ``None`` for blank text because a due date is optional.

    A date typed without a year is the next one on or after ``today``. "friday" and "next friday"
    both mean the first Friday after today: people use "next" both ways, so the view should echo
    the result with :func:`format_uk` rather than guess.
    """
    shown = " ".join(text.split())
    cleaned = shown.lower().removeprefix("by ")
    if not cleaned:
        return None
    due = _interpret(cleaned, shown, today, next_session)
    if due < EARLIEST_DUE:
        raise DueDateError(f"{format_uk(due)} is before 2000; check the year.")
    if due > today + relativedelta(years=MAX_YEARS_AHEAD):
        raise DueDateError(f"{format_uk(due)} is more than {MAX_YEARS_AHEAD} years away; check the year.")
    return due


DATE_PASSED = "that date has passed"


def passed_note(due: date | None, today: date) -> str:
    """ ": that date has passed" for a due date before ``today``, else "".

    A past due date is accepted, because a facilitator may record an action that was due last week, or
    give an overdue action the date it was actually done by; but never silently: every view that takes
    one says so, as it is typed and once it is saved.
    """
    return f": {DATE_PASSED}" if due is not None and due < today else ""


def format_uk(day: date) -> str:
    """The form used everywhere a due date is shown, e.g. "Thu 3 Dec 2026"; it parses back."""
    return f"{day_name(day, short=True)} {short_date(day)}"


def _interpret(cleaned: str, shown: str, today: date, next_session: date | None) -> date:
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return _later(today, "day", 1)
    if cleaned in _NEXT_SESSION:
        if next_session is None:
            raise DueDateError("No session the team runs is scheduled yet; type a date instead, such as 3/11/2026.")
        return next_session
    if relative := _RELATIVE.fullmatch(cleaned):
        amount = relative["amount"]
        try:
            return _later(today, relative["unit"], int(amount) if amount.isdigit() else 1)
        except (OverflowError, ValueError):  # past the calendar's last year: far more than the years allowed
            far = f'"{shortened(shown)}" is more than {MAX_YEARS_AHEAD} years away; check the number.'
            raise DueDateError(far) from None
    if (weekday := _WEEKDAY.fullmatch(cleaned)) and weekday["weekday"] in _WEEKDAYS:
        after: date = today + relativedelta(days=1, weekday=_WEEKDAYS[weekday["weekday"]])
        return after
    if _ISO.fullmatch(cleaned):  # year first is unambiguous, and dayfirst=True would misread it as y-d-m
        try:
            return date.fromisoformat(cleaned)
        except ValueError:
            raise DueDateError(f"{shown} is not a real date.") from None
    if numeric := _NUMERIC.fullmatch(cleaned):
        return _explicit(shown, today, numeric["day"], numeric["month"], numeric["year"], sep="/")
    named = _NAMED.fullmatch(cleaned)
    if named and named["month"] in _MONTHS and (named["weekday"] is None or named["weekday"] in _WEEKDAYS):
        due = _explicit(shown, today, named["day"], named["month"], named["year"], sep=" ")
        if named["weekday"] is not None and _WEEKDAYS[named["weekday"]] != due.weekday():
            raise DueDateError(f"{format_uk(due)} is a {DAY_NAMES[due.weekday()]}; check the day or the date.")
        return due
    raise DueDateError(f'"{shortened(shown)}" is not a date CoPDesk understands; try {ACCEPTED_FORMS}.')


def _later(today: date, unit: str, amount: int) -> date:
    later: date = today + _UNITS[unit] * amount
    return later


def _explicit(shown: str, today: date, day: str, month: str, year: str | None, *, sep: str) -> date:
    """Parse a day-first date through dateutil, refusing any reading other than the one typed."""
    wanted_day = int(day)
    wanted_month = _MONTHS[month] if month.isalpha() else int(month)
    if year is None:
        # The next such date on or after today; five candidate years always include the next 29 February.
        years = list(range(today.year, today.year + 5))
    else:
        years = [int(year) + (today.year // 100 * 100 if len(year) == 2 else 0)]
    for candidate_year in years:
        try:
            # The default only stops dateutil from reading the system clock; the text names every field.
            parsed: datetime = parser.parse(
                f"{day}{sep}{month}{sep}{candidate_year}", dayfirst=True, default=datetime(candidate_year, 1, 1)
            )
        except (ValueError, OverflowError):
            continue
        if (parsed.day, parsed.month, parsed.year) != (wanted_day, wanted_month, candidate_year):
            continue
        if year is not None or parsed.date() >= today:
            return parsed.date()
    if sep == "/" and wanted_month > 12 >= wanted_day:
        raise DueDateError(f"{shown} is not a real date; type the day first, as in 31/12/2026.")
    raise DueDateError(f"{shown} is not a real date.")
