"""Note search reaches issue titles, actions and escalation outcomes (db/0009) and how issues were resolved (db/0032),
each with its session's date, and keeps to one team's when asked."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from copdesk import paths
from copdesk.core.fts import split_highlights
from copdesk.core.model import EscalationStatus, EscalationTarget, NoteKind, SessionKind
from copdesk.store import actions, issues, migrations, notes, sessions, teams
from copdesk.store.connection import open_database
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
    change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Manager agreed a standing interpreter slot", NOW)

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
    change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Answered through the portal", NOW)
    [hit] = search_notes(db, "portal")
    assert hit.session_date == _day(0)  # raised outside a session: dated by where its issue was raised
    for table in ("action_fts", "escalation_fts"):
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")  # raises if index and table differ


def test_a_resolution_is_found_dated_by_the_last_session_its_issue_was_raised_in(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first, second = _session(db, team.id, 0), _session(db, team.id, 14)
    issue = issues.add_issue(db, team.id, "Hospital discharges on a Friday", first, NOW)
    issues.add_mention(db, issue.id, second, "Again", NOW + timedelta(days=14))
    assert search_notes(db, "ward") == []  # open: no resolution yet
    issues.resolve_issue(db, issue.id, "The ward now rings by Thursday noon", NOW + timedelta(days=20))
    [hit] = search_notes(db, "ward")
    where = "Resolution: Hospital discharges on a Friday"
    assert (hit.where, hit.session_date, hit.row_id) == (where, _day(14), issue.id)
    assert hit.text == "The ward now rings by Thursday noon"
    assert [hit.where for hit in search_notes(db, "Friday")] == ["Issue"]  # the title is its own match
    issues.reword_resolution(db, issue.id, "The hospital now rings by Thursday noon")
    assert search_notes(db, "ward") == [] and [h.where for h in search_notes(db, "hospital rings")] == [where]
    assert db.table("issue").detect_fts() == "issue_fts"  # still the title's index, as sqlite-utils finds it
    db.execute("INSERT INTO issue_resolution_fts (issue_resolution_fts) VALUES ('integrity-check')")
    db.execute("DELETE FROM issue_mention WHERE issue_id = ?", [issue.id])
    db.execute("DELETE FROM issue WHERE id = ?", [issue.id])
    assert search_notes(db, "hospital") == []
    db.execute("INSERT INTO issue_resolution_fts (issue_resolution_fts) VALUES ('integrity-check')")


def test_resolutions_made_before_0032_are_found_once_it_is_applied(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "old.db")
    migrations.apply(conn, [m for m in migrations.discover(paths.migrations_dir()) if m.version < 32])
    conn.executescript(
        """
        INSERT INTO team (id, name, name_key, created_at) VALUES (1, 'Harbour Team', 'harbour team', '2026-01-01');
        INSERT INTO session (id, team_id, kind, status, created_at) VALUES (1, 1, 'reflective', 'ended', '2026-01-01');
        INSERT INTO issue (id, team_id, title, status, resolution, created_at)
        VALUES (1, 1, 'Lifts out of order', 'resolved', 'Facilities fixed the lifts', '2026-01-01'),
               (2, 1, 'Parking', 'open', NULL, '2026-01-01');
        INSERT INTO issue_mention (issue_id, session_id, text, at) VALUES (1, 1, '', '2026-01-01T10:00:00+00:00');
        """
    )
    conn.commit()
    conn.close()
    db = open_database(tmp_path / "old.db", paths.migrations_dir()).db
    assert [(hit.where, hit.row_id) for hit in search_notes(db, "facilities")] == [
        ("Resolution: Lifts out of order", 1)
    ]
    db.execute("INSERT INTO issue_resolution_fts (issue_resolution_fts) VALUES ('integrity-check')")
    db.close()


def test_what_outlives_its_sessions_is_still_found_dated_when_it_was_recorded(db: Database) -> None:
    """A deletion of old sessions keeps an issue resolved since, and an open action, without their sessions: the
    erasure report still counts their words, so the search must still find them."""
    from copdesk.core.clock import to_utc_iso
    from copdesk.store.retention import delete_older

    team = teams.create_team(db, "Harbour Team", [], NOW)
    old = _session(db, team.id, 0)
    issue = issues.add_issue(db, team.id, "Jo Quinn's referrals", old, NOW, "Jo Quinn waited")
    issues.resolve_issue(db, issue.id, "Jo Quinn now has a named worker", NOW + timedelta(days=60))
    escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, _day(5), None, old)
    change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Manager called Jo Quinn", NOW)
    actions.add_action(db, team.id, "Ring Jo Quinn", NOW, origin_session_id=old)
    sessions.end_session(db, old, NOW + timedelta(hours=1))
    delete_older(db, to_utc_iso(NOW + timedelta(days=30)))
    assert db.execute("SELECT count(*) FROM session").fetchone()[0] == 0
    found = {(hit.where, hit.session_id, hit.session_date, hit.team_name) for hit in search_notes(db, "Quinn")}
    assert found == {
        ("Issue", None, _day(0), "Harbour Team"),
        ("Resolution: Jo Quinn's referrals", None, _day(60), "Harbour Team"),
        ("Escalation outcome: Jo Quinn's referrals", None, _day(5), "Harbour Team"),  # the day it was raised
        ("Action", None, _day(0), "Harbour Team"),
    }


def test_a_search_of_one_team_finds_every_kind_of_its_words_and_none_of_another_teams(db: Database) -> None:
    """A facilitator of two teams' CoPs searches with one team watching: the other's words never leave the database."""
    harbour = teams.create_team(db, "Harbour Team", [], NOW)
    riverside = teams.create_team(db, "Riverside Team", [], NOW)
    for team in (harbour, riverside):
        session = _session(db, team.id, 0)
        notes.add_note(db, session, NoteKind.LEARNING, "Share the rota early", NOW)
        issue = issues.add_issue(db, team.id, "Rota gaps", session, NOW, "The rota changed twice")
        issues.resolve_issue(db, issue.id, "A rota lead was named", NOW)
        escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, _day(0), None, session)
        change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "The manager agreed the rota", NOW)
        actions.add_action(db, team.id, "Post the rota", NOW, origin_session_id=session)
        actions.add_action(db, team.id, "Check the rota with HR", NOW)  # no session: its own team says whose
    for team in (harbour, riverside):
        hits = search_notes(db, "rota", team_id=team.id)
        assert {hit.team_name for hit in hits} == {team.name}
        assert sorted(hit.where for hit in hits) == [
            "Action",
            "Action",
            "Escalation outcome: Rota gaps",
            "Issue",
            "Issue: Rota gaps",
            "Learning point",
            "Resolution: Rota gaps",
        ]
    assert len(search_notes(db, "rota")) == 14  # every team's


def test_the_best_matches_are_taken_from_the_teams_own(db: Database) -> None:
    """Another team's better matches never take this team's places in the limit."""
    harbour = teams.create_team(db, "Harbour Team", [], NOW)
    riverside = teams.create_team(db, "Riverside Team", [], NOW)
    busy = _session(db, riverside.id, 0)
    for _ in range(5):
        notes.add_note(db, busy, NoteKind.LEARNING, "Rota", NOW)  # short: each a better match than the long one
    long_note = "We went over the discharge plans, the waiting list and, near the end, the rota for next month."
    notes.add_note(db, _session(db, harbour.id, 0), NoteKind.NOTE, long_note, NOW)
    assert long_note not in [hit.text for hit in search_notes(db, "rota", limit=3)]  # outranked among every team's
    [hit] = search_notes(db, "rota", team_id=harbour.id, limit=3)
    assert (hit.text, hit.team_name) == (long_note, "Harbour Team")
