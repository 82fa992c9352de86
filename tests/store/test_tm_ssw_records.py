"""The record of a TM/SSW CoP says who ran it under the rule it was held by: one the team attends (the Social Work
Consultant schedules and co-ordinates it) quotes the masterclass, and one CoPDesk ran as the facilitator's own before
that type counted as attended says the facilitator ran it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from html import escape

import pytest
from sqlite_utils import Database

from copdesk.core.model import Role, SegmentPhase, SessionKind
from copdesk.core.record import RUN_AS_OWN_THEN, render_html, render_json
from copdesk.store import sessions, teams
from copdesk.store.quarterly import team_summary
from copdesk.store.records import session_record
from copdesk.store.sessions import PlannedSegment

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
OWNER = "“Schedule and co-ordinate TM/SSW CoPs every 3 months” (Masterclass, Roles and responsibilities 2025)"


def _tm_ssw_cop(db: Database, *, ground_rules_agreed: bool) -> int:
    """A TM/SSW CoP held; with the ground rules agreed, as CoPDesk ran that type as the facilitator's own then."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    session = sessions.create_session(db, team.id, SessionKind.TM_SSW, NOW, planned_start=NOW)
    sessions.start_session(db, session.id, NOW, ground_rules_agreed=ground_rules_agreed)
    return session.id


@pytest.mark.parametrize(("run_as_own", "run_by"), [(True, RUN_AS_OWN_THEN), (False, OWNER)])
def test_a_tm_ssw_record_says_who_ran_it_under_the_rule_it_was_held_by(
    db: Database, run_as_own: bool, run_by: str
) -> None:
    """One held as the facilitator's own read "Run by" the Social Work Consultant, who had not run it."""
    record = session_record(db, _tm_ssw_cop(db, ground_rules_agreed=run_as_own))
    assert record.run_by == run_by
    assert f'Run by</td><td dir="auto">{escape(run_by)}</td>' in render_html(record)  # and so the PDF
    assert json.loads(render_json(record))["run_by"] == run_by


def test_a_tm_ssw_cop_planned_with_the_teams_agenda_and_not_held_is_not_said_to_be_the_facilitators(
    db: Database,
) -> None:
    """Planned in advance by a CoPDesk that ran that type to the team's agenda, it starts now as one the team attends:
    its record read "Planned, not held" beside "Run by" the facilitator "when this one was held"."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    agenda = [
        PlannedSegment("Welcome", SegmentPhase.OPENING, 300),
        PlannedSegment("Discussion", SegmentPhase.REFLECTION, 3300),
    ]
    planned = sessions.create_session(db, team.id, SessionKind.TM_SSW, NOW, planned_start=NOW, segments=agenda)
    record = session_record(db, planned.id)
    assert record.status == "planned" and record.run_by == OWNER
    assert not sessions.run_by_the_facilitator(db, planned.id)


def test_the_quarter_summary_says_a_tm_ssw_cop_run_as_the_facilitators_own_was_run_by_the_team(db: Database) -> None:
    """The roll-up counts it as held by the team, and one the team attends as attended, each by the rule it was held
    by; every Reflective practice CoP was the team's own."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    for kind, agreed in ((SessionKind.TM_SSW, True), (SessionKind.TM_SSW, False), (SessionKind.REFLECTIVE, False)):
        held = sessions.create_session(db, team.id, kind, NOW, planned_start=NOW)
        sessions.start_session(db, held.id, NOW, ground_rules_agreed=agreed)
        sessions.end_session(db, held.id, NOW)
    document = team_summary(db, team, "2026Q4", NOW)
    assert [(s["kind"], s["run_by_the_team"]) for s in document["attendance"]] == [
        ("tm-ssw", True),
        ("tm-ssw", False),
        ("reflective", True),
    ]
    assert {s["kind"]: s["run_by_others"] for s in document["sessions"]} == {"reflective": False, "tm-ssw": True}
