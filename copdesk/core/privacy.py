"""Warnings about identifiers typed into CoP notes.

CoP notes discuss cases, but anonymised. These checks only warn: the facilitator is typing during a
live meeting, so nothing here blocks a save, and removal happens only when the user asks for it.
Each pattern leans towards precision, because a warning on ordinary sentences teaches people to
ignore warnings. NHS numbers are flagged only with a valid check digit, for the same reason.

Spans are Python ``str`` indexes (code points). Qt text cursors count UTF-16 code units, so a view
must convert before selecting a span in text that contains emoji or other astral characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class IdentifierKind(StrEnum):
    NHS_NUMBER = "nhs-number"
    POSTCODE = "postcode"
    DATE_OF_BIRTH = "date-of-birth"
    TITLE_AND_NAME = "title-and-name"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: IdentifierKind
    start: int
    end: int
    text: str
    message: str


_PLACEHOLDERS = {
    IdentifierKind.NHS_NUMBER: "[NHS number removed]",
    IdentifierKind.POSTCODE: "[postcode removed]",
    IdentifierKind.DATE_OF_BIRTH: "[date of birth removed]",
    IdentifierKind.TITLE_AND_NAME: "[name removed]",
}

_MESSAGES = {
    IdentifierKind.NHS_NUMBER: "This looks like an NHS number (its check digit is valid). Keep case notes anonymised.",
    IdentifierKind.POSTCODE: "This looks like a UK postcode. Keep case notes anonymised.",
    IdentifierKind.DATE_OF_BIRTH: "This looks like a date of birth. Keep case notes anonymised.",
    IdentifierKind.TITLE_AND_NAME: "This looks like a person's title and surname. Keep case notes anonymised.",
}

# A space as typed, or as a word processor or a web page pastes it: no-break (U+00A0), figure (U+2007) or
# narrow no-break (U+202F).
_SPACES = " \u00a0\u2007\u202f"

# Three, three and four ASCII digits, written together or with a space, a hyphen or a dot after each of the first
# two groups ("943 476 5919", "943 476-5919", "943.476.5919"). Digits either side, or a digit beyond a hyphen or a
# dot, would make it part of a longer number or reference, which is not an NHS number.
_NHS_GAP = rf"[{_SPACES}.\-]"
_NHS_NUMBER = re.compile(
    rf"(?<![0-9])(?<![0-9][.\-])[0-9]{{3}}(?:[0-9]{{3}}|{_NHS_GAP}[0-9]{{3}}{_NHS_GAP})[0-9]{{4}}"
    r"(?![0-9])(?![.\-][0-9])"
)

# The outward code forms A9, A99, AA9, AA99, A9A and AA9A, then the inward code: a digit and two
# letters, never C, I, K, M, O or V (Royal Mail never uses them there, which removes most false hits).
# Word characters either side (in any script) would make it part of a longer word.
_POSTCODE = re.compile(
    rf"(?<!\w)(?:[A-Z][0-9][0-9A-Z]?|[A-Z][A-HJ-Y][0-9][0-9A-Z]?)[{_SPACES}]?[0-9][ABD-HJLNP-UW-Z]{{2}}(?!\w)",
    re.IGNORECASE,
)

_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# The whole phrase, cue included, is the finding: "DOB [date of birth removed]" would say it twice. The spaces
# after the cue are matched once, not by two runs either side of an optional colon: those would try every split of
# a long run of spaces, and this check runs on every key typed.
_DATE_OF_BIRTH = re.compile(
    r"(?<!\w)(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*(?:(?:[:\-–]|is)\s*)?"
    r"(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2,4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    rf"|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAMES}\.?,?\s+[0-9]{{4}}"
    rf"|{_MONTH_NAMES}\.?\s+[0-9]{{1,2}}(?:st|nd|rd|th)?,?\s+[0-9]{{4}})(?![0-9])",
    re.IGNORECASE,
)

# Titles are matched with their capital letter, or all in capitals, so the verb in "we miss Alex" is not a title;
# a title in capitals needs its name in capitals ("MRS PATEL"), so a meeting "on MS Teams" is not a person. "MISS"
# in capitals is the verb ("WE MISS HER"), never taken for a title. The name words are checked for capitals in
# code, because ``re`` has no Unicode uppercase class.
_TITLE_WORDS = r"(?:Miss|Mrs|Mx|Ms|Mr|Dr|MRS|MX|MS|MR|DR)"
_TITLE = re.compile(rf"(?<!\w){_TITLE_WORDS}\.?(?=\s)")
# A title is never a name: "Mr\nMrs Patel" is a title on its own, then a title and a name. Were it taken for one,
# lines of titles ("Mr" on line after line) would each take the next, and every finding overlap the next.
_IS_TITLE = re.compile(_TITLE_WORDS)
# In text all in capitals a short word after a title is more often a word or an acronym than a name ("MR IS DUE",
# "MS OT referral", "MS MDT"): there a name is an initial or a word of this many letters at least ("MR J SMITH",
# "MRS PATEL"). A surname of two or three letters is then missed in capitals; written "Mr Lee" it is found.
_SHORTEST_NAME_IN_CAPITALS = 4
_NAME = r"([^\W\d_][\w'’-]*)(\.?)"
# A line ends as ``str.splitlines`` ends one: text from an older Mac ("\r"), a word processor or a web page (U+2028,
# U+2029) has its lines as "\n" does. A name is on its title's line only across spaces that end no line.
_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(rf"\r\n|[{_BREAKS}]")
_NAME_WORD = re.compile(rf"[^\S{_BREAKS}]+" + _NAME)
# A title may end a line and its name begin the next (a wrapped line, a pasted letter), but not "Dr", which ends
# an address line as often as not ("Oak Dr\nManchester"), and never across a blank line.
_NAME_ON_NEXT_LINE = re.compile(rf"[^\S{_BREAKS}]*(?:{_LINE_BREAK.pattern})[^\S{_BREAKS}]*" + _NAME)
# But a line may end with a title the note never finished ("met Mrs") and the next start a sentence or a heading
# ("Monday we...", "Actions:"): those words are no name there, when the line goes on as a sentence or a heading does
# (_GOES_ON). Months that are names (March to August) are not here.
_STARTS_A_LINE = re.compile(
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|january|february|"
    "september|october|november|december|the|an|this|that|these|those|there|it|we|he|she|they|you|our|their|his|"
    "her|its|my|and|but|so|then|also|next|after|before|when|if|as|at|in|on|for|to|all|no|yes|please|agreed|"
    "actions|action|notes|agenda|summary|attendees|apologies|present|discussion|outcome|outcomes|plan",
    re.IGNORECASE,
)
# Of those, the words that are names too ("Mr\nHer", "Mr\nAn Nguyen", "Mr\nTo Van Long", "Mrs\nFriday"): a name
# where the line does not go on as a sentence does (_GOES_ON: a mark, or the next word's first letter not a capital).
_MAY_BE_A_NAME = re.compile("her|an|to|so|no|in|on|friday", re.IGNORECASE)
_GOES_ON = re.compile(rf"[^\S{_BREAKS}]*[,.:;!?()'\"‘’“”\-–—]|[^\S{_BREAKS}]+\w")
_MAX_NAME_WORDS = 3  # "Mrs J. Smith-Jones" or "Dr Anna Maria Smith"


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS modulus 11 check: weights 10 down to 2, and a remainder giving 10 is never issued."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    remainder = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 0 if remainder == 0 else 11 - remainder
    # A check of 10 equals no single digit, so those numbers are never valid.
    return check == int(digits[9])


def find_identifiers(text: str) -> list[Finding]:
    """Everything that looks like an identifier, in text order, with no two findings overlapping."""
    return kept_findings(text, find_marks(text, 0, len(text), len(text)), 0, [], 0, [], 0, 0)[0]


def remove_finding(text: str, finding: Finding) -> str:
    """Replace one finding with a neutral placeholder that keeps the sentence readable.

    The text may have been edited since the finding was made; removing a stale span would delete
    someone's words, so that is refused.
    """
    if text[finding.start : finding.end] != finding.text:
        raise ValueError("the text has changed since this was found; check it again")
    # A name on the line after its title ("Mr.\nSmith") goes as "Mr. Smith" does, and its lines stay lines: the
    # placeholder starts the name's line, where it would otherwise join the two.
    breaks = "".join(_LINE_BREAK.findall(finding.text))
    return text[: finding.start] + breaks + _PLACEHOLDERS[finding.kind] + text[finding.end :]


def placeholder_for(kind: IdentifierKind) -> str:
    """What a removed identifier of this kind reads as: "[postcode removed]"."""
    return _PLACEHOLDERS[kind]


def remove_all(text: str) -> str:
    return remove_findings(text, find_identifiers(text))


def remove_findings(text: str, findings: list[Finding]) -> str:
    """Replace each of ``findings`` (in text order, not overlapping, as :func:`find_identifiers` gives them)."""
    # Right to left, so each replacement leaves the earlier spans where they were.
    for finding in reversed(findings):
        text = remove_finding(text, finding)
    return text


def _finding(kind: IdentifierKind, text: str, start: int, end: int) -> Finding:
    return Finding(kind, start, end, text[start:end], _MESSAGES[kind])


class Mark(NamedTuple):
    """A span one of the checks matched. Not every one is a finding (a number like an NHS number whose check digit
    fails, a title with no name after it), but each is stepped over as a whole by its check's scan, which looks for
    the next match only after it: so each decides what the check finds after it."""

    start: int
    end: int  # a title's name included
    scanned: int  # where its check's scan goes on from: a title's own end, a match's end
    kind: IdentifierKind
    flagged: bool


_SCANS = (
    (_NHS_NUMBER, IdentifierKind.NHS_NUMBER),
    (_POSTCODE, IdentifierKind.POSTCODE),
    (_DATE_OF_BIRTH, IdentifierKind.DATE_OF_BIRTH),
)
_KIND_ORDER = {kind: order for order, kind in enumerate(IdentifierKind)}


def find_marks(text: str, start: int, stop: int, endpos: int) -> list[Mark]:
    """What the checks match starting in ``[start, stop)``, reading ``text`` no further than ``endpos``, in order.

    ``start`` must be a point no mark of the whole text runs across, so each scan begins there as it would have
    arrived there; and every match that starts before ``stop`` must end, lookahead included, before ``endpos``.
    """
    marks: list[Mark] = []
    for pattern, kind in _SCANS:
        for match in pattern.finditer(text, start, endpos):
            if match.start() >= stop:
                break
            flagged = kind is not IdentifierKind.NHS_NUMBER or nhs_number_is_valid(
                "".join(char for char in match[0] if char.isdigit())
            )
            marks.append(Mark(match.start(), match.end(), match.end(), kind, flagged))
    for title in _TITLE.finditer(text, start, endpos):
        if title.start() >= stop:
            break
        end = _name_end(text, title)
        marks.append(Mark(title.start(), end, title.end(), IdentifierKind.TITLE_AND_NAME, end > title.end()))
    marks.sort(key=_order)
    return marks


def _order(mark: Mark) -> tuple[int, int, int]:
    """Findings are chosen from the first: of two that start together the longer, then the one whose check ran
    first."""
    return (mark.start, mark.start - mark.end, _KIND_ORDER[mark.kind])


def kept_findings(
    text: str,
    marks: Sequence[Mark],
    reach: int,
    later: Sequence[Mark],
    later_from: int,
    kept_later: Sequence[Finding],
    kept_from: int,
    reached: int,
) -> tuple[list[Finding], int]:
    """The findings among ``marks`` then ``later[later_from:]`` (each in :func:`_order`), leaving out any that
    starts before ``reach`` (where the findings kept before them end) or overlaps one kept before it.
    ``kept_later[kept_from:]`` are those kept among ``later`` before an edit, and ``reached`` how far those kept before
    them reached: at the first mark of ``later`` that neither those nor the ones chosen here reach, the choice goes on
    as it went before, so the rest are kept as they were. Returns the findings chosen, and the index in ``kept_later``
    from which the rest stand."""
    kept: list[Finding] = []
    index, reach_before = kept_from, reached
    for mark in (mark for mark in marks if mark.flagged):
        if mark.start >= reach:
            kept.append(_finding(mark.kind, text, mark.start, mark.end))
            reach = mark.end
    for position in range(later_from, len(later)):
        mark = later[position]
        while index < len(kept_later) and kept_later[index].start < mark.start:
            reach_before = kept_later[index].end
            index += 1
        if max(reach, reach_before) <= mark.start:
            return kept, index
        if mark.flagged and mark.start >= reach:
            kept.append(_finding(mark.kind, text, mark.start, mark.end))
            reach = mark.end
    return kept, len(kept_later)


def _capitals_name(word: str) -> bool:
    return word.isupper() and (len(word) == 1 or len(word) >= _SHORTEST_NAME_IN_CAPITALS)


def _starts_a_line(text: str, word: re.Match[str], in_capitals: bool) -> bool:
    """Whether ``word``, on the line after a title that ends its own, starts a sentence or a heading there: a word
    that does (:data:`_STARTS_A_LINE`); one that is a name too only with a mark or a word not capitalised after it
    (in capitals, any word), for alone on its line, or before a capitalised word, it is a name ("Mr\nAn Nguyen")."""
    if not _STARTS_A_LINE.fullmatch(word[1]):
        return False
    if not _MAY_BE_A_NAME.fullmatch(word[1]):
        return True
    goes_on = _GOES_ON.match(text, word.end(1))
    return goes_on is not None and (in_capitals or not goes_on[0][-1].isupper())


def _name_end(text: str, title: re.Match[str]) -> int:
    """Where the name after ``title`` ends: the title's own end when no name follows it."""
    in_capitals = title[0].isupper()
    end = title.end()
    for count in range(_MAX_NAME_WORDS):
        word = _NAME_WORD.match(text, end)
        if word is None and count == 0 and not title[0].upper().startswith("DR"):
            word = _NAME_ON_NEXT_LINE.match(text, end)
            if word is not None and _starts_a_line(text, word, in_capitals):
                break
        if word is None or not (_capitals_name(word[1]) if in_capitals else word[1][0].isupper()):
            break
        if _IS_TITLE.fullmatch(word[1]):
            break
        # Keep the full stop of an initial ("J."), not one that ends the sentence ("Smith.").
        end = word.end() if len(word[1]) == 1 else word.end(1)
    return end
