"""Invitations for Business Support: the .ics holds exactly CoPDesk's calendar in patterns Outlook can keep, and
the invite list holds names and roles only."""

from __future__ import annotations

import calendar
import csv
import io
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event

from copdesk.core.invitations import SeriesToInvite, calendar_key, invite_list_csv, series_calendar, to_invite
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Member, Role, Series, SessionKind
from copdesk.core.schedule import Preset, add_one_off, build_rule, occurrences_between, skip_date

NOW = datetime(2026, 8, 20, 9, 0, tzinfo=UTC)
FIRST, LAST = datetime(2026, 9, 1), datetime(2028, 8, 31, 23, 59)
TEXTS = shipped_texts()
KEY = calendar_key(7, "2026-08-01T09:00:00+00:00")


def _rules() -> list[SeriesToInvite]:
    reflective = build_rule(Preset(SessionKind.REFLECTIVE, calendar.THURSDAY, time(10), date(2026, 9, 1)))
    reflective = skip_date(skip_date(reflective, date(2026, 9, 24)), date(2026, 10, 8))  # one of each week
    reflective = add_one_off(reflective, datetime(2026, 12, 17, 14, 0))
    spotlight = build_rule(Preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, time(13), date(2026, 9, 1)))
    return [
        SeriesToInvite(4, SessionKind.REFLECTIVE, reflective, 60, TEXTS.session_type(SessionKind.REFLECTIVE).owner),
        SeriesToInvite(5, SessionKind.SPOTLIGHT, spotlight, 90, TEXTS.session_type(SessionKind.SPOTLIGHT).owner),
    ]


def _rule(event: Event) -> str:
    return str(event.rrules[0].to_ical().decode())


def _expand(event: Event) -> set[datetime]:
    """An event's dates as any calendar program reads them: DTSTART, RRULE and EXDATE, by dateutil."""
    start = event.start
    assert isinstance(start, datetime)
    if not event.rrules:
        return {start}
    found = set(rrulestr(_rule(event), dtstart=start).between(FIRST, LAST, inc=True))
    return found - set(event.exdates)


def test_the_file_holds_exactly_copdesks_sessions_in_patterns_outlook_keeps() -> None:
    series = _rules()
    parsed = Calendar.from_ical(series_calendar(KEY, "Harbour Team", series, NOW))
    events = parsed.events
    expected = {moment for s in series for moment in occurrences_between(s.rule, FIRST, LAST)}
    assert set().union(*(_expand(event) for event in events)) == expected
    recurring = [event for event in events if event.rrules]
    assert sorted(_rule(event).rsplit("BYDAY=", 1)[1].split(";")[0] for event in recurring) == ["2TH", "4TH", "TU"]
    for event in recurring:  # DTSTART is one of the rule's own dates (skipped or not): Outlook adds no stray one
        assert rrulestr(_rule(event), dtstart=event.start)[0] == event.start
    assert len({event.uid for event in events}) == len(events) == 4  # two reflective, a Spotlight, a one-off
    assert {event.summary for event in events} == {
        "Reflective practice CoP: Harbour Team",
        "Spotlight session: Harbour Team",
    }
    spotlight = next(event for event in events if (event.summary or "").startswith("Spotlight"))
    assert spotlight.duration == timedelta(minutes=90)
    assert spotlight.description == (
        "Spotlight session for Harbour Team. Who runs it: “managed by Social Work Consultants/Convenors” "
        "(Masterclass, Different CoP sessions). Invitation made with CoPDesk."
    )
    start = spotlight.start
    assert isinstance(start, datetime) and start.tzinfo is None, "floating local time, as CoPDesk keeps it"
    assert b"VERSION:2.0" in parsed.to_ical() and b"METHOD:PUBLISH" in parsed.to_ical()


def test_a_one_off_skipped_by_an_earlier_build_is_not_invited() -> None:
    """Skipping a one-off once left its RDATE beside an EXDATE: CoPDesk showed no session, the file invited one."""
    (reflective, _spotlight) = _rules()
    extra = datetime(2026, 12, 17, 14, 0)
    pair = reflective.rule + f"\nEXDATE:{extra:%Y%m%dT%H%M%S}"
    assert extra not in occurrences_between(pair, FIRST, LAST)
    parsed = Calendar.from_ical(series_calendar(KEY, "Harbour Team", [replace(reflective, rule=pair)], NOW))
    assert extra not in set().union(*(_expand(event) for event in parsed.events))
    assert not [event for event in parsed.events if "extra" in str(event.uid)]


def test_two_teams_kept_in_two_databases_never_share_an_event() -> None:
    """A calendar matches events by UID: team 1 of one facilitator's database and team 1 of another's must not
    replace each other's meetings, and a new export of the same team updates the meetings already imported."""

    def uids(key: str) -> set[str]:
        return {str(event.uid) for event in Calendar.from_ical(series_calendar(key, "Team", _rules(), NOW)).events}

    ours, theirs = calendar_key(1, "2026-08-01T09:00:00+00:00"), calendar_key(1, "2026-08-03T14:12:09+00:00")
    assert uids(ours).isdisjoint(uids(theirs))
    assert uids(ours) == uids(calendar_key(1, "2026-08-01T09:00:00+00:00"))
    assert calendar_key(2, "2026-08-01T09:00:00+00:00") != ours


def test_the_calendars_name_is_escaped_as_ical_text() -> None:
    """A comma, a semicolon or a backslash in a team's name is text, not the calendar's own punctuation."""
    data = series_calendar(KEY, 'Ward 7; "North", East\\West', _rules(), NOW)
    assert b'X-WR-CALNAME:CoP sessions: Ward 7\\; "North"\\, East\\\\West\r\n' in data


def test_paused_series_are_not_invited() -> None:
    rule = build_rule(Preset(SessionKind.THEMED, 2, time(14), date(2026, 9, 1)))
    paused = Series(1, 7, SessionKind.THEMED, rule, 60, active=False)
    running = Series(2, 7, SessionKind.THEMED, rule, 60)
    assert [s.series_id for s in to_invite([paused, running])] == [2]
    assert to_invite([running])[0].run_by.text == "facilitated by Practice Supervisors"


def test_the_invite_list_is_names_and_roles_only() -> None:
    members = [
        Member(1, 7, "Ash Lee", Role.FACILITATOR),
        Member(2, 7, "=Bo Day", Role.CO_FACILITATOR),
        Member(3, 7, "Cy Vale", Role.PRACTITIONER, active=False),
        Member(4, 7, "Dee Guest", Role.GUEST),
        Member(5, 7, "Zoë Ng", Role.STUDENT_ASYE),
    ]
    rows = list(csv.reader(io.StringIO(invite_list_csv("Harbour Team", members))))
    assert rows == [
        ["Team", "Name", "Role"],
        ["Harbour Team", "Ash Lee", "Facilitator"],
        ["Harbour Team", "'=Bo Day", "Co-facilitator"],  # a spreadsheet shows it, never runs it
        ["Harbour Team", "Zoë Ng", "Student / ASYE"],
    ]
