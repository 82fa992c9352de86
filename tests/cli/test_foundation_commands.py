"""Exit codes: 0 success, 1 user error with one line on stderr (no traceback), 2 usage error.

The error cases run in this process (``call_cli``); one real subprocess per exit code checks what a shell sees."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from copdesk import __version__, paths
from copdesk.store.connection import open_database
from tests.cli.conftest import ROOT, CallCli, RunCli, one_line_error


def _create(db_path: Path) -> None:
    """An empty, migrated database: ``check`` only checks one that exists (it never creates one)."""
    open_database(db_path, paths.migrations_dir()).db.close()


def test_each_exit_code_as_a_shell_sees_it(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    """A real process each: 0 and ``ok`` on stdout, 1 and 2 with their one line on stderr and nothing on stdout."""
    _create(db_path)
    result = run_cli("check", "--db", str(db_path))
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "ok", "")
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database", encoding="utf-8")
    refused = run_cli("check", "--db", str(text_file))
    assert "not a CoPDesk data file" in one_line_error(refused, 1) and refused.stdout == ""
    assert text_file.read_text(encoding="utf-8") == "not a database"
    misused = run_cli("check", "--bogus")
    assert "unrecognized arguments: --bogus" in one_line_error(misused, 2) and misused.stdout == ""


def test_a_command_before_copdesk_has_ever_run_says_to_open_it(call_cli: CallCli) -> None:
    """Nothing named with --db or COPDESK_DB and no data in the default folder yet: the command says to open CoPDesk
    (or name a database), never to check a --db that was not given."""
    result = call_cli("review")
    line = one_line_error(result)
    assert line.startswith(f"copdesk-cli: No database at {paths.chosen_db_path(None)} yet; nothing was created.")
    assert "Open CoPDesk to create your team, or give the database with --db PATH." in line
    assert "Check the path given" not in line
    assert not paths.chosen_db_path(None).parent.exists()


def test_the_commands_run_as_a_python_module() -> None:
    """``python -m copdesk.cli`` is copdesk-cli, usage errors and all."""

    def module(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "copdesk.cli", *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            timeout=120,
            check=False,
        )

    version = module("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"CoPDesk {__version__}")
    assert "invalid choice: 'no-such-command'" in one_line_error(module("no-such-command"), 2)


def test_check_uses_environment_variable(call_cli: CallCli, db_path: Path) -> None:
    _create(db_path)
    result = call_cli("check", env={"COPDESK_DB": str(db_path)})
    assert (result.returncode, result.stdout.strip()) == (0, "ok")
    missing = call_cli("check", env={"COPDESK_DB": str(db_path.with_name("other.db"))})
    assert "No database at" in one_line_error(missing)


@pytest.mark.parametrize("db_first", [["--db", "{db}"], ["--db={db}"]])
def test_the_database_may_be_named_before_the_subcommand(
    call_cli: CallCli,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    db_first: list[str],
) -> None:
    """``python main.py --db PATH check`` opened the window and ignored "check"; copdesk-cli took PATH for the
    subcommand's name."""
    from copdesk import app

    open_database(db_path, paths.migrations_dir()).db.close()
    named = [part.format(db=db_path) for part in db_first]
    result = call_cli(*named, "check")
    assert (result.returncode, result.stdout.strip()) == (0, "ok"), result.stderr
    monkeypatch.setattr(app, "run_gui", lambda _args: pytest.fail("the window was started"))
    assert app.run_from_command_line([*named, "check"]) == 0
    assert capsys.readouterr().out.strip() == "ok"


def test_check_refuses_a_text_file(call_cli: CallCli, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database", encoding="utf-8")
    assert "not a CoPDesk data file" in one_line_error(call_cli("check", "--db", str(path)))
    assert path.read_text(encoding="utf-8") == "not a database"


def test_check_refuses_newer_schema(call_cli: CallCli, db_path: Path) -> None:
    _create(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 500")
    conn.close()
    assert "newer CoPDesk" in one_line_error(call_cli("check", "--db", str(db_path)))


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("heading = 'Ground rules'\n", "ground_rules.toml: there are no [[rules]]"),
        ("rules = [\n", "ground_rules.toml: "),
        (None, "ground_rules.toml: "),
    ],
    ids=["no-rules", "not-toml", "missing"],
)
def test_check_refuses_damaged_ground_rules(
    monkeypatch: pytest.MonkeyPatch, call_cli: CallCli, db_path: Path, tmp_path: Path, damage: str | None, said: str
) -> None:
    """The start dialog reads the ground rules out: an installation that cannot load them is damaged."""
    _create(db_path)
    shipped = paths.asset_dir("resources")
    resources = tmp_path / "resources"
    shutil.copytree(shipped, resources)
    rules = resources / "prompts" / "ground_rules.toml"
    if damage is None:
        rules.unlink()
    else:
        rules.write_text(damage, encoding="utf-8")
    monkeypatch.setattr(paths, "resource_path", resources.joinpath)
    error = one_line_error(call_cli("check", "--db", str(db_path)))
    assert "own files are damaged" in error and said in error

    monkeypatch.setattr(paths, "resource_path", shipped.joinpath)
    assert call_cli("check", "--db", str(db_path)).returncode == 0


def test_demo_fills_empty_database_once(call_cli: CallCli, db_path: Path) -> None:
    first = call_cli("demo", "--db", str(db_path))
    assert first.returncode == 0, first.stderr
    assert "empty" in one_line_error(call_cli("demo", "--db", str(db_path)))


def test_backup_is_verified_and_usable(run_cli: RunCli, db_path: Path, tmp_path: Path) -> None:
    assert run_cli("demo", "--db", str(db_path)).returncode == 0
    target = tmp_path / "backups" / "copy.db"
    target.parent.mkdir()
    result = run_cli("backup", "--db", str(db_path), "-o", str(target))
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM team").fetchone()[0] == 2
    conn.close()


def test_backup_to_a_folder_is_a_user_error(call_cli: CallCli, db_path: Path, tmp_path: Path) -> None:
    assert "is a folder" in one_line_error(call_cli("backup", "--db", str(db_path), "-o", str(tmp_path)))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("no-such-command",), "invalid choice: 'no-such-command'"),
        (("backup",), "the following arguments are required: -o"),
        (("check", "--bogus"), "unrecognized arguments: --bogus"),
        (("check", "--db", ""), "--db needs a path"),
        (("backup", "-o", ""), "-o needs a file name"),
        (("export", "1", "--format", "md", "-o", ""), "-o needs a file name"),
        (("restore", ""), "FILE needs a file name"),
        (("rollup", "north.json", "", "-o", "r.html"), "FILE needs a file name"),
        (("retention", "--months", "six"), "argument --months: 'six' is not a whole number"),
        (("schedule", "--team", "North", "--next", "1.5"), "argument --next: '1.5' is not a whole number"),
    ],
)
def test_usage_errors_exit_2_with_one_line(call_cli: CallCli, args: tuple[str, ...], said: str) -> None:
    assert said in one_line_error(call_cli(*args), 2)


def test_gui_without_display_says_how_and_exits_1(run_cli: RunCli, db_path: Path) -> None:
    result = run_cli("--db", str(db_path), env={"QT_QPA_PLATFORM": "", "DISPLAY": "", "WAYLAND_DISPLAY": ""})
    assert "graphical desktop" in one_line_error(result)
    assert not db_path.exists()


def test_an_unexpected_fault_is_still_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, call_cli: CallCli, db_path: Path
) -> None:
    from copdesk.cli import foundation
    from copdesk.cli.common import Context

    def broken(_ctx: Context) -> int:
        raise RuntimeError("Could not decode 'Secret case detail\nof a family'")  # as a fault may quote stored text

    monkeypatch.setattr(foundation, "_cmd_check", broken)
    result = call_cli("check", "--db", str(db_path))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "unexpected error (RuntimeError)" in lines[0] and "Secret" not in lines[0]


def test_a_closed_pipe_stops_quietly(call_cli: CallCli, db_path: Path) -> None:
    """``copdesk-cli sessions --json | head`` must not end with a Python error when the reader goes away."""
    import os
    import subprocess
    import sys

    from tests.cli.conftest import ROOT

    assert call_cli("demo", "--db", str(db_path)).returncode == 0
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the first write fails with EPIPE
    child = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sessions", "--db", str(db_path), "--json"],
        stdout=writer,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
    )
    os.close(writer)
    assert child.returncode == 0, child.stderr
    assert child.stderr == ""


def test_gui_help_lists_the_subcommands(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "review" in result.stdout and "export" in result.stdout


def test_typed_text_reaches_the_terminal_as_typed_never_as_a_command_to_it(call_cli: CallCli, db_path: Path) -> None:
    """A topic holding an escape sequence (which would clear the screen) and a right-to-left override (which would
    reorder the line) is listed with those written as \\uXXXX; the JSON reads back the topic exactly."""
    from datetime import UTC, datetime

    from copdesk.core.model import SessionKind
    from copdesk.store import sessions, teams

    topic = "Carers\x1b[2J week \u202eevil\u202c; emoji 👨\u200d👩\u200d👧 and עברית stay"
    opened = open_database(db_path, paths.migrations_dir())
    now = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
    team = teams.create_team(opened.db, "Harbour Team", [], now)
    sessions.create_session(opened.db, team.id, SessionKind.REFLECTIVE, now, topic=topic)
    opened.db.close()

    listed = call_cli("sessions", "--db", str(db_path))
    assert listed.returncode == 0, listed.stderr
    assert "\x1b" not in listed.stdout and "\u202e" not in listed.stdout
    assert "Carers\\u001b[2J week \\u202eevil\\u202c; emoji 👨\u200d👩\u200d👧 and עברית stay" in listed.stdout
    as_json = call_cli("sessions", "--db", str(db_path), "--json")
    assert "\x1b" not in as_json.stdout and "\u202e" not in as_json.stdout
    import json

    assert json.loads(as_json.stdout)[0]["topic"] == topic
