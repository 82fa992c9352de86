"""A plan made for a TM/SSW CoP's date while CoPDesk ran that type as the facilitator's own, that the next session the
team runs could not take (it has a plan of its own): the Prepare view says where it is kept, and what it holds."""

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


def test_a_plan_kept_on_a_tm_ssw_date_is_named_beside_the_next_sessions_own(clocked_window: MainWindow) -> None:
    window = clocked_window
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
    planning.save_next_session_plan(
        db, team.id, reflective, NextSessionPlan(None, None, SessionRoles(None, None, "Its own", "")), now
    )
    window.reload_teams(team.id)
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
