"""A TM/SSW CoP left live by a CoPDesk that ran that type as the facilitator's own (its agenda, the ground rules, who
spoke), resumed after the upgrade: it stays what it was started as, so nothing tracked in it is set aside."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionKind
from copdesk.store import participation, sessions
from copdesk.views.session.session_summary import SessionSummaryDialog
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, reopened, start_session

MIN = 60


def test_a_tm_ssw_cop_started_as_the_facilitators_own_resumes_with_its_tracking(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """It resumed as an attended session: the tallies already tapped were hidden, no more could be, the hand-over to
    the co-facilitator was greyed, and its open follow-ups were not carried at its end."""
    add_team(clocked_window)
    session = start_session(clocked_window)  # the team's agenda and the ground rules, as a TM/SSW CoP had then
    sessions.set_session_kind(clocked_window.context.db, session.id, SessionKind.TM_SSW)
    clocked_window.participation_panel.keys.choose_number(1)
    fake_clock.advance(1 * MIN)
    assert clocked_window.session_flow.live_timer.save()

    window, _ = reopened(qtbot, db_path, fake_clock, 3 * MIN)
    assert window.session_flow.resume_dialog is not None
    window.session_flow.resume_dialog.resume_button.click()

    assert window.live_session.session_id == session.id
    panel = window.participation_panel
    assert panel.live_area.isVisible() and "participation is not tracked" not in panel.empty_label.text()
    assert sum(panel.tally.tally.counts().values()) == 1, "the tick made before the upgrade is shown"
    panel.keys.choose_number(2)
    assert len(participation.contributions(window.context.db, session.id)) == 2
    QApplication.processEvents()  # the Live page laid out, as on screen
    window.grab().save("/tmp/h-111-tm-ssw-resumed.png")
    assert window.hand_over.action.isEnabled(), "a co-facilitator can still take over"


def test_the_summary_of_a_tm_ssw_cop_run_as_the_facilitators_own_says_no_agreement_was_recorded(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Its ground rules were the facilitator's step then: their agreement not recorded is said, as for a Reflective
    practice CoP, where it was hidden as for a session others run."""
    add_team(window)
    session = start_session(window, agreed=False)
    sessions.set_session_kind(window.context.db, session.id, SessionKind.TM_SSW)
    summary = SessionSummaryDialog(window.context, sessions.get_session(window.context.db, session.id), window)
    qtbot.addWidget(summary)
    assert not summary.ui.rulesLabel.isHidden()
    assert summary.ui.rulesLabel.text() == "Agreement to the ground rules was not recorded."
