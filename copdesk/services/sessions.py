"""A session's life as the facilitator acts it: start, save the timer as it runs, add latecomers, mark someone who
leaves for a while or for good and comes back (and take either back), end (with the End button or, after a crash, at
the last save), and discard.

Ending is one act whichever way it is done, so the record reads the same: the segments' actual times, the
timer's final state, the end, and every follow-up still open carried to the next session (by a session the team
runs, not a Spotlight, Themed or TM/SSW one it attends), all in one transaction (:func:`end_session`). It is the only
place an automatic carry happens, so each open follow-up is carried exactly once. Discarding writes nothing
before it deletes: a refused discard leaves the session as it was, never half-carried.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.agenda import AgendaTemplate
from copdesk.core.clock import MonotonicClock, WallClock, from_utc_iso
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Role, Session, SessionKind, SessionStatus
from copdesk.core.planning import NextSessionPlan, SessionRoles
from copdesk.core.time_away import Spell
from copdesk.core.timer import SegmentState, SessionTimer, TimerStatus, TimerView
from copdesk.services import transaction
from copdesk.services.follow_ups import carry_open_follow_ups
from copdesk.store import live_acts, planning, review, sessions, teams, time_away
from copdesk.store.audit import record_event
from copdesk.store.discard import DiscardPreview, delete_session, preview_discard
from copdesk.store.live_acts import Act
from copdesk.store.sessions import PlannedSegment
from copdesk.store.teams import DuplicateName


@dataclass(frozen=True, slots=True)
class SessionPlan:
    """What the facilitator chose in the start dialog."""

    team_id: int
    kind: SessionKind
    topic: str
    presenter_id: int | None
    present_ids: tuple[int, ...]
    guest_names: tuple[str, ...]
    agenda: AgendaTemplate
    ground_rules_agreed: bool
    planned_start: datetime | None = None  # aware; the scheduled start this session fulfils
    series_id: int | None = None
    reuse_session_id: int | None = None  # a session planned in advance, opened instead of a new one
    presenter_guest_name: str | None = None  # the presenter is one of the guests added on the spot
    roles: SessionRoles | None = None  # co-facilitator, format, trigger warning and support, from the plan


def start_session(db: Database, plan: SessionPlan, now: datetime) -> Session:
    """Add the guests, create (or reuse) the session with its agenda, record who is present, and start it.

    A team has at most one live session: a second is refused (``ValueError``) and nothing is written.
    """
    agenda = [PlannedSegment(s.name, s.phase, s.planned_seconds) for s in plan.agenda.segments]
    with transaction(db):
        # With no next session of its own in the calendar, the team's plan (and its planning ticks) is made with no
        # date; a session it runs holds it and uses it up, as one held for a scheduled date does.
        undated = (
            not shipped_texts().is_attended(plan.kind) and planning.next_run_session(db, plan.team_id, now) is None
        )
        guests = {name: teams.add_member(db, plan.team_id, name, Role.GUEST, now).id for name in plan.guest_names}
        presenter_id = guests[plan.presenter_guest_name] if plan.presenter_guest_name else plan.presenter_id
        if plan.reuse_session_id is not None:
            session_id = plan.reuse_session_id
            if sessions.get_session(db, session_id).status is not SessionStatus.PLANNED:
                raise ValueError("That session has already been started.")
            sessions.update_session_details(db, session_id, topic=plan.topic, presenter_id=presenter_id)
            sessions.set_session_kind(db, session_id, plan.kind)
            sessions.replace_segments(db, session_id, agenda)
        else:
            session_id = sessions.create_session(
                db,
                plan.team_id,
                plan.kind,
                now,
                planned_start=plan.planned_start,
                topic=plan.topic,
                series_id=plan.series_id,
                presenter_id=presenter_id,
                segments=agenda,
            ).id
        if any(live.team_id == plan.team_id for live in sessions.live_sessions(db)):
            team = teams.get_team(db, plan.team_id).name
            raise ValueError(f"{team} already has a live session; resume it or end it before starting another.")
        sessions.set_attendance(db, session_id, [*plan.present_ids, *guests.values()])
        if plan.roles is not None:
            planning.set_session_roles(db, session_id, plan.roles)
        if undated:
            _use_up_undated_plan(db, plan.team_id, now.astimezone().date(), now)
        # A session others run has no ground rules of the facilitator's: a tick left from another kind is not kept,
        # nor then taken for a TM/SSW CoP run as the facilitator's own (sessions.RUN_AS_OWN_TM_SSW).
        agreed = plan.ground_rules_agreed and not shipped_texts().is_attended(plan.kind)
        return sessions.start_session(db, session_id, now, ground_rules_agreed=agreed)


def _use_up_undated_plan(db: Database, team_id: int, held_on: date, now: datetime) -> None:
    """The plan a team with no schedule made for its next session, used up by the session it runs: kept under the
    day it was held, as a scheduled session's plan stays under its date, so that discarding the session gives it
    back (:func:`discard_session`). Where that day has a plan already (a second session that day), it goes."""
    if not planning.move_plan(db, team_id, None, held_on):
        planning.save_next_session_plan(db, team_id, None, NextSessionPlan(), now)
    if not review.move_planning_ticks(db, team_id, None, held_on):
        review.forget_planning_ticks(db, team_id, None)


def save_timer(db: Database, session_id: int, state: Mapping[str, Any], now: datetime) -> None:
    """The timer's state as a heartbeat (and on each change), so a crash can be ended at the last save."""
    with transaction(db):
        sessions.save_timer_state(db, session_id, json.dumps(state), now)


def record_segment_times(db: Database, session_id: int, view: TimerView, *, only: int | None = None) -> None:
    """Write the actual start, end and length of each closed segment (or of segment ``only``) to its row.

    A segment never reached keeps no actuals.
    """
    with transaction(db):
        segment_ids = [segment.id for segment in sessions.segments(db, session_id)]
        for segment in view.agenda:
            wanted = segment.index == only if only is not None else segment.state is SegmentState.DONE
            if wanted and segment.index < len(segment_ids):
                sessions.record_segment_actuals(
                    db,
                    segment_ids[segment.index],
                    actual_start=segment.actual_start,
                    actual_end=segment.actual_end,
                    actual_seconds=segment.actual_seconds,
                )


def end_session(
    db: Database,
    session_id: int,
    ended_at: datetime,
    now: datetime,
    *,
    final: TimerView | None = None,
    timer_state: Mapping[str, Any] | None = None,
) -> Session:
    """End a live session at ``ended_at``: its segments' actual times and final timer state (when given), the end,
    and every follow-up still open carried to the next session, once, in one transaction."""
    with transaction(db):
        if final is not None:
            record_segment_times(db, session_id, final)
        if timer_state is not None:
            sessions.save_timer_state(db, session_id, json.dumps(timer_state), now)
        carry_open_follow_ups(db, session_id, ended_at)
        live_acts.forget(db, session_id)  # nothing is taken back from an ended session
        return sessions.end_session(db, session_id, ended_at)


def end_at_last_save(
    db: Database,
    session_id: int,
    state: Mapping[str, Any] | None,
    last_saved: datetime | None,
    monotonic: MonotonicClock,
    now: WallClock,
    *,
    last_used: datetime | None = None,
) -> Session:
    """End a session a crash left live, at its last save (or earlier, at ``last_used``: when a session left running
    was last in use, :meth:`SessionTimer.idle_end`): the segment running then is closed there, every segment's
    actuals are saved, and it ends as the End button ends a session (open follow-ups carried once)."""
    ended_at = last_used or last_saved or now()  # start_session always stamps last_saved_at
    timer = None if state is None else SessionTimer.from_state(state, monotonic, now)
    status = None if timer is None else timer.snapshot().status
    if timer is not None and status in (TimerStatus.RUNNING, TimerStatus.PAUSED):
        timer.end_session(at=last_used, at_last_save=last_used is None)
    if timer is None or status is TimerStatus.NOT_STARTED:
        return end_session(db, session_id, ended_at, now())
    return end_session(db, session_id, ended_at, now(), final=timer.snapshot(), timer_state=timer.to_state())


def add_latecomers(
    db: Database, session_id: int, member_ids: Sequence[int], guest_names: Sequence[str], now: datetime
) -> list[int]:
    """Mark people present after the start, adding guests to the team on the spot; a bad or duplicate guest name
    adds nobody. Returns the ids marked present. Anyone of them taken off as marked present by mistake is no longer
    kept for Undo: they are present again, as having come now."""
    with transaction(db):
        added = sessions.add_latecomers(db, session_id, member_ids, guest_names, now)
        live_acts.marked_present_again(db, session_id, member_ids, guest_names)
        return added


def remove_attendee(db: Database, session_id: int, member_id: int) -> int:
    """Take someone marked present by mistake off the live session's attendance, before anything of theirs is
    recorded in it (:func:`copdesk.store.sessions.why_attendance_stays`); refused with ``ValueError`` after, or once
    the session has ended. Who it was, and when they had come, is kept for Undo (:func:`put_back_attendee`), after a
    restart too; returns what keeps it."""
    with transaction(db):
        _refuse_unless_live(db, session_id)
        member = teams.get_member(db, member_id)
        came = sessions.arrivals(db, session_id).get(member_id)
        if sessions.remove_attendee(db, session_id, member_id):  # a guest of this session alone, gone from the roster
            return live_acts.take_off(db, session_id, None, member.display_name, came)
        return live_acts.take_off(db, session_id, member_id, None, came)


def put_back_attendee(db: Database, session_id: int, taken_off_id: int, now: datetime) -> int:
    """Undo :func:`remove_attendee`: marked present again, as having come when they had, so their tile keeps its place
    when the session is resumed; a guest it took off the roster too (added for this session alone) is added again
    under the same name. Returns the id of the member now present. Someone of that name put on the roster since
    (the Team page) leaves the guest no name to come back under: refused (``ValueError``), and no longer kept."""
    try:
        with transaction(db):
            _refuse_unless_live(db, session_id)
            taken_off = live_acts.put_back(db, session_id, taken_off_id)
            if taken_off.member_id is not None:
                ids = [taken_off.member_id]
            else:  # under the name kept, which may be from before a person's name needed a letter ("🌱")
                team_id = sessions.get_session(db, session_id).team_id
                ids = [teams.add_member(db, team_id, taken_off.guest_name or "", Role.GUEST, now, kept=True).id]
            [back] = sessions.add_latecomers(db, session_id, ids, [], now)
            came = taken_off.arrived_at
            sessions.set_arrived_at(db, session_id, back, from_utc_iso(came) if came else None)
            return back
    except DuplicateName as clash:
        with transaction(db):
            live_acts.forget_taken_off(db, taken_off_id)
        raise ValueError(f"{str(clash).rstrip('.')}, so the guest cannot be put back under that name.") from None


def resumed(db: Database, session_id: int, last_saved: datetime | None, now: datetime) -> bool:
    """A session left live is resumed: on a later day than it was last saved (local days), its meeting is over, so
    Undo no longer puts back anyone taken off it as present by mistake, and a guest's name kept for that goes
    (:func:`copdesk.store.live_acts.forget_taken_off`). Whether any went."""
    if last_saved is None or last_saved.astimezone().date() >= now.astimezone().date():
        return False
    with transaction(db):
        held = live_acts.taken_off(db, session_id)
        for row in held:
            live_acts.forget_taken_off(db, row.id)
        return bool(held)


def mark_left(db: Database, session_id: int, member_id: int, at: datetime) -> Spell:
    """Someone present left the live session at ``at``, for a while or for good: they stay on its attendance, and a
    spell away begins (the record, their CPD evidence and the participation figures leave it out). Refused
    with ``ValueError`` once it has ended, or while they are away already."""
    with transaction(db):
        _refuse_unless_live(db, session_id)
        spell = time_away.leave(db, session_id, member_id, at)
        live_acts.made(db, session_id, Act.LEFT, spell.id)
        return spell


def mark_back(db: Database, session_id: int, member_id: int, at: datetime) -> Spell:
    """They came back into the live session at ``at``: their spell away ends there, and they count as present again.
    Refused with ``ValueError`` once the session has ended, or for someone who is not away."""
    with transaction(db):
        _refuse_unless_live(db, session_id)
        spell = time_away.come_back(db, session_id, member_id, at)
        live_acts.made(db, session_id, Act.BACK, spell.id)
        return spell


def undo_left(db: Database, session_id: int, spell_id: int) -> None:
    """Undo :func:`mark_left`: that spell away goes, as if they had not left (a mark made by mistake)."""
    with transaction(db):
        _refuse_unless_live(db, session_id)
        time_away.delete_spell(db, session_id, spell_id)
        live_acts.taken_back(db, Act.LEFT, spell_id)


def undo_back(db: Database, session_id: int, spell_id: int) -> None:
    """Undo :func:`mark_back`: that spell away is open again, as if they had not come back."""
    with transaction(db):
        _refuse_unless_live(db, session_id)
        time_away.reopen_spell(db, session_id, spell_id)
        live_acts.taken_back(db, Act.BACK, spell_id)


def _refuse_unless_live(db: Database, session_id: int) -> None:
    if sessions.get_session(db, session_id).status is not SessionStatus.LIVE:
        raise ValueError("That session has ended: who attended is part of the record now.")


def discard_session(db: Database, session_id: int, now: datetime) -> DiscardPreview:
    """Delete a session started by accident or for practice with everything recorded in it, and audit it by
    counts; refused (:class:`~copdesk.store.discard.DiscardRefused`) for a session that is history."""
    with transaction(db):
        preview = preview_discard(db, session_id, now)
        delete_session(db, session_id)
        session = preview.session
        if session.started_at is not None and planning.next_run_session(db, session.team_id, now) is None:
            held_on = from_utc_iso(session.started_at).astimezone().date()  # the plan it used up comes back
            planning.move_plan(db, session.team_id, held_on, None)
            review.move_planning_ticks(db, session.team_id, held_on, None)
        status = preview.session.status.value
        record_event(db, "discarded", "session", session_id, now, f"{status} session: {preview.in_words()}")
    return preview
