"""``review`` and ``sessions``: the pre-session pack as JSON, checked against the demo database itself."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from copdesk import paths
from copdesk.core.dates import format_uk
from copdesk.core.model import Role, SessionKind
from copdesk.store import sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.demo import ESCALATED_ISSUE, RECURRING_ISSUE, RESOLVED_ISSUE
from tests.cli.conftest import CallCli, CliOutcome, RunCli, one_line_error


@pytest.fixture
def demo_db(call_cli: CallCli, db_path: Path) -> Path:
    assert call_cli("demo", "--db", str(db_path)).returncode == 0
    return db_path


def _rows(path: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _review(cli: Callable[..., CliOutcome], path: Path, *extra: str) -> dict[str, Any]:
    result = cli("review", "--db", str(path), "--json", *extra)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_review_json_matches_the_demo_database(run_cli: RunCli, demo_db: Path) -> None:
    data = _review(run_cli, demo_db)
    today = date.today()
    assert list(data) == [
        "team",
        "next_session",
        "next_session_starts_at",
        "next_session_ends_at",
        "open_actions",
        "recurring_issues",
        "escalations_awaiting",
        "quiet_last_session",
        "quiet_last_session_count",
    ]
    # Without --team, the team with the latest session.
    latest = _rows(
        demo_db,
        "SELECT t.name FROM session s JOIN team t ON t.id = s.team_id ORDER BY s.started_at DESC LIMIT 1",
    )[0]
    assert data["team"] == latest["name"]
    team_id = _rows(demo_db, "SELECT id FROM team WHERE name = ?", data["team"])[0]["id"]
    assert data["next_session"] is not None and date.fromisoformat(data["next_session"]) >= today

    open_rows = _rows(demo_db, "SELECT * FROM action WHERE team_id = ? AND status = 'open'", team_id)
    assert {a["id"] for a in data["open_actions"]} == {r["id"] for r in open_rows}
    by_id = {r["id"]: r for r in open_rows}
    for action in data["open_actions"]:
        row = by_id[action["id"]]
        carried = _rows(
            demo_db, "SELECT count(*) AS n FROM action_review WHERE action_id = ? AND outcome = 'carried'", row["id"]
        )[0]["n"]
        assert (action["text"], action["owner"], action["due"]) == (row["text"], row["owner_name"], row["due_date"])
        assert action["times_carried"] == carried
        assert action["overdue"] == (date.fromisoformat(row["due_date"]) < today)
        assert date.fromisoformat(action["origin_session_date"]) <= today
    assert any(a["times_carried"] >= 2 for a in data["open_actions"])  # the demo's stuck action
    assert any(a["overdue"] for a in data["open_actions"])

    issues = {i["title"]: i for i in data["recurring_issues"]}
    assert RESOLVED_ISSUE not in issues
    recurring = issues[RECURRING_ISSUE]
    mentions = _rows(
        demo_db,
        "SELECT count(*) AS n FROM issue_mention m JOIN issue i ON i.id = m.issue_id WHERE i.title = ?",
        RECURRING_ISSUE,
    )[0]["n"]
    assert (recurring["times_raised"], recurring["status"], recurring["escalated"]) == (mentions, "open", False)
    assert recurring["times_raised"] >= 3
    assert recurring["first_raised"] < recurring["last_raised"]
    escalated = issues[ESCALATED_ISSUE]
    assert (escalated["status"], escalated["escalated"], escalated["ever_escalated"]) == ("escalated", True, True)
    assert next(iter(issues)) == RECURRING_ISSUE  # most raised first
    (escalation,) = data["escalations_awaiting"]
    assert (escalation["issue_title"], escalation["to"]) == (ESCALATED_ISSUE, "practice-supervisor")

    names = {r["display_name"] for r in _rows(demo_db, "SELECT display_name FROM member WHERE team_id = ?", team_id)}
    assert data["quiet_last_session"] is None and data["quiet_last_session_count"] >= 1  # hidden without --names
    named = _review(run_cli, demo_db, "--names")
    assert set(named["quiet_last_session"]) <= names
    assert len(named["quiet_last_session"]) == data["quiet_last_session_count"]


def test_review_json_says_an_issue_is_escalated_only_while_the_screen_does(run_cli: RunCli, demo_db: Path) -> None:
    """An issue whose escalations were all closed read "open" and ``"escalated": true`` in one entry, where the
    Prepare view and the Issue tab read Open: ``escalated`` meant "was ever escalated"."""
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute(
            "UPDATE escalation SET status = 'closed', outcome = 'Withdrawn' WHERE issue_id IN"
            " (SELECT id FROM issue WHERE title = ?)",
            [ESCALATED_ISSUE],
        )
    conn.close()
    (entry,) = [i for i in _review(run_cli, demo_db)["recurring_issues"] if i["title"] == ESCALATED_ISSUE]
    assert (entry["status"], entry["escalated"], entry["ever_escalated"]) == ("open", False, True)


def test_review_gives_the_next_session_its_end_from_its_series_length(call_cli: CallCli, demo_db: Path) -> None:
    """The text and the JSON gave the start alone, where Prepare reads "Thu 8 Oct 2026, 10:00 to 11:30"."""
    conn = sqlite3.connect(demo_db)
    with conn:
        conn.execute("UPDATE series SET duration_minutes = 90")
    conn.close()
    data = _review(call_cli, demo_db)
    starts, ends = (datetime.fromisoformat(data[key]) for key in ("next_session_starts_at", "next_session_ends_at"))
    assert ends - starts == timedelta(minutes=90) and starts.date().isoformat() == data["next_session"]
    lines = call_cli("review", "--db", str(demo_db)).stdout.splitlines()
    assert f"Next session: {format_uk(starts.date())}, {starts:%H:%M} to {ends:%H:%M}, " in lines[1]


def test_review_text_hides_who_was_quiet_unless_names_is_given(run_cli: RunCli, demo_db: Path) -> None:
    quiet = _review(run_cli, demo_db, "--names")["quiet_last_session"]
    quiet_line = "Quiet last session (facilitator only): "
    hidden = next(line for line in run_cli("review", "--db", str(demo_db)).stdout.splitlines() if quiet_line in line)
    assert quiet and not any(name in hidden for name in quiet)  # their names may appear as owners, never here
    assert f"{quiet_line}{len(quiet)} " in hidden and "--names shows who" in hidden
    lines = run_cli("review", "--db", str(demo_db), "--names").stdout.splitlines()
    shown = next(line for line in lines if quiet_line in line)
    assert all(name in shown for name in quiet)


def test_review_text_says_why_nobody_shows_as_quiet(call_cli: CallCli, db_path: Path) -> None:
    """Before any session, and after one where no contribution was logged, it read "nobody", as if everyone had
    spoken: the Prepare view says which it is."""
    opened = open_database(db_path, paths.migrations_dir())
    held = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
    team = teams.create_team(
        opened.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], held
    )
    quiet_line = "Quiet last session (facilitator only): "

    def said() -> str:
        lines = call_cli("review", "--db", str(db_path), "--names").stdout.splitlines()
        return next(line for line in lines if quiet_line in line).removeprefix(quiet_line)

    assert said() == "no session of the team's own held yet"
    session = sessions.create_session(opened.db, team.id, SessionKind.REFLECTIVE, held)
    sessions.start_session(opened.db, session.id, held, ground_rules_agreed=True)
    sessions.end_session(opened.db, session.id, held + timedelta(hours=1))
    opened.db.close()
    assert said() == "nobody shows, as no contributions were logged last session"


def test_review_of_a_named_team_and_of_an_unknown_one(call_cli: CallCli, demo_db: Path) -> None:
    data = _review(call_cli, demo_db, "--team", "riverside hospital discharge TEAM")
    assert data["team"] == "Riverside Hospital Discharge Team"
    assert RECURRING_ISSUE not in {i["title"] for i in data["recurring_issues"]}  # the other team's issue
    assert one_line_error(call_cli("review", "--db", str(demo_db), "--team", "Nowhere")) == (
        "copdesk-cli: There is no team called 'Nowhere'; the teams are: "
        "Northside Community Team, Riverside Hospital Discharge Team."
    )


def test_review_text_and_an_empty_database(call_cli: CallCli, demo_db: Path, tmp_path: Path) -> None:
    text = call_cli("review", "--db", str(demo_db)).stdout
    assert "Open actions" in text and "Recurring issues" in text and RECURRING_ISSUE in text
    empty_path = tmp_path / "empty.db"
    open_database(empty_path, paths.migrations_dir()).db.close()
    assert "no teams yet" in one_line_error(call_cli("review", "--db", str(empty_path)))


@pytest.mark.parametrize(
    "command",
    [
        ["review"],
        ["sessions"],
        ["export", "1", "--format", "md", "-o", "record.md"],
        ["schedule", "--team", "Harbour Team"],
        ["retention", "--months", "24", "--yes"],
        ["erase", "--team", "Harbour Team", "--member", "Ash Lee", "--yes"],
    ],
)
def test_a_mistyped_database_path_is_refused_and_nothing_is_created(
    call_cli: CallCli, tmp_path: Path, command: list[str]
) -> None:
    mistyped = tmp_path / "typo" / "copdsek.db"
    assert one_line_error(call_cli(*command, "--db", str(mistyped))) == (
        f"copdesk-cli: No database at {mistyped}; nothing was created. Check the path given with --db or COPDESK_DB."
    )
    assert not mistyped.parent.exists()


def test_sessions_lists_every_session_with_counts(run_cli: RunCli, demo_db: Path) -> None:
    result = run_cli("sessions", "--db", str(demo_db), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [s["id"] for s in listed] == [r["id"] for r in _rows(demo_db, "SELECT id FROM session ORDER BY started_at")]
    first = listed[0]
    assert set(first) == {
        "id", "team", "date", "kind", "topic", "status", "attendance", "notes", "actions_agreed", "issues_raised"
    }  # fmt: skip
    attendance = _rows(demo_db, "SELECT count(*) AS n FROM attendance WHERE session_id = ?", first["id"])[0]["n"]
    assert first["attendance"] == attendance and first["status"] == "ended"
    riverside = json.loads(
        run_cli("sessions", "--db", str(demo_db), "--team", "Riverside Hospital Discharge Team", "--json").stdout
    )
    assert riverside and {s["team"] for s in riverside} == {"Riverside Hospital Discharge Team"}
    text = run_cli("sessions", "--db", str(demo_db)).stdout.splitlines()
    assert len(text) == len(listed)
