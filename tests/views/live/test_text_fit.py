"""Every word of the Live page is visible at 1366×768, at 1024×768 (the least width the window takes), at 1024×640
(its least size) and at 200%:
nothing is cut or elided unless the whole text is one hover away and the cut falls between words.

The check (``tests/views/text_fit.py``) walks every visible label, button, check box, tab, header section, item
view cell, roster tile and agenda row of the real window, on the demo data, in each state of the Live page: 2, 7,
12 and 30 people present: the Start dialog's two pages, each segment of the agenda, a suggestion shown (and the
identifier warning under the notes beside it), each tab of the notes (actions, issues, learning, parked items,
escalations) and the summary at the end, with the demo's follow-ups listed.

200%: a Windows laptop at 200% scaling with a 2732×1536 panel lays windows out in 1366×768 logical pixels, each
drawn as 2×2 device pixels, and Qt measures text at that resolution (hinting can make words a pixel or two wider).
The second test runs the same check in a process of its own with ``QT_SCALE_FACTOR=2`` on an offscreen screen of
2732×1536 device pixels, so every logical size is doubled on the device exactly as there. The scale factor is
read once, when Qt starts, hence the separate process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.views.text_fit_states import LAPTOP, MIN_STATES_PER_GROUP, NARROW, PEOPLE, SMALLEST, check_states

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("size", [LAPTOP, NARROW, SMALLEST], ids=["1366x768", "1024x768", "1024x640"])
def test_every_word_fits(qtbot: object, demo_db: Path, size: tuple[int, int]) -> None:
    """At the laptop's size, at the least width the window takes (1024, at the laptop's height), and at its least
    size."""
    states, report = check_states(demo_db, size)
    print(f"text fit at {size[0]}x{size[1]}: {states} states, {report.checked} widgets and cells checked")
    assert states >= len(PEOPLE) * MIN_STATES_PER_GROUP and report.checked > 2000
    assert report.problems == [], "\n".join(report.problems)


def test_every_word_fits_at_200_percent(demo_db: Path, tmp_path: Path) -> None:
    screen = tmp_path / "screen.json"
    laptop = {"name": "laptop", "x": 0, "y": 0, "width": 2732, "height": 1536, "logicalDpi": 96, "dpr": 1}
    screen.write_text(json.dumps({"screens": [laptop]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}", "QT_SCALE_FACTOR": "2"}
    run = subprocess.run(
        [sys.executable, "-m", "tests.views.text_fit_states", str(demo_db)],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    print(f"text fit at 200%: {result['states']} states, {result['checked']} widgets and cells checked")
    assert result["states"] >= len(PEOPLE) * MIN_STATES_PER_GROUP and result["checked"] > 2000
    assert result["problems"] == [], "\n".join(result["problems"])
