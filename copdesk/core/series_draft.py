"""A series being edited: the rhythm picked from the masterclass presets, plus skipped and extra dates.

The series editor works on a :class:`SeriesDraft` and saves it only when asked, so a bad entry changes
nothing stored. Changing the rhythm (day, time, type) rebuilds the rule from the preset and carries over the
skipped and extra dates that still make sense; the ones that no longer do are reported, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from copdesk.core.date_names import day_name, month_name
from copdesk.core.dates import format_uk
from copdesk.core.full_weeks import MissingSession
from copdesk.core.model import Series, SessionKind
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import (
    Preset,
    ReflectiveWeeks,
    add_one_off,
    build_rule,
    first_session,
    missing_sessions,
    occurrences,
    occurrences_between,
    parse_rule,
    remove_one_off,
    skip_date,
    skip_session,
    validate,
)
from copdesk.core.schedule_words import describe, ordinal

PREVIEW_COUNT = 6
_EXTRA_SEARCH_WEEKS = 8  # how far "Add one-off" looks for a free day on the series' weekday


class Change(NamedTuple):
    """A date that differs from the rhythm: ``skipped`` (an EXDATE) or an extra one-off (an RDATE)."""

    moment: datetime
    skipped: bool


class PreviewDate(NamedTuple):
    moment: datetime
    extra: bool


@dataclass(frozen=True, slots=True)
class SeriesDraft:
    kind: SessionKind
    rule: str
    duration_minutes: int

    @classmethod
    def from_preset(cls, preset: Preset) -> SeriesDraft:
        return cls(preset.kind, build_rule(preset), preset.duration_minutes)

    def preset(self) -> Preset | None:
        """The preset this rule has the shape of; None for a custom rule the picker cannot show.

        Its first date is the first session, not the stored DTSTART: a Tuesday series set up "from 1 May" shows
        "Starting from Tue 5 May". Rebuilding the rule from it gives the same dates, since that is a session.
        """
        rule = parse_rule(self.rule)
        if rule.kind is None or rule.weekday is None or not 0 <= rule.weekday <= 4:
            return None
        weeks = ReflectiveWeeks.SECOND_AND_FOURTH
        if rule.kind is SessionKind.REFLECTIVE and rule.week_ordinals in ((2,), (4,)):
            weeks = ReflectiveWeeks.SECOND if rule.week_ordinals == (2,) else ReflectiveWeeks.FOURTH
        starts = first_session(self.rule).date()
        return Preset(rule.kind, rule.weekday, rule.start_time, starts, self.duration_minutes, weeks)

    def with_rhythm(self, preset: Preset) -> tuple[SeriesDraft, list[str]]:
        """The draft with a new rhythm, keeping the skipped and extra dates that still apply (a rule that cannot
        be read, which the new rhythm replaces, has none to keep)."""
        rule = build_rule(preset)
        dropped = []
        try:
            changes = self.changes()
        except ScheduleError:
            changes = []
        for change in changes:
            try:
                rule = skip_date(rule, change.moment.date()) if change.skipped else add_one_off(rule, change.moment)
            except ScheduleError:
                what = "skipped date" if change.skipped else "extra date"
                dropped.append(f"The {what} {_short(change.moment)} no longer applies, so it was removed.")
        return SeriesDraft(preset.kind, rule, preset.duration_minutes), dropped

    def with_duration(self, minutes: int) -> SeriesDraft:
        return replace(self, duration_minutes=minutes)

    def skip(self, moment: datetime) -> SeriesDraft:
        """Skip the session at ``moment``, the one chosen, even when another shares its day."""
        return replace(self, rule=_still_held(skip_session(self.rule, moment)))

    def add_extra(self, moment: datetime) -> SeriesDraft:
        if moment.weekday() > 4:
            raise ScheduleError(
                "CoP sessions are held Monday to Friday, and "
                f"{day_name(moment)} {moment.day} {month_name(moment)} is not."
            )
        return replace(self, rule=add_one_off(self.rule, moment.replace(second=0, microsecond=0)))

    def undo(self, change: Change) -> SeriesDraft:
        """Restore a skipped date (adding it back removes its EXDATE), or take an extra date away."""
        if change.skipped:
            return replace(self, rule=add_one_off(self.rule, change.moment))
        return replace(self, rule=_still_held(remove_one_off(self.rule, change.moment)))

    def changes(self) -> list[Change]:
        rule = parse_rule(self.rule)
        found = [Change(m, True) for m in rule.skipped] + [Change(m, False) for m in rule.one_offs]
        return sorted(found)

    def preview(self, after: datetime, count: int = PREVIEW_COUNT) -> list[PreviewDate]:
        extras = set(parse_rule(self.rule).one_offs)
        return [PreviewDate(m, m in extras) for m in occurrences(self.rule, after, count)]

    def describe(self) -> str:
        return describe(self.rule)

    def missing_in(self, preview: list[PreviewDate], after: datetime) -> list[MissingSession]:
        """The months up to the last previewed date whose 4th-week session falls past their end, to say so."""
        last = preview[-1].moment.date() if preview else after.date()
        return missing_sessions(self.rule, after.date() + timedelta(days=1), last)

    def suggested_extra(self, after: datetime) -> datetime:
        """Where "Add one-off" starts: the series' own weekday and time, on the first such day after ``after``
        with no session yet (the next few weeks are tried; a weekly series takes the next one anyway)."""
        rule = parse_rule(self.rule)
        weekday = rule.weekday if rule.weekday is not None else rule.first.weekday()
        weekday = weekday if weekday <= 4 else 0  # sessions are Monday to Friday
        day = after.date() + timedelta(days=(weekday - after.weekday() - 1) % 7 + 1)
        candidates = [datetime.combine(day + timedelta(weeks=n), rule.start_time) for n in range(_EXTRA_SEARCH_WEEKS)]
        for moment in candidates:
            day_end = datetime.combine(moment.date(), time.max).replace(microsecond=0)
            if not occurrences_between(self.rule, datetime.combine(moment.date(), time.min), day_end):
                return moment
        return candidates[0]


NO_SESSION_LEFT = "That is the series' last session: it cannot be taken off. Pause the series instead."


def _still_held(rule: str) -> str:
    """A rule with a date taken off, refused when it would hold no session at all (a rule that ends after a few
    dates, kept from an earlier CoPDesk): a rule with no session can be neither saved nor read."""
    try:
        return validate(rule)
    except ScheduleError:
        raise ScheduleError(NO_SESSION_LEFT) from None


def default_preset(today: date, kind: SessionKind = SessionKind.REFLECTIVE) -> Preset:
    """A new series' rhythm: Thursday at 10:00 from today, an hour long, the masterclass's rhythm for ``kind``."""
    return Preset(kind, 3, time(10, 0), today, 60)


def default_draft(today: date, kind: SessionKind = SessionKind.REFLECTIVE) -> SeriesDraft:
    return SeriesDraft.from_preset(default_preset(today, kind))


def change_text(change: Change) -> str:
    return f"{'Skipped' if change.skipped else 'Extra'}: {_short(change.moment)}"


def missing_text(missing: MissingSession) -> str:
    """One line under the preview of a series whose weeks an earlier CoPDesk counted from the first full week, so a
    month without its 4th-week session is not taken for a mistake (picking the weeks again counts the day itself)."""
    would_be = missing.would_be
    return (
        f"No {ordinal(missing.week)}-week session in {month_name(missing.month)} {missing.month.year}: "
        f"that {day_name(would_be)} would be {would_be.day} {month_name(would_be)}."
    )


MISSING_REMEDY = "Choose the weeks again to count the month's own 2nd and 4th days instead, so no month goes without."


def shared_days(preview: list[PreviewDate], others: Sequence[Series]) -> list[str]:
    """One line for each coming date another of the team's series also holds: a Tuesday Spotlight (the first full
    week) and a 2nd-week Tuesday fall on the same day whenever a month starts on a Tuesday to a Friday."""
    if not preview:
        return []
    first = datetime.combine(preview[0].moment.date(), time())
    last = datetime.combine(preview[-1].moment.date(), time.max).replace(microsecond=0)
    days_held: list[tuple[str, set[date]]] = []  # each other series' days over the preview, its rule read once
    for other in (other for other in others if other.active):
        try:
            days_held.append((other.kind.label, {when.date() for when in occurrences_between(other.rule, first, last)}))
        except ScheduleError:  # that series' own rule cannot be read: its editor says so
            continue
    return [
        f"{format_uk(entry.moment)} is also the {label}'s day."
        for entry in preview
        for label, days in days_held
        if entry.moment.date() in days
    ]


def preview_text(entry: PreviewDate) -> str:
    return _short(entry.moment) + ("  (extra)" if entry.extra else "")


def _short(moment: datetime) -> str:
    return f"{format_uk(moment)}, {moment:%H:%M}"
