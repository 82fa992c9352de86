"""The masterclass reference the shipped words are checked against: ``../shared/reference/`` beside the checkout.

A developer's clone may lack it, and then the tests that need it are skipped. CI runs a fresh clone with a
read-only copy of ``../shared`` beside it, so there a missing reference is a broken set-up, never a reason to skip:
with the environment variable ``CI`` set, those tests fail and say where the file was looked for.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference" / "cop-facilitation-masterclass.txt"


def read_reference(path: Path = REFERENCE, environ: Mapping[str, str] | None = None) -> str:
    """The reference's text; skipped when it is missing on a developer's machine, failed when it is missing in CI."""
    env = os.environ if environ is None else environ
    if not path.is_file():
        if env.get("CI"):
            pytest.fail(f"CI is set but the masterclass reference is missing: {path} (../shared beside the clone)")
        pytest.skip(f"the masterclass reference is not beside this clone ({path})")
    return path.read_text(encoding="utf-8")
