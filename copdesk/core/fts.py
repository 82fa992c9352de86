"""Turning what someone typed into a safe SQLite FTS5 query, and reading highlighted snippets back.

Every word is quoted, so nothing typed is read as FTS syntax: a stray ``"``, ``NEAR``, ``-`` or ``*`` in a
note can never raise an error or change the meaning of the search. The last word becomes a prefix when the
text does not end in a space, because the user is still typing it.

FTS5's own ``snippet()`` weighs every match in a text against every other, so its time grows with the square of
the matches: a 1 MB paste that holds the word searched for 200,000 times would hold the window for minutes. A text
longer than :data:`LONGEST_SNIPPETED` has its snippet cut here instead (:func:`cut_snippet`), in one pass.
"""

from __future__ import annotations

import re

# Snippet markers: control characters nobody types, so splitting on them cannot cut the user's own text.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
ELLIPSIS = "…"
MAX_QUERY_WORDS = 12
_MIN_PREFIX = 3
# The longest text FTS5's snippet() is left to cut: at worst (one word repeated throughout) a fraction of a second.
LONGEST_SNIPPETED = 20_000
# A snippet cut here starts this many words before the first match, and reaches at most this far either side of it.
_WORDS_BEFORE = 4
_REACH = 200

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


def _query_words(text: str, *, drop_stop_words: bool) -> list[str]:
    """The words searched for, each once: the last :data:`MAX_QUERY_WORDS` of them."""
    words = [word.lower() for word in _WORD.findall(text)]
    kept = [w for w in words if not (drop_stop_words and w in _STOP_WORDS) and (len(w) > 1 or w.isdigit())]
    return list(dict.fromkeys(kept))[-MAX_QUERY_WORDS:]


def _terms(text: str, *, drop_stop_words: bool) -> list[str]:
    words = [word.lower() for word in _WORD.findall(text)]
    unique = _query_words(text, drop_stop_words=drop_stop_words)
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


def typed_words_pattern(typed: str) -> re.Pattern[str] | None:
    """Every word in a text that starts like a word :func:`match_all` searches for (FTS5 matches by stem, so this
    is near enough to show where the matches are); ``None`` when nothing typed is searched for."""
    words = _query_words(typed, drop_stop_words=False)
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*", re.IGNORECASE)


def cut_snippet(text: str, typed: str, words: int) -> str:
    """A snippet of ``text`` shaped as ``snippet()`` makes them (the matches between the markers, an ellipsis where
    the text goes on) about ``words`` words long, from a few words before the first word starting like a typed one,
    or from the start when only a stem of one matched. One pass, however many matches the text holds."""
    pattern = typed_words_pattern(typed)
    found = pattern.search(text) if pattern is not None else None
    at = found.start() if found is not None else 0
    lead = re.compile(rf"(?<!\S)(?:\S+\s+){{0,{_WORDS_BEFORE}}}\S*$").search(text, max(0, at - _REACH), at)
    start = lead.start() if lead is not None else at
    end = at
    for _, word in zip(
        range(words - len(text[start:at].split())), re.finditer(r"\S+", text[at : at + _REACH]), strict=False
    ):
        end = at + word.end()
    parts = [ELLIPSIS] if start > 0 else []
    last = start
    for match in pattern.finditer(text, start, end) if pattern is not None else ():
        parts += [text[last : match.start()], HIGHLIGHT_START, match.group(0), HIGHLIGHT_END]
        last = match.end()
    parts += [text[last:end], ELLIPSIS if end < len(text) else ""]
    return "".join(parts)
