"""A session left running, then CoPDesk died (a crash, a power cut, an update's restart) and was opened hours later:
the resume offer, and the end question once it is resumed, still offer to end it when it was last in use, read from
what the database holds. On the fake clocks: a "crash" is a second window on the same database."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import SessionStatus
from copdesk.core.timer import TimerStatus
from copdesk.store import participation, sessions, teams
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, reopened, start_session

MIN = 60
HOUR = 60 * MIN


def _hm(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def _left_running_then_crashed(window: MainWindow, clock: FakeClock) -> tuple[int, datetime, datetime]:
    """Into Case presentation at 09:40, a contribution at 09:43 (the last use), then left running for two hours
    until CoPDesk dies just after a heartbeat. Returns the session, its last use and its last save."""
    team = add_team(window)
    session = start_session(window)
    flow = window.session_flow
    clock.advance(6 * MIN)
    flow.actions.next_segment.trigger()
    clock.advance(4 * MIN)
    flow.actions.next_segment.trigger()
    clock.advance(3 * MIN)
    member = teams.list_members(window.context.db, team.id)[1]
    participation.add_contribution(window.context.db, session.id, member.id, clock.now())
    last_used = clock.now()
    clock.advance(2 * HOUR)
    assert flow.live_timer.save()
    return session.id, last_used, clock.now()


def _ended_when_last_used(window: MainWindow, session_id: int, last_used: datetime) -> None:
    """Ended when it was last in use (09:43, 3 min into Case presentation), its segments cut there."""
    ended = sessions.get_session(window.context.db, session_id)
    assert ended.status is SessionStatus.ENDED and ended.ended_at is not None
    assert from_utc_iso(ended.ended_at) == last_used
    rows = sessions.segments(window.context.db, session_id)
    assert [r.actual_seconds for r in rows[:3]] == [6 * MIN, 4 * MIN, 3 * MIN], "cut when it was last in use"
    assert rows[2].actual_end == ended.ended_at and rows[3].actual_seconds is None


def test_the_resume_offer_ends_it_when_it_was_last_in_use(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    session_id, last_used, saved = _left_running_then_crashed(clocked_window, fake_clock)
    window, _clock = reopened(qtbot, db_path, fake_clock, 9 * HOUR)
    offer = window.session_flow.resume_dialog
    assert offer is not None and offer.isVisible()
    said = offer.message_label.text()
    assert f"The session was last in use at {_hm(last_used)}" in said
    assert f"End at {_hm(last_used)} to end it then" in said and f"Ending at {_hm(saved)} counts" in said
    assert offer.earlier_button.isVisible() and offer.earlier_button.text() == f"End &at {_hm(last_used)}"
    assert offer.end_button.text() == f"&End at {_hm(saved)}"
    buttons = [offer.ui.laterButton, offer.earlier_button, offer.end_button, offer.resume_button]
    assert all(b.width() >= b.sizeHint().width() for b in buttons), "every button's words whole"
    offer.earlier_button.click()

    _ended_when_last_used(window, session_id, last_used)
    assert window.session_flow.summary_dialog is not None and window.session_flow.summary_dialog.isVisible()


def test_resumed_after_hours_closed_the_end_question_offers_the_last_use(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    session_id, last_used, _saved = _left_running_then_crashed(clocked_window, fake_clock)
    window, clock = reopened(qtbot, db_path, fake_clock, 9 * HOUR)
    flow = window.session_flow
    offer = flow.resume_dialog
    assert offer is not None and not offer.count_gap_check.isChecked(), "closed longer than the session: not counted"
    offer.resume_button.click()
    view = flow.live_timer.last_view
    assert view is not None and view.status is TimerStatus.PAUSED

    clock.advance(MIN)
    box = flow.request_end()
    assert box is not None
    assert f"End at {_hm(last_used)} to end it then" in box.informativeText()
    assert box.button(QMessageBox.StandardButton.Yes).text() == f"End &now, at {_hm(clock.now())}"
    earlier = next(b for b in box.buttons() if b.objectName() == "endWhenLastUsed")
    earlier.click()

    _ended_when_last_used(window, session_id, last_used)


def test_closed_mid_meeting_and_opened_soon_after_offers_only_the_last_save(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """A crash in the middle of the meeting, opened again minutes later: nothing left it running, so nothing earlier
    is offered."""
    add_team(clocked_window)
    start_session(clocked_window)
    fake_clock.advance(20 * MIN)
    assert clocked_window.session_flow.live_timer.save()
    window, _clock = reopened(qtbot, db_path, fake_clock, 5 * MIN)
    offer = window.session_flow.resume_dialog
    assert offer is not None and offer.earlier_button.isHidden()
    assert "last in use" not in offer.message_label.text()


def test_decided_later_the_still_live_banner_offers_the_last_use_too(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """After "Decide later", the banner under the header keeps both ends the offer gave, and ends at the one chosen."""
    session_id, last_used, saved = _left_running_then_crashed(clocked_window, fake_clock)
    window, _clock = reopened(qtbot, db_path, fake_clock, 9 * HOUR)
    flow = window.session_flow
    offer = flow.resume_dialog
    assert offer is not None
    offer.ui.laterButton.click()
    banner = flow.resumes.banner
    assert not banner.isHidden() and f"last in use at {_hm(last_used)}." in banner.label.text()
    assert [b.text() for b in banner.buttons()] == ["&Resume", f"End &at {_hm(last_used)}", f"&End at {_hm(saved)}"]
    banner.buttons()[1].click()
    _ended_when_last_used(window, session_id, last_used)
