"""An invitation file's dates as a calendar program reads them, for tests that compare them with CoPDesk's own."""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event


def event_rule(event: Event) -> str:
    return str(event.rrules[0].to_ical().decode())


def event_dates(event: Event, first: datetime, last: datetime) -> set[datetime]:
    """DTSTART in its zone, the RRULE with its UNTIL, less the EXDATEs, by dateutil: as naive local wall time from
    ``first`` to ``last`` inclusive."""
    start = event.start
    assert isinstance(start, datetime) and start.tzinfo is not None, "every time in a zone"
    if event.rrules:
        window = (first.replace(tzinfo=start.tzinfo), last.replace(tzinfo=start.tzinfo))
        found = set(rrulestr(event_rule(event), dtstart=start).between(*window, inc=True)) - set(event.exdates)
    else:
        found = {start}
    return {moment.replace(tzinfo=None) for moment in found if first <= moment.replace(tzinfo=None) <= last}


def calendar_dates(calendar: Calendar, first: datetime, last: datetime) -> set[datetime]:
    return set().union(*(event_dates(event, first, last) for event in calendar.events))


def recurrence_id(event: Event) -> datetime:
    """The occurrence a cancellation of one date names, in its zone."""
    found = event.decoded("recurrence-id")
    assert isinstance(found, datetime) and found.tzinfo is not None, "a time in a zone"
    return found


def sequence(event: Event) -> int:
    """SEQUENCE, 0 when the event has none (RFC 5545's default)."""
    return int(event.decoded("sequence", 0))
