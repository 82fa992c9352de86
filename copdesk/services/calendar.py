"""The team's rhythm and the shape of its sessions: save a series (new or changed), pause or resume it (a plan made
for a date taken off the calendar follows to the next session, and back when the date returns), save or reset a
team's agenda, and tick a planning prompt for the next session."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.agenda import AgendaTemplate
from copdesk.core.model import Series, SessionKind
from copdesk.core.schedule import NextSession, check_length
from copdesk.services import transaction
from copdesk.store import agendas, planning, series
from copdesk.store.planning import next_run_session
from copdesk.store.review import move_planning_ticks, set_planning_tick


def save_series(
    db: Database,
    team_id: int,
    series_id: int | None,
    *,
    kind: SessionKind,
    rule: str,
    duration_minutes: int,
    now: datetime,
) -> Series:
    """Add a series (``series_id`` None) or replace an existing one's rhythm in one write; a plan made for a date
    the change takes off the calendar moves to the team's next session (:func:`_plan_follows`). A length out of
    bounds raises ``ScheduleError`` and writes nothing."""
    check_length(duration_minutes)
    with transaction(db):
        planned_for = next_run_session(db, team_id, now)
        if series_id is None:
            saved = series.add_series(db, team_id, kind, rule, now, duration_minutes)
        else:
            saved = series.update_series(
                db, series_id, kind=kind, rule=rule, duration_minutes=duration_minutes, now=now
            )
        _plan_follows(db, team_id, planned_for, now)
        return saved


def set_series_paused(db: Database, team_id: int, series_id: int, paused: bool, now: datetime) -> None:
    """Pause or resume a series; a plan made for a date the pause takes off the calendar moves, as a skip moves it."""
    with transaction(db):
        planned_for = next_run_session(db, team_id, now)
        series.set_series_active(db, series_id, not paused, now)
        _plan_follows(db, team_id, planned_for, now)


def _plan_follows(db: Database, team_id: int, planned_for: NextSession | None, now: datetime) -> None:
    """The next-session plan (and its planning ticks) was made for the session ``planned_for``: if the calendar no
    longer holds that day (a date skipped, a series paused or changed), it moves to the team's next session, or to
    no date without one, unless that session has a plan of its own. A plan that moved goes back to the day it was
    made for when the calendar holds that day again (the skip undone, the series resumed, the change reverted),
    unless a plan was made for that day meanwhile: then it stays where it is."""
    planning.forget_spent_moves(db, team_id, planning.over_by(now))
    for day, made_for in planning.moved_plans(db, team_id).items():
        if planning.runs_session_on(db, team_id, made_for, now):
            _move_plan(db, team_id, day, made_for, None)
    day = planned_for.moment.date() if planned_for is not None else None  # None: made while there was no date
    if day is not None and planning.runs_session_on(db, team_id, day, now):
        return
    upcoming = next_run_session(db, team_id, now)
    _move_plan(
        db, team_id, day, upcoming.moment.date() if upcoming else None, planning.moved_plans(db, team_id).get(day, day)
    )


def _move_plan(db: Database, team_id: int, from_day: date | None, to_day: date | None, made_for: date | None) -> None:
    """Move the plan and its ticks, when ``to_day`` has none of its own, remembering the day it was made for; a
    plan brought back (``made_for`` None), or one that could not be, forgets where it came from."""
    if from_day != to_day and not planning.next_session_plan(db, team_id, to_day).is_empty:
        moved = False  # the ticks stay with the plan they were made with
    else:
        moved = planning.move_plan(db, team_id, from_day, to_day) | move_planning_ticks(db, team_id, from_day, to_day)
    if moved or made_for is None:
        planning.remember_move(db, team_id, from_day, to_day, made_for)


def save_agenda(
    db: Database, team_id: int, template: AgendaTemplate, shipped: AgendaTemplate | None, now: datetime
) -> None:
    """Keep the team's agenda for its kind; one the same as the shipped template is no edit, so the team's copy
    is forgotten and the shipped one applies again. An invalid agenda raises ``TemplateError``."""
    with transaction(db):
        if shipped is not None and template.segments == shipped.segments and template.title == shipped.title:
            agendas.reset_team_template(db, team_id, template.kind)
        else:
            agendas.save_team_template(db, team_id, template, now)


def tick_planning_prompt(db: Database, team_id: int, session_day: date | None, prompt_key: str, ticked: bool) -> None:
    with transaction(db):
        set_planning_tick(db, team_id, session_day, prompt_key, ticked)
