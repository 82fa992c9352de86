"""What the UI thread pays at each pause in typing, on the ten-year database and on 1 MB notes, offscreen.

Two checks run when typing pauses. *Note search* (Ctrl+F): each query of a few typed words is searched in every team's
notes (*All my teams*, the most there is to search) on a copy of ``bench/out/history.db`` while a precise Qt timer beats
every millisecond; the longest gap between beats is the longest the window stopped answering (a search run on the UI
thread holds it for the whole query), printed with the time from the pause to the matches shown. *The identifier check*:
a notes editor holding a 1 MB note (prose with an identifier every 50 lines, then lines of "Mr" alone, where each title
takes the next line's as its name), a few words typed at its end and then in its middle, each followed by the check a
pause runs (``IdentifierWarning.check_now``), timed on the UI thread; the first check of the whole note (when a session
is loaded or resumed) is printed beside. Figures only, never pass/fail.

    python bench/typing_pauses.py [--db bench/out/history.db] [--repeats 20]
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from copdesk.app import create_window
from copdesk.sandbox import sandbox_folder
from copdesk.views.live.notes.notes_search import NotesSearchDialog
from copdesk.views.widgets.identifier_warning import IdentifierWarning

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
QUERIES = ["car", "carer", "carer assess", "discharge", "discharge hosp", "family outcome", "safeguarding"]
NOTES = {
    "prose, an identifier every 50 lines": "Discussed the carer's assessment and the discharge with the team.\n" * 49
    + "Mrs Okafor (SW1A 1AA) came up again.\n",
    'lines of "Mr" alone': "Mr\n",
}
NOTE_SIZE = 1_000_000


class SearchPause:
    """One query typed into the search dialog, then a pause: the heartbeat's gaps and the wait for the matches."""

    def __init__(self, dialog: NotesSearchDialog, heartbeat: QTimer, beats: list[float]) -> None:
        self.dialog, self.heartbeat, self.beats = dialog, heartbeat, beats
        self.loop = QEventLoop()
        self.watch = QTimer()
        self.watch.setInterval(1)
        self.watch.timeout.connect(self.shown)
        self.paused = 0.0
        self.wait = 0.0

    def measure(self, words: str) -> tuple[float, float]:
        """The longest stall and the wait, in milliseconds."""
        self.beats.clear()
        self.heartbeat.start()
        QTimer.singleShot(20, lambda: self.search(words))
        self.watch.start()
        self.loop.exec()
        self.heartbeat.stop()
        return max(later - earlier for earlier, later in itertools.pairwise(self.beats)) * 1000, self.wait

    def search(self, words: str) -> None:
        self.dialog.query_edit.setText(words)
        self.paused = time.perf_counter()
        self.dialog.run_search()

    def shown(self) -> None:
        if self.paused and self.dialog.summary.text() != "Searching…":
            self.wait = (time.perf_counter() - self.paused) * 1000
            self.watch.stop()
            QTimer.singleShot(20, self.loop.quit)  # the beats just after the matches are shown count too


def search_pauses(db: Path) -> None:
    window = create_window(db)
    window.resize(1366, 768)
    dialog = NotesSearchDialog(window.context, window.current_team_id, window.session_flow.actions.share_view, window)
    dialog.show()
    dialog.all_teams.setChecked(True)
    beats: list[float] = []
    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(1)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
    measured = [SearchPause(dialog, heartbeat, beats).measure(words) for words in QUERIES]
    dialog.close()
    window.close_without_asking()
    window.context.db.close()
    stalls, waits = [stall for stall, _ in measured], [wait for _, wait in measured]
    print(f"\nNote search, {len(QUERIES)} queries on {db.name} ({', '.join(QUERIES)}):")
    print(f"  longest UI-thread stall per query (1 ms heartbeat): {', '.join(f'{s:.0f}' for s in stalls)} ms")
    print(f"  pause to matches shown: median {statistics.median(waits):.0f} ms, longest {max(waits):.0f} ms")


def identifier_pauses(repeats: int) -> None:
    for label, line in NOTES.items():
        editor = QPlainTextEdit()
        warning = IdentifierWarning(editor)
        editor.setPlainText((line * (NOTE_SIZE // len(line) + 1))[:NOTE_SIZE])
        started = time.perf_counter()
        findings = len(warning.check_now())
        whole = (time.perf_counter() - started) * 1000
        print(f"\nIdentifier check, a 1 MB note of {label} ({findings:,} findings):")
        print(f"  the first check, of the whole note: {whole:.0f} ms")
        for where in ("at its end", "in its middle"):
            cursor = editor.textCursor()
            cursor.setPosition(editor.document().characterCount() - 1 if where == "at its end" else NOTE_SIZE // 2)
            times = []
            for _ in range(repeats):
                cursor.insertText(" Mrs Lee rang")  # a pause after each, as a facilitator types
                started = time.perf_counter()
                warning.check_now()
                times.append((time.perf_counter() - started) * 1000)
            print(
                f"  a pause after words typed {where}: median {statistics.median(times):.1f} ms, "
                f"longest {max(times):.1f} ms ({repeats} pauses)"
            )
        editor.setParent(None)
        editor.deleteLater()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    if args.db.exists():
        with sandbox_folder(prefix="copdesk-pauses-") as folder:
            shutil.copyfile(args.db, folder / "history.db")
            search_pauses(folder / "history.db")
    else:
        print(f"{args.db} is missing: run bench/make_history.py first (note search is not measured).")
    identifier_pauses(args.repeats)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
