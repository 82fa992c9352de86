"""A fault of CoPDesk's own, through the real app (``run_gui``): in a slot, a repaint or a worker thread, it is logged
beside the data without a word of the notes, said in one line in the banner strip (never a modal), and the window
carries on."""

from __future__ import annotations

import os
import stat
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from copdesk import app, crash_log, paths
from copdesk.app import window_for
from copdesk.store.connection import open_database
from copdesk.views.shell.fault_notice import FaultNotice
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.background import BackgroundJob
from tests.reliability.conftest import make_database

NOTE = "Mrs Example told us about her son's placement"  # fictional, and what a fault's message can quote


def _shown_window() -> MainWindow:
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


def _search_fails(_window: MainWindow) -> None:
    raise ValueError(f"no note matches {NOTE!r}")


class PaintsUntilTold(QWidget):
    """A widget whose paint (a Qt virtual method) fails once told to."""

    failing = False

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.failing:
            raise KeyError(NOTE)
        super().paintEvent(event)


def _backup_fails() -> object:
    raise RuntimeError(f"could not copy {NOTE!r}")


@pytest.mark.qt_no_exception_capture  # the app's own hook is what is tried here
def test_a_fault_in_a_slot_a_repaint_or_a_thread_is_logged_said_and_survived(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    monkeypatch.setattr(threading, "excepthook", threading.__excepthook__)  # as in the app, not the test runner's
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    monkeypatch.setattr(MainWindow, "search_notes", _search_fails)  # View ▸ Search notes… now fails inside
    seen: dict[str, object] = {}

    def event_loop() -> int:
        window = _shown_window()
        window.finish_background_work()
        banner = window.safeguards.fault_banner
        search = next(a for a in window.menus["&View"].actions() if a.text() == "&Search notes…")
        search.trigger()  # a slot that raises
        qtbot.waitUntil(banner.isVisible)
        seen["slot"] = banner.label.text()
        painter = PaintsUntilTold()
        painter.setMinimumSize(40, 12)
        window.statusBar().addPermanentWidget(painter)
        qtbot.waitExposed(painter)
        painter.failing = True  # a virtual method that raises, on every repaint
        for _ in range(6):
            painter.update()
            QApplication.processEvents()
        qtbot.waitUntil(lambda: "(KeyError)" in banner.label.text())
        painter.failing = False
        seen["repaint"] = banner.label.text()
        job = BackgroundJob(_backup_fails, "copdesk-test-backup")  # a worker thread that raises
        job.start()
        job.wait()
        qtbot.waitUntil(lambda: "(RuntimeError)" in banner.label.text())
        seen["thread"] = banner.label.text()
        seen["modal"] = QApplication.activeModalWidget()
        window.show_page(LIVE_PAGE)  # and the window carries on
        seen["live"] = window.pages.currentIndex()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(event_loop))
    hook_before = sys.excepthook

    assert app.run_gui(["--db", str(db_path)]) == 0

    assert sys.excepthook is hook_before and threading.excepthook is threading.__excepthook__  # put back
    assert seen["slot"] == (
        "CoPDesk caught an internal error (ValueError) and carried on: check that what you just did took effect. "
        "Details: logs/copdesk.log beside your data."
    )
    assert "(KeyError)" in str(seen["repaint"]) and "(RuntimeError)" in str(seen["thread"])
    assert seen["modal"] is None and seen["live"] == LIVE_PAGE
    log = crash_log.log_path(db_path.parent)
    text = log.read_text(encoding="utf-8")
    assert "in thread MainThread;" in text and "in _search_fails" in text and "Fault: ValueError" in text
    assert text.count("Fault: KeyError") == crash_log.SAME_FAULT_WRITTEN  # six repaints, three records
    assert "in thread copdesk-test-backup;" in text and "in _backup_fails" in text
    assert NOTE not in text and "placement" not in text
    if os.name == "posix":
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_the_same_line_again_leaves_the_banner_as_it_is(window: MainWindow, qtbot: QtBot) -> None:
    notice = FaultNotice()
    notice.tell("CoPDesk caught an internal error (KeyError) and carried on.")
    banner = window.safeguards.fault_banner
    qtbot.waitUntil(banner.isVisible)
    assert window.safeguards.banner_area.isVisible() and banner.close_button.isVisible()
    assert banner.accessibleName() == "Message"
    label = banner.label
    notice.tell("CoPDesk caught an internal error (KeyError) and carried on.")
    QApplication.processEvents()
    assert banner.label is label and banner.isVisible()
    banner.close_button.click()  # dismissed by the facilitator
    assert not window.safeguards.banner_area.isVisible()


def test_before_the_data_is_open_the_line_goes_in_the_status_bar(qtbot: QtBot) -> None:
    from copdesk import paths

    frame = MainWindow(paths.asset_dir("resources"))
    qtbot.addWidget(frame)
    frame.show()
    notice = FaultNotice()  # kept, as watch_faults keeps it: the line is queued to it
    notice.tell("CoPDesk caught an internal error (KeyError) and carried on.")
    qtbot.waitUntil(lambda: "internal error" in frame.statusBar().currentMessage())


@pytest.mark.qt_no_exception_capture
def test_a_fault_that_ends_the_app_is_logged_too(qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copdesk.instance_lock import lock_path

    make_database(db_path)

    def offer_fails(_window: MainWindow) -> None:
        raise LookupError(f"no session called {NOTE!r}")

    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", offer_fails)  # before the event loop starts
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: 0))

    assert app.run_gui(["--db", str(db_path)]) == 1

    text = crash_log.log_path(db_path.parent).read_text(encoding="utf-8")
    assert "Fault: LookupError" in text and "<locals>.offer_fails" in text and NOTE not in text
    assert not lock_path(db_path).exists()  # released on the way out
    for window in QApplication.topLevelWidgets():
        window.close()
        window.deleteLater()


def test_a_fault_before_the_tools_are_built_is_said_in_the_status_bar(qtbot: QtBot, db_path: Path) -> None:
    """Between the data opening and the tools (with the banner strip) being built, a fault, in the Prepare view's
    first paint say, is still said, in the status bar, where the frame says it."""
    make_database(db_path)
    frame = MainWindow(paths.asset_dir("resources"))
    qtbot.addWidget(frame)
    frame.show()
    window = window_for(
        open_database(db_path, paths.migrations_dir()), build_live_page=False, frame=frame, tools_after_paint=True
    )
    assert window.is_open() and not window.has_tools()
    FaultNotice()._show("CoPDesk: internal error (KeyError) caught and logged")
    assert window.statusBar().currentMessage() == "CoPDesk: internal error (KeyError) caught and logged"
