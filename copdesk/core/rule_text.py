"""Rule text: the iCalendar recurrence lines a series is stored as, read, judged and written back.

A series' text holds one DTSTART line, RRULE lines, and EXDATE and RDATE lines, which ``dateutil.rrule.rrulestr``
reads. This module checks the lines the app edits itself, lets dateutil judge the rest, refuses a rule that would
send a search through every year up to 9999 (or for ever), and writes a rule's parts back as one canonical text.
What the rules mean for a team (the masterclass's rhythms, the next session, a skipped date) is
:mod:`copdesk.core.schedule`'s.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from datetime import date, datetime

# The stubs (types-python-dateutil) are a dev extra; with or without them these imports must type-check.
from dateutil.parser import parse as parse_rule_datetime  # type: ignore[import-untyped, unused-ignore]
from dateutil.rrule import rruleset, rrulestr  # type: ignore[import-untyped, unused-ignore]

from copdesk.core.text import quoted

_SUPPORTED_FREQS = frozenset({"YEARLY", "MONTHLY", "WEEKLY", "DAILY"})
_WITHIN_A_DAY = ("BYHOUR", "BYMINUTE", "BYSECOND")
_STAMP = re.compile(r"\d{8}(T\d{6})?Z?")
# The Gregorian calendar comes round again every 400 years (the same weekdays on the same dates, the same leap
# days): that many of each FREQ's units.
_CALENDAR_ROUND_UNITS = {"YEARLY": 400, "MONTHLY": 4800, "WEEKLY": 20_871, "DAILY": 146_097}
_CALENDAR_ROUND_YEARS = 400


class ScheduleError(ValueError):
    """Raised with a one-line message fit to show the user as it is."""


@dataclass(frozen=True, slots=True)
class RuleParts:
    """The rule text split into its lines, so edits re-emit one canonical text instead of patching strings."""

    first: datetime
    rrules: tuple[str, ...]
    exdates: tuple[datetime, ...]
    rdates: tuple[datetime, ...]


def load_rule(rule_text: str) -> tuple[RuleParts, rruleset]:
    """The rule's parts and dateutil's reading of it, or :class:`ScheduleError` with why it cannot be scheduled from.

    A text is judged once per run (:func:`_judged` keeps the last :data:`_JUDGED_KEPT`): to find that no date can
    meet a rule (30 February), dateutil searches every year up to 9999, which takes up to seconds, and a series'
    rule is read at every team switch and every refresh of the Prepare view.
    """
    judged = _judged(rule_text)
    if isinstance(judged, str):
        raise ScheduleError(judged)
    return judged


_JUDGED_KEPT = 64  # rule texts; a team has a few series, and each edit makes a new text


@functools.lru_cache(maxsize=_JUDGED_KEPT)
def _judged(rule_text: str) -> tuple[RuleParts, rruleset] | str:
    """:func:`_read`'s answer, or its refusal's message. dateutil's rule objects are read, never changed, here."""
    try:
        return _read(rule_text)
    except ScheduleError as exc:
        return str(exc)


def _read(rule_text: str) -> tuple[RuleParts, rruleset]:
    """Check the lines the app edits itself, then let dateutil (the judge of what is valid) parse the rest.

    Each repeat (RRULE) must produce a date on its own: one that never can would send every later search (the
    next session, a quarter's dates) through every year up to 9999, even beside extra dates that let the whole
    rule produce some.
    """
    if not rule_text.strip():
        raise ScheduleError("The schedule rule is empty.")
    try:
        parts = _split(rule_text)
        recurrences: rruleset = rrulestr(rule_text, forceset=True)
        impossible = [value for value in parts.rrules if _never_repeats(parts.first, value)]
    except ScheduleError:
        raise
    except (ValueError, TypeError, OverflowError, KeyError, IndexError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ScheduleError(f"Not a schedule rule: {reason}.") from exc
    if impossible:
        raise ScheduleError(f"No date can meet the repeat {quoted(impossible[0])}, so it never produces a session.")
    if next(iter(recurrences), None) is None:
        raise ScheduleError("The schedule rule never produces a session date.")
    return parts, recurrences


def _never_repeats(first: datetime, rrule_value: str) -> bool:
    """Whether one RRULE, from the rule's DTSTART, produces no date at all.

    dateutil answers "none" only once its search has passed the year 9999 (an UNTIL does not stop a search that
    finds nothing), which takes seconds for a daily rule. The rule is asked the same question from a later DTSTART
    (:func:`_calendar_rounds_later`): there the search still covers a whole round of the rule through the
    calendar, so it has the same answer, and it has only a few hundred years to run.
    """
    later = _calendar_rounds_later(first, rrule_value)
    if later is not None:
        first, rrule_value = later
    return next(iter(rrulestr(emit(RuleParts(first, (rrule_value,), (), ())))), None) is None


def _calendar_rounds_later(first: datetime, rrule_value: str) -> tuple[datetime, str] | None:
    """The RRULE moved on by whole rounds of the calendar, as late as still leaves it one round before the year
    9999, or ``None`` when a round of its steps would not fit.

    A shift by whole 400-year rounds that is also a whole number of the rule's steps (INTERVAL units of its FREQ)
    puts every step on the same dates and weekdays as before, so the rule produces a date in a round from the new
    DTSTART exactly when it did in the same round from the old one. Its UNTIL moves with it, or, past the year 9999
    (so beyond a whole round), goes.
    """
    fields = rrule_fields(rrule_value)
    interval = interval_of(fields)
    units = _CALENDAR_ROUND_UNITS[fields["FREQ"]]
    rounds = interval // math.gcd(interval, units)  # the fewest calendar rounds that are whole steps of the rule
    step_years = _CALENDAR_ROUND_YEARS * rounds
    room = date.max.year - 1 - first.year - step_years  # a year to spare for a step that began before DTSTART
    if room < step_years:
        return None
    shift = room // step_years * step_years
    if "UNTIL" in fields:
        until = _stamp_to_datetime(fields["UNTIL"], "UNTIL")
        if until.year + shift > date.max.year:
            del fields["UNTIL"]
        else:
            fields["UNTIL"] = rule_stamp(until.replace(year=until.year + shift))
    return first.replace(year=first.year + shift), ";".join(f"{name}={value}" for name, value in fields.items())


def _split(rule_text: str) -> RuleParts:
    moments: dict[str, list[datetime]] = {"DTSTART": [], "EXDATE": [], "RDATE": []}
    rrules: list[str] = []
    for line in rule_text.split():  # rrulestr splits the same way when not unfolding
        name, colon, value = line.upper().partition(":")
        name, *params = name.split(";") if colon else ("RRULE",)
        value = value if colon else line.upper()
        if name == "RRULE" and "=" in value:
            rrules.append(value)
        elif name in moments and not any(param.startswith("TZID=") for param in params):
            moments[name] += [_stamp_to_datetime(item, name) for item in value.split(",")]
        elif name in moments:
            raise ScheduleError(f"{name} must be local wall time, without a time zone.")
        else:
            raise ScheduleError(f"Not a schedule rule: {quoted(line)} is not a DTSTART, RRULE, EXDATE or RDATE line.")
    if len(moments["DTSTART"]) != 1:
        raise ScheduleError("The schedule rule needs exactly one DTSTART line (the first session).")
    if not rrules:
        raise ScheduleError("The schedule rule needs an RRULE line saying how it repeats.")
    for value in rrules:
        fields = rrule_fields(value)
        if fields.get("FREQ", "") not in _SUPPORTED_FREQS:
            raise ScheduleError("Each RRULE needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY; sessions are at most daily.")
        if interval_of(fields) < 1:  # dateutil takes it, and then never moves on: every search would run for ever
            raise ScheduleError(f"INTERVAL={fields['INTERVAL']} never moves on: it must be 1 or more.")
        if "BYEASTER" in fields:  # dateutil's own, which no calendar program reads, and slow to search
            raise ScheduleError("BYEASTER is not iCalendar: give the dates with RDATE lines instead.")
        several = [name for name in _WITHIN_A_DAY if "," in fields.get(name, "")]
        if several:  # thousands of sessions a day, each listed by every search
            raise ScheduleError(f"{several[0]} lists more than one value; sessions are at most daily.")
        if "UNTIL" in fields:
            _stamp_to_datetime(fields["UNTIL"], "UNTIL")
    return RuleParts(moments["DTSTART"][0], tuple(rrules), tuple(moments["EXDATE"]), tuple(moments["RDATE"]))


def emit(parts: RuleParts) -> str:
    lines = [f"DTSTART:{rule_stamp(parts.first)}", *(f"RRULE:{value}" for value in parts.rrules)]
    lines += [f"EXDATE:{rule_stamp(moment)}" for moment in parts.exdates]
    lines += [f"RDATE:{rule_stamp(moment)}" for moment in parts.rdates]
    return "\n".join(lines)


def interval_of(fields: dict[str, str]) -> int:
    """The RRULE's INTERVAL (1 if it has none, or one dateutil will refuse in its own words)."""
    try:
        return int(fields.get("INTERVAL", "1"))
    except ValueError:
        return 1


def rrule_fields(value: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for pair in value.split(";"):
        name, _, setting = pair.partition("=")
        fields[name] = setting
    return fields


def require_naive(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is not None:
        raise ScheduleError(f"{what} must be local wall time, without a time zone.")
    return moment


def _stamp_to_datetime(text: str, what: str) -> datetime:
    """Insist on the RFC 5545 form: dateutil's parser would read "2026" as today's date in 2026."""
    if not _STAMP.fullmatch(text):
        raise ScheduleError(f"{what} {quoted(text)} is not a date-time like 20260908T100000.")
    return require_naive(parse_rule_datetime(text), what)


def rule_stamp(moment: datetime) -> str:
    """``moment`` as a rule line writes it (RFC 5545's 20260908T100000), with the year's four digits whatever the
    year: ``%Y`` writes the year 56 as "56", which dateutil would read as another date."""
    return f"{moment.year:04d}{moment:%m%dT%H%M%S}"
