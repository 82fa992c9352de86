"""kill -9 during erase and retention on a realistic history (two teams, three years, backups, legacy, nested and
quarantined copies, leftovers of an interrupted run), with a damaged backup or another program reading: after the
command is rerun as it says, no byte of erased or deleted data is left in any file, and no database is damaged.

The history and the checks are :mod:`tests.reliability.sweep`'s, which runs many more cases as a script.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.reliability.sweep import FAULTS, Figures, run_case


@pytest.mark.slow
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("kind", ["erase", "retention"])
def test_kill_9_and_faults_leave_no_erased_data_and_no_damage(tmp_path: Path, kind: str, fault: str) -> None:
    figures = Figures()
    run_case(tmp_path, kind, random.Random(f"{kind}-{fault}"), figures, fault)
    assert figures.cases == 1 and figures.faults >= 2  # the rename and the leftovers, besides kills that landed
    assert figures.found == []
    assert figures.damaged == []
