"""The installed layout works: build the wheel, install it into a fresh venv, and run the CLI from there."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_and_finds_its_migrations_and_resources(tmp_path: Path) -> None:
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

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    target_site = Path(
        subprocess.run(
            [str(env_dir / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # Install the wheel itself with no dependencies, and borrow this interpreter's third-party packages
    # (PySide6, sqlite-utils, dateutil) through a .pth file, so the test needs no network. The checkout
    # is not on the path: only the installed copy of copdesk can be imported.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target_site), str(wheel)],
        check=True,
    )
    (target_site / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    cli = env_dir / "bin" / "copdesk-cli"
    if not cli.exists():  # pip --target does not write scripts; call the entry point the script would
        cli_cmd = [str(env_dir / "bin" / "python"), "-c", "import sys; from copdesk.cli import main; sys.exit(main())"]
    else:
        cli_cmd = [str(cli)]
    db = tmp_path / "data" / "copdesk.db"
    result = subprocess.run(
        [*cli_cmd, "check", "--db", str(db)], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr
    where = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", "from copdesk import paths; print(paths.migrations_dir())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.strip()
    assert where == str(target_site / "copdesk" / "_data" / "db")
