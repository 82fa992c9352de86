"""Exit codes: 0 success, 1 user error with one line on stderr (no traceback), 2 usage error."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli.conftest import RunCli


def _one_line_error(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_check_creates_and_reports_ok(run_cli: RunCli, db_path: Path) -> None:
    result = run_cli("check", "--db", str(db_path))
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "ok", "")
    assert db_path.exists()


def test_check_uses_environment_variable(run_cli: RunCli, db_path: Path) -> None:
    result = run_cli("check", env={"COPDESK_DB": str(db_path)})
    assert result.returncode == 0 and db_path.exists()


def test_check_refuses_a_text_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database")
    result = run_cli("check", "--db", str(path))
    assert result.returncode == 1
    assert "not an SQLite database" in _one_line_error(result.stderr)
    assert path.read_text() == "not a database"


def test_check_refuses_newer_schema(run_cli: RunCli, db_path: Path) -> None:
    assert run_cli("check", "--db", str(db_path)).returncode == 0
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 500")
    conn.close()
    result = run_cli("check", "--db", str(db_path))
    assert result.returncode == 1
    assert "newer CoPDesk" in _one_line_error(result.stderr)


def test_demo_fills_empty_database_once(run_cli: RunCli, db_path: Path) -> None:
    first = run_cli("demo", "--db", str(db_path))
    assert first.returncode == 0, first.stderr
    second = run_cli("demo", "--db", str(db_path))
    assert second.returncode == 1
    assert "empty" in _one_line_error(second.stderr)


def test_backup_is_verified_and_usable(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    assert run_cli("demo", "--db", str(db_path)).returncode == 0
    target = tmp_path / "backups" / "copy.db"
    result = run_cli("backup", "--db", str(db_path), "-o", str(target))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM team").fetchone()[0] == 2
    conn.close()


def test_backup_to_a_folder_is_a_user_error(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    result = run_cli("backup", "--db", str(db_path), "-o", str(tmp_path))
    assert result.returncode == 1
    assert "is a folder" in _one_line_error(result.stderr)


def test_usage_errors_exit_2_with_one_line(run_cli: RunCli) -> None:
    for args in (("no-such-command",), ("backup",), ("check", "--bogus")):
        result = run_cli(*args)
        assert result.returncode == 2, args
        _one_line_error(result.stderr)


def test_gui_without_display_says_how_and_exits_1(run_cli: RunCli, db_path: Path) -> None:
    result = run_cli("--db", str(db_path), env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert result.returncode == 1
    assert "graphical desktop" in _one_line_error(result.stderr)
    assert not db_path.exists()
