"""Planning the next session: who presents (and when they were asked), the format, the trigger warning and the
support offered, and the co-facilitator. One act, one transaction (see :mod:`copdesk.services`)."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.clock import local_day
from copdesk.core.planning import NextSessionPlan, PlanMove, SessionRoles
from copdesk.services import transaction
from copdesk.store import planning, review, teams
from copdesk.store.discard import discardable_session


def save_next_session_plan(
    db: Database, team_id: int, session_day: date | None, plan: NextSessionPlan, now: datetime
) -> NextSessionPlan:
    """Keep the plan for the team's session on ``session_day``; an empty plan forgets it. A plan that cannot be
    kept (an unknown format, a pasted control character) raises :class:`~copdesk.core.planning.PlanError`."""
    with transaction(db):
        saved = planning.save_next_session_plan(db, team_id, session_day, plan, now)
        planning.forget_spent_moves(db, team_id, planning.over_by(now))
        return saved


def change_session_roles(db: Database, session_id: int, roles: SessionRoles) -> None:
    """A co-facilitator named (or changed) once the session is live."""
    with transaction(db):
        planning.set_session_roles(db, session_id, roles)


def plans_follow_from_attended_days(db: Database, now: datetime) -> list[PlanMove]:
    """A plan made for a TM/SSW CoP's date while CoPDesk ran that type as the facilitator's own is no session's plan
    now that the team attends it: it goes, with its planning ticks, to the team's next session it runs, where that has
    no plan of its own, as a plan for a date taken off the calendar does, remembering the day it was made for as such
    a move does (:func:`copdesk.store.planning.remember_move`). Otherwise it stays where it is, and the Prepare view
    lists it (:func:`copdesk.store.planning.plans_on_attended_days`). Checked at each start; the moves made, for the
    start to say once. Ticks made for such a date with no plan go to that session too, beside its own, unsaid
    (:func:`copdesk.store.planning.ticks_on_attended_days`)."""
    found = (
        (team, planning.plans_on_attended_days(db, team.id, now), planning.ticks_on_attended_days(db, team.id, now))
        for team in teams.list_teams(db)
    )
    stranded = [(team, days, ticked) for team, days, ticked in found if days or ticked]
    if not stranded:  # as on almost every start: nothing is written
        return []
    moves = []
    with transaction(db):
        for team, days, ticked in stranded:
            upcoming = planning.next_run_session(db, team.id, now)
            to_day = upcoming.moment.date() if upcoming else None
            for day in ticked:  # ticks made with no plan: what was done for that date was done for the next session
                review.join_planning_ticks(db, team.id, day, to_day)
            for day in days:
                if planning.move_plan(db, team.id, day, to_day):
                    review.join_planning_ticks(db, team.id, day, to_day)
                    planning.remember_move(db, team.id, day, to_day, planning.moved_plans(db, team.id).get(day, day))
                    moves.append(PlanMove(team.name, day, to_day, upcoming.kind.label if upcoming else ""))
    return moves


def forget_spent_planning(db: Database, now: datetime) -> None:
    """What the planning keeps in the settings beside the plans, once it can no longer be of use. Planning ticks made
    for a day that is over (:func:`copdesk.store.planning.surely_past`) can no longer be shown: that day's session was
    held or went by. They go, except those of the day the team's latest session started while it can still be
    discarded, which gives them back. The day a plan that moved was made for goes once it cannot bring the plan back
    (:func:`copdesk.store.planning.spent_moves`). Checked at each start and restore; ``now`` is an aware time."""
    past = {team.id: planning.surely_past(db, team.id, now) for team in teams.list_teams(db)}
    spent = [(team_id, day) for team_id, day in review.ticked_days(db) if day <= (past.get(team_id) or date.min)]
    kept = {(team_id, _started_on(db, team_id, now)) for team_id in {team_id for team_id, _day in spent}}
    spent = [found for found in spent if found not in kept]
    moved = [team_id for team_id, day in past.items() if planning.spent_moves(db, team_id, day)]
    if not (spent or moved):  # as on almost every start: nothing is written
        return
    with transaction(db):
        for team_id, day in spent:
            review.forget_planning_ticks(db, team_id, day)
        for team_id in moved:
            planning.forget_spent_moves(db, team_id, past[team_id])


def _started_on(db: Database, team_id: int, now: datetime) -> date | None:
    """The day the team's session that may still be discarded started, if it has one."""
    session = discardable_session(db, team_id, now)
    return local_day(session.started_at) if session is not None and session.started_at else None
