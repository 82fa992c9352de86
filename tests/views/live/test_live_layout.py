"""The Live page at 1366x768: four panes, the timer's controls whole and nothing to scroll; the mini timer; at the
window's least size (1024 wide), the buttons of the timer and question panes whole, in fewer words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.timer import TimerStatus
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session
from tests.views.participation_helpers import fictional_names


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


def _settled(window: MainWindow) -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _buttons_of_the_question_and_timer_panes(window: MainWindow) -> list[QAbstractButton]:
    panes = (window.timer_panel.content, window.question_panel.controls, window.question_panel.filters)
    return [button for pane in panes for button in pane.findChildren(QAbstractButton) if button.isVisible()]


@pytest.mark.parametrize("height", [768, 640])
def test_in_the_smallest_window_the_buttons_say_less_and_nothing_is_cut(
    window: MainWindow, qtbot: QtBot, height: int
) -> None:
    """1024 wide, the window's least: the buttons of the timer and question panes had less room than their words,
    and read "N…t" and "ext questic"; now they say less, whole, with the whole words for the mouse and screen reader."""
    window.resize(1024, height)
    add_team(window)
    start_session(window)
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    _settled(window)
    buttons = _buttons_of_the_question_and_timer_panes(window)
    assert len(buttons) == (14 if height == 768 else 9)  # 640 high, the filters are behind a button (tested below)
    for button in buttons:
        assert button.sizeHint().width() <= button.width() and _fully_shown(button), button.accessibleName()
    panel, timer = window.question_panel, window.timer_panel
    shown = {button.accessibleName(): button.text() for button in buttons}
    assert shown["Next segment"] == "Next" and shown["End the session"] == "End"
    assert shown["Re-time the remaining segments"] == "Re-time"
    assert shown["Next question"] == "Next" and shown["Favourite"] == "" and shown["Mark as asked"] == "Mark asked"
    if height == 768:
        assert shown["Reflective models filter"] == "Models" and shown["Broad to specific"] == "Funnel"
    assert panel.next_button.toolTip() == "Next question (Q, Ctrl+Right)"
    assert panel.favourite_button.toolTip() == "Favourite (Ctrl+D)" and not panel.favourite_button.icon().isNull()
    assert _fully_shown(timer.agenda_view), "the agenda inside the pane, not past its edge"
    field = panel.search.field
    assert field.placeholderText() == "Search questions" and field.accessibleName() == "Search questions"
    assert field.fontMetrics().horizontalAdvance(field.placeholderText()) < field.width() - 16, "whole, with no …"

    panel.show_question(next(q for q in panel.pool() if q.kind.value == "question"))
    panel.toggle_asked()  # the button's words change: it stays short, and says the new ones
    _settled(window)
    assert panel.asked_button.isChecked() and panel.asked_button.text() == "Asked ✓"
    actions = window.session_flow.actions
    actions.show_status(None)  # disabled and enabled again, the tool buttons take their actions' whole words again
    actions.show_status(TimerStatus.PAUSED)
    _settled(window)
    assert {b.accessibleName(): b.text() for b in _buttons_of_the_question_and_timer_panes(window)} == {
        **shown,
        "Mark as asked": "Asked ✓",
        "Start, pause or resume the timer": "Resume",
    }


def test_at_the_laptop_size_the_buttons_keep_their_whole_words(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    start_session(window)
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    _settled(window)
    shown = {button.accessibleName(): button.text() for button in _buttons_of_the_question_and_timer_panes(window)}
    assert shown["Next segment"] == "Next segment" and shown["Re-time the remaining segments"] == "Re-time the rest"
    assert shown["End the session"] == "End session" and shown["Next question"] == "Next question"
    assert shown["Favourite"] == "Favourite" and shown["Reflective models filter"] == "Reflective models"
    assert window.question_panel.search.field.placeholderText() == "Search all questions"
    assert window.timer_panel.button_row.width() >= window.timer_panel.button_row.whole_width()


def _words_whole(label: QLabel) -> bool:
    return _fully_shown(label) and label.height() >= label.heightForWidth(label.width())


def test_in_a_window_640_high_the_timers_words_run_across_whole_beside_a_smaller_disc(
    window: MainWindow, qtbot: QtBot
) -> None:
    """640 high, with 30 present, the words beside the disc had less height than their lines need, and were cut
    through their letters; now a small disc sits beside the digits and the heading, detail and schedule lines run
    across, the heading on one line ending in "…" after a whole word, with the whole name on hover."""
    window.resize(1024, 640)
    names = fictional_names(30)
    add_team(window, names)
    start_session(window, present=names)
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    _settled(window)
    timer = window.timer_panel
    words = (timer.segment_label, timer.countdown_label, timer.detail_label, timer.schedule_label)
    assert all(_words_whole(label) for label in words), [label.text() for label in words if not _words_whole(label)]
    assert timer.disc.height() == timer.countdown_label.height() and _fully_shown(timer.disc)
    assert timer.segment_label.text() == "1. Welcome and ground rules" or timer.segment_label.text().endswith("…")
    assert timer.segment_label.toolTip() == "1. Welcome and ground rules"

    window.resize(1024, 768)  # room for the words' column: the disc beside all of them again, as large as it fits
    _settled(window)
    assert all(_words_whole(label) for label in words)
    assert timer.disc.height() > timer.countdown_label.height() + timer.detail_label.height()


def test_in_a_window_640_high_the_question_pane_keeps_its_filters_behind_a_button_and_a_suggestion_on_one_line(
    window: MainWindow, qtbot: QtBot
) -> None:
    """640 high, the question pane has about 240 px: a two-line suggestion was squashed to a sliver and the question
    cut through its lines. Now the filters open from one button, the suggestion takes one line, and all is whole."""
    window.resize(1024, 640)
    add_team(window)
    start_session(window)
    qtbot.waitUntil(window.timer_panel.countdown_label.isVisible)
    panel = window.question_panel
    button = panel.short_column.filters_button
    _settled(window)
    assert not panel.filters.isVisible() and _fully_shown(button) and button.sizeHint().width() <= button.width()
    button.click()
    assert QApplication.activePopupWidget() is button.popup and panel.filters.isVisible()
    whole = {b.accessibleName(): b.text() for b in panel.filters.findChildren(QAbstractButton)}
    assert whole["Reflective models filter"] == "Reflective models"
    assert whole["Broad to specific"] == "Broad to specific"
    button.popup.close()

    panel.show_question(next(q for q in panel.pool() if q.kind.value == "question" and len(q.text) < 40))
    window.live_session.room_signal.emit("quiet-voice")
    _settled(window)
    banner = panel.banner
    assert banner.isVisible() and not banner.text_label.isVisible() and banner.line_label.isVisible()
    assert banner.line_label.toolTip() == banner.text_label.text()
    for label in (banner.headline_label, banner.line_label, banner.reason_label, panel.card.text_label):
        assert _words_whole(label), label.objectName()

    window.resize(1024, 768)  # the pane as it was: the filter row under the buttons, every line of the suggestion
    _settled(window)
    assert not button.isVisible() and panel.filters.isVisible() and panel.filters.parent() is panel
    assert panel.filters.y() > panel.controls.y() and banner.text_label.isVisible()
    assert not banner.line_label.isVisible()
    after_search: QWidget | None = panel.search.field.nextInFocusChain()
    while after_search is not None and not (
        after_search.focusPolicy() & Qt.FocusPolicy.TabFocus and after_search.isVisible()
    ):
        after_search = after_search.nextInFocusChain()
    assert after_search is panel.filters.category_button, "Tab goes from the search field to the filters, as before"
