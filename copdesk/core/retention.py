"""How long things are kept: the rotation of automatic backups, and the cut-off for old sessions.

Backups rotate grandfather-father-son style, with two generations: the newest backup of each of the
last 7 days that have one, and the newest of each of the last 4 ISO weeks that have one. A backup
can count as both. Counting days *that have a backup* (rather than calendar days) means a laptop left
shut for a month still comes back with a week of history, instead of the rotation emptying itself.
The two newest backups are always kept as well: a mistake made today is backed up at the next start,
and the backup from the start before it, the one that undoes the mistake, must not rotate out.

Session retention is a privacy rule, not a storage one: notes discuss cases, and a team may agree
to keep them only for so many months.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from dateutil.relativedelta import relativedelta  # type: ignore[import-untyped, unused-ignore]

DAILY_BACKUPS_KEPT = 7
WEEKLY_BACKUPS_KEPT = 4
LATEST_BACKUPS_KEPT = 2
MIN_RETENTION_MONTHS = 1
MAX_RETENTION_MONTHS = 600


class RetentionError(ValueError):
    """Raised with a one-line message fit to show the user as it is."""


def backups_to_keep(
    stamps: Iterable[datetime],
    *,
    daily: int = DAILY_BACKUPS_KEPT,
    weekly: int = WEEKLY_BACKUPS_KEPT,
    latest: int = LATEST_BACKUPS_KEPT,
) -> set[datetime]:
    """The subset of backup times to keep; every other backup may be deleted."""
    newest_first = sorted(set(stamps), reverse=True)
    keep: set[datetime] = set(newest_first[:latest])
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for stamp in newest_first:
        day = stamp.date()
        if day not in days and len(days) < daily:
            days.add(day)
            keep.add(stamp)
        iso = day.isocalendar()
        week = (iso.year, iso.week)
        if week not in weeks and len(weeks) < weekly:
            weeks.add(week)
            keep.add(stamp)
    return keep


def retention_cutoff(now: datetime, months: int) -> datetime:
    """Sessions that started before this moment are older than ``months`` calendar months."""
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise RetentionError(
            f"Keep sessions for between {MIN_RETENTION_MONTHS} and {MAX_RETENTION_MONTHS} months, not {months}."
        )
    cutoff: datetime = now - relativedelta(months=months)
    return cutoff
