"""The rules for the facilitator's own questions: own categories, own ids, the deck rules, and nothing half-checked."""

from __future__ import annotations

import random
import re

import pytest

from copdesk.core.custom_questions import (
    DEFAULT_MODEL,
    DEFAULT_SOURCE,
    MAX_TEXT_LENGTH,
    as_custom,
    check_custom_deck,
    custom_key,
    draft_question,
    for_export,
    is_custom,
    new_uid,
    uid_of,
)
from copdesk.core.question_bank import (
    Bank,
    DeckError,
    PromptPhase,
    Question,
    QuestionKind,
    deck_to_toml,
    parse_deck,
)


def entry(uid: str = "team.1", **fields: object) -> Question:
    values: dict[str, object] = {
        "id": uid,
        "text": "What would the person say about this?",
        "category": "Our team's questions",
        "model": "Strengths-based practice",
        "source": "Team away day, 2026",
        "phases": (PromptPhase.EXPLORING,),
    }
    values.update(fields)
    return Question(**values)  # type: ignore[arg-type]


def test_keys_never_collide_with_shipped_ids(bank: Bank) -> None:
    assert custom_key("own-1") == "custom:own-1"
    assert is_custom("custom:own-1") and not is_custom("reflective.1")
    assert uid_of("custom:own-1") == "own-1"
    assert not any(is_custom(question.id) for question in bank)


def test_new_uids_follow_the_deck_id_rules_and_avoid_taken_ones() -> None:
    rng = random.Random(1)
    taken = {new_uid(set(), random.Random(1))}
    uid = new_uid(taken, rng)
    assert uid not in taken
    assert re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", uid)


def test_export_and_import_round_trip_the_ids(bank: Bank) -> None:
    own = [as_custom(entry("team.1")), as_custom(entry("team.2", funnel_level=1, caution="Go gently."))]
    assert [q.id for q in own] == ["custom:team.1", "custom:team.2"]
    assert as_custom(own[0]) == own[0]
    deck = parse_deck(deck_to_toml(for_export(own)), origin="mine.toml")
    assert [as_custom(q) for q in check_custom_deck(deck, bank, origin="mine.toml")] == own


def test_emoji_and_right_to_left_text_are_kept_exactly(bank: Bank) -> None:
    text = "ما الذي تعلمته اليوم؟ 🌱"
    checked = check_custom_deck([entry(text=text, category="أسئلتنا")], bank, origin="rtl.toml")
    assert checked[0].text == text
    assert checked[0].category == "أسئلتنا"


@pytest.mark.parametrize(
    ("question", "problem"),
    [
        (entry("reflective.1"), "id 'reflective.1' belongs to the shipped bank"),
        (entry(category="  reflective   QUESTIONS "), "'Reflective questions' is a category of the shipped bank"),
        (entry(text="   "), "The question is empty"),
        (entry(text="x" * (MAX_TEXT_LENGTH + 1)), f"keep it to {MAX_TEXT_LENGTH}"),
        (entry(text="Bell\x07?"), "invisible control character"),
        (entry(category="c" * 81), "The category is 81 characters long"),
        (entry(model="\t"), "The model is empty"),
        (entry(caution="   "), "The caution is empty"),
    ],
)
def test_a_bad_entry_is_named_and_refused(bank: Bank, question: Question, problem: str) -> None:
    good = entry("team.0")
    with pytest.raises(DeckError, match=re.escape(problem)) as raised:
        check_custom_deck([good, question], bank, origin="deck.toml")
    assert str(raised.value).startswith(f"deck.toml: entry 2 ({question.id!r}): ")


def test_an_empty_deck_imports_nothing(bank: Bank) -> None:
    with pytest.raises(DeckError, match="no \\[\\[question\\]\\] entries"):
        check_custom_deck([], bank, origin="empty.toml")


def test_a_multi_line_question_is_allowed(bank: Bank) -> None:
    assert check_custom_deck([entry(text="First line.\nSecond line?")], bank, origin="d")[0].text.count("\n") == 1


def test_the_editor_draft_fills_defaults_and_tidies_names(bank: Bank) -> None:
    question = draft_question(
        "own-1",
        text="  What went well?  ",
        category="  Our   team ",
        shipped=bank,
        phases=[PromptPhase.CLOSING, PromptPhase.CLARIFYING],
    )
    assert question.id == "custom:own-1"
    assert question.text == "What went well?"
    assert question.category == "Our team"
    assert question.model == DEFAULT_MODEL and question.source == DEFAULT_SOURCE
    assert question.phases == (PromptPhase.CLARIFYING, PromptPhase.CLOSING)
    assert question.kind is QuestionKind.QUESTION and question.caution is None


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"phases": []}, "Tick at least one"),
        ({"category": "  "}, "The category is empty"),
        ({"text": ""}, "The question is empty"),
        ({"category": "Weather model"}, "category of the shipped bank"),
    ],
)
def test_the_editor_refuses_what_cannot_be_saved(bank: Bank, fields: dict[str, object], problem: str) -> None:
    values: dict[str, object] = {"text": "Why now?", "category": "Ours", "phases": [PromptPhase.EXPLORING]}
    values.update(fields)
    with pytest.raises(DeckError, match=problem):
        draft_question("own-1", shipped=bank, **values)  # type: ignore[arg-type]
