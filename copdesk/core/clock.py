"""Clocks are parameters, never globals, so every rule about time can be tested with a fake clock.

Two kinds exist: a *monotonic* clock (seconds, only differences matter) drives live timing, and a
*wall* clock (an aware UTC datetime) stamps records. Stored times are UTC ISO-8601 strings.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

MonotonicClock = Callable[[], float]
WallClock = Callable[[], datetime]

_HUNDRED_NANOSECONDS = 1e-7
_chosen: MonotonicClock | None = None


def system_monotonic() -> float:
    """Monotonic seconds that stand still while the computer sleeps, on every platform.

    The live timer holds still through a laptop sleep and notices it as the gap between this clock and the wall
    clock (:mod:`copdesk.core.timer`). ``time.monotonic`` only stands still on Linux: on Windows (GetTickCount64,
    or QueryPerformanceCounter from Python 3.13) it counts the sleep, and on macOS Python's choice is its own
    business. So each platform's sleep-excluding clock is named here (:func:`awake_clock`).
    """
    global _chosen  # noqa: PLW0603  (chosen once, on first use, so importing this module loads nothing)
    if _chosen is None:
        _chosen = awake_clock()
    return _chosen()


def awake_clock(platform: str | None = None) -> MonotonicClock:
    """This platform's monotonic clock that excludes time asleep.

    Windows: the *unbiased* interrupt time (QueryUnbiasedInterruptTimePrecise, Windows 10; else
    QueryUnbiasedInterruptTime), which leaves out sleep and hibernation. macOS: ``CLOCK_UPTIME_RAW``. Linux:
    ``time.monotonic`` (``CLOCK_MONOTONIC``), which stops while suspended.
    """
    platform = sys.platform if platform is None else platform
    if platform == "win32":
        return _windows_unbiased_interrupt_time(_load_windows_library)
    if platform == "darwin" and hasattr(time, "CLOCK_UPTIME_RAW"):
        uptime = time.CLOCK_UPTIME_RAW
        return lambda: time.clock_gettime(uptime)
    return time.monotonic


def _load_windows_library(name: str) -> Any:
    import ctypes

    return ctypes.WinDLL(name)  # type: ignore[attr-defined, unused-ignore]


def _windows_unbiased_interrupt_time(load: Callable[[str], Any]) -> MonotonicClock:
    """The unbiased interrupt time in seconds, read through ``ctypes`` (its unit is 100 ns)."""
    import ctypes

    try:
        query = load("kernelbase").QueryUnbiasedInterruptTimePrecise  # exact to the tick counter
    except (OSError, AttributeError):
        query = load("kernel32").QueryUnbiasedInterruptTime  # Windows 7 and 8: steps of about 15 ms

    def read() -> float:
        ticks = ctypes.c_ulonglong()
        query(ctypes.byref(ticks))
        return ticks.value * _HUNDRED_NANOSECONDS

    return read


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


def local_day(stamp: str) -> date:
    """The local calendar day of a stored UTC time: the day the facilitator remembers it happening."""
    return from_utc_iso(stamp).astimezone().date()
