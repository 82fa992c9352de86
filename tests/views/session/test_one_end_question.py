"""One question about ending at a time, and each answers only for the session it asked about.

The share-safe view and the mini timer copy the window's keys, and those fire while the window is held by a question:
Ctrl+E pressed twice there opened two "End the session?" questions. Once the session was ended through one, the
other's Discard… offered to delete the session just ended, and once another session had started, its End and keep
ended that one.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionStatus
from copdesk.store import sessions
from copdesk.views.session.session_flow import SessionFlow
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session

CTRL = Qt.KeyboardModifier.ControlModifier


def _questions_up(window: MainWindow) -> list[str]:
    return sorted(box.objectName() for box in window.findChildren(QMessageBox) if box.isVisible())


def _other_window(window: MainWindow, qtbot: QtBot, other: str) -> QWidget:
    flow = window.session_flow
    (flow.actions.share_view if other == "share_view" else flow.actions.mini_timer).trigger()
    focused: QWidget = getattr(flow, other)
    focused.activateWindow()
    qtbot.waitUntil(focused.isActiveWindow)
    return focused


def _press_again(focused: QWidget, qtbot: QtBot, key: Qt.Key) -> None:
    """The facilitator clicks the other window again (the question took the focus) and presses ``key`` there."""
    focused.activateWindow()
    qtbot.waitUntil(focused.isActiveWindow)
    QTest.keyClick(focused, key, CTRL)


@pytest.mark.parametrize("other", ["share_view", "mini_timer"])
def test_ctrl_e_again_from_another_window_brings_the_question_forward_and_asks_no_second(
    window: MainWindow, qtbot: QtBot, other: str
) -> None:
    add_team(window)
    start_session(window)
    focused = _other_window(window, qtbot, other)
    QTest.keyClick(focused, Qt.Key.Key_E, CTRL)
    first = window.session_flow.end_confirmation
    assert first is not None and first.isVisible()
    _press_again(focused, qtbot, Qt.Key.Key_E)
    assert _questions_up(window) == ["endConfirmation"]
    assert window.session_flow.end_confirmation is first
    qtbot.waitUntil(first.isActiveWindow)  # brought forward, where the facilitator can answer it


def test_one_question_about_ending_whichever_key_asked_first(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+Q while the End question is up, or Ctrl+E while the close question or its Discard… is, brings that one
    forward."""
    add_team(window)
    start_session(window)
    flow = window.session_flow
    focused = _other_window(window, qtbot, "share_view")
    QTest.keyClick(focused, Qt.Key.Key_E, CTRL)
    _press_again(focused, qtbot, Qt.Key.Key_Q)
    assert _questions_up(window) == ["endConfirmation"] and window.isVisible()
    assert flow.end_confirmation is not None
    flow.end_confirmation.button(QMessageBox.StandardButton.Cancel).click()

    _press_again(focused, qtbot, Qt.Key.Key_Q)
    _press_again(focused, qtbot, Qt.Key.Key_E)
    assert _questions_up(window) == ["closeQuestion"]
    assert flow.close_question is not None
    flow.close_question.cancel_button.click()

    _press_again(focused, qtbot, Qt.Key.Key_E)
    assert flow.end_confirmation is not None
    next(b for b in flow.end_confirmation.buttons() if b.text() == "&Discard…").click()
    _press_again(focused, qtbot, Qt.Key.Key_E)
    assert _questions_up(window) == ["discardConfirmation"]
    assert flow.ending.discard.confirmation is not None
    flow.ending.discard.confirmation.button(QMessageBox.StandardButton.Cancel).click()
    assert _questions_up(window) == [] and flow.live.is_live


def _ended_another_way(flow: SessionFlow, how: str, session_id: int) -> None:
    if how == "ended":
        summary = flow.end_now()
        assert summary is not None
        summary.close()
    else:
        flow.ending.discard.discard(session_id)


@pytest.mark.parametrize("how", ["ended", "discarded"])
@pytest.mark.parametrize("question", ["end", "close"])
def test_a_question_closes_unanswered_once_its_session_is_no_longer_live(
    window: MainWindow, how: str, question: str
) -> None:
    add_team(window)
    first = start_session(window)
    flow = window.session_flow
    asked = flow.request_end() if question == "end" else flow.ask_before_closing(window.close, True)
    assert asked is not None and asked.isVisible()

    _ended_another_way(flow, how, first.id)
    assert not asked.isVisible() and _questions_up(window) == []
    assert window.isVisible(), "the close question's answer was not taken either"
    second = start_session(window, topic="Second session")
    assert flow.live.session_id == second.id
    assert sessions.get_session(window.context.db, second.id).status is SessionStatus.LIVE
