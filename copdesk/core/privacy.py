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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

from copdesk.core.edited_spans import EditedSpans, runs_back, runs_on, same_ends


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
    return _kept(text, _marks(text, 0, len(text), len(text)), 0, [], 0, [], 0, 0)[0]


class IdentifierCheck:
    """:func:`find_identifiers` on a text as it is edited, checking again only the edit and what can reach it.

    A note may hold 1 MB: checking it whole at each pause in typing took 0.1 to 1.5 s. The last check's marks are kept
    and only those that could have changed are found again: no match reads more than :data:`_READ_PIECES` runs of
    non-space characters from its start (a title, three names and the word after; "date of birth is" and a date), nor
    looks back more than two characters, and the part scanned again is grown until no match, old or new, runs across
    either end, so each scan arrives at each end as through the whole text. Overlapping findings are chosen from the
    first: those before the edit stand, and after it the choice is made again until neither the findings kept before
    nor those chosen again reach the next mark. Every finding is the one :func:`find_identifiers` gives (the tests
    compare them over many edits). Marks and findings after the edit, and those not ignored (:meth:`ignore`), move
    only on paper (:class:`~copdesk.core.edited_spans.EditedSpans`): the cost follows the edit, its distance from the
    last and comparing the texts, not the note's length nor its findings (but for a chain of findings each
    overlapping the next, gone through again after an edit inside it).
    """

    def __init__(self, ignored: Iterable[tuple[IdentifierKind, str]] = ()) -> None:
        self._text = ""
        self._pending: str | None = None  # the text checked in pieces, of which ``_text`` is the part checked so far
        self._marks = EditedSpans[_Mark](_moved_mark)  # in the order findings are chosen in (see _order)
        self._findings = EditedSpans[Finding](_moved_finding)
        self._ignored = set(ignored)
        self._given = EditedSpans[Finding](_moved_finding) if self._ignored else self._findings  # but those ignored
        self._longest = 0  # no match is longer: how far back one that runs across a point can start

    def check(self, text: str) -> Sequence[Finding]:
        """The findings in ``text`` but those ignored, in a sequence later checks leave as it is (any pieces left of
        :meth:`check_in_pieces` are checked at once)."""
        self._pending = None
        self._check_edit(text)
        return self._given.snapshot()

    def ignore(self, kind: IdentifierKind, text: str) -> None:
        """Findings of this kind and text are not given from now on (the facilitator says they are no identifier)."""
        self._ignored.add((kind, text))
        self._given = EditedSpans[Finding](_moved_finding)
        self._given.replace(0, 0, self._not_ignored(self._findings), 0)

    def _not_ignored(self, findings: Iterable[Finding]) -> list[Finding]:
        return [found for found in findings if (found.kind, found.text) not in self._ignored]

    def _check_edit(self, text: str) -> None:
        old = self._text
        if text == old:
            return
        same_start, same_end = same_ends(old, text)
        moved = len(text) - len(old)
        start = self._free_point(runs_back(text, same_start, _READ_PIECES + 1), forward=False)
        stop = min(len(text), len(text) - same_end + _LOOK_BEHIND)
        while True:
            window = _marks(text, start, stop, runs_on(text, stop, _READ_PIECES))
            grown = self._free_point(max([stop, *(mark.scanned for mark in window)]) - moved, forward=True) + moved
            if grown == stop:
                break
            stop = grown
        first = self._marks.first_from(start)
        self._marks.replace(first, self._marks.first_from(stop - moved), window, moved)
        self._longest = max([self._longest, *(mark.scanned - mark.start for mark in window)])
        # The findings from the edit on go; those after it are moved, and kept again from the first chosen again.
        before, after = self._findings.first_from(start), self._findings.first_from(stop - moved)
        # How far the findings kept before reached at the edit's end: a title's name may run on past it.
        reached = self._findings[after - 1].end if after else 0
        reached = reached + moved if reached > stop - moved else min(reached, stop)
        self._findings.replace(before, after, [], moved)
        reach = self._findings[before - 1].end if before else 0
        kept, stood = _kept(text, window, reach, self._marks, first + len(window), self._findings, before, reached)
        if self._given is not self._findings:  # the same edit, found by where the findings start
            kept_to = self._findings[stood].start if stood < len(self._findings) else len(text) + 1
            self._given.replace_from(start, stop - moved, [], moved)
            self._given.replace_from(start, kept_to, self._not_ignored(kept), 0)
        self._findings.replace(before, stood, kept, 0)
        self._text = text

    def check_in_pieces(self, text: str) -> None:
        """Check ``text`` :data:`PIECE_SIZE` characters more at each :meth:`check_piece` (as if typed at the end), so a
        1 MB note just loaded never holds the window (0.15 to 2 s at once). Called again with the text as edited, the
        pieces go on into an edit past them; one in them is checked as any edit, or, adding more than a piece or
        running past them, cuts them back to where it starts. Then :meth:`check` gives the findings at once."""
        whole, done = (self._text if self._pending is None else self._pending), len(self._text)
        same_start, same_end = same_ends(whole, text)
        if same_start < done:
            within = len(whole) - same_end <= done and len(text) - same_end - same_start <= PIECE_SIZE
            self._check_edit(text[: done + len(text) - len(whole)] if within else text[:same_start])
        self._pending = text

    def check_piece(self) -> bool:
        """Check the next piece of the text given to :meth:`check_in_pieces`: whether all of it is checked now."""
        if self._pending is not None:
            self._check_edit(self._pending[: len(self._text) + PIECE_SIZE])
            if len(self._text) == len(self._pending):
                self._pending = None
        return self._pending is None

    def _free_point(self, point: int, *, forward: bool) -> int:
        """``point`` in the last text, moved back to the start (or on to the end) of any match of the last check
        that runs across it, until none does."""
        while True:
            index = self._marks.first_from(point)
            across: list[_Mark] = []
            while index > 0 and (mark := self._marks[index - 1]).start > point - self._longest:
                index -= 1
                if mark.scanned > point:
                    across.append(mark)
            if not across:
                return point
            point = max(mark.scanned for mark in across) if forward else min(mark.start for mark in across)


PIECE_SIZE = 8_192  # a few milliseconds of checking, in prose or in a text full of names

# No match reads more runs of non-space characters than this from where it starts: "date of birth is 12th of
# March, 1950" is eight, a title with three names and the word after them five; and none looks further back than
# two characters (an NHS number's "(?<![0-9][.\-])").
_READ_PIECES = 10
_LOOK_BEHIND = 2


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


class _Mark(NamedTuple):
    """A span one of the checks matched. Not every one is a finding (a number like an NHS number whose check digit
    fails, a title with no name after it), but each is stepped over as a whole by its check's scan, which looks for
    the next match only after it: so each decides what the check finds after it."""

    start: int
    end: int  # a title's name included
    scanned: int  # where its check's scan goes on from: a title's own end, a match's end
    kind: IdentifierKind
    flagged: bool


def _moved_mark(mark: _Mark, by: int) -> _Mark:
    return _Mark(mark.start + by, mark.end + by, mark.scanned + by, mark.kind, mark.flagged)


def _moved_finding(finding: Finding, by: int) -> Finding:
    return replace(finding, start=finding.start + by, end=finding.end + by)


_SCANS = (
    (_NHS_NUMBER, IdentifierKind.NHS_NUMBER),
    (_POSTCODE, IdentifierKind.POSTCODE),
    (_DATE_OF_BIRTH, IdentifierKind.DATE_OF_BIRTH),
)
_KIND_ORDER = {kind: order for order, kind in enumerate(IdentifierKind)}


def _marks(text: str, start: int, stop: int, endpos: int) -> list[_Mark]:
    """What the checks match starting in ``[start, stop)``, reading ``text`` no further than ``endpos``, in order.

    ``start`` must be a point no mark of the whole text runs across, so each scan begins there as it would have
    arrived there; and every match that starts before ``stop`` must end, lookahead included, before ``endpos``.
    """
    marks: list[_Mark] = []
    for pattern, kind in _SCANS:
        for match in pattern.finditer(text, start, endpos):
            if match.start() >= stop:
                break
            flagged = kind is not IdentifierKind.NHS_NUMBER or nhs_number_is_valid(
                "".join(char for char in match[0] if char.isdigit())
            )
            marks.append(_Mark(match.start(), match.end(), match.end(), kind, flagged))
    for title in _TITLE.finditer(text, start, endpos):
        if title.start() >= stop:
            break
        end = _name_end(text, title)
        marks.append(_Mark(title.start(), end, title.end(), IdentifierKind.TITLE_AND_NAME, end > title.end()))
    marks.sort(key=_order)
    return marks


def _order(mark: _Mark) -> tuple[int, int, int]:
    """Findings are chosen from the first: of two that start together the longer, then the one whose check ran
    first."""
    return (mark.start, mark.start - mark.end, _KIND_ORDER[mark.kind])


def _kept(
    text: str,
    marks: Sequence[_Mark],
    reach: int,
    later: Sequence[_Mark],
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
