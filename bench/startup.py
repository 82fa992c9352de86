"""Start-up time and peak memory: CoPDesk on the ten-year database against a bare PySide6 QMainWindow.

Each run is a fresh process, timed from just before it is spawned to the end of the main window's first paint
pass (the first call of its ``paintEvent``, plus the rest of that pass), found the same way for both windows:
the child wraps the window class's ``paintEvent`` (the app has no benchmark-only code). CoPDesk paints its
window's frame before it opens the database; the headline is the end of the first paint pass of the Prepare view
on the data (``ReviewPanel``, found the same way), when the facilitator can read it. Only those two methods are
wrapped: an application-wide event filter would hand every event of every widget to Python, and slow a window
with many widgets more than an empty one (earlier versions of this script used one after the frame's paint).
The app's child goes through exactly what ``python main.py --db PATH`` does (it imports ``copdesk.app``, then
``run_from_command_line``: data location, instance lock, the window, checks of the file, the automatic backup);
the two classes are wrapped as their modules load (an import hook), before any instance exists. Four
kinds of run alternate:

* bare: a QApplication and an empty QMainWindow at 1366x768;
* floor: the bare window that has also imported ``sqlite3`` and ``sqlite_utils`` and opened the same database (a
  query read from it), both before Qt: the least memory the required stack can take, the base of the memory
  goal (imported after Qt, PySide would read and keep the source of every module of sqlite-utils, click, pluggy
  and dateutil, about 5 MB more; see ``copdesk.qt_start.spare_pyside_source_reads``);
* app, data changed: a row was written since the last start, so the start-up backup of the 40 MB file is due
  (what a facilitator gets on most days);
* app, unchanged: nothing written since the last start, so no backup is due.

Every child runs with its own HOME and XDG folders (QSettings, the data-location choice and caches stay out of
the user's), on a copy of ``bench/out/history.db`` in a temporary folder, so backups land there. Peak RSS is
the child's maximum resident set over its whole life (``os.wait4``), which includes any work the app does
after the first paint; the child stays up for ``SETTLE_MS`` after the paint before it quits. The CPU time
the child had used by its first paint (``time.process_time``, every thread) is printed too: on a machine
busy with other work the wall-clock figures grow, and the CPU times show how much of a start was the app's
own work. The headline is the Prepare view's paint against the bare window's first paint (goal: at most
2.5x), and peak RSS against the floor's (goal: at most 1.3x). ``bench/startup_breakdown.py`` shows where the
time between the two goes. Figures only, never pass/fail.

    python bench/startup.py [--runs 10] [--db bench/out/history.db]
"""

from __future__ import annotations

import argparse
import builtins
import json
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
SETTLE_MS = 1500
KINDS = ("bare", "floor", "app, data changed", "app, unchanged")
APP_KINDS = ("app, data changed", "app, unchanged")
GOAL_TIME_RATIO = 2.5  # the Prepare view on the data painted, against the bare window's first paint
GOAL_MEMORY_RATIO = 1.3  # peak RSS against the floor's


@dataclass(frozen=True)
class Run:
    seconds: float  # from spawn to the end of the first paint
    ready_seconds: float  # from spawn to the end of the Prepare view's first paint (the first paint for bare)
    cpu_seconds: float  # CPU time the child had used by then
    hwm_kb: int  # VmHWM after the settle time
    peak_kb: int  # maximum resident set over the child's life


# -- the child ------------------------------------------------------------------------------------------


def child(kind: str, db_path: str) -> int:
    """Runs in the spawned process: show a window and print when its first paint ended.

    The app's child runs as ``python main.py --db PATH`` does, in the same order: it imports ``copdesk.app`` and
    calls ``run_from_command_line``, which loads Qt and creates the QApplication; the main window's class and the
    Prepare view's are wrapped as soon as their modules have loaded (an import hook), before any instance exists.
    """
    if kind == "app":
        import copdesk.app  # first, as main.py imports it

        _when_loaded(
            {
                ("copdesk.views.shell.main_window", "MainWindow"): lambda window_class: _watch(kind, window_class),
                ("copdesk.views.prepare.review_panel", "ReviewPanel"): _watch_prepare_view,
            }
        )
        return copdesk.app.run_from_command_line(["--db", db_path])
    if kind == "floor":
        _open_with_the_required_stack(db_path)
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])

    class Bare(QMainWindow):
        """An empty QMainWindow, its paintEvent timed as the app's window's is."""

    _watch(kind, Bare)
    window = Bare()
    window.resize(1366, 768)
    window.show()
    return app.exec()


def _when_loaded(targets: dict[tuple[str, str], Callable[[Any], None]]) -> None:
    """For each ``(module, attribute)``, call its ``then(module.attribute)`` once the module has defined it
    (whoever imports it, first); the import hook goes once all are found."""
    original = builtins.__import__
    waiting = dict(targets)

    def watching(*args: Any, **kwargs: Any) -> Any:
        module = original(*args, **kwargs)
        for (name, attribute), then in list(waiting.items()):
            defined = getattr(sys.modules.get(name), attribute, None)
            if defined is not None:
                del waiting[(name, attribute)]
                then(defined)
        if not waiting:
            builtins.__import__ = original
        return module

    builtins.__import__ = watching


_WATCHERS: list[Any] = []  # the watcher lives as long as the child


def _watch(kind: str, window_class: Any) -> None:
    """Wrap ``window_class.paintEvent`` to note the end of its first paint pass (then, for the app, wait for the
    Prepare view's: :func:`_watch_prepare_view`)."""
    from PySide6.QtCore import QObject, QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QWidget

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
            if kind != "app":
                self.ready()

        def prepare_view_painting(self) -> None:
            if self.ready_at is None and self.painted_at is not None:
                self.ready_at = -1.0
                QTimer.singleShot(0, self.ready)  # after the rest of this paint pass

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
            app = QApplication.instance()
            assert isinstance(app, QApplication)
            app.closeAllWindows()
            app.exit(0)

    watcher = FirstPaint()
    _WATCHERS.append(watcher)
    paint = window_class.paintEvent

    def paint_event(window: QWidget, event: QPaintEvent) -> None:
        watcher.window_painting()
        paint(window, event)

    window_class.paintEvent = paint_event


def _watch_prepare_view(panel_class: Any) -> None:
    """Wrap the Prepare view's ``paintEvent`` to tell the window's watcher of its first paint."""
    paint = panel_class.paintEvent

    def paint_event(panel: Any, event: Any) -> None:
        _WATCHERS[-1].prepare_view_painting()
        paint(panel, event)

    panel_class.paintEvent = paint_event


def _open_with_the_required_stack(db_path: str) -> None:
    """What any window on this database must load: SQLite, sqlite-utils, and the file open with a row read."""
    import sqlite3

    import sqlite_utils

    database = sqlite_utils.Database(sqlite3.connect(db_path), execute_plugins=False)
    database.execute("SELECT count(*) FROM session").fetchone()
    _KEPT.append(database)  # open for the child's life, as the app keeps its database


_KEPT: list[object] = []


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
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('bench.startup', ?)", [str(run)])
    conn.commit()
    conn.close()


def spawn(kind: str, db_path: Path, env: dict[str, str]) -> Run:
    """One child, timed and measured."""
    import subprocess

    child_kind = kind if kind in ("bare", "floor") else "app"
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", child_kind, str(db_path)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
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
    import shutil
    import tempfile

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


def _median_ms(rows: list[Run], field: str) -> float:
    import statistics

    return float(statistics.median(getattr(r, field) for r in rows)) * 1000


def _spread(rows: list[Run], field: str) -> str:
    values = [getattr(r, field) * 1000 for r in rows]
    return f"{min(values):.0f}-{max(values):.0f} ms"


def report(results: dict[str, list[Run]], runs: int) -> None:
    """The headline first: the Prepare view on the data against the bare window, then the frame and memory."""
    import statistics

    bare, floor = results["bare"], results["floor"]
    bare_ms, bare_cpu = _median_ms(bare, "seconds"), _median_ms(bare, "cpu_seconds")
    bare_peak = statistics.median(r.peak_kb for r in bare)
    floor_peak = statistics.median(r.peak_kb for r in floor)
    print(f"\nmedians of {runs} alternating runs of each kind; the bare window's first paint took {bare_ms:.0f} ms")
    print(f"(spread {_spread(bare, 'seconds')}), CPU {bare_cpu:.0f} ms, peak RSS {bare_peak / 1024:.0f} MB")
    floor_what = "bare + sqlite3 + sqlite_utils + the database opened, before Qt"
    print(f"the floor ({floor_what}): peak RSS {floor_peak / 1024:.0f} MB")
    for kind in APP_KINDS:
        rows = results[kind]
        ready_ms, frame_ms = _median_ms(rows, "ready_seconds"), _median_ms(rows, "seconds")
        peak = statistics.median(r.peak_kb for r in rows)
        after_paint = statistics.median(r.hwm_kb for r in rows) / 1024
        print(f"\n{kind}:")
        print(
            f"  Prepare view on the data painted: {ready_ms:.0f} ms ({_spread(rows, 'ready_seconds')}), "
            f"{ready_ms / bare_ms:.2f}x the bare window (goal at most {GOAL_TIME_RATIO}x)"
        )
        print(
            f"  the window's frame painted: {frame_ms:.0f} ms ({_spread(rows, 'seconds')}), {frame_ms / bare_ms:.2f}x; "
            f"CPU by then {_median_ms(rows, 'cpu_seconds'):.0f} ms ({_median_ms(rows, 'cpu_seconds') / bare_cpu:.2f}x)"
        )
        print(
            f"  peak RSS {peak / 1024:.0f} MB: {peak / floor_peak:.2f}x the floor (goal at most {GOAL_MEMORY_RATIO}x), "
            f"{peak / bare_peak:.2f}x the bare window; RSS after the paint {after_paint:.0f} MB"
        )


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
