"""Validation of names that people type (team names, member names, category names), and counts in words.

Names are compared by a *key* (NFC, then casefold) so "Zoë" typed two ways, or "ALEX" and
"alex", are the same person. Bidirectional control characters are stripped, because they can make
a name display as something else; other control characters are refused outright.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

MAX_NAME_LENGTH = 80

# Characters that are letters or symbols to Unicode yet show as blank space: the Hangul fillers and the blank Braille
# pattern. A name made only of them (or of joiners) would be an empty tile.
_BLANK_LOOKING = frozenset("\u115f\u1160\u3164\uffa0\u2800")

# The zero-width non-joiner and joiner: a letter of a Persian name ("علی‌رضا") or an Indic one, typed with the keyboard,
# and of an emoji sequence. Other invisible characters are refused.
_JOINERS = frozenset("\u200c\u200d")
# What goes from the edges of a word: the joiners, and the zero-width space and word joiner, which clean_name refuses
# but a name stored otherwise than through it may hold (:func:`without_edge_joiners`).
_AT_WORD_EDGES = "\u200c\u200d\u200b\u2060"

# Explicit bidi embeddings, overrides and isolates (LRE..RLO, LRI..PDI) plus the marks LRM, RLM, ALM.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


class InvalidName(ValueError):
    """Raised with a message fit to show the user as it is."""


def clean_name(raw: str, *, what: str = "Name") -> str:
    """Return the name as it will be stored, or raise :class:`InvalidName` saying why not."""
    text = unicodedata.normalize("NFC", "".join(ch for ch in raw if ch not in _BIDI_CONTROLS)).strip()
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text if ch not in _JOINERS):
        raise InvalidName(f"{what} contains an invisible control character; retype it without pasting.")
    if not text:
        raise InvalidName(f"{what} is empty; type at least one letter.")
    text = without_edge_joiners(text)
    if not any(unicodedata.category(ch)[0] in "LNPS" and ch not in _BLANK_LOOKING for ch in text):
        raise InvalidName(f"{what} shows nothing; type at least one letter.")
    if len(text) > MAX_NAME_LENGTH:
        raise InvalidName(f"{what} is {len(text)} characters long; keep it to {MAX_NAME_LENGTH}.")
    return text


def without_edge_joiners(text: str) -> str:
    """``text``'s words, one space apart, less any joiner at a word's edge: a joiner joins letters within a word, and
    at its edge only makes a second "Sam Lee" that looks the same. Also how a name an earlier CoPDesk stored is written
    as :func:`clean_name` writes it today, never refused (it is someone's name already), so that its key is the one the
    name typed today has; empty when it was all joiners."""
    return " ".join(word for raw_word in text.split() if (word := raw_word.strip(_AT_WORD_EDGES)))


def clean_person_name(raw: str, *, what: str = "Name") -> str:
    """:func:`clean_name` for a person, who needs a letter or a digit in their name: one of emoji or marks alone ("🌱")
    has no word for an erasure to find it by in backups and notes, nor for a record to take it out of."""
    text = clean_name(raw, what=what)
    if not any(unicodedata.category(ch)[0] in "LN" for ch in text):
        raise InvalidName(f"{what} has no letter in it; type the person's name.")
    return text


def name_key(name: str) -> str:
    """The comparison key: two names with the same key are duplicates."""
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


# Letters Unicode gives no base letter and mark to take apart, as the letters a reader files them under: Polish ł,
# Danish and Norwegian ø and æ, Croatian and Vietnamese đ, Icelandic ð and þ, German ß, French œ, Turkish ı, Maltese
# ħ, Sámi ŧ, and the hooked and open letters of Hausa, Akan and Ewe names (ɓ ɗ ƙ ƴ ɛ ɔ ŋ). Lower case only: they
# are looked up after casefolding.
_BASE_LETTERS = str.maketrans(
    {"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "œ": "oe", "ı": "i", "ħ": "h", "ŧ": "t"}
    | {"ɓ": "b", "ɗ": "d", "ƙ": "k", "ƴ": "y", "ɛ": "e", "ɔ": "o", "ŋ": "n"}
)


NameSortKey = tuple[str, str, str]


def name_sort_key(name: str) -> NameSortKey:
    """Where a name goes in a list, as a person would put it: "émile" beside "Emma", "Łukasz" among the Ls, "zoë"
    with "Zoe", "O'Brien" as "OBrien" (after "Obi"), "Mary-Jane" with "Mary Jane". Case, accents, curly quotes and
    punctuation count for nothing at first; names are filed word by word, as a British index or phone book does
    ("Ann Lee" before "Anna Black"), a hyphen parting words as a space does. Names still equal then go by their
    punctuation, then by their exact text, so the order is total and stable. Neither ICU nor the system's locale is
    asked, so every laptop (and the CLI) lists people alike, and the live tiles a resume builds again keep their
    number keys.

    Other scripts come after Latin, each in the order of its Unicode block, which for Greek, Cyrillic and the Indic
    scripts is their alphabet's: an Indic vowel sign and virama are letters to its readers (कमल, काजल, किरण, then
    क्षमा), so only the nukta goes, as a dictionary files ज़ with ज. A Thai or Lao vowel written before its consonant is
    filed after it, as their dictionaries do (Unicode's logical-order exception)."""
    decomposed = unicodedata.normalize("NFKD", straight_quotes(name).casefold())
    base = "".join(ch for ch in decomposed if not _optional_mark(ch)).translate(_BASE_LETTERS)
    words = "".join(_filed(ch) for ch in _PREVOWEL.sub(r"\2\1", base)).split()
    return " ".join(words), base, name


# Marks a reader files a name without: accents (the combining diacritical blocks), Hebrew points and Arabic short
# vowels, which are written or left out at will, the nukta (canonical combining class 7) and Thai and Lao tone marks
# (classes 107 and 122). Other marks, such as Indic and Thai vowel signs, are letters of the name and stay.
_OPTIONAL_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u064b-\u065f\u0670]"
)
_OPTIONAL_CLASSES = frozenset({7, 107, 122})
_PREVOWEL = re.compile("([\u0e40-\u0e44\u0ec0-\u0ec4])(.)")
# Letters by Unicode's reckoning that stand for an apostrophe: the modifier letters a keyboard or a Hawaiian name uses.
_APOSTROPHE_LETTERS = frozenset("\u02bb\u02bc\u02bd\u02be\u02bf")


def _optional_mark(ch: str) -> bool:
    optional = unicodedata.combining(ch) in _OPTIONAL_CLASSES or _OPTIONAL_MARKS.match(ch) is not None
    return optional and unicodedata.category(ch)[0] == "M"


def _filed(ch: str) -> str:
    """What a character of a name counts as at first: a letter, mark, digit or symbol (an emoji) as itself, a space or
    a dash as a break between words, and any other punctuation as nothing (as ICU's "shifted" punctuation)."""
    kind = unicodedata.category(ch)
    if kind[0] in "LMNS" and ch not in _APOSTROPHE_LETTERS:
        return ch
    return " " if kind in ("Zs", "Pd") or ch.isspace() else ""


def counted(number: int, one: str, many: str = "", *, none: str = "") -> str:
    """A count that reads right for 0, 1 and many: "1 date", "3 dates", "2 issues were", "No dates".

    ``many`` defaults to ``one`` with an "s"; ``none``, when given, stands in for the number 0.
    """
    amount = none if number == 0 and none else str(number)
    return f"{amount} {one if number == 1 else many or one + 's'}"


def mean_text(total: int, count: int, places: int = 1) -> str:
    """``total / count`` written to ``places`` decimals, a half rounded up as a reader checking it by hand does
    (17 / 4 is "4.3"). Formatting the float would round its binary value to even ("4.2"), and 87 / 20, stored as
    4.34999…, down ("4.3" where the hand gets "4.4"). ``count`` is not 0."""
    exact = Decimal(total) / Decimal(count)  # ratios of counts: exact to 28 digits, so no half is lost
    return str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def listed(words: Sequence[str]) -> str:
    """Several words as a sentence lists them: "a", "a and b", "a, b and c" (at least one word)."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


_STRAIGHT_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"'})


def straight_quotes(text: str) -> str:
    """``text`` with its curly quotation marks straight: what a Mac, a phone or a word processor types ("didn’t")
    compares with what was typed plainly ("didn't")."""
    return text.translate(_STRAIGHT_QUOTES)


def shortened(text: str, limit: int = 40) -> str:
    """``text`` cut to at most ``limit`` characters, the last of them "…" when it was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def quoted(text: str, limit: int = 40) -> str:
    """What was typed, quoted for a one-line message and cut at ``limit`` characters, so a paste cannot flood it."""
    return repr(text if len(text) <= limit else text[:limit] + "…")


# A spreadsheet runs a cell starting with these as a formula ("CSV injection"); a leading quote keeps it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: str) -> str:
    """A cell for a CSV file that a spreadsheet will show as text, never run."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell
