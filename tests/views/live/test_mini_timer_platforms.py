"""The mini timer stays in sight on every platform while another app (Teams) is in front."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from copdesk.views.live.mini_timer import MiniTimer
from copdesk.views.live.timer.timer_disc import TimerColours


@pytest.mark.parametrize("platform", ["darwin", "win32", "linux"])
def test_the_mini_timer_is_an_always_on_top_tool_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    monkeypatch.setattr(sys, "platform", platform)
    mini = MiniTimer(TimerColours(*[QColor("#808080")] * 9))
    qtbot.addWidget(mini)
    assert mini.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert mini.windowFlags() & Qt.WindowType.Tool  # no taskbar or Dock entry of its own
    # On macOS a tool window is hidden while another app is active unless told otherwise.
    assert mini.testAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow) == (platform == "darwin")
