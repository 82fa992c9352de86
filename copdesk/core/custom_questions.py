"""The facilitator's own questions: the deck rules they share with the shipped bank, plus a few of their own.

Custom questions live in the store, never in ``resources/questions``, so an upgrade that replaces
the shipped bank cannot touch them. They go in categories of their own, so the rotation and the
category balance of the masterclass's lists stay as the masterclass set them out.

Inside CoPDesk a custom question's id is ``custom:<uid>``: the key its asks and its favourite are
stored under, which can never collide with a shipped id because shipped ids have no colon. In an
exported deck the id is the bare uid, which follows the deck id rules, so a deck exported and
imported again updates the same questions instead of copying them.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import replace

from copdesk.core.question_bank import Bank, DeckError, PromptPhase, Question, QuestionKind
from copdesk.core.text import InvalidName, clean_name, name_key

CUSTOM_PREFIX = "custom:"
MAX_TEXT_LENGTH = 1000
DEFAULT_MODEL = "Your own questions"
DEFAULT_SOURCE = "Added by the facilitator"


def custom_key(uid: str) -> str:
    """The id a custom question has in the picker, the asked log and the favourites."""
    return CUSTOM_PREFIX + uid


def is_custom(question_id: str) -> bool:
    return question_id.startswith(CUSTOM_PREFIX)


def uid_of(question_id: str) -> str:
    return question_id.removeprefix(CUSTOM_PREFIX)


def new_uid(taken: Container[str], rng: random.Random) -> str:
    """A fresh uid that fits the deck id rules and is not in ``taken``."""
    while True:
        uid = f"own-{rng.getrandbits(40):010x}"
        if uid not in taken:
            return uid


def as_custom(question: Question) -> Question:
    """A deck entry as the picker holds it."""
    return question if is_custom(question.id) else replace(question, id=custom_key(question.id))


def for_export(questions: Iterable[Question]) -> list[Question]:
    """Custom questions as deck entries, ids without the prefix."""
    return [replace(question, id=uid_of(question.id)) for question in questions]


def check_custom_question(question: Question, shipped: Bank, *, where: str = "") -> Question:
    """The question with its names tidied, or :class:`DeckError` naming the problem.

    ``where`` starts the message ("deck.toml: entry 3 ('x')"); the editor leaves it empty.
    """
    prefix = f"{where}: " if where else ""
    if shipped.get(uid_of(question.id)) is not None:
        raise DeckError(
            f"{prefix}id {uid_of(question.id)!r} belongs to the shipped bank; give your own question an id of its own."
        )
    try:
        category = clean_name(question.category, what="The category")
        model = clean_name(question.model, what="The model")
    except InvalidName as exc:
        raise DeckError(f"{prefix}{exc}") from None
    shipped_categories = {name_key(name): name for name in shipped.categories}
    if name_key(category) in shipped_categories:
        raise DeckError(
            f"{prefix}{shipped_categories[name_key(category)]!r} is a category of the shipped bank; "
            "put your own questions in a category of their own."
        )
    return replace(
        question,
        text=_checked_text(question.text, "The question", prefix),
        category=category,
        model=model,
        source=_checked_text(question.source, "The source", prefix),
        caution=None if question.caution is None else _checked_text(question.caution, "The caution", prefix),
    )


def check_custom_deck(questions: Sequence[Question], shipped: Bank, *, origin: str) -> list[Question]:
    """Every entry of an imported deck checked, or :class:`DeckError` for the first problem: all or nothing."""
    if not questions:
        raise DeckError(f"{origin}: the deck holds no [[question]] entries, so there is nothing to import.")
    return [
        check_custom_question(question, shipped, where=f"{origin}: entry {number} ({question.id!r})")
        for number, question in enumerate(questions, start=1)
    ]


def draft_question(
    uid: str,
    *,
    text: str,
    category: str,
    shipped: Bank,
    model: str = "",
    phases: Iterable[PromptPhase] = (),
    kind: QuestionKind = QuestionKind.QUESTION,
    funnel_level: int | None = None,
    caution: str = "",
    source: str = "",
) -> Question:
    """What the editor holds, as a checked custom question (id ``custom:<uid>``)."""
    chosen = tuple(phase for phase in PromptPhase if phase in set(phases))
    if not chosen:
        raise DeckError("Tick at least one of clarifying, exploring or closing, so the picker knows when to offer it.")
    if not category.strip():
        raise DeckError("The category is empty; type a category of your own, such as “Our team's questions”.")
    question = Question(
        id=custom_key(uid),
        text=text,
        category=category,
        model=model.strip() or DEFAULT_MODEL,
        source=source.strip() or DEFAULT_SOURCE,
        phases=chosen,
        kind=kind,
        funnel_level=funnel_level,
        caution=caution.strip() or None,
    )
    return check_custom_question(question, shipped)


def _checked_text(raw: str, what: str, prefix: str) -> str:
    text = raw.strip()
    if not text:
        raise DeckError(f"{prefix}{what} is empty; type at least one word.")
    if len(text) > MAX_TEXT_LENGTH:
        raise DeckError(f"{prefix}{what} is {len(text)} characters long; keep it to {MAX_TEXT_LENGTH}.")
    if any(unicodedata.category(char) == "Cc" and char != "\n" for char in text):
        raise DeckError(f"{prefix}{what} contains an invisible control character; retype it without pasting.")
    return text
