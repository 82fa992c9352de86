"""``check`` and ``backup`` refuse paths that would create or destroy data, in one line, changing nothing."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli


def _refused(result_stderr: str, returncode: int) -> str:
    lines = result_stderr.strip().splitlines()
    assert returncode == 1 and len(lines) == 1 and "Traceback" not in result_stderr, result_stderr
    return lines[0]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(run_cli: RunCli, db_path: Path) -> Path:
    result = run_cli("demo", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    return db_path


def test_check_on_a_mistyped_path_creates_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    for typo in (tmp_path / "typo.db", tmp_path / "no-such-folder" / "copdesk.db"):
        result = run_cli("check", "--db", str(typo))
        assert _refused(result.stderr, result.returncode).startswith(f"copdesk-cli: No database at {typo};")
        assert result.stdout == ""
        assert not typo.exists()
    assert list(tmp_path.iterdir()) == []  # not the file, nor its folder


def test_backup_of_a_mistyped_database_creates_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("backup", "--db", str(tmp_path / "typo.db"), "-o", str(tmp_path / "copy.db"))
    assert "No database at" in _refused(result.stderr, result.returncode)
    assert list(tmp_path.iterdir()) == []


def test_backup_into_a_missing_folder_is_refused_not_created(run_cli: RunCli, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.db"
    result = run_cli("backup", "--db", str(demo_db), "-o", str(target))
    line = _refused(result.stderr, result.returncode)
    assert f"There is no folder {target.parent}" in line
    assert not (tmp_path / "nonexistent").exists()


def test_backup_under_a_file_is_refused(run_cli: RunCli, demo_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    result = run_cli("backup", "--db", str(demo_db), "-o", str(blocker / "x.db"))
    assert "is a file, not a folder" in _refused(result.stderr, result.returncode)
    assert blocker.read_text() == "x"


@pytest.mark.parametrize(
    ("target_name", "what"),
    [
        ("copdesk.db", "the database itself"),
        ("copdesk.db-wal", "the database's -wal file"),
        ("copdesk.db-shm", "the database's -shm file"),
    ],
)
def test_backup_onto_the_database_or_its_wal_is_refused(
    run_cli: RunCli, demo_db: Path, target_name: str, what: str
) -> None:
    assert demo_db.name == "copdesk.db"
    before = _digest(demo_db)
    target = demo_db.with_name(target_name)
    result = run_cli("backup", "--db", str(demo_db), "-o", str(target))
    assert f"is {what}" in _refused(result.stderr, result.returncode)
    assert _digest(demo_db) == before
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT count(*) FROM team").fetchone()[0] == 2
    conn.close()


def test_backup_onto_another_name_for_the_database_is_refused(run_cli: RunCli, demo_db: Path, tmp_path: Path) -> None:
    before = _digest(demo_db)
    for alias in (tmp_path / "link.db", tmp_path / "hard.db"):
        if alias.name == "link.db":
            alias.symlink_to(demo_db)
        else:
            alias.hardlink_to(demo_db)
        result = run_cli("backup", "--db", str(demo_db), "-o", str(alias))
        assert "is the database itself" in _refused(result.stderr, result.returncode)
    relative = run_cli("backup", "--db", str(demo_db), "-o", f"{demo_db.parent}/../{demo_db.parent.name}/copdesk.db")
    assert "is the database itself" in _refused(relative.stderr, relative.returncode)
    assert _digest(demo_db) == before


def test_backup_beside_the_database_still_works(run_cli: RunCli, demo_db: Path) -> None:
    target = demo_db.with_name("copdesk-copy.db")
    result = run_cli("backup", "--db", str(demo_db), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Backed up {demo_db} to {target} (verified)."
