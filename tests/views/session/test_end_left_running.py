"""A session left running overnight or across a laptop's sleep: on waking the timer pane says when it was last in use,
and the end question offers to end it then as well as now, with both times. On the fake clocks."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import SessionStatus
from copdesk.store import participation, sessions, teams
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session

MIN = 60


def _hm(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def _asleep(window: MainWindow, fake_clock: FakeClock, seconds: float) -> None:
    """The timer's tick before the lid closes, a sleep of ``seconds``, and its tick on waking."""
    window.session_flow.live_timer.refresh()
    fake_clock.sleep_laptop(seconds)
    window.session_flow.live_timer.refresh()


def test_a_lid_closed_overnight_is_ended_when_it_was_last_in_use(
    qtbot: QtBot, clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    fake_clock.advance(6 * MIN)
    flow.actions.next_segment.trigger()
    fake_clock.advance(4 * MIN)
    flow.actions.next_segment.trigger()  # the last thing done: into Case presentation
    last_used = fake_clock.now()
    fake_clock.advance(3 * MIN)
    _asleep(window, fake_clock, 17 * 3600)  # the last tick; then the lid closes until the morning

    banner = window.timer_panel.sleep_banner
    assert not banner.isHidden()
    assert banner.message() == (
        f"Slept 17 h; the timer held still. Last in use at {_hm(last_used)} on {last_used.astimezone().day} Oct."
    )
    qtbot.waitUntil(lambda: banner.label.text() == banner.message())  # in one line, whole, at 1366x768, once laid out
    assert [b.text() for b in banner.buttons()] == ["&End it…"]
    assert flow.end_confirmation is None, "said in the pane, never asked: a meeting may be going on"

    banner.buttons()[0].click()
    box = flow.end_confirmation
    assert box is not None and box.isVisible()
    said = box.informativeText()
    assert f"End at {_hm(last_used)} to end it then" in said and "CPD evidence" in said
    assert f"End now ends it at {_hm(fake_clock.now())}" in said
    assert box.button(QMessageBox.StandardButton.Yes).text() == f"End &now, at {_hm(fake_clock.now())}"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    earlier = next(b for b in box.buttons() if b.objectName() == "endWhenLastUsed")
    assert earlier.text() == f"&End at {_hm(last_used)}"
    earlier.click()

    ended = sessions.get_session(window.context.db, session.id)
    assert ended.status is SessionStatus.ENDED and ended.ended_at is not None
    assert from_utc_iso(ended.ended_at) == last_used
    rows = sessions.segments(window.context.db, session.id)
    assert [r.actual_seconds for r in rows[:3]] == [6 * MIN, 4 * MIN, 0.0], "cut when it was last in use"
    assert rows[2].actual_end == ended.ended_at and rows[3].actual_seconds is None
    assert flow.summary_dialog is not None and flow.summary_dialog.isVisible()


def test_a_ten_minute_break_asleep_is_said_and_nothing_more(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    window = clocked_window
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    fake_clock.advance(20 * MIN)
    _asleep(window, fake_clock, 10 * MIN)
    banner = window.timer_panel.sleep_banner
    assert banner.message() == "The laptop slept for 10 min; the timer held still while it slept."
    assert banner.buttons() == []

    box = flow.request_end()
    assert box is not None
    assert box.button(QMessageBox.StandardButton.Yes).text() == "&End and keep"
    assert not [b for b in box.buttons() if b.objectName() == "endWhenLastUsed"]
    assert "last in use" not in box.informativeText()
    box.button(QMessageBox.StandardButton.Yes).click()
    ended = sessions.get_session(window.context.db, session.id).ended_at
    assert ended is not None and from_utc_iso(ended) == fake_clock.now()


def test_walked_away_from_the_end_question_still_ends_now_when_chosen(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    window = clocked_window
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    fake_clock.advance(50 * MIN)
    walked_away = fake_clock.now()
    fake_clock.advance(3 * 3600)  # the window left open on the running session, the laptop awake
    box = flow.request_end()
    assert box is not None
    assert "its agenda ended at" in box.informativeText()
    assert any(b.objectName() == "endWhenLastUsed" for b in box.buttons())
    box.button(QMessageBox.StandardButton.Yes).click()
    ended = sessions.get_session(window.context.db, session.id).ended_at
    assert ended is not None and from_utc_iso(ended) == fake_clock.now() != walked_away


def test_closing_the_window_next_morning_offers_the_end_when_it_was_last_in_use(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Closing the window asks what to do with the live session: ending it there is offered at both times too."""
    window = clocked_window
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    fake_clock.advance(12 * MIN)
    flow.actions.next_segment.trigger()
    last_used = fake_clock.now()
    fake_clock.advance(2 * MIN)
    _asleep(window, fake_clock, 15 * 3600)
    window.close()
    question = flow.close_question
    assert question is not None and question.isVisible() and window.isVisible()
    assert f"End at {_hm(last_used)} to end it then" in question.informativeText()
    assert question.earlier_button is not None and question.earlier_button.text() == f"&End at {_hm(last_used)}"
    assert question.end_button.text() == "End the session &now"
    question.earlier_button.click()

    ended = sessions.get_session(window.context.db, session.id)
    assert ended.status is SessionStatus.ENDED and ended.ended_at is not None
    assert from_utc_iso(ended.ended_at) == last_used
    assert flow.summary_dialog is not None and flow.summary_dialog.isVisible(), "the summary is read first"


def test_a_session_that_moved_on_while_the_question_was_open_is_not_ended_at_the_earlier_time(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """N in the share-safe view while the end question is open: ending at the earlier time would come before the
    segment begun since, so nothing is ended and the status bar says to ask again; so with the close question."""
    window = clocked_window
    add_team(window)
    session = start_session(window)
    flow = window.session_flow
    fake_clock.advance(6 * MIN)
    _asleep(window, fake_clock, 12 * 3600)
    box = flow.request_end()
    assert box is not None
    earlier = next(b for b in box.buttons() if b.objectName() == "endWhenLastUsed")
    fake_clock.advance(MIN)
    flow.next_pressed()  # the share-safe view's N, the question still open
    earlier.click()
    assert sessions.get_session(window.context.db, session.id).status is SessionStatus.LIVE
    assert window.statusBar().currentMessage().startswith("The session is still live: it moved on")

    fake_clock.advance(MIN)
    _asleep(window, fake_clock, 12 * 3600)
    window.close()
    question = flow.close_question
    assert question is not None and question.earlier_button is not None
    fake_clock.advance(MIN)
    flow.next_pressed()
    question.earlier_button.click()
    assert sessions.get_session(window.context.db, session.id).status is SessionStatus.LIVE and window.isVisible()


def test_the_wake_banner_fits_its_longest_and_keeps_the_use_before_the_sleep(
    qtbot: QtBot, clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Its longest words (a sleep of hours and minutes, the last day of September) stay whole in one line; used
    again after waking (a note typed the morning after), it still names the last use before the sleep, the end
    the end question offers beside now."""
    fake_clock.wall = datetime(2026, 9, 30, 12, 0).astimezone()  # noon, local time
    window = clocked_window
    team = add_team(window)
    session = start_session(window)
    flow = window.session_flow
    fake_clock.advance(6 * MIN)
    _asleep(window, fake_clock, 17 * 3600 + 45 * MIN)
    banner = window.timer_panel.sleep_banner
    assert banner.message().startswith("Slept 17 h 45 min; the timer held still. Last in use at ")
    assert banner.message().endswith(" on 30 Sep.")
    qtbot.waitUntil(lambda: banner.label.text() == banner.message())

    before_the_sleep = banner.message()
    fake_clock.advance(4 * MIN)
    member = teams.list_members(window.context.db, team.id)[1]
    participation.add_contribution(window.context.db, session.id, member.id, fake_clock.now())
    fake_clock.advance(MIN)
    assert flow.live_timer.save()  # the heartbeat
    assert banner.message() == before_the_sleep
    assert [b.text() for b in banner.buttons()] == ["&End it…"]
