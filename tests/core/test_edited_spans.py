from __future__ import annotations

import random
from bisect import bisect_left
from typing import NamedTuple

import pytest

from copdesk.core.edited_spans import EditedSpans


class Span(NamedTuple):
    start: int
    name: str


def moved(span: Span, by: int) -> Span:
    return Span(span.start + by, span.name)


@pytest.mark.parametrize("seed", range(6))
def test_spans_read_as_a_list_edited_the_same_way_reads(seed: int) -> None:
    """Random edits anywhere (each replacing some spans and moving those after it), compared with a plain list whose
    every span after each edit is written again; snapshots taken on the way stay as they were."""
    rng = random.Random(seed)
    spans = EditedSpans[Span](moved)
    model: list[Span] = []
    snapshots: list[tuple[object, list[Span]]] = []
    for step in range(300):
        first = rng.randint(0, len(model))
        last = min(len(model), first + rng.choice([0, 0, 1, 2, 5]))
        at = model[first - 1].start if first else 0
        new = [Span(at, f"{step}.{offset}") for offset in range(rng.choice([0, 1, 3]))]
        by = rng.randint(0, 8)  # the spans stay in order of their start
        model[first:last] = new
        model[first + len(new) :] = [moved(span, by) for span in model[first + len(new) :]]
        spans.replace(first, last, new, by)
        assert list(spans) == model
        assert list(spans[first:]) == model[first:] and spans[-1:] == model[-1:]
        point = rng.randint(0, model[-1].start + 1 if model else 1)
        assert spans.first_from(point) == bisect_left([span.start for span in model], point)
        if step % 50 == 0:
            snapshots.append((spans.snapshot(), list(model)))
    for snapshot, then in snapshots:
        assert list(snapshot) == then  # type: ignore[call-overload]


def test_an_edit_writes_again_only_the_spans_between_it_and_the_edit_before() -> None:
    written: list[Span] = []

    def counted(span: Span, by: int) -> Span:
        written.append(span)
        return moved(span, by)

    spans = EditedSpans[Span](counted)
    spans.replace(0, 0, [Span(start, "") for start in range(0, 100_000, 10)], 0)
    for key in range(20):  # keys typed one after another in the middle
        spans.replace(5_000 + key, 5_000 + key, [Span(50_000 + key, "")], 1)
    assert len(written) < 40
    assert spans[-1].start == 99_990 + 20
