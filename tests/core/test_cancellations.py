"""Cancellations: an .ics with METHOD:CANCEL that takes out of attendees' calendars the meetings an earlier invitation
file put there and the series no longer holds, read back here as a calendar program reads it."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from copdesk.core.cancellations import HORIZON, Cancelled, cancellation_calendar, cancelled_meetings, taken_off
from copdesk.core.invitations import SeriesToInvite, TeamInvitations, series_calendar
from copdesk.core.model import SessionKind
from copdesk.core.schedule import Preset, ReflectiveWeeks, build_rule, occurrences, skip_date
from copdesk.core.series_history import Rhythm, SeriesHistory, series_history
from tests.core.test_invitations import KEY, LONDON, THURSDAYS, TUESDAYS
from tests.ics_dates import event_dates, recurrence_id, sequence

TEAM = "Harbour Team"
SECOND_THURSDAYS = build_rule(
    Preset(SessionKind.REFLECTIVE, calendar.THURSDAY, time(10), date(2026, 9, 1), 60, ReflectiveWeeks.SECOND)
)


def _invitations(history: SeriesHistory, now: datetime) -> TeamInvitations:
    return TeamInvitations(KEY, TEAM, (SeriesToInvite(history),), (), now, LONDON)


def _cancel_file(history: SeriesHistory, now: datetime) -> Calendar:
    data = cancellation_calendar(_invitations(history, now))
    parsed = Calendar.from_ical(data)
    assert parsed["method"] == "CANCEL" and parsed["version"] == "2.0"
    for event in parsed.events:
        assert event["status"] == "CANCELLED" and str(event.summary).startswith("Cancelled: Reflective practice CoP")
    return parsed


def _invited(history: SeriesHistory, now: datetime) -> dict[str, Event]:
    data = series_calendar(KEY, TEAM, [SeriesToInvite(history)], now, LONDON)
    return {str(event.uid): event for event in Calendar.from_ical(data).events}


def test_a_skipped_session_is_cancelled_in_the_calendars_that_hold_it() -> None:
    """Skipping a date ended in a new invitation file alone: everyone who had imported the first kept the meeting."""
    skipped = skip_date(skip_date(THURSDAYS, date(2026, 10, 8)), date(2026, 9, 10))  # 10 September: already past
    was = (Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 9, 15, 9))
    history = series_history(4, [was], Rhythm(SessionKind.REFLECTIVE, skipped), [])
    now = datetime(2026, 9, 15, 10, tzinfo=UTC)
    before = _invited(history.as_before(datetime(2026, 9, 15, 9)), now)
    (event,) = _cancel_file(history, now).events
    assert str(event.uid) in before, "the meeting the earlier file invited to"
    assert recurrence_id(event) == datetime(2026, 10, 8, 10, tzinfo=ZoneInfo("Europe/London"))
    assert event.start == recurrence_id(event), "that occurrence alone"
    assert sequence(event) > sequence(before[str(event.uid)])
    assert sequence(event) == sequence(_invited(history, now)[str(event.uid)]), "as the new file's"


def test_a_rhythm_changed_before_its_first_session_cancels_the_meetings_it_no_longer_has() -> None:
    """2nd and 4th Thursdays (two meetings) became 2nd Thursdays (one) before the first: the 4th-Thursday meeting
    and the 2nd-Thursday one of the old shape were left in every calendar, beside the new one."""
    history = series_history(
        4,
        [(Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 8, 25, 9))],
        Rhythm(SessionKind.REFLECTIVE, SECOND_THURSDAYS),
        [],
    )
    now = datetime(2026, 8, 25, 10, tzinfo=UTC)
    before, after = _invited(history.as_before(datetime(2026, 8, 25, 9)), now), _invited(history, now)
    assert set(before).isdisjoint(after), "no meeting of the old shape is in the new file"
    events = _cancel_file(history, now).events
    assert {str(event.uid) for event in events} == set(before), "each cancelled whole"
    for event in events:
        assert "recurrence-id" not in event and sequence(event) == sequence(before[str(event.uid)]) + 1
        assert event.start == before[str(event.uid)].start
    back = series_history(
        4,
        [
            (Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 8, 25, 9)),
            (Rhythm(SessionKind.REFLECTIVE, SECOND_THURSDAYS), datetime(2026, 8, 26, 9)),
        ],
        Rhythm(SessionKind.REFLECTIVE, THURSDAYS),
        [],
    )
    (single,) = _cancel_file(back, datetime(2026, 8, 26, 10, tzinfo=UTC)).events
    assert str(single.uid) == next(iter(after)), "changed back: only the one meeting of the middle shape goes"


def test_a_shape_saved_and_replaced_in_the_same_second_still_has_its_meetings_cancelled() -> None:
    """A file made between two saves in the same second held the middle shape: its meetings were left in the
    calendars, as the history cut at that second had no room for it."""
    second = datetime(2026, 8, 25, 9)
    earlier = [
        (Rhythm(SessionKind.REFLECTIVE, THURSDAYS), second),
        (Rhythm(SessionKind.REFLECTIVE, SECOND_THURSDAYS), second),
    ]
    back = series_history(4, earlier, Rhythm(SessionKind.REFLECTIVE, THURSDAYS), [])
    middle = series_history(4, earlier[:1], Rhythm(SessionKind.REFLECTIVE, SECOND_THURSDAYS), [])
    now = datetime(2026, 8, 25, 10, tzinfo=UTC)
    (single,) = _cancel_file(back, now).events
    assert str(single.uid) in _invited(middle, now) and str(single.uid) not in _invited(back, now)


def test_a_series_changed_and_paused_in_the_same_second_cancels_the_changed_meetings() -> None:
    """A file made between the change and the pause held the new Tuesday meetings: the pause, cut at that second,
    left them in the calendars."""
    second = datetime(2026, 8, 25, 9)
    tuesdays = Rhythm(SessionKind.REFLECTIVE, TUESDAYS)
    history = series_history(
        4, [(Rhythm(SessionKind.REFLECTIVE, THURSDAYS), second)], tuesdays, [(second, datetime.max)]
    )
    changed = series_history(4, [(Rhythm(SessionKind.REFLECTIVE, THURSDAYS), second)], tuesdays, [])
    now = datetime(2026, 8, 25, 10, tzinfo=UTC)
    cancelled = {str(event.uid) for event in _cancel_file(history, now).events if "recurrence-id" not in event}
    assert set() != set(_invited(changed, now)) - set(_invited(history, now)) <= cancelled


def test_a_pause_cancels_the_dates_to_come_and_none_already_held() -> None:
    """A series paused is taken out of the calendars from the pause on, a year ahead, as dates of the same meeting:
    the meetings held before it stay as they were."""
    paused_at = datetime(2026, 11, 20, 9)
    history = series_history(4, [], Rhythm(SessionKind.REFLECTIVE, THURSDAYS), [(paused_at, datetime.max)])
    now = datetime(2026, 11, 20, 10, tzinfo=UTC)
    before = _invited(history.as_before(paused_at), now)
    events = _cancel_file(history, now).events
    assert {str(event.uid) for event in events} <= set(before)
    cancelled = sorted(recurrence_id(event).replace(tzinfo=None) for event in events)
    first, last = datetime(2026, 11, 20, 10), datetime(2026, 11, 20, 10) + HORIZON
    expected = sorted(moment for event in before.values() for moment in event_dates(event, first, last))
    assert cancelled == expected and cancelled[0] == datetime(2026, 11, 26, 10)


def _keys(found: list[Cancelled]) -> set[tuple[str, datetime | None]]:
    return {(cancelled.uid, cancelled.start if cancelled.one_date else None) for cancelled in found}


def test_what_a_change_took_off_is_what_the_cancellation_file_gained() -> None:
    """The series editor tells whether a save took a date off from the files just before and after it, not from
    every earlier file: after 20 skips, the one date the last skip took off, and the file gained exactly that."""
    start, days = datetime(2026, 8, 25, 9), occurrences(THURSDAYS, datetime(2026, 9, 1), 20)
    rules = [THURSDAYS]
    for day in days:
        rules.append(skip_date(rules[-1], day.date()))
    changes = [(Rhythm(SessionKind.REFLECTIVE, rule), start + timedelta(hours=n)) for n, rule in enumerate(rules[:-1])]
    history = series_history(4, changes, Rhythm(SessionKind.REFLECTIVE, rules[-1]), [])
    now = datetime(2026, 8, 27, 12, tzinfo=UTC)
    last = changes[-1][1]
    before, after = _invitations(history.as_before(last), now), _invitations(history, now)

    found = taken_off(before, after)

    assert [(cancelled.start, cancelled.one_date) for cancelled in found] == [(days[-1], True)]
    assert _keys(found) == _keys(cancelled_meetings(after)) - _keys(cancelled_meetings(before))
    assert taken_off(after, before) == [], "giving the date back takes nothing off"


def test_a_series_never_changed_has_nothing_to_cancel() -> None:
    history = series_history(4, [], Rhythm(SessionKind.REFLECTIVE, THURSDAYS), [])
    assert cancelled_meetings(_invitations(history, datetime(2026, 9, 1, tzinfo=UTC))) == []
    assert not _cancel_file(history, datetime(2026, 9, 1, tzinfo=UTC)).events


def test_both_files_fold_long_lines_without_splitting_a_character() -> None:
    """RFC 5545 folds at 75 octets: a fold inside an emoji's four bytes would leave two lines no calendar can read."""
    team = "Riverside 🌊🧭 Adults; North, East\\West " + "🌊" * 30
    history = series_history(
        4,
        [(Rhythm(SessionKind.REFLECTIVE, THURSDAYS), datetime(2026, 8, 25, 9))],
        Rhythm(SessionKind.REFLECTIVE, SECOND_THURSDAYS),
        [],
    )
    now = datetime(2026, 8, 25, 10, tzinfo=UTC)
    invitations = TeamInvitations(KEY, team, (SeriesToInvite(history),), (), now, LONDON)
    invited = series_calendar(KEY, team, [SeriesToInvite(history)], now, LONDON)
    for data in (invited, cancellation_calendar(invitations)):
        assert data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b"")
        lines = data.split(b"\r\n")[:-1]
        assert max(len(line) for line in lines) <= 75
        assert all(line.decode("utf-8") for line in lines), "every line whole UTF-8 on its own"
        unfolded = data.replace(b"\r\n ", b"").decode()
        assert "Riverside 🌊🧭 Adults\\; North\\, East\\\\West " + "🌊" * 30 in unfolded
        assert {str(event.summary).rsplit(": ", 1)[1] for event in Calendar.from_ical(data).events} == {team}
