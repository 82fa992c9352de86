"""A session left running overnight, ended when it was last in use: what counts as use (the store's last record), and
the record, the CPD evidence and the segments' actual times then tell the meeting's length, not the night's."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.model import MarkerKind, NoteKind, Role, SessionKind
from copdesk.core.timer import SessionTimer
from copdesk.services.sessions import SessionPlan, end_session, start_session
from copdesk.store import notes, participation, questions, sessions, teams, time_away
from copdesk.store.cpd import cpd_evidence
from tests.conftest import FakeClock

AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
TEAM = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)]


def _live(db: Database, clock: FakeClock) -> tuple[int, dict[str, int]]:
    team = teams.create_team(db, "Harbour Team", TEAM, clock.now())
    ids = {m.display_name: m.id for m in teams.list_members(db, team.id)}
    plan = SessionPlan(team.id, SessionKind.REFLECTIVE, "Carers", None, tuple(ids.values()), (), AGENDA, True)
    return start_session(db, plan, clock.now()).id, ids


def test_the_last_thing_recorded_is_the_latest_of_every_kind(db: Database) -> None:
    clock = FakeClock()
    session_id, ids = _live(db, clock)
    assert sessions.last_recorded_at(db, session_id) == clock.now(), "started is a use"
    steps: list[Callable[[], object]] = [
        lambda: participation.add_contribution(db, session_id, ids["Bo Day"], clock.now()),
        lambda: participation.add_marker(db, session_id, MarkerKind.LOW_ENERGY, clock.now()),
        lambda: questions.record_asked(db, session_id, "q1", "open", "What happened?", 0, clock.now()),
        lambda: notes.save_session_text(db, session_id, "Carer strain", clock.now()),
        lambda: notes.add_note(db, session_id, NoteKind.LEARNING, "Ask sooner", clock.now()),
        lambda: sessions.add_latecomers(db, session_id, [], ["Cy Vale"], clock.now()),
        lambda: time_away.leave(db, session_id, ids["Bo Day"], clock.now()),
        lambda: time_away.come_back(db, session_id, ids["Bo Day"], clock.now()),
    ]
    for step in steps:
        clock.advance(60)
        step()
        assert sessions.last_recorded_at(db, session_id) == clock.now()
    last = clock.now()
    clock.advance(60)
    notes.save_session_text(db, session_id, "Carer strain", clock.now())  # saved again, unchanged: not a use
    assert sessions.last_recorded_at(db, session_id) == last
    assert sessions.last_recorded_at(db, session_id, before=last - timedelta(seconds=90)) == last - timedelta(minutes=2)


def test_ending_when_last_in_use_keeps_the_night_out_of_the_cpd_evidence(db: Database) -> None:
    clock = FakeClock()
    session_id, ids = _live(db, clock)
    timer = SessionTimer(AGENDA.segments, clock, clock.now, planned_total_seconds=AGENDA.total_seconds)
    timer.start()
    clock.advance(50 * 60)
    participation.add_contribution(db, session_id, ids["Bo Day"], clock.now())
    clock.advance(5 * 60)
    timer.snapshot()
    clock.sleep_laptop(17 * 3600)  # the lid closed on the live session; opened the next morning
    timer.snapshot()

    offer = timer.idle_end(lambda before: sessions.last_recorded_at(db, session_id, before))
    assert offer is not None and offer.at == clock.now() - timedelta(hours=17, minutes=5)
    timer.end_session(at=offer.at)
    end_session(db, session_id, offer.at, clock.now(), final=timer.snapshot(), timer_state=timer.to_state())

    ended = sessions.get_session(db, session_id)
    assert ended.ended_at == "2026-10-08T10:20:00+00:00"
    cut = [s for s in sessions.segments(db, session_id) if s.actual_end is not None]
    assert cut[-1].actual_end == ended.ended_at and sum(s.actual_seconds or 0 for s in cut) == 50 * 60
    team = teams.list_teams(db)[0]
    member = teams.get_member(db, ids["Ash Lee"])
    evidence = cpd_evidence(db, team, member, clock.now().date() - timedelta(days=2), clock.now().date())
    assert [s.minutes for s in evidence.sessions] == [50]
