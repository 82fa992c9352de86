"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class FakeClock:
    """A monotonic clock and a wall clock that only move when a test says so."""

    def __init__(self, start: datetime | None = None) -> None:
        self.monotonic_seconds = 1000.0
        self.wall = start or datetime(2026, 10, 8, 9, 30, tzinfo=UTC)

    def __call__(self) -> float:
        return self.monotonic_seconds

    def now(self) -> datetime:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.monotonic_seconds += seconds
        self.wall += timedelta(seconds=seconds)

    def sleep_laptop(self, seconds: float) -> None:
        """The wall clock jumps while the monotonic clock (suspended with the machine) does not."""
        self.wall += timedelta(seconds=seconds)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def db_path(tmp_path: Path) -> Iterator[Path]:
    """A path for a fresh database in its own folder, per test."""
    yield tmp_path / "data" / "copdesk.db"
