"""Draw rules, segment matching and room signals, all replayed from seeds and made-up events."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from copdesk.core.model import SegmentPhase
from copdesk.core.picker import (
    SEGMENT_OFFERS,
    Picker,
    QuestionFilter,
    choose_next,
    funnel_level,
    not_yet_used,
    phase_questions,
    times_seen_from_log,
)
from copdesk.core.question_bank import Bank, PromptPhase, Question, QuestionKind


def make_bank(sizes: list[int], levels: list[int] | None = None) -> list[Question]:
    """Category ``c{n}`` gets ``sizes[n]`` questions; ``levels`` cycles through their funnel levels."""
    return [
        Question(
            id=f"c{category}.{number}",
            text=f"Question {number} of category {category}?",
            category=f"c{category}",
            model="Model A" if category % 2 == 0 else "Model B",
            source="test",
            phases=(PromptPhase.EXPLORING,),
            funnel_level=levels[number % len(levels)] if levels else None,
        )
        for category, size in enumerate(sizes)
        for number in range(size)
    ]


# --- no repeat and rotation -----------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=1, max_size=5),
    teams=st.integers(1, 3),
    sessions=st.lists(
        st.tuples(st.integers(0, 2), st.integers(0, 12), st.integers(0, 2**16), st.booleans(), st.booleans()),
        min_size=1,
        max_size=25,
    ),
)
def test_no_repeat_in_a_session_and_full_rotation_across_sessions(
    sizes: list[int], teams: int, sessions: list[tuple[int, int, int, bool, bool]]
) -> None:
    questions = make_bank(sizes, levels=[1, 2, 3])
    category_of = {question.id: question.category for question in questions}
    members = {category: [q.id for q in questions if q.category == category] for category in category_of.values()}
    logs: dict[int, list[str]] = {team: [] for team in range(teams)}
    for team_pick, draws, seed, narrow, funnel in sessions:
        log = logs[team_pick % teams]  # sessions of different teams interleave; each team has its own log
        chosen = frozenset(sorted(members)[:: 2 if narrow else 1])
        picker = Picker(questions, rng=random.Random(seed), seen_before=times_seen_from_log(log), funnel=funnel)
        for _ in range(draws):
            seen = Counter(log)
            question = picker.draw(QuestionFilter(categories=chosen))
            if question is None:
                assert all(q in picker.asked_ids for c in chosen for q in members[c])
                break
            assert picker.asked_ids.count(question.id) == 1
            # Rotation: a question comes round again only once its whole category has been seen as often.
            assert seen[question.id] == min(seen[other] for other in members[question.category])
            log.append(question.id)
    for log in logs.values():
        seen = Counter(log)
        for ids in members.values():
            assert max(seen[i] for i in ids) - min(seen[i] for i in ids) <= 1


def test_exhausted_pool_draws_nothing() -> None:
    picker = Picker(make_bank([2]), rng=random.Random(1))
    assert picker.draw() is not None
    assert picker.draw() is not None
    assert picker.draw() is None
    assert picker.remaining() == []


def test_same_seed_same_meeting() -> None:
    questions = make_bank([4, 3, 5], levels=[1, 2, 3])

    def meeting(seed: int) -> list[str]:
        picker = Picker(questions, rng=random.Random(seed), seen_before={"c0.1": 2})
        return [question.id for question in iter(picker.draw, None)]

    assert meeting(7) == meeting(7)
    assert len(meeting(7)) == 12


# --- balance and funnel ---------------------------------------------------------------------------


def test_selected_categories_stay_balanced() -> None:
    picker = Picker(make_bank([4, 4, 4, 9]), rng=random.Random(3))
    selected = QuestionFilter(categories=frozenset({"c0", "c1", "c2"}))
    drawn: Counter[str] = Counter()
    for _ in range(12):
        question = picker.draw(selected)
        assert question is not None
        drawn[question.category] += 1
        assert max(drawn.values()) - min(drawn[c] for c in ("c0", "c1", "c2")) <= 1
    assert drawn == {"c0": 4, "c1": 4, "c2": 4}


def test_a_spent_category_leaves_the_others_to_share() -> None:
    picker = Picker(make_bank([1, 5]), rng=random.Random(0))
    categories = [question.category for question in iter(picker.draw, None)]
    assert sorted(categories[:2]) == ["c0", "c1"]
    assert categories[2:] == ["c1"] * 4


def test_funnel_goes_from_broad_to_specific() -> None:
    picker = Picker(make_bank([9], levels=[1, 2, 3]), rng=random.Random(5), funnel=True)
    levels = [funnel_level(question) for question in iter(picker.draw, None)]
    assert levels[:5] == [1, 2, 3, 3, 3]
    assert levels == sorted(levels[:5]) + levels[5:]


def test_funnel_restarts_broad_for_a_new_case() -> None:
    picker = Picker(make_bank([9], levels=[1, 2, 3]), rng=random.Random(5), funnel=True)

    def three_levels() -> list[int | None]:
        drawn = [picker.draw() for _ in range(3)]
        return [question.funnel_level if question else None for question in drawn]

    assert three_levels() == [1, 2, 3]
    picker.restart_funnel()
    assert three_levels() == [1, 2, 3]


@given(st.integers(0, 2**16), st.lists(st.integers(3, 6), min_size=1, max_size=4))
def test_funnel_levels_never_widen_while_every_level_is_left(seed: int, sizes: list[int]) -> None:
    picker = Picker(make_bank(sizes, levels=[1, 2, 3]), rng=random.Random(seed), funnel=True)
    levels = [funnel_level(question) for question in iter(picker.draw, None)]
    # Balance spreads draws over the categories, so only the first round is sure to find every level left.
    first_round = levels[: max(len(sizes), 3)]
    assert first_round == sorted(first_round)
    assert first_round[:3] == [1, 2, 3]


def test_rotation_outranks_the_funnel() -> None:
    questions = make_bank([3], levels=[1, 2, 3])
    picker = Picker(questions, rng=random.Random(0), seen_before={"c0.0": 1, "c0.1": 1}, funnel=True)
    first = picker.draw()
    assert first is not None
    assert first.id == "c0.2"
    assert first.funnel_level == 3


def test_unlevelled_questions_sit_in_the_middle_of_the_funnel() -> None:
    levelled = make_bank([2], levels=[1, 3])
    questions = [*levelled, replace(make_bank([1])[0], id="c0.mid")]
    picker = Picker(questions, rng=random.Random(0), funnel=True)
    assert [question.id for question in iter(picker.draw, None)] == ["c0.0", "c0.mid", "c0.1"]


def test_choose_next_is_a_plain_function_of_its_inputs() -> None:
    questions = make_bank([2, 2])
    chosen = choose_next(
        questions, asked=["c0.0"], drawn_per_category={"c0": 1}, seen_before={"c1.0": 3}, rng=random.Random(9)
    )
    assert chosen is not None
    assert chosen.id == "c1.1"


# --- back, resume, filters -------------------------------------------------------------------------


def test_back_and_forward_walk_the_history() -> None:
    picker = Picker(make_bank([6]), rng=random.Random(2))
    assert picker.current is None
    assert picker.back() is None
    drawn = [picker.draw() for _ in range(3)]
    assert picker.back() == drawn[1]
    assert picker.back() == drawn[0]
    assert picker.back() == drawn[0]
    assert picker.forward() == drawn[1]
    fourth = picker.draw()
    assert picker.current == fourth
    assert picker.forward() == fourth
    assert picker.asked_ids == tuple(q.id for q in [*drawn, fourth] if q is not None)


def test_a_resumed_session_remembers_what_was_asked() -> None:
    questions = make_bank([3])
    picker = Picker(questions, rng=random.Random(0), asked=["c0.0", "c0.2", "custom.deleted"])
    assert picker.current == questions[2]
    assert picker.back() == questions[0]
    assert picker.draw() == questions[1]
    assert picker.draw() is None
    assert picker.asked_ids == ("c0.0", "c0.2", "custom.deleted", "c0.1")


def test_filters(bank: Bank) -> None:
    def ids(question_filter: QuestionFilter) -> set[str]:
        return {question.id for question in question_filter.apply(bank)}

    assert ids(QuestionFilter(categories=frozenset({"Weather model"}))) == {
        "weather.sunshine",
        "weather.rain",
        "weather.lightening",
        "weather.fog",
    }
    assert {q.model for q in QuestionFilter(models=frozenset({"Socratic questioning"})).apply(bank)} == {
        "Socratic questioning"
    }
    assert ids(QuestionFilter(search="  LEAST restrictive ")) == {"reflective.1"}
    assert len(ids(QuestionFilter(search="viewpoint"))) == 5  # matches the category name
    assert len(ids(QuestionFilter(search="WEATHER MODEL"))) == 4  # and the model name
    # A Mac or a phone types a curly apostrophe; the bank has straight ones (and either finds either).
    assert ids(QuestionFilter(search="didn\u2019t go")) == ids(QuestionFilter(search="didn't go")) == {"weather.rain"}
    assert ids(QuestionFilter(favourites=frozenset({"reflective.2", "tips.questioning.1"}))) == {"reflective.2"}
    assert ids(QuestionFilter(favourites=frozenset())) == set()
    assert all(q.kind is QuestionKind.QUESTION for q in QuestionFilter().apply(bank))
    tips = QuestionFilter(kinds=frozenset({QuestionKind.TIP}), search="why").apply(bank)
    assert [q.id for q in tips] == ["tips.questioning.2"]


def test_remaining_excludes_what_was_asked() -> None:
    picker = Picker(make_bank([2, 2]), rng=random.Random(4))
    asked = picker.draw()
    assert asked is not None
    assert asked not in picker.remaining()
    assert len(picker.remaining()) == 3
    assert len(picker.remaining(QuestionFilter(categories=frozenset({asked.category})))) == 1


def test_rotation_state_comes_from_the_asked_log() -> None:
    questions = make_bank([3])
    seen = times_seen_from_log(["c0.0", "c0.2", "c0.0"])
    assert seen == {"c0.0": 2, "c0.2": 1}
    assert not_yet_used(questions, seen) == [questions[1]]


# --- segment matching ------------------------------------------------------------------------------


def categories_for(bank: Bank, phase: SegmentPhase) -> set[str]:
    return {question.category for question in phase_questions(phase).apply(bank)}


def test_presentation_and_clarifying_offer_clarifying_questions(bank: Bank) -> None:
    assert categories_for(bank, SegmentPhase.CLARIFYING) == {"Clarification questions", "Active listening questions"}
    assert categories_for(bank, SegmentPhase.PRESENTATION) == {
        "Clarification questions",
        "Active listening questions",
        "Active listening techniques",
    }


def test_reflection_offers_the_reflective_models(bank: Bank) -> None:
    offered = categories_for(bank, SegmentPhase.REFLECTION)
    assert {"Reflective questions", "Weather model", "Systems theory"} <= offered
    assert {category for category in offered if category.endswith(" questions")} >= {
        "Clarification questions",
        "Viewpoint questions",
    }
    assert "Active listening questions" not in offered


def test_closing_offers_learning_questions(bank: Bank) -> None:
    assert [q.text for q in phase_questions(SegmentPhase.CLOSING).apply(bank)] == [
        "What did you learn that you will build into your practice?",
        "What would you do differently next time?",
    ]


def test_opening_offers_guidance_and_review_everything(bank: Bank) -> None:
    assert {q.kind for q in phase_questions(SegmentPhase.OPENING).apply(bank)} == {QuestionKind.TIP}
    assert phase_questions(SegmentPhase.REVIEW).apply(bank) == QuestionFilter().apply(bank)


def test_brookfields_points_are_guidance_and_no_segment_draws_them(bank: Bank) -> None:
    """The masterclass gives them as what being critically reflective involves, not as questions to ask: shown
    as a tip, never the big question nor on the shared screen, and not drawn before a case is heard either."""
    points = {q.id: q for q in bank if q.model == "Critical reflection (Brookfield, 1998)"}
    assert len(points) == 4 and {q.kind for q in points.values()} == {QuestionKind.TIP}
    for phase in SegmentPhase:
        assert not {q.id for q in phase_questions(phase).apply(bank)} & set(points), phase
    chosen = QuestionFilter(models=frozenset({"Critical reflection (Brookfield, 1998)"}), kinds=frozenset())
    assert [q.id for q in chosen.apply(bank)] == list(points)
    # Ticked by the facilitator, they are drawn in the reflection, where they belong, guidance though they are.
    assert [q.id for q in phase_questions(SegmentPhase.REFLECTION, chosen).apply(bank)] == list(points)


def test_segment_keeps_the_facilitators_own_filter(bank: Bank) -> None:
    narrowed = phase_questions(SegmentPhase.CLARIFYING, QuestionFilter(search="example"))
    assert [q.text for q in narrowed.apply(bank)] == ["Could you give us an example?"]


# --- picking by hand and a changing pool ------------------------------------------------------------


def test_a_question_shown_by_hand_is_never_drawn_again() -> None:
    questions = make_bank([3])
    picker = Picker(questions, rng=random.Random(5))
    assert picker.show(questions[1]) == questions[1]
    assert picker.current == questions[1]
    drawn = [picker.draw(), picker.draw()]
    assert {q.id for q in drawn if q is not None} == {"c0.0", "c0.2"}
    assert picker.draw() is None
    assert picker.asked_ids.count("c0.1") == 1


def test_showing_a_question_already_in_the_history_moves_to_it() -> None:
    questions = make_bank([4])
    picker = Picker(questions, rng=random.Random(6))
    first, second = picker.draw(), picker.draw()
    assert first is not None and second is not None
    assert picker.show(first) == first
    assert picker.can_go_forward and not picker.can_go_back
    assert picker.asked_ids == (first.id, second.id)
    assert picker.forward() == second


def test_a_resumed_ask_missing_from_the_history_joins_it_once() -> None:
    questions = make_bank([2])
    picker = Picker(questions[:1], rng=random.Random(0), asked=["c0.1"])
    assert picker.current is None
    picker.show(questions[1])
    assert picker.current == questions[1]
    assert picker.asked_ids == ("c0.1",)


def test_back_and_forward_report_where_they_can_go() -> None:
    picker = Picker(make_bank([3]), rng=random.Random(1))
    assert not picker.can_go_back and not picker.can_go_forward
    picker.draw()
    picker.draw()
    assert picker.can_go_back and not picker.can_go_forward
    picker.back()
    assert not picker.can_go_back and picker.can_go_forward


def test_a_new_pool_keeps_the_history_with_new_wording() -> None:
    questions = make_bank([3])
    picker = Picker(questions, rng=random.Random(2))
    first = picker.draw()
    assert first is not None
    reworded = replace(first, text="Reworded?")
    others = [q for q in questions if q.id != first.id]
    picker.set_questions([reworded, *others[:1]])
    assert picker.current == reworded
    picker.set_questions(others[:1])  # hidden since: the group heard it, so it stays in the history
    assert picker.current == reworded
    assert picker.draw() == others[0]
    assert picker.draw() is None


def test_every_segment_says_what_it_offers() -> None:
    assert set(SEGMENT_OFFERS) == set(SegmentPhase)
