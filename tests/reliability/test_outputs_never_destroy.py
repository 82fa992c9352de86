"""No output of CoPDesk's ever destroys a database, follows a link onto one, or turns a device into a file; every
file written is 0600; and ``--db ""`` never means the default database. Tried through the command line."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import CallCli, RunCli, one_line_error
from tests.reliability.conftest import ROOT, child_env, make_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def two_teams(tmp_path: Path) -> tuple[Path, Path]:
    ours, theirs = tmp_path / "ours" / "copdesk.db", tmp_path / "theirs" / "team.db"
    make_database(ours)
    make_database(theirs)
    return ours, theirs


def test_backup_never_replaces_another_database(call_cli: CallCli, two_teams: tuple[Path, Path]) -> None:
    ours, theirs = two_teams
    before = digest(theirs)
    result = call_cli("backup", "--db", str(ours), "-o", str(theirs))
    assert "is a database" in one_line_error(result)
    assert digest(theirs) == before


def test_backup_never_replaces_a_file_with_a_wal_or_lock_beside_it(
    call_cli: CallCli, two_teams: tuple[Path, Path]
) -> None:
    ours, theirs = two_teams
    in_use = theirs.with_name("in-use.db")
    in_use.write_bytes(b"")  # not (yet) an SQLite header: only what lies beside it says it is a database
    for companion in ("-wal", ".lock"):
        beside = in_use.with_name(in_use.name + companion)
        beside.write_bytes(b"x")
        result = call_cli("backup", "--db", str(ours), "-o", str(in_use))
        assert "database in use" in one_line_error(result)
        beside.unlink()


def test_no_output_replaces_words_kept_when_they_could_not_be_saved(
    call_cli: CallCli, two_teams: tuple[Path, Path]
) -> None:
    ours, _theirs = two_teams
    kept = ours.parent / "unsaved-notes" / "notes-20261006T101500Z-session-3.txt"
    kept.parent.mkdir()
    kept.write_text("The only copy of what was typed when the disk was full.", encoding="utf-8")
    before = digest(kept)
    for command in (("backup",), ("export", "1", "--format", "md")):
        result = call_cli(*command, "--db", str(ours), "-o", str(kept))
        assert "words CoPDesk kept when they could not be saved" in one_line_error(result), command
    assert digest(kept) == before


@pytest.mark.parametrize("target", ["database", "-wal", "lock", "backup"])
def test_no_output_follows_a_link_onto_a_database_or_its_files(
    call_cli: CallCli, two_teams: tuple[Path, Path], tmp_path: Path, target: str
) -> None:
    ours, theirs = two_teams
    backup = theirs.parent / "backups" / "team.db" / "auto-20261001T000000Z.db"
    backup.parent.mkdir(parents=True)
    backup.write_bytes(theirs.read_bytes())
    pointed = {
        "database": theirs,
        "-wal": theirs.with_name("team.db-wal"),
        "lock": theirs.with_name("team.db.lock"),
        "backup": backup,
    }[target]
    if not pointed.exists():
        pointed.write_bytes(b"held")
    before = digest(pointed)
    for command in (
        ("backup", "--db", str(ours), "-o"),
        ("export", "1", "--format", "md", "--db", str(ours), "-o"),
    ):
        link = tmp_path / f"link-{command[0]}.out"
        link.symlink_to(pointed)
        result = call_cli(*command, str(link))
        one_line_error(result)
        assert digest(pointed) == before and link.is_symlink(), command


def test_an_export_over_an_old_0644_file_leaves_0600(run_cli: RunCli, two_teams: tuple[Path, Path]) -> None:
    ours, _ = two_teams
    target = ours.parent / "record.md"
    target.write_text("an old export", encoding="utf-8")
    target.chmod(0o644)
    result = run_cli("export", "1", "--format", "md", "--db", str(ours), "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and stat.S_ISREG(target.stat().st_mode)


POSIX_ONLY = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/null are POSIX")


@POSIX_ONLY
def test_a_fifo_as_output_is_refused_not_replaced(call_cli: CallCli, two_teams: tuple[Path, Path]) -> None:
    ours, _ = two_teams
    fifo = ours.parent / "pipe"
    os.mkfifo(fifo)
    for command in (("backup",), ("export", "1", "--format", "md")):
        result = call_cli(*command, "--db", str(ours), "-o", str(fifo))
        assert "not a regular file" in one_line_error(result)
        assert stat.S_ISFIFO(fifo.stat().st_mode)


@POSIX_ONLY
def test_dev_null_is_never_replaced(call_cli: CallCli, two_teams: tuple[Path, Path]) -> None:
    ours, _ = two_teams
    before = os.stat("/dev/null")
    for command in (("backup",), ("export", "1", "--format", "md")):
        result = call_cli(*command, "--db", str(ours), "-o", "/dev/null")
        assert "not a regular file" in one_line_error(result)
        after = os.stat("/dev/null")
        assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_an_empty_db_is_a_usage_error_never_the_default_database(call_cli: CallCli, tmp_path: Path) -> None:
    default = Path(os.environ["XDG_DATA_HOME"]) / "copdesk" / "copdesk.db"
    make_database(default)
    before = digest(default)
    erase = ("erase", "--team", "Harbour Team", "--member", "Bo Day", "--yes")
    for command in (("check",), ("demo",), ("backup", "-o", str(tmp_path / "x.db")), erase):
        result = call_cli(*command, "--db", "")
        assert "--db" in one_line_error(result, code=2)
    gui = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", ""],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=child_env(),
        check=False,
    )
    assert gui.returncode == 2 and "--db" in gui.stderr
    assert digest(default) == before and not (tmp_path / "x.db").exists()
