"""The CoP calendar in plain words, for the Prepare view, the series editor and the CLI: nobody reads RRULE syntax.

The rule text and its meaning are :mod:`copdesk.core.schedule`'s; this module only says it, in the masterclass's
week words ("Tuesday of the first full week of each month at 10:00").
"""

from __future__ import annotations

from copdesk.core import full_weeks
from copdesk.core.date_names import DAY_NAMES, long_date, month_name
from copdesk.core.model import SessionKind
from copdesk.core.schedule import Pattern, ReflectiveWeeks, ScheduleRule, parse_rule
from copdesk.core.text import counted, listed


def describe(rule_text: str) -> str:
    """Plain words for the Prepare screen and the CLI, so nobody has to read RRULE syntax."""
    rule = parse_rule(rule_text)
    at = f"at {rule.first:%H:%M}"
    since = f"(from {month_name(rule.first)} {rule.first.year})"
    day = DAY_NAMES[rule.weekday] if rule.weekday is not None else ""
    months = "each month" if rule.interval == 1 else "alternate months" if rule.interval == 2 else ""
    months = months or f"every {ordinal(rule.interval)} month"
    if rule.pattern is Pattern.FULL_WEEKS and rule.week_ordinals == (1,):
        text = f"{day} of the first full week of {months} {at}"
    elif rule.pattern is Pattern.FULL_WEEKS:
        weeks = "full weeks" if len(rule.week_ordinals) > 1 else "full week"
        text = f"{day} of the {_join(rule.week_ordinals)} {weeks} of {months} {at}"
    elif rule.pattern is Pattern.NTH_WEEKDAY and rule.interval == 1 and len(rule.week_ordinals) > 1:
        text = f"Every {_join(rule.week_ordinals)} {day} {at}"
    elif rule.pattern is Pattern.NTH_WEEKDAY:
        ordinals = _join(rule.week_ordinals)
        text = f"{ordinals[0].upper()}{ordinals[1:]} {day} of {months} {at}"
    elif rule.pattern is Pattern.WEEKLY and rule.interval == 1:
        text = f"Every {day} {at}"
    elif rule.pattern is Pattern.WEEKLY:
        text = f"Every {rule.interval} weeks on {day} {at}"
    else:
        text = f"Custom repeating rule from {long_date(rule.first)} {at}"
    if rule.interval > 1 and rule.pattern is not Pattern.CUSTOM:
        text = f"{text} {since}"
    text += _missing_week_words(rule, day)
    if rule.skipped:
        text += f"; {counted(len(rule.skipped), 'date')} skipped"
    if rule.one_offs:
        text += f"; {counted(len(rule.one_offs), 'extra date')}"
    return text


def _missing_week_words(rule: ScheduleRule, day: str) -> str:
    """Say when a full week's day can fall past the month's end (a 4th week from Tuesday on), so it is expected."""
    if rule.pattern is not Pattern.FULL_WEEKS or rule.weekday is None:
        return ""
    last_week = max(rule.week_ordinals)
    if not full_weeks.can_fall_past_month_end(rule.weekday, last_week):
        return ""
    if len(rule.week_ordinals) == 1:
        return f"; none when that {day} falls in the next month"
    return f"; no {ordinal(last_week)}-week session when that {day} falls in the next month"


def ordinal(number: int) -> str:
    """A number as an ordinal ("1st", "2nd", "23rd"); -1 is "last", as in "the last Thursday"."""
    if number == -1:
        return "last"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _join(ordinals: tuple[int, ...]) -> str:
    return listed([ordinal(number) for number in sorted(ordinals, key=lambda n: n if n > 0 else 99)])


def week_counting(kind: SessionKind, weekday: int, weeks: ReflectiveWeeks = ReflectiveWeeks.SECOND_AND_FOURTH) -> str:
    """One line for the series editor: how this type's week of the month is counted, on the chosen day."""
    day = DAY_NAMES[weekday]
    if kind is SessionKind.SPOTLIGHT:
        return f"1st full week: the first Monday-to-Friday week wholly inside the month ({day} the {_span(weekday)})."
    if kind is SessionKind.REFLECTIVE:
        spans = {2: "8th to 14th", 4: "22nd to 28th"}
        parts = [
            f"the {ordinal(week)} week is the month's {ordinal(week)} {day} ({spans[week]})" for week in weeks.ordinals
        ]
        every = ", so every month has both" if len(parts) > 1 else ", so every month has it"
        return f"Weeks count the day: {' and '.join(parts)}{every}."
    if kind is SessionKind.THEMED:
        return f"The 3rd week is the month's 3rd {day} (15th to 21st), in alternate months from the first date."
    return f"Every 3 months, in the same week as the first session (its {day}'s place in the month)."


def _span(weekday: int) -> str:
    first, last = 1 + weekday, 7 + weekday
    return f"{ordinal(first)} to {ordinal(last)}"
