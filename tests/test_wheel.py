"""The installed layout works: build the wheel, install it into a fresh venv, and run its own launchers.

How it installs without a network, and why that is the real thing:

* ``venv.create(with_pip=True)`` bootstraps pip from the copy bundled with Python (``ensurepip``, offline).
* That pip installs CoPDesk's wheel with ``--no-deps --no-index``, as a user's pip would install it, so it writes
  the ``copdesk-cli`` and ``copdesk`` launchers itself, from the wheel's ``entry_points.txt``, with the venv's
  interpreter on their first line. The test runs those launchers; nothing is written by hand.
* The third-party packages (PySide6, sqlite-utils, dateutil) would need the network, so they are borrowed from
  this interpreter through a ``.pth`` file, written after the install so the venv's pip never sees them. The
  checkout is not on the path (the commands run from a temporary folder): only the installed copy of copdesk
  can be imported.

``demo`` is what proves the layout: it creates a database, runs the migrations shipped in the wheel and reads
the shipped question bank; ``check`` then reads it back and loads the other shipped resources.
"""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _entry_points(wheel: Path) -> configparser.ConfigParser:
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(name).decode()
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keep "copdesk-cli" as written
    parser.read_string(text)
    return parser


@pytest.mark.posix_only
@pytest.mark.slow
def test_wheel_installs_and_its_launchers_find_migrations_and_resources(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(dist), str(ROOT)],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = dist.glob("copdesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "copdesk/_data/db/0001_initial.sql" in names
    assert "copdesk/_data/resources/style/copdesk.qss" in names
    assert any(n.startswith("copdesk/_data/resources/questions/") for n in names)
    declared = _entry_points(wheel)
    assert dict(declared["console_scripts"]) == {"copdesk-cli": "copdesk.cli:main"}
    assert dict(declared["gui_scripts"]) == {"copdesk": "copdesk.app:main"}

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    env_python = env_dir / "bin" / "python"
    install = ["install", "-q", "--no-deps", "--no-index", "--disable-pip-version-check", str(wheel)]
    subprocess.run([str(env_python), "-m", "pip", *install], check=True, cwd=tmp_path)
    target_site = Path(
        subprocess.run(
            [str(env_python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
        ).stdout.strip()
    )
    site_packages = sysconfig.get_paths()["purelib"] + "\n"
    (target_site / "borrowed.pth").write_text(site_packages, encoding="locale")  # as site.py reads a .pth file

    cli, gui = env_dir / "bin" / "copdesk-cli", env_dir / "bin" / "copdesk"
    for launcher in (cli, gui):
        assert os.access(launcher, os.X_OK), f"pip wrote no {launcher.name} launcher"
        assert launcher.read_text(encoding="utf-8").splitlines()[0] == f"#!{env_python}"

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=tmp_path,
            check=False,
        )

    db = tmp_path / "data" / "copdesk.db"
    demo = run(cli, "demo", "--db", db)
    assert (demo.returncode, demo.stdout.strip()) == (0, f"Demo data written to {db}."), demo.stderr
    check = run(cli, "check", "--db", db)
    assert (check.returncode, check.stdout.strip()) == (0, "ok"), check.stderr
    usage = run(gui, "--help")  # the gui-script's entry point loads and parses its options without a display
    assert usage.returncode == 0 and usage.stdout.startswith("usage: copdesk"), usage.stderr
    where = run(env_python, "-c", "from copdesk import paths; print(paths.migrations_dir())")
    assert where.stdout.strip() == str(target_site / "copdesk" / "_data" / "db"), where.stderr
