"""The share-safe view and the mini timer are windows of their own, with no parent: they go with the main window.

A main window deleted without a completed close (a test's teardown while a session is live asks before closing, so
the close is refused) used to leave them open, orphaned: closing one later (Qt closes every window on a log-off)
called into the deleted window's actions and raised in the event loop.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.app import create_window
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session


def test_the_extra_windows_go_when_the_main_window_is_deleted(
    qtbot: QtBot, db_path: Path, fake_clock: FakeClock
) -> None:
    window = create_window(db_path, clock=fake_clock)
    window.show()
    add_team(window)
    start_session(window)
    flow = window.session_flow
    flow.actions.share_view.trigger()
    flow.actions.mini_timer.trigger()
    share, mini = flow.share_view, flow.mini_timer
    assert share.isVisible() and mini.isVisible()

    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # what the window's end posted in turn
    assert not shiboken6.isValid(share) and not shiboken6.isValid(mini)
    QApplication.closeAllWindows()  # a log-off: nothing left of that window raises (pytest-qt fails on it)
