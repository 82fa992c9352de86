"""Run the CLI as a user would, two ways.

``call_cli`` runs ``copdesk.cli.main`` in the test's own process, its output captured: what the error cases use, since
each is then a call rather than a new Python process. ``run_cli`` runs it as a real subprocess, so exit codes and
stderr are what a shell sees, for the smoke tests kept of each exit code and of what only a process shows (a closed
pipe, the console, a full disk under a resource limit). Both return the exit code and the two outputs alike.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest

ROOT = Path(__file__).resolve().parents[2]


class CliOutcome(Protocol):
    """What either way of running the CLI gives back (a ``subprocess.CompletedProcess`` is one)."""

    @property
    def returncode(self) -> int: ...
    @property
    def stdout(self) -> str: ...
    @property
    def stderr(self) -> str: ...


@dataclass(frozen=True, slots=True)
class CliCall:
    returncode: int
    stdout: str
    stderr: str


RunCli = Callable[..., subprocess.CompletedProcess[str]]
CallCli = Callable[..., CliCall]


def one_line_error(result: CliOutcome, code: int = 1) -> str:
    """The error's one line, once the exit code is ``code`` and nothing else was printed: no traceback, and not the
    line that stands for a fault of CoPDesk's own (an error case must be met by its own message)."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "unexpected error" not in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def run_cli() -> RunCli:
    """The CLI in a child process; it inherits the test's own home and data folders (tests/conftest.py)."""

    def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, **(env or {})}
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",  # what the CLI writes to a pipe on every system (copdesk/console.py)
            env=environment,
            timeout=120,
            check=False,
        )

    return run


@pytest.fixture
def call_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> CallCli:
    """``copdesk.cli.main`` in this process, with ``env`` set for the call only.

    What a process would keep to itself is put back after each call: the umask ``main`` sets, and an argparse exit
    (a usage error, ``--help``) becomes its exit code. Commands that would bring up a QGuiApplication (PDF output)
    are left to ``run_cli``, so none appears under the tests that build windows.
    """
    from PySide6.QtGui import QGuiApplication

    from copdesk import cli

    def call(*args: str, env: dict[str, str] | None = None) -> CliCall:
        capsys.readouterr()  # what the test printed before is not the command's
        had_application = QGuiApplication.instance() is not None
        umask = os.umask(0o077)
        os.umask(umask)
        try:
            with monkeypatch.context() as patch:
                for name, value in (env or {}).items():
                    patch.setenv(name, value)
                try:
                    code = cli.main(list(args))
                except SystemExit as exc:
                    code = exc.code if isinstance(exc.code, int) else 1
        finally:
            os.umask(umask)
        out, err = capsys.readouterr()
        assert had_application or QGuiApplication.instance() is None, f"{args} brings up Qt's GUI: use run_cli"
        return CliCall(code, out, err)

    return call
