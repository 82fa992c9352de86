"""A paste too long for the guest name in Add person… says what was not taken, as the start dialog's does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, answer_leaving, start_session


def test_a_paste_too_long_for_a_guest_name_says_the_rest_was_not_taken(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An 8,000-character paste was cut to 80 characters without a word."""
    add_team(window)
    start_session(window)
    panel = window.participation_panel
    panel.add_button.click()
    dialog = panel.add_people_dialog
    assert dialog is not None
    QGuiApplication.clipboard().setText("Rosa Ortiz " * 800)
    dialog.guest_edit.setFocus()
    QTest.keyClick(dialog.guest_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.guest_edit.text()) == 80
    assert dialog.error_label.text() == "Guest name holds at most 80 characters: the rest was not taken."
    answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()
