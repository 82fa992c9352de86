"""Snippets cut without FTS5's snippet(), for a text too long for it, and the words a search marks."""

from __future__ import annotations

from copdesk.core.fts import (
    ELLIPSIS,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    cut_snippet,
    split_highlights,
    typed_words_pattern,
)

TEXT = "The presenter spoke about a carer under strain after the re-assessment, and asked about respite options."


def _marked(snippet: str) -> list[str]:
    return [text for text, hit in split_highlights(snippet) if hit]


def test_a_cut_snippet_starts_a_few_words_before_the_first_match_and_marks_each_match() -> None:
    snippet = cut_snippet(TEXT, "carer", 8)
    assert (
        snippet
        == f"{ELLIPSIS}presenter spoke about a {HIGHLIGHT_START}carer{HIGHLIGHT_END} under strain after{ELLIPSIS}"
    )
    assert _marked(cut_snippet(TEXT, "assess", 14)) == ["assessment"]  # inside "re-assessment", the word kept whole
    assert cut_snippet(TEXT, "assess", 14).startswith(f"{ELLIPSIS}under strain after the re-")
    assert cut_snippet(TEXT, "presenter options", 20) == TEXT.replace("presenter", "\x02presenter\x03").replace(
        "options", "\x02options\x03"
    )


def test_a_cut_snippet_with_only_a_stem_matching_shows_the_start() -> None:
    assert cut_snippet(TEXT, "presenting", 5) == f"The presenter spoke about a{ELLIPSIS}"


def test_a_cut_snippet_stays_short_in_an_unbroken_line_and_a_text_of_one_word_repeated() -> None:
    unbroken = "x" * 100_000 + " carer " + "y" * 100_000
    assert len(cut_snippet(unbroken, "carer", 14)) < 500
    repeated = cut_snippet("word " * 200_000, "word", 14)
    assert _marked(repeated) == ["word"] * 14 and repeated.endswith(ELLIPSIS)


def test_only_the_words_searched_for_are_marked_however_long_the_query() -> None:
    pattern = typed_words_pattern(" ".join(f"w{n}" for n in range(2000)) + " carer")
    assert pattern is not None
    assert [m.group(0) for m in pattern.finditer("w1 w1999 carers")] == ["w1999", "carers"]  # the last twelve
    assert typed_words_pattern('" - * NEAR( ') is not None and typed_words_pattern("  ") is None
