"""Invitations for Business Support: a team's series as an iCalendar file, and its invite list as CSV.

The masterclass has Business Support "invite relevant attendees to CoPs" and "Manage invite list for CoPs (if
required)". The .ics file holds one recurring event per rhythm, so Outlook imports each as a recurring meeting:
its RRULE, the skipped dates as EXDATEs, and each one-off as an event of its own (Outlook ignores RDATE). Outlook
keeps one ordinal per monthly pattern ("the second Thursday"), so a "2nd and 4th Thursday" series becomes two
events, each with its own dates skipped. DTSTART is each event's first session: Outlook counts DTSTART as a
meeting even when the rule would not. Times are floating local wall time, as CoPDesk keeps them: "Thursday at
10:00" for whoever opens the invitation in the team's time zone. Calendar programs match events by UID, so each
UID carries the team's calendar key (:func:`calendar_key`): two teams' meetings, kept in two databases, never
replace each other in one calendar. The file is built with the ``icalendar`` library; the invite list holds
names and roles only, never participation.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vRecur, vText

from copdesk.core.date_names import DAY_NAMES
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Member, Role, Series, SessionKind
from copdesk.core.provenance import Attributed
from copdesk.core.rule_text import rule_stamp
from copdesk.core.schedule import (
    Pattern,
    first_session,
    occurrences,
    occurrences_between,
    parse_rule,
    rule_lines,
)
from copdesk.core.text import csv_safe

PRODUCT_ID = "-//CoPDesk//CoP invitations//EN"
INVITE_HEADERS = ("Team", "Name", "Role")


@dataclass(frozen=True, slots=True)
class SeriesToInvite:
    series_id: int
    kind: SessionKind
    rule: str
    duration_minutes: int
    run_by: Attributed  # who runs this type, in the masterclass's words


@dataclass(frozen=True, slots=True)
class _Recurring:
    key: str
    first: datetime
    rrule: str
    skipped: tuple[datetime, ...]


def to_invite(series: Iterable[Series]) -> list[SeriesToInvite]:
    """The active series, each with who runs its type (the masterclass's words, for the invitation's text)."""
    texts = shipped_texts()
    return [
        SeriesToInvite(s.id, s.kind, s.rule, s.duration_minutes, texts.session_type(s.kind).owner)
        for s in series
        if s.active
    ]


def calendar_key(team_id: int, team_created_at: str) -> str:
    """What tells this team's invitations from every other CoPDesk team's, in any database: its number and the
    moment it was made, digested (a number alone repeats from one database to the next; the key stays the same
    through a rename, so a new export updates the meetings a calendar already holds)."""
    return hashlib.sha256(f"{team_id}|{team_created_at}".encode()).hexdigest()[:20]


def series_calendar(key: str, team_name: str, series: Iterable[SeriesToInvite], now: datetime) -> bytes:
    """The .ics file: every active series of the team (``key`` its :func:`calendar_key`), each recurring event
    named with its type and team."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(f"CoP sessions: {team_name}"))
    stamp = now.astimezone(UTC)
    for entry in series:
        lines = rule_lines(entry.rule)
        for part in _recurrences(entry.rule):
            event = _event(key, team_name, entry, part.key, part.first, stamp)
            event.add("rrule", vRecur.from_ical(part.rrule))
            if part.skipped:
                event.add("exdate", list(part.skipped))
            calendar.add_component(event)
        # A one-off that an earlier build skipped kept its RDATE beside the EXDATE: it is not a session.
        for moment in (moment for moment in lines.one_offs if moment not in lines.skipped):
            calendar.add_component(_event(key, team_name, entry, f"extra-{moment:%Y%m%dT%H%M}", moment, stamp))
    data: bytes = calendar.to_ical()
    return data


def _recurrences(rule_text: str) -> Iterator[_Recurring]:
    """One recurring event per Outlook pattern: a "2nd and 4th Thursday" rule splits in two, other rules stay whole."""
    lines = rule_lines(rule_text)
    parsed = parse_rule(rule_text)
    if parsed.pattern is Pattern.NTH_WEEKDAY and parsed.weekday is not None and len(parsed.week_ordinals) > 1:
        day = DAY_NAMES[parsed.weekday][:2].upper()  # RFC 5545's MO to FR
        for ordinal in parsed.week_ordinals:
            rrule = f"FREQ=MONTHLY;INTERVAL={parsed.interval};BYDAY={ordinal}{day}"
            alone = f"DTSTART:{rule_stamp(lines.first)}\nRRULE:{rrule}"
            first = occurrences(alone, lines.first - timedelta(seconds=1), 1)[0]
            skipped = tuple(moment for moment in lines.skipped if occurrences_between(alone, moment, moment))
            yield _Recurring(f"week-{ordinal}", first, rrule, skipped)
        return
    for number, rrule in enumerate(lines.rrules, start=1):
        yield _Recurring(f"rule-{number}", first_session(rule_text), rrule, lines.skipped)


def _event(team_key: str, team_name: str, entry: SeriesToInvite, key: str, start: datetime, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"copdesk-{team_key}-series{entry.series_id}-{key}@copdesk.invalid")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=entry.duration_minutes))
    event.add("summary", f"{entry.kind.label}: {team_name}")
    who = entry.run_by.with_credit()
    event.add("description", f"{entry.kind.label} for {team_name}. Who runs it: {who}. Invitation made with CoPDesk.")
    event.add("categories", [entry.kind.label, team_name])
    return event


def invite_list_csv(team_name: str, members: Iterable[Member]) -> str:
    """Who to invite: the team's active people (guests came once and are left out), with their roles only."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(INVITE_HEADERS)
    for member in members:
        if member.active and member.role is not Role.GUEST:
            writer.writerow([csv_safe(team_name), csv_safe(member.display_name), member.role.label])
    return buffer.getvalue()


@dataclass(frozen=True, slots=True)
class TeamInvitations:
    """What a team's invitations are made from: its series (the calendar) and its roster (the invite list)."""

    calendar_key: str
    team_name: str
    series: tuple[SeriesToInvite, ...]
    members: tuple[Member, ...]
    made_at: datetime


def _calendar_text(invitations: TeamInvitations) -> str:
    calendar = series_calendar(invitations.calendar_key, invitations.team_name, invitations.series, invitations.made_at)
    return calendar.decode("utf-8")


INVITATIONS_DOCUMENT: ExportDocument[TeamInvitations] = ExportDocument(
    "invitations",
    ExportFormat("ics", "Calendar for Outlook (iCalendar)", ".ics", _calendar_text),
    ExportFormat("csv", "Invite list (CSV)", ".csv", lambda invitations: invite_list_csv(
        invitations.team_name, invitations.members
    )),
)  # fmt: skip
