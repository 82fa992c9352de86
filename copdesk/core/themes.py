"""Themes: the words that keep coming back across session topics and issue titles.

The Social Work Consultant "responds to themes, issues and barriers" (masterclass, roles), so the quarterly
self-assessment lists them and the roll-up finds the barriers several teams share. A theme is a content word
found in at least two different texts; counting texts rather than occurrences stops one long title from
making a theme on its own. Deliberately simple and explainable: a facilitator can check every theme by eye.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from copdesk.core.anonymise import NAME_PLACEHOLDER
from copdesk.core.privacy import IdentifierKind, placeholder_for

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# What CoPDesk wrote in place of a name or an identifier says nothing about a subject ("[postcode removed]").
_PLACEHOLDERS = re.compile("|".join(re.escape(p) for p in (NAME_PLACEHOLDER, *map(placeholder_for, IdentifierKind))))
_MIN_LENGTH = 4

# Words that say nothing about a subject: function words, and the words every CoP text shares.
_STOPWORD_TEXT = """
    about above after again against also among another around because been before being below between both
    could does doing down during each even every from further have having here into just like made make many
    more most much must need needs only other over same should some such than that their them then there these
    they this those through time under until upon very want were what when where which while whom whose will
    with within without would your yours ours across able still first last next week weeks month months
    session sessions team teams practice case cases discussion raised issue issues using used work working
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class Theme(NamedTuple):
    word: str
    texts: int
    examples: tuple[str, ...]


def theme_words(text: str) -> set[str]:
    """The content words of one text, folded so "Delays" and "delay" are one word; placeholders are not words."""
    words = _WORD.findall(_PLACEHOLDERS.sub(" ", text).casefold())
    return {word for word in map(_fold, words) if _is_content(word)}


def find_themes(texts: Iterable[str], *, minimum: int = 2, limit: int = 10) -> list[Theme]:
    """Words found in at least ``minimum`` different texts, most frequent first (ties alphabetical)."""
    unique = list(dict.fromkeys(text.strip() for text in texts if text.strip()))
    found: dict[str, list[str]] = defaultdict(list)
    for text in unique:
        for word in theme_words(text):
            found[word].append(text)
    themes = [Theme(word, len(sources), tuple(sources[:3])) for word, sources in found.items()]
    themes = [theme for theme in themes if theme.texts >= minimum]
    return sorted(themes, key=lambda theme: (-theme.texts, theme.word))[:limit]


def shared_words(groups: Sequence[Iterable[str]], *, minimum: int = 2) -> Counter[str]:
    """How many groups (teams) use each content word, keeping words shared by at least ``minimum`` groups."""
    counts: Counter[str] = Counter()
    for texts in groups:
        counts.update(set().union(*(theme_words(text) for text in texts)))
    return Counter({word: count for word, count in counts.items() if count >= minimum})


def _is_content(word: str) -> bool:
    return len(word) >= _MIN_LENGTH and word not in _STOPWORDS


def _fold(word: str) -> str:
    """Strip a possessive and a plain plural; nothing cleverer, so the fold is predictable."""
    word = re.sub(r"['’]s?$", "", word)
    if len(word) > _MIN_LENGTH and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word
