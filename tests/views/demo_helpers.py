"""The real window on a copy of the fictional demo data, for the tests that walk every page and dialog of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from copdesk.sandbox import laptop_window
from copdesk.views.shell.main_window import MainWindow


def window_on_a_copy(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> MainWindow:
    """The window at the laptop's size on a copy of ``demo_db`` (the ``demo_db`` fixture), its data open."""
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    window = laptop_window(copy)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.is_open)
    return window


def show_dialogs_instead_of_running(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each modal dialog is shown and answered as cancelled at once, so a test can read it, then close it."""

    def shown(dialog: QDialog) -> int:
        dialog.show()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", shown)
