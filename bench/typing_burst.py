"""A burst of 1,000 keystrokes into the notes pane of a live session on the ten-year database, offscreen.

The app starts as a facilitator starts it (``run_gui``: checks, window, the start-up backup in its thread
after the first paint) on a temporary copy of ``bench/out/history.db``. A second later a session of the
largest team is started through the start dialog, so the timer, its 5-second heartbeat save, the
participation and question panes are all live, and the notes autosave as they do for a facilitator. Half a
second after that, a precise Qt timer types one key every ``--interval`` ms into the notes editor (letters,
spaces, punctuation and Enter; far faster than anyone types), while a second precise timer beats every
millisecond. The gaps between heartbeats are the UI thread's
stalls: whatever kept the event loop busy (a keystroke, a repaint, an autosave with its fsync, the timer's
heartbeat). It prints the longest stall and the 99th percentile, how long each keystroke took to handle,
and whether the database holds every character typed once the last autosave has run (read through a
connection of its own). A gap also grows when other processes take the CPU, so the UI thread's own CPU time
between heartbeats (``time.thread_time``) is printed beside it: the share of each stall that was the app's
work. Autosaves are timed through ``store.notes.save_session_text``. Figures only, never pass/fail.

    python bench/typing_burst.py [--keys 1000] [--interval 5] [--db bench/out/history.db]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from copdesk.store.uri import sqlite_uri

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from copdesk.app import run_from_command_line
from copdesk.sandbox import sandbox_folder, start_session
from copdesk.store import notes
from copdesk.views.live.notes.notes_panel import AUTOSAVE_MS
from copdesk.views.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
GOAL_MS = 16.0
SETTLE_MS = 1000
WORDS = (
    "carer", "assessment", "discharge", "hospital", "family", "outcome", "review", "strengths", "community",
    "safeguarding", "interpreter", "referral", "package", "support", "reablement", "housing", "advocacy",
)  # fmt: skip


def text_to_type(keys: int, seed: int = 9) -> str:
    """Sentences of plain words, a line break now and then, exactly ``keys`` characters long."""
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(map(len, parts)) < keys:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 12))).capitalize() + "."
        parts.append(sentence + ("\n" if rng.random() < 0.3 else " "))
    return "".join(parts)[:keys]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Burst:
    """Drives the running app: picks the largest team, starts a session, then types while the heartbeat beats."""

    def __init__(self, app: QApplication, text: str, interval_ms: int) -> None:
        self.app, self.text = app, text
        self.window: MainWindow | None = None
        self.session_id: int | None = None
        self.shown = ""
        self.beats: list[tuple[float, float]] = []  # (wall, this thread's CPU time)
        self.handling: list[float] = []
        self.saves: list[float] = []
        self.typed = 0
        self.pulse = QTimer()
        self.pulse.setTimerType(Qt.TimerType.PreciseTimer)
        self.pulse.setInterval(1)
        self.pulse.timeout.connect(lambda: self.beats.append((time.perf_counter(), time.thread_time())))
        self.typist = QTimer()
        self.typist.setTimerType(Qt.TimerType.PreciseTimer)
        self.typist.setInterval(interval_ms)
        self.typist.timeout.connect(self.type_one)
        save_session_text = notes.save_session_text

        def timed_save(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            result = save_session_text(*args, **kwargs)
            self.saves.append((time.perf_counter() - started) * 1000)
            return result

        notes.save_session_text = timed_save  # the notes pane calls it through the module

    def begin(self) -> None:
        """Once the window shows its data (it paints its frame first), the facilitator looks, then starts."""
        windows = [w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow) and w.is_open()]
        if not windows:
            QTimer.singleShot(10, self.begin)
            return
        self.window = windows[0]
        QTimer.singleShot(SETTLE_MS, self.start)

    def start(self) -> None:
        assert self.window is not None
        largest = next(
            self.window.context.db.query("SELECT team_id FROM session GROUP BY team_id ORDER BY count(*) DESC")
        )
        self.window.reload_teams(int(largest["team_id"]))
        self.session_id = start_session(self.window)
        self.window.notes_panel.editor.setFocus()
        QTimer.singleShot(SETTLE_MS // 2, self.type_away)  # a glance at the Live page before typing

    def type_away(self) -> None:
        self.pulse.start()
        self.typist.start()

    def type_one(self) -> None:
        assert self.window is not None
        editor = self.window.notes_panel.editor
        char = self.text[self.typed]
        started = time.perf_counter()
        if char == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(editor, char)
        self.handling.append((time.perf_counter() - started) * 1000)
        self.typed += 1
        if self.typed == len(self.text):
            self.typist.stop()
            QTimer.singleShot(AUTOSAVE_MS + 500, self.finish)  # the last autosave runs on its own first

    def finish(self) -> None:
        assert self.window is not None
        self.pulse.stop()
        self.shown = self.window.notes_panel.editor.toPlainText()
        self.app.exit(0)  # not quit: quit closes the window, which would ask whether to end the live session


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--interval", type=int, default=5, help="milliseconds between keystrokes")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/make_history.py first.")
        return 0
    text = text_to_type(args.keys)
    with sandbox_folder(prefix="copdesk-typing-") as folder:
        db_path = folder / "history.db"
        shutil.copyfile(args.db, db_path)
        app = QApplication([sys.argv[0]])
        burst = Burst(app, text, args.interval)
        QTimer.singleShot(0, burst.begin)
        run_from_command_line(["--db", str(db_path)])  # the app as launched, until the burst is over
        conn = sqlite3.connect(sqlite_uri(db_path, mode="ro"), uri=True)
        stored = conn.execute(  # the session's free text is its first plain note (store.notes.session_text)
            "SELECT text FROM note WHERE session_id = ? AND kind = 'note' ORDER BY id LIMIT 1", [burst.session_id]
        ).fetchone()
        conn.close()
        saved = stored[0] if stored else ""

    gaps = [(later[0] - earlier[0]) * 1000 for earlier, later in itertools.pairwise(burst.beats)]
    busy = [(later[1] - earlier[1]) * 1000 for earlier, later in itertools.pairwise(burst.beats)]
    print(f"{burst.typed} keystrokes, one every {args.interval} ms, into the notes of a live session on {args.db.name}")
    print(
        f"UI-thread stalls (gaps between 1 ms heartbeats, {len(gaps):,} of them): longest {max(gaps):.1f} ms, "
        f"99th percentile {percentile(gaps, 0.99):.1f} ms, median {statistics.median(gaps):.2f} ms "
        f"(goal: at most {GOAL_MS:.0f} ms)"
    )
    print(
        f"the UI thread's own CPU time between heartbeats: longest {max(busy):.1f} ms, "
        f"99th percentile {percentile(busy, 0.99):.1f} ms (the rest of a gap was other processes' turn)"
    )
    print(
        f"handling one keystroke: median {statistics.median(burst.handling):.2f} ms, "
        f"99th percentile {percentile(burst.handling, 0.99):.2f} ms, longest {max(burst.handling):.1f} ms"
    )
    print(f"over {GOAL_MS:.0f} ms: {sum(gap > GOAL_MS for gap in gaps)} stalls")
    print(f"autosaves: {len(burst.saves)}, longest {max(burst.saves, default=0):.1f} ms")
    complete = saved == text and burst.shown == text
    print(f"saved: {len(saved)} of {len(text)} characters; every keystroke saved: {'yes' if complete else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
