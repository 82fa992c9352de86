"""The masterclass's weeks of the month, counted in full Monday-to-Friday weeks.

The *first full week* is the Monday-to-Friday week wholly inside the month: it starts on the month's first
Monday (day 1 to 7). Full week ``N`` starts ``7 * (N - 1)`` days after that Monday, so a session held on weekday
``w`` (Monday = 0) in full week ``N`` falls on one of the seven days ``1 + w + 7 * (N - 1)`` to
``7 + w + 7 * (N - 1)``: exactly the set an RFC 5545 ``BYMONTHDAY`` list with ``BYDAY`` picks from. Weeks 1 to 3
always end inside the month; a 4th week's day can fall past the month's end, and that month simply has none.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from dateutil.relativedelta import MO, relativedelta  # type: ignore[import-untyped, unused-ignore]

MAX_WEEK = 4  # the masterclass names weeks 1 to 4; a 5th full week exists in few months


class MissingSession(NamedTuple):
    """A month whose full week ``week`` runs out of the month before the session's day (``would_be``)."""

    month: date  # its first day
    week: int
    would_be: date


def full_week_days(weekday: int, week: int) -> list[int]:
    """The month days ``weekday`` of full week ``week`` can fall on; days past 31 are left out (no month has them)."""
    first = 1 + weekday + 7 * (week - 1)
    return [day for day in range(first, first + 7) if day <= 31]


def weeks_of(monthdays: set[int], weekday: int) -> tuple[int, ...]:
    """The full weeks whose days make up exactly ``monthdays``, for a Monday-to-Friday ``weekday``; () if none do."""
    if not 0 <= weekday <= 4:
        return ()
    weeks = tuple(week for week in range(1, MAX_WEEK + 1) if set(full_week_days(weekday, week)) <= monthdays)
    covered = {day for week in weeks for day in full_week_days(weekday, week)}
    return weeks if covered == monthdays else ()


def can_fall_past_month_end(weekday: int, week: int) -> bool:
    """Whether some month lacks this week's day: its latest possible day is past 28 (February's length)."""
    return 7 + weekday + 7 * (week - 1) > 28


def day_in_full_week(month: date, weekday: int, week: int) -> date:
    """Where ``weekday`` of full week ``week`` of ``month`` falls; in the next month when the week runs past it."""
    first_monday: date = month.replace(day=1) + relativedelta(weekday=MO)
    return first_monday + timedelta(days=7 * (week - 1) + weekday)


def missing_sessions(
    cycle_start: date, interval: int, weekday: int, weeks: tuple[int, ...], first: date, last: date
) -> list[MissingSession]:
    """The months with no session in one of ``weeks`` (its day is past their end), the day it would have been
    falling from ``first`` to ``last``: what a list of the dates in that span leaves out.

    Only months of the rule's cycle count: every ``interval``-th month from ``cycle_start``'s month.
    """
    cycle = cycle_start.replace(day=1)
    month: date = max(first.replace(day=1), cycle)
    found = []
    while month <= last:
        if ((month.year - cycle.year) * 12 + month.month - cycle.month) % interval == 0:
            for week in weeks:
                would_be = day_in_full_week(month, weekday, week)
                if would_be.month != month.month and first <= would_be <= last:
                    found.append(MissingSession(month, week, would_be))
        month += relativedelta(months=1)
    return found
