"""``make bench``: run every benchmark script in bench/ in turn; each prints its own figures and ratios.

Benchmarks never pass or fail on a timing: they report, and the README quotes the latest figures.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ORDER = [
    "make_history.py",
    "startup.py",
    "startup_breakdown.py",
    "review.py",
    "typing_burst.py",
    "typing_pauses.py",
    "timer_drift.py",
]


def main() -> int:
    scripts = [BENCH / name for name in ORDER if (BENCH / name).exists()]
    scripts += sorted(p for p in BENCH.glob("*.py") if p.name not in ORDER and p.name != Path(__file__).name)
    if not scripts:
        print("No benchmarks yet.")
        return 0
    failures = 0
    for script in scripts:
        print(f"\n== {script.name} ==", flush=True)
        failures += subprocess.run([sys.executable, str(script)], check=False).returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
