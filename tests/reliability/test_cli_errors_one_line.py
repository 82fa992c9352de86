"""Every command-line error is one line with its documented exit code: 1 for a problem the user can fix, 2 for a
malformed command. Tried with what an adversary would type: huge numbers, dates outside the calendar, JSON that is
deeply nested or holds huge or non-finite numbers, paths with newlines, and a full disk under the database. Each runs
in this process but the full disk, which needs a child process under a file-size limit."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, new_backup_path
from tests.cli.conftest import CallCli, one_line_error
from tests.reliability.conftest import make_database, run_child

HUGE = "9" * 30


@pytest.fixture
def database(db_path: Path) -> Path:
    make_database(db_path)
    return db_path


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("export", HUGE, "--format", "md", "-o", "{out}"), 2),
        (("export", f"-{HUGE}", "--format", "md", "-o", "{out}"), 2),
        (("retention", "--months", HUGE), 1),
        (("schedule", "--team", "Harbour Team", "--next", HUGE), 1),
        (("schedule", "--team", "Harbour Team", "--from", "0001-01-01"), 1),
        (("schedule", "--team", "Harbour Team", "--from", "2026-02-30"), 1),
        (("cpd", "--team", "Harbour Team", "--member", "Bo Day", "--from", "0001-01-01", "--to", "9999-12-31",
          "-o", "{out}"), 1),
        (("report", "--team", "Harbour Team", "--quarter", f"{HUGE}Q1", "--format", "md", "-o", "{out}"), 1),
    ],
)  # fmt: skip
def test_huge_numbers_and_impossible_dates(
    call_cli: CallCli, database: Path, tmp_path: Path, args: tuple[str, ...], code: int
) -> None:
    out = str(tmp_path / "out.md")
    result = call_cli(*(arg.replace("{out}", out) for arg in args), "--db", str(database))
    one_line_error(result, code)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("deep", "[" * 100_000),
        ("huge-int", '{"format": "copdesk-quarter-summary", "version": ' + "9" * 5000 + "}"),
        ("nan", "NaN"),
        ("infinity", '{"gini": Infinity}'),
        ("overflow", '{"gini": 1e999}'),
    ],
)
def test_rollup_refuses_hostile_json_in_one_line(call_cli: CallCli, tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / f"{name}.json"
    source.write_text(text, encoding="utf-8")
    result = call_cli("rollup", str(source), "-o", str(tmp_path / "r.html"))
    assert source.name in one_line_error(result, 1)
    assert not (tmp_path / "r.html").exists()


def test_a_summary_with_a_non_finite_number_inside_is_refused(
    call_cli: CallCli, database: Path, tmp_path: Path
) -> None:
    good = tmp_path / "good.json"
    args = ("summary", "--team", "Harbour Team", "--quarter", "2026Q3", "-o", str(good), "--db", str(database))
    assert call_cli(*args).returncode == 0
    document = json.loads(good.read_text(encoding="utf-8"))
    document["balance"] = [{"gini": float("nan"), "contributions": 3}]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")  # Python writes NaN, which JSON does not have
    result = call_cli("rollup", str(bad), "-o", str(tmp_path / "r.html"))
    assert "bad.json" in one_line_error(result, 1)


def test_paths_with_newlines_are_shown_escaped(call_cli: CallCli, database: Path, tmp_path: Path) -> None:
    odd = tmp_path / "no\nsuch" / "x.md"
    for args in (("backup", "-o", str(odd)), ("export", "1", "--format", "md", "-o", str(odd))):
        line = one_line_error(call_cli(*args, "--db", str(database)), 1)
        assert "no\\nsuch" in line
    missing = tmp_path / "typo\n.db"
    assert "typo\\n.db" in one_line_error(call_cli("sessions", "--db", str(missing)), 1)
    assert "typo\\n.db" in one_line_error(call_cli("rollup", str(missing), "-o", str(tmp_path / "r.html")), 1)


def test_a_link_that_leads_round_in_a_circle_is_refused_in_one_line(
    call_cli: CallCli, database: Path, tmp_path: Path
) -> None:
    """Following such a link raised inside Python, and came out as "unexpected error (RuntimeError)"."""
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    for args in (
        ("restore", str(loop), "--db", str(database)),
        ("export", "1", "--format", "md", "-o", str(loop), "--db", str(database)),
        ("backup", "-o", str(loop), "--db", str(database)),
        ("backup", "-o", str(tmp_path / "copy.db"), "--db", str(loop)),
        ("restore", str(database), "--db", str(loop)),  # the link was replaced by a database
    ):
        assert "leads round in a circle" in one_line_error(call_cli(*args), 1), args
    assert not (tmp_path / "copy.db").exists() and loop.is_symlink()


def test_backups_on_a_path_with_no_database_is_refused(call_cli: CallCli, tmp_path: Path) -> None:
    result = call_cli("backups", "--db", str(tmp_path / "typo.db"))
    assert "No database at" in one_line_error(result, 1)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("what", ["a text file", "a folder"])
@pytest.mark.parametrize("json_output", [False, True])
def test_backups_on_a_path_that_is_not_a_database_is_refused(
    call_cli: CallCli, tmp_path: Path, what: str, json_output: bool
) -> None:
    """It said "No backups yet" (an empty list with --json) and exited 0, as if the file were a database with none;
    a folder was refused by the other commands as a file with a second name (a hard link)."""
    path = tmp_path / "copdesk.db"
    if what == "a folder":
        path.mkdir()
    else:
        path.write_text("Notes for Thursday's session.", encoding="utf-8")
    result = call_cli("backups", "--db", str(path), *(["--json"] if json_output else []))
    line = one_line_error(result, 1)
    assert ("it is a folder" if what == "a folder" else "is not a CoPDesk database") in line, line
    assert result.stdout == ""
    if what == "a folder":
        assert "it is a folder" in one_line_error(call_cli("sessions", "--db", str(path)), 1)
    assert sorted(item.name for item in tmp_path.iterdir()) == ["copdesk.db"], "nothing made beside it"


def test_backups_beside_an_empty_database_file_are_listed(call_cli: CallCli, database: Path) -> None:
    """A database a crash cut short to nothing is when its backups are wanted."""
    source = sqlite3.connect(database)
    backup = backup_to(source, new_backup_path(database, BackupKind.AUTOMATIC, datetime(2026, 12, 1, 9, tzinfo=UTC)))
    source.close()
    database.write_bytes(b"")
    result = call_cli("backups", "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert " ok " in result.stdout and backup.name in result.stdout


FULL_DISK_CHILD = """
import resource, signal, sys
from copdesk import cli
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
sys.exit(cli.main(sys.argv[2:]))
"""


@pytest.mark.skipif(os.name != "posix", reason="the file-size limit (RLIMIT_FSIZE) is POSIX's")
@pytest.mark.parametrize("command", ["demo", "backup"])
def test_a_full_disk_is_said_plainly(database: Path, tmp_path: Path, command: str) -> None:
    if command == "demo":
        target, args = tmp_path / "new" / "demo.db", ["demo", "--db", str(tmp_path / "new" / "demo.db")]
        target.parent.mkdir()
    else:
        target, args = tmp_path / "copy.db", ["backup", "--db", str(database), "-o", str(tmp_path / "copy.db")]
    result = run_child(FULL_DISK_CHILD, "20000", *args)
    line = one_line_error(result, 1)
    assert "disk is full" in line.lower() and "disk i/o error" not in line.lower(), line
    assert command == "demo" or not target.exists()
