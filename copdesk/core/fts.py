"""Turning what someone typed into a safe SQLite FTS5 query, and reading highlighted snippets back.

Every word is quoted, so nothing typed is read as FTS syntax: a stray ``"``, ``NEAR``, ``-`` or ``*`` in a
note can never raise an error or change the meaning of the search. The last word becomes a prefix when the
text does not end in a space, because the user is still typing it.
"""

from __future__ import annotations

import re

# Snippet markers: control characters nobody types, so splitting on them cannot cut the user's own text.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
ELLIPSIS = "…"
MAX_QUERY_WORDS = 12
_MIN_PREFIX = 3

# Words that say nothing about which issue is meant; leaving them out of "any word" matching keeps "the",
# "and" and "for" from matching every issue the team ever raised.
_STOP_WORDS = frozenset(
    word
    for line in (
        "a an and are as at be been but by can could did do does for from get getting got had has have how i if in",
        "into is it its of on or our so still than that the their them then there these they this to too us was we",
        "were what when where which who why will with would you again raised issue",
    )
    for word in line.split()
)
_WORD = re.compile(r"\w+")


def _terms(text: str, *, drop_stop_words: bool) -> list[str]:
    words = [word.casefold() for word in _WORD.findall(text)]
    kept = [w for w in words if not (drop_stop_words and w in _STOP_WORDS) and (len(w) > 1 or w.isdigit())]
    unique = list(dict.fromkeys(kept))[-MAX_QUERY_WORDS:]
    terms = [f'"{word}"' for word in unique]
    still_typing = bool(words) and not text[-1].isspace() and words[-1] == (unique[-1] if unique else None)
    if still_typing and len(unique[-1]) >= _MIN_PREFIX:
        terms[-1] += "*"
    return terms


def match_any(text: str) -> str | None:
    """Rows sharing any meaningful word with ``text`` (bm25 then ranks the most, and rarest, shared first)."""
    terms = _terms(text, drop_stop_words=True)
    return " OR ".join(terms) if terms else None


def match_all(text: str) -> str | None:
    """Rows containing every word of ``text``: what a search box means."""
    terms = _terms(text, drop_stop_words=False)
    return " ".join(terms) if terms else None


def split_highlights(snippet: str) -> list[tuple[str, bool]]:
    """A snippet made with the markers above, as (text, highlighted) runs, for a view to style safely."""
    runs: list[tuple[str, bool]] = []
    for index, part in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", snippet)):
        if part:
            runs.append((part, index % 2 == 1))
    return runs
