"""A marker's remedies are shown inside the question pane: the timer stays visible and uncovered, every live
key keeps working while they show, and Esc (or the next question) puts them away."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind
from copdesk.core.timer import TimerStatus
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session


def _global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_remedies_hide_no_live_control_and_esc_puts_them_away(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.participation_panel.marker_bar.buttons[MarkerKind.LOW_ENERGY].click()
    questions = window.question_panel
    card = questions.remedies_card
    assert card.isVisible() and questions.remedies_shown
    challenge = shipped_texts().challenge(MarkerKind.LOW_ENERGY)
    assert card.heading.text() == f"Marked: “{challenge.name.text}”"
    remedies = card.remedies.text()
    assert challenge.name.text not in remedies  # said once, in the heading
    first_remedy = html.escape(challenge.remedies[0].text.shown())
    assert remedies.index(first_remedy) < remedies.index(html.escape(challenge.description.shown()))  # what to do first
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName() == "remediesCard"]
    shown = _global_rect(card.parentWidget() or card)
    assert shown.intersected(_global_rect(questions)) == shown  # inside the question pane
    for live_control in (window.timer_panel, window.participation_panel, window.notes_panel):
        assert not shown.intersects(_global_rect(live_control))
    for button in (questions.next_button, questions.back_button, questions.asked_button):
        assert button.isVisible() and not shown.intersects(_global_rect(button))

    window.timer_panel.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Space)  # the keyboard was never taken: the timer pauses at once
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.status is TimerStatus.PAUSED and card.isVisible()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not questions.remedies_shown and not card.isVisible()
    assert questions.card.isVisible()

    window.participation_panel.marker_bar.buttons[MarkerKind.TENSION].click()
    assert questions.remedies_shown
    questions.next_button.click()  # the next question puts them away too
    assert not questions.remedies_shown
