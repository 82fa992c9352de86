"""Every live key works whichever CoPDesk window has the focus, and the share-safe view never takes it.

A facilitator clicked the share-safe view to move it onto the shared screen, then pressed Space, N, a tally key,
Ctrl+Shift+S and Ctrl+Q: nothing happened. Here each is pressed with the share-safe view (and the mini timer)
as the active window, through the real window.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.timer import TimerStatus
from copdesk.store import participation
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _activate(widget: QWidget, qtbot: QtBot) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _status(window: MainWindow) -> TimerStatus | None:
    view = window.session_flow.live_timer.last_view
    return None if view is None else view.status


def test_opening_the_share_safe_view_leaves_the_focus_in_the_main_window(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    _activate(window, qtbot)
    QTest.keyClick(window, Qt.Key.Key_S, CTRL_SHIFT)
    assert window.session_flow.share_view.isVisible()
    assert window.isActiveWindow() and not window.session_flow.share_view.isActiveWindow()
    QTest.keyClick(window, Qt.Key.Key_Space)  # the next key still reaches the timer
    assert _status(window) is TimerStatus.PAUSED


@pytest.mark.parametrize(
    ("other", "keys"), [("share_view", CTRL_SHIFT), ("mini_timer", Qt.KeyboardModifier.ControlModifier)]
)
def test_opening_the_other_windows_from_the_notes_leaves_the_keys_in_the_notes(
    window: MainWindow, qtbot: QtBot, other: str, keys: Qt.KeyboardModifier
) -> None:
    add_team(window)
    start_session(window)
    _activate(window, qtbot)
    editor = window.notes_panel.editor
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_S if other == "share_view" else Qt.Key.Key_T, keys)
    assert getattr(window.session_flow, other).isVisible()
    qtbot.wait(50)  # the window system's activation events, if the other window took the keys
    assert window.isActiveWindow() and QApplication.focusWidget() is editor
    QTest.keyClicks(editor, "no risk")  # N, Space and R would drive the timer from the other window
    assert editor.toPlainText() == "no risk"
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.segment_index == 0 and _status(window) is TimerStatus.RUNNING


@pytest.mark.parametrize("other", ["share_view", "mini_timer"])
def test_live_keys_work_while_another_copdesk_window_has_the_focus(
    window: MainWindow, qtbot: QtBot, other: str
) -> None:
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    (flow.actions.share_view if other == "share_view" else flow.actions.mini_timer).trigger()
    focused: QWidget = getattr(flow, other)
    assert focused.isVisible()
    _activate(focused, qtbot)

    QTest.keyClick(focused, Qt.Key.Key_Space)
    assert _status(window) is TimerStatus.PAUSED
    QTest.keyClick(focused, Qt.Key.Key_Space)
    assert _status(window) is TimerStatus.RUNNING
    QTest.keyClick(focused, Qt.Key.Key_N)
    view = flow.live_timer.last_view
    assert view is not None and view.segment_index == 1
    QTest.keyClick(focused, Qt.Key.Key_2)  # a tally key: the person numbered 2
    assert len(participation.contributions(window.context.db, session.id)) == 1
    QTest.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # and its undo
    assert participation.contributions(window.context.db, session.id) == []
    QTest.keyClick(focused, Qt.Key.Key_S, CTRL_SHIFT)  # the share-safe view toggles from there too
    assert flow.share_view.isVisible() is (other != "share_view")
    if not focused.isVisible():
        _activate(window, qtbot)
        flow.actions.share_view.trigger()  # open again, to try Ctrl+Q from it
    _activate(focused, qtbot)
    QTest.keyClick(focused, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Q asks, as in the main window
    question = flow.close_question
    assert question is not None and question.isVisible()
    question.cancel_button.click()
