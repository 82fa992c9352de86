"""The standalone bundle: built from packaging/copdesk.spec exactly as ``make dist`` builds it, then smoke-tested.

The smoke test (``packaging/smoke_test.py``, also run by ``make smoke`` and by the release workflow on Windows and
macOS) runs the bundle's own executables from a fresh home folder: the CLI's demo, check, review and PDF export,
the shipped assets, and the window shown offscreen, then stopped with SIGTERM, leaving no process and no lock.
Here the bundle is built into a temporary folder, so a ``dist/`` of the developer's is never touched, and the
checkout's ``db/`` and ``resources/`` are not beside it: the bundle must carry its own.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UNUSED_QT_LIBRARIES = ("Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "Qt6WebEngine", "Qt6Multimedia", "Qt6Sql")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail(
            "PyInstaller is missing: install the dist extra (make test does: pip install -e '.[test,dev,dist]')"
        )
    out = tmp_path_factory.mktemp("bundle")
    build = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    build += [
        "--distpath",
        str(out / "dist"),
        "--workpath",
        str(out / "build"),
        str(ROOT / "packaging" / "copdesk.spec"),
    ]
    result = subprocess.run(
        build, capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=out, timeout=1200, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return out / "dist" / "CoPDesk"


@pytest.mark.slow
def test_the_bundle_holds_both_executables_over_one_set_of_libraries(bundle: Path) -> None:
    suffix = ".exe" if sys.platform == "win32" else ""
    assert (bundle / f"CoPDesk{suffix}").is_file() and (bundle / f"copdesk-cli{suffix}").is_file()
    internal = bundle / "_internal"
    assert (internal / "copdesk" / "_data" / "db" / "0001_initial.sql").is_file()
    assert (internal / "copdesk" / "_data" / "resources" / "style" / "copdesk.qss").is_file()
    names = [path.name for path in internal.rglob("*")]
    assert [name for name in names if any(unused in name for unused in UNUSED_QT_LIBRARIES)] == []
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    # The icons are drawn in each theme's colours through Qt's SVG image reader (copdesk.views.widgets.theme).
    readers = [path.name for path in internal.rglob("*") if path.parent.name == "imageformats"]
    assert [name for name in readers if name.startswith(("libqsvg", "qsvg"))], readers


@pytest.mark.slow
def test_the_bundle_passes_its_smoke_test(bundle: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "COPDESK_DB"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(bundle)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=900,
        check=False,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("smoke test passed")
