"""Discarding a session: everything recorded in it goes in one transaction, and carry counts go back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.model import (
    ActionStatus,
    EscalationTarget,
    IssueStatus,
    MarkerKind,
    NoteKind,
    ReviewOutcome,
    Role,
    SessionKind,
)
from copdesk.services.follow_ups import review_follow_up
from copdesk.services.sessions import SessionPlan, discard_session, end_session, start_session
from copdesk.store import actions, issues, notes, participation, questions, sessions, teams
from copdesk.store.audit import recent_events
from copdesk.store.discard import DiscardRefused, discardable_session, preview_discard
from copdesk.store.search import search_notes

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
SECRET = "Zanzibar placement breakdown"  # in a note of the discarded session only


@dataclass
class History:
    team_id: int
    member_ids: list[int]
    earlier: int  # the session before the one to discard
    carried: int  # an action from the first session, still open
    closed_here: int  # an action the discarded session marked done
    old_issue: int  # raised earlier, mentioned and escalated in the discarded session


def _open(db: Database, team_id: int, present: list[int], at: datetime, guests: tuple[str, ...] = ()) -> int:
    plan = SessionPlan(team_id, SessionKind.REFLECTIVE, "", None, tuple(present), guests, AGENDA, True)
    return start_session(db, plan, at).id


def _history(db: Database) -> History:
    """Two ended sessions a fortnight and a week ago, with two actions carried once each."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], NOW)
    members = [m.id for m in teams.list_members(db, team.id)]
    first = _open(db, team.id, members, NOW - timedelta(days=14))
    carried = actions.add_action(
        db, team.id, "Share the reading list", NOW - timedelta(days=14), origin_session_id=first
    )
    closed = actions.add_action(db, team.id, "Book the room", NOW - timedelta(days=14), origin_session_id=first)
    end_session(db, first, NOW - timedelta(days=14, hours=-1), NOW - timedelta(days=14, hours=-1))
    earlier = _open(db, team.id, members, NOW - timedelta(days=7))
    old_issue = issues.add_issue(db, team.id, "Waiting lists for assessments", earlier, NOW - timedelta(days=7))
    end_session(db, earlier, NOW - timedelta(days=7, hours=-1), NOW - timedelta(days=7, hours=-1))
    return History(team.id, members, earlier, carried.id, closed.id, old_issue.id)


def _record_everything(db: Database, history: History, session_id: int, at: datetime) -> None:
    guest = next(m.id for m in teams.list_members(db, history.team_id) if m.role is Role.GUEST)
    participation.add_contribution(db, session_id, history.member_ids[0], at)
    participation.add_contribution(db, session_id, guest, at)
    participation.add_marker(db, session_id, MarkerKind.TENSION, at)
    notes.add_note(db, session_id, NoteKind.NOTE, SECRET, at)
    questions.record_asked(db, session_id, "clarifying-1", "Clarifying", "What happened next?", 2, at)
    review_follow_up(db, history.closed_here, session_id, ReviewOutcome.DONE, at)
    actions.add_action(db, history.team_id, "Write to the ward", at, origin_session_id=session_id)
    issues.add_issue(db, history.team_id, "Transport to day centres", session_id, at)
    issues.add_mention(db, history.old_issue, session_id, "again this week", at)
    issues.add_escalation(db, history.old_issue, EscalationTarget.MANAGER, at.date(), None, session_id)


def _carries(db: Database, action_id: int) -> int:
    return actions.get_action(db, action_id).times_carried


def test_discarding_an_ended_session_takes_back_everything_it_recorded(db: Database) -> None:
    history = _history(db)
    before = {table: db.table(table).count for table in ("member", "issue", "action", "audit")}
    assert (_carries(db, history.carried), _carries(db, history.closed_here)) == (1, 1)
    session_id = _open(db, history.team_id, history.member_ids, NOW, guests=("Ola Visitor",))
    _record_everything(db, history, session_id, NOW + timedelta(minutes=10))
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    assert _carries(db, history.carried) == 2  # ending it carried the open action once more
    assert actions.get_action(db, history.closed_here).status is ActionStatus.DONE
    assert issues.get_issue(db, history.old_issue).status is IssueStatus.ESCALATED

    preview = discard_session(db, session_id, NOW + timedelta(hours=2))

    assert (preview.notes, preview.contributions, preview.markers, preview.questions) == (1, 2, 1, 1)
    assert (preview.actions, preview.reviews, preview.mentions, preview.issues, preview.escalations) == (1, 2, 2, 1, 1)
    assert preview.guests == 1
    assert "1 note" in preview.in_words() and "2 contributions" in preview.in_words()
    assert [s.id for s in sessions.list_sessions(db, history.team_id)][-1] == history.earlier
    assert _carries(db, history.carried) == 1 and _carries(db, history.closed_here) == 1
    assert actions.get_action(db, history.closed_here).status is ActionStatus.OPEN
    old_issue = issues.get_issue(db, history.old_issue)
    assert old_issue.status is IssueStatus.OPEN and len(issues.mentions(db, history.old_issue)) == 1
    after = {table: db.table(table).count for table in ("member", "issue", "action")}
    assert after == {table: before[table] for table in after}  # the guest, the new issue and action are gone
    for table in ("segment", "attendance", "contribution", "marker", "note", "question_asked", "escalation"):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE session_id = ?", [session_id]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM action_review WHERE session_id = ?", [session_id]).fetchone()[0] == 0
    assert search_notes(db, "Zanzibar") == []
    (event,) = [e for e in recent_events(db) if e["event"] == "discarded"]
    assert (event["entity"], event["entity_id"]) == ("session", session_id)
    assert SECRET not in str(event) and "Ola" not in str(event) and "1 note" in str(event["detail"])


def test_a_live_session_can_be_discarded_and_counts_nothing_as_held(db: Database) -> None:
    history = _history(db)
    session_id = _open(db, history.team_id, history.member_ids, NOW)
    notes.add_note(db, session_id, NoteKind.NOTE, "A practice run", NOW)

    assert discardable_session(db, history.team_id, NOW) == sessions.get_session(db, session_id)
    assert preview_discard(db, session_id, NOW).in_words() == "1 note"
    discard_session(db, session_id, NOW + timedelta(minutes=5))

    assert sessions.live_sessions(db) == []
    assert len(sessions.list_sessions(db, history.team_id)) == 2
    assert _carries(db, history.carried) == 1
    # With the live one gone, the latest is the one from a week ago: history, not discardable.
    assert discardable_session(db, history.team_id, NOW) is None


def test_older_and_earlier_sessions_are_refused_and_left_whole(db: Database) -> None:
    history = _history(db)
    with pytest.raises(DiscardRefused, match="ended today"):
        discard_session(db, history.earlier, NOW)
    session_id = _open(db, history.team_id, history.member_ids, NOW)
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    with pytest.raises(DiscardRefused, match="latest session"):
        discard_session(db, history.earlier, NOW + timedelta(hours=2))
    tomorrow = NOW + timedelta(days=1)
    assert discardable_session(db, history.team_id, tomorrow) is None
    with pytest.raises(DiscardRefused, match="ended today"):
        discard_session(db, session_id, tomorrow)
    planned = sessions.create_session(db, history.team_id, SessionKind.SPOTLIGHT, NOW, planned_start=tomorrow)
    with pytest.raises(DiscardRefused, match="not started"):
        discard_session(db, planned.id, NOW)

    assert len(sessions.list_sessions(db, history.team_id)) == 4
    assert _carries(db, history.carried) == 2
    assert not [e for e in recent_events(db) if e["event"] == "discarded"]


def test_a_failed_discard_changes_nothing(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    history = _history(db)
    session_id = _open(db, history.team_id, history.member_ids, NOW)
    review_follow_up(db, history.closed_here, session_id, ReviewOutcome.DONE, NOW)
    counts = {t: db.table(t).count for t in ("session", "action_review", "note", "segment", "audit")}

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr("copdesk.services.sessions.record_event", refuse)  # the last step fails
    with pytest.raises(OSError):
        discard_session(db, session_id, NOW)

    assert {t: db.table(t).count for t in counts} == counts
    assert actions.get_action(db, history.closed_here).status is ActionStatus.DONE


def test_discarding_a_session_gives_back_the_undated_plan_it_used_up(db: Database) -> None:
    """A team with no schedule plans with no date, and the session it runs uses the plan up. Discarding that session
    (started by mistake, or for practice) deleted the plan for good, its ticks and the day the presenter was asked
    with it; it comes back as it was."""
    from datetime import date

    from copdesk.core.planning import NextSessionPlan, SessionRoles
    from copdesk.store import planning, review

    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], NOW)
    members = [member.id for member in teams.list_members(db, team.id)]
    plan = NextSessionPlan(members[1], date(2026, 10, 1), SessionRoles(None, None, "A sudden death at home", ""))
    planning.save_next_session_plan(db, team.id, None, plan, NOW)
    review.set_planning_tick(db, team.id, None, "follow-up", True)
    started = SessionPlan(team.id, SessionKind.REFLECTIVE, "", members[1], tuple(members), (), AGENDA, True)
    session = start_session(db, started, NOW)
    assert planning.next_session_plan(db, team.id, None).is_empty, "the session used the plan up"

    discard_session(db, session.id, NOW + timedelta(minutes=5))

    assert planning.next_session_plan(db, team.id, None) == plan
    assert review.planning_ticks(db, team.id, None) == {"follow-up"}
