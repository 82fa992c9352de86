"""Sessions the team or its facilitator attends (Spotlight, Themed, TM/SSW): run by others, so CoPDesk records who
attended and what was learned, with no facilitation agenda, no ground rules of the facilitator's and no participation
tracking."""

from __future__ import annotations

from datetime import date, time

from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionKind
from copdesk.core.schedule import Preset, build_rule
from copdesk.store import participation, series, sessions
from copdesk.store.records import session_record
from copdesk.views.session.session_summary import SessionSummaryDialog
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import ROSTER, add_team


def test_a_spotlight_is_attended_not_facilitated(qtbot: QtBot, window: MainWindow) -> None:
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.SPOTLIGHT.value))
    assert "managed by Social Work Consultants/Convenors" in dialog.owner_label.text()
    assert "(Masterclass, Different CoP sessions)" in dialog.owner_label.text()
    assert not dialog.plan_fields.co_facilitator.isVisible() and not dialog.agenda_label.isVisible()
    assert dialog.next_button.text() == "Start recording attendance"
    dialog.set_present(set(ROSTER[:2]))
    dialog.next_button.click()
    session_id = window.live_session.session_id
    assert session_id is not None and dialog.pages.currentIndex() == 0, "no ground rules page for a Spotlight"

    panel = window.participation_panel
    assert not panel.live_area.isVisible() and "participation is not tracked" in panel.empty_label.text()
    panel.keys.choose_number(1)  # the number keys log nothing: there is no tally for a session the team attends
    assert participation.contributions(window.context.db, session_id) == []
    record = session_record(window.context.db, session_id)
    assert record.run_by == "“managed by Social Work Consultants/Convenors” (Masterclass, Different CoP sessions)"
    assert record.attendance_count == 2 and len(record.agenda) == 1
    summary = SessionSummaryDialog(window.context, sessions.get_session(window.context.db, session_id), window)
    qtbot.addWidget(summary)
    assert summary.ui.rulesLabel.isHidden(), "no ground rules step was missed: a Spotlight has none"


def test_a_tm_ssw_cop_is_attended_as_the_social_work_consultant_runs_it(window: MainWindow) -> None:
    """The masterclass has the Social Work Consultant "Schedule and co-ordinate TM/SSW CoPs every 3 months"; the
    facilitator's role is to "Facilitate Reflective Practice CoPs". So a TM/SSW CoP is attended, not facilitated."""
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.TM_SSW.value))
    assert dialog.owner_label.text().startswith(
        "Scheduled and co-ordinated by the Social Work Consultant: you record who attended and what was learned."
    )
    assert not dialog.agenda_label.isVisible() and dialog.next_button.text() == "Start recording attendance"
    dialog.set_present(set(ROSTER[:2]))
    dialog.next_button.click()
    session_id = window.live_session.session_id
    assert session_id is not None and dialog.pages.currentIndex() == 0, "no ground rules page of the facilitator's"
    assert "participation is not tracked" in window.participation_panel.empty_label.text()
    record = session_record(window.context.db, session_id)
    assert record.run_by == (
        "“Schedule and co-ordinate TM/SSW CoPs every 3 months” (Masterclass, Roles and responsibilities 2025)"
    )


def test_the_summary_of_a_reflective_session_says_when_no_agreement_to_the_ground_rules_was_recorded(
    qtbot: QtBot, window: MainWindow
) -> None:
    team = add_team(window)
    now = window.context.now()
    session = sessions.create_session(window.context.db, team.id, SessionKind.REFLECTIVE, now, planned_start=now)
    sessions.start_session(window.context.db, session.id, now, ground_rules_agreed=False)
    summary = SessionSummaryDialog(window.context, sessions.get_session(window.context.db, session.id), window)
    qtbot.addWidget(summary)
    assert not summary.ui.rulesLabel.isHidden()
    assert summary.ui.rulesLabel.text() == "Agreement to the ground rules was not recorded."


def test_a_reflective_session_names_its_facilitator_and_keeps_tracking(window: MainWindow) -> None:
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    assert "Facilitate Reflective Practice CoPs" in dialog.owner_label.text()
    assert dialog.plan_fields.co_facilitator.isVisible() and dialog.next_button.text() == "Next: ground rules ›"
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.THEMED.value))
    assert "facilitated by Practice Supervisors" in dialog.owner_label.text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.TM_SSW.value))
    assert "Schedule and co-ordinate TM/SSW CoPs every 3 months" in dialog.owner_label.text()
    dialog.reject()


def test_the_prepare_view_says_who_runs_the_next_session(window: MainWindow) -> None:
    team = add_team(window)
    rule = build_rule(Preset(SessionKind.THEMED, 2, time(14), date(2026, 10, 1)))
    series.add_series(window.context.db, team.id, SessionKind.THEMED, rule, window.context.now())
    window.review_panel.refresh()
    card = window.review_panel.review_sections.next_session
    assert "Run by a Practice Supervisor" in card.rhythm.text()
    assert card.rhythm.toolTip() == "“facilitated by Practice Supervisors” (Masterclass, Different CoP sessions)"
