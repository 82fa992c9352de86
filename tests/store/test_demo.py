"""The demo history is consistent and holds every situation the Prepare view must show."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.clock import local_day
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import ActionStatus, IssueStatus, NoteKind, Role, SessionKind, SessionStatus
from copdesk.core.planning import SessionRoles
from copdesk.store import actions, issues, notes, participation, planning, questions, sessions, teams, time_away
from copdesk.store.cpd import cpd_evidence
from copdesk.store.demo import TEAMS, DatabaseNotEmpty, bank_questions, fill_demo
from copdesk.store.integrity import check_database
from copdesk.store.participation import quiet_last_time
from copdesk.store.planning import presenter_turns
from copdesk.store.records import session_record
from copdesk.store.recurring import issue_facts

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def demo_db(db: Database) -> Database:
    fill_demo(db, NOW, bank_questions(paths.resource_path("questions")))
    return db


def test_two_teams_of_six_to_ten_with_roles(demo_db: Database) -> None:
    all_teams = teams.list_teams(demo_db)
    assert len(all_teams) == 2
    for team in all_teams:
        members = teams.list_members(demo_db, team.id)
        assert 6 <= len(members) <= 10
        roles = {m.role for m in members}
        assert Role.FACILITATOR in roles and Role.PRACTITIONER in roles
    names = {m.display_name for t in all_teams for m in teams.list_members(demo_db, t.id)}
    assert names == {name for roster in TEAMS.values() for name, _ in roster}


def test_six_months_of_ended_sessions_with_activity(demo_db: Database) -> None:
    ended = sessions.list_sessions(demo_db, status=SessionStatus.ENDED)
    assert len(ended) == sessions.session_count(demo_db) >= 20
    first = min(s.planned_start or "" for s in ended)
    assert first.startswith("2026-05")
    for session in ended:
        assert sessions.attendee_ids(demo_db, session.id)
        if not shipped_texts().is_attended(session.kind):
            assert len(sessions.segments(demo_db, session.id)) == 7
            assert session.ground_rules_agreed_at is not None and session.presenter_id is not None
    counts = {t: demo_db.table(t).count for t in ("contribution", "marker", "note", "question_asked")}
    assert all(count > 0 for count in counts.values()), counts
    kinds = {row["kind"] for row in demo_db.query("SELECT DISTINCT kind FROM session")}
    assert kinds == {"reflective", "spotlight", "themed"}


def test_the_sessions_the_team_attends_start_as_the_app_starts_them(demo_db: Database) -> None:
    """A Spotlight or Themed session is run by others: one segment for the timer, no ground rules, nobody presenting."""
    attended = [s for s in sessions.list_sessions(demo_db) if shipped_texts().is_attended(s.kind)]
    assert {s.kind for s in attended} == {SessionKind.SPOTLIGHT, SessionKind.THEMED}
    for session in attended:
        assert session.ground_rules_agreed_at is None and session.presenter_id is None
        assert [segment.name for segment in sessions.segments(demo_db, session.id)] == [session.kind.label]


@pytest.mark.parametrize(
    "now",
    [NOW, datetime(2026, 9, 11, 9, 0, tzinfo=UTC), datetime(2027, 3, 19, 9, 0, tzinfo=UTC)],
    ids=["last-two-run-then-attended", "last-but-one-a-spotlight", "after-a-themed-discussion"],
)
def test_the_sessions_the_team_attends_hold_only_what_the_app_records_there(db: Database, now: datetime) -> None:
    """In a session others run (:func:`~copdesk.store.sessions.run_by_the_facilitator` says which) the Live page tracks
    nobody and marks nobody away, and the start dialog sets no co-facilitator or format; the facilitator records who
    attended and what was learned, puts no questions from the bank, parks nothing and follows up none of the team's
    actions. The demo recorded questions and follow-ups there, and its spell away fell on a Spotlight some months."""
    fill_demo(db, now, bank_questions(paths.resource_path("questions")))
    attended = [s.id for s in sessions.list_sessions(db) if not sessions.run_by_the_facilitator(db, s.id)]
    assert attended
    for session_id in attended:
        assert participation.contributions(db, session_id) == [] and participation.markers(db, session_id) == []
        assert time_away.spells(db, session_id) == [] and planning.session_roles(db, session_id) == SessionRoles()
        assert questions.asked_in_session(db, session_id) == [] and notes.notes(db, session_id, NoteKind.PARKED) == []
        assert db.execute("SELECT count(*) FROM action_review WHERE session_id = ?", [session_id]).fetchone()[0] == 0
        assert notes.notes(db, session_id, NoteKind.LEARNING), "what was learned is recorded"
    [away_in] = [row[0] for row in db.execute("SELECT session_id FROM attendance_away")]
    assert sessions.run_by_the_facilitator(db, away_in)


def test_not_presented_for_a_while_is_built_from_the_sessions_the_team_ran(demo_db: Database) -> None:
    team = teams.list_teams(demo_db)[0]
    ran = [s for s in sessions.list_sessions(demo_db, team.id) if not shipped_texts().is_attended(s.kind)]
    last: dict[int, date] = {}
    for session in ran:
        if session.presenter_id is not None and session.started_at:
            day = local_day(session.started_at)
            last[session.presenter_id] = max(day, last.get(session.presenter_id, day))
    turns = presenter_turns(demo_db, team.id)
    assert turns and {turn.member_id: turn.last_presented for turn in turns if turn.last_presented} == {
        turn.member_id: last[turn.member_id] for turn in turns if turn.member_id in last
    }


@pytest.mark.parametrize("now", [NOW, datetime(2026, 11, 4, 9, 0, tzinfo=UTC), datetime(2027, 2, 8, 9, 0, tzinfo=UTC)])
def test_some_are_quiet_at_the_last_session_each_team_ran(db: Database, now: datetime) -> None:
    """The demo is built on the day it is first opened: on some days the numbers drawn left one person quiet last
    time, or nobody, and the Prepare view had little or nothing to show."""
    fill_demo(db, now, bank_questions(paths.resource_path("questions")))
    for team in teams.list_teams(db):
        quiet = quiet_last_time(db, team.id)
        assert quiet is not None and len(quiet.members) >= 2


def test_actions_done_carried_and_overdue(demo_db: Database) -> None:
    team = teams.list_teams(demo_db)[0]
    team_actions = actions.actions_for_team(demo_db, team.id)
    assert any(a.status is ActionStatus.DONE for a in team_actions)
    carried = [a for a in team_actions if a.status is ActionStatus.OPEN and a.times_carried >= 3]
    assert carried, "one action should have been carried several times"
    assert any(a.due is not None and a.due < NOW.date() for a in carried), "and be overdue"
    # No action is ever carried twice in one session.
    duplicates = demo_db.execute(
        "SELECT action_id, session_id FROM action_review WHERE outcome = 'carried' GROUP BY 1, 2 HAVING count(*) > 1"
    ).fetchall()
    assert duplicates == []


def test_recurring_escalated_and_resolved_issues(demo_db: Database) -> None:
    team = teams.list_teams(demo_db)[0]
    by_status = {i.status: i for i in issue_facts(demo_db, team.id)}  # each as it reads in the app
    recurring = by_status[IssueStatus.OPEN]
    assert len(issues.mentions(demo_db, recurring.id)) >= 3
    escalated = by_status[IssueStatus.ESCALATED]
    assert [e.status.value for e in issues.escalations_for_issue(demo_db, escalated.id)] == ["awaiting"]
    resolved = by_status[IssueStatus.RESOLVED]
    assert resolved.resolution


def test_demo_is_internally_consistent(demo_db: Database) -> None:
    assert check_database(demo_db) == []
    orphan_asks = demo_db.execute(
        "SELECT count(*) FROM contribution c LEFT JOIN attendance a "
        "ON a.session_id = c.session_id AND a.member_id = c.member_id WHERE a.member_id IS NULL"
    ).fetchone()[0]
    assert orphan_asks == 0, "every contribution comes from someone marked present"


@pytest.mark.parametrize("now", [NOW, datetime(2027, 3, 9, 14, 0, tzinfo=UTC)])
def test_each_demo_question_is_filed_under_the_segment_its_time_falls_in(db: Database, now: datetime) -> None:
    """A record listed "10:20 Clarifying questions" against an agenda whose case presentation ran to 10:21."""
    fill_demo(db, now, bank_questions(paths.resource_path("questions")))
    sql = """
        SELECT q.at, g.actual_start, g.actual_end FROM question_asked q
        LEFT JOIN segment g ON g.session_id = q.session_id AND g.position = q.segment_position
    """
    asked = [(row["at"], row["actual_start"], row["actual_end"]) for row in db.query(sql)]
    assert asked
    spans = [
        (datetime.fromisoformat(start), datetime.fromisoformat(at), datetime.fromisoformat(end))
        for at, start, end in asked
    ]
    assert [(at, start, end) for start, at, end in spans if not start <= at < end] == []
    positions = {row["segment_position"] for row in db.query("SELECT segment_position FROM question_asked")}
    assert len(positions) > 1, "the questions fall in more than one segment"


def test_demo_has_one_short_spell_away_that_its_records_count(demo_db: Database) -> None:
    """Someone in a late session the first team ran stepped out for twelve minutes and came back: their CPD evidence
    counts the hour less those minutes, and the record does not say they left before the end."""
    [(session_id, member_id, left_at, back_at)] = demo_db.execute(
        "SELECT session_id, member_id, left_at, back_at FROM attendance_away"
    ).fetchall()
    assert back_at is not None and left_at < back_at
    member = teams.get_member(demo_db, member_id)
    team = teams.get_team(demo_db, member.team_id)
    day = local_day(str(left_at))
    [attended] = cpd_evidence(demo_db, team, member, day, day).sessions
    assert (attended.minutes, attended.away_minutes) == (61 - 12, 12)
    assert session_record(demo_db, session_id).left_early_count == 0


def test_demo_refuses_a_database_that_is_not_empty(demo_db: Database) -> None:
    before = demo_db.table("session").count
    with pytest.raises(DatabaseNotEmpty):
        fill_demo(demo_db, NOW, [])
    assert demo_db.table("session").count == before
