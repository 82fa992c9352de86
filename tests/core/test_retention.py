"""Backup rotation (7 daily, 4 weekly) and the session retention cut-off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from copdesk.core.retention import RetentionError, backups_to_keep, retention_cutoff

START = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)  # a Thursday


def test_one_backup_a_day_for_sixty_days_keeps_seven_days_and_four_weeks() -> None:
    stamps = [START - timedelta(days=n) for n in range(60)]
    keep = backups_to_keep(stamps)
    newest_seven = set(stamps[:7])
    assert newest_seven <= keep
    weekly = keep - newest_seven
    # The seven days (2-8 Oct) already cover ISO weeks 41 and 40; weeks 39 and 38 add their newest, a Sunday each.
    assert sorted(stamp.date().isoformat() for stamp in weekly) == ["2026-09-20", "2026-09-27"]
    assert {stamp.isocalendar().week for stamp in keep} == {41, 40, 39, 38}
    assert len(keep) == 9


def test_several_backups_a_day_keep_the_newest_of_each_day_and_the_two_latest() -> None:
    stamps = [START - timedelta(hours=6 * n) for n in range(40)]  # four a day for ten days
    keep = backups_to_keep(stamps)
    latest_two = set(stamps[:2])  # today's last two: the one before a mistake stays restorable
    assert latest_two <= keep
    days = sorted({stamp.date() for stamp in stamps}, reverse=True)[:7]
    for day in days:
        newest = max(stamp for stamp in stamps if stamp.date() == day)
        assert newest in keep
        others = {stamp for stamp in stamps if stamp.date() == day and stamp != newest} - latest_two
        assert not others & keep


def test_a_long_gap_still_leaves_a_week_of_history() -> None:
    """Days that *have* a backup count, so a laptop shut for two months does not empty the rotation."""
    old = [START - timedelta(days=90 + n) for n in range(10)]
    keep = backups_to_keep([START, *old])
    assert START in keep
    assert len([stamp for stamp in keep if stamp in old]) == 6


def test_nothing_to_rotate() -> None:
    assert backups_to_keep([]) == set()
    assert backups_to_keep([START]) == {START}
    assert backups_to_keep([START, START - timedelta(hours=1)]) == {START, START - timedelta(hours=1)}


def test_cutoff_is_calendar_months() -> None:
    assert retention_cutoff(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert retention_cutoff(START, 24) == datetime(2024, 10, 8, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize("months", [0, -3, 601])
def test_impossible_retention_periods_are_refused(months: int) -> None:
    with pytest.raises(RetentionError, match="between 1 and 600 months"):
        retention_cutoff(START, months)
