"""A refused database gets a dialog (not a crash) and exit code 1, and the file stays as it was.

A file that is damaged or not a database at all is offered for recovery first (tests/reliability covers
the recovery); choosing Quit in that dialog changes nothing. A file from a newer CoPDesk is refused
outright.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk import app, paths, qt_start
from copdesk.store.connection import open_database
from copdesk.views.shell.startup_dialogs import DamagedDatabaseDialog


@pytest.mark.parametrize(
    "content", [b"", b"plain text, not a database\n", bytes(range(256))], ids=["empty", "text", "random"]
)
def test_refused_database_shows_a_dialog_and_exits_1(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    shown: list[str] = []

    def quit_without_changes(dialog: DamagedDatabaseDialog) -> int:
        shown.append(dialog.message_label.text())
        return 0  # the user chose Quit

    monkeypatch.setattr(DamagedDatabaseDialog, "exec", quit_without_changes)
    path = tmp_path / "copdesk.db"
    path.write_bytes(content)
    assert app.run_gui(["--db", str(path)]) == 1
    assert len(shown) == 1
    assert str(path) in shown[0] and "\n" not in shown[0]
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copdesk.db"]


def test_newer_database_is_refused_with_a_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    path = tmp_path / "copdesk.db"
    open_database(path, paths.migrations_dir()).db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    content = path.read_bytes()
    assert app.run_gui(["--db", str(path)]) == 1
    assert len(shown) == 1
    title, text = shown[0]
    assert "cannot open" in title
    assert "newer CoPDesk" in text and "\n" not in text
    assert path.read_bytes() == content


def test_a_missing_x11_library_is_named_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt would abort with a page of text; CoPDesk names the missing library and how to install it."""
    import ctypes

    def refuse(name: str) -> None:
        raise OSError("libxcb-icccm.so.4: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(ctypes, "CDLL", refuse)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    message = qt_start.missing_x11_library()
    assert message is not None and "\n" not in message
    assert "libxcb-icccm.so.4 is missing" in message and "apt install" in message
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert qt_start.missing_x11_library() is None


def test_altgr_types_its_character_on_windows_rather_than_pressing_a_ctrl_alt_shortcut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AltGr+C (ć on a Polish keyboard) reached Qt on Windows as Ctrl+Alt+C: Carry the selected follow-up action.
    Qt is told on CoPDesk's own command line, so the programs CoPDesk opens do not inherit it in their environment."""
    started: list[tuple[list[str], str | None]] = []

    def run(qt_args: list[str], _db: str | None) -> int:
        started.append((qt_args, os.environ.get("QT_QPA_PLATFORM")))
        return 0

    db = ["--db", str(tmp_path / "copdesk.db")]
    monkeypatch.setattr(app, "_run", run)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert app.run_gui(db) == 0
    assert app.run_gui([*db, "-platform", "windows:darkmode=2"]) == 0  # a platform chosen on the command line
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")  # or in the environment is kept
    assert app.run_gui(db) == 0
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert app.run_gui(db) == 0
    assert started == [
        (["-platform", "windows:altgr"], None),
        (["-platform", "windows:darkmode=2"], None),
        ([], "offscreen"),
        ([], None),
    ]
