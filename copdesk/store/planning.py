"""The next session's plan per team and session day, and the roles a started session keeps (``db/0030``).

A plan is keyed like the planning ticks: by team and the day of the session it is for ('' while the team has no
schedule), so the next session starts with a fresh plan once this one has been held. People are member ids; an
erased member leaves the plan by the foreign keys (ON DELETE SET NULL).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import local_day, to_utc_iso
from copdesk.core.masterclass import shipped_texts
from copdesk.core.planning import (
    RECENT_SESSIONS,
    NextSessionPlan,
    PresenterTurn,
    SessionRoles,
    checked_plan,
)
from copdesk.core.schedule import NextSession
from copdesk.core.text import name_sort_key
from copdesk.store.review import planning_ticks, ticked_days
from copdesk.store.schedule import (
    DUE_NOW_WINDOW,
    local_wall_time,
    next_due,
    scheduled_between,
    sessions_on,
    was_held,
)
from copdesk.store.sessions import run_by_the_team
from copdesk.store.settings import set_setting

# A plan that followed the team off a date taken from the calendar remembers the date it was made for, so it goes
# back there when that date comes back (a skip undone, a series resumed, a rhythm change reverted).
_MOVED_KEY = "plan_moved:{team_id}:"


def next_run_session(db: Database, team_id: int, now: datetime) -> NextSession | None:
    """The team's next scheduled session that it runs itself (not a Spotlight, Themed or TM/SSW one it attends), still
    to be held (:func:`copdesk.store.schedule.next_due`): the one a plan is made for. ``now`` is an aware wall-clock
    time."""
    attended = shipped_texts().is_attended
    return next_due(db, team_id, now, lambda kind: not attended(kind))


def runs_session_on(db: Database, team_id: int, day: date, now: datetime) -> bool:
    """Whether the calendar holds a session the team runs itself on ``day``, still to be held (:func:`_still_to_come`):
    however many sessions come before it, so a plan made for a date months ahead finds it again."""
    attended = shipped_texts().is_attended
    return any(
        not attended(found.kind) and _still_to_come(db, team_id, found, now) for found in sessions_on(db, team_id, day)
    )


def _still_to_come(db: Database, team_id: int, found: NextSession, now: datetime) -> bool:
    """Whether a session of the calendar is still to be held at ``now`` (aware), as :func:`next_run_session` counts
    it: its start is to come or passed within the hour, and no session has held it."""
    return found.moment >= local_wall_time(now - DUE_NOW_WINDOW) and not was_held(db, team_id, found)


def plans_on_attended_days(db: Database, team_id: int, now: datetime) -> list[date]:
    """The days from today on holding a plan that no session the team runs will take, as the calendar gives that day
    only to sessions it attends: a TM/SSW CoP's date, whose plan was made while CoPDesk ran that type as the
    facilitator's own. ``now`` is an aware wall-clock time. A session of that day already held, or past, keeps its
    plan: it was that session's (today's TM/SSW CoP, run as the facilitator's own that morning)."""
    due_from = local_wall_time(now - DUE_NOW_WINDOW)
    rows = db.query(
        "SELECT session_day FROM session_plan WHERE team_id = ? AND session_day >= ?", [team_id, str(due_from.date())]
    )
    return sorted(
        day for row in rows if _only_attended(db, team_id, day := date.fromisoformat(row["session_day"]), now)
    )


def ticks_on_attended_days(db: Database, team_id: int, now: datetime) -> list[date]:
    """The days from today on holding planning ticks but no plan, that no session the team runs will take, as
    :func:`plans_on_attended_days` counts them: ticks made for a TM/SSW CoP's date with nothing chosen in its plan."""
    due_from = local_wall_time(now - DUE_NOW_WINDOW).date()
    return sorted(
        day
        for _, day in ticked_days(db, team_id)
        if day >= due_from and next_session_plan(db, team_id, day).is_empty and _only_attended(db, team_id, day, now)
    )


def _only_attended(db: Database, team_id: int, day: date, now: datetime) -> bool:
    """Whether the calendar gives ``day`` only to sessions the team attends, all still to be held."""
    attended = shipped_texts().is_attended
    calendar = scheduled_between(db, team_id, day, day, now)
    return bool(calendar) and all(
        attended(found.kind) and _still_to_come(db, team_id, found, now) for found in calendar
    )


def _day_key(session_day: date | None) -> str:
    return session_day.isoformat() if session_day else ""


def next_session_plan(db: Database, team_id: int, session_day: date | None) -> NextSessionPlan:
    """The plan for the team's session on ``session_day``; an empty plan when none was made."""
    row = next(
        db.query("SELECT * FROM session_plan WHERE team_id = ? AND session_day = ?", [team_id, _day_key(session_day)]),
        None,
    )
    if row is None:
        return NextSessionPlan()
    return NextSessionPlan(
        row["presenter_id"],
        date.fromisoformat(row["presenter_asked_on"]) if row["presenter_asked_on"] else None,
        SessionRoles(
            row["co_facilitator_id"], row["content_format"], row["trigger_warning"] or "", row["support"] or ""
        ),
    )


def save_next_session_plan(
    db: Database, team_id: int, session_day: date | None, plan: NextSessionPlan, now: datetime
) -> NextSessionPlan:
    """Store the plan (checked first: :class:`~copdesk.core.planning.PlanError`); an empty plan removes the row."""
    checked = checked_plan(plan, [point.key for point in shipped_texts().content_formats])
    key = _day_key(session_day)
    db.execute("DELETE FROM session_plan WHERE team_id = ? AND session_day = ?", [team_id, key])
    if not checked.is_empty:
        roles = checked.roles
        db.execute(
            "INSERT INTO session_plan (team_id, session_day, presenter_id, presenter_asked_on, content_format, "
            "trigger_warning, support, co_facilitator_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                team_id,
                key,
                checked.presenter_id,
                checked.presenter_asked_on.isoformat() if checked.presenter_asked_on else None,
                roles.content_format,
                roles.trigger_warning or None,
                roles.support or None,
                roles.co_facilitator_id,
                to_utc_iso(now),
            ],
        )
    return checked


def move_plan(db: Database, team_id: int, from_day: date | None, to_day: date | None) -> bool:
    """Give the plan made for ``from_day`` to ``to_day``, when that day has none yet; whether it moved."""
    if _day_key(from_day) == _day_key(to_day) or next(
        db.query("SELECT 1 FROM session_plan WHERE team_id = ? AND session_day = ?", [team_id, _day_key(to_day)]),
        None,
    ):
        return False
    moved = db.execute(
        "UPDATE session_plan SET session_day = ? WHERE team_id = ? AND session_day = ?",
        [_day_key(to_day), team_id, _day_key(from_day)],
    )
    return bool(moved.rowcount)


def moved_plans(db: Database, team_id: int) -> dict[date | None, date]:
    """Each day holding a plan that followed the team there, with the day that plan was made for."""
    prefix = _MOVED_KEY.format(team_id=team_id)
    rows = db.query("SELECT key, value FROM setting WHERE key LIKE ? || '%'", [prefix])
    return {_day(str(row["key"])[len(prefix) :]): date.fromisoformat(str(row["value"])) for row in rows}


def remember_move(
    db: Database, team_id: int, from_day: date | None, to_day: date | None, made_for: date | None
) -> None:
    """The plan on ``from_day`` now lies on ``to_day``: it keeps the day it was made for, unless that is ``to_day``."""
    prefix = _MOVED_KEY.format(team_id=team_id)
    db.execute("DELETE FROM setting WHERE key = ?", [prefix + _day_key(from_day)])
    if made_for is not None and made_for != to_day:
        set_setting(db, prefix + _day_key(to_day), made_for.isoformat())


def over_by(now: datetime) -> date:
    """The last day over by the clock: the day before the one whose session can still be due (one whose start passed
    within the hour is still the next). ``now`` is an aware time."""
    return local_wall_time(now - DUE_NOW_WINDOW).date() - timedelta(days=1)


def surely_past(db: Database, team_id: int, now: datetime) -> date | None:
    """The last day known to be over for the team, with nobody there to say otherwise (a start, a restore): over by
    the clock (:func:`over_by`), and not after the day the team last started a session, or None before its first.
    One start with the computer's clock run ahead would otherwise forget ticks and plans for sessions still to come."""
    latest = db.execute("SELECT max(started_at) FROM session WHERE team_id = ?", [team_id]).fetchone()[0]
    return None if latest is None else min(over_by(now), local_day(str(latest)))


def spent_moves(db: Database, team_id: int, past: date | None) -> list[date | None]:
    """The days holding a plan whose day it was made for can no longer bring it back: that day, or the day the plan
    lies on, is ``past`` or before (a past date never comes back to the calendar, and a plan on one was that
    session's), or no plan and no ticks lie there any more."""
    return [
        day
        for day, made_for in moved_plans(db, team_id).items()
        if (past is not None and (made_for <= past or (day is not None and day <= past)))
        or (next_session_plan(db, team_id, day).is_empty and not planning_ticks(db, team_id, day))
    ]


def forget_spent_moves(db: Database, team_id: int, past: date | None) -> None:
    """Forget the day each plan was made for where that is spent (:func:`spent_moves`)."""
    prefix = _MOVED_KEY.format(team_id=team_id)
    for day in spent_moves(db, team_id, past):
        db.execute("DELETE FROM setting WHERE key = ?", [prefix + _day_key(day)])


def _day(key: str) -> date | None:
    return date.fromisoformat(key) if key else None


def set_session_roles(db: Database, session_id: int, roles: SessionRoles) -> None:
    """Keep with the session who co-facilitates it, its format, and the trigger warning and support offered."""
    db.execute(
        "UPDATE session SET co_facilitator_id = ?, content_format = ?, trigger_warning = ?, support_offered = ? "
        "WHERE id = ?",
        [
            roles.co_facilitator_id,
            roles.content_format,
            roles.trigger_warning or None,
            roles.support or None,
            session_id,
        ],
    )


def session_roles(db: Database, session_id: int) -> SessionRoles:
    row: dict[str, Any] | None = next(
        db.query(
            "SELECT co_facilitator_id, content_format, trigger_warning, support_offered FROM session WHERE id = ?",
            [session_id],
        ),
        None,
    )
    if row is None:
        return SessionRoles()
    return SessionRoles(
        row["co_facilitator_id"], row["content_format"], row["trigger_warning"] or "", row["support_offered"] or ""
    )


def presenter_turns(db: Database, team_id: int) -> list[PresenterTurn]:
    """Each active member of the team and the day they last presented at a session held: who the facilitator might
    ask to present, so neither guests nor the facilitator (who would be asking themselves). Only a session the team
    ran itself counts, as for *quiet last time* (:func:`copdesk.store.sessions.run_by_the_team`): a Spotlight or
    Themed session written with a presenter by an older demo was run by others, so nobody of the team presented."""
    run, params = run_by_the_team()
    sql = f"""
        SELECT m.id, m.display_name,
               (SELECT max(s.started_at) FROM session s
                 WHERE s.presenter_id = m.id AND s.status = 'ended' AND s.started_at IS NOT NULL AND {run}) AS last_at
        FROM member m WHERE m.team_id = ? AND m.active = 1 AND m.role NOT IN ('guest', 'facilitator')
    """
    turns = (
        PresenterTurn(int(row["id"]), str(row["display_name"]), local_day(row["last_at"]) if row["last_at"] else None)
        for row in db.query(sql, [*params, team_id])
    )
    return sorted(turns, key=lambda turn: name_sort_key(turn.name))


def recent_formats(db: Database, team_id: int, sessions: int = RECENT_SESSIONS) -> list[str | None]:
    """The format of each of the team's latest ``sessions`` held sessions it ran itself (newest first): of a kind it
    runs, or a TM/SSW CoP run as the facilitator's own before the team attended that type, whose format the
    facilitator chose as for any session of theirs (:func:`copdesk.store.sessions.run_by_the_team`).
    One the team attends has none of the team's."""
    run, params = run_by_the_team()
    sql = f"""
        SELECT content_format FROM session s WHERE team_id = ? AND status = 'ended' AND {run}
        ORDER BY started_at DESC, id DESC LIMIT ?
    """
    return [row["content_format"] for row in db.query(sql, [team_id, *params, sessions])]
