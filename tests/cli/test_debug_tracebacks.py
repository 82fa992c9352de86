"""``--debug`` and ``COPDESK_DEBUG``: a fault of CoPDesk's own shows its traceback; a user error stays one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from copdesk import paths
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli, one_line_error

SECRET = "Secret case detail of a family"  # fictional: what a fault's message can quote from a damaged note

ASKED = {
    "flag after the subcommand": ((), ("--debug",), {}),
    "flag before the subcommand": (("--debug",), (), {}),
    "variable": ((), (), {"COPDESK_DEBUG": "1"}),
    "variable set to a word": ((), (), {"COPDESK_DEBUG": "yes"}),
}
NOT_ASKED = {
    "nothing": ((), (), {}),
    "variable empty": ((), (), {"COPDESK_DEBUG": ""}),
    "variable 0": ((), (), {"COPDESK_DEBUG": "0"}),
}
Way = tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]


@pytest.fixture
def broken_check(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Path:
    """``check`` on a real database, failing inside with a message that quotes stored text."""
    from copdesk.cli import foundation
    from copdesk.cli.common import Context

    def broken(_ctx: Context) -> int:
        raise RuntimeError(f"Could not decode {SECRET!r}")

    open_database(db_path, paths.migrations_dir()).db.close()
    monkeypatch.setattr(foundation, "_cmd_check", broken)
    return db_path


@pytest.mark.parametrize("way", ASKED.values(), ids=ASKED.keys())
def test_asked_for_a_fault_shows_its_traceback_and_still_exits_1(
    call_cli: CallCli, broken_check: Path, way: Way
) -> None:
    before, after, env = way
    result = call_cli(*before, "check", "--db", str(broken_check), *after, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("Traceback (most recent call last):"), result.stderr
    assert "in broken" in result.stderr and f"RuntimeError: Could not decode {SECRET!r}" in result.stderr
    assert "unexpected error" not in result.stderr and result.stdout == ""


@pytest.mark.parametrize("way", NOT_ASKED.values(), ids=NOT_ASKED.keys())
def test_not_asked_a_fault_is_one_line_without_its_message(call_cli: CallCli, broken_check: Path, way: Way) -> None:
    before, after, env = way
    result = call_cli(*before, "check", "--db", str(broken_check), *after, env=env)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and lines == [
        "copdesk-cli: unexpected error (RuntimeError); nothing more was written"
    ], result.stderr


@pytest.mark.parametrize("way", ASKED.values(), ids=ASKED.keys())
def test_asked_for_a_user_error_stays_one_line(call_cli: CallCli, tmp_path: Path, way: Way) -> None:
    before, after, env = way
    missing = tmp_path / "typo.db"
    result = call_cli(*before, "sessions", "--db", str(missing), *after, env=env)
    assert one_line_error(result).startswith(f"copdesk-cli: No database at {missing};")


@pytest.mark.parametrize("way", ASKED.values(), ids=ASKED.keys())
def test_asked_for_a_usage_error_stays_one_line_and_exit_2(call_cli: CallCli, way: Way) -> None:
    before, after, env = way
    assert "unrecognized arguments: --bogus" in one_line_error(
        call_cli(*before, "check", "--bogus", *after, env=env), 2
    )


def test_the_help_of_every_subcommand_offers_debug(call_cli: CallCli) -> None:
    for args in ((), ("export",)):
        result = call_cli(*args, "--help")
        assert result.returncode == 0 and "--debug" in result.stdout and "COPDESK_DEBUG" in result.stdout


def test_main_py_passes_debug_before_a_subcommand_to_the_cli(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], broken_check: Path
) -> None:
    """``python main.py --debug check`` is the command line, not the window with an option it ignores."""
    from copdesk import app

    monkeypatch.setattr(app, "run_gui", lambda _args: pytest.fail("the window was started"))
    assert app.run_from_command_line(["--debug", "check", "--db", str(broken_check)]) == 1
    assert "Traceback (most recent call last)" in capsys.readouterr().err
