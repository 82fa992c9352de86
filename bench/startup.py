"""Start-up time and peak memory: CoPDesk on the ten-year database against a bare PySide6 QMainWindow.

Each run is a fresh process, timed from just before it is spawned to the end of the main window's first paint
pass (the first call of its ``paintEvent``, plus the rest of that pass), found the same way for both windows:
the child wraps the window class's ``paintEvent`` (the app has no benchmark-only code). An application-wide
event filter would hand every event of every widget to Python, and slow a window with many widgets far more
than an empty one, so it is installed only after that first paint, to time the first paint of the Prepare
view on the data (the widget named ``reviewPanel``): CoPDesk paints its window's frame before it opens the
database, and this is when the facilitator can read it. The app's child goes
through exactly what ``python main.py --db PATH`` does (it imports ``copdesk.app``, then
``run_from_command_line``: data location, instance lock, the window, checks of the file, the automatic backup);
it only creates the QApplication first, as the bare window's child does, so the filter can be installed. Three
kinds of run alternate:

* bare: a QApplication and an empty QMainWindow at 1366x768;
* app, data changed: a row was written since the last start, so the start-up backup of the 40 MB file is due
  (what a facilitator gets on most days);
* app, unchanged: nothing written since the last start, so no backup is due.

Every child runs with its own HOME and XDG folders (QSettings, the data-location choice and caches stay out of
the user's), on a copy of ``bench/out/history.db`` in a temporary folder, so backups land there. Peak RSS is
the child's maximum resident set over its whole life (``os.wait4``), which includes any work the app does
after the first paint; the child stays up for ``SETTLE_MS`` after the paint before it quits. The CPU time
the child had used by its first paint (``time.process_time``, every thread) is printed too: on a machine
busy with other work the wall-clock figures grow, and the CPU times show how much of a start was the app's
own work. Figures only, never pass/fail.

    python bench/startup.py [--runs 10] [--db bench/out/history.db]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
SETTLE_MS = 1500
KINDS = ("bare", "app, data changed", "app, unchanged")
GOAL_RATIO = 1.5


@dataclass(frozen=True)
class Run:
    seconds: float  # from spawn to the end of the first paint
    ready_seconds: float  # from spawn to the end of the Prepare view's first paint (the first paint for bare)
    cpu_seconds: float  # CPU time the child had used by then
    hwm_kb: int  # VmHWM after the settle time
    peak_kb: int  # maximum resident set over the child's life


# -- the child ------------------------------------------------------------------------------------------


def child(kind: str, db_path: str) -> int:
    """Runs in the spawned process: show a window and print when its first paint ended."""
    if kind != "bare":
        import copdesk.app  # noqa: F401 - first, as main.py imports it

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    app = QApplication([sys.argv[0]])

    class FirstPaint(QObject):
        """Notes the end of the main window's first paint pass and of the Prepare view's, then quits."""

        painted_at: float | None = None
        ready_at: float | None = None
        cpu_at_paint = 0.0

        def window_painting(self) -> None:
            if self.painted_at is None:
                self.painted_at = -1.0
                QTimer.singleShot(0, self.paint_pass_ended)  # after every widget of this pass has painted

        def paint_pass_ended(self) -> None:
            self.painted_at = time.monotonic()
            self.cpu_at_paint = time.process_time()
            if kind == "bare":
                self.ready()
            else:
                app.installEventFilter(self)  # only now: it sees every event, and slows what it sees

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painted = event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
            if self.ready_at is None and painted and watched.objectName() == "reviewPanel":
                self.ready_at = -1.0
                QTimer.singleShot(0, self.ready)
            return False

        def ready(self) -> None:
            self.ready_at = time.monotonic()
            QTimer.singleShot(SETTLE_MS, self.finish)

        def finish(self) -> None:
            figures = {
                "first_paint": self.painted_at,
                "ready": self.ready_at,
                "cpu": self.cpu_at_paint,
                "vm_hwm_kb": _vm_hwm_kb(),
            }
            print(json.dumps(figures), flush=True)
            app.closeAllWindows()
            app.exit(0)

    watcher = FirstPaint()

    def timed(window_class: type[QMainWindow]) -> None:
        """The window class's paintEvent, first telling the watcher (its timer then runs before the app's)."""
        paint = window_class.paintEvent

        def paint_event(window: QWidget, event: QPaintEvent) -> None:
            watcher.window_painting()
            paint(window, event)

        window_class.paintEvent = paint_event  # type: ignore[method-assign]

    if kind == "bare":

        class Bare(QMainWindow):
            """An empty QMainWindow, its paintEvent timed as the app's window's is."""

        timed(Bare)
        window = Bare()
        window.resize(1366, 768)
        window.show()
        return app.exec()
    from copdesk.app import run_from_command_line
    from copdesk.views.shell.main_window import MainWindow

    timed(MainWindow)
    return run_from_command_line(["--db", db_path])


def _vm_hwm_kb() -> int:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


# -- the parent -----------------------------------------------------------------------------------------


def _environment(home: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "COPDESK_DB"}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONDONTWRITEBYTECODE="",
    )
    return env


def _change_data(db_path: Path, run: int) -> None:
    """A commit since the last start, as any day's use leaves: the start-up backup becomes due."""
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('bench.startup', ?)", [str(run)])
    conn.commit()
    conn.close()


def spawn(kind: str, db_path: Path, env: dict[str, str]) -> Run:
    """One child, timed and measured."""
    child_kind = "bare" if kind == "bare" else "app"
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", child_kind, str(db_path)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None and process.stderr is not None
    out = process.stdout.read()
    err = process.stderr.read()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise SystemExit(f"the {kind} child failed (exit {process.returncode}):\n{out}\n{err}")
    figures = json.loads(lines[-1])
    return Run(
        figures["first_paint"] - started,
        figures["ready"] - started,
        figures["cpu"],
        int(figures["vm_hwm_kb"]),
        int(usage.ru_maxrss),
    )


def run(runs: int, source: Path) -> dict[str, list[Run]]:
    results: dict[str, list[Run]] = {kind: [] for kind in KINDS}
    with tempfile.TemporaryDirectory(prefix="copdesk-startup-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        db_path = Path(tmp) / "data" / "history.db"
        db_path.parent.mkdir(mode=0o700)
        shutil.copyfile(source, db_path)
        env = _environment(home)
        for kind in KINDS:  # warm-up, not counted: file caches, the first automatic backup, QSettings
            spawn(kind, db_path, env)
        for index in range(runs):
            for kind in KINDS:
                if kind == "app, data changed":
                    _change_data(db_path, index)
                results[kind].append(spawn(kind, db_path, env))
            print(f"  run {index + 1}/{runs} done", file=sys.stderr, flush=True)
        from copdesk.store.connection import backup_folder

        backups = sorted(p.name for p in backup_folder(db_path).glob("*.db"))
        print(f"backups kept at the end: {len(backups)} ({', '.join(backups)})")
    return results


def report(results: dict[str, list[Run]], runs: int) -> None:
    bare = results["bare"]
    bare_ms = statistics.median(r.seconds for r in bare) * 1000
    bare_cpu = statistics.median(r.cpu_seconds for r in bare) * 1000
    bare_peak = statistics.median(r.peak_kb for r in bare)
    print(f"\nstart-up to first paint, median of {runs} runs each (alternating), peak RSS over the whole run:")
    for kind, rows in results.items():
        median_ms = statistics.median(r.seconds for r in rows) * 1000
        spread = f"{min(r.seconds for r in rows) * 1000:.0f}-{max(r.seconds for r in rows) * 1000:.0f} ms"
        cpu_ms = statistics.median(r.cpu_seconds for r in rows) * 1000
        ready_ms = statistics.median(r.ready_seconds for r in rows) * 1000
        hwm = statistics.median(r.hwm_kb for r in rows) / 1024
        peak = statistics.median(r.peak_kb for r in rows)
        ratios = (
            ""
            if kind == "bare"
            else f"  time {median_ms / bare_ms:.2f}x, CPU {cpu_ms / bare_cpu:.2f}x, peak RSS {peak / bare_peak:.2f}x"
        )
        print(
            f"  {kind:<18} {median_ms:6.0f} ms ({spread}), CPU {cpu_ms:4.0f} ms, "
            f"RSS after paint {hwm:4.0f} MB, peak {peak / 1024:4.0f} MB{ratios}"
        )
        if kind != "bare":
            print(f"  {'':<18} Prepare view on the data painted at {ready_ms:.0f} ms ({ready_ms / bare_ms:.2f}x)")
    print(f"goals: time and peak RSS at most {GOAL_RATIO}x the bare window's")


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each kind (default 10)")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the ten-year database (bench/make_history.py)")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/make_history.py first.")
        return 0
    report(run(args.runs, args.db), args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
