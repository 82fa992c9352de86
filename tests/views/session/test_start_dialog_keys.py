"""In the Start dialog Enter is "on to the next step", wherever the focus was left: after Tick everyone as
present, Enter goes to the ground rules (not ticking everyone again), and there Enter starts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team


def _enter() -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key.Key_Return)


def test_enter_after_tick_everyone_moves_on_and_then_starts(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    QTest.mouseClick(dialog.ui.tickEveryoneButton, Qt.MouseButton.LeftButton)
    dialog.ui.tickEveryoneButton.setFocus()  # where a click leaves the focus on most systems
    _enter()
    assert dialog.pages.currentIndex() == 1
    dialog.agreed_check.setChecked(True)
    _enter()
    assert window.live_session.is_live


def test_enter_in_the_guest_field_adds_the_guest_and_stays(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.guest_edit.setFocus()
    QTest.keyClicks(dialog.guest_edit, "Dee Guest")
    QTest.keyClick(dialog.guest_edit, Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == 0
    assert "Dee Guest" in [dialog.present_list.item(i).text() for i in range(dialog.present_list.count())][-1]
