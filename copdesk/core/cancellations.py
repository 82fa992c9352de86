"""Cancellations for calendars that hold CoPDesk's invitations: an .ics file with METHOD:CANCEL.

A new invitation file ends or skips the dates a series no longer holds, but a calendar that imported an earlier
one keeps its meetings until it is told they are cancelled (RFC 5546: METHOD:CANCEL, the meeting's UID, a
SEQUENCE no lower than its last revision's, STATUS:CANCELLED). This file tells it, for every meeting any earlier
file of the series held and the series no longer does:

* a date taken off a recurring meeting (a session skipped, a pause, a change of rhythm from a date on) is one
  cancelled occurrence: its UID with RECURRENCE-ID, the occurrence's own start. Only dates from now to
  :data:`HORIZON` ahead are cancelled: a past meeting is history, and a pause still on has no last date;
* a meeting no file holds any more (a rhythm replaced before its first session whose meetings were shaped
  otherwise, "2nd and 4th Thursday" as two events where the new rhythm is one; an extra session taken away) is
  cancelled whole: its UID alone, with a SEQUENCE above the last it had.

Every file the series could have been exported as is considered, one for each change of its calendar
(:meth:`~copdesk.core.series_history.SeriesHistory.earlier_versions`): which ones a calendar imported is not known, and
a cancellation of a meeting a calendar never held changes nothing there. The file is worked out from the
invitation files' own events, so the two never disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo

from dateutil.rrule import rrulestr  # type: ignore[import-untyped, unused-ignore]
from icalendar import Calendar, Event

from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.invitations import PRODUCT_ID, SeriesToInvite, TeamInvitations, series_events
from copdesk.core.time_zone import CalendarZone, vtimezone

HORIZON = timedelta(days=366)
WHAT_TO_DO = (
    "Send this file to everyone invited, or give it to Business Support to send: opening it takes the cancelled "
    "meetings out of their calendars. Send the new invitation file as well if the series goes on."
)


@dataclass(frozen=True, slots=True)
class Cancelled:
    """A meeting to cancel: its UID, what it was called, its start (the occurrence's for one date, the first for a
    whole meeting), whether it is one date of a recurring meeting, and its SEQUENCE."""

    uid: str
    summary: str
    start: datetime
    one_date: bool
    sequence: int


def cancelled_meetings(invitations: TeamInvitations) -> list[Cancelled]:
    """Every meeting an earlier invitation file of the team held and the series no longer does, earliest first."""
    now = invitations.made_at
    local_now = now.astimezone(invitations.zone.zone).replace(tzinfo=None)
    found: dict[tuple[str, datetime | None], Cancelled] = {}
    for entry in invitations.series:
        history = entry.history
        current = _events(invitations, entry)
        for earlier in history.earlier_versions():
            for event in _events(invitations, SeriesToInvite(earlier)).values():
                for cancelled in _cancelled(event, current.get(str(event.uid)), local_now, invitations.zone.zone):
                    key = (cancelled.uid, cancelled.start if cancelled.one_date else None)
                    if key not in found or found[key].sequence < cancelled.sequence:
                        found[key] = cancelled
    return sorted(found.values(), key=lambda cancelled: (cancelled.start, cancelled.uid))


def taken_off(before: TeamInvitations, after: TeamInvitations) -> list[Cancelled]:
    """What a change of the team's calendar (a series saved or paused between ``before`` and ``after``) took off:
    the meetings, and the dates from now on, the file made just before it held and the file after it no longer does.
    Each is one :func:`cancelled_meetings` now has that it did not have before; only the two files are worked out,
    not every earlier one."""
    local_now = after.made_at.astimezone(after.zone.zone).replace(tzinfo=None)
    now_held = {entry.series_id: _events(after, entry) for entry in after.series}
    return [
        cancelled
        for entry in before.series
        if entry.series_id in now_held
        for event in _events(before, entry).values()
        for cancelled in _cancelled(event, now_held[entry.series_id].get(str(event.uid)), local_now, after.zone.zone)
    ]


def cancellation_calendar(invitations: TeamInvitations) -> bytes:
    """The METHOD:CANCEL file for :func:`cancelled_meetings`, with the same zone as the invitation file."""
    cancelled = cancelled_meetings(invitations)
    zone = invitations.zone
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL")
    first_year = min((found.start.year for found in cancelled), default=invitations.made_at.year) - 1
    calendar.add_component(vtimezone(zone, first_year, max(first_year, invitations.made_at.year) + 2))
    stamp = invitations.made_at.astimezone(UTC)
    for found in cancelled:
        calendar.add_component(_cancel_event(found, stamp, zone))
    data: bytes = calendar.to_ical()
    return data


def _cancel_event(found: Cancelled, stamp: datetime, zone: CalendarZone) -> Event:
    event = Event()
    event.add("uid", found.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", found.start, parameters={"TZID": zone.tzid})
    if found.one_date:
        event.add("recurrence-id", found.start, parameters={"TZID": zone.tzid})
    event.add("sequence", found.sequence)
    event.add("status", "CANCELLED")
    event.add("summary", f"Cancelled: {found.summary}")
    return event


def _events(invitations: TeamInvitations, entry: SeriesToInvite) -> dict[str, Event]:
    """The events of a series' invitation file, by UID."""
    found = series_events(invitations.calendar_key, invitations.team_name, entry, invitations.made_at, invitations.zone)
    return {str(event.uid): event for event in found}


def _cancelled(earlier: Event, now_held: Event | None, after: datetime, zone: tzinfo) -> Iterator[Cancelled]:
    """What cancels the meeting ``earlier`` where the present file holds ``now_held`` under its UID (None: none)."""
    uid, summary, sequence = str(earlier.uid), str(earlier.get("summary", "")), int(earlier.get("sequence", 0))
    if now_held is None:
        yield Cancelled(uid, summary, _wall_time(earlier.start), False, sequence + 1)
        return
    kept = _dates(now_held, after, after + HORIZON, zone)
    next_sequence = max(int(now_held.get("sequence", 0)), sequence + 1)
    for moment in sorted(_dates(earlier, after, after + HORIZON, zone) - kept):
        yield Cancelled(uid, summary, moment, True, next_sequence)


def _dates(event: Event, first: datetime, last: datetime, zone: tzinfo) -> set[datetime]:
    """The event's dates from ``first`` to ``last``: DTSTART, its RRULE to its UNTIL (in UTC, so the rule is worked
    in ``zone``, the zone of its wall times), less its EXDATEs."""
    start = _wall_time(event.start)
    if not event.rrules:
        return {start} if first <= start <= last else set()
    rule = event.rrules[0].to_ical().decode()
    window = (first.replace(tzinfo=zone), last.replace(tzinfo=zone))
    found = rrulestr(rule, dtstart=start.replace(tzinfo=zone)).between(*window, inc=True)
    return {moment.replace(tzinfo=None) for moment in found} - {_wall_time(day) for day in event.exdates}


def _wall_time(moment: object) -> datetime:
    """A time of CoPDesk's events, each a naive wall time in the file's zone."""
    assert isinstance(moment, datetime) and moment.tzinfo is None
    return moment


CANCELLATIONS_DOCUMENT: ExportDocument[TeamInvitations] = ExportDocument(
    "cancellations",
    ExportFormat(
        "cancel", "Cancellations for calendars (iCalendar)", ".ics",
        lambda invitations: cancellation_calendar(invitations).decode("utf-8"),
    ),
)  # fmt: skip
