"""The resume offer says how long CoPDesk was closed in words that read whatever the gap: seconds, a minute,
minutes, hours or days, and its words stay inside the dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, reopened, start_session

MIN, HOUR, DAY = 60, 3600, 86400


@pytest.mark.parametrize(
    ("closed", "words"),
    [
        (20, "20 seconds"),
        (1, "1 second"),
        (60, "1 minute"),
        (12 * MIN, "12 minutes"),
        (HOUR, "1 hour"),
        (3 * HOUR + 5 * MIN, "3 hours 5 minutes"),
        (2 * DAY + 3 * HOUR + 20 * MIN, "2 days 3 hours"),
        (DAY, "1 day"),
    ],
)
def test_the_gap_reads_whatever_its_size(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock, closed: float, words: str
) -> None:
    """Closed for under a minute, the offer read "Count the under a minute CoPDesk was closed" and "adds the under a
    minute"."""
    add_team(clocked_window)
    start_session(clocked_window)
    fake_clock.advance(MIN)
    assert clocked_window.session_flow.live_timer.save()
    window, _ = reopened(qtbot, db_path, fake_clock, closed)
    offer = window.session_flow.resume_dialog
    assert offer is not None and offer.count_gap_check.isVisible()
    assert offer.count_gap_check.text().replace("&", "") == f"Count the time CoPDesk was closed: {words}"
    offer.count_gap_check.setChecked(True)
    assert offer.hint_label.text() == (
        "The meeting went on: resuming adds that time to the timer and runs on, so it shows where the meeting is."
    )
    QApplication.processEvents()
    room = offer.count_gap_check.width()
    assert offer.count_gap_check.sizeHint().width() < room - 40, "the tick box's words ran to the dialog's edge"
