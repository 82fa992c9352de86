"""Note search reaches issue titles, actions and escalation outcomes (db/0009), each with its session's date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlite_utils import Database

from copdesk.core.fts import split_highlights
from copdesk.core.model import EscalationStatus, EscalationTarget, SessionKind
from copdesk.store import actions, issues, sessions, teams
from copdesk.store.recurring import change_escalation
from copdesk.store.search import search_notes

NOW = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)


def _session(db: Database, team_id: int, days: int) -> int:
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    sessions.start_session(db, session.id, NOW + timedelta(days=days), ground_rules_agreed=True)
    return session.id


def _day(days: int) -> date:
    return (NOW + timedelta(days=days)).astimezone().date()


def test_issue_titles_actions_and_escalation_outcomes_are_found_with_their_session(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first, second = _session(db, team.id, 0), _session(db, team.id, 14)
    booking = issues.add_issue(db, team.id, "Booking an interpreter at short notice", first, NOW)
    issues.add_issue(db, team.id, "Interpreters cancelled on the day", second, NOW)
    issues.add_mention(db, booking.id, second, "Still hard to book", NOW)
    actions.add_action(db, team.id, "Ask the interpreting service for a named contact", NOW, origin_session_id=second)
    escalation = issues.add_escalation(db, booking.id, EscalationTarget.MANAGER, _day(14), None, second)
    change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Manager agreed a standing interpreter slot")

    hits = search_notes(db, "interpreter")
    found = {(hit.where, hit.session_date) for hit in hits}
    assert found == {
        ("Issue", _day(0)),  # recorded in the first session
        ("Issue", _day(14)),
        ("Action", _day(14)),
        ("Escalation outcome: Booking an interpreter at short notice", _day(14)),
    }
    action = next(hit for hit in hits if hit.where == "Action")
    assert action.text == "Ask the interpreting service for a named contact"
    assert ("interpreting", True) in split_highlights(action.snippet)  # the porter stem matches
    assert all(hit.team_name == "Harbour Team" for hit in hits)


def test_the_new_indexes_follow_edits_and_deletions(db: Database) -> None:
    assert db.table("action").detect_fts() == "action_fts"
    assert db.table("escalation").detect_fts() == "escalation_fts"
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = _session(db, team.id, 0)
    action = actions.add_action(db, team.id, "Share the carers' checklist", NOW, origin_session_id=session)
    assert [hit.where for hit in search_notes(db, "checklist")] == ["Action"]
    db.execute("UPDATE action SET text = 'Share the discharge leaflet' WHERE id = ?", [action.id])
    assert search_notes(db, "checklist") == [] and [h.text for h in search_notes(db, "leaflet")]
    db.execute("DELETE FROM action WHERE id = ?", [action.id])
    assert search_notes(db, "leaflet") == []
    issue = issues.add_issue(db, team.id, "Waiting lists", session, NOW)
    escalation = issues.add_escalation(db, issue.id, EscalationTarget.MY_VIEWS, _day(0), None, None)
    assert search_notes(db, "portal") == []
    change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Answered through the portal")
    [hit] = search_notes(db, "portal")
    assert hit.session_date == _day(0)  # raised outside a session: dated by where its issue was raised
    for table in ("action_fts", "escalation_fts"):
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")  # raises if index and table differ
