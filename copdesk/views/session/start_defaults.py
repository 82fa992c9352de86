"""What the start dialog proposes before the facilitator changes anything: the session this start most likely is
(one planned in advance, else the series' next or just-due one), the Prepare view's plan for it, and the one-segment
hour of a session the team attends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from copdesk.core.agenda import MAX_SEGMENT_MINUTES, AgendaSegment, AgendaTemplate
from copdesk.core.clock import from_utc_iso
from copdesk.core.date_names import day_name, month_name
from copdesk.core.model import SegmentPhase, Session, SessionKind
from copdesk.core.planning import NextSessionPlan
from copdesk.store import schedule, series, session_lifecycle
from copdesk.store.planning import next_run_session, next_session_plan
from copdesk.views.context import AppContext


@dataclass(frozen=True, slots=True)
class StartDefaults:
    kind: SessionKind
    planned_start: datetime | None  # aware, when the session fulfils a scheduled or planned one
    series_id: int | None  # the series of the session it fulfils, or of the one :attr:`ahead`
    reuse: Session | None
    scheduled_words: str
    # The next scheduled session when it is not due yet (aware): a session started now may be that one held early,
    # if the facilitator says so; it then holds it, and uses up its plan, as one started on time does.
    ahead: datetime | None = None
    length_minutes: int | None = None  # the length of :attr:`series_id`'s sessions, as the calendar gives it


def session_defaults(context: AppContext, team_id: int, kind: SessionKind | None = None) -> StartDefaults:
    """The session this start most likely is: one planned in advance, else the series' next (or just due) one; of
    ``kind``, once the facilitator has chosen the type."""
    now = context.now()
    planned = session_lifecycle.planned_session_near(context.db, team_id, now)
    if planned is not None and planned.planned_start is not None and kind in (None, planned.kind):
        start = from_utc_iso(planned.planned_start)
        words = f"Planned: {_when(start)}"
        return StartDefaults(
            planned.kind, start, planned.series_id, planned, words, length_minutes=_length(context, planned.series_id)
        )
    upcoming = schedule.next_due(context.db, team_id, now, lambda found: kind in (None, found))
    if upcoming is None:
        what = "sessions" if kind is None else f"{kind.label} sessions"
        return StartDefaults(kind or SessionKind.REFLECTIVE, None, None, None, f"No scheduled {what} for this team.")
    start = upcoming.moment.astimezone()  # naive local wall time, made aware
    fulfils = abs(start - now) <= schedule.DUE_NOW_WINDOW
    words = f"Scheduled: {upcoming.kind.label}, {_when(start)}" if fulfils else f"Next scheduled: {_when(start)}"
    return StartDefaults(
        upcoming.kind,
        start if fulfils else None,
        upcoming.series_id,
        None,
        words,
        None if fulfils else start,
        _length(context, upcoming.series_id),
    )


def _length(context: AppContext, series_id: int | None) -> int | None:
    return None if series_id is None else series.get_series(context.db, series_id).duration_minutes


def attended_agenda(kind: SessionKind, minutes: int | None = None) -> AgendaTemplate:
    """One segment for the session (the calendar's length, else an hour): the timer keeps time, and nothing
    suggests the facilitator runs the session."""
    seconds = 60 * min(minutes or 60, MAX_SEGMENT_MINUTES)
    return AgendaTemplate(kind, kind.label, (AgendaSegment(kind.label, SegmentPhase.PRESENTATION, seconds),))


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{day_name(local)} {local.day} {month_name(local)} at {local:%H:%M}"


def planned_in_advance(context: AppContext, team_id: int) -> NextSessionPlan:
    """The plan made in the Prepare view for the session the team runs next (or has just begun)."""
    upcoming = next_run_session(context.db, team_id, context.now())
    return next_session_plan(context.db, team_id, upcoming.moment.date() if upcoming else None)
