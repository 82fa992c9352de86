"""Where start-up goes, from the spawn to the Prepare view painted on the ten-year data: a profile, not a timing.

Each run is a fresh process started as ``bench/startup.py`` starts the app (``run_from_command_line``, own HOME,
a copy of ``bench/out/history.db``), with probes added from outside, so the app has no benchmark-only code:

* ``builtins.__import__`` is wrapped, so the time the main thread spends loading modules is known (counted once,
  at the outermost import);
* the public functions of every ``copdesk.store`` module are wrapped as they load (also counted at the outermost
  call): the queries and the Python that turns their rows into objects;
* the start-up steps are wrapped (``claim_location``, ``_show_frame``, ``open_claimed``, ``import_panes``,
  ``inspect_existing`` in its thread, ``window_for``), and the end of the Prepare view's first paint is found as
  ``bench/startup.py`` finds it.

It prints, per step, the median wall-clock and main-thread CPU milliseconds over ``--runs`` runs, and inside the
steps after the frame: imports, store calls, the integrity check and the wait for it, and the rest (Qt: widgets
built, styled, laid out and painted). Inside the imports, the first import of sqlite-utils (with the click, pluggy
and dateutil modules it loads) is timed on its own: the required stack's share, which a bare window never pays. The
making of classes is counted too: dataclasses (each one compiles its methods) and enum classes (PySide makes one
for each Qt enum as its class is first used). Last,
the stylesheet is applied to the built window again and timed: what
style polish costs for the window as built. The probes add some time, so the totals run a little over
``bench/startup.py``'s. Figures only, never pass/fail.

    python bench/startup_breakdown.py [--runs 5] [--db bench/out/history.db]
"""

from __future__ import annotations

import argparse
import builtins
import functools
import itertools
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = ROOT / "bench" / "out" / "history.db"
STEPS = (
    ("interpreter", "the interpreter starts"),
    ("app_import", "copdesk.app imported"),
    ("qapplication", "QApplication created"),
    ("claim", "start-up modules, data location and instance lock"),
    ("frame", "the frame built and painted"),
    ("open", "the file checked, opened, the panes' modules loaded"),
    ("build", "the panes built on the data (open_data)"),
    ("paint", "layout, style polish and paint of the Prepare view"),
)
OPENING_MODULES = {
    "connection",
    "opening_checks",
    "migrations",
    "backup",
    "backup_catalogue",
    "location",
    "recovery",
}  # not queries
DETAILED = ("claim", "frame", "open", "build", "paint")


# -- the child ------------------------------------------------------------------------------------------


class Probes:
    """Intervals (wall start, wall end) of the main thread's outermost imports and store calls, and named steps."""

    def __init__(self) -> None:
        self.main = threading.get_ident()
        self.imports: list[tuple[float, float]] = []
        self.store: list[tuple[float, float]] = []
        self.steps: dict[str, tuple[float, float, float, float]] = {}  # wall start, end; CPU start, end
        self.marks: dict[str, tuple[float, float]] = {}  # wall, main-thread CPU
        self._depth = {"imports": 0, "store": 0}
        self._patched: set[str] = set()
        self.on_load: dict[str, Callable[[Any], None]] = {}  # more probes for a module, once, when it has loaded
        self.checked: list[float] = []  # the integrity check: wall start, wall end, its thread's CPU
        self.classes = {"dataclasses": [0, 0.0], "enums": [0, 0.0]}  # made on the main thread: count, CPU seconds
        self.stack_import: tuple[float, float] | None = None  # the first import of sqlite-utils, wall start and end

    def count_class_making(self) -> None:
        """Time the making of every dataclass and enum class (PySide makes one per Qt enum when first used)."""
        import dataclasses
        import enum

        def counted(kind: str, make: Callable[..., Any]) -> Callable[..., Any]:
            def making(*args: Any, **kwargs: Any) -> Any:
                if threading.get_ident() != self.main:
                    return make(*args, **kwargs)
                started = time.thread_time()
                try:
                    return make(*args, **kwargs)
                finally:
                    self.classes[kind][0] += 1
                    self.classes[kind][1] += time.thread_time() - started

            return making

        dataclasses._process_class = counted("dataclasses", dataclasses._process_class)  # type: ignore[attr-defined]
        enum.EnumType.__new__ = counted("enums", enum.EnumType.__new__)  # type: ignore[method-assign]

    def mark(self, name: str) -> None:
        self.marks[name] = (time.monotonic(), time.thread_time())

    def _outermost(self, kind: str, call: Callable[[], Any]) -> Any:
        if threading.get_ident() != self.main or self._depth[kind]:
            if threading.get_ident() == self.main:
                self._depth[kind] += 1
                try:
                    return call()
                finally:
                    self._depth[kind] -= 1
            return call()
        self._depth[kind] += 1
        started = time.monotonic()
        try:
            return call()
        finally:
            self._depth[kind] -= 1
            getattr(self, kind).append((started, time.monotonic()))

    def install_import_timer(self) -> None:
        original = builtins.__import__

        def timed_import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level: int = 0) -> Any:
            first_of_the_stack = name.partition(".")[0] == "sqlite_utils" and "sqlite_utils" not in sys.modules
            started = time.monotonic()
            module = self._outermost("imports", lambda: original(name, globals, locals, fromlist, level))
            if first_of_the_stack and threading.get_ident() == self.main:
                self.stack_import = (started, time.monotonic())
            self._patch_store(name, fromlist)
            for candidate in (name, *(f"{name}.{item}" for item in fromlist or () if isinstance(item, str))):
                if candidate in self.on_load and candidate in sys.modules:  # the import of it has returned
                    self.on_load.pop(candidate)(sys.modules[candidate])
            return module

        builtins.__import__ = timed_import

    def _patch_store(self, name: str, fromlist: Any) -> None:
        for candidate in (name, *(f"{name}.{item}" for item in fromlist or () if isinstance(item, str))):
            module = sys.modules.get(candidate)
            opening = candidate.rsplit(".", 1)[-1] in OPENING_MODULES
            if not candidate.startswith("copdesk.store.") or candidate in self._patched or module is None:
                continue
            self._patched.add(candidate)
            for attribute, value in list(vars(module).items()):
                ours = callable(value) and getattr(value, "__module__", None) == candidate
                if ours and attribute[0] != "_" and not isinstance(value, type) and not opening:
                    setattr(module, attribute, self._counted(value))

    def _counted(self, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def counted(*args: Any, **kwargs: Any) -> Any:
            return self._outermost("store", lambda: function(*args, **kwargs))

        return counted

    def step(self, owner: Any, attribute: str, name: str) -> None:
        """Record the wall and main-thread CPU interval of each call of ``owner.attribute`` (the last one wins)."""
        function = getattr(owner, attribute)

        @functools.wraps(function)
        def stepped(*args: Any, **kwargs: Any) -> Any:
            wall, cpu = time.monotonic(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.steps[name] = (wall, time.monotonic(), cpu, time.thread_time())

        setattr(owner, attribute, stepped)


def child(db_path: str) -> int:
    probes = Probes()
    probes.mark("interpreter")
    probes.install_import_timer()
    probes.count_class_making()
    import copdesk.app

    probes.mark("app_import")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    probes.mark("qapplication")
    import copdesk.startup
    from copdesk.views.shell import main_window

    probes.step(copdesk.startup, "claim_location", "claim_location")
    probes.step(copdesk.app, "_show_frame", "frame")
    probes.step(copdesk.startup, "open_claimed", "open")
    probes.step(main_window, "import_panes", "import_panes")
    probes.step(copdesk.app, "window_for", "build")

    class Painted:
        seen = False

        def finish(self) -> None:
            probes.mark("painted")
            made = {kind: list(value) for kind, value in probes.classes.items()}
            window = next(w for w in app.topLevelWidgets() if isinstance(w, main_window.MainWindow))
            started = time.thread_time()
            window.setStyleSheet(window.styleSheet() + " ")
            app.processEvents()
            restyle_ms = (time.thread_time() - started) * 1000
            print(json.dumps({**_figures(probes, restyle_ms), "classes": made}), flush=True)
            app.exit(0)

    watcher = Painted()

    def watch_prepare_view(review_panel: Any) -> None:
        prepare_paint = review_panel.ReviewPanel.paintEvent

        def paint_event(panel: Any, event: Any) -> None:
            if not watcher.seen:
                watcher.seen = True
                QTimer.singleShot(0, watcher.finish)  # after the rest of this paint pass
            prepare_paint(panel, event)

        review_panel.ReviewPanel.paintEvent = paint_event

    probes.on_load["copdesk.views.prepare.review_panel"] = watch_prepare_view
    probes.on_load["copdesk.store.connection"] = lambda module: _time_the_check(module, probes)
    return copdesk.app.run_from_command_line(["--db", db_path])


def _time_the_check(module: Any, probes: Probes) -> None:
    """Wrap ``inspect_existing``, which runs in its own thread beside the import of the panes' modules."""
    inspect = module.inspect_existing

    def inspect_existing(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.monotonic(), time.thread_time()
        try:
            return inspect(*args, **kwargs)
        finally:
            probes.checked.extend([wall, time.monotonic(), time.thread_time() - cpu])

    module.inspect_existing = inspect_existing


def _inside(intervals: list[tuple[float, float]], start: float, end: float) -> float:
    return sum(max(0.0, min(b, end) - max(a, start)) for a, b in intervals)


def _figures(probes: Probes, restyle_ms: float) -> dict[str, Any]:
    """Each step's wall and CPU (ms from the spawn's clock), and what imports, store calls and the check took in it."""
    marks, steps = probes.marks, probes.steps
    boundaries = {
        "interpreter": marks["interpreter"],
        "app_import": marks["app_import"],
        "qapplication": marks["qapplication"],
        "claim": (steps["frame"][0], steps["frame"][2]),
        "frame": (steps["frame"][1], steps["frame"][3]),
        "open": (steps["open"][1], steps["open"][3]),
        "build": (steps["build"][1], steps["build"][3]),
        "paint": marks["painted"],
    }
    figures: dict[str, Any] = {"ends": {name: list(value) for name, value in boundaries.items()}, "parts": {}}
    names = [name for name, _label in STEPS]
    for previous, name in itertools.pairwise(names):
        start, end = boundaries[previous][0], boundaries[name][0]
        figures["parts"][name] = {
            "imports": _inside(probes.imports, start, end),
            "store": _inside(probes.store, start, end),
        }
    checked = probes.checked
    if checked:
        panes_end = steps["import_panes"][1]
        figures["check"] = {
            "wall": checked[1] - checked[0],
            "cpu": checked[2],
            "wait": max(0.0, checked[1] - panes_end),
        }
    figures["restyle_ms"] = restyle_ms
    if probes.stack_import is not None:
        figures["stack_import_ms"] = (probes.stack_import[1] - probes.stack_import[0]) * 1000
    return figures


# -- the parent -----------------------------------------------------------------------------------------


def spawn(db_path: Path, env: dict[str, str]) -> dict[str, Any]:
    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, __file__, "--child", str(db_path)],
        check=False,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    lines = [line for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise SystemExit(f"the child failed (exit {process.returncode}):\n{process.stdout}\n{process.stderr}")
    figures: dict[str, Any] = json.loads(lines[-1])
    figures["spawned"] = started
    return figures


def report(runs: list[dict[str, Any]]) -> None:
    def median(values: list[float]) -> float:
        return statistics.median(values) * 1000

    print(f"\nwhere start-up goes, median of {len(runs)} runs (wall ms from the spawn; main-thread CPU ms; probes on)")
    previous_wall = [0.0] * len(runs)
    previous_cpu = [0.0] * len(runs)
    for name, label in STEPS:
        ends = [run["ends"][name] for run in runs]
        walls = [end[0] - run["spawned"] for end, run in zip(ends, runs, strict=True)]
        step_wall = median([w - p for w, p in zip(walls, previous_wall, strict=True)])
        step_cpu = median([end[1] - p for end, p in zip(ends, previous_cpu, strict=True)])
        print(f"  {median(walls):6.0f}  +{step_wall:5.0f} wall, {step_cpu:5.0f} CPU  {label}")
        if name in DETAILED:
            parts = [run["parts"][name] for run in runs]
            imports, store = median([p["imports"] for p in parts]), median([p["store"] for p in parts])
            line = f"{'':17}of which imports {imports:.0f} ms, store calls (queries and their rows) {store:.0f} ms"
            if name == "open" and all("check" in run for run in runs):
                checks = [run["check"] for run in runs]
                line += (
                    f"; the integrity check took {median([c['wall'] for c in checks]):.0f} ms in its thread "
                    f"(CPU {median([c['cpu'] for c in checks]):.0f} ms), "
                    f"waited for {median([c['wait'] for c in checks]):.0f} ms"
                )
            print(line)
        previous_wall, previous_cpu = walls, [end[1] for end in ends]
    for kind, what in (("dataclasses", "dataclasses"), ("enums", "enum classes (most of them Qt's)")):
        count = statistics.median(run["classes"][kind][0] for run in runs)
        spent = statistics.median(run["classes"][kind][1] for run in runs) * 1000
        print(f"  {count:.0f} {what} made on the main thread by then, in {spent:.0f} ms CPU (most inside the imports)")
    stack = [run["stack_import_ms"] for run in runs if "stack_import_ms" in run]
    if stack:
        spent = statistics.median(stack)
        print(f"  of the imports, sqlite-utils (with click, pluggy and dateutil's parser) {spent:.0f} ms: the stack's")
    restyle = statistics.median(run["restyle_ms"] for run in runs)
    print(f"  the stylesheet applied to the built window again: {restyle:.0f} ms (style polish of every widget)")


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(sys.argv[2])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="profiled runs (default 5)")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="the ten-year database (bench/make_history.py)")
    args = parser.parse_args()
    if not args.db.exists():
        print(f"{args.db} is missing: run bench/make_history.py first.")
        return 0
    from startup import _environment  # bench/ is on the path when run as a script

    with tempfile.TemporaryDirectory(prefix="copdesk-breakdown-") as tmp:
        home = Path(tmp) / "home"
        home.mkdir()
        db_path = Path(tmp) / "data" / "history.db"
        db_path.parent.mkdir(mode=0o700)
        shutil.copyfile(args.db, db_path)
        env = _environment(home)
        spawn(db_path, env)  # warm-up, not counted
        report([spawn(db_path, env) for _ in range(args.runs)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
