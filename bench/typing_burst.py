"""A burst of 1,000 keystrokes into the notes pane of a live session on the ten-year database, offscreen.

The real window runs on a temporary copy of ``bench/out/history.db``; a session of its largest team is
started through the start dialog, so the timer, its 5-second heartbeat save, the participation and question
panes are all live, and the notes autosave as they do for a facilitator. A precise Qt timer types one key
every ``--interval`` ms into the notes editor (letters, spaces, punctuation and Enter; far faster than anyone
types), while a second precise timer beats every millisecond. The gaps between heartbeats are the UI thread's
stalls: whatever kept the event loop busy (a keystroke, a repaint, an autosave with its fsync, the timer's
heartbeat). It prints the longest stall and the 99th percentile, how long each keystroke took to handle,
and whether the database holds every character typed once the last autosave has run (read through a
connection of its own). Figures only, never pass/fail.

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
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from copdesk.app import create_window
from copdesk.views.notes_panel import AUTOSAVE_MS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
GOAL_MS = 16.0
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
    with tempfile.TemporaryDirectory(prefix="copdesk-typing-") as tmp:
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, tmp)
        db_path = Path(tmp) / "history.db"
        shutil.copyfile(args.db, db_path)
        app = QApplication([sys.argv[0]])
        window = create_window(db_path)
        team_id = next(window.context.db.query("SELECT team_id FROM session GROUP BY team_id ORDER BY count(*) DESC"))
        window.reload_teams(int(team_id["team_id"]))
        window.resize(1366, 768)
        window.show()
        dialog = window.session_flow.open_start_dialog()
        assert dialog is not None
        dialog.set_present({member.display_name for member in dialog.members})
        dialog.go_to_ground_rules()
        dialog.agreed_check.setChecked(True)
        dialog.start()
        panel = window.notes_panel
        session_id = panel.session_id
        assert session_id is not None, "the session did not start"
        editor = panel.editor
        editor.setFocus()
        QTest.qWait(500)  # let the Live page settle, as a facilitator would look before typing

        beats: list[float] = []
        handling: list[float] = []
        typed = 0

        def heartbeat() -> None:
            beats.append(time.perf_counter())

        def type_one() -> None:
            nonlocal typed
            char = text[typed]
            started = time.perf_counter()
            if char == "\n":
                QTest.keyClick(editor, Qt.Key.Key_Return)
            else:
                QTest.keyClicks(editor, char)
            handling.append((time.perf_counter() - started) * 1000)
            typed += 1
            if typed == len(text):
                typist.stop()
                QTimer.singleShot(AUTOSAVE_MS + 500, app.quit)  # the last autosave runs on its own

        pulse = QTimer()
        pulse.setTimerType(Qt.TimerType.PreciseTimer)
        pulse.setInterval(1)
        pulse.timeout.connect(heartbeat)
        typist = QTimer()
        typist.setTimerType(Qt.TimerType.PreciseTimer)
        typist.setInterval(args.interval)
        typist.timeout.connect(type_one)
        pulse.start()
        typist.start()
        app.exec()
        pulse.stop()

        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
        stored = conn.execute(  # the session's free text is its first plain note (store.notes.session_text)
            "SELECT text FROM note WHERE session_id = ? AND kind = 'note' ORDER BY id LIMIT 1", [session_id]
        ).fetchone()
        conn.close()
        saved = stored[0] if stored else ""
        shown = editor.toPlainText()
        window.session_flow.shutdown()
        window.close()

    gaps = [(later - earlier) * 1000 for earlier, later in itertools.pairwise(beats)]
    print(f"{typed} keystrokes, one every {args.interval} ms, into the notes of a live session on {args.db.name}")
    print(
        f"UI-thread stalls (gaps between 1 ms heartbeats, {len(gaps):,} of them): longest {max(gaps):.1f} ms, "
        f"99th percentile {percentile(gaps, 0.99):.1f} ms, median {statistics.median(gaps):.2f} ms "
        f"(goal: at most {GOAL_MS:.0f} ms)"
    )
    print(
        f"handling one keystroke: median {statistics.median(handling):.2f} ms, "
        f"99th percentile {percentile(handling, 0.99):.2f} ms, longest {max(handling):.1f} ms"
    )
    print(f"over {GOAL_MS:.0f} ms: {sum(gap > GOAL_MS for gap in gaps)} stalls")
    complete = saved == text and shown == text
    print(f"saved: {len(saved)} of {len(text)} characters; every keystroke saved: {'yes' if complete else 'NO'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
