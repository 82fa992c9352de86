"""After CoPDesk died mid-session: count the time it was closed, end it as the End button does, never two live.

A "crash" here is a second window on the same database, on a new fake clock: its wall clock is later by the
time the app was closed, and its monotonic clock starts afresh (readings do not survive a restart).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import Session, SessionStatus
from copdesk.core.pacing import format_clock
from copdesk.core.timer import TimerStatus
from copdesk.store import actions, sessions
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, reopened, start_session

MIN = 60


def _crashed_one_minute_in(window: MainWindow, clock: FakeClock) -> Session:
    """A live session whose app dies 1 min into Welcome and ground rules (5 min), just after a heartbeat."""
    add_team(window)
    session = start_session(window)
    clock.advance(1 * MIN)
    assert window.session_flow.live_timer.save()
    return session


def test_resuming_counts_the_time_copdesk_was_closed(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    session = _crashed_one_minute_in(clocked_window, fake_clock)
    window, clock = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    flow = window.session_flow
    offer = flow.resume_dialog
    assert offer is not None and offer.isVisible()
    assert offer.count_gap_check.isVisible() and offer.count_gap_check.isChecked(), "counting the gap is the default"
    assert offer.count_gap_check.text().replace("&", "") == "Count the time CoPDesk was closed: 3 minutes"
    assert "resuming adds that time to the timer" in offer.hint_label.text()

    offer.resume_button.click()

    assert window.live_session.session_id == session.id and window.pages.currentIndex() == LIVE_PAGE
    view = flow.live_timer.last_view
    assert view is not None and view.status is TimerStatus.RUNNING
    assert view.session_elapsed_seconds == 4 * MIN  # 1 min before the crash + 3 min closed, not 0:00 or 1:00
    panel = window.timer_panel
    assert panel.countdown_label.text() == "01:00" and panel.segment_label.toolTip() == "1. Welcome and ground rules"
    qtbot.waitUntil(lambda: panel.segment_label.text() == "1. Welcome and ground rules")  # fitted once laid out
    assert panel.notice_banner.isVisible()
    assert panel.notice_banner.message() == "CoPDesk was closed for 3 min; the timer has caught up."
    clock.advance(90)
    flow.live_timer.refresh()
    assert panel.countdown_label.text() == "+00:30", "it runs on, and overruns visibly"


def test_the_offer_says_how_far_into_its_segment_the_timer_was_and_what_that_segment_was_planned_for(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """The offer said "The timer was in Actions from last time, 19 min in.", which reads as 19 minutes into the
    session, then 25 minutes in: it was 19 minutes into a segment of 5."""
    add_team(clocked_window)
    start_session(clocked_window)
    fake_clock.advance(6 * MIN)
    clocked_window.session_flow.next_segment()
    fake_clock.advance(19 * MIN)
    assert clocked_window.session_flow.live_timer.save()
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None
    assert "The timer was 19 min into Actions from last time (planned for 5 min)." in offer.message_label.text()


def test_the_offer_is_as_tall_as_its_words_and_its_tick_box_frame_clears_them(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """It opened just wide enough for the tick box, whose focus frame then touched the last letter of its words."""
    _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None
    qtbot.waitExposed(offer)
    message, check = offer.message_label, offer.count_gap_check
    assert message.height() == message.heightForWidth(message.width())
    assert offer.height() == offer.ui.mainLayout.totalHeightForWidth(offer.width()), "no blank band anywhere"
    check.resize(check.sizeHint())  # as narrow as it goes
    option = QStyleOptionButton()
    check.initStyleOption(option)
    words = check.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, option, check)
    after = check.width() - (words.left() + check.fontMetrics().horizontalAdvance(option.text.replace("&", "")))
    assert after >= 4, "room between the last word and the frame"


def test_a_long_gap_overruns_and_says_where_the_agenda_would_be(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 12 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None
    offer.resume_button.click()

    view = window.session_flow.live_timer.last_view
    assert view is not None and format_clock(view.segment_remaining_seconds) == "+08:00"
    assert view.segment_name == "Welcome and ground rules", "moving on stays the facilitator's call (N)"
    # Welcome 5 min (8 over), Actions from last time 5 min, so 3 min into Case presentation by the agenda.
    assert window.timer_panel.notice_banner.message() == (
        "CoPDesk was closed for 12 min; the timer has caught up, 8 min over: "
        "by the agenda the meeting is now in Case presentation (N moves on)."
    )


def test_unticked_the_timer_comes_back_paused_where_it_was_saved(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None
    offer.count_gap_check.setChecked(False)
    assert "paused where it was saved" in offer.hint_label.text()
    offer.resume_button.click()
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.status is TimerStatus.PAUSED and view.session_elapsed_seconds == 1 * MIN
    assert not window.timer_panel.notice_banner.isVisible()


def test_a_timer_paused_when_copdesk_closed_has_no_gap_to_count(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    add_team(clocked_window)
    start_session(clocked_window)
    fake_clock.advance(2 * MIN)
    clocked_window.session_flow.actions.pause.trigger()  # a comfort break; the state is saved on the change
    window, _ = reopened(qtbot, db_path, fake_clock, 10 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None and not offer.count_gap_check.isVisible() and not offer.count_gap
    offer.resume_button.click()
    view = window.session_flow.live_timer.last_view
    assert view is not None and view.status is TimerStatus.PAUSED and view.session_elapsed_seconds == 2 * MIN


def test_closed_for_longer_than_the_session_the_gap_is_offered_but_not_ticked(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * 60 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None and offer.count_gap_check.isVisible() and not offer.count_gap_check.isChecked()
    assert offer.count_gap_check.text().endswith("closed: 3 hours")


def test_ending_at_the_last_saved_time_ignores_the_gap(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    session = _crashed_one_minute_in(clocked_window, fake_clock)
    saved_at = sessions.get_session(clocked_window.context.db, session.id).last_saved_at
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None and offer.count_gap_check.isChecked()
    offer.end_button.click()
    ended = sessions.get_session(window.context.db, session.id)
    assert ended.status is SessionStatus.ENDED and ended.ended_at == saved_at
    assert sessions.segments(window.context.db, session.id)[0].actual_seconds == 1 * MIN


def _earlier_actions(window: MainWindow, clock: FakeClock) -> list[int]:
    """Two actions agreed in a session a fortnight ago, still open: the next session's follow-ups."""
    db = window.context.db
    add_team(window)
    earlier = start_session(window, topic="An earlier session")
    agreed = [
        actions.add_action(db, earlier.team_id, text, clock.now(), origin_session_id=earlier.id).id
        for text in ("Share the reading list", "Book the room")
    ]
    window.session_flow.end_now()
    assert window.session_flow.summary_dialog is not None
    window.session_flow.summary_dialog.accept()
    clock.advance(14 * 24 * 60 * MIN)
    return agreed


def test_ending_after_a_crash_carries_open_follow_ups_like_the_end_button(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    agreed = _earlier_actions(clocked_window, fake_clock)
    session = start_session(clocked_window)
    fake_clock.advance(20 * MIN)
    assert clocked_window.session_flow.live_timer.save()
    window, _ = reopened(qtbot, db_path, fake_clock, 5 * MIN)
    db = window.context.db
    assert [actions.get_action(db, a).times_carried for a in agreed] == [0, 0]
    offer = window.session_flow.resume_dialog
    assert offer is not None
    offer.end_button.click()

    assert sessions.get_session(db, session.id).status is SessionStatus.ENDED
    assert [actions.get_action(db, a).times_carried for a in agreed] == [1, 1], "carried N times stays true"
    stamps = {row[0] for row in db.execute("SELECT at FROM action_review WHERE session_id = ?", [session.id])}
    assert {from_utc_iso(stamp) for stamp in stamps} == {fake_clock.now()}  # carried when the session ended
    summary = window.session_flow.summary_dialog
    assert summary is not None and summary.isVisible()


def test_decide_later_then_start_offers_the_live_session_first(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    old = _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 40 * MIN)
    flow = window.session_flow
    assert flow.resume_dialog is not None
    flow.resume_dialog.reject()  # Decide later

    dialog = flow.open_start_dialog()
    assert dialog is not None
    dialog.topic_edit.setText("A new session")
    dialog.set_present({"Ash Lee", "Bo Day"})
    assert dialog.go_to_ground_rules()
    dialog.agreed_check.setChecked(True)
    dialog.start_button.click()

    db = window.context.db
    assert [s.id for s in sessions.live_sessions(db)] == [old.id], "nothing new started while it is live"
    assert not window.live_session.is_live
    offer = flow.resume_dialog
    assert offer is not None and offer.isVisible() and offer.pending.session.id == old.id
    assert offer.windowTitle() == "A session is still running"
    assert offer.message_label.text().startswith("Resume it, or end it and the new session starts.")

    offer.end_button.click()
    assert sessions.get_session(db, old.id).status is SessionStatus.ENDED
    summary = flow.summary_dialog
    assert summary is not None and summary.isVisible() and not window.live_session.is_live
    summary.accept()
    live = sessions.live_sessions(db)
    assert len(live) == 1 and live[0].id != old.id and live[0].topic == "A new session"
    assert window.live_session.session_id == live[0].id


def test_resuming_instead_starts_nothing_new(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    old = _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 2 * MIN)
    flow = window.session_flow
    assert flow.resume_dialog is not None
    flow.resume_dialog.reject()
    dialog = flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present({"Ash Lee"})
    assert dialog.go_to_ground_rules()
    dialog.start_button.click()
    assert flow.resume_dialog is not None
    flow.resume_dialog.resume_button.click()
    assert window.live_session.session_id == old.id
    assert [s.id for s in sessions.live_sessions(window.context.db)] == [old.id]
    assert sessions.session_count(window.context.db) == 1


def test_after_decide_later_a_banner_says_a_session_is_still_live_with_resume_and_end(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    old = _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    flow = window.session_flow
    banner = flow.resumes.banner
    assert flow.resume_dialog is not None and not banner.isVisible()  # the offer says it first
    flow.resume_dialog.reject()  # Decide later
    assert banner.isVisible() and "A session is still live: Harbour Team's" in banner.label.text()
    assert [b.text() for b in banner.buttons()] == ["&Resume", "&End it"]
    banner.button("Resume").click()
    assert window.live_session.session_id == old.id and not banner.isVisible()
    assert window.pages.currentIndex() == LIVE_PAGE


def test_the_banners_end_ends_the_session_left_live(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    old = _crashed_one_minute_in(clocked_window, fake_clock)
    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    flow = window.session_flow
    assert flow.resume_dialog is not None
    flow.resume_dialog.reject()
    flow.resumes.banner.button("End it").click()
    assert sessions.get_session(window.context.db, old.id).status is SessionStatus.ENDED
    summary = flow.summary_dialog
    assert summary is not None and summary.isVisible()
    summary.accept()
    assert not flow.resumes.banner.isVisible()
