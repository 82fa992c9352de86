"""The crash log: metadata and tracebacks only, never a word typed; private, rotated, and never in the app's way."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest

from copdesk import crash_log
from copdesk.crash_log import CrashLog, install, log_path

# Fictional, and what a fault's message can quote: a note, a colleague's name, a value in SQL.
NOTE = "Mrs Example told us about her son's placement"
NAME = "Zoë Quinn"
EMPTY: dict[str, str] = {}


def _caught(fault: Callable[[], object]) -> tuple[BaseException, TracebackType | None]:
    try:
        fault()
    except Exception as exc:
        return exc, exc.__traceback__
    raise AssertionError("no fault")


def _save_note(text: str) -> None:
    raise ValueError(f"could not save {text!r}")


def _note_then_sql_then_file() -> None:
    """A fault that quotes stored text three ways: in its message, in its cause's SQL values, in a file name."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE note (text TEXT UNIQUE)")
    conn.execute("INSERT INTO note VALUES (?)", [NOTE])
    try:
        _save_note(NOTE)
    except ValueError as exc:
        try:
            quoted = NOTE.replace("'", "''")
            conn.execute(f"INSERT INTO note VALUES ('{quoted}')")
        except sqlite3.IntegrityError as sql_exc:
            raise OSError(2, f"No such file: {NAME}", f"/home/{NAME}/{NOTE}.md") from sql_exc
        raise AssertionError("the insert should fail") from exc


def _all_log_text(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted((folder / crash_log.LOG_FOLDER).iterdir()))


def test_the_log_holds_types_and_frames_and_never_what_a_message_quotes(tmp_path: Path) -> None:
    log = CrashLog(tmp_path)
    exc, tb = _caught(_note_then_sql_then_file)
    assert log.record(exc, tb, "MainThread")
    log.close()
    text = _all_log_text(tmp_path)
    assert "in thread MainThread; CoPDesk" in text
    assert "Fault: FileNotFoundError (ENOENT)" in text
    assert "Caused by: sqlite3.IntegrityError (SQLITE_CONSTRAINT_UNIQUE)" in text
    assert "While handling: ValueError" in text
    assert 'File "tests/test_crash_log.py", line' in text and "in _save_note" in text  # relative: no home folder
    assert "in _note_then_sql_then_file" in text
    for quoted in (NOTE, "Mrs Example", NAME, "Quinn", "placement", "could not save", "INSERT", "No such file"):
        assert quoted not in text, quoted


def test_a_fault_is_one_record_with_a_utc_time(tmp_path: Path) -> None:
    log = CrashLog(tmp_path)
    log.record(*_caught(lambda: EMPTY["key"]), "worker")
    log.close()
    first, *frames = log_path(tmp_path).read_text(encoding="utf-8").splitlines()
    stamp, rest = first.split(" ", 1)
    assert stamp.endswith("Z") and len(stamp) == len("2026-10-08T09:30:00Z")
    assert rest.startswith("in thread worker;")
    assert frames[0] == "Fault: KeyError" and all(line.startswith("  File ") for line in frames[1:])


@pytest.mark.posix_only
def test_the_log_and_its_folder_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        stale = log_path(tmp_path)
        stale.parent.mkdir(mode=0o755)
        stale.parent.chmod(0o755)
        stale.write_text("from before\n", encoding="utf-8")
        stale.chmod(0o644)
        log = CrashLog(tmp_path)
        log.record(*_caught(lambda: 1 / 0), "MainThread")
        log.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(stale.stat().st_mode) == 0o600
    assert stat.S_IMODE(stale.parent.stat().st_mode) == 0o700


@pytest.fixture
def small_log(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crash_log, "LOG_BYTES", 2000)
    monkeypatch.setattr(crash_log, "SAME_FAULT_WRITTEN", 10_000)


@pytest.mark.usefixtures("small_log")
def test_the_log_rotates_and_keeps_three_older_files_all_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        log = CrashLog(tmp_path)
        for _ in range(100):
            assert log.record(*_caught(lambda: 1 / 0), "MainThread")
        log.close()
    finally:
        os.umask(old)
    files = sorted(path.name for path in log_path(tmp_path).parent.iterdir())
    assert files == ["copdesk.log", "copdesk.log.1", "copdesk.log.2", "copdesk.log.3"]
    for path in log_path(tmp_path).parent.iterdir():
        assert path.stat().st_size <= 2000
        if os.name == "posix":
            assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_same_fault_is_written_a_few_times_then_only_counted(tmp_path: Path) -> None:
    log = CrashLog(tmp_path)
    for _ in range(10):
        assert log.record(*_caught(lambda: 1 / 0), "MainThread")  # still "in the log": its first records are
    assert log.record(*_caught(lambda: EMPTY["other"]), "MainThread")  # another fault is written
    log.close()
    text = log_path(tmp_path).read_text(encoding="utf-8")
    assert text.count("Fault: ZeroDivisionError") == crash_log.SAME_FAULT_WRITTEN
    assert "not written again before CoPDesk restarts" in text
    assert text.count("Fault: KeyError") == 1


@pytest.mark.parametrize("blocked", ["logs is a file", "no data folder"])
def test_a_log_that_cannot_be_written_never_stops_anything(tmp_path: Path, blocked: str) -> None:
    folder = tmp_path / "data"
    if blocked == "logs is a file":
        folder.mkdir()
        (folder / crash_log.LOG_FOLDER).write_text("not a folder", encoding="utf-8")
    log = CrashLog(folder)
    assert log.record(*_caught(lambda: 1 / 0), "MainThread") is False
    assert log.record(*_caught(lambda: 1 / 0), "MainThread") is False
    log.close()


@pytest.fixture
def default_hooks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Python's own hooks in place of the test runner's, as in the app."""
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)
    yield


def _raise_in_thread(fault: Callable[[], object], name: str = "copdesk-test-worker") -> None:
    worker = threading.Thread(target=fault, name=name)
    worker.start()
    worker.join()


@pytest.mark.usefixtures("default_hooks")
def test_the_hooks_log_say_one_line_and_are_put_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    told: list[str] = []
    uninstall = install(CrashLog(tmp_path), told.append, environ={})
    try:
        exc, tb = _caught(lambda: _save_note(NOTE))
        sys.excepthook(type(exc), exc, tb)
        _raise_in_thread(lambda: _save_note(NOTE))
        _raise_in_thread(lambda: sys.exit(3))  # a thread ending itself: no fault
    finally:
        uninstall()
    assert sys.excepthook is sys.__excepthook__ and threading.excepthook is threading.__excepthook__
    assert told == [crash_log.fault_message(exc, written=True)] * 2
    assert told[0] == (
        "CoPDesk caught an internal error (ValueError) and carried on: check that what you just did took effect. "
        "Details: logs/copdesk.log beside your data."
    )
    text = _all_log_text(tmp_path)
    assert "in thread MainThread;" in text and "in thread copdesk-test-worker;" in text
    assert "SystemExit" not in text and NOTE not in text
    err = capsys.readouterr().err
    assert err.count(f"CoPDesk: internal error (ValueError) caught and logged in {log_path(tmp_path)}") == 2
    assert NOTE not in err and "Traceback" not in err


@pytest.mark.usefixtures("default_hooks")
def test_a_log_that_cannot_be_written_is_said_and_the_hook_carries_on(tmp_path: Path) -> None:
    (tmp_path / crash_log.LOG_FOLDER).write_text("not a folder", encoding="utf-8")
    told: list[str] = []
    uninstall = install(CrashLog(tmp_path), told.append, environ={})
    try:
        sys.excepthook(*_info(lambda: 1 / 0))
    finally:
        uninstall()
    assert told == [
        "CoPDesk caught an internal error (ZeroDivisionError) and carried on: check that what you just did took "
        "effect. It could not be logged."
    ]


def _info(fault: Callable[[], object]) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    exc, tb = _caught(fault)
    return type(exc), exc, tb


@pytest.mark.usefixtures("default_hooks")
def test_a_keyboard_interrupt_is_left_to_python(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    told: list[str] = []
    uninstall = install(CrashLog(tmp_path), told.append, environ={})
    try:
        sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    finally:
        uninstall()
    assert told == [] and not log_path(tmp_path).exists()
    assert "KeyboardInterrupt" in capsys.readouterr().err


@pytest.mark.usefixtures("default_hooks")
def test_copdesk_debug_also_prints_the_whole_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    uninstall = install(CrashLog(tmp_path), lambda _message: None, environ={"COPDESK_DEBUG": "1"})
    try:
        sys.excepthook(*_info(lambda: _save_note(NOTE)))
        _raise_in_thread(lambda: _save_note(NOTE))
    finally:
        uninstall()
    err = capsys.readouterr().err
    assert err.count("Traceback (most recent call last)") == 2 and err.count(f"could not save {NOTE!r}") == 2
    assert NOTE not in _all_log_text(tmp_path)  # the log itself never holds it


def test_a_hook_set_before_still_hears_of_each_fault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    heard: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, _exc, _tb: heard.append(kind.__name__))
    monkeypatch.setattr(threading, "excepthook", lambda args: heard.append(f"thread {args.exc_type.__name__}"))
    told: list[str] = []
    uninstall = install(CrashLog(tmp_path), told.append, environ={})
    try:
        sys.excepthook(*_info(lambda: 1 / 0))
        _raise_in_thread(lambda: EMPTY["other"])
    finally:
        uninstall()
    assert heard == ["ZeroDivisionError", "thread KeyError"] and len(told) == 2


@pytest.mark.parametrize(("value", "asked"), [("1", True), ("yes", True), (" 1 ", True), ("0", False), ("", False)])
def test_copdesk_debug_values(value: str, asked: bool) -> None:
    assert crash_log.debug_requested({"COPDESK_DEBUG": value}) is asked
    assert crash_log.debug_requested({}) is False


@pytest.mark.parametrize(
    ("filename", "shown"),
    [
        (crash_log.__file__, "copdesk/crash_log.py"),
        ("copdesk/app.py", "copdesk/app.py"),  # a frozen bundle's
        ("/nowhere/on/the/path/home/zoe/secret.py", "secret.py"),
        ("<string>", "<string>"),
    ],
)
def test_source_files_are_named_without_the_folders_above_the_package(filename: str, shown: str) -> None:
    assert crash_log._shown_file(filename) == shown.replace("/", os.sep)
