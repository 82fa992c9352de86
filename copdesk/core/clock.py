"""Clocks are parameters, never globals, so every rule about time can be tested with a fake clock.

Two kinds exist: a *monotonic* clock (seconds, only differences matter) drives live timing, and a
*wall* clock (an aware UTC datetime) stamps records. Stored times are UTC ISO-8601 strings.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime

MonotonicClock = Callable[[], float]
WallClock = Callable[[], datetime]


def system_monotonic() -> float:
    return time.monotonic()


def system_now() -> datetime:
    return datetime.now(UTC)


def to_utc_iso(moment: datetime) -> str:
    """Store format: second precision, explicit UTC offset, so text order equals time order."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; pass an aware datetime")
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_utc_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
