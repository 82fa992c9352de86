"""Correcting the words of whatever note search finds: only the words change, the search finds the new ones, and
a refusal changes nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlite_utils import Database

from copdesk.core.input_limits import MAX_ITEM_CHARACTERS
from copdesk.core.model import (
    ActionStatus,
    EscalationStatus,
    EscalationTarget,
    IssueStatus,
    NoteKind,
    ReviewOutcome,
    Role,
    SessionKind,
    TextSource,
)
from copdesk.services import follow_ups
from copdesk.services.corrections import CHANGED_SINCE, LIVE_REFUSAL, _stored_words, correct_words
from copdesk.store import actions, issues, notes, recurring, sessions, teams
from copdesk.store.search import search_notes

THEN = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)
NOW = THEN + timedelta(days=30)


@pytest.fixture
def record(db: Database) -> dict[str, int]:
    """An ended session that recorded one of each kind of text, naming "Mrs Okafor", and a later one, live."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], THEN)
    ended = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, THEN, planned_start=THEN)
    sessions.start_session(db, ended.id, THEN, ground_rules_agreed=True)
    note = notes.save_session_text(db, ended.id, "Mrs Okafor's discharge.\n\nSecond paragraph.", THEN)
    learning = notes.add_note(db, ended.id, NoteKind.LEARNING, "Ask Mrs Okafor's OT first", THEN)
    issue = issues.add_issue(db, team.id, "Delays for Mrs Okafor", ended.id, THEN, "Mrs Okafor waited a week")
    [mention] = issues.mentions(db, issue.id)
    action = actions.add_action(
        db,
        team.id,
        "Ring Mrs Okafor's carer",
        THEN,
        origin_session_id=ended.id,
        owner_name="Bo Day",
        due=date(2026, 10, 1),
    )
    escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, THEN.date(), None, ended.id)
    recurring.change_escalation(db, escalation.id, EscalationStatus.RESPONDED, "Manager will ring Mrs Okafor", NOW)
    sessions.end_session(db, ended.id, THEN + timedelta(hours=1))
    live = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    sessions.start_session(db, live.id, NOW, ground_rules_agreed=True)
    follow_ups.review_follow_up(db, action.id, live.id, ReviewOutcome.DONE, NOW)  # a closed action now
    issues.resolve_issue(db, issue.id, "Sorted with Mrs Okafor's OT lead", NOW)
    live_note = notes.save_session_text(db, live.id, "Typed now about Mrs Okafor", NOW)
    return {
        "note": note.id,
        "learning": learning.id,
        "issue": issue.id,
        "mention": mention.id,
        "action": action.id,
        "escalation": escalation.id,
        "live": live.id,
        "live_note": live_note.id,
    }


def _correct(db: Database, source: TextSource, row_id: int, typed: str) -> str:
    """Correct the words as they read now, as note search found them."""
    return correct_words(db, source, row_id, typed, NOW, was=_stored_words(db, source, row_id))


def _found(db: Database, words: str) -> set[tuple[TextSource, int]]:
    return {(hit.source, hit.row_id) for hit in search_notes(db, words)}


def test_each_kind_found_is_named_by_its_source_and_row(db: Database, record: dict[str, int]) -> None:
    assert _found(db, "Okafor") == {
        (TextSource.NOTE, record["note"]),
        (TextSource.LEARNING, record["learning"]),
        (TextSource.ISSUE_TITLE, record["issue"]),
        (TextSource.RESOLUTION, record["issue"]),
        (TextSource.MENTION, record["mention"]),
        (TextSource.ACTION, record["action"]),
        (TextSource.ESCALATION, record["escalation"]),
        (TextSource.NOTE, record["live_note"]),
    }


def test_every_kind_in_an_ended_session_is_corrected_and_keeps_the_rest(db: Database, record: dict[str, int]) -> None:
    notes_typed = "The discharge of [name removed].\n\nSecond paragraph."
    assert _correct(db, TextSource.NOTE, record["note"], notes_typed) == notes_typed  # kept exactly
    assert _correct(db, TextSource.LEARNING, record["learning"], "  Ask the  OT first ") == "Ask the OT first"
    assert _correct(db, TextSource.ISSUE_TITLE, record["issue"], "Discharge delays") == "Discharge delays"
    resolved_at = db.table("issue").get(record["issue"])["resolved_at"]
    resolution = "Sorted with the OT lead.\n\nShe rings weekly."
    assert _correct(db, TextSource.RESOLUTION, record["issue"], f"\n  {resolution} \n") == resolution  # lines kept
    assert _correct(db, TextSource.MENTION, record["mention"], "Waited a week") == "Waited a week"
    assert _correct(db, TextSource.ACTION, record["action"], "Ring the carer") == "Ring the carer"
    assert _correct(db, TextSource.ESCALATION, record["escalation"], "Manager will ring") == ("Manager will ring")
    note = notes.get_note(db, record["note"])
    assert (note.text, note.session_id, note.kind) == (
        notes_typed,
        notes.get_note(db, record["learning"]).session_id,
        NoteKind.NOTE,
    )
    action = actions.get_action(db, record["action"])
    assert (action.text, action.owner_name, action.due, action.status) == (
        "Ring the carer",
        "Bo Day",
        date(2026, 10, 1),
        ActionStatus.DONE,
    )
    issue = issues.get_issue(db, record["issue"])
    assert (issue.title, issue.status, issue.resolution, db.table("issue").get(issue.id)["resolved_at"]) == (
        "Discharge delays",
        IssueStatus.RESOLVED,
        resolution,
        resolved_at,
    )
    escalation = issues.get_escalation(db, record["escalation"])
    assert (escalation.outcome, escalation.status) == ("Manager will ring", EscalationStatus.RESPONDED)
    assert _found(db, "Okafor") == {(TextSource.NOTE, record["live_note"])}  # the search index follows
    assert (TextSource.ACTION, record["action"]) in _found(db, "carer")


def test_the_live_sessions_notes_are_corrected_in_its_notes_pane_and_its_other_words_here(
    db: Database, record: dict[str, int]
) -> None:
    with pytest.raises(ValueError, match=r"^That session is live") as refused:
        _correct(db, TextSource.NOTE, record["live_note"], "Typed now")
    assert str(refused.value) == LIVE_REFUSAL
    assert notes.get_note(db, record["live_note"]).text == "Typed now about Mrs Okafor"
    team_id = issues.get_issue(db, record["issue"]).team_id
    raised = issues.add_issue(db, team_id, "Lifts", record["live"], NOW, "Mrs X said")
    [said] = issues.mentions(db, raised.id)
    learning = notes.add_note(db, record["live"], NoteKind.LEARNING, "Ask Mrs X", NOW)
    assert _correct(db, TextSource.MENTION, said.id, "Someone said") == "Someone said"  # the pane lists, never holds
    assert _correct(db, TextSource.LEARNING, learning.id, "Ask the OT") == "Ask the OT"


def test_words_changed_elsewhere_since_the_search_are_not_put_back(db: Database, record: dict[str, int]) -> None:
    """Found reading "Ring Mrs Okafor's carer"; corrected in a list meanwhile; the search's copy would undo that."""
    follow_ups.reword_action(db, record["action"], "Ring the carer")
    with pytest.raises(ValueError) as refused:
        correct_words(db, TextSource.ACTION, record["action"], "Ring Mrs Okafor's carer today", NOW,
                      was="Ring Mrs Okafor's carer")  # fmt: skip
    assert str(refused.value) == CHANGED_SINCE
    assert actions.get_action(db, record["action"]).text == "Ring the carer"


def test_a_correction_is_one_transaction(db: Database, record: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """A refusal after part of the act (the disk full at the escalation's write) leaves the words as they were."""
    from copdesk.store import recurring
    from copdesk.store.errors import StorageFullError

    written = recurring.change_escalation

    def full_after_writing(*args: Any) -> None:
        written(*args)
        raise StorageFullError("The disk is full.")

    monkeypatch.setattr(recurring, "change_escalation", full_after_writing)
    with pytest.raises(StorageFullError):
        _correct(db, TextSource.ESCALATION, record["escalation"], "Manager will ring")
    assert issues.get_escalation(db, record["escalation"]).outcome == "Manager will ring Mrs Okafor"


@pytest.mark.parametrize(
    ("source", "key", "typed", "message"),
    [
        (TextSource.LEARNING, "learning", "  ", "A learning point needs its words"),
        (TextSource.ACTION, "action", "", "The action needs its words"),
        (TextSource.ISSUE_TITLE, "issue", "x" * 301, "over the 300 it holds"),
        (TextSource.MENTION, "mention", "y" * (MAX_ITEM_CHARACTERS + 1), "over the 2,000 it holds"),
        (TextSource.ESCALATION, "escalation", " ", "Say what the response was"),
        (TextSource.ESCALATION, "escalation", "z" * 4001, "at most 4,000 characters"),
        (TextSource.RESOLUTION, "issue", " \n ", "Say how the issue was resolved"),
        (TextSource.RESOLUTION, "issue", "Okafor " * 572, "at most 4,000 characters, not 4,003"),
    ],
)
def test_a_refused_correction_changes_nothing(
    db: Database, record: dict[str, int], source: TextSource, key: str, typed: str, message: str
) -> None:
    before = {hit.row_id: hit.text for hit in search_notes(db, "Okafor") if hit.source is source}
    with pytest.raises(ValueError, match=message):
        _correct(db, source, record[key], typed)
    assert {hit.row_id: hit.text for hit in search_notes(db, "Okafor") if hit.source is source} == before


def test_what_was_said_may_be_emptied_and_a_removed_row_is_refused_in_words(
    db: Database, record: dict[str, int]
) -> None:
    assert _correct(db, TextSource.MENTION, record["mention"], "   ") == ""
    assert issues.get_mention(db, record["mention"]).text == ""
    for source, key in ((TextSource.LEARNING, "learning"), (TextSource.ESCALATION, "escalation")):
        was = _stored_words(db, source, record[key])
        db.execute(
            f"DELETE FROM {'note' if source is TextSource.LEARNING else 'escalation'} WHERE id = ?", [record[key]]
        )
        with pytest.raises(ValueError, match=r"no longer there \(it was removed\): nothing was changed\.$"):
            correct_words(db, source, record[key], "Words", NOW, was=was)


def test_only_a_resolved_issues_resolution_is_corrected(db: Database, record: dict[str, int]) -> None:
    """An open issue has no resolution to correct: it is resolved from its history, which asks how."""
    team_id = issues.get_issue(db, record["issue"]).team_id
    open_issue = issues.add_issue(db, team_id, "Lifts", record["live"], NOW, "")
    with pytest.raises(ValueError, match=r"^That issue is not resolved: resolve it from its history to say how\.$"):
        _correct(db, TextSource.RESOLUTION, open_issue.id, "Fixed")
    assert issues.get_issue(db, open_issue.id).status is IssueStatus.OPEN
    assert issues.get_issue(db, open_issue.id).resolution is None


def test_a_resolution_written_before_the_limit_may_stay_as_long_when_it_is_corrected(
    db: Database, record: dict[str, int]
) -> None:
    """Resolutions had no limit before: taking a name out of a long one must not mean cutting it to 4,000."""
    long_one = ("Jo Bloggs rings weekly. " * 200).strip()  # 4,799 characters
    db.execute("UPDATE issue SET resolution = ? WHERE id = ?", [long_one, record["issue"]])
    corrected = long_one.replace("Jo Bloggs", "the carer")
    assert _correct(db, TextSource.RESOLUTION, record["issue"], corrected) == corrected
    with pytest.raises(ValueError, match=r"at most 4,799 characters, not 4,801"):
        _correct(db, TextSource.RESOLUTION, record["issue"], f"{corrected} x")
