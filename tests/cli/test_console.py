"""The command line from a windowed executable (no stdout at all) and into a cp1252 file, as on Windows.

A windowed PyInstaller executable on Windows starts with ``sys.stdout`` and ``sys.stderr`` set to ``None``; output
redirected to a file on Windows is encoded in the code page (cp1252). Both are set up here by hand, in this process.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copdesk import cli, console, paths
from copdesk.core.model import Role
from copdesk.store import teams
from copdesk.store.connection import open_database

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def _team_with_polish_names(db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    teams.create_team(
        opened.db, "Zespół Łukasza", [("Łukasz Wójcik", Role.FACILITATOR), ("Zoë Quinn", Role.PRACTITIONER)], NOW
    )
    opened.db.close()


class FakeKernel32:
    """Windows' AttachConsole: whether a parent console (cmd, PowerShell) is there to attach to."""

    def __init__(self, parent_console: bool) -> None:
        self.parent_console = parent_console
        self.attached_to: list[int] = []

    def AttachConsole(self, process: int) -> int:
        self.attached_to.append(process)
        return int(self.parent_console)


def test_a_command_from_the_windowed_executable_runs_and_keeps_its_exit_code(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)

    assert cli.main(["demo", "--db", str(db_path)], now=lambda: NOW) == 0
    assert db_path.exists()
    assert cli.main(["review", "--team", "No such team", "--db", str(db_path)], now=lambda: NOW) == 1


def test_the_windowed_executable_prints_into_the_console_it_was_started_from(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    shown = tmp_path / "console.txt"  # stands for CONOUT$, the attached console
    kernel32 = FakeKernel32(parent_console=True)
    opened_consoles: list[io.TextIOWrapper] = []

    def open_console() -> io.TextIOWrapper:
        opened_consoles.append(open(shown, "a", encoding="utf-8"))  # noqa: SIM115
        return opened_consoles[-1]

    console.prepare_console(kernel32, open_console)
    assert kernel32.attached_to == [console.ATTACH_PARENT_PROCESS]
    print("ok")
    print("copdesk-cli: a problem", file=sys.stderr)
    for stream in opened_consoles:
        stream.close()
    assert shown.read_text(encoding="utf-8").splitlines() == ["ok", "copdesk-cli: a problem"]


def test_started_from_explorer_the_output_goes_nowhere_and_nothing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    console.prepare_console(FakeKernel32(parent_console=False))
    print("nobody sees this")
    sys.stdout.flush()


def test_json_redirected_to_a_cp1252_file_is_written_whole_in_utf8(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _team_with_polish_names(db_path)
    redirected = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(redirected, encoding="cp1252"))

    code = cli.main(["review", "--team", "Zespół Łukasza", "--json", "--db", str(db_path)], now=lambda: NOW)

    sys.stdout.flush()
    assert code == 0
    assert json.loads(redirected.getvalue().decode("utf-8"))["team"] == "Zespół Łukasza"


def test_a_terminal_that_cannot_show_a_letter_gets_a_stand_in_instead_of_an_error() -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    shown = io.BytesIO()
    terminal = console.unicode_safe(Terminal(shown, encoding="cp1252"))
    print("Łukasz", file=terminal)
    terminal.flush()
    assert shown.getvalue() == b"?ukasz\n"
