"""The Live page at 1366x768: four panes, the timer's controls whole and nothing to scroll; the mini timer."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session


def _fully_shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()


def test_the_live_page_fits_the_laptop_screen_with_a_session_running(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    for name in ("timerPanel", "questionPanel", "participationPanel", "notesPanel"):
        pane = window.findChild(QWidget, name)
        assert pane is not None and pane.isVisible() and pane.width() > 300 and pane.height() > 150, name
    panel = window.timer_panel
    for widget in [
        panel.countdown_label,
        panel.segment_label,
        panel.disc,
        *panel.content.findChildren(QAbstractButton),
    ]:
        assert _fully_shown(widget), widget.accessibleName() or widget.objectName()
    agenda = panel.agenda_view
    assert not agenda.verticalScrollBar().isVisible(), "the whole agenda is in view"
    assert not agenda.horizontalScrollBar().isVisible()
    # Measured in pixels on this screen: after a PDF export in the same process, Qt's font cache can report the
    # point size the shared engine was made for at the PDF's 300 dpi (10.8 for 34pt), though it draws 34pt.
    label = panel.countdown_label
    assert label.fontInfo().pixelSize() * 72 / label.logicalDpiY() >= 30, "large digits"
    assert window.width() <= 1366 and window.height() <= 768


def test_every_control_of_the_timer_pane_has_an_accessible_name(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    buttons = window.timer_panel.findChildren(QAbstractButton)
    assert buttons and all(b.accessibleName() for b in buttons)
    labels = [window.timer_panel.countdown_label, window.timer_panel.segment_label, window.timer_panel.schedule_label]
    assert all(isinstance(label, QLabel) and label.accessibleName() for label in labels)
    assert window.session_flow.header_button.accessibleName() == "End the session"


def test_the_mini_timer_stays_on_top_and_follows_the_clock(window: MainWindow, fake_clock: FakeClock) -> None:
    add_team(window)
    start_session(window)
    flow = window.session_flow
    flow.actions.mini_timer.trigger()
    mini = flow.mini_timer
    assert mini.isVisible() and mini.isWindow() and mini.parent() is None
    fake_clock.advance(65)
    flow.live_timer.refresh()
    assert (mini.countdown, mini.caption) == ("03:55", "Welcome and ground rules")
    flow.actions.pause.trigger()
    assert mini.caption.endswith("(paused)")
    flow.actions.mini_timer.trigger()
    assert not mini.isVisible()
