"""The team's calendar, read from its series: the one place every "next session" comes from.

Series rules are naive local wall time ("Tuesday at 13:00" for the team), while the app's clock is an aware
UTC datetime, so every function here takes the aware ``now`` and converts it once, with :func:`local_wall_time`.
Only active series count for what is to come: pausing a series takes its coming dates off every screen and report
at once. What a past period was scheduled to hold counts the dates each series had then, before each pause and
each change of its rhythm (:func:`scheduled_between`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, to_utc_iso
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Series, SessionKind, Team
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import (
    NextSession,
    next_session_across,
    occurrences,
    occurrences_between,
    validate,
)
from copdesk.core.series_history import Rhythm, SeriesHistory, series_history
from copdesk.store.series import pauses, rhythms, series_for_team
from copdesk.store.teams import list_members

if TYPE_CHECKING:
    from copdesk.core.invitations import TeamInvitations

DUE_NOW_WINDOW = timedelta(hours=1)  # a session whose start passed within this is "the one due now"


def local_wall_time(moment: datetime) -> datetime:
    """An aware moment as the naive local time the rules are written in (a naive one is taken as local already)."""
    return moment if moment.tzinfo is None else moment.astimezone().replace(tzinfo=None)


def team_rules(db: Database, team_id: int) -> list[tuple[int, SessionKind, str]]:
    """The active series whose rules read; one that no longer does is left out rather than hiding the rest
    (the series editor shows it and asks for it to be fixed)."""
    rules = []
    for found in series_for_team(db, team_id):
        try:
            rules.append((found.id, found.kind, validate(found.rule)))
        except ScheduleError:
            continue
    return rules


def next_due(
    db: Database, team_id: int, now: datetime, accept: Callable[[SessionKind], bool] = lambda _kind: True
) -> NextSession | None:
    """The team's next session still to be held, of a kind ``accept`` takes: one whose start passed within
    :data:`DUE_NOW_WINDOW` stays the next one (a facilitator starting late still sees it and its plan), and any
    stays until a session has held it (started for it, early or late), else the next one after ``now`` (aware)."""
    for found in upcoming_sessions(db, team_id, now - DUE_NOW_WINDOW, 12, accept):
        if not was_held(db, team_id, found):  # one started early for it is held too
            return found
    return None


def was_held(db: Database, team_id: int, found: NextSession) -> bool:
    """Whether a session of the team held ``found``: one started for it (its planned start), or started once it
    was due (another session started earlier that hour is not it)."""
    moment = to_utc_iso(found.moment.astimezone())
    return (
        db.execute(
            "SELECT 1 FROM session WHERE team_id = ? AND started_at IS NOT NULL"
            " AND (planned_start = ? OR started_at >= ?) LIMIT 1",
            [team_id, moment, moment],
        ).fetchone()
        is not None
    )


def next_session(db: Database, team_id: int, now: datetime) -> NextSession | None:
    """The team's next scheduled session strictly after ``now``, over all its active series (None without one)."""
    return next_session_across(team_rules(db, team_id), local_wall_time(now))


def next_session_date(db: Database, team_id: int, now: datetime) -> date | None:
    """For due dates written as "next session" (``copdesk.core.dates.parse_due``): the next session the team runs
    itself, where its actions are followed up; a session it attends (Spotlight, Themed, TM/SSW) is not that session."""
    attended = shipped_texts().is_attended
    run = [rule for rule in team_rules(db, team_id) if not attended(rule[1])]
    found = next_session_across(run, local_wall_time(now))
    return None if found is None else found.moment.date()


def upcoming_sessions(
    db: Database,
    team_id: int,
    now: datetime,
    count: int,
    accept: Callable[[SessionKind], bool] = lambda _kind: True,
) -> list[NextSession]:
    """The next ``count`` sessions of a kind ``accept`` takes over all the team's active series, earliest first
    (ties: lower series id); the sessions of other kinds never crowd them out."""
    after = local_wall_time(now)
    streams = [
        [NextSession(moment, kind, series_id) for moment in occurrences(rule, after, count)]
        for series_id, kind, rule in team_rules(db, team_id)
        if accept(kind)
    ]
    merged = heapq.merge(*streams, key=lambda found: (found.moment, found.series_id))
    return list(merged)[:count]


def sessions_on(db: Database, team_id: int, day: date) -> list[NextSession]:
    """The sessions the team's active series hold on ``day`` as their rules are now, earliest first: however many
    sessions come before that day."""
    start, end = datetime.combine(day, time.min), datetime.combine(day, time.max).replace(microsecond=0)
    found = [
        NextSession(moment, kind, series_id)
        for series_id, kind, rule in team_rules(db, team_id)
        for moment in occurrences_between(rule, start, end)
    ]
    return sorted(found, key=lambda item: (item.moment, item.series_id))


def series_histories(db: Database, team_id: int, now: datetime) -> list[tuple[Series, SeriesHistory]]:
    """Each of the team's series, paused ones included, with the rhythms and pauses its calendar has had, in local
    time. A change, a pause or a resume dated after ``now`` (pressed while the computer's clock ran ahead) counts
    from ``now``: the calendar to come is always the one the series has now."""
    paused, earlier, moment = pauses(db, team_id), rhythms(db, team_id), local_wall_time(now)
    return [
        (
            found,
            series_history(
                found.id,
                _in_force(earlier.get(found.id, []), moment),
                Rhythm(found.kind, found.rule, found.duration_minutes),
                [_local_span(pause, moment) for pause in paused.get(found.id, [])],
            ),
        )
        for found in series_for_team(db, team_id, include_inactive=True)
    ]


def scheduled_between(db: Database, team_id: int, first: date, last: date, now: datetime) -> list[NextSession]:
    """Every session the team's series put on the calendar from ``first`` to ``last`` (whole days, inclusive), as
    the calendar was then (:func:`series_histories`): each rhythm a series had counts its dates up to the moment it
    was changed, the present one its dates from then on; a series paused since still counts its dates from before
    the pause, and none while it was paused (a pause whose start was not kept counts from the beginning)."""
    start, end = datetime.combine(first, time.min), datetime.combine(last, time.max).replace(microsecond=0)
    found = [
        entry
        for _series, history in series_histories(db, team_id, now)
        for entry in history.sessions_between(start, end)
    ]
    return sorted(found, key=lambda item: (item.moment, item.series_id))


def team_invitations(db: Database, team: Team, now: datetime) -> TeamInvitations:
    """What the team's invitations are made from: every series with its history (a paused one ends its meetings
    where the pause began), its roster, its calendar key, and the computer's time zone."""
    from copdesk.core.invitations import TeamInvitations, calendar_key, to_invite  # icalendar: not at start-up
    from copdesk.core.time_zone import local_zone

    created_at = str(db.execute("SELECT created_at FROM team WHERE id = ?", [team.id]).fetchone()[0])
    return TeamInvitations(
        calendar_key(team.id, created_at),
        team.name,
        tuple(to_invite(series_histories(db, team.id, now))),
        tuple(list_members(db, team.id)),
        now,
        local_zone(),
    )


def _in_force(earlier: list[tuple[Rhythm, str]], moment: datetime) -> list[tuple[Rhythm, datetime]]:
    """A series' earlier rhythms, each with the naive local moment it stopped being in force (:func:`_kept`)."""
    return [(rhythm, _kept(replaced, moment)) for rhythm, replaced in earlier]


def _local_span(pause: tuple[str | None, str | None], moment: datetime) -> tuple[datetime, datetime]:
    """A pause as naive local times, the way the rules are written (:func:`_kept`): open ends reach as far as a date
    can."""
    since, until = pause
    return (_kept(since, moment) if since else datetime.min, _kept(until, moment) if until else datetime.max)


def _kept(stamp: str, moment: datetime) -> datetime:
    """A change, pause or resume kept in UTC text, as the naive local time the rules are written in; one after
    ``moment``, now (pressed while the clock ran ahead), counts from now."""
    return min(local_wall_time(from_utc_iso(stamp)), moment)
