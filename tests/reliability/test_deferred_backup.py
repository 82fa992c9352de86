"""Start-up work done once the window has painted with its panes, with its guarantees kept.

The backup is taken in a worker thread: it holds the data as it was opened (not what the session wrote
since), it is always taken (even after a quit before that paint), a failure still reaches the banner,
and data care (restore, retention, erasure) waits for it, so the restore list is complete and a deletion
reaches that backup too. The cyclic garbage collector, off during start-up, is back on once the window is built.
"""

from __future__ import annotations

import errno
import gc
import sqlite3
import threading
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk import app, paths
from copdesk.crash_log import log_path
from copdesk.startup import open_for_gui
from copdesk.startup_backup import StartupBackup
from copdesk.store import backup as backup_module
from copdesk.store.backup_catalogue import BackupKind, list_backups
from copdesk.store.connection import open_database
from copdesk.store.uri import sqlite_uri
from copdesk.views.data_care.restore_dialog import RestoreDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.background import BackgroundJob
from tests.reliability.conftest import NOW, FakePrompts, make_database


def _automatic(db_path: Path) -> list[Path]:
    return [b.path for b in list_backups(db_path) if b.kind is BackupKind.AUTOMATIC]


def _setting(path: Path, key: str) -> str | None:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", [key]).fetchone()
    finally:
        conn.close()
    return str(row[0]) if row else None


def _change(db_path: Path, key: str, value: str) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    opened.db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", [key, value])
    opened.db.close()


def test_a_deferred_backup_holds_the_data_as_opened_not_what_was_written_since(db_path: Path) -> None:
    make_database(db_path)
    _change(db_path, "before", "opened")  # changed since the last start: a backup is due
    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW, defer_backup=True)
    assert started is not None and isinstance(started.backup, StartupBackup)
    assert _automatic(db_path) == []  # not taken yet
    started.opened.db.execute("INSERT INTO setting (key, value) VALUES ('during', 'the session')")  # after opening

    assert started.backup.take() is None
    (backup,) = _automatic(db_path)
    assert _setting(backup, "before") == "opened"
    assert _setting(backup, "during") is None  # the mistake made after start-up is not in "the backup before it"
    started.opened.db.close()
    started.lock.release()


def test_nothing_is_deferred_when_no_backup_is_due(db_path: Path) -> None:
    make_database(db_path)
    for hour in (1, 2):  # the first start backs up; the second finds nothing changed
        started = open_for_gui(
            db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW + timedelta(hours=hour)
        )
        assert started is not None and started.backup is None
        started.opened.db.close()
        started.lock.release()
    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW, defer_backup=True)
    assert started is not None and started.backup is None
    started.opened.db.close()
    started.lock.release()


def _run_app(monkeypatch: pytest.MonkeyPatch, db_path: Path, loop: Callable[[MainWindow], None]) -> list[MainWindow]:
    """``run_gui`` with the event loop replaced by ``loop`` (which gets the shown window)."""
    seen: list[MainWindow] = []

    def fake_exec() -> int:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.append(window)
        loop(window)
        window.close()
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    assert app.run_gui(["--db", str(db_path)]) == 0
    return seen


def test_the_app_takes_the_backup_in_a_worker_thread_after_the_first_paint(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    threads: list[str] = []
    real_backup_to = backup_module.backup_to

    def recording_backup_to(source: sqlite3.Connection, destination: Path) -> Path:
        threads.append(threading.current_thread().name)
        return real_backup_to(source, destination)

    monkeypatch.setattr("copdesk.store.backup_catalogue.backup_to", recording_backup_to)
    before_paint: list[int] = []

    def loop(window: MainWindow) -> None:
        before_paint.append(len(_automatic(db_path)))
        window.repaint()  # the first paint with the panes (the frame painted before), as the real loop does it
        qtbot.waitUntil(lambda: len(_automatic(db_path)) == 1, timeout=10_000)

    _run_app(monkeypatch, db_path, loop)
    assert before_paint == [0]  # the Prepare view was on screen before any backup work
    assert threads == ["copdesk-startup-backup"]
    assert len(_automatic(db_path)) == 1


def test_a_quit_before_the_first_paint_still_takes_the_backup(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    _run_app(monkeypatch, db_path, lambda window: None)  # closed before it painted with its panes
    assert len(_automatic(db_path)) == 1


@pytest.mark.parametrize("in_the_way", ["a file", "a link to a file", "a link to a drive that has gone"])
def test_a_failed_deferred_backup_is_said_in_the_banner(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, in_the_way: str
) -> None:
    """A file where the backups folder goes was said as "could not be made … show your IT support the log", at every
    start, though only the facilitator can move it: the banner names it, and says what to do. A link to a memory
    stick pulled out is not to be moved: the drive it points to is to be reconnected."""
    make_database(db_path)
    backups = db_path.parent / "backups"
    gone = tmp_path / "memory stick" / "CoPDesk backups"
    what_to_do = "a file (or a link to no folder): move it elsewhere"
    if in_the_way == "a file":
        backups.write_text("a file where the folder should be", encoding="utf-8")
    elif in_the_way == "a link to a file":
        (tmp_path / "notes.txt").write_text("a file a link in its place leads to", encoding="utf-8")
        backups.symlink_to(tmp_path / "notes.txt")
    else:
        backups.symlink_to(gone)
        what_to_do = f"a link to {gone}, which cannot be reached: reconnect the drive it points to, or remove the link"
    shown: list[str] = []

    def loop(window: MainWindow) -> None:
        window.repaint()
        qtbot.waitUntil(window.has_tools)  # built just after the Prepare view's first paint
        banner = window.safeguards.warning_banner
        qtbot.waitUntil(lambda: not banner.isHidden(), timeout=10_000)
        shown.append(banner.label.text())

    _run_app(monkeypatch, db_path, loop)
    assert shown[0] == (  # in words, without Python's ("[Errno 17] File exists: …")
        f"The automatic backup could not be made at this start: {backups} is where CoPDesk keeps a folder of backups, "
        f"but it is {what_to_do}. Your data is not affected, and your earlier backups are kept; CoPDesk tries again "
        "when it next starts."
    )
    assert "(EEXIST)" in log_path(db_path.parent).read_text(encoding="utf-8")


def test_a_full_disk_stopping_the_backup_is_said_as_such(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_database(db_path)

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("copdesk.store.backup_catalogue.backup_if_changed", full)
    warning = StartupBackup(db_path, "", NOW).take()
    assert warning == (
        "The automatic backup could not be made at this start: the disk is full. Your data is not affected, and your "
        "earlier backups are kept, but free some space soon or new notes may not save; CoPDesk tries again when it "
        "next starts."
    )
    logged = log_path(db_path.parent).read_text(encoding="utf-8")
    assert "OSError (ENOSPC)" in logged and "No space left" not in logged


def test_data_care_waits_for_the_start_up_backup(qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_database(db_path)
    listed: list[int] = []

    def loop(window: MainWindow) -> None:  # File > Restore from backup… as soon as the menu is there
        window.repaint()
        qtbot.waitUntil(window.has_tools)
        window.safeguards.restore_from_backup()
        dialog = window.safeguards.current_dialog
        assert dialog is not None
        assert isinstance(dialog, RestoreDialog)
        listed.append(dialog.list.count())
        dialog.reject()

    _run_app(monkeypatch, db_path, loop)
    assert listed == [1]  # the start-up backup was finished first, so it is offered


def test_a_background_job_runs_once_and_reports_on_the_gui_thread(qtbot: QtBot) -> None:
    ran: list[str] = []
    delivered: list[tuple[object, str]] = []

    def work() -> str:
        ran.append(threading.current_thread().name)
        return "done"

    job = BackgroundJob(work, "test-job")
    job.done.connect(lambda result: delivered.append((result, threading.current_thread().name)))
    job.start()
    job.start()
    job.wait()
    qtbot.waitUntil(lambda: bool(delivered))
    assert ran == ["test-job"]
    assert delivered == [("done", threading.main_thread().name)]

    never_started = BackgroundJob(work, "unused")
    never_started.done.connect(lambda result: delivered.append((result, threading.current_thread().name)))
    never_started.wait()  # runs the work here, at once
    never_started.start()  # and not again
    assert ran == ["test-job", threading.main_thread().name]
    assert len(delivered) == 2


def test_collection_is_off_while_start_up_builds_the_window_and_on_after(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    seen: list[bool] = []
    open_data = MainWindow.open_data

    def recording_open_data(window: MainWindow, *args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        open_data(window, *args, **kwargs)

    monkeypatch.setattr(MainWindow, "open_data", recording_open_data)
    _run_app(monkeypatch, db_path, lambda window: seen.append(gc.isenabled()))
    assert seen == [False, True]
    assert gc.isenabled()


def test_collection_is_back_on_when_start_up_stops_early(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    monkeypatch.setattr("copdesk.startup.open_claimed", lambda *args, **kwargs: None)  # refused, the user told
    assert app.run_gui(["--db", str(db_path)]) == 1
    assert gc.isenabled()
