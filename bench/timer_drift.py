"""How far the timer pane's countdown strays from the monotonic clock: the real window, offscreen, in real time.

A live session runs on a temporary demo database (started through the real start dialog, with the heartbeat
saving to SQLite and the other panes live). The app's monotonic clock is ``time.monotonic`` seen through a
probe that remembers its last reading. The truth is ``time.monotonic()`` counted from one anchor, the first
repaint after Start. From then on, every 100 ms a precise Qt timer in the same event loop reads the countdown
label's text against the truth at that moment, and every repaint's value is compared with the truth at the
clock reading it was computed from. It prints figures, never pass/fail.

* label error: how far the true remaining time lies outside the second the label shows (a countdown showing
  ``04:35`` is right while 274 s < remaining <= 275 s); 0 ms means it showed the right second. Samples every
  100 ms keep one phase against the second, so the largest error printed is the larger of what the samples saw
  and the latest turnover (until a repaint lands, the label still shows the second just gone);
* turnover delay: how long after the true second boundary each repaint landed (the digits change then);
* drift: the mean turnover delay over the last 10 s minus that over the first 10 s, i.e. whether the moment
  the digits change slides away from the true second as the session runs (a tick-counting timer's would);
* value drawn against the clock: each repaint's remaining time against the truth at the clock reading it
  was computed from, largest and at the end (any accumulated error would show here).

    python bench/timer_drift.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from copdesk.core.timer import TimerView
from copdesk.sandbox import demo_database, laptop_window, sandbox_folder, start_session

SAMPLE_MS = 100
WINDOW_SECONDS = 10.0


def parse_countdown(text: str) -> float:
    """'04:35' -> 275, '1:02:05' -> 3725, '+01:30' -> -90 (an overrun counts up)."""
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return -float(total) if text.startswith("+") else float(total)


def label_error(shown: float, truth: float) -> float:
    """Seconds by which the truth lies outside the second the label stands for (0 when it is right).

    Counting down, '04:35' stands for 274 < remaining <= 275; counting up, '+01:30' for -91 < remaining <= -90.
    """
    low, high = shown - 1, shown
    return max(0.0, low - truth, truth - high)


class ProbeClock:
    """``time.monotonic`` for the app, keeping the last reading so a repaint can be checked at its own instant."""

    def __init__(self) -> None:
        self.last = time.monotonic()

    def __call__(self) -> float:
        self.last = time.monotonic()
        return self.last


class Recorder:
    def __init__(self, clock: ProbeClock) -> None:
        self.clock = clock
        self.anchor: tuple[float, float] | None = None  # (monotonic, remaining) at the first repaint
        self.repaints: list[tuple[float, float]] = []  # (seconds since anchor, drawn minus truth)
        self.turnover_delays: list[tuple[float, float]] = []  # (seconds since anchor, delay after the boundary)
        self.labels: list[tuple[float, float]] = []  # (seconds since anchor, label error)

    def truth(self, now: float) -> float:
        assert self.anchor is not None
        return self.anchor[1] - (now - self.anchor[0])

    def repainted(self, view: object) -> None:
        now = self.clock.last  # the reading this view was computed from
        if not isinstance(view, TimerView):
            return
        if self.anchor is None:
            self.anchor = (now, view.segment_remaining_seconds)
            return
        truth = self.truth(now)
        self.repaints.append((now - self.anchor[0], view.segment_remaining_seconds - truth))
        self.turnover_delays.append((now - self.anchor[0], math.ceil(truth) - truth))  # just after a boundary

    def sampled(self, label_text: str) -> float:
        now = time.monotonic()
        assert self.anchor is not None
        self.labels.append((now - self.anchor[0], label_error(parse_countdown(label_text), self.truth(now))))
        return now - self.anchor[0]


def run(seconds: float) -> Recorder:
    clock = ProbeClock()
    recorder = Recorder(clock)
    with sandbox_folder() as folder:
        db_path = demo_database(folder)
        app = QApplication([])
        window = laptop_window(db_path, clock=clock)
        flow = window.session_flow
        flow.live_timer.refreshed.connect(recorder.repainted)
        start_session(window)
        assert recorder.anchor is not None, "the session did not start"
        label = window.timer_panel.countdown_label

        def sample() -> None:
            if recorder.sampled(label.text()) >= seconds:
                app.exit(0)  # not quit: quit closes the window, which asks whether to end the live session

        sampler = QTimer()
        sampler.setTimerType(Qt.TimerType.PreciseTimer)
        sampler.setInterval(SAMPLE_MS)
        sampler.timeout.connect(sample)
        sampler.start()
        app.exec()
        flow.shutdown()
        window.close()
    return recorder


def report(recorder: Recorder) -> None:
    span = recorder.labels[-1][0]
    delays = [delay for _, delay in recorder.turnover_delays]
    first = [delay for at, delay in recorder.turnover_delays if at <= WINDOW_SECONDS]
    last = [delay for at, delay in recorder.turnover_delays if at >= span - WINDOW_SECONDS]
    drift = statistics.fmean(last) - statistics.fmean(first)
    worst_label = max(error for _, error in recorder.labels)
    wrong = sum(error > 0 for _, error in recorder.labels)
    largest = max(abs(error) for _, error in recorder.repaints)
    print(f"samples: {len(recorder.labels)} label readings over {span:.1f} s of real time (every {SAMPLE_MS} ms)")
    print(f"repaints: {len(recorder.repaints)} ({len(recorder.repaints) / span:.2f} a second)")
    # Until a late repaint lands, the label still shows the second just gone: the latest turnover is the worst case.
    worst = max(worst_label, *delays)
    sampled = f"sampled: {worst_label * 1000:.1f} ms, {wrong} of {len(recorder.labels)} readings off the right second"
    print(f"largest error of the countdown shown: {worst * 1000:.1f} ms ({sampled})")
    print(f"turnover delay: median {statistics.median(delays) * 1000:.1f} ms, largest {max(delays) * 1000:.1f} ms")
    window = f"last {WINDOW_SECONDS:.0f} s minus first"
    print(f"drift after {span:.0f} s: {drift * 1000:+.2f} ms (mean turnover delay, {window})")
    at_end = recorder.repaints[-1][1]
    print(f"value drawn against the clock: largest {largest * 1e6:.3f} us, at the end {at_end * 1e6:+.3f} us")


def main() -> int:
    parser = argparse.ArgumentParser(description="Timer drift of the real window, offscreen, in real time.")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to run (real time)")
    report(run(parser.parse_args().seconds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
