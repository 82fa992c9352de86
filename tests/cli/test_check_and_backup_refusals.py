"""``check`` and ``backup`` refuse paths that would create or destroy data, in one line, changing nothing (run in this
process: the exit codes as a shell sees them are tested in test_foundation_commands.py)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.cli.conftest import CallCli, one_line_error


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo_db(call_cli: CallCli, db_path: Path) -> Path:
    result = call_cli("demo", "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    return db_path


def test_check_on_a_mistyped_path_creates_nothing(call_cli: CallCli, tmp_path: Path) -> None:
    for typo in (tmp_path / "typo.db", tmp_path / "no-such-folder" / "copdesk.db"):
        result = call_cli("check", "--db", str(typo))
        assert one_line_error(result).startswith(f"copdesk-cli: No database at {typo};")
        assert result.stdout == ""
        assert not typo.exists()
    assert list(tmp_path.iterdir()) == []  # not the file, nor its folder


def test_backup_of_a_mistyped_database_creates_nothing(call_cli: CallCli, tmp_path: Path) -> None:
    result = call_cli("backup", "--db", str(tmp_path / "typo.db"), "-o", str(tmp_path / "copy.db"))
    assert "No database at" in one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_backup_into_a_missing_folder_is_refused_not_created(call_cli: CallCli, demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "nonexistent" / "dir" / "x.db"
    result = call_cli("backup", "--db", str(demo_db), "-o", str(target))
    line = one_line_error(result)
    assert f"There is no folder {target.parent}" in line
    assert not (tmp_path / "nonexistent").exists()


def test_backup_under_a_file_is_refused(call_cli: CallCli, demo_db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    result = call_cli("backup", "--db", str(demo_db), "-o", str(blocker / "x.db"))
    assert "is a file, not a folder" in one_line_error(result)
    assert blocker.read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    ("target_name", "what"),
    [
        ("copdesk.db", "the database itself"),
        ("copdesk.db-wal", "the database's -wal file"),
        ("copdesk.db-shm", "the database's -shm file"),
    ],
)
def test_backup_onto_the_database_or_its_wal_is_refused(
    call_cli: CallCli, demo_db: Path, target_name: str, what: str
) -> None:
    assert demo_db.name == "copdesk.db"
    before = _digest(demo_db)
    target = demo_db.with_name(target_name)
    result = call_cli("backup", "--db", str(demo_db), "-o", str(target))
    assert f"is {what}" in one_line_error(result)
    assert _digest(demo_db) == before
    conn = sqlite3.connect(demo_db)
    assert conn.execute("SELECT count(*) FROM team").fetchone()[0] == 2
    conn.close()


def test_backup_onto_another_name_for_the_database_is_refused(call_cli: CallCli, demo_db: Path, tmp_path: Path) -> None:
    before = _digest(demo_db)
    for alias in (tmp_path / "link.db", tmp_path / "hard.db"):
        if alias.name == "link.db":
            alias.symlink_to(demo_db)
        else:
            alias.hardlink_to(demo_db)
        result = call_cli("backup", "--db", str(demo_db), "-o", str(alias))
        assert "is the database itself" in one_line_error(result)
    relative = call_cli("backup", "--db", str(demo_db), "-o", f"{demo_db.parent}/../{demo_db.parent.name}/copdesk.db")
    assert "is the database itself" in one_line_error(relative)
    assert _digest(demo_db) == before


def test_backup_beside_the_database_still_works(call_cli: CallCli, demo_db: Path) -> None:
    target = demo_db.with_name("copdesk-copy.db")
    result = call_cli("backup", "--db", str(demo_db), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Backed up {demo_db} to {target} (verified)."
