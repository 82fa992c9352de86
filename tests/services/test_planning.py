"""Plans made for a TM/SSW CoP's date while CoPDesk ran that type as the facilitator's own: now that the team attends
it, the next session it runs takes the plan, or the plan stays where it is, never lost nor overwriting another."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths, restoring
from copdesk.core.agenda import load_template_folder
from copdesk.core.dates import format_uk
from copdesk.core.model import Role, SessionKind
from copdesk.core.planning import NextSessionPlan, PlanMove, SessionRoles
from copdesk.core.schedule import Preset, build_rule
from copdesk.services import calendar
from copdesk.services import planning as planning_service
from copdesk.services.planning import forget_spent_planning, plans_follow_from_attended_days
from copdesk.services.sessions import SessionPlan, discard_session, start_session
from copdesk.startup import open_for_gui, plans_follow
from copdesk.store import planning, series, sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.errors import StoreError
from copdesk.store.review import planning_ticks, set_planning_tick
from copdesk.store.schedule import upcoming_sessions
from tests.reliability.conftest import FakePrompts
from tests.services.conftest import held_a_session

NOW = datetime(2026, 8, 20, 12, 0, tzinfo=UTC)  # midday: the same local day everywhere
WARNING = "A sudden death at home"


def _team_with_a_plan_for_its_tm_ssw_date(db: Database) -> tuple[int, date, date]:
    """A team on Thursdays' 2nd and 4th weeks, with a TM/SSW CoP on Wednesday 2 September, planned for then."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Cy Vale", Role.PRACTITIONER)], NOW)
    for kind, weekday in ((SessionKind.REFLECTIVE, 3), (SessionKind.TM_SSW, 2)):
        series.add_series(db, team.id, kind, build_rule(Preset(kind, weekday, time(10), date(2026, 9, 1))), NOW)
    calendar = upcoming_sessions(db, team.id, NOW, 4)
    tm_ssw = next(found.moment.date() for found in calendar if found.kind is SessionKind.TM_SSW)
    reflective = next(found.moment.date() for found in calendar if found.kind is SessionKind.REFLECTIVE)
    assert tm_ssw < reflective  # it was the next session, so the plan was made for it
    cy = next(m.id for m in teams.list_members(db, team.id) if m.display_name == "Cy Vale")
    plan = NextSessionPlan(cy, date(2026, 8, 19), SessionRoles(None, None, WARNING, "Kai, after"))
    planning.save_next_session_plan(db, team.id, tm_ssw, plan, NOW)
    set_planning_tick(db, team.id, tm_ssw, "present-case", True)
    return team.id, tm_ssw, reflective


def test_a_plan_for_a_tm_ssw_date_goes_with_its_ticks_to_the_next_session_the_team_runs(db: Database) -> None:
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    assert planning.plans_on_attended_days(db, team_id, NOW) == [tm_ssw]

    plans_follow_from_attended_days(db, NOW)

    moved = planning.next_session_plan(db, team_id, reflective)
    assert moved.roles.trigger_warning == WARNING and moved.presenter_id is not None
    assert planning.next_session_plan(db, team_id, tm_ssw).is_empty
    assert planning_ticks(db, team_id, reflective) == {"present-case"} and not planning_ticks(db, team_id, tm_ssw)
    assert planning.plans_on_attended_days(db, team_id, NOW) == []


def test_ticks_for_a_tm_ssw_date_with_no_plan_join_those_of_the_next_session_the_team_runs(db: Database) -> None:
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    planning.save_next_session_plan(db, team_id, tm_ssw, NextSessionPlan(), NOW)  # ticked, and nothing planned
    set_planning_tick(db, team_id, reflective, "ask-presenter", True)

    assert plans_follow_from_attended_days(db, NOW) == []  # nothing to say: no plan moved

    assert planning_ticks(db, team_id, reflective) == {"ask-presenter", "present-case"}
    assert not planning_ticks(db, team_id, tm_ssw)


@pytest.mark.parametrize(("hour", "moves"), [(8, True), (15, False)])
def test_the_plan_of_a_tm_ssw_cop_due_today_moves_only_while_it_is_still_to_come(
    db: Database, hour: int, moves: bool
) -> None:
    """At 15:00 that day's 10:00 TM/SSW CoP is past (held that morning as the facilitator's own, before the upgrade):
    its plan was that session's, and moved to the next session the team runs, it came up again there."""
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    that_day = datetime.combine(tm_ssw, time(hour)).astimezone()

    plans_follow_from_attended_days(db, that_day)

    assert planning.next_session_plan(db, team_id, reflective).is_empty is not moves
    assert planning.next_session_plan(db, team_id, tm_ssw).is_empty is moves


def test_a_plan_for_a_tm_ssw_date_never_overwrites_the_next_sessions_own_and_stays_where_it_is(db: Database) -> None:
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    own = NextSessionPlan(None, None, SessionRoles(None, None, "Its own warning", ""))
    planning.save_next_session_plan(db, team_id, reflective, own, NOW)

    plans_follow_from_attended_days(db, NOW)

    assert planning.next_session_plan(db, team_id, reflective).roles.trigger_warning == "Its own warning"
    assert planning.next_session_plan(db, team_id, tm_ssw).roles.trigger_warning == WARNING
    assert planning_ticks(db, team_id, tm_ssw) == {"present-case"}
    assert planning.plans_on_attended_days(db, team_id, NOW) == [tm_ssw]


def test_a_start_gives_the_plan_for_a_tm_ssw_date_to_the_next_session_the_team_runs(tmp_path: Path) -> None:
    """The first start after the upgrade: the Prepare view (which shows the next run session's plan) shows it."""
    db_path = tmp_path / "copdesk.db"
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    team_id, _tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(opened.db)
    gone_by = date(2026, 8, 6)
    set_planning_tick(opened.db, team_id, gone_by, "present-case", True)
    held_a_session(opened.db, team_id, NOW - timedelta(days=7))
    opened.db.close()

    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None
    moved = planning.next_session_plan(started.opened.db, team_id, reflective)
    assert planning_ticks(started.opened.db, team_id, gone_by) == set(), "the ticks of a day gone by go too"
    started.opened.db.close()
    started.lock.release()
    assert moved.roles.trigger_warning == WARNING


def test_ticks_for_days_gone_by_are_forgotten_and_those_still_of_use_kept(db: Database) -> None:
    """Ticks made for each session day stayed in the settings for good, one set a session, long after its day."""
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    set_planning_tick(db, team_id, reflective, "trigger-warning", True)
    set_planning_tick(db, team_id, None, "present-case", True)
    within_the_hour = datetime.combine(tm_ssw, time(10, 30)).astimezone()  # its 10:00 session can still be due
    held_a_session(db, team_id, datetime.combine(tm_ssw, time(10)).astimezone())

    forget_spent_planning(db, within_the_hour)
    assert planning_ticks(db, team_id, tm_ssw) == {"present-case"}

    forget_spent_planning(db, datetime.combine(reflective, time(9)).astimezone())

    assert planning_ticks(db, team_id, tm_ssw) == set()
    assert planning_ticks(db, team_id, reflective) == {"trigger-warning"}, "today's, still to come"
    assert planning_ticks(db, team_id, None) == {"present-case"}, "made while there was no date"
    assert planning.next_session_plan(db, team_id, tm_ssw).roles.trigger_warning == WARNING, "the plan stays"


def test_a_start_with_the_clock_run_ahead_forgets_no_ticks_nor_moves_of_days_still_to_come(db: Database) -> None:
    """One start with the computer's clock 40 days ahead forgot, for good, the ticks and the day a moved plan was made
    for of sessions still to come: days are over only up to the team's latest session."""
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    held_a_session(db, team_id, NOW)
    plans_follow_from_attended_days(db, NOW)
    set_planning_tick(db, team_id, tm_ssw, "trigger-warning", True)

    forget_spent_planning(db, NOW + timedelta(days=40))

    assert planning_ticks(db, team_id, reflective) == {"present-case"}
    assert planning_ticks(db, team_id, tm_ssw) == {"trigger-warning"}
    assert planning.moved_plans(db, team_id) == {reflective: tm_ssw}


def test_a_plan_moved_from_a_tm_ssw_date_takes_its_ticks_beside_those_of_the_session_it_goes_to(db: Database) -> None:
    """The next session's own ticks kept the moved plan's on the TM/SSW date, while the banner said they went with it,
    and they were forgotten once that date was past."""
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    set_planning_tick(db, team_id, reflective, "trigger-warning", True)

    (move,) = plans_follow_from_attended_days(db, NOW)

    assert "went with its planning ticks" in move.notice()
    assert planning_ticks(db, team_id, reflective) == {"present-case", "trigger-warning"}
    assert planning_ticks(db, team_id, tm_ssw) == set()


def test_a_start_says_where_a_plan_went_though_the_planning_of_days_gone_by_cannot_be_forgotten(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _team_id, tm_ssw, _reflective = _team_with_a_plan_for_its_tm_ssw_date(db)

    def refused(_db: Database, _now: datetime) -> None:
        raise StoreError("The write was refused.")

    monkeypatch.setattr(planning_service, "forget_spent_planning", refused)

    (said,) = plans_follow(db, NOW)

    assert said.startswith(f"The plan for {format_uk(tm_ssw)}")


def test_ticks_of_the_day_a_session_that_may_still_be_discarded_started_are_kept(db: Database) -> None:
    """A team with no schedule keeps its plan's ticks under the day its session started: discarding the session, live
    past midnight, gives them back."""
    team = teams.create_team(db, "Quay Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    set_planning_tick(db, team.id, None, "present-case", True)
    ash = teams.list_members(db, team.id)[0].id
    agenda = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
    start_session(db, SessionPlan(team.id, SessionKind.REFLECTIVE, "Carers", None, (ash,), (), agenda, True), NOW)
    held_on = NOW.astimezone().date()
    assert planning_ticks(db, team.id, held_on) == {"present-case"}
    next_day = NOW + timedelta(days=1)

    forget_spent_planning(db, next_day)
    assert planning_ticks(db, team.id, held_on) == {"present-case"}

    (live,) = sessions.live_sessions(db)
    discard_session(db, live.id, next_day)
    assert planning_ticks(db, team.id, None) == {"present-case"}


def test_a_start_says_once_where_the_plan_for_a_tm_ssw_date_went(tmp_path: Path) -> None:
    """It moved without a word: the facilitator found the plan they made for that date under another session."""
    db_path = tmp_path / "copdesk.db"
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    _team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(opened.db)
    opened.db.close()
    said = []
    for _ in range(2):
        started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
        assert started is not None
        started.opened.db.close()
        started.lock.release()
        said.append(started.notices)
    assert said == [
        [
            f"The plan for {format_uk(tm_ssw)}, a session Harbour Team now attends, went with its planning "
            f"ticks to the Reflective practice CoP on {format_uk(reflective)}: see Next session plan."
        ],
        [],
    ]


def test_a_plan_moved_from_a_tm_ssw_date_is_remembered_and_goes_back_if_that_date_is_the_teams_again(
    db: Database,
) -> None:
    """Recorded as a plan that follows a date taken off the calendar is: the TM/SSW series made the team's own again
    (its type changed back to Reflective practice), the date holds its plan again, with its ticks."""
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(db)
    moves = plans_follow_from_attended_days(db, NOW)
    assert moves == [PlanMove("Harbour Team", tm_ssw, reflective, SessionKind.REFLECTIVE.label)]
    assert planning.moved_plans(db, team_id) == {reflective: tm_ssw}

    tm_ssw_series = next(s for s in series.series_for_team(db, team_id) if s.kind is SessionKind.TM_SSW)
    calendar.save_series(
        db,
        team_id,
        tm_ssw_series.id,
        kind=SessionKind.REFLECTIVE,
        rule=tm_ssw_series.rule,
        duration_minutes=tm_ssw_series.duration_minutes,
        now=NOW,
    )

    assert planning.next_session_plan(db, team_id, tm_ssw).roles.trigger_warning == WARNING
    assert planning_ticks(db, team_id, tm_ssw) == {"present-case"}
    assert planning.next_session_plan(db, team_id, reflective).is_empty


def test_a_restore_of_data_from_before_gives_the_plan_for_a_tm_ssw_date_to_the_next_session_and_says_so(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only a start moved it: after a restore the plan lay under the TM/SSW date, the next session's plan empty, and
    the plan card said the plan was kept there because that session had one of its own, until CoPDesk started again."""
    backup, db_path = tmp_path / "before.db", tmp_path / "copdesk.db"
    opened = open_database(backup, paths.migrations_dir(), now=NOW)
    team_id, tm_ssw, reflective = _team_with_a_plan_for_its_tm_ssw_date(opened.db)
    opened.db.close()
    open_database(db_path, paths.migrations_dir(), now=NOW).db.close()
    monkeypatch.setattr(restoring, "system_now", lambda: NOW)

    restored, notices, _warnings = restoring.restored_or_as_it_was(backup, db_path)

    moved = planning.next_session_plan(restored.db, team_id, reflective)
    restored.db.close()
    assert moved.roles.trigger_warning == WARNING
    assert notices[1:] == [
        f"The plan for {format_uk(tm_ssw)}, a session Harbour Team now attends, went with its planning "
        f"ticks to the Reflective practice CoP on {format_uk(reflective)}: see Next session plan."
    ]
