"""The committed forms in copdesk/views/forms must be exactly what pyside6-uic makes from ui/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))


def _uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-uic")
    if found is None:
        pytest.fail("pyside6-uic is not installed; it ships with PySide6-Essentials")
    return found


def test_every_form_has_a_ui_source() -> None:
    generated = {p.name for p in (ROOT / "copdesk" / "views" / "forms").glob("ui_*.py")}
    assert generated == {f"ui_{p.stem}.py" for p in UI_FILES}
    assert UI_FILES, "at least one Designer form is expected"


@pytest.mark.parametrize("ui_file", UI_FILES, ids=[p.stem for p in UI_FILES])
def test_generated_form_matches_ui_file(ui_file: Path, tmp_path: Path) -> None:
    output = tmp_path / f"ui_{ui_file.stem}.py"
    subprocess.run([_uic(), str(ui_file), "-o", str(output)], check=True, cwd=ROOT)
    committed = ROOT / "copdesk" / "views" / "forms" / output.name
    assert committed.read_text() == output.read_text(), "run 'make forms' and commit the result"
