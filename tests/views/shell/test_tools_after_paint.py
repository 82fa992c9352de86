"""At start-up the Prepare view paints first; the session flow, reports, data care, demo and menus come right after."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.app import window_for
from copdesk.store.connection import open_database
from copdesk.views.shell import main_window
from copdesk.views.shell.main_window import PREPARE_PAGE, MainWindow


def _menu_items(window: MainWindow) -> int:
    return sum(len(menu.actions()) for menu in window.menuBar().findChildren(QMenu))


def _frame_filled_after_paint(qtbot: QtBot, db_path: Path) -> MainWindow:
    frame = MainWindow(paths.asset_dir("resources"))
    qtbot.addWidget(frame)
    frame.show()
    window = window_for(
        open_database(db_path, paths.migrations_dir()), build_live_page=False, frame=frame, tools_after_paint=True
    )
    assert window is frame
    return window


def test_the_prepare_view_comes_before_the_tools(qtbot: QtBot, db_path: Path) -> None:
    window = _frame_filled_after_paint(qtbot, db_path)
    heard: list[str] = []
    window.when_tools_ready(lambda: heard.append("ready"))
    assert window.is_open() and window.pages.currentIndex() == PREPARE_PAGE
    before = _menu_items(window)
    assert not window.has_tools() and heard == []
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.repaint()
    assert window.has_tools() and heard == ["ready"]
    assert _menu_items(window) > before + 10
    window.when_tools_ready(lambda: heard.append("at once"))  # once built, a late caller is answered at once
    assert heard == ["ready", "at once"]
    window.close_without_asking()


def test_a_window_closed_before_its_tools_closes_cleanly(qtbot: QtBot, db_path: Path) -> None:
    window = _frame_filled_after_paint(qtbot, db_path)
    assert window.close_without_asking()
    assert window.has_tools() and not window.isVisible()


def test_asking_for_the_live_page_builds_the_tools_first(qtbot: QtBot, db_path: Path) -> None:
    window = _frame_filled_after_paint(qtbot, db_path)
    assert window.notes_panel is not None and window.has_tools()
    window.close_without_asking()


def test_a_window_never_painted_gets_its_tools_after_a_moment(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_window, "TOOLS_AT_THE_LATEST_MS", 0)  # the moment, without waiting for it
    frame = MainWindow(paths.asset_dir("resources"))  # never shown: as a start minimised to the taskbar
    qtbot.addWidget(frame)
    window = window_for(
        open_database(db_path, paths.migrations_dir()), build_live_page=False, frame=frame, tools_after_paint=True
    )
    assert not window.has_tools()
    qtbot.waitUntil(window.has_tools, timeout=5_000)  # the next turn of the event loop
