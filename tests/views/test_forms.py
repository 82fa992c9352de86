"""The committed forms in copdesk/views/forms must be exactly what pyside6-uic makes from ui/."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

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
    assert committed.read_text(encoding="utf-8") == output.read_text(encoding="utf-8"), (
        "run 'make forms' and commit the result"
    )


def test_every_generated_form_says_it_is_generated() -> None:
    for generated in (ROOT / "copdesk" / "views" / "forms").glob("ui_*.py"):
        assert "WARNING! All changes made in this file will be lost" in generated.read_text(encoding="utf-8"), (
            generated.name
        )


def test_every_form_is_used_by_a_view() -> None:
    views = [p for p in (ROOT / "copdesk" / "views").rglob("*.py") if "forms" not in p.parts]
    imports = "\n".join(p.read_text(encoding="utf-8") for p in views)
    unused = [f.stem for f in UI_FILES if f"copdesk.views.forms.ui_{f.stem} import" not in imports]
    assert unused == [], "a form no view composes is dead code"


INTERACTIVE = {
    "QCheckBox",
    "QComboBox",
    "QDateEdit",
    "QDateTimeEdit",
    "QLineEdit",
    "QListView",
    "QListWidget",
    "QPlainTextEdit",
    "QPushButton",
    "QRadioButton",
    "QSpinBox",
    "QTableView",
    "QTextBrowser",
    "QTimeEdit",
    "FittedList",
}


@pytest.mark.parametrize("ui_file", UI_FILES, ids=[p.stem for p in UI_FILES])
def test_every_control_in_a_form_has_an_accessible_name(ui_file: Path) -> None:
    """Screen readers, and the tests, find controls by name: a control added in Designer must get one there."""
    root = ElementTree.parse(ui_file).getroot()
    unnamed = [
        widget.get("name")
        for widget in root.iter("widget")
        if widget.get("class") in INTERACTIVE
        and not any(p.get("name") == "accessibleName" and p.findtext("string") for p in widget.findall("property"))
    ]
    assert unnamed == []
