"""Bursts of 1,000 keystrokes into the notes pane of a live session on the ten-year database, offscreen.

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
work. Autosaves are timed through ``store.notes.save_session_text``. The burst runs twice: into the empty notes,
then at the end of a 30 KB note (a long session's notes, saved before the burst starts), where every autosave
writes the whole note again. A third, slower run types ``--name-keys`` keys in the middle of a 1 MB note of names
and titles ("Mr" at a line's end, its name on the next; a title alone), each followed by a pause long enough for the
identifier check to run (one of the names marked "not an identifier" first), and prints how long each of those
checks took. Figures only, never pass/fail.

    python bench/typing_burst.py [--keys 1000] [--interval 5] [--name-keys 30] [--db bench/out/history.db]
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
from dataclasses import dataclass, field
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
from copdesk.store.connection import as_database
from copdesk.views.live.notes.notes_panel import AUTOSAVE_MS
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.identifier_warning import CHECK_DELAY_MS, IdentifierWarning

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


LONG_NOTE_BYTES = 30_000  # a long session's notes, already typed when the second burst starts


def long_note(size: int, seed: int = 30) -> str:
    """Paragraphs of plain sentences, about ``size`` characters: what a long session's notes look like."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    while sum(len(p) + 2 for p in paragraphs) < size:
        sentences = (
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 20))).capitalize() + "." for _ in range(4)
        )
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)[:size]


NAMES_NOTE_BYTES = 1_000_000  # the most a note holds
NAMES_LINES = "Met Mrs Okafor and Mr\nPatel; Dr Lee wrote.\nMr\nMrs\n"  # three findings, and titles alone


def names_note(size: int) -> str:
    """About ``size`` characters of names and titles, as a note full of them reads to the identifier check."""
    return (NAMES_LINES * (size // len(NAMES_LINES) + 1))[:size]


@dataclass
class Phase:
    """One burst: what is typed (in the middle of ``prefix``, already in the note, or at its end), one key every
    ``interval_ms`` (the command line's when 0), and what was measured while it was."""

    label: str
    prefix: str
    text: str
    in_middle: bool = False
    interval_ms: int = 0
    beats: list[tuple[float, float]] = field(default_factory=list)  # (wall, this thread's CPU time)
    handling: list[float] = field(default_factory=list)
    saves: list[float] = field(default_factory=list)
    checks: list[float] = field(default_factory=list)  # the identifier warning's check at each pause
    typed: int = 0
    shown: str = ""
    saved: str = ""


class Burst:
    """Drives the running app: picks the largest team, starts a session, then types while the heartbeat beats.

    Two bursts in turn: into the empty notes, then at the end of a long note (``LONG_NOTE_BYTES``).
    """

    def __init__(self, app: QApplication, phases: list[Phase], interval_ms: int) -> None:
        self.app, self.phases = app, phases
        self.phase_index = 0
        self.window: MainWindow | None = None
        self.session_id: int | None = None
        self.pulse = QTimer()
        self.pulse.setTimerType(Qt.TimerType.PreciseTimer)
        self.pulse.setInterval(1)
        self.pulse.timeout.connect(lambda: self.phase.beats.append((time.perf_counter(), time.thread_time())))
        self.typist = QTimer()
        self.typist.setTimerType(Qt.TimerType.PreciseTimer)
        self.interval_ms = interval_ms
        self.typist.timeout.connect(self.type_one)
        save_session_text = notes.save_session_text

        def timed_save(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            result = save_session_text(*args, **kwargs)
            self.phase.saves.append((time.perf_counter() - started) * 1000)
            return result

        notes.save_session_text = timed_save  # the notes pane calls it through the module
        check_now = IdentifierWarning.check_now

        def timed_check(self_: IdentifierWarning) -> Any:
            started = time.perf_counter()
            result = check_now(self_)
            self.phase.checks.append((time.perf_counter() - started) * 1000)
            return result

        IdentifierWarning.check_now = timed_check  # type: ignore[method-assign,assignment]

    @property
    def phase(self) -> Phase:
        return self.phases[self.phase_index]

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
        """Put the phase's note in place (saved, as if typed earlier), the cursor at its end, then type."""
        assert self.window is not None
        editor = self.window.notes_panel.editor
        if self.phase.prefix:
            editor.setPlainText(self.phase.prefix)
            self.window.notes_panel.flush()
            warning = self.window.notes_panel.identifier_warning
            warning.check_now()  # as a session's notes are when it is loaded
            if self.phase.in_middle:
                warning.ignore_current()  # one name said not to be an identifier: the rest are still checked
            cursor = editor.textCursor()
            cursor.setPosition(len(self.phase.prefix) // 2 if self.phase.in_middle else len(self.phase.prefix))
            editor.setTextCursor(cursor)
            self.phase.saves.clear()
            self.phase.checks.clear()
        self.pulse.start()
        self.typist.setInterval(self.phase.interval_ms or self.interval_ms)
        self.typist.start()

    def type_one(self) -> None:
        assert self.window is not None
        editor = self.window.notes_panel.editor
        phase = self.phase
        char = phase.text[phase.typed]
        started = time.perf_counter()
        if char == "\n":
            QTest.keyClick(editor, Qt.Key.Key_Return)
        else:
            QTest.keyClicks(editor, char)
        phase.handling.append((time.perf_counter() - started) * 1000)
        phase.typed += 1
        if phase.typed == len(phase.text):
            self.typist.stop()
            QTimer.singleShot(AUTOSAVE_MS + 500, self.finish_phase)  # the last autosave runs on its own first

    def finish_phase(self) -> None:
        assert self.window is not None
        self.pulse.stop()
        self.phase.shown = self.window.notes_panel.editor.toPlainText()
        self.phase.saved = self.stored_text()
        if self.phase_index + 1 < len(self.phases):
            self.phase_index += 1
            QTimer.singleShot(SETTLE_MS // 2, self.type_away)
            return
        self.app.exit(0)  # not quit: quit closes the window, which would ask whether to end the live session

    def stored_text(self) -> str:
        """The session's free text as the file holds it, read through a connection of its own."""
        assert self.window is not None and self.session_id is not None
        path = self.window.context.db_path
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
        try:
            return notes.session_text(as_database(conn), self.session_id).text  # type: ignore[union-attr]
        finally:
            conn.close()


def report(phase: Phase, interval: int, db_name: str) -> None:
    interval = phase.interval_ms or interval
    gaps = [(later[0] - earlier[0]) * 1000 for earlier, later in itertools.pairwise(phase.beats)]
    busy = [(later[1] - earlier[1]) * 1000 for earlier, later in itertools.pairwise(phase.beats)]
    print(f"\n{phase.label}: {phase.typed} keystrokes, one every {interval} ms, into a live session on {db_name}")
    print(
        f"  UI-thread stalls (gaps between 1 ms heartbeats, {len(gaps):,} of them): longest {max(gaps):.1f} ms, "
        f"99th percentile {percentile(gaps, 0.99):.1f} ms, median {statistics.median(gaps):.2f} ms "
        f"(goal: at most {GOAL_MS:.0f} ms at the 99th percentile)"
    )
    print(
        f"  the UI thread's own CPU time between heartbeats: longest {max(busy):.1f} ms, "
        f"99th percentile {percentile(busy, 0.99):.1f} ms (the rest of a gap was other processes' turn)"
    )
    print(
        f"  handling one keystroke: median {statistics.median(phase.handling):.2f} ms, "
        f"99th percentile {percentile(phase.handling, 0.99):.2f} ms, longest {max(phase.handling):.1f} ms"
    )
    print(f"  over {GOAL_MS:.0f} ms: {sum(gap > GOAL_MS for gap in gaps)} stalls")
    saves = phase.saves
    median_save = statistics.median(saves) if saves else 0.0
    print(f"  autosaves: {len(saves)}, median {median_save:.1f} ms, longest {max(saves, default=0):.1f} ms")
    if phase.in_middle:
        checks = phase.checks
        print(
            f"  identifier checks at the pauses: {len(checks)}, median {statistics.median(checks):.1f} ms, "
            f"longest {max(checks):.1f} ms"
        )
    middle = len(phase.prefix) // 2 if phase.in_middle else len(phase.prefix)
    expected = phase.prefix[:middle] + phase.text + phase.prefix[middle:]
    complete = phase.saved == expected and phase.shown == expected
    print(
        f"  saved: {len(phase.saved):,} of {len(expected):,} characters; "
        f"every keystroke saved: {'yes' if complete else 'NO'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--interval", type=int, default=5, help="milliseconds between keystrokes")
    parser.add_argument("--name-keys", type=int, default=30, help="keys typed, a pause after each, into names")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/make_history.py first.")
        return 0
    text = text_to_type(args.keys)
    prefix = long_note(LONG_NOTE_BYTES)
    phases = [
        Phase("into empty notes", "", text),
        Phase(f"at the end of a {len(prefix.encode()) // 1000} KB note", prefix, text_to_type(args.keys, seed=10)),
        Phase(
            f"in the middle of a {NAMES_NOTE_BYTES // 1_000_000} MB note of names and titles, a pause after each key",
            names_note(NAMES_NOTE_BYTES),
            text_to_type(args.name_keys, seed=11),
            in_middle=True,
            interval_ms=CHECK_DELAY_MS + 100,
        ),
    ]
    with sandbox_folder(prefix="copdesk-typing-") as folder:
        db_path = folder / "history.db"
        shutil.copyfile(args.db, db_path)
        app = QApplication([sys.argv[0]])
        burst = Burst(app, phases, args.interval)
        QTimer.singleShot(0, burst.begin)
        run_from_command_line(["--db", str(db_path)])  # the app as launched, until the bursts are over
    for phase in phases:
        report(phase, args.interval, args.db.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
