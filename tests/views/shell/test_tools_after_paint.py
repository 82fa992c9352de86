"""At start-up the Prepare view paints first; the session flow, reports, data care, demo and menus come right after."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.app import window_for
from copdesk.services.demo import write_demo_history
from copdesk.store.connection import open_database
from copdesk.views.shell import main_window
from copdesk.views.shell.header_bar import PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow


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


def test_a_window_deleted_before_its_queued_start_up_calls_takes_them_with_it(qtbot: QtBot, db_path: Path) -> None:
    """A restore or the demo replaces the window with deleteLater; what its first paint queued, or the tools' latest
    moment, must not then run on the deleted window (pytest-qt fails the test on an exception in the event loop)."""
    frame = MainWindow(paths.asset_dir("resources"))
    frame.show()
    qtbot.waitExposed(frame)  # as at start-up: the frame has painted before the data is opened
    opened = open_database(db_path, paths.migrations_dir())
    window = window_for(opened, build_live_page=False, frame=frame, tools_after_paint=True)
    window.paintEvent(QPaintEvent(window.rect()))  # the Prepare view's first paint queues the tools, as the loop would
    shiboken6.delete(window)
    qtbot.wait(main_window.TOOLS_AT_THE_LATEST_MS + 300)
    opened.db.close()


def test_a_window_closed_before_its_queued_start_up_calls_leaves_them_undone(qtbot: QtBot, db_path: Path) -> None:
    """Leaving the demo (or a restore) closes the window and its database at once, and deletes the window only
    later: the calls its first paint queued come round in between. They must not offer the first run or a resume
    on the closed database (pytest-qt fails the test on the exception that made)."""
    window = _frame_filled_after_paint(qtbot, db_path)
    offered: list[str] = []
    window.first_painted.connect(lambda: offered.append("offered"))
    window.first_painted.connect(window.offer_first_run_or_resume)  # as copdesk.app connects a replacing window
    window.paintEvent(QPaintEvent(window.rect()))  # the first paint queues the tools and the start-up jobs
    assert window.close_without_asking()
    window.context.db.close()  # as the switch to another database does, before the window is deleted
    qtbot.wait(main_window.TOOLS_AT_THE_LATEST_MS + 300)
    assert offered == []


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


def _lower_sections(window: MainWindow) -> dict[str, object]:
    sections = window.review_panel.review_sections
    return {
        "issues": sections.issues.summary.text(),
        "escalations": sections.escalations.summary.text(),
        "quiet": sections.quiet.summary.text(),
        "quiet names hidden": sections.quiet.names.isHidden(),
        "questions": sections.questions.summary.text(),
        "chart's team": window.participation_history.team,
        "order": list(window.review_panel.sections),
    }


def test_the_sections_built_after_the_paint_show_the_team_chosen_before_it(qtbot: QtBot, db_path: Path) -> None:
    """A team chosen, and the view hidden and shown again, while only the first screenful existed: the sections
    built after the paint show that team, in the same places and with the same words as when built at once."""
    opened = open_database(db_path, paths.migrations_dir())
    write_demo_history(opened.db, datetime.now(UTC), paths.resource_path("questions"))
    opened.db.close()
    late = _frame_filled_after_paint(qtbot, db_path)
    assert late.header.team_combo.count() >= 2
    late.header.team_combo.setCurrentIndex(1)
    late.review_panel.hide()
    late.review_panel.show()
    assert not late.has_tools()
    with qtbot.waitSignal(late.first_painted, timeout=10_000):
        late.repaint()
    seen_late = _lower_sections(late)
    late.close_without_asking()

    at_once = window_for(open_database(db_path, paths.migrations_dir()), build_live_page=False)
    qtbot.addWidget(at_once)
    at_once.header.team_combo.setCurrentIndex(1)
    assert _lower_sections(at_once) == seen_late
    assert seen_late["chart's team"] == at_once.current_team() and seen_late["quiet names hidden"]
    assert seen_late["issues"] and seen_late["questions"]
    at_once.close_without_asking()
