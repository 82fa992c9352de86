"""The next session's plan and a session's roles, as stored: keyed by team and day, and emptied of a person erased."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk.core.model import Role, SessionKind
from copdesk.core.planning import NextSessionPlan, PlanError, SessionRoles
from copdesk.services.data_care import erase_member
from copdesk.services.planning import save_next_session_plan
from copdesk.store import planning, sessions, teams

NOW = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
DAY = date(2026, 10, 8)


def test_a_plan_is_kept_per_day_and_an_empty_plan_is_forgotten(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], NOW)
    ash, bo = (m.id for m in teams.list_members(db, team.id))
    plan = NextSessionPlan(bo, date(2026, 9, 30), SessionRoles(ash, "theory", "  Loss  and grief ", ""))
    saved = save_next_session_plan(db, team.id, DAY, plan, NOW)
    assert saved.roles.trigger_warning == "Loss and grief"
    assert planning.next_session_plan(db, team.id, DAY) == saved
    assert planning.next_session_plan(db, team.id, date(2026, 10, 22)).is_empty, "the next session starts afresh"
    save_next_session_plan(db, team.id, DAY, NextSessionPlan(), NOW)
    assert db.execute("SELECT count(*) FROM session_plan").fetchone()[0] == 0
    with pytest.raises(PlanError, match="not one of the masterclass's planning points"):
        save_next_session_plan(db, team.id, DAY, NextSessionPlan(roles=SessionRoles(content_format="gossip")), NOW)
    with pytest.raises(PlanError, match="Choose who will present"):
        save_next_session_plan(db, team.id, DAY, NextSessionPlan(presenter_asked_on=DAY), NOW)


def test_erasing_a_member_takes_them_out_of_plans_and_sessions(db: Database, db_path: Path) -> None:
    roster = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.CO_FACILITATOR), ("Cy Vale", Role.PRACTITIONER)]
    team = teams.create_team(db, "Harbour Team", roster, NOW)
    _, bo, cy = (m.id for m in teams.list_members(db, team.id))
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    planning.set_session_roles(db, session.id, SessionRoles(bo, "present-case", "", ""))
    save_next_session_plan(db, team.id, DAY, NextSessionPlan(cy, DAY, SessionRoles(bo, None, "", "")), NOW)
    erase_member(db, db_path, bo, NOW)
    erase_member(db, db_path, cy, NOW)
    assert planning.session_roles(db, session.id) == SessionRoles(None, "present-case", "", "")
    kept = planning.next_session_plan(db, team.id, DAY)
    assert (kept.presenter_id, kept.roles.co_facilitator_id) == (None, None)


@pytest.mark.parametrize(("run_as_own", "formats"), [(True, ["theory", "present-case"]), (False, ["present-case"])])
def test_a_tm_ssw_cop_run_as_the_facilitators_own_counts_among_the_formats_used_lately(
    db: Database, run_as_own: bool, formats: list[str]
) -> None:
    """Its format was the facilitator's choice, as CoPDesk ran that type as their own then: left out, the Prepare view
    offered that format as one the team had not used lately. A TM/SSW CoP the team attends has no format of its own."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    tm_ssw_day = datetime(2026, 10, 8, 9, 0, tzinfo=UTC)
    for kind, held, content in (
        (SessionKind.REFLECTIVE, NOW, "present-case"),
        (SessionKind.TM_SSW, tm_ssw_day, "theory"),
    ):
        session = sessions.create_session(db, team.id, kind, held, planned_start=held)
        planning.set_session_roles(db, session.id, SessionRoles(content_format=content))
        sessions.start_session(db, session.id, held, ground_rules_agreed=run_as_own or kind is SessionKind.REFLECTIVE)
        sessions.end_session(db, session.id, held)
    assert planning.recent_formats(db, team.id) == formats


def test_not_presented_for_a_while_counts_only_the_sessions_the_team_ran(db: Database) -> None:
    """A demo written by an older CoPDesk gave its Spotlight and Themed sessions, run by others, a presenter of the
    team's: they counted as that member's turn. A TM/SSW CoP run as the facilitator's own (ground rules agreed)
    counts, as it does for quiet last time."""
    roster = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER), ("Cy Vale", Role.PRACTITIONER)]
    team = teams.create_team(db, "Harbour Team", roster, NOW)
    _, bo, cy = (m.id for m in teams.list_members(db, team.id))
    for kind, day, presenter, agreed in (
        (SessionKind.REFLECTIVE, 2, bo, True),
        (SessionKind.SPOTLIGHT, 6, bo, False),
        (SessionKind.THEMED, 14, cy, False),
        (SessionKind.TM_SSW, 20, cy, True),
        (SessionKind.THEMED, 21, cy, False),
    ):
        held = datetime(2026, 10, day, 13, 0, tzinfo=UTC)
        session = sessions.create_session(db, team.id, kind, held, planned_start=held, presenter_id=presenter)
        sessions.start_session(db, session.id, held, ground_rules_agreed=agreed)
        sessions.end_session(db, session.id, held)
    turns = {turn.member_id: turn.last_presented for turn in planning.presenter_turns(db, team.id)}
    assert turns == {bo: date(2026, 10, 2), cy: date(2026, 10, 20)}


def test_the_days_ticked_for_one_team_are_that_teams_alone(db: Database) -> None:
    """Read for one team at each start: team 1's keys never take team 12's (their ids share a first digit)."""
    from copdesk.store import review

    for team_id, day in ((1, date(2026, 12, 10)), (12, date(2026, 12, 11)), (1, date(2027, 1, 14))):
        review.set_planning_tick(db, team_id, day, "invite", True)
    review.set_planning_tick(db, 1, None, "invite", True)  # ticked while no date was set: no day to name
    assert sorted(review.ticked_days(db, 1)) == [(1, date(2026, 12, 10)), (1, date(2027, 1, 14))]
    assert review.ticked_days(db, 12) == [(12, date(2026, 12, 11))]
    assert sorted(review.ticked_days(db)) == [(1, date(2026, 12, 10)), (1, date(2027, 1, 14)), (12, date(2026, 12, 11))]
