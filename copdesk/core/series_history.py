"""A series as its calendar has held it: each rhythm it has had, with when it was in force, and its pauses.

Everything is naive local wall time, as the rules are written. The quarterly figures count a past period from it
(:meth:`SeriesHistory.sessions_between`), and the invitation file (``copdesk.core.invitations``) ends each rhythm's
meetings where the next rhythm began, so both show the same dates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from copdesk.core.model import SessionKind
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import NextSession, occurrences_between, validate


class Stretch(NamedTuple):
    """One rhythm while it was in force: its dates from ``since`` (inclusive) to ``until`` (exclusive), each session
    lasting ``duration_minutes``."""

    kind: SessionKind
    rule: str
    since: datetime
    until: datetime
    duration_minutes: int


@dataclass(frozen=True, slots=True)
class SeriesHistory:
    """Each rhythm of a series in turn (the present one last, until ``datetime.max``), and its pauses as (from,
    until) spans: ``datetime.min`` for a pause whose start was not kept, ``datetime.max`` for one still on."""

    series_id: int
    stretches: tuple[Stretch, ...]
    pauses: tuple[tuple[datetime, datetime], ...]

    def paused_at(self, moment: datetime) -> bool:
        return any(since <= moment < until for since, until in self.pauses)

    def earlier_versions(self) -> list[SeriesHistory]:
        """The series as each earlier file of it could hold it: just before each change of its calendar (a rhythm
        replaced, a pause begun or ended). A replaced rhythm counts by its place in the history, not by when it was
        replaced, so two changes saved in the same second (or with the clock set back between them) each keep the
        version that stood between them; a pause begun or ended in the second a rhythm was replaced is taken both
        before and after that change, as which came first is not kept."""
        replaced = [
            self._cut(self.stretches[: number + 1], max(stretch.since, stretch.until))
            for number, stretch in enumerate(self.stretches[:-1])
        ]
        bounds = sorted({bound for pause in self.pauses for bound in pause} - {datetime.min, datetime.max})
        after_changes = [
            self._cut(tuple(stretch for stretch in self.stretches if stretch.since <= bound), bound)
            for bound in bounds
            if any(stretch.since == bound for stretch in self.stretches)
        ]
        return replaced + [self.as_before(bound) for bound in bounds] + after_changes

    def as_before(self, moment: datetime) -> SeriesHistory:
        """The series as it stood just before ``moment``: what a file made then held."""
        return self._cut(tuple(stretch for stretch in self.stretches if stretch.since < moment), moment)

    def _cut(self, stretches: tuple[Stretch, ...], moment: datetime) -> SeriesHistory:
        """The series with ``stretches`` its rhythms up to ``moment``: the last of them is its present one, and a
        pause on then is still on."""
        kept = [*stretches[:-1], stretches[-1]._replace(until=datetime.max)] if stretches else []
        pauses = [(since, until if until < moment else datetime.max) for since, until in self.pauses if since < moment]
        return SeriesHistory(self.series_id, tuple(kept), tuple(pauses))

    def sessions_between(self, start: datetime, end: datetime) -> list[NextSession]:
        """The dates the series held from ``start`` to ``end`` inclusive: each rhythm's while it was in force,
        none while paused. A rule that no longer reads holds none (the series editor asks for it to be fixed)."""
        found = []
        for kind, rule, since, until, _minutes in self.stretches:
            try:
                moments = occurrences_between(validate(rule), max(start, since), end)
            except ScheduleError:
                moments = []
            found += [
                NextSession(moment, kind, self.series_id)
                for moment in moments
                if moment < until and not self.paused_at(moment)
            ]
        return found


class Rhythm(NamedTuple):
    """A rhythm as kept: its type, rule text and session length."""

    kind: SessionKind
    rule: str
    duration_minutes: int = 60


def series_history(
    series_id: int,
    earlier: Iterable[tuple[Rhythm, datetime]],
    present: Rhythm,
    pauses: Iterable[tuple[datetime, datetime]],
) -> SeriesHistory:
    """The history of a series from its earlier rhythms (oldest first, each with the moment it was replaced), its
    present rhythm and its pauses. A rhythm starts where the one before it ended, never earlier: with the clock set
    back between two changes a day is never counted twice."""
    stretches = []
    since = datetime.min
    for rhythm, until in [*earlier, (present, datetime.max)]:
        stretches.append(Stretch(rhythm.kind, rhythm.rule, since, until, rhythm.duration_minutes))
        since = max(since, until)
    return SeriesHistory(series_id, tuple(stretches), tuple(pauses))
