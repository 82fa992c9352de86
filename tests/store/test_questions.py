"""The asked log, the per-team rotation it drives, custom questions kept across upgrades, and atomic deck imports."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.clock import to_utc_iso
from copdesk.core.custom_questions import DEFAULT_MODEL, DEFAULT_SOURCE, custom_key
from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.core.picker import Picker
from copdesk.core.question_bank import PromptPhase, Question, QuestionKind, SignalKind
from copdesk.store import migrations, sessions, teams
from copdesk.store import questions as store
from copdesk.store.connection import open_database
from copdesk.store.records import session_record
from copdesk.store.sessions import PlannedSegment

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def fresh_db() -> Database:
    """A migrated in-memory database: hypothesis needs a new one per example, faster than a file."""
    db = Database(memory=True)
    migrations.apply(db.conn, migrations.discover(paths.migrations_dir()))
    return db


def own(uid: str, **fields: object) -> Question:
    values: dict[str, object] = {
        "id": custom_key(uid),
        "text": f"Question {uid}?",
        "category": "Our questions",
        "model": "Our model",
        "source": "Team away day",
        "phases": (PromptPhase.EXPLORING,),
    }
    values.update(fields)
    return Question(**values)  # type: ignore[arg-type]


def synthetic_bank(sizes: list[int]) -> list[Question]:
    return [
        Question(f"c{c}.{n}", f"Question {n} of {c}?", f"c{c}", "Model", "test", (PromptPhase.EXPLORING,))
        for c, size in enumerate(sizes)
        for n in range(size)
    ]


# --- rotation through the store ---------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 5), min_size=1, max_size=4),
    team_count=st.integers(1, 3),
    always_mark=st.booleans(),
    meetings=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 10), st.integers(0, 2**16), st.lists(st.booleans(), min_size=10)),
        min_size=1,
        max_size=14,
    ),
)
def test_no_repeat_in_a_session_and_rotation_per_team_through_the_asked_log(
    sizes: list[int], team_count: int, always_mark: bool, meetings: list[tuple[int, int, int, list[bool]]]
) -> None:
    """Many teams' sessions interleave; each session's Picker starts from that team's asks in SQLite.

    What the facilitator marks as asked is what counts: a draw they skip comes round first next time.
    """
    db = fresh_db()
    bank = synthetic_bank(sizes)
    team_ids = [teams.create_team(db, f"Team {n}", [], NOW).id for n in range(team_count)]
    for team_pick, draws, seed, marks in meetings:
        team_id = team_ids[team_pick % team_count]
        session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW)
        picker = Picker(bank, rng=random.Random(seed), seen_before=store.team_ask_counts(db, team_id))
        for draw in range(draws):
            question = picker.draw()
            if question is None:
                assert set(picker.asked_ids) == {q.id for q in bank}
                break
            logged = [entry.question_key for entry in store.asked_in_session(db, session.id)]
            assert question.id not in logged
            assert picker.asked_ids.count(question.id) == 1
            counts = store.team_ask_counts(db, team_id)
            still_offered = [q.id for q in bank if q.category == question.category and q.id not in picker.asked_ids]
            assert counts[question.id] == min([counts[other] for other in still_offered] + [counts[question.id]])
            if always_mark or marks[draw]:
                store.record_asked(db, session.id, question.id, question.category, question.text, draw, NOW)
        logged = [entry.question_key for entry in store.asked_in_session(db, session.id)]
        assert len(logged) == len(set(logged))
    if always_mark:
        for team_id in team_ids:
            counts = store.team_ask_counts(db, team_id)
            for category in {q.category for q in bank}:
                members = [counts[q.id] for q in bank if q.category == category]
                assert max(members) - min(members) <= 1


def test_team_counts_are_per_team(db: Database) -> None:
    first, second = (teams.create_team(db, name, [], NOW) for name in ("North", "South"))
    north = sessions.create_session(db, first.id, SessionKind.REFLECTIVE, NOW)
    south = sessions.create_session(db, second.id, SessionKind.REFLECTIVE, NOW)
    for session_id in (north.id, north.id, south.id):
        store.record_asked(db, session_id, "reflective.1", "Reflective questions", "Q?", 2, NOW)
    assert store.team_ask_counts(db, first.id) == Counter({"reflective.1": 2})
    assert store.team_ask_counts(db, second.id) == Counter({"reflective.1": 1})


def test_the_record_names_the_segment_a_question_was_asked_in_the_first_one_too(db: Database) -> None:
    team = teams.create_team(db, "North", [], NOW)
    agenda = [PlannedSegment("Welcome and ground rules", SegmentPhase.OPENING, 300)]
    agenda.append(PlannedSegment("Reflective discussion", SegmentPhase.REFLECTION, 1320))
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW, segments=agenda)
    for position in (0, 1, None):  # None: marked with no segment running
        store.record_asked(db, session.id, f"reflective.{position}", "Reflective questions", "Q?", position, NOW)
    asked = session_record(db, session.id).questions_asked
    assert [line.segment for line in asked] == ["Welcome and ground rules", "Reflective discussion", "—"]


def test_unmarking_removes_the_latest_ask_of_that_session_only(db: Database) -> None:
    team = teams.create_team(db, "North", [], NOW)
    earlier, today = (sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW) for _ in range(2))
    store.record_asked(db, earlier.id, "reflective.1", "Reflective questions", "Q?", 1, NOW)
    store.record_asked(db, today.id, "reflective.2", "Reflective questions", "R?", 3, NOW)
    store.record_asked(db, today.id, "reflective.1", "Reflective questions", "Q?", 4, NOW)
    assert store.unrecord_asked(db, today.id, "reflective.1")
    assert not store.unrecord_asked(db, today.id, "reflective.1")
    assert [(a.question_key, a.segment_position) for a in store.asked_in_session(db, today.id)] == [("reflective.2", 3)]
    assert [a.question_key for a in store.asked_in_session(db, earlier.id)] == ["reflective.1"]


# --- custom questions -------------------------------------------------------------------------------


def test_every_field_of_a_custom_question_round_trips(db: Database) -> None:
    question = own(
        "team.1",
        text="ما الذي تعلمته اليوم؟ 🌱 Robert'); DROP TABLE custom_question;--",
        phases=(PromptPhase.CLARIFYING, PromptPhase.CLOSING),
        kind=QuestionKind.TIP,
        funnel_level=2,
        caution="Go gently.",
        signals=(SignalKind.TENSION, SignalKind.QUIET_VOICE),
        signal_source="Set ground rules at the start.",
        derived_from="A colleague's idea",
        note="Try it in spring.",
    )
    store.save_custom_question(db, question, NOW)
    [row] = store.custom_questions(db)
    assert row.as_question() == question
    assert row.team_id is None and not row.hidden


def test_saving_again_updates_in_place(db: Database) -> None:
    store.save_custom_question(db, own("team.1"), NOW)
    store.save_custom_question(db, own("team.1", text="Reworded?"), NOW)
    assert [row.text for row in store.custom_questions(db)] == ["Reworded?"]


def test_hidden_questions_are_left_out_until_shown_again(db: Database) -> None:
    store.save_custom_question(db, own("team.1"), NOW)
    store.save_custom_question(db, own("team.2"), NOW)
    store.set_custom_hidden(db, "team.1", True, NOW)
    assert [row.uid for row in store.custom_questions(db)] == ["team.2"]
    assert [row.hidden for row in store.custom_questions(db, include_hidden=True)] == [True, False]
    store.set_custom_hidden(db, "team.1", False, NOW)
    assert len(store.custom_questions(db)) == 2


def test_importing_twice_updates_rather_than_copies(db: Database) -> None:
    deck = [own("team.1"), own("team.2")]
    assert store.import_custom_questions(db, deck, NOW) == store.ImportCounts(added=2, updated=0)
    store.set_custom_hidden(db, "team.2", True, NOW)
    again = [own("team.2", text="New wording?"), own("team.3")]
    assert store.import_custom_questions(db, again, NOW) == store.ImportCounts(added=1, updated=1)
    later = NOW + timedelta(days=1)
    assert store.import_custom_questions(db, [own("team.1"), own("team.3")], later) == store.ImportCounts(
        added=0, updated=0, unchanged=2
    )
    store.set_custom_hidden(db, "team.3", True, NOW)
    assert store.import_custom_questions(db, [own("team.3")], later) == store.ImportCounts(added=0, updated=1)
    stamps = dict(db.execute("SELECT uid, updated_at FROM custom_question").fetchall())
    assert stamps["team.1"] == to_utc_iso(NOW)  # left as it was: an unchanged entry is not written
    assert stamps["team.3"] == to_utc_iso(later)  # shown again
    assert {(row.uid, row.text) for row in store.custom_questions(db)} == {
        ("team.1", "Question team.1?"),
        ("team.2", "New wording?"),
        ("team.3", "Question team.3?"),
    }


def test_an_import_the_database_refuses_leaves_nothing(db: Database) -> None:
    store.save_custom_question(db, own("team.0"), NOW)
    deck = [own("team.1"), own("team.2", funnel_level=7)]  # past core's checks, the schema still says no
    with pytest.raises(sqlite3.IntegrityError):
        store.import_custom_questions(db, deck, NOW)
    assert [row.uid for row in store.custom_questions(db, include_hidden=True)] == ["team.0"]


def test_custom_questions_written_before_the_upgrade_are_kept(db_path: Path) -> None:
    """A database from the first release, with a custom question in it, opened by this one."""
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    first = [m for m in migrations.discover(paths.migrations_dir()) if m.version == 1]
    migrations.apply(conn, first)
    conn.execute(
        "INSERT INTO custom_question (uid, category, model, text, phases, created_at, updated_at) "
        "VALUES ('old.1', 'Ours', '', 'An old question?', '', '2026-01-05', '2026-01-05')"
    )
    conn.execute("INSERT INTO favourite (question_key, created_at) VALUES ('custom:old.1', '2026-01-05')")
    conn.commit()
    conn.close()
    opened = open_database(db_path, paths.migrations_dir())
    assert opened.migrated_from == 1
    [row] = store.custom_questions(opened.db)
    question = row.as_question()
    opened.db.close()
    assert question == replace(
        own("old.1", text="An old question?", category="Ours", model=DEFAULT_MODEL, source=DEFAULT_SOURCE),
        phases=tuple(PromptPhase),
    )


def test_favourites_toggle(db: Database) -> None:
    store.set_favourite(db, "reflective.1", True, NOW)
    store.set_favourite(db, "reflective.1", True, NOW)
    store.set_favourite(db, "custom:team.1", True, NOW)
    assert store.favourites(db) == {"reflective.1", "custom:team.1"}
    store.set_favourite(db, "reflective.1", False, NOW)
    assert store.favourites(db) == {"custom:team.1"}
