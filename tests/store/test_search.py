"""Full-text search: FTS5 tables kept in sync by triggers, issue suggestions ranked, notes found in context."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk.core.fts import LONGEST_SNIPPETED, split_highlights
from copdesk.core.model import NoteKind, SessionKind
from copdesk.store import issues, notes, sessions, teams
from copdesk.store.search import search_notes, suggest_issues

NOW = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def history(db: Database) -> dict[str, int]:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    other = teams.create_team(db, "Other Team", [], NOW)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    second = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW + timedelta(days=14))
    elsewhere = sessions.create_session(db, other.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    ot = issues.add_issue(
        db, team.id, "Delays getting occupational therapy assessments before discharge", first.id, NOW
    )
    payments = issues.add_issue(db, team.id, "Delays in payments to care providers", first.id, NOW)
    issues.add_issue(db, team.id, "Interpreter availability for review visits", first.id, NOW)
    issues.add_mention(db, ot.id, second.id, "Still waiting on OT; two discharges delayed", NOW)
    resolved = issues.add_issue(db, team.id, "Occupational therapy referral form missing", first.id, NOW)
    issues.resolve_issue(db, resolved.id, "The form is back on the portal.", NOW)
    issues.add_issue(db, other.id, "Occupational therapy assessments delayed", elsewhere.id, NOW)
    return {"team": team.id, "ot": ot.id, "payments": payments.id, "first": first.id}


def test_suggestions_rank_the_right_earlier_issue_first(db: Database, history: dict[str, int]) -> None:
    live = sessions.create_session(db, history["team"], SessionKind.REFLECTIVE, NOW)
    found = suggest_issues(db, history["team"], "Waiting again for OT assessments, discharge delay", session_id=live.id)
    assert found[0].id == history["ot"]
    assert found[0].times_raised == 2
    # Only this team's unresolved issues: not the resolved one, not the other team's identical title.
    titles = [s.title for s in found]
    assert "Occupational therapy referral form missing" not in titles
    assert all(s.id != history["ot"] for s in found[1:])
    payments = suggest_issues(db, history["team"], "late paymen", session_id=live.id)
    assert [s.id for s in payments] == [history["payments"]]  # the last word is a prefix while typing


def test_an_issue_already_linked_in_this_session_is_not_suggested_again(db: Database, history: dict[str, int]) -> None:
    found = suggest_issues(db, history["team"], "occupational therapy", session_id=history["first"])
    assert history["ot"] not in [s.id for s in found]


@pytest.mark.parametrize("typed", ['"', "NEAR(", "-", "*", "AND OR NOT", "🌱", "", "   ", "' OR 1=1 --", "a" * 5000])
def test_anything_typed_is_safe_to_search(db: Database, history: dict[str, int], typed: str) -> None:
    assert isinstance(suggest_issues(db, history["team"], typed), list)
    assert isinstance(search_notes(db, typed), list)


def test_tables_follow_sqlite_utils_conventions_and_stay_in_sync(db: Database) -> None:
    assert db.table("note").detect_fts() == "note_fts"
    assert db.table("issue").detect_fts() == "issue_fts"
    assert db.table("issue_mention").detect_fts() == "issue_mention_fts"
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    note = notes.add_note(db, session.id, NoteKind.NOTE, "We talked about rapport", NOW)
    assert [r["id"] for r in db.table("note").search("rapport")] == [note.id]
    notes.update_note_text(db, note.id, "We talked about curiosity", NOW)
    assert list(db.table("note").search("rapport")) == []
    assert [r["id"] for r in db.table("note").search("curiosity")] == [note.id]
    notes.delete_note(db, note.id)
    assert list(db.table("note").search("curiosity")) == []
    db.execute("INSERT INTO note_fts (note_fts) VALUES ('integrity-check')")  # raises if index and table differ


def test_search_shows_matches_in_context_with_the_session_date(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    sessions.start_session(db, session.id, NOW + timedelta(days=1), ground_rules_agreed=True)
    notes.add_note(db, session.id, NoteKind.LEARNING, "Name our assumptions at the start of a review", NOW)
    notes.add_note(db, session.id, NoteKind.NOTE, "Nothing relevant here", NOW)
    issues.add_issue(db, team.id, "Review visits overrun", session.id, NOW, "Assumptions about travel time")
    hits = search_notes(db, "assumption")
    assert {hit.where for hit in hits} == {"Learning point", "Issue: Review visits overrun"}
    assert all(hit.session_date == (NOW + timedelta(days=1)).astimezone().date() for hit in hits)
    assert all(hit.team_name == "Harbour Team" for hit in hits)
    learning = next(hit for hit in hits if hit.where == "Learning point")
    assert ("assumptions", True) in split_highlights(learning.snippet)
    assert search_notes(db, "assumptions start") and not search_notes(db, "assumptions elephant")


def test_a_pasted_document_has_its_snippet_cut_in_one_pass_from_its_first_match(db: Database) -> None:
    """FTS5's snippet() weighs each match against every other: a 1 MB paste holding the word searched for thousands
    of times would hold the window for minutes. A note longer than LONGEST_SNIPPETED is cut in one pass from its
    first match instead; snippet() would have chosen the window where the matches crowd."""
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    pasted = "Home log: " + "quiet day " * 2_100 + "first visit noted. " + "calm " * 40 + "visit " * 8
    assert len(pasted) > LONGEST_SNIPPETED
    notes.add_note(db, session.id, NoteKind.NOTE, pasted, NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, "Ask early what the visit is for", NOW)
    hits = {hit.where: split_highlights(hit.snippet) for hit in search_notes(db, "visit")}
    assert hits["Notes"][:2] == [("…day quiet day first ", False), ("visit", True)]
    assert hits["Learning point"][:2] == [("Ask early what the ", False), ("visit", True)]


def test_a_word_is_found_as_it_was_typed_in_any_letter_case_and_accent(db: Database) -> None:
    """FTS5 folds letter case and accents, not "ß" to "ss": a word searched for as it is written is found."""
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    notes.add_note(db, session.id, NoteKind.NOTE, "Visit to Hauptstraße with Zoë and the ΟΔΥΣΣΕΥΣ group", NOW)
    for typed in ("Hauptstraße", "HAUPTSTRAẞE", "zoe", "ZOË", "οδυσσευς", "ΟΔΥΣΣΕΥΣ"):
        assert [hit.where for hit in search_notes(db, typed)] == ["Notes"], typed
