"""The timer pane as the facilitator sees it, driven by the fake clock: no test waits for a timer to fire."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QApplication

from copdesk.core.agenda import AgendaTemplate, make_segment
from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.core.pacing import WarningLevel
from copdesk.core.timer import TimerStatus
from copdesk.services.calendar import save_agenda
from copdesk.views.live.timer.live_timer import IDLE_REFRESH_MS, NOT_SAVED, milliseconds_to_next_change
from copdesk.views.live.timer.timer_disc import overrun_fraction
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session
from tests.views.text_fit import check_window


def _live(window: MainWindow) -> None:
    add_team(window)
    start_session(window)


def _shown(window: MainWindow) -> tuple[str, str]:
    window.session_flow.live_timer.refresh()
    label = window.timer_panel.countdown_label
    return label.text(), str(label.property("level"))


def test_amber_at_twenty_percent_red_at_five_and_the_overrun_counts_up(
    window: MainWindow, fake_clock: FakeClock
) -> None:
    _live(window)  # the first segment is 5 minutes
    assert _shown(window) == ("05:00", "normal")
    fake_clock.advance(239)
    assert _shown(window) == ("01:01", "normal")
    fake_clock.advance(1)
    assert _shown(window) == ("01:00", "amber")
    fake_clock.advance(44)
    assert _shown(window) == ("00:16", "amber")
    fake_clock.advance(1)
    assert _shown(window) == ("00:15", "red")
    fake_clock.advance(15 + 90)
    assert _shown(window) == ("+01:30", "overrun")
    panel = window.timer_panel
    assert "over the 5 min planned" in panel.detail_label.text()
    assert panel.disc.view is not None and overrun_fraction(panel.disc.view) == 0.3
    fake_clock.advance(15)
    assert _shown(window)[0] == "+01:45", "the overrun keeps counting up"


def test_ahead_and_behind_in_words(window: MainWindow, fake_clock: FakeClock) -> None:
    _live(window)
    panel = window.timer_panel
    fake_clock.advance(6 * 60 + 30)  # the 5-minute welcome runs 1.5 minutes over
    window.session_flow.live_timer.refresh()
    assert panel.schedule_label.text() == ("2 min behind: finishing on time needs Reflective discussion cut to 20 min.")
    window.session_flow.actions.next_segment.trigger()
    fake_clock.advance(30)
    window.session_flow.actions.next_segment.trigger()  # actions from last time took 30 s of its 5 min
    assert panel.schedule_label.text() == "3 min ahead."
    assert "Session: 07:00 in · 53:00 left" in panel.detail_label.text()


def test_retime_spreads_the_remaining_time_and_says_what_changed(window: MainWindow, fake_clock: FakeClock) -> None:
    _live(window)
    panel, flow = window.timer_panel, window.session_flow
    fake_clock.advance(15 * 60)  # ten minutes over on the welcome
    flow.actions.retime.trigger()
    assert not panel.notice_banner.isHidden()
    assert panel.notice_banner.label.text().startswith("Re-timed to finish on time:")
    view = flow.live_timer.last_view
    assert view is not None and view.schedule_status == "On time"
    assert sum(s.planned_seconds for s in view.agenda) == 3600, "the plan still adds up to the hour"
    assert panel.schedule_label.text() == "On time."


def test_pause_holds_the_countdown_and_space_names_what_it_will_do(window: MainWindow, fake_clock: FakeClock) -> None:
    _live(window)
    flow, panel = window.session_flow, window.timer_panel
    fake_clock.advance(60)
    flow.actions.pause.trigger()
    assert flow.actions.pause.text() == "Res&ume"
    assert panel.schedule_label.text().startswith("Paused: press Space to resume.")
    fake_clock.advance(10 * 60)
    assert _shown(window)[0] == "04:00"
    flow.actions.pause.trigger()
    fake_clock.advance(30)
    assert _shown(window)[0] == "03:30"
    assert flow.actions.pause.text() == "&Pause"


def test_plus_five_minutes_extends_the_current_segment(window: MainWindow, fake_clock: FakeClock) -> None:
    _live(window)
    fake_clock.advance(4 * 60)
    assert _shown(window) == ("01:00", "amber")
    window.session_flow.actions.add_time.trigger()
    assert _shown(window) == ("06:00", "normal")
    assert "left of 10 min" in window.timer_panel.detail_label.text()


def test_a_laptop_sleep_is_shown_as_a_dismissable_banner(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    window = clocked_window
    _live(window)
    fake_clock.advance(60)
    assert _shown(window)[0] == "04:00"
    banner = window.timer_panel.sleep_banner
    assert banner.isHidden()
    fake_clock.sleep_laptop(20 * 60)  # the wall clock jumps; the monotonic clock held still
    assert _shown(window)[0] == "04:00", "the sleep is not counted as meeting time"
    assert not banner.isHidden() and "slept for 20 min" in banner.label.text()
    banner.close_button.click()
    assert banner.isHidden()
    fake_clock.advance(5)
    _shown(window)
    assert banner.isHidden(), "a dismissed sleep stays dismissed"


def test_what_is_shown_comes_from_the_clock_not_from_counting_repaints(
    window: MainWindow, fake_clock: FakeClock
) -> None:
    _live(window)
    live_timer = window.session_flow.live_timer
    for _ in range(50):
        live_timer.refresh()  # repaints without time passing change nothing
    assert _shown(window)[0] == "05:00"
    fake_clock.advance(125.4)  # no repaint fired in between: the next one is still exact
    assert _shown(window)[0] == "02:55"
    assert window.timer_panel.shown_remaining_seconds is not None
    assert abs(window.timer_panel.shown_remaining_seconds - 174.6) < 1e-9


def test_repaints_use_a_precise_timer_booked_for_the_next_visible_change(
    window: MainWindow, fake_clock: FakeClock
) -> None:
    _live(window)
    live_timer = window.session_flow.live_timer
    repaint = live_timer.findChild(QTimer, "timerRepaint")
    assert repaint is not None and repaint.timerType() is Qt.TimerType.PreciseTimer
    fake_clock.advance(0.75)
    live_timer.refresh()
    assert repaint.isActive() and repaint.interval() == 252  # the countdown turns over 250 ms from now
    view = live_timer.last_view
    assert view is not None and milliseconds_to_next_change(view) == 252
    live_timer.toggle()  # paused: nothing moves, but a sleep must still be noticed
    assert live_timer.last_view is not None and live_timer.last_view.status is TimerStatus.PAUSED
    assert repaint.interval() == IDLE_REFRESH_MS


def test_every_segment_state_is_in_the_agenda_list(window: MainWindow, fake_clock: FakeClock) -> None:
    _live(window)
    fake_clock.advance(6 * 60)
    window.session_flow.actions.next_segment.trigger()
    model = window.timer_panel.agenda_model
    lines = [model.index(row).data() for row in range(model.rowCount())]
    assert lines[0] == "✓ Welcome and ground rules · 5 min (took 6 min)"
    assert lines[1] == "▶ Actions from last time · 5 min"
    assert lines[2] == "› Case presentation · 10 min"
    assert lines[3].startswith("  Clarifying questions")


def test_the_empty_pane_says_what_to_do(window: MainWindow) -> None:
    panel = window.timer_panel
    assert not panel.empty_label.isHidden() and "Start session" in panel.empty_label.text()
    assert panel.content.isHidden()
    assert not window.session_flow.actions.pause.isEnabled(), "Space reaches the focused widget when nothing is live"


def test_warning_levels_reach_the_disc_colour(window: MainWindow, fake_clock: FakeClock) -> None:
    _live(window)
    fake_clock.advance(250)
    window.session_flow.live_timer.refresh()
    disc = window.timer_panel.disc
    assert disc.view is not None and disc.view.warning is WarningLevel.AMBER
    assert disc.colours.for_level(disc.view.warning) == disc.colours.amber


def test_a_long_agenda_keeps_the_segment_running_now_and_the_next_in_view(
    window: MainWindow, fake_clock: FakeClock
) -> None:
    """Twenty 3-minute segments are more than the list shows at 1366x768: it used to stay on the first ones, so the
    segment running and the one to come were out of sight for the second half of the hour."""
    team = add_team(window)
    segments = tuple(make_segment(f"Round {number}", SegmentPhase.REFLECTION, 3) for number in range(1, 21))
    agenda = AgendaTemplate(SessionKind.REFLECTIVE, "Rounds", segments)
    save_agenda(window.context.db, team.id, agenda, None, window.context.now())
    start_session(window)
    panel = window.timer_panel
    listed = panel.agenda_view

    def in_view(row: int) -> bool:
        return listed.viewport().rect().contains(listed.visualRect(panel.agenda_model.index(row)))

    QApplication.processEvents()
    assert panel.agenda_model.rowCount() == 20 and in_view(0) and not in_view(19), "the list has to scroll"
    for current in range(1, 20):
        fake_clock.advance(3 * 60)
        window.session_flow.actions.next_segment.trigger()
        assert in_view(current), f"segment {current + 1} runs out of sight"
        assert current == 19 or in_view(current + 1), f"segment {current + 2}, next, is out of sight"


def test_a_long_segment_name_is_cut_between_words_on_two_lines_with_the_whole_name_on_hover(
    window: MainWindow, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A segment name as long as a name may be (80 characters) wrapped onto more lines than the pane has room for at
    1366x768: its first and last lines were cut through the middle of their letters. Cut, it is still said to a
    screen reader once, in full, not again at every tick for the heading's shorter words."""
    said: list[str] = []

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    people = [
        f"{first} {last}"
        for first in ("Ash", "Bo", "Cy", "Di", "Ed", "Flo")
        for last in ("Lee", "Day", "Vale", "Roe", "Fox")
    ]
    team = add_team(window, people)  # thirty tiles: the participation pane takes its room, the timer keeps its least
    name = "Case presentation and clarifying questions: a hospital discharge and the carers"
    agenda = AgendaTemplate(SessionKind.REFLECTIVE, "Long", (make_segment(name, SegmentPhase.PRESENTATION, 60),))
    save_agenda(window.context.db, team.id, agenda, None, window.context.now())
    start_session(window, present=people)
    QApplication.processEvents()
    label = window.timer_panel.segment_label
    report = check_window(window.timer_panel)
    assert report.problems == [], "\n".join(report.problems)
    assert label.toolTip() == label.accessibleDescription() == f"1. {name}"
    assert label.text().startswith("1. Case") and label.text().count("\n") <= 1
    for _ in range(3):
        fake_clock.advance(10)
        _shown(window)
    assert said == [f"Segment 1. {name}, 1 h"]


def test_a_screen_reader_is_told_of_a_new_segment_its_time_up_and_a_timer_not_saved(
    window: MainWindow, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the pane shows by its colours and big digits reached a screen reader only if it went to look: each
    change is said as it happens, once, a failed save at once (interrupting), the rest when the reader is quiet."""
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = []

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            said.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "updateAccessibility", update)
    polite, urgent = QAccessible.AnnouncementPoliteness.Polite, QAccessible.AnnouncementPoliteness.Assertive
    _live(window)
    assert said == [("Segment 1. Welcome and ground rules, 5 min", polite)]
    fake_clock.advance(5 * 60 + 1)
    _shown(window)
    _shown(window)
    assert said[1:] == [("Welcome and ground rules: its 5 min are up", polite)]
    window.session_flow.actions.next_segment.trigger()
    assert said[2:] == [("Segment 2. Actions from last time, 5 min", polite)]
    live_timer = window.session_flow.live_timer
    live_timer.save_failed.emit(NOT_SAVED)
    live_timer.save_failed.emit(NOT_SAVED)  # the next heartbeat, refused again: said once
    assert said[3:] == [(NOT_SAVED, urgent)]
