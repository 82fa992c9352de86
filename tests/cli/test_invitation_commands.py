"""copdesk-cli schedule --format ics|csv -o FILE: Business Support's invitations, from the command line."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar

from copdesk import paths
from copdesk.core.cancellations import WHAT_TO_DO
from copdesk.core.model import Role, SessionKind
from copdesk.core.schedule import Preset, ReflectiveWeeks, build_rule
from copdesk.store import series, teams
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli, RunCli, one_line_error


@pytest.fixture
def team_db(db_path: Path) -> Path:
    return _team_database(db_path, datetime(2026, 8, 1, tzinfo=UTC))


def _team_database(db_path: Path, now: datetime) -> Path:
    opened = open_database(db_path, paths.migrations_dir())
    roster = [("Fern Quill", Role.FACILITATOR), ("Ivo Park", Role.CO_FACILITATOR), ("Wren Hale", Role.PRACTITIONER)]
    team = teams.create_team(opened.db, "Harbour Team", roster, now)
    rule = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2026, 9, 1)))
    series.add_series(opened.db, team.id, SessionKind.REFLECTIVE, rule, now)
    teams.create_team(opened.db, "Quiet Team", [], now)
    opened.db.close()
    return db_path


def test_ics_holds_the_series_as_recurring_events(run_cli: RunCli, team_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "harbour.ics"
    result = run_cli("schedule", "--db", str(team_db), "--team", "Harbour Team", "--format", "ics", "-o", str(target))
    assert (result.returncode, result.stdout.strip()) == (0, f"Wrote {target}."), result.stderr
    events = Calendar.from_ical(target.read_bytes()).events
    assert {event.rrules[0].to_ical().decode() for event in events} == {
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TH",
        "FREQ=MONTHLY;INTERVAL=1;BYDAY=4TH",
    }
    assert {event.summary for event in events} == {"Reflective practice CoP: Harbour Team"}


def test_the_same_team_number_in_another_database_is_another_calendar(
    run_cli: RunCli, team_db: Path, tmp_path: Path
) -> None:
    """Business Support imports both facilitators' files into one calendar: neither replaces the other's meetings."""
    other_db = _team_database(tmp_path / "other" / "copdesk.db", datetime(2026, 8, 2, 11, 30, tzinfo=UTC))
    uids = []
    for db, name in ((team_db, "ours.ics"), (other_db, "theirs.ics")):
        target = tmp_path / name
        result = run_cli("schedule", "--db", str(db), "--team", "Harbour Team", "--format", "ics", "-o", str(target))
        assert result.returncode == 0, result.stderr
        uids.append({str(event.uid) for event in Calendar.from_ical(target.read_bytes()).events})
    assert len(uids[0]) == len(uids[1]) == 2 and uids[0].isdisjoint(uids[1])


def test_csv_is_the_invite_list(run_cli: RunCli, team_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "invites.csv"
    result = run_cli("schedule", "--db", str(team_db), "--team", "harbour team", "--format", "csv", "-o", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"\xef\xbb\xbfTeam,"), "Excel on Windows reads UTF-8 by its byte-order mark"
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Team", "Name", "Role"] and ["Harbour Team", "Ivo Park", "Co-facilitator"] in rows


@pytest.mark.parametrize(
    ("args", "code", "said"),
    [
        (["--format", "ics"], 2, "--format and -o go together"),
        (["-o", "x.ics"], 2, "--format and -o go together"),
        (["--format", "pdf", "-o", "x.pdf"], 2, "invalid choice"),
        (["--team", "Quiet Team", "--format", "ics", "-o", "x.ics"], 1, "Quiet Team has no sessions scheduled"),
        (["--format", "ics", "-o", "no-such-folder/x.ics"], 1, "does not exist"),
    ],
)
def test_a_bad_invitation_request_is_one_line(
    run_cli: RunCli, team_db: Path, tmp_path: Path, args: list[str], code: int, said: str
) -> None:
    team = [] if "--team" in args else ["--team", "Harbour Team"]
    result = run_cli(
        "schedule",
        "--db",
        str(team_db),
        *team,
        *[str(tmp_path / a) if a.endswith(".ics") and "/" in a else a for a in args],
    )
    assert result.returncode == code and said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.ics").exists()


def test_cancel_writes_the_cancellations_and_says_what_to_do(call_cli: CallCli, team_db: Path, tmp_path: Path) -> None:
    """A rhythm changed before its first session left its old meetings in every calendar: --format cancel writes
    an .ics with METHOD:CANCEL for them, and says what to do with it; with nothing to cancel it writes nothing."""
    target = tmp_path / "cancel.ics"
    args = ("schedule", "--db", str(team_db), "--team", "Harbour Team", "--format", "cancel", "-o", str(target))
    assert "have been cancelled" in one_line_error(call_cli(*args)) and not target.exists()
    opened = open_database(team_db, paths.migrations_dir())
    (reflective,) = series.series_for_team(opened.db, 1)
    weeks = ReflectiveWeeks.SECOND
    second = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2098, 9, 1), 60, weeks))  # the 2nd alone
    first = build_rule(Preset(SessionKind.REFLECTIVE, 3, time(10), date(2098, 9, 1)))
    series.update_series(opened.db, reflective.id, kind=SessionKind.REFLECTIVE, rule=first, duration_minutes=60,
                         now=datetime(2026, 8, 2, tzinfo=UTC))  # fmt: skip
    series.update_series(opened.db, reflective.id, kind=SessionKind.REFLECTIVE, rule=second, duration_minutes=60,
                         now=datetime(2026, 8, 3, tzinfo=UTC))  # fmt: skip
    opened.db.close()
    result = call_cli(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"Wrote {target}.", WHAT_TO_DO]
    parsed = Calendar.from_ical(target.read_bytes())
    assert parsed["method"] == "CANCEL"
    assert sorted(str(event.uid).split("-series1-")[1] for event in parsed.events) == [
        "week-2@copdesk.invalid",
        "week-4@copdesk.invalid",
    ], "the 2nd and 4th Thursday meetings, cancelled whole"
    assert {event["status"] for event in parsed.events} == {"CANCELLED"}
