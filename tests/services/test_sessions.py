"""Opening a session in one transaction, reusing one planned in advance, and the summary's totals."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import AgendaSegment, AgendaTemplate, load_template_folder
from copdesk.core.model import MarkerKind, NoteKind, Role, SegmentPhase, SessionKind, SessionStatus
from copdesk.core.pacing import SegmentOutcome
from copdesk.core.text import InvalidName
from copdesk.services.sessions import SessionPlan, end_session, start_session
from copdesk.store import actions, notes, participation, session_lifecycle, sessions, teams
from copdesk.store.sessions import PlannedSegment

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]


def _plan(team_id: int, present: tuple[int, ...], **changes: object) -> SessionPlan:
    plan = SessionPlan(
        team_id=team_id,
        kind=SessionKind.REFLECTIVE,
        topic="Hospital discharge when the person wants to go home",
        presenter_id=present[0],
        present_ids=present,
        guest_names=(),
        agenda=AGENDA,
        ground_rules_agreed=True,
    )
    return replace(plan, **changes)  # type: ignore[arg-type]


def test_open_session_saves_everything_and_starts_it(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], NOW)
    ash, _bo = teams.list_members(db, team.id)
    session = start_session(
        db, _plan(team.id, (ash.id,), guest_names=("Ola Guest",), presenter_guest_name="Ola Guest"), NOW
    )

    assert session.status is SessionStatus.LIVE and session.started_at == "2026-10-08T09:30:00+00:00"
    assert session.ground_rules_agreed_at == session.started_at
    guest = teams.get_member(db, session.presenter_id or -1)
    assert (guest.display_name, guest.role) == ("Ola Guest", Role.GUEST)
    assert sorted(sessions.attendee_ids(db, session.id)) == sorted([ash.id, guest.id])
    assert [s.name for s in sessions.segments(db, session.id)] == [s.name for s in AGENDA.segments]


def test_a_session_the_team_attends_keeps_no_agreement_to_ground_rules_of_the_facilitators(db: Database) -> None:
    """The tick, left on when another type was chosen in the start dialog, was kept: a TM/SSW CoP the team attended
    then read as one started as the facilitator's own (tracked, carrying its follow-ups, in the quarter's balance)."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    (ash,) = teams.list_members(db, team.id)
    kind = SessionKind.TM_SSW
    attended = AgendaTemplate(kind, kind.label, (AgendaSegment(kind.label, SegmentPhase.PRESENTATION, 3600),))
    session = start_session(db, _plan(team.id, (ash.id,), kind=kind, agenda=attended), NOW)

    assert session.ground_rules_agreed_at is None
    assert not sessions.run_by_the_facilitator(db, session.id)


def test_a_bad_guest_name_leaves_nothing_behind(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    ash = teams.list_members(db, team.id)[0]
    with pytest.raises(InvalidName):
        start_session(db, _plan(team.id, (ash.id,), guest_names=("Ola Guest", "ash lee")), NOW)
    assert sessions.session_count(db) == 0
    assert [m.display_name for m in teams.list_members(db, team.id)] == ["Ash Lee"]


def test_a_session_planned_in_advance_is_opened_instead_of_a_second_one(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    ash = teams.list_members(db, team.id)[0]
    planned = sessions.create_session(
        db,
        team.id,
        SessionKind.SPOTLIGHT,
        NOW - timedelta(days=7),
        planned_start=NOW + timedelta(minutes=30),
        segments=[PlannedSegment("Talk", AGENDA.segments[0].phase, 600)],
    )
    assert session_lifecycle.planned_session_near(db, team.id, NOW) == planned
    assert session_lifecycle.planned_session_near(db, team.id, NOW + timedelta(days=2)) is None
    opened = start_session(db, _plan(team.id, (ash.id,), reuse_session_id=planned.id), NOW)
    assert opened.id == planned.id and opened.kind is SessionKind.REFLECTIVE and opened.status is SessionStatus.LIVE
    assert len(sessions.segments(db, opened.id)) == len(AGENDA.segments)
    assert sessions.session_count(db) == 1
    with pytest.raises(ValueError, match="already been started"):
        start_session(db, _plan(team.id, (ash.id,), reuse_session_id=planned.id), NOW)


def test_summary_counts_are_totals_for_the_room(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], NOW)
    ash, bo = teams.list_members(db, team.id)
    session = start_session(db, _plan(team.id, (ash.id, bo.id), guest_names=("Ola Guest",)), NOW)
    for member in (ash, bo, bo):
        participation.add_contribution(db, session.id, member.id, NOW)
    participation.add_marker(db, session.id, MarkerKind.TENSION, NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, "Check what the person wants, in their words.", NOW)
    counts = session_lifecycle.summary_counts(db, session.id)
    assert (counts.present, counts.guests, counts.contributions, counts.markers, counts.notes) == (3, 1, 3, 1, 1)
    assert (counts.questions_asked, counts.actions_agreed) == (0, 0)


def test_segment_outcomes_read_planned_and_actual_back(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    session = start_session(db, _plan(team.id, (teams.list_members(db, team.id)[0].id,)), NOW)
    first = sessions.segments(db, session.id)[0]
    sessions.record_segment_actuals(db, first.id, actual_start="a", actual_end="b", actual_seconds=390.0)
    outcomes = session_lifecycle.segment_outcomes(db, session.id)
    assert outcomes[0] == SegmentOutcome("Welcome and ground rules", 300, 390.0)
    assert outcomes[1].actual_seconds is None


def test_a_team_never_has_two_live_sessions(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    other = teams.create_team(db, "Quay Team", [("Cy Vale", Role.FACILITATOR)], NOW)
    ash = teams.list_members(db, team.id)[0]
    live = start_session(db, _plan(team.id, (ash.id,)), NOW)
    with pytest.raises(ValueError, match="Harbour Team already has a live session"):
        start_session(db, _plan(team.id, (ash.id,), guest_names=("Ola Guest",)), NOW + timedelta(minutes=5))
    assert [s.id for s in sessions.live_sessions(db)] == [live.id] and sessions.session_count(db) == 1
    assert [m.display_name for m in teams.list_members(db, team.id)] == ["Ash Lee"]  # nothing half-made
    cy = teams.list_members(db, other.id)[0]
    assert start_session(db, _plan(other.id, (cy.id,)), NOW).status is SessionStatus.LIVE  # another team may
    end_session(db, live.id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    assert start_session(db, _plan(team.id, (ash.id,)), NOW + timedelta(days=14)).status is SessionStatus.LIVE


def test_closing_carries_every_open_follow_up_at_the_end_time(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    ash = teams.list_members(db, team.id)[0]
    earlier = start_session(db, _plan(team.id, (ash.id,)), NOW - timedelta(days=14))
    agreed = [
        actions.add_action(db, team.id, text, NOW - timedelta(days=14), origin_session_id=earlier.id)
        for text in ("Share the reading list", "Book the room")
    ]
    end_session(db, earlier.id, NOW - timedelta(days=14) + timedelta(hours=1), NOW)
    assert [actions.get_action(db, a.id).times_carried for a in agreed] == [0, 0]  # agreed there, not carried

    later = start_session(db, _plan(team.id, (ash.id,)), NOW)
    ended_at = NOW + timedelta(minutes=55)
    ended = end_session(db, later.id, ended_at, ended_at)
    assert ended.status is SessionStatus.ENDED and ended.ended_at == "2026-10-08T10:25:00+00:00"
    assert [actions.get_action(db, a.id).times_carried for a in agreed] == [1, 1]
    stamps = db.execute("SELECT DISTINCT at FROM action_review WHERE session_id = ?", [later.id]).fetchall()
    assert stamps == [("2026-10-08T10:25:00+00:00",)]
