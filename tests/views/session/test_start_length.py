"""A session started from a series of another length than the agenda's: the start dialog says so and offers the
agenda fitted to the calendar, so a 90-minute series no longer runs a 60-minute agenda without a word."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import QApplication

from copdesk.core.agenda import AgendaTemplate, retime_segment
from copdesk.core.model import SessionKind
from copdesk.services.calendar import save_agenda
from copdesk.store import series, sessions
from copdesk.views.session.start_session_dialog import StartSessionDialog
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import REFLECTIVE_MINUTES, add_team


def _due_now(
    window: MainWindow, fake_clock: FakeClock, kind: SessionKind, minutes: int, own: AgendaTemplate | None = None
) -> StartSessionDialog:
    """The start dialog of a team whose ``kind`` series of ``minutes`` is due in ten minutes (with its ``own``
    agenda, if given)."""
    team = add_team(window)
    starts_at = fake_clock.now().astimezone().replace(tzinfo=None, second=0, microsecond=0) + timedelta(minutes=10)
    day = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[starts_at.weekday()]
    rule = f"DTSTART:{starts_at:%Y%m%dT%H%M%S}\nRRULE:FREQ=WEEKLY;BYDAY={day}"
    series.add_series(window.context.db, team.id, kind, rule, fake_clock.now(), minutes)
    if own is not None:
        save_agenda(window.context.db, team.id, own, window.session_flow.shipped[kind], fake_clock.now())
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None and dialog.kind() is kind
    return dialog


def _start(window: MainWindow, dialog: StartSessionDialog) -> list[int]:
    """Start the session; the minutes of each of its segments, as the live timer runs them."""
    dialog.set_present({"Ash Lee"})
    dialog.next_button.click()
    if dialog.pages.currentIndex() == 1:
        dialog.start_button.click()
    session_id = window.live_session.session_id
    assert session_id is not None and window.session_flow.live_timer.timer is not None
    view = window.session_flow.live_timer.timer.snapshot()
    assert round(view.session_remaining_seconds) == sum(s.planned_seconds for s in sessions.segments(
        window.context.db, session_id
    ))  # fmt: skip
    return [segment.planned_seconds // 60 for segment in sessions.segments(window.context.db, session_id)]


def test_a_90_minute_series_runs_the_agenda_fitted_to_90_minutes(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """The dialog gave "7 segments, 60 min" and the timer ran an hour, for a session the calendar gave 90 minutes."""
    dialog = _due_now(clocked_window, fake_clock, SessionKind.REFLECTIVE, 90)
    assert dialog.fit.check.isVisible() and dialog.fit.check.isChecked()
    assert dialog.fit.check.text() == "&Fit the agenda to the calendar's 90 min"
    assert dialog.agenda_label.text() == "7 segments, 90 min (fitted from 60 min)"
    QApplication.processEvents()

    minutes = _start(clocked_window, dialog)

    assert sum(minutes) == 90 and len(minutes) == len(REFLECTIVE_MINUTES)
    assert minutes == [8, 8, 15, 12, 33, 10, 4]  # each segment half as long again, in whole minutes


def test_unticked_the_agenda_runs_as_it_is_and_says_the_calendars_length(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    dialog = _due_now(clocked_window, fake_clock, SessionKind.REFLECTIVE, 45)
    dialog.fit.check.setChecked(False)
    assert dialog.agenda_label.text() == "7 segments, 60 min; the calendar's session is 45 min"

    assert _start(clocked_window, dialog) == list(REFLECTIVE_MINUTES)


def test_a_teams_own_agenda_keeps_its_segments_unless_the_facilitator_ticks(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    own = retime_segment(window.session_flow.shipped[SessionKind.REFLECTIVE], 4, 32)  # 70 minutes, the team's choice
    dialog = _due_now(window, fake_clock, SessionKind.REFLECTIVE, 90, own)
    assert dialog.fit.check.isVisible() and not dialog.fit.check.isChecked()
    assert dialog.agenda_label.text() == "7 segments, 70 min; the calendar's session is 90 min"
    QApplication.processEvents()
    dialog.fit.check.setChecked(True)
    assert dialog.agenda_label.text() == "7 segments, 90 min (fitted from 70 min)"
    dialog.fit.check.setChecked(False)

    assert _start(window, dialog) == [segment.minutes for segment in own.segments]


def test_a_series_as_long_as_the_agenda_says_nothing_more(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    dialog = _due_now(clocked_window, fake_clock, SessionKind.REFLECTIVE, 60)
    assert not dialog.fit.check.isVisible() and dialog.agenda_label.text() == "7 segments, 60 min"
    dialog.reject()


def test_a_session_the_team_attends_lasts_as_long_as_the_calendar_says(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """A 90-minute Spotlight ran a one-hour timer."""
    dialog = _due_now(clocked_window, fake_clock, SessionKind.SPOTLIGHT, 90)
    assert _start(clocked_window, dialog) == [90]
