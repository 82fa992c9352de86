"""Finding people's names in free text as whole names, from the names themselves or from salted digests of them.

Erasing "Al" must not touch "Alex Morgan": a name matches only as a run of whole words ("Al" in "Al's case" does,
"Al" in "Alex" does not). Matching works on word tokens (NFC, casefolded), so "ZOË  quinn" and "Zoë Quinn" are
the same name, and "Anne-Marie" is two tokens in a name and in text alike. A mark Unicode cannot join to its letter
(Yoruba's "ọ̀" is "ọ" and a grave accent) stays in its word, and counts for nothing in the comparison.

After an erasure CoPDesk must still recognise the name (to keep it out of an anonymised summary, and to finish
cleaning a copy that still holds it) without keeping it: a name is kept as the SHA-256 digest of its tokens
with a random per-database salt. Each run of up to :attr:`NameDigests.longest` tokens of the text is digested
and looked up, so text can be matched against names nobody can read back from the database.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from copdesk.core.text import name_key

# What may stand between two words of one name: a space, an apostrophe, a hyphen, or the non-joiner of a Persian one.
_JOINER = re.compile(r"[\s'’\-\u200c]+")
_MIN_PART_LENGTH = 2
_WORD_BEFORE_MARKS_STAYED = re.compile(r"\w+")  # how an earlier CoPDesk split words (see NameDigests.of_names)


class _Words(NamedTuple):
    token: re.Pattern[str]
    mark: re.Pattern[str]


@functools.cache
def _words() -> _Words:
    """A word is letters, digits and the marks on them: ``\\w`` takes no mark, so a mark NFC cannot join to its letter
    ("ọ" and a grave, in Yoruba) would end the word there. Built on first use from Unicode's own categories."""
    marks = "".join(chr(code) for code in range(0x10000) if unicodedata.category(chr(code)).startswith("M"))
    mark = f"[{re.escape(marks)}]"
    return _Words(re.compile(rf"\w(?:\w|{mark})*"), re.compile(mark))


def _token_value(word: str) -> str:
    """A word as names are compared: casefolded, less the marks NFC left on their own (a letter with its accent in
    one character keeps it)."""
    return _words().mark.sub("", word).casefold()


def name_tokens(text: str) -> tuple[str, ...]:
    return tuple(_token_value(match.group()) for match in _words().token.finditer(unicodedata.normalize("NFC", text)))


def _whole_name(name: str) -> tuple[str, ...]:
    """The tokens a whole name is digested by: its words, or, for a name with none (emoji or marks alone, "🌱", kept
    from before a person's name needed a letter or a digit), the name itself as one token, so that an erasure still
    finds it where it is a whole name (a guest's name in a copy, an owner typed by hand), though never in text."""
    tokens = name_tokens(name)
    if tokens:
        return tokens
    key = name_key(name)
    return (key,) if key else ()


def digest(salt: str, tokens: Iterable[str]) -> str:
    return hashlib.sha256(f"{salt}\x1f{' '.join(tokens)}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class NameDigests:
    """Whole names and their parts (each word of the name, as people use first names), as salted digests."""

    salt: str
    whole: frozenset[str]
    parts: frozenset[str]
    longest: int

    @classmethod
    def of_names(cls, salt: str, names: Iterable[str]) -> NameDigests:
        whole: set[str] = set()
        parts: set[str] = set()
        longest = 0
        for name in names:
            tokens = _whole_name(name)
            if not tokens:
                continue
            whole.add(digest(salt, tokens))
            # An erasure by an earlier CoPDesk kept the name as the words a lone mark split it into: a restore must
            # still find the person it brings back.
            split = _WORD_BEFORE_MARKS_STAYED.findall(unicodedata.normalize("NFC", name))
            if split:
                whole.add(digest(salt, (word.casefold() for word in split)))
            longest = max(longest, len(tokens))
            for part in name.split():
                part_tokens = name_tokens(part)
                if part_tokens and len("".join(part_tokens)) >= _MIN_PART_LENGTH:
                    parts.add(digest(salt, part_tokens))
        return cls(salt, frozenset(whole), frozenset(parts), longest)

    @classmethod
    def from_stored(cls, salt: str, rows: Iterable[tuple[str, bool]], longest: int = 6) -> NameDigests:
        """Digests read back from the database, as ``(digest, whole)`` pairs."""
        whole: set[str] = set()
        parts: set[str] = set()
        for value, is_whole in rows:
            (whole if is_whole else parts).add(value)
        return cls(salt, frozenset(whole), frozenset(parts), longest)

    def merged(self, other: NameDigests) -> NameDigests:
        assert other.salt == self.salt, "digests made with different salts never match"
        return NameDigests(
            self.salt, self.whole | other.whole, self.parts | other.parts, max(self.longest, other.longest)
        )

    def without(self, other: NameDigests) -> NameDigests:
        """These names less ``other``'s, whole names and parts alike (a practitioner's own in their CPD evidence)."""
        assert other.salt == self.salt, "digests made with different salts never match"
        return NameDigests(self.salt, self.whole - other.whole, self.parts - other.parts, self.longest)

    def __bool__(self) -> bool:
        return bool(self.whole)

    def spans(self, text: str, *, parts: bool = False) -> list[tuple[int, int]]:
        """Where the names occur in ``text`` (taken as NFC), longest first at each word; with ``parts``, a part of a
        name counts too when it is written with its capital letter ("Drew" the name, not "drew" the verb)."""
        words = list(_words().token.finditer(text))
        found: list[tuple[int, int]] = []
        index = 0
        while index < len(words):
            match_end = self._match_at(text, words, index, parts=parts)
            if match_end is None:
                index += 1
                continue
            found.append((words[index].start(), words[match_end].end()))
            index = match_end + 1
        return found

    def _match_at(self, text: str, words: list[re.Match[str]], index: int, *, parts: bool) -> int | None:
        end = index
        while end + 1 < len(words) and end + 1 - index < self.longest:
            if not _JOINER.fullmatch(text[words[end].end() : words[end + 1].start()]):
                break
            end += 1
        for last in range(end, index - 1, -1):
            value = digest(self.salt, (_token_value(w.group()) for w in words[index : last + 1]))
            if value in self.whole or (parts and value in self.parts and words[index].group()[:1].isupper()):
                return last
        return None

    def is_name(self, text: str) -> bool:
        """Whether ``text`` is, as a whole, one of the names (an action's owner typed by hand)."""
        return digest(self.salt, _whole_name(text)) in self.whole

    def mentions(self, text: str) -> bool:
        """Whether ``text`` holds one of the whole names."""
        return bool(self.spans(unicodedata.normalize("NFC", text)))


def merged_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` in order, those that overlap as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def replace_spans(text: str, spans: Iterable[tuple[int, int]], placeholder: str) -> str:
    """``text`` with each of ``spans`` (where they overlap, as one) replaced by ``placeholder``."""
    for start, end in reversed(merged_spans(spans)):
        text = text[:start] + placeholder + text[end:]
    return text


def whole_name_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern that finds any of ``names`` as a whole name in casefolded NFC text: for counting mentions in many
    notes at once, where the names are at hand (digesting every run of words would be slow)."""
    alternatives = {_JOINER.pattern.join(re.escape(token) for token in name_tokens(name)) for name in names}
    alternatives.discard("")
    if not alternatives:
        return None
    ordered = sorted(alternatives, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)")


def folded(text: str) -> str:
    """The form :func:`whole_name_pattern` searches: its words as :func:`name_tokens` has them."""
    return _token_value(unicodedata.normalize("NFC", text))
