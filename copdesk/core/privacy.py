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
from dataclasses import dataclass
from enum import StrEnum


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
_TITLE = re.compile(r"(?<!\w)(?:Miss|Mrs|Mx|Ms|Mr|Dr|MRS|MX|MS|MR|DR)\.?(?=\s)")
# In text all in capitals a short word after a title is more often a word or an acronym than a name ("MR IS DUE",
# "MS OT referral", "MS MDT"): there a name is an initial or a word of this many letters at least ("MR J SMITH",
# "MRS PATEL"). A surname of two or three letters is then missed in capitals; written "Mr Lee" it is found.
_SHORTEST_NAME_IN_CAPITALS = 4
_NAME = r"([^\W\d_][\w'’-]*)(\.?)"
_NAME_WORD = re.compile(r"[^\S\n]+" + _NAME)
# A title may end a line and its name begin the next (a wrapped line, a pasted letter), but not "Dr", which ends
# an address line as often as not ("Oak Dr\nManchester"), and never across a blank line.
_NAME_ON_NEXT_LINE = re.compile(r"[^\S\n]*\n[^\S\n]*" + _NAME)
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
    found = [*_nhs_numbers(text), *_postcodes(text), *_dates_of_birth(text), *_titles_and_names(text)]
    found.sort(key=lambda finding: (finding.start, -(finding.end - finding.start)))
    kept: list[Finding] = []
    for finding in found:
        if not kept or finding.start >= kept[-1].end:
            kept.append(finding)
    return kept


def remove_finding(text: str, finding: Finding) -> str:
    """Replace one finding with a neutral placeholder that keeps the sentence readable.

    The text may have been edited since the finding was made; removing a stale span would delete
    someone's words, so that is refused.
    """
    if text[finding.start : finding.end] != finding.text:
        raise ValueError("the text has changed since this was found; check it again")
    return text[: finding.start] + _PLACEHOLDERS[finding.kind] + text[finding.end :]


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


def _nhs_numbers(text: str) -> list[Finding]:
    return [
        _finding(IdentifierKind.NHS_NUMBER, text, match.start(), match.end())
        for match in _NHS_NUMBER.finditer(text)
        if nhs_number_is_valid("".join(char for char in match[0] if char.isdigit()))
    ]


def _postcodes(text: str) -> list[Finding]:
    return [_finding(IdentifierKind.POSTCODE, text, match.start(), match.end()) for match in _POSTCODE.finditer(text)]


def _dates_of_birth(text: str) -> list[Finding]:
    return [
        _finding(IdentifierKind.DATE_OF_BIRTH, text, match.start(), match.end())
        for match in _DATE_OF_BIRTH.finditer(text)
    ]


def _capitals_name(word: str) -> bool:
    return word.isupper() and (len(word) == 1 or len(word) >= _SHORTEST_NAME_IN_CAPITALS)


def _titles_and_names(text: str) -> list[Finding]:
    findings = []
    for title in _TITLE.finditer(text):
        in_capitals = title[0].isupper()
        end = title.end()
        for count in range(_MAX_NAME_WORDS):
            word = _NAME_WORD.match(text, end)
            if word is None and count == 0 and not title[0].upper().startswith("DR"):
                word = _NAME_ON_NEXT_LINE.match(text, end)
            if word is None or not (_capitals_name(word[1]) if in_capitals else word[1][0].isupper()):
                break
            # Keep the full stop of an initial ("J."), not one that ends the sentence ("Smith.").
            end = word.end() if len(word[1]) == 1 else word.end(1)
        if end > title.end():
            findings.append(_finding(IdentifierKind.TITLE_AND_NAME, text, title.start(), end))
    return findings
