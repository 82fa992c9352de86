"""A plan made for a TM/SSW CoP's date while CoPDesk ran that type as the facilitator's own, that the next session the
team runs did not take (it has a plan of its own, or the move could not be written): the Prepare view says where the
plan is, and what it holds."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtWidgets import QApplication

from copdesk.core.model import Role, SessionKind
from copdesk.core.planning import NextSessionPlan, SessionRoles
from copdesk.core.schedule import Preset, build_rule
from copdesk.store import planning, series, teams
from copdesk.store.schedule import upcoming_sessions
from copdesk.views.shell.main_window import MainWindow

ROSTER = (("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.CO_FACILITATOR), ("Cy Vale", Role.PRACTITIONER))


def _a_plan_on_a_tm_ssw_date(window: MainWindow) -> tuple[int, date, date]:
    """The Harbour Team, a plan made for its TM/SSW CoP's date: its id, that date and its next Reflective's."""
    db, now = window.context.db, window.context.now()
    team = teams.create_team(db, "Harbour Team", list(ROSTER), now)
    for kind, weekday in ((SessionKind.REFLECTIVE, 3), (SessionKind.TM_SSW, 4)):
        series.add_series(db, team.id, kind, build_rule(Preset(kind, weekday, time(10), date(2026, 11, 1))), now)
    calendar = upcoming_sessions(db, team.id, now, 12)
    tm_ssw = next(found.moment.date() for found in calendar if found.kind is SessionKind.TM_SSW)
    reflective = next(found.moment.date() for found in calendar if found.kind is SessionKind.REFLECTIVE)
    cy = next(m.id for m in teams.list_members(db, team.id) if m.display_name == "Cy Vale")
    kept = NextSessionPlan(cy, None, SessionRoles(None, None, "A sudden death at home", ""))
    planning.save_next_session_plan(db, team.id, tm_ssw, kept, now)
    return team.id, tm_ssw, reflective


def test_a_plan_kept_on_a_tm_ssw_date_is_named_beside_the_next_sessions_own(clocked_window: MainWindow) -> None:
    window = clocked_window
    db, now = window.context.db, window.context.now()
    team_id, tm_ssw, reflective = _a_plan_on_a_tm_ssw_date(window)
    planning.save_next_session_plan(
        db, team_id, reflective, NextSessionPlan(None, None, SessionRoles(None, None, "Its own", "")), now
    )
    window.reload_teams(team_id)
    window.review_panel.refresh()

    card = window.review_panel.review_sections.plan
    said = card.message.text()
    assert card.fields.trigger_warning.text() == "Its own"
    assert (
        f"A plan made for {tm_ssw:%a} {tm_ssw.day} {tm_ssw:%b %Y} (Cy Vale to present; trigger warning: A sudden death "
        "at home) is kept there: the team now attends that session." in said
    )
    QApplication.processEvents()  # the panel lays the section out to its new height
    card.grab().save("/tmp/h-111-kept-plan.png")


def test_a_plan_not_yet_moved_from_a_tm_ssw_date_is_said_to_be_on_its_way(clocked_window: MainWindow) -> None:
    """The start could not write the move (data CoPDesk cannot save to): the session the team runs has no plan, so it
    is not the team's attending that session that keeps the plan there."""
    window = clocked_window
    team_id, tm_ssw, _reflective = _a_plan_on_a_tm_ssw_date(window)
    window.reload_teams(team_id)
    window.review_panel.refresh()

    said = window.review_panel.review_sections.plan.message.text()
    assert (
        f"A plan made for {tm_ssw:%a} {tm_ssw.day} {tm_ssw:%b %Y} (Cy Vale to present; trigger warning: A sudden death "
        "at home) has not moved here yet." in said
    )
    assert "kept there" not in said and "now attends" not in said
