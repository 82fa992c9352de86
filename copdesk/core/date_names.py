"""Day and month names, in English whatever the system's locale.

Apart from ``copdesk.core.dates`` (which parses due dates with dateutil) so that a window can name a date
without loading dateutil before its frame has painted.
"""

from __future__ import annotations

from datetime import date, datetime

# English names on purpose: strftime's %a, %A, %b and %B follow the process's locale, which Qt sets from the
# system's (QCoreApplication calls setlocale), so a laptop set to Welsh or Polish would mix its day and month
# names into CoPDesk's English sentences. Every day or month name CoPDesk shows comes from these.
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """A date as records, reports and the calendar's messages write it: "Tuesday 8 September 2026"."""
    return f"{day_name(day)} {day.day} {month_name(day)} {day.year}"


def day_name(day: date, *, short: bool = False) -> str:
    """ "Tuesday" ("Tue" when ``short``), in English whatever the system's locale."""
    name = DAY_NAMES[day.weekday()]
    return name[:3] if short else name


def month_name(day: date, *, short: bool = False) -> str:
    """ "September" ("Sep" when ``short``), in English whatever the system's locale."""
    name = MONTH_NAMES[day.month - 1]
    return name[:3] if short else name


def short_date(day: date) -> str:
    """ "3 Dec 2026": a day named without its weekday, as backups and retention cut-offs are."""
    return f"{day.day} {month_name(day, short=True)} {day.year}"


def short_date_time(moment: datetime) -> str:
    """ "3 Dec 2026 at 10:00", for ``moment`` as given (convert it to local time first)."""
    return f"{short_date(moment)} at {moment:%H:%M}"


def clock_time(moment: datetime) -> str:
    """A moment of a session in local time as the facilitator's clock shows it: "13:40"."""
    return f"{moment.astimezone():%H:%M}"


def time_on_day(moment: datetime) -> str:
    """ "10:00 on 3 December", for ``moment`` as given: when a live session was last saved."""
    return f"{moment:%H:%M} on {moment.day} {month_name(moment)}"
