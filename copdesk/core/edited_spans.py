"""Spans of a text kept in order as the text is edited, where an edit moves every span after it only on paper.

The identifier check (:class:`copdesk.core.identifier_check.IdentifierCheck`) keeps what it matched and found in a
note of up to 1 MB. Each key typed moves every span after it by the same amount; writing each of them again took half a
second a key in a note of many findings ("Mr" on line after line), whatever little the key changed. Here the spans
from one index on are stored as they were, with the amount they have moved since: an edit writes again only the
spans between it and the edit before (a facilitator types in one place), and reading a span adds the amount. Where
an edit is, the texts before and after it say (:func:`same_ends`), and how far around it
a check must read again, the runs of non-space characters either side (:func:`runs_back`, :func:`runs_on`).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar, overload


class _Span(Protocol):
    @property
    def start(self) -> int: ...


S = TypeVar("S", bound=_Span)


def _start(span: _Span) -> int:
    return span.start


class EditedSpans(Sequence[S]):
    """Spans in order of their start; ``moved(span, by)`` is the span ``by`` characters further on."""

    def __init__(self, moved: Callable[[S, int], S]) -> None:
        self._spans: list[S] = []
        self._from = 0  # the spans from this index on are stored ``_by`` characters before where they are
        self._by = 0
        self._moved = moved

    def __len__(self) -> int:
        return len(self._spans)

    @overload
    def __getitem__(self, index: int) -> S: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[S]: ...
    def __getitem__(self, index: int | slice) -> S | Sequence[S]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        index = index + len(self) if index < 0 else index
        span = self._spans[index]
        return span if index < self._from or not self._by else self._moved(span, self._by)

    def __iter__(self) -> Iterator[S]:
        return (self[index] for index in range(len(self)))

    def first_from(self, point: int) -> int:
        """The index of the first span that starts at ``point`` or after it."""
        index = bisect_left(self._spans, point, 0, self._from, key=_start)
        if index < self._from:
            return index
        return bisect_left(self._spans, point - self._by, self._from, len(self._spans), key=_start)

    def replace(self, first: int, last: int, spans: Sequence[S], moved: int) -> None:
        """The spans at ``[first, last)`` become ``spans``, and those after them move on by ``moved`` characters.

        Only the spans between this edit and the last are written again, or those from the last to the end, when
        they are fewer (the first edit after the whole text was checked)."""
        count = len(self._spans)
        if self._from <= last:
            self._write_moved(self._from, first, self._by)
            self._from, self._by = last, self._by + moved
        elif self._from - last <= count - self._from:
            self._write_moved(last, self._from, moved)
            self._by += moved
        else:
            self._write_moved(self._from, count, self._by)
            self._from, self._by = last, moved
        self._spans[first:last] = spans
        self._from += len(spans) - (last - first)

    def replace_from(self, start: int, stop: int, spans: Sequence[S], moved: int) -> None:
        """:meth:`replace` for the spans that start from ``start`` to before ``stop``."""
        self.replace(self.first_from(start), self.first_from(stop), spans, moved)

    def _write_moved(self, first: int, last: int, by: int) -> None:
        if by and first < last:
            self._spans[first:last] = [self._moved(span, by) for span in self._spans[first:last]]

    def snapshot(self) -> Sequence[S]:
        """The spans as they are now, unchanged by later edits (a copy of the list, not of the spans)."""
        copy = EditedSpans(self._moved)
        copy._spans, copy._from, copy._by = list(self._spans), self._from, self._by
        return copy


def same_ends(old: str, new: str) -> tuple[int, int]:
    """How many characters the texts start with alike, and how many more they end with alike: where the edit is."""
    start = common_prefix(old, new)
    return start, common_suffix(old, new, min(len(old), len(new)) - start)


def common_prefix(old: str, new: str) -> int:
    """How many characters the texts start with alike, compared in halves (in C, each character about twice)."""
    same, most = 0, min(len(old), len(new))
    while same < most:
        half = (same + most + 1) // 2
        if old[same:half] == new[same:half]:
            same = half
        else:
            most = half - 1
    return same


def common_suffix(old: str, new: str, most: int) -> int:
    """How many characters, at most ``most``, the texts end with alike."""
    same = 0
    while same < most:
        half = (same + most + 1) // 2
        if old[len(old) - half : len(old) - same] == new[len(new) - half : len(new) - same]:
            same = half
        else:
            most = half - 1
    return same


_RUN = re.compile(r"\S+")
_FIRST_REACH = 256  # characters looked through for runs of non-space ones, four times more each time it is short


def runs_back(text: str, at: int, count: int) -> int:
    """Where the ``count``-th run of non-space characters back from ``at`` starts (one ``at`` is in counts), or 0."""
    reach = _FIRST_REACH
    while True:
        begin = max(0, at - reach)
        starts = [run.start() for run in _RUN.finditer(text, begin, at)]
        if len(starts) > count:  # the first may be cut short by ``begin``; this one is whole
            return starts[-count]
        if begin == 0:
            return 0
        reach *= 4


def runs_on(text: str, at: int, count: int) -> int:
    """Just past ``count`` runs of non-space characters on from ``at`` and the spaces after them (or the text's end):
    as far as a match that starts before ``at`` can read."""
    reach = _FIRST_REACH
    while True:
        end = min(len(text), at + reach)
        runs = list(itertools.islice(_RUN.finditer(text, at, end), count + 1))
        if len(runs) > count:
            return runs[count].start() + 1
        if end == len(text):
            return end
        reach *= 4
