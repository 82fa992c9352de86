"""The team calendar over all its series: the single source of every "next session"."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlite_utils import Database

from copdesk.core.model import Role, SessionKind
from copdesk.core.schedule import Preset, build_rule, skip_date
from copdesk.store import schedule, series, teams

# Midday on 20 August: the same local day in every time zone, so the tests hold wherever they run.
NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 1, tzinfo=UTC)  # the day a past period is looked at


@pytest.fixture
def team_id(db: Database) -> int:
    team = teams.create_team(db, "Calendar Team", [("Fern Quill", Role.FACILITATOR)], NOW)
    spotlight = build_rule(Preset(SessionKind.SPOTLIGHT, 1, time(13), date(2026, 9, 1)))
    reflective = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(db, team.id, SessionKind.SPOTLIGHT, spotlight, NOW)
    series.add_series(db, team.id, SessionKind.REFLECTIVE, reflective, NOW)
    return team.id


def test_next_session_is_the_earliest_over_all_series(db: Database, team_id: int) -> None:
    found = schedule.next_session(db, team_id, NOW)
    assert found is not None
    # Tuesday 8 September (the first full week) comes before Thursday 10 September (the 2nd Thursday).
    assert (found.moment, found.kind) == (datetime(2026, 9, 8, 13, 0), SessionKind.SPOTLIGHT)
    # An action due "next session" is followed up at the next session the team runs, not at a Spotlight it attends.
    assert schedule.next_session_date(db, team_id, NOW) == date(2026, 9, 10)


def test_upcoming_sessions_merge_the_series_in_date_order(db: Database, team_id: int) -> None:
    moments = [(s.moment.date(), s.kind) for s in schedule.upcoming_sessions(db, team_id, NOW, 5)]
    assert moments == [
        (date(2026, 9, 8), SessionKind.SPOTLIGHT),
        (date(2026, 9, 10), SessionKind.REFLECTIVE),
        (date(2026, 9, 24), SessionKind.REFLECTIVE),  # the 4th Thursday: September keeps its second session
        (date(2026, 10, 6), SessionKind.SPOTLIGHT),
        (date(2026, 10, 8), SessionKind.REFLECTIVE),
    ]


def test_a_paused_series_and_a_skipped_date_leave_the_calendar(db: Database, team_id: int) -> None:
    spotlight, reflective = series.series_for_team(db, team_id)
    series.update_series(
        db,
        spotlight.id,
        kind=spotlight.kind,
        rule=skip_date(spotlight.rule, date(2026, 9, 8)),
        duration_minutes=spotlight.duration_minutes,
        now=NOW,
    )
    series.set_series_active(db, reflective.id, False, NOW)
    found = schedule.next_session(db, team_id, NOW)
    assert found is not None and found.moment == datetime(2026, 10, 6, 13, 0)


def test_scheduled_between_counts_whole_days_inclusive(db: Database, team_id: int) -> None:
    found = schedule.scheduled_between(db, team_id, date(2026, 10, 6), date(2026, 10, 22), NOW)
    assert [(s.moment.day, s.kind) for s in found] == [
        (6, SessionKind.SPOTLIGHT),
        (8, SessionKind.REFLECTIVE),
        (22, SessionKind.REFLECTIVE),
    ]


def test_a_past_period_counts_the_dates_its_calendar_held_before_a_pause(db: Database, team_id: int) -> None:
    """Pausing a series (for a summer, say) took its dates out of every quarter already past: the quarterly report
    then read "6 held of 0 on its calendar"."""
    _spotlight, reflective = series.series_for_team(db, team_id)

    def reflective_days(first: date, last: date) -> list[int]:
        return [
            s.moment.day
            for s in schedule.scheduled_between(db, team_id, first, last, LATER)
            if s.series_id == reflective.id
        ]

    september = (date(2026, 9, 1), date(2026, 9, 30))
    assert reflective_days(*september) == [10, 24]
    series.set_series_active(db, reflective.id, False, datetime(2026, 9, 20, 9, 0, tzinfo=UTC))
    assert reflective_days(*september) == [10], "the date before the pause stays scheduled"
    coming = schedule.upcoming_sessions(db, team_id, NOW, 6)
    assert all(found.series_id != reflective.id for found in coming), "nor any date to come"
    series.set_series_active(db, reflective.id, False, datetime(2026, 9, 25, 9, 0, tzinfo=UTC))  # already paused
    series.set_series_active(db, reflective.id, True, datetime(2026, 10, 1, 9, 0, tzinfo=UTC))
    assert reflective_days(*september) == [10], "nothing while it was paused"
    assert reflective_days(date(2026, 10, 1), date(2026, 10, 31)) == [8, 22], "and all again once resumed"
    rows = db.execute("SELECT paused_at, resumed_at FROM series_pause WHERE series_id = ?", [reflective.id]).fetchall()
    assert rows == [("2026-09-20T09:00:00+00:00", "2026-10-01T09:00:00+00:00")]
    series.set_series_active(db, reflective.id, False, datetime(2027, 11, 1, 9, 0, tzinfo=UTC))  # the clock ahead
    assert reflective_days(date(2026, 12, 1), date(2026, 12, 31)) == [], (
        "a pause pressed while the clock ran a year ahead takes the dates to come off from now, not from next year"
    )


def test_a_past_period_counts_the_rhythm_its_calendar_had_before_a_change(db: Database, team_id: int) -> None:
    """Changing a series' day or type rewrote every quarter already past: September's two Reflective sessions
    became the new rhythm's Themed dates, or none."""
    _spotlight, reflective = series.series_for_team(db, team_id)

    def reflective_days(first: date, last: date) -> list[tuple[int, SessionKind]]:
        found = schedule.scheduled_between(db, team_id, first, last, LATER)
        return [(s.moment.day, s.kind) for s in found if s.series_id == reflective.id]

    def change(rule: str, kind: SessionKind, at: datetime) -> None:
        series.update_series(db, reflective.id, kind=kind, rule=rule, duration_minutes=60, now=at)

    september, october = (date(2026, 9, 1), date(2026, 9, 30)), (date(2026, 10, 1), date(2026, 10, 31))
    assert reflective_days(*september) == [(10, SessionKind.REFLECTIVE), (24, SessionKind.REFLECTIVE)]
    change(skip_date(reflective.rule, date(2026, 9, 24)), SessionKind.REFLECTIVE, datetime(2026, 9, 24, 15, tzinfo=UTC))
    assert reflective_days(*september) == [(10, SessionKind.REFLECTIVE), (24, SessionKind.REFLECTIVE)], (
        "a session skipped once its time had passed was on the calendar"
    )
    themed = build_rule(Preset(SessionKind.THEMED, 2, time(14), date(2026, 10, 1)))
    change(themed, SessionKind.THEMED, datetime(2026, 10, 1, 9, tzinfo=UTC))
    change(themed, SessionKind.THEMED, datetime(2026, 10, 2, 9, tzinfo=UTC))  # saved again unchanged
    assert reflective_days(*september) == [(10, SessionKind.REFLECTIVE), (24, SessionKind.REFLECTIVE)]
    new_days = [day for day, kind in reflective_days(*october) if kind == SessionKind.THEMED]
    assert reflective_days(*october) == [(day, SessionKind.THEMED) for day in new_days] and new_days, (
        "from the change on, only the new rhythm counts"
    )
    rows = db.execute("SELECT kind, replaced_at FROM series_rhythm WHERE series_id = ?", [reflective.id]).fetchall()
    assert rows == [("reflective", "2026-09-24T15:00:00+00:00"), ("reflective", "2026-10-01T09:00:00+00:00")]
    change(reflective.rule, SessionKind.REFLECTIVE, datetime(2027, 11, 1, tzinfo=UTC))  # the clock a year ahead
    assert reflective_days(date(2026, 12, 1), date(2026, 12, 31)) == [
        (10, SessionKind.REFLECTIVE),
        (24, SessionKind.REFLECTIVE),
    ], "a change dated after now (1 December) counts from now: the month to come is the present rhythm's"


def test_a_team_without_series_has_no_next_session(db: Database) -> None:
    team = teams.create_team(db, "Empty Team", [], NOW)
    assert schedule.next_session(db, team.id, NOW) is None
    assert schedule.upcoming_sessions(db, team.id, NOW, 6) == []


def test_update_series_changes_kind_rule_and_duration_together(db: Database, team_id: int) -> None:
    first = series.series_for_team(db, team_id)[0]
    themed = build_rule(Preset(SessionKind.THEMED, 2, time(14), date(2026, 9, 1)))
    updated = series.update_series(db, first.id, kind=SessionKind.THEMED, rule=themed, duration_minutes=90, now=NOW)
    assert (updated.kind, updated.rule, updated.duration_minutes) == (SessionKind.THEMED, themed, 90)


def test_a_series_whose_rule_no_longer_reads_does_not_hide_the_others(db: Database, team_id: int) -> None:
    spotlight, _ = series.series_for_team(db, team_id)
    series.update_series(
        db,
        spotlight.id,
        kind=spotlight.kind,
        rule="RRULE:FREQ=SOMETIMES",
        duration_minutes=spotlight.duration_minutes,
        now=NOW,
    )
    found = schedule.next_session(db, team_id, NOW)
    assert found is not None and (found.moment, found.kind) == (datetime(2026, 9, 10, 10, 0), SessionKind.REFLECTIVE)


def _weekly(moment: datetime) -> str:
    day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[moment.weekday()]
    return f"DTSTART:{moment:%Y%m%dT%H%M%S}\nRRULE:FREQ=WEEKLY;BYDAY={day}"


def test_a_session_whose_start_just_passed_is_still_the_next_one_until_it_is_held(db: Database, team_id: int) -> None:
    """A facilitator starting two minutes late still sees that session (and its plan), not the one after it."""
    from copdesk.store import sessions

    def next_at(local: datetime) -> datetime | None:
        found = schedule.next_due(db, team_id, local.astimezone())  # the rules are local wall time
        return found.moment if found else None

    due = datetime(2026, 9, 10, 10, 0)  # the 2nd Thursday's Reflective session
    assert next_at(due.replace(minute=2)) == due
    assert next_at(due.replace(minute=59)) == due
    assert next_at(due.replace(hour=11, minute=1)) == datetime(2026, 9, 24, 10, 0)  # an hour on: missed

    held = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, due.replace(minute=3).astimezone())
    sessions.start_session(db, held.id, due.replace(minute=3).astimezone(), ground_rules_agreed=True)
    assert next_at(due.replace(minute=40)) == datetime(2026, 9, 24, 10, 0)  # held: the next is the one after


def test_a_session_started_earlier_that_hour_does_not_hold_the_one_due_now(db: Database) -> None:
    """A themed hour at 09:00 started late, at 09:25, is not the Reflective session due at 10:00."""
    from copdesk.store import sessions

    team = teams.create_team(db, "Two Sessions Team", [("Fern Quill", Role.FACILITATOR)], NOW)
    themed_at, reflective_at = datetime(2026, 9, 10, 9, 0), datetime(2026, 9, 10, 10, 0)
    series.add_series(db, team.id, SessionKind.THEMED, _weekly(themed_at), NOW)
    series.add_series(db, team.id, SessionKind.REFLECTIVE, _weekly(reflective_at), NOW)
    themed = sessions.create_session(db, team.id, SessionKind.THEMED, NOW, planned_start=themed_at.astimezone())
    sessions.start_session(db, themed.id, themed_at.replace(minute=25).astimezone(), ground_rules_agreed=True)

    found = schedule.next_due(db, team.id, reflective_at.replace(minute=10).astimezone())

    assert found is not None and (found.moment, found.kind) == (reflective_at, SessionKind.REFLECTIVE)
    early = schedule.next_due(db, team.id, themed_at.replace(minute=30).astimezone())
    assert early is not None and early.moment == reflective_at  # the themed hour was held, by its planned start


def test_a_session_started_early_for_the_next_one_holds_it_before_its_start(db: Database, team_id: int) -> None:
    """Begun at 09:20 for the 10:00 session: at 09:50 the next session is the one after, not 10:00 again."""
    from copdesk.store import sessions

    due = datetime(2026, 9, 10, 10, 0)
    early = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW, planned_start=due.astimezone())
    sessions.start_session(db, early.id, due.replace(hour=9, minute=20).astimezone(), ground_rules_agreed=True)

    found = schedule.next_due(db, team_id, due.replace(hour=9, minute=50).astimezone())

    assert found is not None and found.moment == datetime(2026, 9, 24, 10, 0)


def test_a_changed_length_is_kept_as_a_rhythm_of_its_own(db: Database, team_id: int) -> None:
    """The length was saved over the old one: every meeting already held took the new length in the invitations."""
    first = series.series_for_team(db, team_id)[0]
    series.update_series(db, first.id, kind=first.kind, rule=first.rule, duration_minutes=90, now=NOW)
    series.update_series(db, first.id, kind=first.kind, rule=first.rule, duration_minutes=90, now=LATER)
    ((earlier, _replaced),) = series.rhythms(db, team_id)[first.id]
    assert (earlier.rule, earlier.duration_minutes) == (first.rule, 60)
    (history,) = [history for found, history in schedule.series_histories(db, team_id, LATER) if found.id == first.id]
    assert [stretch.duration_minutes for stretch in history.stretches] == [60, 90]


def test_the_next_session_the_team_runs_is_found_past_twelve_it_attends(db: Database) -> None:
    """A weekly briefing the team attends came sixteen times before December's reflective session: the plan had no
    session to be made for, as only the next twelve sessions of any type were looked at."""
    team = teams.create_team(db, "Quay Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    series.add_series(db, team.id, SessionKind.TM_SSW, "DTSTART:20260824T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO", NOW)
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 12, 1)))
    series.add_series(db, team.id, SessionKind.REFLECTIVE, rule, NOW)

    found = schedule.next_due(db, team.id, NOW, lambda kind: kind is SessionKind.REFLECTIVE)

    assert found is not None and found.moment == datetime(2026, 12, 10, 10)
