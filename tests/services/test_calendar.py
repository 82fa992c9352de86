"""The team's calendar, changed through the services: a plan made for a date that leaves the calendar follows the
team to its next session instead of vanishing from the Prepare view."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest
from sqlite_utils import Database

from copdesk.core.model import Role, SessionKind
from copdesk.core.planning import NextSessionPlan, SessionRoles
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import Preset, build_rule, skip_date
from copdesk.services import planning as plans
from copdesk.services.calendar import save_series, set_series_paused, tick_planning_prompt
from copdesk.store import planning, series, teams
from copdesk.store.review import planning_ticks
from tests.services.conftest import held_a_session

NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)  # midday: the same local day everywhere
FIRST, SECOND = date(2026, 9, 10), date(2026, 9, 24)  # September's 2nd and 4th Thursdays


def _team_with_a_plan(db: Database) -> tuple[int, int, str]:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Cy Vale", Role.PRACTITIONER)], NOW)
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    reflective = series.add_series(db, team.id, SessionKind.REFLECTIVE, rule, NOW)
    cy = next(m.id for m in teams.list_members(db, team.id) if m.display_name == "Cy Vale")
    plan = NextSessionPlan(cy, date(2026, 8, 19), SessionRoles(None, None, "A sudden death at home", "Kai, after"))
    planning.save_next_session_plan(db, team.id, FIRST, plan, NOW)
    tick_planning_prompt(db, team.id, FIRST, "present-case", True)
    return team.id, reflective.id, rule


def test_skipping_the_planned_date_moves_the_plan_and_its_ticks_to_the_next_session(db: Database) -> None:
    team_id, series_id, rule = _team_with_a_plan(db)

    save_series(
        db,
        team_id,
        series_id,
        kind=SessionKind.REFLECTIVE,
        rule=skip_date(rule, FIRST),
        duration_minutes=60,
        now=NOW,
    )

    moved = planning.next_session_plan(db, team_id, SECOND)
    assert moved.roles.trigger_warning == "A sudden death at home" and moved.presenter_id is not None
    assert planning.next_session_plan(db, team_id, FIRST).is_empty
    assert planning_ticks(db, team_id, SECOND) == {"present-case"} and not planning_ticks(db, team_id, FIRST)


def test_pausing_the_series_keeps_the_plan_for_when_there_is_no_date(db: Database) -> None:
    team_id, series_id, _rule = _team_with_a_plan(db)

    set_series_paused(db, team_id, series_id, True, NOW)

    assert planning.next_session_plan(db, team_id, None).roles.support == "Kai, after"
    set_series_paused(db, team_id, series_id, False, NOW)  # resumed: back on the first date
    assert planning.next_session_plan(db, team_id, FIRST).roles.support == "Kai, after"


def test_a_plan_already_made_for_the_next_session_is_never_overwritten(db: Database) -> None:
    team_id, series_id, rule = _team_with_a_plan(db)
    own = NextSessionPlan(None, None, SessionRoles(None, None, "Its own warning", ""))
    planning.save_next_session_plan(db, team_id, SECOND, own, NOW)

    save_series(
        db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=skip_date(rule, FIRST), duration_minutes=60, now=NOW
    )

    assert planning.next_session_plan(db, team_id, SECOND).roles.trigger_warning == "Its own warning"
    assert planning.next_session_plan(db, team_id, FIRST).roles.trigger_warning == "A sudden death at home"


def test_a_length_the_database_would_refuse_is_refused_in_words_and_writes_nothing(db: Database) -> None:
    """A length of 3 minutes reached the database's check and failed there with no word the user could act on."""
    team_id, series_id, rule = _team_with_a_plan(db)
    with pytest.raises(ScheduleError, match="5 to 480 minutes, not 3"):
        save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=rule, duration_minutes=3, now=NOW)
    assert series.get_series(db, series_id).duration_minutes == 60
    assert series.rhythms(db, team_id) == {}


def _skip_first(db: Database, team_id: int, series_id: int, rule: str) -> None:
    save_series(
        db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=skip_date(rule, FIRST), duration_minutes=60, now=NOW
    )


def _plan_and_ticks_on(db: Database, team_id: int, day: date | None) -> tuple[str, set[str]]:
    return planning.next_session_plan(db, team_id, day).roles.trigger_warning, planning_ticks(db, team_id, day)


def test_undoing_a_skip_brings_the_plan_and_its_ticks_back_to_its_date(db: Database) -> None:
    """The plan stayed on the next session it had followed to, while the date it was made for was back and next."""
    team_id, series_id, rule = _team_with_a_plan(db)
    _skip_first(db, team_id, series_id, rule)

    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=rule, duration_minutes=60, now=NOW)

    assert _plan_and_ticks_on(db, team_id, FIRST) == ("A sudden death at home", {"present-case"})
    assert _plan_and_ticks_on(db, team_id, SECOND) == ("", set())
    assert planning.moved_plans(db, team_id) == {}


def test_reverting_a_rhythm_change_brings_the_plan_back_to_its_date(db: Database) -> None:
    """The series was changed to begin after the planned date, then changed back."""
    team_id, series_id, rule = _team_with_a_plan(db)
    later = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 15)))
    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=later, duration_minutes=60, now=NOW)
    assert planning.next_session_plan(db, team_id, FIRST).is_empty

    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=rule, duration_minutes=60, now=NOW)

    assert _plan_and_ticks_on(db, team_id, FIRST) == ("A sudden death at home", {"present-case"})


def test_resuming_a_paused_series_brings_the_plan_back_from_the_other_series(db: Database) -> None:
    """With a second series running, the pause moved the plan to that series' date, where a resume left it."""
    team_id, series_id, _rule = _team_with_a_plan(db)
    other = build_rule(Preset(SessionKind.TM_SSW, 1, time(14), date(2026, 10, 1)))
    series.add_series(db, team_id, SessionKind.TM_SSW, other, NOW)
    set_series_paused(db, team_id, series_id, True, NOW)
    assert _plan_and_ticks_on(db, team_id, FIRST) == ("", set())

    set_series_paused(db, team_id, series_id, False, NOW)

    assert _plan_and_ticks_on(db, team_id, FIRST) == ("A sudden death at home", {"present-case"})


def test_a_plan_made_meanwhile_for_the_date_that_comes_back_is_never_overwritten(db: Database) -> None:
    team_id, series_id, rule = _team_with_a_plan(db)
    _skip_first(db, team_id, series_id, rule)
    meanwhile = NextSessionPlan(None, None, SessionRoles(None, None, "Made meanwhile", ""))
    planning.save_next_session_plan(db, team_id, FIRST, meanwhile, NOW)

    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=rule, duration_minutes=60, now=NOW)

    assert _plan_and_ticks_on(db, team_id, FIRST) == ("Made meanwhile", set())
    assert _plan_and_ticks_on(db, team_id, SECOND) == ("A sudden death at home", {"present-case"})
    assert planning.moved_plans(db, team_id) == {}


def test_where_a_plan_came_from_is_forgotten_once_that_day_is_past(db: Database) -> None:
    """The plan that followed the team from 10 to 24 September kept its "moved from" key for good, long after 10
    September could come back."""
    team_id, series_id, rule = _team_with_a_plan(db)
    _skip_first(db, team_id, series_id, rule)
    assert planning.moved_plans(db, team_id) == {SECOND: FIRST}
    after_first = datetime(2026, 9, 11, 12, 0, tzinfo=UTC)

    later = skip_date(skip_date(rule, FIRST), date(2026, 10, 8))
    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=later, duration_minutes=60, now=after_first)

    assert planning.moved_plans(db, team_id) == {}
    assert _plan_and_ticks_on(db, team_id, SECOND) == ("A sudden death at home", {"present-case"})


def test_where_a_plan_came_from_is_forgotten_once_the_plan_is_cleared(db: Database) -> None:
    team_id, series_id, rule = _team_with_a_plan(db)
    _skip_first(db, team_id, series_id, rule)
    tick_planning_prompt(db, team_id, SECOND, "present-case", False)

    plans.save_next_session_plan(db, team_id, SECOND, NextSessionPlan(), NOW)

    assert planning.moved_plans(db, team_id) == {}


def test_a_plan_moved_to_a_session_now_past_stays_with_that_session(db: Database) -> None:
    """Changed to Tuesdays, the plan for Thursday 10 September went to Tuesday 8 September; changed back to Thursdays
    once the 8th was past, it left that session for the 10th."""
    team_id, series_id, rule = _team_with_a_plan(db)
    tuesdays = build_rule(Preset(SessionKind.REFLECTIVE, 1, time(10), date(2026, 9, 1)))
    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=tuesdays, duration_minutes=60, now=NOW)
    held = date(2026, 9, 8)
    assert planning.moved_plans(db, team_id) == {held: FIRST}
    after_it = datetime(2026, 9, 9, 12, 0, tzinfo=UTC)

    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=rule, duration_minutes=60, now=after_it)

    assert _plan_and_ticks_on(db, team_id, held) == ("A sudden death at home", {"present-case"})
    assert _plan_and_ticks_on(db, team_id, FIRST) == ("", set())
    assert planning.moved_plans(db, team_id) == {}


def test_resuming_brings_back_a_plan_for_a_date_beyond_the_next_twelve_sessions(db: Database) -> None:
    """A weekly briefing the team attends put sixteen sessions before December's reflective one. Paused, its plan
    went to January's series; a third series added then took it to November, and the resume left it there, as the
    check for a day still on the calendar looked only as far as the next twelve sessions."""
    team = teams.create_team(db, "Quay Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    series.add_series(db, team.id, SessionKind.TM_SSW, "DTSTART:20260824T090000\nRRULE:FREQ=WEEKLY;BYDAY=MO", NOW)
    december, january, november = date(2026, 12, 10), date(2027, 1, 14), date(2026, 11, 12)
    rules = [build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), day.replace(day=1))) for day in (december, january)]
    paused = series.add_series(db, team.id, SessionKind.REFLECTIVE, rules[0], NOW)
    series.add_series(db, team.id, SessionKind.REFLECTIVE, rules[1], NOW)
    plan = NextSessionPlan(None, None, SessionRoles(None, None, "A fire at the office", ""))
    planning.save_next_session_plan(db, team.id, december, plan, NOW)
    tick_planning_prompt(db, team.id, december, "present-case", True)
    set_series_paused(db, team.id, paused.id, True, NOW)
    assert _plan_and_ticks_on(db, team.id, january) == ("A fire at the office", {"present-case"})
    third = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), november.replace(day=1)))
    save_series(db, team.id, None, kind=SessionKind.REFLECTIVE, rule=third, duration_minutes=60, now=NOW)
    assert _plan_and_ticks_on(db, team.id, november) == ("", set()), "January's date is still on the calendar"

    set_series_paused(db, team.id, paused.id, False, NOW)

    assert _plan_and_ticks_on(db, team.id, december) == ("A fire at the office", {"present-case"})
    assert planning.moved_plans(db, team.id) == {}


def test_undoing_a_skip_while_the_session_is_due_brings_its_plan_back(db: Database) -> None:
    """At 10:20, with the 10:00 session skipped by mistake and not yet started, undoing the skip left its plan and
    ticks on the next date, though the 10:00 session was the next one again."""
    team_id, series_id, rule = _team_with_a_plan(db)
    _skip_first(db, team_id, series_id, rule)
    late_start = datetime.combine(FIRST, time(10, 20)).astimezone()

    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=rule, duration_minutes=60, now=late_start)

    assert _plan_and_ticks_on(db, team_id, FIRST) == ("A sudden death at home", {"present-case"})
    assert planning.moved_plans(db, team_id) == {}


def test_undoing_a_skip_just_after_midnight_brings_the_plan_back_to_the_late_session_still_due(db: Database) -> None:
    """At 00:10 the 23:30 session of the day before is still due: undoing its skip then left its plan and ticks on the
    next date, as the day it was made for was taken as past without the hour a session still due has."""
    team_id, series_id, _rule = _team_with_a_plan(db)
    late = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(23, 30), date(2026, 9, 1)))
    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=late, duration_minutes=60, now=NOW)
    _skip_first(db, team_id, series_id, late)
    after_midnight = datetime.combine(date(2026, 9, 11), time(0, 10)).astimezone()

    save_series(db, team_id, series_id, kind=SessionKind.REFLECTIVE, rule=late, duration_minutes=60, now=after_midnight)

    assert _plan_and_ticks_on(db, team_id, FIRST) == ("A sudden death at home", {"present-case"})


def test_where_a_plan_came_from_is_forgotten_at_a_start_once_that_day_is_past(db: Database) -> None:
    """With no change of the calendar after 10 September, the plan's "moved from" key stayed in the settings for
    good. A start forgets it once the team has held a session since (the clock alone is not trusted)."""
    team_id, series_id, rule = _team_with_a_plan(db)
    _skip_first(db, team_id, series_id, rule)
    plans.forget_spent_planning(db, NOW)
    assert planning.moved_plans(db, team_id) == {SECOND: FIRST}, "10 September could still come back"
    held_a_session(db, team_id, datetime(2026, 9, 10, 15, 0, tzinfo=UTC))

    plans.forget_spent_planning(db, datetime(2026, 9, 11, 12, 0, tzinfo=UTC))

    assert planning.moved_plans(db, team_id) == {}
    assert _plan_and_ticks_on(db, team_id, SECOND) == ("A sudden death at home", {"present-case"})
