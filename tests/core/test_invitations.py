"""Invitations for Business Support: the .ics holds exactly CoPDesk's calendar in patterns Outlook can keep, and
the invite list holds names and roles only."""

from __future__ import annotations

import calendar
import csv
import io
import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event

from copdesk.core.invitations import SeriesToInvite, calendar_key, invite_list_csv, series_calendar, to_invite
from copdesk.core.model import Member, Role, Series, SessionKind
from copdesk.core.schedule import Preset, add_one_off, build_rule, occurrences_between, skip_date
from copdesk.core.series_history import Rhythm, SeriesHistory, series_history
from copdesk.core.time_zone import CalendarZone
from tests.ics_dates import calendar_dates, event_dates, event_rule

NOW = datetime(2026, 8, 20, 9, 0, tzinfo=UTC)
FIRST, LAST = datetime(2026, 9, 1), datetime(2028, 8, 31, 23, 59)
KEY = calendar_key(7, "2026-08-01T09:00:00+00:00")
LONDON = CalendarZone("Europe/London", ZoneInfo("Europe/London"))
THURSDAYS = build_rule(Preset(SessionKind.REFLECTIVE, calendar.THURSDAY, time(10), date(2026, 9, 1)))
TUESDAYS = build_rule(Preset(SessionKind.SPOTLIGHT, calendar.TUESDAY, time(13), date(2026, 9, 1)))


def _rules() -> list[SeriesToInvite]:
    reflective = skip_date(skip_date(THURSDAYS, date(2026, 9, 24)), date(2026, 10, 8))  # one of each week
    reflective = add_one_off(reflective, datetime(2026, 12, 17, 14, 0))
    return [
        SeriesToInvite(series_history(4, [], Rhythm(SessionKind.REFLECTIVE, reflective), [])),
        SeriesToInvite(series_history(5, [], Rhythm(SessionKind.SPOTLIGHT, TUESDAYS, 90), [])),
    ]


def _file(series: list[SeriesToInvite], team: str = "Harbour Team", now: datetime = NOW) -> Calendar:
    return Calendar.from_ical(series_calendar(KEY, team, series, now, LONDON))


def _dates(parsed: Calendar, first: datetime = FIRST, last: datetime = LAST) -> set[datetime]:
    return calendar_dates(parsed, first, last)


def _held(history: SeriesHistory, first: datetime = FIRST, last: datetime = LAST) -> set[datetime]:
    """The dates CoPDesk's own figures count for the series."""
    return {found.moment for found in history.sessions_between(first, last)}


def test_the_file_holds_exactly_copdesks_sessions_in_patterns_outlook_keeps() -> None:
    series = _rules()
    parsed = _file(series)
    events = parsed.events
    expected = {moment for s in series for moment in occurrences_between(s.history.stretches[0].rule, FIRST, LAST)}
    assert _dates(parsed) == expected
    recurring = [event for event in events if event.rrules]
    assert sorted(event_rule(event).rsplit("BYDAY=", 1)[1].split(";")[0] for event in recurring) == ["2TH", "4TH", "TU"]
    for event in recurring:  # DTSTART is one of the rule's own dates (skipped or not): Outlook adds no stray one
        assert rrulestr(event_rule(event), dtstart=event.start)[0] == event.start
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
    assert spotlight.start == datetime(2026, 9, 8, 13, 0, tzinfo=ZoneInfo("Europe/London")), "in the team's zone"
    assert b"VERSION:2.0" in parsed.to_ical() and b"METHOD:PUBLISH" in parsed.to_ical()


def test_a_one_off_skipped_by_an_earlier_build_is_not_invited() -> None:
    """Skipping a one-off once left its RDATE beside an EXDATE: CoPDesk showed no session, the file invited one."""
    (reflective, _spotlight) = _rules()
    extra = datetime(2026, 12, 17, 14, 0)
    pair = reflective.history.stretches[0].rule + f"\nEXDATE:{extra:%Y%m%dT%H%M%S}"
    assert extra not in occurrences_between(pair, FIRST, LAST)
    parsed = _file([SeriesToInvite(series_history(4, [], Rhythm(SessionKind.REFLECTIVE, pair), []))])
    assert extra not in _dates(parsed)
    assert not [event for event in parsed.events if "extra" in str(event.uid)]


def test_two_teams_kept_in_two_databases_never_share_an_event() -> None:
    """A calendar matches events by UID: team 1 of one facilitator's database and team 1 of another's must not
    replace each other's meetings, and a new export of the same team updates the meetings already imported."""

    def uids(key: str) -> set[str]:
        return {
            str(event.uid) for event in Calendar.from_ical(series_calendar(key, "Team", _rules(), NOW, LONDON)).events
        }

    ours, theirs = calendar_key(1, "2026-08-01T09:00:00+00:00"), calendar_key(1, "2026-08-03T14:12:09+00:00")
    assert uids(ours).isdisjoint(uids(theirs))
    assert uids(ours) == uids(calendar_key(1, "2026-08-01T09:00:00+00:00"))
    assert calendar_key(2, "2026-08-01T09:00:00+00:00") != ours


def test_the_calendars_name_is_escaped_as_ical_text() -> None:
    """A comma, a semicolon or a backslash in a team's name is text, not the calendar's own punctuation."""
    data = series_calendar(KEY, 'Ward 7; "North", East\\West', _rules(), NOW, LONDON)
    assert b'X-WR-CALNAME:CoP sessions: Ward 7\\; "North"\\, East\\\\West\r\n' in data


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


def _changed(pauses: list[tuple[datetime, datetime]] | None = None) -> SeriesHistory:
    """Reflective on the 2nd and 4th Thursday at 10:00 from September; on 20 November (a date skipped in October
    on the way) it became a Spotlight on Tuesdays at 13:00."""
    skipped = skip_date(THURSDAYS, date(2026, 10, 22))
    earlier = [
        (Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 10, 1, 9)),
        (Rhythm(SessionKind.REFLECTIVE, skipped), datetime(2026, 11, 20, 9)),
    ]
    return series_history(4, earlier, Rhythm(SessionKind.SPOTLIGHT, TUESDAYS), pauses or [])


def _events(parsed: Calendar) -> dict[str, Event]:
    return {str(event.uid).split("-series4-")[1]: event for event in parsed.events}


def test_a_changed_series_keeps_its_past_meetings_and_the_new_rhythm_follows() -> None:
    """The file dated a changed series from its first date with its present rule: Outlook showed the past
    Reflective Thursdays as Spotlight Tuesdays at 13:00."""
    history = _changed()
    parsed = _file([SeriesToInvite(history)], now=datetime(2026, 12, 1, tzinfo=UTC))
    assert _dates(parsed) == _held(history)
    events = _events(parsed)
    assert set(events) == {"week-2@copdesk.invalid", "week-4@copdesk.invalid", "rhythm2-rule-1@copdesk.invalid"}
    second, fourth, spotlight = events.values()
    assert "UNTIL=20261112T100000Z" in event_rule(second), "its last session before the change, in UTC"
    assert "UNTIL=20260924T090000Z" in event_rule(fourth), "22 October was skipped, then the change"
    assert str(second.summary).startswith("Reflective practice CoP") and str(spotlight.summary).startswith("Spotlight")
    assert spotlight.start == datetime(2026, 12, 8, 13, tzinfo=ZoneInfo("Europe/London"))
    assert "UNTIL" not in event_rule(spotlight)


def test_a_new_file_updates_the_meetings_an_earlier_one_put_in_the_calendar() -> None:
    """Outlook matches by UID and takes the higher SEQUENCE: the rhythm's events keep the UIDs the file had before
    the change (now ending at it), and their SEQUENCE grows with each change, skip, pause and resume."""
    before = _events(_file([SeriesToInvite(series_history(4, [], Rhythm(SessionKind.REFLECTIVE, THURSDAYS), []))]))
    assert {str(event.get("sequence")) for event in before.values()} == {"0"}
    history = _changed([(datetime(2027, 1, 10), datetime(2027, 3, 1))])
    after = _events(_file([SeriesToInvite(history)], now=datetime(2027, 3, 2, tzinfo=UTC)))
    assert set(before) < set(after)
    assert [int(str(after[uid]["sequence"])) for uid in before] == [2, 2], "the skip and the change"
    spotlight = after["rhythm2-rule-1@copdesk.invalid"]
    assert int(str(spotlight["sequence"])) == 2, "the pause and the resume"
    for event in after.values():
        assert datetime(2027, 3, 2, tzinfo=UTC) == event.DTSTAMP, "DTSTAMP: when the file was made, in UTC"
    assert (
        _file([SeriesToInvite(history)], now=datetime(2027, 3, 2, tzinfo=UTC)).to_ical()
        == _file([SeriesToInvite(history)], now=datetime(2027, 3, 2, tzinfo=UTC)).to_ical()
    ), "the same calendar makes the same file"


def test_a_rhythm_changed_before_its_first_session_hands_on_its_uids() -> None:
    """A calendar that imported the rhythm before it was changed holds its dates under its UIDs: the new rhythm
    takes them over, so they are replaced rather than left beside the new ones."""
    first_tuesdays = build_rule(Preset(SessionKind.REFLECTIVE, calendar.TUESDAY, time(10), date(2026, 9, 1)))
    history = series_history(
        4,
        [(Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 8, 25, 9))],
        Rhythm(SessionKind.REFLECTIVE, first_tuesdays),
        [],
    )
    events = _events(_file([SeriesToInvite(history)]))
    assert set(events) == {"week-2@copdesk.invalid", "week-4@copdesk.invalid"}
    assert {event_rule(event).rsplit("BYDAY=", 1)[1] for event in events.values()} == {"2TU", "4TU"}
    assert _dates(_file([SeriesToInvite(history)])) == _held(history)


def test_a_uid_handed_on_never_goes_back_to_a_lower_sequence() -> None:
    """A date skipped (SEQUENCE 1), then the rhythm changed before its first session: the new rhythm took the UIDs
    with SEQUENCE 0, and a calendar keeps the event with the higher one, so it went on showing the Thursdays."""
    skipped = skip_date(THURSDAYS, date(2026, 9, 10))
    tuesdays = build_rule(Preset(SessionKind.REFLECTIVE, calendar.TUESDAY, time(10), date(2026, 9, 1)))
    thursdays = (Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 8, 21, 9))
    histories = [
        series_history(4, [], Rhythm(SessionKind.REFLECTIVE, THURSDAYS), []),
        series_history(4, [thursdays], Rhythm(SessionKind.REFLECTIVE, skipped), []),
        series_history(
            4,
            [thursdays, (Rhythm(SessionKind.REFLECTIVE, skipped), datetime(2026, 8, 25, 9))],
            Rhythm(SessionKind.REFLECTIVE, tuesdays),
            [],
        ),
    ]
    files = [_events(_file([SeriesToInvite(history)])) for history in histories]
    uids = {"week-2@copdesk.invalid", "week-4@copdesk.invalid"}
    assert [set(events) for events in files] == [uids] * 3, "the same meetings each time"
    assert [{int(str(event["sequence"])) for event in events.values()} for events in files] == [{0}, {1}, {2}]
    assert {event_rule(event).rsplit("BYDAY=", 1)[1] for event in files[-1].values()} == {"2TU", "4TU"}


def test_a_pause_ends_the_meetings_and_a_resume_continues_them() -> None:
    """A paused series was left out of the file, so a calendar kept every date it had imported."""
    spotlight = series_history(
        5, [], Rhythm(SessionKind.SPOTLIGHT, TUESDAYS), [(datetime(2026, 11, 10, 9), datetime.max)]
    )
    (event,) = _file([SeriesToInvite(spotlight)], now=datetime(2026, 11, 10, 9, tzinfo=UTC)).events
    assert "UNTIL=20261103T130000Z" in event_rule(event), "the last Spotlight before the pause"
    resumed = series_history(
        5, [], Rhythm(SessionKind.SPOTLIGHT, TUESDAYS), [(datetime(2026, 11, 10, 9), datetime(2027, 1, 20))]
    )
    parsed = _file([SeriesToInvite(resumed)], now=datetime(2027, 1, 20, tzinfo=UTC))
    (again,) = parsed.events
    assert again.uid == event.uid and "UNTIL" not in event_rule(again), "the same meetings go on"
    assert [moment.replace(tzinfo=None) for moment in again.exdates] == [
        datetime(2026, 12, 8, 13),
        datetime(2027, 1, 5, 13),
    ]
    assert _dates(parsed) == _held(resumed)
    from_the_start = series_history(
        5, [], Rhythm(SessionKind.SPOTLIGHT, TUESDAYS), [(datetime.min, datetime(2027, 1, 20))]
    )
    (late,) = _file([SeriesToInvite(from_the_start)]).events
    assert late.start == datetime(2027, 2, 2, 13, tzinfo=ZoneInfo("Europe/London")) and not late.exdates


def test_the_file_keeps_rfc_5545s_rules() -> None:
    """Lines of at most 75 octets ending in CRLF, text escaped, every time in a described zone or UTC."""
    history = _changed([(datetime(2027, 1, 10), datetime(2027, 3, 1))])
    team = "Ward 7; Zoë's, “North”\nEast"
    data = series_calendar(KEY, team, [SeriesToInvite(history), *_rules()], NOW, LONDON)
    assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    unfolded = data.replace(b"\r\n ", b"").decode()
    assert "SUMMARY:Spotlight session: Ward 7\\; Zoë's\\, “North”\\nEast\r\n" in unfolded
    assert "CATEGORIES:Spotlight session,Ward 7\\; Zoë's\\, “North”\\nEast\r\n" in unfolded
    zones = {line.split("TZID=", 1)[1].split(":", 1)[0] for line in unfolded.splitlines() if ";TZID=" in line}
    assert zones == {"Europe/London"} and unfolded.count("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n") == 1
    events = unfolded.split("BEGIN:VEVENT")[1:]
    for line in (line for event in events for line in event.splitlines()):
        name = line.split(":", 1)[0]
        if name.split(";")[0] in {"DTSTART", "EXDATE"}:
            assert ";TZID=" in name, line
        if "UNTIL=" in line or name == "DTSTAMP":
            assert re.search(r"(UNTIL=|DTSTAMP:)\d{8}T\d{6}Z", line), line


def test_a_session_keeps_its_wall_time_across_the_clock_change() -> None:
    """Floating times, or UTC ones, put a summer meeting an hour out for some calendar programs."""
    parsed = _file(_rules())
    spotlight = next(event for event in parsed.events if str(event.summary).startswith("Spotlight"))
    dates = sorted(event_dates(spotlight, datetime(2027, 1, 1), datetime(2027, 7, 31)))
    assert (dates[0], dates[-1]) == (datetime(2027, 1, 5, 13), datetime(2027, 7, 6, 13)), "13:00 in both"
    zone = parsed.timezones[0]
    described = zone.to_tz()  # the zone as the file describes it, not as this computer knows it
    assert [moment.replace(tzinfo=described).astimezone(UTC).hour for moment in (dates[0], dates[-1])] == [13, 12]
    assert [str(sub.get("rrule").to_ical().decode()) for sub in zone.subcomponents] == [
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    ], "yearly rules, the form Outlook reads"


def test_paused_series_are_invited_with_their_history() -> None:
    rule = build_rule(Preset(SessionKind.THEMED, 2, time(14), date(2026, 9, 1)))
    paused, running = (
        Series(1, 7, SessionKind.THEMED, rule, 60, active=False),
        Series(2, 7, SessionKind.THEMED, rule, 45),
    )
    histories = [
        (found, series_history(found.id, [], Rhythm(found.kind, found.rule, found.duration_minutes), []))
        for found in (paused, running)
    ]
    invited = to_invite(histories)
    assert [(s.series_id, s.history.stretches[-1].duration_minutes) for s in invited] == [(1, 60), (2, 45)]


def test_each_rhythm_keeps_its_own_length() -> None:
    """Every meeting took the series' present length: a team that moved to 90-minute sessions in November found its
    past hour-long meetings stretched too, and a calendar kept them, since their SEQUENCE did not change."""
    longer = series_history(
        4,
        [(Rhythm(SessionKind.SPOTLIGHT, TUESDAYS, 60), datetime(2026, 11, 1, 9))],
        Rhythm(SessionKind.SPOTLIGHT, TUESDAYS, 90),
        [],
    )
    parsed = _file([SeriesToInvite(longer)], now=datetime(2026, 11, 1, 10, tzinfo=UTC))
    hour, longer_ones = _events(parsed).values()
    assert (hour.duration, longer_ones.duration) == (timedelta(minutes=60), timedelta(minutes=90))
    assert "UNTIL=20261006T120000Z" in event_rule(hour) and int(str(hour["sequence"])) == 1
    assert longer_ones.start == datetime(2026, 11, 3, 13, tzinfo=ZoneInfo("Europe/London"))
    assert _dates(parsed) == _held(longer)
    before_the_first = series_history(
        4,
        [(Rhythm(SessionKind.SPOTLIGHT, TUESDAYS, 60), datetime(2026, 8, 25, 9))],
        Rhythm(SessionKind.SPOTLIGHT, TUESDAYS, 45),
        [],
    )
    (only,) = _file([SeriesToInvite(before_the_first)]).events
    assert only.uid == hour.uid and only.duration == timedelta(minutes=45), "the same meetings, 45 minutes long"
