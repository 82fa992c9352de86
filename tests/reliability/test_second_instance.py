"""A second CoPDesk on the same database is told, and writes nothing; a lock left by kill -9 is taken over."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk import app, instance_lock, paths
from copdesk.instance_lock import AlreadyOpenError, InstanceLock, lock_path
from copdesk.startup import open_for_gui
from copdesk.store.connection import open_database, open_read_only
from copdesk.store.teams import team_count
from copdesk.views.shell.main_window import MainWindow
from tests.cli.conftest import CallCli, one_line_error
from tests.reliability.conftest import NOW, FakePrompts, child_env, make_database

HOLDER = """
import sys, time
from pathlib import Path
from copdesk import paths
from copdesk.startup import open_for_gui
from copdesk.store.connection import open_database, open_read_only
from copdesk.store.teams import team_count
from tests.reliability.conftest import NOW, FakePrompts

started = open_for_gui(Path(sys.argv[1]), FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
assert started is not None
started.opened.db.execute("INSERT INTO setting (key, value) VALUES ('first', 'instance')")
print("holding", flush=True)
time.sleep(120)
"""

ERROR_ACCESS_DENIED = 5  # what Windows answers OpenProcess for a process that refuses to be asked


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file and its digest (the -shm excepted: readers of a WAL database write its index)."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


@pytest.fixture
def first_instance(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    make_database(db_path)
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=child_env(),
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "holding"
    yield child
    child.kill()
    child.wait(timeout=30)


def test_second_instance_is_told_and_writes_nothing(
    qtbot: QtBot, db_path: Path, first_instance: subprocess.Popen[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []

    def read(box: QMessageBox) -> int:
        told.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    built: list[MainWindow] = []

    def show(window: MainWindow) -> None:
        built.append(window)

    monkeypatch.setattr(MainWindow, "show", show)
    before = _snapshot(db_path.parent)

    assert app.run_gui(["--db", str(db_path)]) == 1

    assert built == []  # told before any window shows, rather than one flashing up
    assert len(told) == 1 and "already open" in told[0] and str(first_instance.pid) in told[0]
    assert "\n" not in told[0]
    assert _snapshot(db_path.parent) == before


def test_second_instance_through_the_startup_sequence(db_path: Path, first_instance: subprocess.Popen[str]) -> None:
    prompts = FakePrompts()
    assert open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=NOW) is None
    assert [what for what, _ in prompts.asked] == ["already-open"]


@pytest.mark.posix_only
def test_stale_lock_after_kill_9_is_recovered(db_path: Path, first_instance: subprocess.Popen[str]) -> None:
    os.kill(first_instance.pid, signal.SIGKILL)
    first_instance.wait(timeout=30)
    assert lock_path(db_path).exists()  # the dead process could not remove it
    prompts = FakePrompts()
    started = open_for_gui(db_path, prompts, migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None and prompts.asked == []
    assert str(os.getpid()) in lock_path(db_path).read_text(encoding="utf-8").splitlines()[0]
    # The killed instance's commit was in its -wal, and is there.
    assert started.opened.db.execute("SELECT value FROM setting WHERE key = 'first'").fetchone()[0] == "instance"
    started.opened.db.close()
    started.lock.release()
    assert not lock_path(db_path).exists()


def test_cli_restore_refuses_while_the_app_is_open(
    db_path: Path, first_instance: subprocess.Popen[str], tmp_path: Path
) -> None:
    from copdesk import cli

    backup = tmp_path / "copy.db"
    assert cli.main(["backup", "--db", str(db_path), "-o", str(backup)]) == 0  # a backup may run alongside
    before = _snapshot(db_path.parent)
    for args in (["restore", str(backup)], ["retention", "--months", "1", "--yes"], ["demo"]):
        assert cli.main([*args, "--db", str(db_path)]) == 1, args
    assert _snapshot(db_path.parent) == before


def test_cli_demo_refuses_an_empty_database_a_window_has_open(db_path: Path) -> None:
    """The first-run question is showing on a new, empty database: the demo must not fill it from outside."""
    from copdesk import cli

    open_database(db_path, paths.migrations_dir()).db.close()  # created by the window, which holds the lock
    lock = InstanceLock(db_path)
    lock.acquire()
    try:
        assert cli.main(["demo", "--db", str(db_path)]) == 1
        assert team_count(open_read_only(db_path, paths.migrations_dir())) == 0
    finally:
        lock.release()
    assert cli.main(["demo", "--db", str(db_path)]) == 0  # once the window has gone


@pytest.mark.posix_only
def test_a_second_name_for_the_database_is_the_same_database(
    db_path: Path, first_instance: subprocess.Popen[str], tmp_path: Path
) -> None:
    """A symbolic link to the open database takes no lock of its own: the window and the CLI are refused as for
    the database's own name."""
    link = tmp_path / "shortcut.db"
    link.symlink_to(db_path)
    prompts = FakePrompts()
    assert (
        open_for_gui(paths.resolve_db_path(str(link)), prompts, migrations_dir=paths.migrations_dir(), now=NOW) is None
    )
    assert [what for what, _ in prompts.asked] == ["already-open"]
    from copdesk import cli

    before = _snapshot(db_path.parent)
    assert cli.main(["retention", "--months", "1", "--yes", "--db", str(link)]) == 1
    assert _snapshot(db_path.parent) == before
    assert not lock_path(link).exists()


def test_lock_in_one_process_twice(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with InstanceLock(db_path) as first:
        assert first.held
        with pytest.raises(AlreadyOpenError, match="already open"):
            InstanceLock(db_path).acquire()
    assert not lock_path(db_path).exists()


def test_on_a_mac_the_second_copy_is_told_copdesk_is_open(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A Mac deletes the lock file of a CoPDesk that has ended even while another program holds it open, so a lock
    that reads as held is held: the message says so, with none of the Windows sentences about OneDrive."""
    db_path.parent.mkdir(parents=True)
    monkeypatch.setattr(sys, "platform", "darwin")
    with InstanceLock(db_path), pytest.raises(AlreadyOpenError) as told:
        InstanceLock(db_path).acquire()
    assert told.value.message.startswith(f"CoPDesk is already open on {db_path} (process {os.getpid()} on ")
    assert "OneDrive" not in told.value.message


class FakeKernel32:
    """Windows' process calls as CoPDesk makes them, answering for one process: ``exit_code`` once it is opened (259,
    STILL_ACTIVE, while it runs), or the error an open fails with (``refused``), or a fault in the call itself."""

    def __init__(self, *, exit_code: int = 0, refused: int = 0, fault: bool = False) -> None:
        self.asked: list[tuple[int, bool, int]] = []
        self.open_handles: set[int] = set()
        self.last_error = 0

        def open_process(access: int, inherit: bool, pid: int) -> int:
            self.asked.append((access, inherit, pid))
            if fault:
                raise OSError("[WinError 1114] A dynamic link library initialization routine failed")
            if refused:
                self.last_error = refused
                return 0
            self.open_handles.add(4242)
            return 4242

        def get_exit_code(handle: int, code: Any) -> int:
            assert handle in self.open_handles
            code._obj.value = exit_code
            return 1

        def close(handle: int) -> int:
            self.open_handles.remove(handle)
            return 1

        # Plain functions, as ctypes' are, so CoPDesk can set their argument and result types.
        self.OpenProcess, self.GetExitCodeProcess, self.CloseHandle = open_process, get_exit_code, close


@pytest.mark.parametrize(
    ("windows", "said"),
    [
        # Running, it may be another program that Windows gave the process id to since: the message hedges.
        ({"exit_code": instance_lock.STILL_ACTIVE}, "either"),
        ({"refused": ERROR_ACCESS_DENIED}, "either"),  # another user's, or an elevated one
        ({"exit_code": 1}, "ended"),  # ended, and something still holds a handle to it
        ({"refused": instance_lock.ERROR_INVALID_PARAMETER}, "ended"),  # ended long ago: no such process
        ({"refused": 6}, "either"),  # an error Windows has no business giving
        ({"fault": True}, "either"),
    ],
    ids=["running", "access denied", "exited", "gone", "unexpected error", "fault"],
)
def test_on_windows_the_second_copy_is_told_whether_the_copdesk_named_in_the_lock_is_running(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, windows: dict[str, Any], said: str
) -> None:
    """The hedge ("if no CoPDesk is open… another program may be holding its lock file") left the facilitator to find
    out which from Task Manager. Windows says whether the process has ended: the message then says that no CoPDesk is
    open and another program holds the lock file. A process still running may be another program given the same id
    since, so then (and when Windows does not say) it hedges; the check never stops the message being given."""
    import ctypes

    kernel32 = FakeKernel32(**windows)
    db_path.parent.mkdir(parents=True)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, use_last_error: kernel32, raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: kernel32.last_error, raising=False)
    with InstanceLock(db_path), pytest.raises(AlreadyOpenError) as told:
        InstanceLock(db_path).acquire()

    assert kernel32.asked == [(instance_lock.PROCESS_QUERY_LIMITED_INFORMATION, False, os.getpid())]
    assert not kernel32.open_handles, "every handle opened is closed"
    message = told.value.message
    opened = f"CoPDesk is already open on {db_path} (process {os.getpid()} on "
    held = f"OneDrive is holding its lock file, {lock_path(db_path)}, so that CoPDesk cannot clear it"
    hedged = f"OneDrive may be holding its lock file, {lock_path(db_path)}"
    if said == "ended":
        assert message.startswith(f"No CoPDesk is open on {db_path} (process {os.getpid()}, which last opened it,")
        assert held in message and "restart the computer" in message and "delete" not in message
    else:
        assert message.startswith(opened) and hedged in message and "delete" not in message


def test_a_database_with_a_second_name_is_never_opened_by_either(db_path: Path, tmp_path: Path) -> None:
    """Each name of a hard link would get its own lock and its own -wal: a second CoPDesk through the other name
    would then write into the same file unseen, and damage it."""
    make_database(db_path)
    other_name = tmp_path / "team-notes.db"
    os.link(db_path, other_name)
    before = sorted(path.name for path in db_path.parent.iterdir())

    for name in (db_path, other_name):
        prompts = FakePrompts()
        assert open_for_gui(name, prompts, migrations_dir=paths.migrations_dir(), now=NOW) is None
        ((asked, message),) = prompts.asked
        assert asked == "location" and "hard link" in message and "\n" not in message

    assert sorted(path.name for path in db_path.parent.iterdir()) == before  # no lock, no -wal, for either name
    assert not lock_path(other_name).exists()


def test_no_command_reads_or_writes_a_database_with_a_second_name(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    """Commands that read opened it by either name, and an export wrote its audit line through the second, giving
    the one file a second -wal beside a window writing through the first."""
    make_database(db_path)
    other_name = tmp_path / "team-notes.db"
    os.link(db_path, other_name)
    before = sorted(path.name for path in tmp_path.rglob("*"))
    for name in (db_path, other_name):
        for command in (
            ("check",),
            ("sessions",),
            ("review",),
            ("export", "1", "--format", "md", "-o", str(tmp_path / "record.md")),
        ):
            outcome = call_cli(*command, "--db", str(name))
            assert "hard link" in one_line_error(outcome), (name.name, command)
    assert sorted(path.name for path in tmp_path.rglob("*")) == before
