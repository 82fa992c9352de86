"""Counts in words: one helper for every "N things" CoPDesk writes, so 0, 1 and many all read right."""

from __future__ import annotations

import pytest

from copdesk.core.text import counted, listed


@pytest.mark.parametrize(
    ("number", "expected"),
    [(0, "0 dates"), (1, "1 date"), (2, "2 dates"), (11, "11 dates")],
)
def test_a_regular_noun_takes_an_s_except_for_one(number: int, expected: str) -> None:
    assert counted(number, "date") == expected


def test_an_irregular_plural_is_given() -> None:
    assert counted(1, "issue was", "issues were") == "1 issue was"
    assert counted(3, "issue was", "issues were") == "3 issues were"
    assert counted(2, "match", "matches") == "2 matches"


def test_none_stands_in_for_zero_only() -> None:
    assert counted(0, "open action", none="No") == "No open actions"
    assert counted(1, "open action", none="No") == "1 open action"
    assert counted(5, "open action", none="No") == "5 open actions"


def test_words_are_listed_as_a_sentence_lists_them() -> None:
    assert listed(["notes-a.txt"]) == "notes-a.txt"
    assert listed(["1st", "3rd"]) == "1st and 3rd"
    assert listed(["a", "b", "c"]) == "a, b and c"
