"""A laptop sleep is noticed, and not counted, on Windows and macOS too.

Linux's ``time.monotonic`` stops while the machine is suspended; Windows' (GetTickCount64) keeps counting, and so
may macOS's. :class:`Laptop` is a machine with both kinds of clock: ``counting_through_sleep`` (what
``time.monotonic`` is on Windows) and ``awake`` (what the platform's sleep-excluding clock reads). The app's default
clock is put on it by simulating each platform.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from copdesk.core import clock
from copdesk.core.agenda import AgendaSegment
from copdesk.core.model import SegmentPhase
from copdesk.core.timer import SessionTimer


class Laptop:
    def __init__(self) -> None:
        self.awake = 5_000.0
        self.asleep = 0.0
        self.wall = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)

    def counting_through_sleep(self) -> float:
        return self.awake + self.asleep

    def run(self, seconds: float) -> None:
        self.awake += seconds
        self.wall += timedelta(seconds=seconds)

    def sleep(self, seconds: float) -> None:
        self.asleep += seconds
        self.wall += timedelta(seconds=seconds)


class FakeWindowsLibrary:
    """kernelbase.dll's QueryUnbiasedInterruptTimePrecise: the awake time in units of 100 ns."""

    def __init__(self, laptop: Laptop) -> None:
        self.laptop = laptop

    def QueryUnbiasedInterruptTimePrecise(self, ticks: Any) -> None:
        ticks._obj.value = round(self.laptop.awake * 10_000_000)


@pytest.fixture
def laptop(monkeypatch: pytest.MonkeyPatch) -> Laptop:
    machine = Laptop()
    monkeypatch.setattr(time, "monotonic", machine.counting_through_sleep)
    monkeypatch.setattr(clock, "_chosen", None)  # the default clock is chosen again, on the simulated platform
    return machine


def _sleep_through_a_segment(laptop: Laptop) -> SessionTimer:
    timer = SessionTimer(
        [AgendaSegment("Case presentation", SegmentPhase.PRESENTATION, 1200)],
        clock.system_monotonic,
        lambda: laptop.wall,
    )
    timer.start()
    laptop.run(300)
    timer.snapshot()
    laptop.sleep(45 * 60)  # the lid closed for three quarters of an hour
    laptop.run(1)
    return timer


def test_on_windows_a_sleep_is_noticed_and_the_timer_held_still(
    laptop: Laptop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(clock, "_load_windows_library", lambda name: FakeWindowsLibrary(laptop))

    view = _sleep_through_a_segment(laptop).snapshot()

    assert view.sleep is not None and round(view.sleep.wall_gap_seconds) == 45 * 60
    assert round(view.segment_remaining_seconds) == 1200 - 301


def test_on_windows_7_the_older_unbiased_clock_is_read(laptop: Laptop, monkeypatch: pytest.MonkeyPatch) -> None:
    class Kernel32:
        def QueryUnbiasedInterruptTime(self, ticks: Any) -> int:
            ticks._obj.value = round(laptop.awake * 10_000_000)
            return 1

    def load(name: str) -> object:
        return Kernel32() if name == "kernel32" else object()  # kernelbase without the Precise function

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(clock, "_load_windows_library", load)
    assert _sleep_through_a_segment(laptop).snapshot().sleep is not None


def test_on_macos_a_sleep_is_noticed_and_the_timer_held_still(laptop: Laptop, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(time, "CLOCK_UPTIME_RAW", 8, raising=False)
    monkeypatch.setattr(
        time, "clock_gettime", lambda which: laptop.awake if which == 8 else laptop.counting_through_sleep()
    )

    view = _sleep_through_a_segment(laptop).snapshot()

    assert view.sleep is not None
    assert round(view.segment_remaining_seconds) == 1200 - 301


def test_this_platforms_clock_moves_with_the_monotonic_clock_while_awake(monkeypatch: pytest.MonkeyPatch) -> None:
    """The real clock of the platform the suite runs on (Windows and macOS in the release workflow)."""
    monkeypatch.setattr(clock, "_chosen", None)
    start, start_reference = clock.system_monotonic(), time.perf_counter()
    while time.perf_counter() - start_reference < 0.05:  # a busy read of both clocks, no timer involved
        pass
    moved, reference = clock.system_monotonic() - start, time.perf_counter() - start_reference
    assert reference - 0.03 < moved < reference + 0.03


def test_the_windows_tick_unit_is_a_hundred_nanoseconds() -> None:
    class Library:
        def QueryUnbiasedInterruptTimePrecise(self, ticks: Any) -> None:
            ticks._obj.value = 123_456_789

    read = clock._windows_unbiased_interrupt_time(lambda name: Library())
    assert read() == pytest.approx(12.3456789)
