"""The demo's calendar follows the masterclass presets: each session type in its own Monday-to-Friday week."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlite_utils import Database

from copdesk import paths
from copdesk.core.model import SessionKind
from copdesk.core.schedule import Pattern, parse_rule
from copdesk.store import series, teams
from copdesk.store.demo import bank_questions, fill_demo

NOW = datetime(2027, 1, 28, 9, 0, tzinfo=UTC)  # six months back reaches July 2026: September and October included


def test_demo_series_are_the_presets_and_no_two_types_share_a_week(db: Database) -> None:
    fill_demo(db, NOW, bank_questions(paths.resource_path("questions")))
    team = teams.list_teams(db)[0]
    for found in series.series_for_team(db, team.id):
        rule = parse_rule(found.rule)
        assert (rule.kind, rule.pattern) == (found.kind, Pattern.FULL_WEEKS), found.rule
    rows = db.query(
        "SELECT kind, date(planned_start, 'localtime') AS day FROM session WHERE team_id = ? AND status = 'ended'",
        [team.id],
    )
    kinds_by_week: dict[tuple[int, int], set[str]] = {}
    held: dict[str, list[date]] = {}
    for row in rows:
        day = date.fromisoformat(str(row["day"]))
        kinds_by_week.setdefault(day.isocalendar()[:2], set()).add(str(row["kind"]))
        held.setdefault(str(row["kind"]), []).append(day)
    assert {week: kinds for week, kinds in kinds_by_week.items() if len(kinds) > 1} == {}
    assert date(2026, 9, 8) in held[SessionKind.SPOTLIGHT.value]
    september = [day for day in held[SessionKind.REFLECTIVE.value] if (day.year, day.month) == (2026, 9)]
    assert september == [date(2026, 9, 17)]  # the 4th full week's Thursday would be 1 October
