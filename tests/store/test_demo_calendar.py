"""The demo's calendar follows the masterclass presets: a Spotlight in the first full week, two reflective sessions
in every month, and never two sessions on one day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlite_utils import Database

from copdesk import paths
from copdesk.core.model import SessionKind
from copdesk.core.schedule import Pattern, parse_rule
from copdesk.store import series, teams
from copdesk.store.demo import bank_questions, fill_demo

NOW = datetime(2027, 1, 28, 9, 0, tzinfo=UTC)  # six months back reaches July 2026: September and October included


def test_demo_series_are_the_presets_with_two_reflective_sessions_every_month(db: Database) -> None:
    fill_demo(db, NOW, bank_questions(paths.resource_path("questions")))
    team = teams.list_teams(db)[0]
    for found in series.series_for_team(db, team.id):
        rule = parse_rule(found.rule)
        expected = Pattern.FULL_WEEKS if found.kind is SessionKind.SPOTLIGHT else Pattern.NTH_WEEKDAY
        assert (rule.kind, rule.pattern) == (found.kind, expected), found.rule
    rows = db.query(
        "SELECT kind, date(planned_start, 'localtime') AS day FROM session WHERE team_id = ? AND status = 'ended'",
        [team.id],
    )
    kinds_by_day: dict[date, set[str]] = {}
    held: dict[str, list[date]] = {}
    for row in rows:
        day = date.fromisoformat(str(row["day"]))
        kinds_by_day.setdefault(day, set()).add(str(row["kind"]))
        held.setdefault(str(row["kind"]), []).append(day)
    assert {day: kinds for day, kinds in kinds_by_day.items() if len(kinds) > 1} == {}
    assert date(2026, 9, 8) in held[SessionKind.SPOTLIGHT.value]
    september = [day for day in held[SessionKind.REFLECTIVE.value] if (day.year, day.month) == (2026, 9)]
    assert september == [date(2026, 9, 10), date(2026, 9, 24)]  # the 2nd and 4th Thursday: none is lost
