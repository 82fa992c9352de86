"""The standalone bundle's size on disk and start-up time, against the app run from the checkout.

Start-up is timed from just before the process is spawned to the moment the start-up backup file appears beside
the database. The app starts that backup only once the window has painted the Prepare view on the data, and a
copy of the demo database is used for every run so the backup is always due: so this is "spawn to the Prepare
view painted" plus the few milliseconds of copying the demo data, the same for both. Nothing is injected into the
bundled process (it could not be), which is why this is not bench/startup.py's paint hook. Runs alternate
(bundle, checkout, bundle, …), each with a fresh home folder, offscreen; each process is then ended with SIGTERM.
Figures only, never pass/fail.

    make dist && python bench/bundle.py [--runs 7] [--bundle dist/CoPDesk]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def _smoke_test_module() -> Any:
    """packaging/smoke_test.py, for its fresh home folder (packaging/ is a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "packaging" / "smoke_test.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


fresh_environment = _smoke_test_module().fresh_environment

TIMEOUT_S = 120


def folder_size(folder: Path) -> int:
    """Bytes on disk of the files in ``folder`` (links counted once, as the files they are)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def time_start(command: list[str], demo: Path, work: Path) -> float:
    """Milliseconds from spawn to the start-up backup of a fresh copy of ``demo``."""
    shutil.rmtree(work, ignore_errors=True)
    (work / "data").mkdir(parents=True)
    db = work / "data" / "copdesk.db"
    shutil.copy2(demo, db)
    backups = db.parent / "backups" / db.name
    env = fresh_environment(work / "home")
    env["PYTHONPATH"] = str(ROOT)
    start = time.perf_counter()
    child = subprocess.Popen([*command, "--db", str(db)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not list(backups.glob("auto-*.db")):
            if child.poll() is not None or time.perf_counter() - start > TIMEOUT_S:
                raise RuntimeError(
                    f"{command[0]} did not show its window: {child.stderr.read().decode() if child.stderr else ''}"
                )
            time.sleep(0.002)
        elapsed = (time.perf_counter() - start) * 1000
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "CoPDesk")
    args = parser.parse_args()
    gui = args.bundle / ("CoPDesk.exe" if sys.platform == "win32" else "CoPDesk")
    if not gui.is_file():
        print(f"No bundle at {args.bundle}: run 'make dist' first.")
        return 0
    size = folder_size(args.bundle)
    print(f"bundle: {args.bundle} holds {size / 1e6:.0f} MB ({size / 2**20:.0f} MiB) on disk")
    commands = {"bundle": [str(gui)], "checkout": [sys.executable, str(ROOT / "main.py")]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-") as folder:
        demo = Path(folder) / "demo.db"
        subprocess.run([str(args.bundle / "copdesk-cli"), "demo", "--db", str(demo)], check=True, capture_output=True)
        for command in commands.values():  # one untimed start each: the files are in the page cache for both
            time_start(command, demo, Path(folder) / "warm")
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(time_start(command, demo, Path(folder) / name))
    for name, values in times.items():
        print(
            f"{name}: spawn to the Prepare view painted (start-up backup written), median of {args.runs}: "
            f"{statistics.median(values):.0f} ms (from {min(values):.0f} to {max(values):.0f} ms)"
        )
    ratio = statistics.median(times["bundle"]) / statistics.median(times["checkout"])
    print(f"bundle / checkout: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
