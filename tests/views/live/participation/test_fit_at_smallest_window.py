"""The participation pane whole at the window's smallest size (1024 wide): no button, label or tile cut inside a word.

At 1024x640 the pane is some 470 pixels wide. Its title, name filter and five buttons on one line, and the room's
three markers with the quiet-voice setting on the next, cut words there ("ow energy", "Tension · 1", "Add perso").
The check is the text-fit check of the whole window (``tests.views.text_fit``), kept to the pane.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.model import MarkerKind
from copdesk.views.shell.main_window import MainWindow
from tests.views.participation_helpers import start_live_session
from tests.views.text_fit import check_window

SIZES = ((1024, 640), (1024, 768))


def settle() -> None:
    for _ in range(3):  # a layout can ask for another
        QApplication.processEvents()


def every_tile_in_view(window: MainWindow) -> bool:
    roster = window.participation_panel.roster
    model = roster.model()
    viewport = roster.viewport().rect()
    return all(viewport.contains(roster.visualRect(model.index(row, 0))) for row in range(model.rowCount()))


@pytest.mark.parametrize("talk", [False, True], ids=["count", "talk time"])
@pytest.mark.parametrize("present", [4, 12])
def test_every_word_of_the_pane_is_whole_at_1024_wide(window: MainWindow, present: int, talk: bool) -> None:
    start_live_session(window, present=present)
    panel = window.participation_panel
    for kind in MarkerKind:  # each marker shows its count: the widest captions
        panel.mark_room(kind)
    if talk:
        panel.talk_button.click()
    for size in SIZES:
        window.resize(*size)
        settle()
        assert window.size().toTuple() == size
        report = check_window(panel)
        assert report.checked > 10
        assert report.problems == [], f"{size}: " + "\n".join(report.problems)
        assert every_tile_in_view(window), f"{size}: a tile is scrolled out of view"
        assert all(button.isVisible() for button in panel.marker_bar.buttons.values())
        assert panel.stop_button.isVisible() == talk and panel.quiet_spin.isVisible()


def test_the_controls_take_a_third_line_only_when_the_pane_is_narrow(window: MainWindow, qtbot: QtBot) -> None:
    """With the pane as wide as the demo's at 1366 (the look on shared screens) the title and the buttons share a
    line, the room's markers and the quiet-voice setting the next; at 1024 the buttons take a line of their own and
    the setting moves up by the title."""
    start_live_session(window, present=12)
    panel = window.participation_panel
    controls = panel.controls
    window.live_splitter.setSizes([666, 672])
    qtbot.waitUntil(lambda: panel.width() == 666)
    assert not controls.narrow
    assert controls.top.indexOf(panel.add_button) >= 0 and controls.room.indexOf(panel.quiet_spin) >= 0
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: controls.narrow)
    assert controls.middle.indexOf(panel.add_button) >= 0 and controls.top.indexOf(panel.quiet_spin) >= 0
    assert panel.quiet_spin.parentWidget() is panel.add_button.parentWidget() is controls, "Tab's order kept"
    window.resize(1366, 768)
    window.live_splitter.setSizes([666, 672])
    qtbot.waitUntil(lambda: not controls.narrow)
    assert controls.room.indexOf(panel.quiet_spin) >= 0
