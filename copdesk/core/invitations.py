"""Invitations for Business Support: a team's series as an iCalendar file, and its invite list as CSV.

The masterclass has Business Support "invite relevant attendees to CoPs" and "Manage invite list for CoPs (if
required)". The .ics file holds one recurring event per rhythm, so Outlook imports each as a recurring meeting:
its RRULE, the skipped dates as EXDATEs, and each one-off as an event of its own (Outlook ignores RDATE). Outlook
keeps one ordinal per monthly pattern ("the second Thursday"), so a "2nd and 4th Thursday" series becomes two
events, each with its own dates skipped. DTSTART is each event's first session: Outlook counts DTSTART as a
meeting even when the rule would not.

A series whose rhythm was changed (``copdesk.core.series_history``) has one set of events per rhythm. This is
what Outlook, Google Calendar and Apple Calendar do themselves when a meeting series is changed "from this one
on", and the only form all three import alike: the earlier rhythm keeps its UID and gets an RRULE UNTIL (its last
session before the change), and the new rhythm is a new series with a UID of its own, starting at its first
session after the change. A single event holding both rhythms would need RECURRENCE-ID with RANGE=THISANDFUTURE,
which none of them reads. A pause still on ends the rhythm's event with an UNTIL the same way; the dates of a pause
that is over are EXDATEs, so a resumed series continues in the same event. Re-importing a new file updates the
meetings a calendar already holds: the UIDs never change (the first rhythm keeps the one files had before rhythms
were kept, a later one is named by its place in the series' history), SEQUENCE counts the revisions of the event's
dates (a change, a skipped date, a pause, a resume) and DTSTAMP is when the file was made (RFC 5545 for a file with
a METHOD). Times carry the computer's time zone (TZID, described in a VTIMEZONE, ``copdesk.core.time_zone``):
"Thursday at 10:00" stays at 10:00 across the clock change.

Calendar programs match events by UID, so each UID carries the team's calendar key (:func:`calendar_key`): two
teams' meetings, kept in two databases, never replace each other in one calendar. The file is built with the
``icalendar`` library; the invite list holds names and roles only, never participation. Each rhythm's meetings last
as long as its sessions did then (a changed length is a change of rhythm). A calendar that imported an earlier file
keeps the meetings a new one no longer has until it is sent their cancellation (``copdesk.core.cancellations``).
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
from copdesk.core.rule_text import ScheduleError, rrule_fields, rule_stamp
from copdesk.core.schedule import Pattern, occurrences, occurrences_between, parse_rule, rule_lines
from copdesk.core.series_history import SeriesHistory, Stretch
from copdesk.core.text import csv_safe
from copdesk.core.time_zone import CalendarZone, vtimezone

PRODUCT_ID = "-//CoPDesk//CoP invitations//EN"
INVITE_HEADERS = ("Team", "Name", "Role")
_BOUNDS = ("COUNT", "UNTIL")


@dataclass(frozen=True, slots=True)
class SeriesToInvite:
    history: SeriesHistory

    @property
    def series_id(self) -> int:
        return self.history.series_id


@dataclass(frozen=True, slots=True)
class _Run:
    """Consecutive rhythms of a series with the same type, first session, repeats and length: one recurring event
    (a date skipped or a one-off added makes a new rhythm, not a new series of meetings). ``number`` is the place of
    its first rhythm in the series' history."""

    number: int
    kind: SessionKind
    minutes: int
    first: datetime
    rrules: tuple[str, ...]
    stretches: tuple[Stretch, ...]


@dataclass(frozen=True, slots=True)
class _Recurring:
    key: str
    first: datetime
    last: datetime | None  # None: it goes on
    rrule: str
    skipped: tuple[datetime, ...]


def to_invite(histories: Iterable[tuple[Series, SeriesHistory]]) -> list[SeriesToInvite]:
    """Every series, paused ones too: a paused series' meetings end where the pause began, so a calendar that
    imported them before the pause loses the dates it no longer has."""
    return [SeriesToInvite(history) for _found, history in histories]


def calendar_key(team_id: int, team_created_at: str) -> str:
    """What tells this team's invitations from every other CoPDesk team's, in any database: its number and the
    moment it was made, digested (a number alone repeats from one database to the next; the key stays the same
    through a rename, so a new export updates the meetings a calendar already holds)."""
    return hashlib.sha256(f"{team_id}|{team_created_at}".encode()).hexdigest()[:20]


def series_calendar(
    key: str, team_name: str, series: Iterable[SeriesToInvite], now: datetime, zone: CalendarZone
) -> bytes:
    """The .ics file: every series of the team (``key`` its :func:`calendar_key`), each rhythm's recurring events
    named with its type and team, in ``zone``."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", vText(f"CoP sessions: {team_name}"))
    file = _File(key, team_name, now.astimezone(UTC), zone)
    events = [found for entry in series for found in file.events(entry)]
    first_year = min((start.year for start, _event in events), default=now.year) - 1  # before every date
    calendar.add_component(vtimezone(zone, first_year, max(first_year, now.year) + 2))
    for _start, event in events:
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data


def series_events(key: str, team_name: str, entry: SeriesToInvite, now: datetime, zone: CalendarZone) -> list[Event]:
    """The events :func:`series_calendar` holds for one series, before they are written: their times naive wall time
    in ``zone`` (UNTIL in UTC), as the file gives them with its TZID."""
    return [event for _start, event in _File(key, team_name, now.astimezone(UTC), zone).events(entry)]


@dataclass(frozen=True, slots=True)
class _File:
    team_key: str
    team_name: str
    stamp: datetime
    zone: CalendarZone

    def events(self, entry: SeriesToInvite) -> Iterator[tuple[datetime, Event]]:
        """Each event of the series, with its first date."""
        history = entry.history
        # The first rhythm's events keep the UIDs files had before rhythms were kept; a rhythm that never had a
        # session hands its UIDs on to the next, since a calendar may hold them for the dates it was to have.
        tag, had_sessions, tag_since = "", False, None
        for run in _runs(history):
            if had_sessions:
                tag, tag_since = f"rhythm{run.number}-", None
            had_sessions = False
            tag_since = run.stretches[0].since if tag_since is None else tag_since
            revisions = _revisions(tag_since, run.stretches[-1].until, history)
            for part in _recurrences(run, history):
                event = self._event(entry, run, f"{tag}{part.key}", part.first)
                event.add("sequence", revisions)
                rule = vRecur.from_ical(part.rrule)
                if part.last is not None:
                    rule["UNTIL"] = self._utc(part.last)  # RFC 5545: UTC when DTSTART has a TZID
                event.add("rrule", rule)
                if part.skipped:
                    event.add("exdate", list(part.skipped), parameters={"TZID": self.zone.tzid})
                had_sessions = True
                yield part.first, event
            for moment in _one_offs(run, history):
                yield moment, self._event(entry, run, f"extra-{moment:%Y%m%dT%H%M}", moment)

    def _utc(self, moment: datetime) -> datetime:
        return moment.replace(tzinfo=self.zone.zone).astimezone(UTC)

    def _event(self, entry: SeriesToInvite, run: _Run, key: str, start: datetime) -> Event:
        kind, event = run.kind, Event()
        event.add("uid", f"copdesk-{self.team_key}-series{entry.series_id}-{key}@copdesk.invalid")
        event.add("dtstamp", self.stamp)
        event.add("dtstart", start, parameters={"TZID": self.zone.tzid})
        event.add("duration", timedelta(minutes=run.minutes))
        event.add("summary", f"{kind.label}: {self.team_name}")
        who = shipped_texts().session_type(kind).owner.with_credit()
        description = f"{kind.label} for {self.team_name}. Who runs it: {who}. Invitation made with CoPDesk."
        event.add("description", description)
        event.add("categories", [kind.label, self.team_name])
        return event


def _runs(history: SeriesHistory) -> list[_Run]:
    runs: list[_Run] = []
    for number, stretch in enumerate(history.stretches):
        try:
            lines = rule_lines(stretch.rule)
        except ScheduleError:  # the series editor shows it and asks for it to be fixed; it holds no dates
            continue
        if stretch.since >= stretch.until:  # replaced at once (or with the clock set back): never in force
            continue
        shape = (stretch.kind, stretch.duration_minutes, lines.first, lines.rrules)
        last = runs[-1] if runs else None
        if last is not None and (last.kind, last.minutes, last.first, last.rrules) == shape:
            runs[-1] = _Run(last.number, *shape, (*last.stretches, stretch))
        else:
            runs.append(_Run(number, *shape, (stretch,)))
    return runs


def _revisions(since: datetime, until: datetime, history: SeriesHistory) -> int:
    """SEQUENCE: how often the dates under a UID were revised from ``since`` (when its first rhythm began) to
    ``until``, counting every change, pause and resume, those of a rhythm that handed the UID on included: a
    calendar keeps the event with the higher SEQUENCE, so a new file's must never be lower than an earlier one's."""
    ends = [stretch.until for stretch in history.stretches if stretch.until != datetime.max]
    changes = sum(1 for end in ends if since < end <= until)
    pauses = [bound for pause in history.pauses for bound in pause if since < bound < until]
    return changes + len(pauses)


def _parts(run: _Run) -> Iterator[tuple[str, str]]:
    """One repeat per Outlook pattern, with its key: a "2nd and 4th Thursday" rule splits in two."""
    text = f"DTSTART:{rule_stamp(run.first)}\n" + "\n".join(f"RRULE:{rrule}" for rrule in run.rrules)
    parsed = parse_rule(text)
    if parsed.pattern is Pattern.NTH_WEEKDAY and parsed.weekday is not None and len(parsed.week_ordinals) > 1:
        day = DAY_NAMES[parsed.weekday][:2].upper()  # RFC 5545's MO to FR
        for ordinal in parsed.week_ordinals:
            yield f"week-{ordinal}", f"FREQ=MONTHLY;INTERVAL={parsed.interval};BYDAY={ordinal}{day}"
        return
    for number, rrule in enumerate(run.rrules, start=1):
        yield f"rule-{number}", rrule


def _recurrences(run: _Run, history: SeriesHistory) -> Iterator[_Recurring]:
    """Each repeat's dates while the run was in force, not skipped and not paused: from its first such date, to
    its last when it ends (a change, a pause still on, or a repeat that ends by itself), with the dates between
    that the series did not hold as EXDATEs."""
    since, until = run.stretches[0].since, run.stretches[-1].until
    stop = min([until, *(start for start, end in history.pauses if end == datetime.max)])  # nothing held from here
    # Past the last change, pause or skipped date, every date of a repeat that goes on is held.
    marks = [*(bound for pause in history.pauses for bound in pause), *(s.until for s in run.stretches)]
    marks += [moment for stretch in run.stretches for moment in _skipped(stretch)]
    last_mark = max([since, *(mark for mark in marks if mark != datetime.max)])
    for key, rrule in _parts(run):
        fields = rrule_fields(rrule)
        alone = f"DTSTART:{rule_stamp(run.first)}\nRRULE:{rrule}"
        ends = stop != datetime.max or any(bound in fields for bound in _BOUNDS)
        dates = occurrences_between(alone, since, stop if ends else last_mark)
        held = [moment for moment in dates if _held(run, history, moment)]
        if not ends:
            held = held or occurrences(alone, last_mark, 1)
        if not held:
            continue
        first, last = held[0], held[-1] if ends else None
        skipped = tuple(m for m in dates if first < m and (last is None or m < last) and m not in held)
        repeat = ";".join(f"{name}={value}" for name, value in fields.items() if name not in _BOUNDS)
        yield _Recurring(key, first, last, repeat, skipped)


def _skipped(stretch: Stretch) -> tuple[datetime, ...]:
    return rule_lines(stretch.rule).skipped


def _held(run: _Run, history: SeriesHistory, moment: datetime) -> bool:
    """Whether the series held a date of one of the run's repeats: in force then, not skipped, not paused."""
    return not history.paused_at(moment) and any(
        stretch.since <= moment < stretch.until and moment not in _skipped(stretch) for stretch in run.stretches
    )


def _one_offs(run: _Run, history: SeriesHistory) -> Iterator[datetime]:
    """The run's one-offs the series held. One that an earlier build skipped kept its RDATE beside the EXDATE: it
    is not a session."""
    for stretch in run.stretches:
        lines = rule_lines(stretch.rule)
        for moment in lines.one_offs:
            if (
                stretch.since <= moment < stretch.until
                and moment not in lines.skipped
                and not history.paused_at(moment)
            ):
                yield moment


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
    zone: CalendarZone


def _calendar_text(invitations: TeamInvitations) -> str:
    calendar = series_calendar(
        invitations.calendar_key, invitations.team_name, invitations.series, invitations.made_at, invitations.zone
    )
    return calendar.decode("utf-8")


INVITATIONS_DOCUMENT: ExportDocument[TeamInvitations] = ExportDocument(
    "invitations",
    ExportFormat("ics", "Calendar for Outlook (iCalendar)", ".ics", _calendar_text),
    ExportFormat("csv", "Invite list (CSV)", ".csv", lambda invitations: invite_list_csv(
        invitations.team_name, invitations.members
    )),
)  # fmt: skip
