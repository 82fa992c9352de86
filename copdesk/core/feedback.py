"""Anonymous feedback on a session, and the facilitator's own self-assessment for a quarter.

Feedback is two answers per person (how useful the session was, one thing to change), typed in by the facilitator
at the end of the session and stored with no member, so it can never be traced to a colleague; the quarter's
report shows only its summary. The self-assessment is the facilitator's own words under a few headings
(``resources/prompts/self_assessment.toml``), beside the figures that support it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from copdesk.core.text import mean_text

USEFULNESS = {1: "Not useful", 2: "A little useful", 3: "Useful", 4: "Very useful", 5: "Extremely useful"}
MAX_CHANGE_LENGTH = 500
MAX_ASSESSMENT_LENGTH = 8000


class FeedbackError(ValueError):
    """Feedback or a self-assessment that cannot be kept; the message is one line, fit to show as it is."""


@dataclass(frozen=True, slots=True)
class Feedback:
    usefulness: int | None  # 1 (not useful) to 5 (extremely useful), or not answered
    to_change: str


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    responses: int
    ratings: tuple[int, ...]  # how many answered 1, 2, 3, 4 and 5
    changes: tuple[str, ...]

    @property
    def rated(self) -> int:
        return sum(self.ratings)

    @property
    def points(self) -> int:
        """The ratings added up: their average is this over :attr:`rated`."""
        return sum(score * count for score, count in enumerate(self.ratings, start=1))

    def in_words(self) -> str:
        if not self.responses:
            return "No feedback was recorded."
        average = f", {mean_text(self.points, self.rated)} out of 5 on average" if self.rated else ""
        people = "response" if self.responses == 1 else "responses"
        rated = f" ({self.rated} rated)" if self.rated else ""
        return f"{self.responses} {people}{average}{rated}; {len(self.changes)} suggested a change."


class NamedInFeedback(NamedTuple):
    """A suggested change that names colleagues, with their names as written in it."""

    text: str
    names: tuple[str, ...]


def checked_feedback(usefulness: int | None, to_change: str) -> Feedback:
    """One person's answers, or :class:`FeedbackError`: at least one answer, a rating from 1 to 5, plain text."""
    if usefulness is not None and usefulness not in USEFULNESS:
        raise FeedbackError(f"Rate how useful the session was from 1 to 5, not {usefulness}.")
    text = _clean(to_change, "The change suggested", MAX_CHANGE_LENGTH, one_line=True)
    if usefulness is None and not text:
        raise FeedbackError("Choose how useful it was or type one thing to change; there is nothing to record.")
    return Feedback(usefulness, text)


def summarise(entries: Iterable[Feedback]) -> FeedbackSummary:
    listed = list(entries)
    ratings = tuple(sum(1 for entry in listed if entry.usefulness == score) for score in USEFULNESS)
    return FeedbackSummary(len(listed), ratings, tuple(entry.to_change for entry in listed if entry.to_change))


def checked_assessment(texts: Mapping[str, str], headings: Iterable[str]) -> dict[str, str]:
    """The facilitator's words under each known heading, cleaned; an empty heading is left out."""
    known = list(headings)
    unknown = sorted(set(texts) - set(known))
    if unknown:
        raise FeedbackError(f"{unknown[0]!r} is not one of the self-assessment's headings.")
    cleaned = {key: _clean(texts[key], "The self-assessment", MAX_ASSESSMENT_LENGTH) for key in known if key in texts}
    return {key: text for key, text in cleaned.items() if text}


def _clean(text: str, what: str, limit: int, *, one_line: bool = False) -> str:
    if any(unicodedata.category(ch) == "Cc" for ch in text if ch not in "\n\t"):
        raise FeedbackError(f"{what} contains an invisible control character; retype it without pasting.")
    cleaned = " ".join(text.split()) if one_line else "\n".join(line.rstrip() for line in text.strip().splitlines())
    if len(cleaned) > limit:
        raise FeedbackError(f"{what} is {len(cleaned)} characters long; keep it to {limit}.")
    return cleaned
