"""A team with no next session in its calendar plans with no date: the session it then runs holds that plan and uses
it up, as a session held for a scheduled date does, so the Prepare view starts the next plan fresh."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import Qt

from copdesk.core.model import Role, SessionKind, Team
from copdesk.core.schedule import Preset, build_rule
from copdesk.store import planning, review, series, teams
from copdesk.views.shell.main_window import MainWindow

ROSTER = (("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.CO_FACILITATOR), ("Cy Vale", Role.PRACTITIONER))


def _unscheduled_team(window: MainWindow) -> Team:
    team = teams.create_team(window.context.db, "Harbour Team", list(ROSTER), window.context.now())
    window.reload_teams(team.id)
    window.review_panel.refresh()
    return team


def _plan_and_tick(window: MainWindow, team: Team) -> None:
    sections = window.review_panel.review_sections
    card = sections.plan
    cy = next(m.id for m in teams.list_members(window.context.db, team.id) if m.display_name == "Cy Vale")
    card.presenter.setCurrentIndex(card.presenter.findData(cy))
    card.asked.setChecked(True)
    card.fields.trigger_warning.setText("A sudden death at home")
    card.fields.trigger_warning.textEdited.emit("A sudden death at home")  # as typed
    model = sections.planning.model
    model.setData(model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert not planning.next_session_plan(window.context.db, team.id, None).is_empty
    assert review.planning_ticks(window.context.db, team.id, None)


def _start_and_end(window: MainWindow, kind: SessionKind = SessionKind.REFLECTIVE) -> None:
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind.value))
    dialog.set_present({"Ash Lee", "Bo Day", "Cy Vale"})
    if dialog.attended():
        dialog.start()
    else:
        assert dialog.plan_fields.trigger_warning.text() == "A sudden death at home", "the plan is offered"
        assert dialog.go_to_ground_rules()
        dialog.agreed_check.setChecked(True)
        dialog.start_button.click()
    assert window.live_session.session_id is not None
    window.session_flow.end_now()
    window.review_panel.refresh()


def test_a_session_held_with_no_schedule_uses_up_the_plan_and_its_ticks(clocked_window: MainWindow) -> None:
    """The same presenter, date asked and trigger warning showed as the next plan after the session was held."""
    window = clocked_window
    team = _unscheduled_team(window)
    _plan_and_tick(window, team)
    _start_and_end(window)

    sections = window.review_panel.review_sections
    card = sections.plan
    assert card.presenter.currentData() is None and not card.asked.isChecked()
    assert card.fields.trigger_warning.text() == ""
    assert planning.next_session_plan(window.context.db, team.id, None).is_empty
    assert not review.planning_ticks(window.context.db, team.id, None)
    assert sections.planning.summary.text().startswith("0 of 8 considered")


def test_a_session_the_team_attends_leaves_the_plan_for_the_one_it_runs(clocked_window: MainWindow) -> None:
    window = clocked_window
    team = _unscheduled_team(window)
    _plan_and_tick(window, team)
    _start_and_end(window, SessionKind.SPOTLIGHT)
    assert planning.next_session_plan(window.context.db, team.id, None).roles.trigger_warning == (
        "A sudden death at home"
    )
    assert review.planning_ticks(window.context.db, team.id, None)


def test_a_session_started_off_the_calendar_leaves_the_plan_for_the_scheduled_day(clocked_window: MainWindow) -> None:
    """A team with a schedule keeps its plan with the day it is for: an extra session does not use it up."""
    window = clocked_window
    db = window.context.db
    team = _unscheduled_team(window)
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 10, 13)))  # from Thu 22 Oct
    series.add_series(db, team.id, SessionKind.REFLECTIVE, rule, window.context.now())
    window.review_panel.refresh()
    card = window.review_panel.review_sections.plan
    card.fields.trigger_warning.setText("A sudden death at home")
    card.fields.trigger_warning.textEdited.emit("A sudden death at home")
    _start_and_end(window)
    assert planning.next_session_plan(db, team.id, date(2026, 10, 22)).roles.trigger_warning == (
        "A sudden death at home"
    )
