"""The shipped bank holds every masterclass question, verbatim, and bad decks are refused by name."""

from __future__ import annotations

import os
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copdesk.core.question_bank import (
    MAX_DECK_BYTES,
    Bank,
    DeckError,
    PromptPhase,
    Question,
    QuestionKind,
    SignalKind,
    deck_to_toml,
    load_bank,
    parse_deck,
    read_deck,
)
from tests.masterclass_reference import read_reference

BANK_DIR = Path(__file__).parents[2] / "resources" / "questions"

WHY_CAUTION = "Asking “Why” can be useful – but be aware that this may sometimes cause defensiveness."

EXPECTED_COUNTS = {
    "Reflective questions": 9,
    "Clarification questions": 5,
    "Questions about an initial question or issue": 5,
    "Assumption questions": 4,
    "Reason and evidence questions": 7,
    "Origin or source questions": 5,
    "Implication and consequence questions": 5,
    "Viewpoint questions": 5,
    "Active listening questions": 4,
    "Active listening techniques": 4,
    "Weather model": 4,
    "Critical reflection": 4,
    "Systems theory": 11,
    "Questioning guidance": 5,
    "Handling challenges": 3,
}

EXACT_TEXTS = {
    "Reflective questions": [
        "What was the least restrictive option available?",
        "What would you do differently next time?",
        "Can anyone share an example of where they have been able to work creatively to support someone's outcomes?",
    ],
    "Clarification questions": ["What do you mean by...?", "Could you expand upon that point further?"],
    "Questions about an initial question or issue": ["Why is this question important?", "Why do you think that?"],
    "Assumption questions": ["You seem to be assuming_____. Do I understand you correctly?"],
    "Reason and evidence questions": ["What led you to that belief?"],
    "Origin or source questions": ["Is this your idea or did you hear it from some place else?"],
    "Implication and consequence questions": ["If that happened, what else would happen as a result? Why?"],
    "Viewpoint questions": ["How are _____ and _____'s ideas alike? Different?"],
    "Active listening questions": ["The citizen wanted X outcome, but the family want Y. Have I got that right?"],
    "Active listening techniques": ["Verbal Reinforcement – positive listening noises."],
    "Weather model": [
        "Lightening – what came as a shock?",
        "Fog – where did you get lost? What couldn't you see? Why?",
    ],
    "Critical reflection": ["Some imaginative speculation - how else might this have happened?"],
    "Questioning guidance": [
        WHY_CAUTION,
        "Encourage wider group questions or questions to the group –this isn’t a supervision!",
    ],
    "Handling challenges": [
        "Set ground rules at the start and be prepared to step in and clarify and encourage. "
        "Start low-key and build up gradually."
    ],
}

SOCRATIC_TYPES = [
    "Clarification questions",
    "Questions about an initial question or issue",
    "Assumption questions",
    "Reason and evidence questions",
    "Origin or source questions",
    "Implication and consequence questions",
    "Viewpoint questions",
]


@pytest.fixture(scope="module")
def reference() -> str:
    return read_reference().replace("**", "")


def texts(bank: Bank, category: str) -> list[str]:
    return [question.text for question in bank if question.category == category]


def test_every_list_has_its_full_count(bank: Bank) -> None:
    assert Counter(question.category for question in bank) == EXPECTED_COUNTS
    assert set(SOCRATIC_TYPES) <= set(EXPECTED_COUNTS)


@pytest.mark.parametrize("category", EXACT_TEXTS)
def test_exact_texts_are_copied(bank: Bank, category: str) -> None:
    for text in EXACT_TEXTS[category]:
        assert text in texts(bank, category)


def test_kinds_follow_the_lists(bank: Bank) -> None:
    kinds = {question.category: question.kind for question in bank}
    assert kinds["Active listening techniques"] is QuestionKind.TECHNIQUE
    assert kinds["Questioning guidance"] is kinds["Handling challenges"] is QuestionKind.TIP
    assert all(question.funnel_level is not None for question in bank if question.kind is QuestionKind.QUESTION)


def test_why_questions_and_the_why_tip_carry_the_caution(bank: Bank) -> None:
    def asks_why(text: str) -> bool:
        return any(part.startswith("Why") for part in re.split(r"(?<=[?.!])\s+|\s[–-]\s", text))

    for question in bank:
        expected = asks_why(question.text) or question.text == WHY_CAUTION
        assert (question.caution == WHY_CAUTION) is expected, question.id
    assert sum(question.caution is not None for question in bank) == 8


def test_closing_offers_the_learning_questions(bank: Bank) -> None:
    closing = [q.text for q in bank if PromptPhase.CLOSING in q.phases and q.kind is QuestionKind.QUESTION]
    assert closing == [
        "What did you learn that you will build into your practice?",
        "What would you do differently next time?",
    ]


def test_every_signal_has_a_source_and_every_signal_has_prompts(bank: Bank) -> None:
    for question in bank:
        assert bool(question.signals) is (question.signal_source is not None), question.id
    offered = {signal for question in bank for signal in question.signals}
    assert offered == set(SignalKind)


def test_systems_prompts_name_their_source_point(bank: Bank) -> None:
    systems = [question for question in bank if question.category == "Systems theory"]
    assert all(question.derived_from for question in systems)
    assert len({question.derived_from for question in systems}) == 8
    assert all(question.derived_from is None for question in bank if question.category != "Systems theory")


def test_shipped_decks_round_trip() -> None:
    for path in sorted(BANK_DIR.glob("*.toml")):
        deck = read_deck(path)
        assert parse_deck(deck_to_toml(deck), origin=path.name) == deck


def test_a_deck_saved_with_a_byte_order_mark_reads_as_without(tmp_path: Path) -> None:
    shipped = sorted(BANK_DIR.glob("*.toml"))[0]
    marked = tmp_path / "from-notepad.toml"
    marked.write_bytes(b"\xef\xbb\xbf" + shipped.read_bytes())  # how Windows Notepad may save UTF-8
    assert read_deck(marked) == read_deck(shipped)


# --- against the masterclass itself, when it is beside the clone -----------------------------------


def bullets(reference: str, start: str, stop: str) -> list[str]:
    lines = reference.splitlines()
    first = next(number for number, line in enumerate(lines) if line.strip().startswith(start))
    found: list[str] = []
    for line in lines[first + 1 :]:
        if line.strip().startswith(stop):
            return found
        if line.lstrip().startswith("- "):
            found.append(line.lstrip()[2:].strip())
    raise AssertionError(f"no {stop!r} after {start!r}")


BULLET_LISTS = [
    ("Reflective questions", "Points to explore", "Tools and techniques", 9),
    ("Questioning guidance", "Asking questions to encourage", "Communities of Practice", 5),
    ("Active listening techniques", "Active listening will help", "Communities of Practice", 4),
    ("Active listening questions", "Examples of Active Listening Questions", "What other common", 4),
    ("Critical reflection", "- *Whatever approach", '"The weather model"', 4),
    ("Weather model", '"The weather model"', "Communities of Practice", 4),
]


@pytest.mark.parametrize(("category", "start", "stop", "count"), BULLET_LISTS)
def test_every_bullet_is_in_the_bank_verbatim(
    bank: Bank, reference: str, category: str, start: str, stop: str, count: int
) -> None:
    expected = bullets(reference, start, stop)
    assert len(expected) == count
    assert texts(bank, category) == expected


@pytest.mark.parametrize("category", SOCRATIC_TYPES)
def test_every_socratic_example_is_in_the_bank_in_order(bank: Bank, reference: str, category: str) -> None:
    row = next(line for line in reference.splitlines() if line.startswith(f"{category}\t"))
    assert " ".join(texts(bank, category)) == row.split('">', 1)[1].strip()


def test_every_systems_point_has_a_prompt(bank: Bank, reference: str) -> None:
    points = bullets(reference, "Ecological Systems Theory", "Communities of Practice")
    points += bullets(reference, "Utilising systems theory", "Handling challenges")
    assert len(points) == 8
    assert {question.derived_from for question in bank if question.derived_from} == set(points)


def test_nothing_is_shipped_without_a_source(bank: Bank, reference: str) -> None:
    lines = {line.strip() for line in reference.splitlines()}
    for question in bank:
        assert question.source in lines, question.id
        if question.derived_from is None:
            assert question.text in reference, question.id
        for quoted in (question.caution, question.derived_from, question.signal_source):
            assert quoted is None or quoted in reference, question.id


# --- bad decks ----------------------------------------------------------------------------------------

GOOD_ENTRY = 'id = "{id}"\ntext = "Q?"\ncategory = "C"\nmodel = "M"\nsource = "S"\nphases = ["exploring"]\n'


def deck(*ids: str, extra: str = "") -> str:
    return "".join(f"[[question]]\n{GOOD_ENTRY.format(id=one)}{extra}\n" for one in ids)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '[[question]]\nid = "a"\ntext = "unclosed\n',
            "not valid TOML: Illegal character '\\n' (at line 3, column 17)",
        ),
        (deck("a") + '[[question]]\nid = "b"\ncategory = "C"\n', "entry 2 ('b') is missing the field 'text'"),
        (deck("a", "b", "a"), "duplicate id 'a' (entries 1 and 3)"),
        (deck("a").replace('"exploring"', '"wandering"'), "unknown phase 'wandering'"),
        (deck("a").replace('["exploring"]', "[]"), "'phases' is empty"),
        (deck("a").replace('phases = ["exploring"]\n', ""), "missing the field 'phases'"),
        (deck("a", extra="funnel_level = 4\n"), "funnel_level must be 1 (broad), 2 or 3 (specific), not 4"),
        (deck("a", extra='kind = "quiz"\n'), "unknown kind 'quiz'"),
        (deck("a", extra="phase = 1\n"), "unknown field 'phase'"),
        (deck("a", extra='signals = ["tension"]\n'), "lists signals but no 'signal_source'"),
        (deck("a", extra='signal_source_part_of = "S"\n'), "'signal_source_part_of' but no 'signal_source'"),
        (deck("a").replace('"Q?"', "3"), "field 'text' must be a string"),
        (deck("a").replace('"Q?"', '"  "'), "field 'text' is empty"),
        (deck("Not An Id"), "id must use only a-z"),
        ('title = "x"\n' + deck("a"), "unknown top-level key 'title'"),
        ('question = "x"\n', "'question' must be an array of tables"),
    ],
)
def test_bad_deck_is_refused_naming_the_problem(text: str, problem: str) -> None:
    with pytest.raises(DeckError) as caught:
        parse_deck(text, origin="mine.toml")
    assert str(caught.value).startswith("mine.toml: ")
    assert problem in str(caught.value)


def test_invalid_toml_names_the_line() -> None:
    with pytest.raises(DeckError, match=r"Invalid value \(at line 5, column 9\)"):
        parse_deck(deck("a").replace('model = "M"', "model = M"), origin="x.toml")


def test_five_megabyte_deck_is_refused_before_parsing() -> None:
    huge = deck("a") + "# " + "x" * (5 * MAX_DECK_BYTES) + "\n"
    with pytest.raises(DeckError, match=r"the deck is 5\.0 MB; the limit is 1 MB"):
        parse_deck(huge, origin="huge.toml")


def test_five_megabyte_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as handle:
        handle.truncate(5 * MAX_DECK_BYTES)
    with pytest.raises(DeckError, match=r"huge\.toml: the deck is 5\.0 MB"):
        read_deck(path)


@pytest.mark.posix_only
def test_a_pipe_or_a_device_is_refused_at_once_rather_than_read_for_ever(tmp_path: Path) -> None:
    """A pipe waits for a writer and /dev/zero never ends: either would freeze the window that imports it."""
    pipe = tmp_path / "deck.toml"
    os.mkfifo(pipe)
    for path in (pipe, Path("/dev/zero")):
        with pytest.raises(DeckError, match="not a file a deck can be read from"):
            read_deck(path)


def test_a_deck_just_over_the_limit_says_by_how_much(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"#" * (MAX_DECK_BYTES + 1))
    with pytest.raises(DeckError, match=r"big\.toml: the deck is 1,048,577 bytes; the limit is 1 MB"):
        read_deck(path)


def test_unreadable_files_are_deck_errors(tmp_path: Path) -> None:
    (tmp_path / "latin.toml").write_bytes(b"# caf\xe9\n")
    with pytest.raises(DeckError, match="not UTF-8"):
        read_deck(tmp_path / "latin.toml")
    with pytest.raises(DeckError, match="cannot be read"):
        read_deck(tmp_path / "missing.toml")


def test_ids_must_be_unique_across_decks(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(deck("one", "two", extra='origin = "copdesk"\n'), encoding="utf-8")
    (tmp_path / "b.toml").write_text(deck("three", "two", extra='origin = "copdesk"\n'), encoding="utf-8")
    with pytest.raises(DeckError, match=r"b\.toml: duplicate id 'two' \(already in a\.toml\)"):
        load_bank(tmp_path)


def test_a_shipped_entry_must_say_whose_words_it_is(tmp_path: Path) -> None:
    """Custom decks need no origin (they are the facilitator's); the shipped bank is refused without one."""
    (tmp_path / "a.toml").write_text(deck("one"), encoding="utf-8")
    assert parse_deck(deck("one"), origin="mine.toml")[0].origin is None
    with pytest.raises(DeckError, match=r"a\.toml: 'one' does not say whose words it is"):
        load_bank(tmp_path)
    linked = 'origin = "masterclass"\nsignals = ["tension"]\nsignal_source = "S"\n'
    (tmp_path / "a.toml").write_text(deck("one", extra=linked), encoding="utf-8")
    with pytest.raises(DeckError, match="signal_origin"):
        load_bank(tmp_path)
    (tmp_path / "a.toml").write_text(deck("one", extra='origin = "masterclass"\ncaution = "C"\n'), encoding="utf-8")
    with pytest.raises(DeckError, match="caution_section"):
        load_bank(tmp_path)
    with pytest.raises(DeckError, match="unknown origin 'us'"):
        parse_deck(deck("one", extra='origin = "us"\n'), origin="x.toml")


def test_bank_refuses_duplicate_ids_built_in_code() -> None:
    question = parse_deck(deck("a"), origin="x")[0]
    with pytest.raises(DeckError, match="duplicate id 'a'"):
        Bank((question, question))


def test_missing_folder_is_not_an_empty_bank(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="the question folder is missing"):
        load_bank(tmp_path / "nowhere")


def test_bank_lookups_follow_deck_order(bank: Bank) -> None:
    assert bank.get("socratic.viewpoint.5") is not None
    assert bank.get("no.such.id") is None
    assert bank.categories[:2] == ["Active listening questions", "Active listening techniques"]
    assert set(bank.categories) == set(EXPECTED_COUNTS)
    assert "Socratic questioning" in bank.models
    assert len(bank) == sum(EXPECTED_COUNTS.values())


def test_empty_deck_is_empty() -> None:
    assert parse_deck("# nothing yet\n", origin="x") == []
    assert deck_to_toml([]) == ""


# --- writing decks ------------------------------------------------------------------------------------

ids = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,20}", fullmatch=True)
words = st.text(min_size=1).filter(lambda text: bool(text.strip()))


@st.composite
def questions(draw: st.DrawFn) -> Question:
    signals = tuple(draw(st.lists(st.sampled_from(SignalKind), unique=True, max_size=3)))
    return Question(
        id=draw(ids),
        text=draw(words),
        category=draw(words),
        model=draw(words),
        source=draw(words),
        phases=tuple(draw(st.lists(st.sampled_from(PromptPhase), min_size=1, max_size=3))),
        kind=draw(st.sampled_from(QuestionKind)),
        funnel_level=draw(st.none() | st.integers(1, 3)),
        caution=draw(st.none() | words),
        caution_section=draw(st.none() | words),
        signals=signals,
        signal_source=(source := draw(words) if signals else draw(st.none() | words)),
        signal_source_part_of=None if source is None else draw(st.none() | words),
        derived_from=draw(st.none() | words),
        note=draw(st.none() | words),
    )


@given(st.lists(questions(), max_size=5, unique_by=lambda question: question.id), st.text())
def test_any_deck_round_trips(deck_questions: list[Question], header: str) -> None:
    assert parse_deck(deck_to_toml(deck_questions, header=header), origin="x") == deck_questions


def test_awkward_text_round_trips() -> None:
    awkward = "She said \"no\" \\ then\nleft 🙂\ttab \x00 nul \x7f del \r\n “curly” \\u0041 'single'"
    question = Question(id="a", text=awkward, category="C", model="M", source="S", phases=(PromptPhase.CLOSING,))
    written = deck_to_toml([question])
    assert "\n" not in written.split("text = ", 1)[1].split("\ncategory", 1)[0]
    assert tomllib.loads(written)["question"][0]["text"] == awkward
    assert parse_deck(written, origin="x") == [question]


def test_lone_surrogate_cannot_be_written() -> None:
    question = Question(id="a", text="bad \ud800", category="C", model="M", source="S", phases=(PromptPhase.CLOSING,))
    with pytest.raises(DeckError, match="lone surrogate"):
        deck_to_toml([question])
