"""The computer's time zone, named and described for an iCalendar file.

Series are kept as local wall time ("Thursday at 10:00"). An invitation file that said so with floating times would
leave every calendar program to guess the zone, and a UTC time would move the meeting by an hour across a clock
change, so the file names the zone (``TZID``) and describes it (``VTIMEZONE``). The name is the IANA one
(Europe/London), which Google Calendar looks up; the description gives the clock changes as yearly rules (the last
Sunday of March), the form Outlook reads: it ignores a zone whose changes are listed date by date and then moves
summer meetings by an hour.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The stubs (types-python-dateutil) are a dev extra; with or without them these imports must type-check.
from dateutil.tz import tzlocal  # type: ignore[import-untyped, unused-ignore]
from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from copdesk.core.date_names import DAY_NAMES

LOCAL_TZID = "CoPDesk local time"  # the zone's name when the computer's cannot be told (a POSIX TZ string, say)
_WINDOWS_ZONE_KEY = r"SYSTEM\CurrentControlSet\Control\TimeZoneInformation"
_RRULE_DAYS = [name[:2].upper() for name in DAY_NAMES]


@dataclass(frozen=True, slots=True)
class CalendarZone:
    tzid: str
    zone: tzinfo


def local_zone() -> CalendarZone:
    """The computer's time zone, the one CoPDesk reads local wall time in."""
    name = _local_zone_name()
    if name:
        try:
            return CalendarZone(name, ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            pass
    return CalendarZone(LOCAL_TZID, tzlocal())


def _local_zone_name() -> str | None:
    """The IANA name of the computer's zone: Windows keeps its own name in the registry (GMT Standard Time), the
    others a ``TZ`` setting or the link /etc/localtime to a file of the zone database."""
    if sys.platform == "win32":
        return WINDOWS_TO_OLSON.get(windows_zone_key() or "")
    setting = os.environ.get("TZ", "").lstrip(":") or os.path.realpath("/etc/localtime")
    name = setting.rsplit("zoneinfo/", 1)[-1]
    return None if name.startswith("/") else name


def windows_zone_key() -> str | None:
    if sys.platform != "win32":
        return None
    import winreg  # Windows only

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, _WINDOWS_ZONE_KEY) as key:
            return str(winreg.QueryValueEx(key, "TimeZoneKeyName")[0]).rstrip("\x00")
    except OSError:
        return None


class _Change(NamedTuple):
    at: datetime  # local wall time just before the change, as RFC 5545 writes an observance's DTSTART
    offset_from: timedelta
    offset_to: timedelta
    name: str
    summer: bool


def vtimezone(zone: CalendarZone, first_year: int, last_year: int) -> Timezone:
    """The zone as a VTIMEZONE: each kind of clock change once, with a yearly RRULE, when the changes from
    ``first_year`` to ``last_year`` all keep one rule (as the UK's and the EU's do); else each change listed."""
    changes = _changes(zone.zone, first_year, last_year)
    component = Timezone()
    component.add("tzid", zone.tzid)
    if not changes:
        moment = datetime(first_year, 1, 1)
        offset = zone.zone.utcoffset(moment) or timedelta()
        standard = TimezoneStandard()
        standard.add("dtstart", moment)
        standard.add("tzoffsetfrom", offset)
        standard.add("tzoffsetto", offset)
        standard.add("tzname", zone.zone.tzname(moment) or zone.tzid)
        component.add_component(standard)
        return component
    for summer in (True, False):
        kind = [change for change in changes if change.summer is summer]
        rules = {_yearly(change) for change in kind}
        shape = {(change.offset_from, change.offset_to, change.name) for change in kind}
        if len(rules) != 1 or len(shape) != 1:
            return Timezone.from_tzinfo(zone.zone, zone.tzid, date(first_year, 1, 1), date(last_year + 1, 1, 1))
    for summer in (True, False):
        first = next(change for change in changes if change.summer is summer)
        observance = TimezoneDaylight() if summer else TimezoneStandard()
        observance.add("dtstart", first.at)
        observance.add("rrule", vRecur.from_ical(f"FREQ=YEARLY;BYMONTH={first.at.month};BYDAY={_yearly(first)[1]}"))
        observance.add("tzoffsetfrom", first.offset_from)
        observance.add("tzoffsetto", first.offset_to)
        observance.add("tzname", first.name)
        component.add_component(observance)
    return component


def _yearly(change: _Change) -> tuple[int, str, tuple[int, int]]:
    """A change as a yearly rule: its month, its weekday counted in the month (-1 for the last), its time."""
    day = change.at.day
    month_days = ((change.at.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)).day
    ordinal = -1 if day + 7 > month_days else (day - 1) // 7 + 1
    return change.at.month, f"{ordinal}{_RRULE_DAYS[change.at.weekday()]}", (change.at.hour, change.at.minute)


def _changes(zone: tzinfo, first_year: int, last_year: int) -> list[_Change]:
    """Every change of the zone's offset from UTC in those years, found day by day, then to the minute."""

    def offset(moment: datetime) -> timedelta:
        return moment.astimezone(zone).utcoffset() or timedelta()

    found = []
    day = datetime(first_year, 1, 1, tzinfo=UTC)
    while day.year <= last_year:
        following = day + timedelta(days=1)
        before, after = offset(day), offset(following)
        if before != after:
            low, high = 0, 24 * 60  # minutes into the day: the offset is ``before`` at low and ``after`` at high
            while high - low > 1:
                middle = (low + high) // 2
                low, high = (middle, high) if offset(day + timedelta(minutes=middle)) == before else (low, middle)
            changed = day + timedelta(minutes=high)
            local = changed.astimezone(zone)
            summer = bool(local.dst())
            found.append(_Change((changed + before).replace(tzinfo=None), before, after, local.tzname() or "", summer))
        day = following
    return found
