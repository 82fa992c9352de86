"""The identifier check kept up to date as a note is typed (:class:`IdentifierCheck`): the rules are
:mod:`copdesk.core.privacy`'s, and what each check gives is :func:`~copdesk.core.privacy.find_identifiers`' answer for
the whole text, at the cost of the edit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from copdesk.core.edited_spans import EditedSpans, runs_back, runs_on, same_ends
from copdesk.core.privacy import Finding, IdentifierKind, Mark, find_marks, kept_findings


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
        self._marks = EditedSpans[Mark](_moved_mark)  # in the order findings are chosen in (privacy.find_marks)
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

    @property
    def ignored(self) -> frozenset[tuple[IdentifierKind, str]]:
        """What :meth:`ignore` was told, and the check was made with: for the check of the next text loaded."""
        return frozenset(self._ignored)

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
            window = find_marks(text, start, stop, runs_on(text, stop, _READ_PIECES))
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
        kept, stood = kept_findings(
            text, window, reach, self._marks, first + len(window), self._findings, before, reached
        )
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
            across: list[Mark] = []
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


def _moved_mark(mark: Mark, by: int) -> Mark:
    return Mark(mark.start + by, mark.end + by, mark.scanned + by, mark.kind, mark.flagged)


def _moved_finding(finding: Finding, by: int) -> Finding:
    return replace(finding, start=finding.start + by, end=finding.end + by)
