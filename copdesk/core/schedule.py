"""The CoP calendar: the masterclass's session rhythm kept as iCalendar recurrence text.

A series stores text that ``dateutil.rrule.rrulestr`` reads (one DTSTART line, RRULE lines, EXDATE and RDATE
lines), so the database holds a standard, inspectable format and dateutil does every piece of calendar
arithmetic. Times are naive local wall time: a CoP is "Tuesday at 10:00" for the team, whatever the clocks
did in March, so no time zone is stored and an aware datetime is refused rather than silently converted.

Week words follow the masterclass ("Different CoP sessions"), which gives each session type its own week:

* the *first full week* of a month (Spotlight) is the Monday-to-Friday week wholly inside it, so a Spotlight
  held on weekday ``w`` (Monday = 0) falls on the one ``w`` between day ``1 + w`` and day ``7 + w``
  (``BYDAY=TU;BYMONTHDAY=2,...,8``);
* the *2nd*, *3rd* and *4th week* (Reflective practice, Themed discussion) count the session's own day: the 2nd
  week holds the month's 2nd Thursday (the 8th to the 14th), the 3rd its 3rd (15th to 21st), the 4th its 4th
  (22nd to 28th) (``BYDAY=+2TH,+4TH``). Every month has four of each weekday, so a team on "2nd and 4th week"
  has both sessions in every month. Counting on from the first full week instead lost the 4th-week session in
  any month whose 4th full week ran past its end (September 2026's would have been 1 October).

All are plain RFC 5545, so dateutil does the arithmetic and any calendar program reads the stored text. Series
saved by an earlier CoPDesk with weeks counted from the first full week still read, keep their dates, and are
described as what they are ("the 2nd and 4th full weeks") until their rhythm is picked again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import NamedTuple

# The stubs (types-python-dateutil) are a dev extra; with or without them these imports must type-check.
from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped, unused-ignore]
from dateutil.rrule import MONTHLY, rrule, rruleset, rrulestr, weekdays  # type: ignore[import-untyped, unused-ignore]

from copdesk.core import full_weeks
from copdesk.core.date_names import long_date
from copdesk.core.full_weeks import MissingSession
from copdesk.core.model import SessionKind
from copdesk.core.rule_text import (
    RuleParts,
    ScheduleError,
    emit,
    interval_of,
    load_rule,
    require_naive,
    rrule_fields,
)

_RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_BYDAY_ITEM = re.compile(r"([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
SESSION_MINUTES = (5, 8 * 60)  # a session's length, as the database and the Length box allow it
# Full-week shapes: the Spotlight preset, and Reflective and Themed series saved by an earlier CoPDesk (which counted
# their weeks from the first full week); (months between sessions, full weeks) -> type.
_FULL_WEEK_KINDS = {
    (1, (1,)): SessionKind.SPOTLIGHT,
    (1, (2,)): SessionKind.REFLECTIVE,
    (1, (4,)): SessionKind.REFLECTIVE,
    (1, (2, 4)): SessionKind.REFLECTIVE,
    (2, (3,)): SessionKind.THEMED,
}


# The presets counted by the weekday's occurrence: Reflective in the 2nd and/or 4th, Themed in the 3rd of alternate
# months, TM/SSW every 3 months in the week its first session set.
_NTH_WEEKDAY_KINDS: dict[tuple[int, tuple[int, ...]], SessionKind] = {
    (1, (2,)): SessionKind.REFLECTIVE,
    (1, (4,)): SessionKind.REFLECTIVE,
    (1, (2, 4)): SessionKind.REFLECTIVE,
    (2, (3,)): SessionKind.THEMED,
    **{(3, (ordinal,)): SessionKind.TM_SSW for ordinal in (-1, 1, 2, 3, 4)},
}


class ReflectiveWeeks(StrEnum):
    """The masterclass offers reflective practice in the "2nd and/or 4th week of the month" (the month's 2nd and/or
    4th of the session's weekday)."""

    SECOND = "2nd"
    FOURTH = "4th"
    SECOND_AND_FOURTH = "2nd-and-4th"

    @property
    def ordinals(self) -> tuple[int, ...]:
        return {"2nd": (2,), "4th": (4,), "2nd-and-4th": (2, 4)}[self.value]


class Pattern(StrEnum):
    """The shapes :func:`describe` can put into words; anything else is described as custom."""

    FULL_WEEKS = "full-weeks"
    NTH_WEEKDAY = "nth-weekday"
    WEEKLY = "weekly"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Preset:
    """A series as the facilitator sets it up.

    The duration is kept beside the rule text (``Series.duration_minutes``), because RFC 5545 puts DURATION
    on the event, not the rule, and ``rrulestr`` refuses it. For the alternate-month and 3-monthly rhythms,
    the month of ``first_date`` counts as the first month of the cycle.
    """

    kind: SessionKind
    weekday: int
    start: time
    first_date: date
    duration_minutes: int = 60
    reflective_weeks: ReflectiveWeeks = ReflectiveWeeks.SECOND_AND_FOURTH


@dataclass(frozen=True, slots=True)
class ScheduleRule:
    """What a rule text means, as far as it has a shape the app recognises.

    ``kind`` is the masterclass preset the rule has the shape of (None for any other rule);
    ``week_ordinals`` are the full weeks (1 = the first full week) for :attr:`Pattern.FULL_WEEKS`, and the
    weekday occurrences (-1 = last) for :attr:`Pattern.NTH_WEEKDAY`. A full-week Reflective or Themed rule was
    saved by an earlier CoPDesk; new ones count the weekday's occurrence.
    ``interval`` counts months for monthly shapes and weeks for the weekly one.
    """

    kind: SessionKind | None
    pattern: Pattern
    first: datetime
    weekday: int | None
    week_ordinals: tuple[int, ...]
    interval: int
    skipped: tuple[datetime, ...]
    one_offs: tuple[datetime, ...]

    @property
    def start_time(self) -> time:
        return self.first.time()


class NextSession(NamedTuple):
    moment: datetime
    kind: SessionKind
    series_id: int


FIRST_YEARS = (2000, 2099)  # a series starts within these years: the calendar's arithmetic fails near year 9999


def build_rule(preset: Preset) -> str:
    """Turn a masterclass preset into rule text; dateutil writes the RRULE so the text is always one it reads."""
    if not 0 <= preset.weekday <= 4:
        raise ScheduleError("CoP sessions are held Monday to Friday; choose a weekday.")
    if preset.start.tzinfo is not None:
        raise ScheduleError("Give the start as local wall time, without a time zone.")
    check_length(preset.duration_minutes)
    if not FIRST_YEARS[0] <= preset.first_date.year <= FIRST_YEARS[1]:
        raise ScheduleError(
            f"Start the series between {FIRST_YEARS[0]} and {FIRST_YEARS[1]}, not in {preset.first_date.year}."
        )
    day = weekdays[preset.weekday]
    first = datetime.combine(preset.first_date, preset.start).replace(microsecond=0)
    if preset.kind is SessionKind.SPOTLIGHT:
        recurrence = _in_full_weeks(first, preset.weekday, (1,))
    elif preset.kind is SessionKind.REFLECTIVE:
        ordinals = [day(ordinal) for ordinal in preset.reflective_weeks.ordinals]
        recurrence = rrule(MONTHLY, dtstart=first, byweekday=ordinals)
    elif preset.kind is SessionKind.THEMED:
        recurrence = rrule(MONTHLY, dtstart=first, interval=2, byweekday=day(3))
    else:
        # The masterclass fixes no week for TM/SSW CoPs, so the first one sets it: "the 2nd Wednesday" stays.
        first_session: date = preset.first_date + relativedelta(weekday=preset.weekday)
        ordinal = (first_session.day - 1) // 7 + 1
        recurrence = rrule(MONTHLY, dtstart=first, interval=3, byweekday=day(-1 if ordinal == 5 else ordinal))
    text: str = str(recurrence)
    return text


def check_length(minutes: int) -> int:
    """A session's length in minutes, or :class:`ScheduleError` with a line fit to show: one outside the bounds the
    database keeps would be refused there with no word to the user."""
    if not SESSION_MINUTES[0] <= minutes <= SESSION_MINUTES[1]:
        raise ScheduleError(f"A session lasts {SESSION_MINUTES[0]} to {SESSION_MINUTES[1]} minutes, not {minutes}.")
    return minutes


def _in_full_weeks(first: datetime, weekday: int, weeks: tuple[int, ...]) -> rrule:
    days = [day for week in sorted(weeks) for day in full_weeks.full_week_days(weekday, week)]
    return rrule(MONTHLY, dtstart=first, byweekday=weekdays[weekday], bymonthday=days)


def validate(rule_text: str) -> str:
    """Return the rule text unchanged if the app can schedule from it, else raise :class:`ScheduleError`."""
    load_rule(rule_text)
    return rule_text


def parse_rule(rule_text: str) -> ScheduleRule:
    parts, _ = load_rule(rule_text)
    kind, pattern, weekday, ordinals, interval = _recognise(parts.rrules)
    return ScheduleRule(kind, pattern, parts.first, weekday, ordinals, interval, parts.exdates, parts.rdates)


class RuleLines(NamedTuple):
    """A rule's lines as values: what an iCalendar file for another calendar program needs."""

    first: datetime
    rrules: tuple[str, ...]
    skipped: tuple[datetime, ...]
    one_offs: tuple[datetime, ...]


def rule_lines(rule_text: str) -> RuleLines:
    parts, _ = load_rule(rule_text)
    return RuleLines(parts.first, parts.rrules, parts.exdates, parts.rdates)


def first_session(rule_text: str) -> datetime:
    """The rhythm's first session (on or after DTSTART, skipped or not): what "Starting from" means to a user.

    DTSTART itself need not be a session (a series set up "from 1 May" for Tuesdays starts on a Tuesday), and a
    rule that only holds extra dates starts at DTSTART.
    """
    parts, _ = load_rule(rule_text)
    rhythm: rruleset = rrulestr(emit(RuleParts(parts.first, parts.rrules, (), ())), forceset=True)
    found: datetime | None = next(iter(rhythm), None)
    return parts.first if found is None else found


def missing_sessions(rule_text: str, first: date, last: date) -> list[MissingSession]:
    """The months with no session in one of the rule's full weeks, whose day would fall from ``first`` to ``last``.

    September 2026's first full week starts on Monday the 7th, so its 4th-week Thursday would be 1 October: the
    preview says so, so a missing date is not taken for a fault. Months an alternate-month rule skips are not listed.
    """
    rule = parse_rule(rule_text)
    if rule.pattern is not Pattern.FULL_WEEKS or rule.weekday is None:
        return []
    return full_weeks.missing_sessions(rule.first.date(), rule.interval, rule.weekday, rule.week_ordinals, first, last)


def occurrences(rule_text: str, after: datetime, count: int) -> list[datetime]:
    """The next ``count`` sessions strictly after ``after`` (a session starting at ``after`` is already due)."""
    require_naive(after, "The start of the search")
    if count < 0:
        raise ScheduleError(f"Ask for zero or more sessions, not {count}.")
    _, recurrences = load_rule(rule_text)
    return list(recurrences.xafter(after, count=count))


def occurrences_between(rule_text: str, first: datetime, last: datetime) -> list[datetime]:
    """Every session from ``first`` to ``last`` inclusive: what a quarter was scheduled to hold."""
    require_naive(first, "The start of the range")
    require_naive(last, "The end of the range")
    _, recurrences = load_rule(rule_text)
    return list(recurrences.between(first, last, inc=True))


def next_occurrence(rule_text: str, after: datetime) -> datetime | None:
    require_naive(after, "The start of the search")
    _, recurrences = load_rule(rule_text)
    found: datetime | None = recurrences.after(after)
    return found


def next_session_across(rules: Iterable[tuple[int, SessionKind, str]], after: datetime) -> NextSession | None:
    """The team's next session over all its series; on a tie the lower series id wins, so the answer is stable."""
    candidates: list[NextSession] = []
    for series_id, kind, rule_text in rules:
        try:
            moment = next_occurrence(rule_text, after)
        except ScheduleError as exc:
            raise ScheduleError(f"Series {series_id}: {exc}") from exc
        if moment is not None:
            candidates.append(NextSession(moment, kind, series_id))
    return min(candidates, key=lambda found: (found.moment, found.series_id), default=None)


def skip_date(rule_text: str, day: date) -> str:
    """Cancel the first session on ``day`` (:func:`skip_session`), refusing a day that has no session to cancel."""
    _parts, recurrences = load_rule(rule_text)
    session: datetime | None = recurrences.after(datetime.combine(day, time.min), inc=True)
    if session is None or session.date() != day:
        raise ScheduleError(f"There is no session on {long_date(day)} to skip.")
    return skip_session(rule_text, session)


def skip_session(rule_text: str, moment: datetime) -> str:
    """Cancel the session at ``moment`` exactly, whichever others share its day: a one-off is taken away (an
    EXDATE beside its RDATE would still go out in an invitation file), a session of the rhythm gets an EXDATE."""
    parts, recurrences = load_rule(rule_text)
    if moment in parts.rdates:
        return remove_one_off(rule_text, moment)
    if moment not in recurrences:
        raise ScheduleError(f"There is no session on {long_date(moment)} at {moment:%H:%M} to skip.")
    return emit(RuleParts(parts.first, parts.rrules, (*parts.exdates, moment), parts.rdates))


def add_one_off(rule_text: str, moment: datetime) -> str:
    """Add an extra session with an RDATE; re-adding a skipped session un-skips it, since EXDATE would win."""
    moment = require_naive(moment, "The extra session").replace(microsecond=0)
    parts, recurrences = load_rule(rule_text)
    if moment in parts.exdates:
        return emit(RuleParts(parts.first, parts.rrules, tuple(d for d in parts.exdates if d != moment), parts.rdates))
    if moment in recurrences:
        raise ScheduleError(f"There is already a session on {long_date(moment)} at {moment:%H:%M}.")
    return emit(RuleParts(parts.first, parts.rrules, parts.exdates, (*parts.rdates, moment)))


def remove_one_off(rule_text: str, moment: datetime) -> str:
    """Take back an extra session added with :func:`add_one_off`."""
    parts, _ = load_rule(rule_text)
    if moment not in parts.rdates:
        raise ScheduleError(f"There is no extra session on {long_date(moment)} at {moment:%H:%M} to remove.")
    return emit(RuleParts(parts.first, parts.rrules, parts.exdates, tuple(d for d in parts.rdates if d != moment)))


def _recognise(rrules: tuple[str, ...]) -> tuple[SessionKind | None, Pattern, int | None, tuple[int, ...], int]:
    """Read the shape back from the RRULE fields: the presets' texts, or the same rule written by hand."""
    custom = (None, Pattern.CUSTOM, None, (), 1)
    if len(rrules) != 1:
        return custom
    fields = rrule_fields(rrules[0])
    items = [_BYDAY_ITEM.fullmatch(item) for item in fields.get("BYDAY", "").split(",")]
    if not all(items) or len({item[2] for item in items if item}) != 1:
        return custom
    weekday = _RRULE_DAYS.index(next(item[2] for item in items if item))
    ordinals = tuple(sorted(int(item[1]) for item in items if item and item[1]))
    interval = interval_of(fields)
    monthdays = fields.get("BYMONTHDAY")
    has_ordinals = len(ordinals) == len(items)
    if fields["FREQ"] == "WEEKLY" and set(fields) <= {"FREQ", "INTERVAL", "BYDAY", "WKST"} and not ordinals:
        return None, Pattern.WEEKLY, weekday, (), interval
    if fields["FREQ"] != "MONTHLY" or not set(fields) <= {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY"}:
        return custom
    if monthdays is not None and not ordinals:
        weeks = full_weeks.weeks_of({int(day) for day in monthdays.split(",")}, weekday)
        if not weeks:
            return custom
        return _FULL_WEEK_KINDS.get((interval, weeks)), Pattern.FULL_WEEKS, weekday, weeks, interval
    if monthdays is not None or not has_ordinals:
        return custom
    return _NTH_WEEKDAY_KINDS.get((interval, ordinals)), Pattern.NTH_WEEKDAY, weekday, ordinals, interval
