"""schedule, export, report, summary, cpd and rollup, run as a user would: in a real subprocess, and their refusals
in this process."""

from __future__ import annotations

import ast
import calendar
import csv
import io
import json
import re
import sqlite3
import unicodedata
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.model import Role, SessionKind
from copdesk.core.schedule import Preset, build_rule
from copdesk.store import series, teams
from copdesk.store.connection import open_database
from copdesk.store.demo import TEAMS
from tests.cli.conftest import CallCli, RunCli, one_line_error
from tests.pdf_text import pdf_text

NORTH, RIVER = list(TEAMS)
ALL_NAMES = [name for roster in TEAMS.values() for name, _ in roster]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo database for the read-only commands (the demo's history ends today)."""
    path = tmp_path_factory.mktemp("demo") / "copdesk.db"
    opened = open_database(path, paths.migrations_dir())
    from copdesk.store.demo import bank_questions, fill_demo

    fill_demo(opened.db, datetime.now(UTC), bank_questions(paths.resource_path("questions")))
    opened.db.close()
    return path


def _query(db: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


# -- schedule ---------------------------------------------------------------------------------------
def _independent_calendar(year: int) -> list[tuple[date, str]]:
    """The masterclass rhythms for one year by plain calendar arithmetic, without dateutil."""
    found: list[tuple[date, str]] = []
    for month in range(1, 13):
        days = [date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
        mondays = [d for d in days if d.weekday() == 0 and (d + timedelta(days=4)).month == month]
        first_full_week = mondays[0]  # weeks are counted on from the first Monday-to-Friday week wholly in the month
        found.append((first_full_week + timedelta(days=1), "spotlight"))  # its Tuesday
        thursdays = [d for d in days if d.weekday() == 3]
        found += [(thursdays[1], "reflective"), (thursdays[3], "reflective")]  # the 2nd and 4th: every month
        wednesdays = [d for d in days if d.weekday() == 2]
        if month % 2 == 1:  # alternate months, from January: the 3rd Wednesday
            found.append((wednesdays[2], "themed"))
        if month % 3 == 1:
            found.append((wednesdays[1], "tm-ssw"))  # every 3 months, in the week of the first (2nd Wednesday)
    return found


@pytest.fixture
def scheduled(db_path: Path) -> Path:
    opened = open_database(db_path, paths.migrations_dir())
    now = datetime(2025, 12, 1, tzinfo=UTC)
    team = teams.create_team(opened.db, "Calendar Team", [("Fern Quill", Role.FACILITATOR)], now)
    first = date(2026, 1, 1)
    for kind, weekday, hour in (
        (SessionKind.SPOTLIGHT, 1, 13),
        (SessionKind.REFLECTIVE, 3, 10),
        (SessionKind.THEMED, 2, 14),
    ):
        series.add_series(opened.db, team.id, kind, build_rule(Preset(kind, weekday, time(hour), first)), now)
    tm_rule = build_rule(Preset(SessionKind.TM_SSW, 2, time(9, 30), date(2026, 1, 14), 90))
    series.add_series(opened.db, team.id, SessionKind.TM_SSW, tm_rule, now, 90)
    opened.db.close()
    return db_path


def test_schedule_for_2026_and_2027_matches_an_independent_calendar(run_cli: RunCli, scheduled: Path) -> None:
    expected = sorted(_independent_calendar(2026) + _independent_calendar(2027))
    assert (date(2026, 9, 24), "reflective") in expected and date(2026, 10, 1) not in dict(expected)
    count = str(len(expected) + 1)
    result = run_cli(
        "schedule", "--db", str(scheduled), "--team", "calendar team", "--from", "2026-01-01", "--next", count, "--json"
    )
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    got = [(datetime.fromisoformat(item["start"]).date(), item["kind"]) for item in listed]
    assert got[:-1] == expected and got[-1][0].year == 2028
    assert {item["kind"]: item["duration_minutes"] for item in listed}["tm-ssw"] == 90


def test_schedule_puts_the_september_2026_spotlight_on_the_8th(run_cli: RunCli, scheduled: Path) -> None:
    result = run_cli(
        "schedule", "--db", str(scheduled), "--team", "Calendar Team", "--from", "2026-09-01", "--next", "2"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Tuesday 8 September 2026, 13:00  Spotlight session (60 min)",
        "Thursday 10 September 2026, 10:00  Reflective practice CoP (60 min)",  # the month's 2nd Thursday
    ]


def test_schedule_without_series_says_how_to_add_one(run_cli: RunCli, db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    teams.create_team(opened.db, "New Team", [], datetime(2026, 1, 1, tzinfo=UTC))
    opened.db.close()
    result = run_cli("schedule", "--db", str(db_path), "--team", "New Team")
    assert result.returncode == 0 and "Schedule…" in result.stdout
    assert json.loads(run_cli("schedule", "--db", str(db_path), "--team", "New Team", "--json").stdout) == []


# -- export -----------------------------------------------------------------------------------------
def test_export_writes_each_format(run_cli: RunCli, demo: Path, tmp_path: Path) -> None:
    session_id, topic = _query(demo, "SELECT id, topic FROM session WHERE team_id = 1 ORDER BY id DESC LIMIT 1")[0]
    present = _query(demo, "SELECT count(*) FROM attendance WHERE session_id = ?", (session_id,))[0][0]
    for file_format in ("md", "html", "json", "pdf"):
        target = tmp_path / f"record.{file_format}"
        result = run_cli("export", str(session_id), "--db", str(demo), "--format", file_format, "-o", str(target))
        assert (result.returncode, result.stdout.strip()) == (0, f"Wrote {target}."), result.stderr
    assert json.loads((tmp_path / "record.json").read_text(encoding="utf-8"))["attendance_count"] == present
    assert f"{present} attended." in (tmp_path / "record.md").read_text(encoding="utf-8")
    assert "<!DOCTYPE html>" in (tmp_path / "record.html").read_text(encoding="utf-8")
    pdf = (tmp_path / "record.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert str(topic) in unicodedata.normalize("NFKC", pdf_text(pdf)).replace("\n", " ")
    for path in tmp_path.iterdir():
        text = pdf_text(path.read_bytes()) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
        assert [name for name in ALL_NAMES if name in text] == [], path


def test_export_with_names_lists_who_attended(run_cli: RunCli, demo: Path, tmp_path: Path) -> None:
    session_id = _query(demo, "SELECT max(id) FROM session WHERE team_id = 1")[0][0]
    names = {
        r[0]
        for r in _query(
            demo,
            "SELECT display_name FROM member JOIN attendance ON member_id = member.id WHERE session_id = ?",
            (session_id,),
        )
    }
    target = tmp_path / "named.json"
    assert (
        run_cli(
            "export", str(session_id), "--db", str(demo), "--format", "json", "-o", str(target), "--names"
        ).returncode
        == 0
    )
    assert set(json.loads(target.read_text(encoding="utf-8"))["attendee_names"]) == names


# -- report, summary, rollup, cpd -----------------------------------------------------------------------
def _last_full_quarter() -> tuple[str, date, date]:
    today = date.today()
    year, quarter = (today.year, (today.month - 1) // 3) if today.month > 3 else (today.year - 1, 4)
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
    return f"{year}Q{quarter}", first, last


def test_report_figures_match_the_database(run_cli: RunCli, demo: Path, tmp_path: Path) -> None:
    quarter, first, last = _last_full_quarter()
    target = tmp_path / "report.csv"
    result = run_cli(
        "report", "--db", str(demo), "--team", NORTH, "--quarter", quarter, "--format", "csv", "-o", str(target)
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    held = {row[1]: int(row[3]) for row in rows if row[0] == "sessions" and row[2] in ("held", "attended")}
    attended = {row[1] for row in rows if row[0] == "sessions" and row[2] == "attended"}
    assert attended == {SessionKind.SPOTLIGHT.label, SessionKind.THEMED.label}, "run by others: attended, not held"
    expected = {
        str(kind): int(str(count))
        for kind, count in _query(
            demo,
            "SELECT kind, count(*) FROM session WHERE team_id = 1 AND status = 'ended'"
            " AND date(started_at, 'localtime') BETWEEN ? AND ? GROUP BY kind",
            (first.isoformat(), last.isoformat()),
        )
    }
    assert held == {SessionKind(kind).label: count for kind, count in expected.items()}
    attendance = [(row[1], int(row[3])) for row in rows if row[0] == "attendance"]
    assert attendance == _query(
        demo,
        "SELECT date(started_at, 'localtime'), (SELECT count(*) FROM attendance a WHERE a.session_id = s.id)"
        " FROM session s WHERE team_id = 1 AND status = 'ended' AND date(started_at, 'localtime') BETWEEN ? AND ?"
        " ORDER BY started_at",
        (first.isoformat(), last.isoformat()),
    )
    for file_format, marker in (("html", "data:image/svg+xml;base64,"), ("md", "## Themes")):
        out = tmp_path / f"report.{file_format}"
        args = (
            "report",
            "--db",
            str(demo),
            "--team",
            NORTH,
            "--quarter",
            quarter,
            "--format",
            file_format,
            "-o",
            str(out),
        )
        assert run_cli(*args).returncode == 0
        text = out.read_text(encoding="utf-8")
        assert marker in text and [name for name in ALL_NAMES if name in text] == []


def test_report_says_when_feedback_names_a_colleague(call_cli: CallCli, demo: Path, tmp_path: Path) -> None:
    quarter, first, last = _last_full_quarter()
    copy = tmp_path / "copy.db"
    source, target = sqlite3.connect(demo), sqlite3.connect(copy)
    source.backup(target)
    source.close()
    target.close()
    (name,) = _query(copy, "SELECT display_name FROM member WHERE team_id = 1 AND role <> 'guest' LIMIT 1")[0]
    (session_id,) = _query(
        copy,
        "SELECT id FROM session WHERE team_id = 1 AND status = 'ended'"
        " AND date(started_at, 'localtime') BETWEEN ? AND ? LIMIT 1",
        (first.isoformat(), last.isoformat()),
    )[0]
    args = ("report", "--db", str(copy), "--team", NORTH, "--quarter", quarter, "--format", "md")
    quiet = call_cli(*args, "-o", str(tmp_path / "before.md"))
    assert quiet.returncode == 0 and "Feedback:" not in quiet.stdout
    conn = sqlite3.connect(copy)
    with conn:
        conn.execute(
            "INSERT INTO session_feedback (session_id, usefulness, to_change, created_at) VALUES (?, 4, ?, ?)",
            (session_id, f"Less from {name} please", "2026-01-01T00:00:00+00:00"),
        )
    conn.close()
    said = call_cli(*args, "-o", str(tmp_path / "after.md"))
    assert said.returncode == 0, said.stderr
    assert "Feedback: 1 suggested change names a colleague, copied word for word into the report." in said.stdout
    assert str(name) not in said.stdout  # the terminal may be shared: the names are in the report only


def test_summaries_roll_up_without_personal_data(run_cli: RunCli, demo: Path, tmp_path: Path) -> None:
    quarter, _, _ = _last_full_quarter()
    files = []
    for team in (NORTH, RIVER):
        target = tmp_path / f"{team.split()[0]}.json"
        assert (
            run_cli("summary", "--db", str(demo), "--team", team, "--quarter", quarter, "-o", str(target)).returncode
            == 0
        )
        files.append(str(target))
    marked = Path(files[0])  # saved again in Notepad, which may start UTF-8 with a byte-order mark
    marked.write_bytes(b"\xef\xbb\xbf" + marked.read_bytes())
    report = tmp_path / "rollup.html"
    result = run_cli("rollup", *files, "-o", str(report))
    assert result.returncode == 0, result.stderr
    html = report.read_text(encoding="utf-8")
    assert NORTH in html and RIVER in html and "Recurring barriers across teams" in html
    for text in (html, *(Path(f).read_text(encoding="utf-8-sig") for f in files)):
        assert [name for name in ALL_NAMES if name in text] == []
        assert [part for name in ALL_NAMES for part in name.split() if part in text] == []
    merged = [
        s
        for f in files
        for s in json.loads(Path(f).read_text(encoding="utf-8-sig"))["sessions"]
        if s["kind"] == "reflective"
    ]
    scheduled, held = sum(s["scheduled"] for s in merged), sum(s["held"] for s in merged)
    cells = "".join(f'<td dir="auto">{value}</td>' for value in ("Reflective practice CoP", scheduled, held, 0))
    assert f"<tr>{cells}</tr>" in html  # the "Sessions by type, all teams" row adds up both teams
    summary = Path(files[1]).read_bytes()
    another_name = tmp_path / "linked.json"
    another_name.hardlink_to(files[1])
    for output in (files[1], str(another_name)):  # a summary, perhaps another facilitator's, is never written over
        refused = run_cli("rollup", *files, "-o", output)
        assert "is one of the summaries to roll up" in one_line_error(refused), output
    assert Path(files[1]).read_bytes() == summary


def test_the_roll_up_says_held_and_attended_as_each_teams_report_does(
    call_cli: CallCli, demo: Path, tmp_path: Path
) -> None:
    """The Spotlight and Themed sessions a team attends are run by others: the roll-up counts them as attended, as
    the team's quarterly report does, in place of counting them held by every team that attended."""
    quarter, _, _ = _last_full_quarter()
    files, said = [], []
    for team in (NORTH, RIVER):
        args = ("--db", str(demo), "--team", team, "--quarter", quarter)
        files.append(str(tmp_path / f"{team.split()[0]}.json"))
        assert call_cli("summary", *args, "-o", files[-1]).returncode == 0
        assert call_cli("report", *args, "--format", "md", "-o", str(tmp_path / "report.md")).returncode == 0
        lead = re.search(
            r"(\d+) held by the team of (\d+) on its calendar(?:; (\d+) attended of (\d+) run by others)?",
            (tmp_path / "report.md").read_text(encoding="utf-8"),
        )
        assert lead is not None, team
        held, own, attended, others = lead.groups("0")
        said.append((team, f"{held} of {own} scheduled", f"{attended} of {others} scheduled"))
    assert any(not attended.startswith("0 ") for _, _, attended in said), "the demo's teams attend sessions by others"
    assert call_cli("rollup", *files, "-o", str(tmp_path / "rollup.html")).returncode == 0
    html = (tmp_path / "rollup.html").read_text(encoding="utf-8")
    for team, held, attended in said:
        assert "".join(f'<td dir="auto">{value}</td>' for value in (team, held, attended)) in html


def test_a_summary_with_an_impossible_count_is_refused_naming_it(call_cli: CallCli, demo: Path, tmp_path: Path) -> None:
    quarter, _, _ = _last_full_quarter()
    summary = tmp_path / "north.json"
    assert (
        call_cli("summary", "--db", str(demo), "--team", NORTH, "--quarter", quarter, "-o", str(summary)).returncode
        == 0
    )
    document = json.loads(summary.read_text(encoding="utf-8"))
    document["sessions"][0]["scheduled"] = 10**4000  # Python reads as many digits, but the chart's float overflows
    summary.write_text(json.dumps(document), encoding="utf-8")
    refused = one_line_error(call_cli("rollup", str(summary), "-o", str(tmp_path / "rollup.html")))
    assert refused.endswith("north.json is a damaged summary (ValueError: expected a count from 0 to 1,000,000).")


def test_a_file_larger_than_any_summary_is_refused_naming_it(call_cli: CallCli, tmp_path: Path) -> None:
    from copdesk.core.summary_file import MAX_SUMMARY_BYTES

    huge = tmp_path / "north.json"
    huge.write_bytes(b"[" + b"0," * (MAX_SUMMARY_BYTES // 2) + b"0]")
    refused = one_line_error(call_cli("rollup", str(huge), "-o", str(tmp_path / "rollup.html")))
    assert refused.endswith("north.json is larger than any quarter summary (8 MB at most); check it is the right file.")


def test_cpd_evidence_for_one_practitioner(run_cli: RunCli, demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "cpd.md"
    first = (date.today() - timedelta(days=365)).isoformat()
    args = (
        "cpd",
        "--db",
        str(demo),
        "--team",
        NORTH,
        "--member",
        "priya lindqvist",
        "--from",
        first,
        "--to",
        date.today().isoformat(),
    )
    result = run_cli(*args, "-o", str(target))
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Priya Lindqvist" in text and "peer" in text
    assert [name for name in ALL_NAMES if name != "Priya Lindqvist" and name in text] == []
    pdf = tmp_path / "cpd.pdf"
    assert run_cli(*args, "-o", str(pdf)).returncode == 0 and pdf.read_bytes().startswith(b"%PDF-")


def test_cpd_finds_a_member_pasted_with_direction_marks(call_cli: CallCli, demo: Path, tmp_path: Path) -> None:
    """A name copied from a right-to-left document comes with its marks ("\u200fPriya Lindqvist"), which the roster's
    names never hold (they are taken out as a name is typed): it found nobody."""
    for typed, file_name in (("\u200fPriya Lindqvist\u200e", "marked.md"), ("PRIYA  lindqvist", "plain.md")):
        result = call_cli(
            "cpd", "--db", str(demo), "--team", NORTH, "--member", typed, *YEAR_2026, "-o", str(tmp_path / file_name)
        )
        assert result.returncode == 0, result.stderr
        assert "Priya Lindqvist" in (tmp_path / file_name).read_text(encoding="utf-8")


# -- bad arguments: one line, exit 1 (in this process: the exit codes a shell sees are tested elsewhere) ---------
CPD = ("cpd", "--team", NORTH, "--member")
YEAR_2026 = ("--from", "2026-01-01", "--to", "2026-12-31")
QUARTER_MD = ("--quarter", "2026Q3", "--format", "md")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("report", "--team", NORTH, "--quarter", "2026Q5", "--format", "html", "-o", "{keep}"), "no quarter 5"),
        (("report", "--team", "Nowhere", *QUARTER_MD, "-o", "{keep}"), "no team called 'Nowhere'"),
        (("report", "--team", NORTH, *QUARTER_MD, "-o", "{tmp}/plain.txt/r.md"), "is a file, not a folder"),
        (("report", "--team", NORTH, *QUARTER_MD, "-o", "{tmp}/none/r.md"), "does not exist"),
        (("summary", "--team", NORTH, "--quarter", "Q3", "-o", "{keep}"), "Expected a quarter like 2026Q3"),
        (("report", "--team", NORTH, "--quarter", "9999Q4", "--format", "md", "-o", "{keep}"), "from 1900Q1 to 9998Q4"),
        (("summary", "--team", NORTH, "--quarter", "1899Q4", "-o", "{keep}"), "from 1900Q1 to 9998Q4"),
        (("schedule", "--team", "Nowhere"), "no team called"),
        (("schedule", "--team", "  "), "Team name is empty; type at least one letter."),
        (
            ("cpd", "--team", "North\x07", "--member", "Sam Okafor", *YEAR_2026, "-o", "{keep}"),
            "invisible control character",
        ),
        (("schedule", "--team", NORTH, "--next", "0"), "--next takes 1 to 500"),
        (("schedule", "--team", NORTH, "--from", "31/02/2026"), "--from: '31/02/2026' is not a real date."),
        (("schedule", "--team", NORTH, "--from", "2026-02-31"), "--from: '2026-02-31' is not a real date."),
        (("schedule", "--team", NORTH, "--from", "8/9/2026"), "--from takes a date year first: 2026-09-08, not"),
        (
            (*CPD, "Sam Okafor", "--from", "2026-01-01", "--to", "31/12/2026", "-o", "{keep}"),
            "--to takes a date year first: 2026-12-31",
        ),
        (("schedule", "--team", NORTH, "--from", "soon"), "--from takes a date like 2026-04-01, not 'soon'."),
        (("export", "99999", "--format", "pdf", "-o", "{keep}"), "There is no session 99999"),
        ((*CPD, "Nobody", *YEAR_2026, "-o", "{keep}"), "Nobody called 'Nobody'"),
        ((*CPD, "Sam Okafor\x07", *YEAR_2026, "-o", "{keep}"), "Member name contains an invisible control character"),
        ((*CPD, "Sam Okafor", "--from", "2026-12-31", "--to", "2026-01-01", "-o", "{keep}"), "is before --from"),
        ((*CPD, "Sam Okafor", *YEAR_2026, "-o", "{tmp}/cpd.docx"), "Give --format pdf, html or md"),
        (("rollup", "{tmp}/notes.json", "-o", "{keep}"), "is not a CoPDesk quarter summary"),
        (("rollup", "{tmp}/missing.json", "-o", "{keep}"), "Cannot read"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_1(
    call_cli: CallCli, demo: Path, tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    existing = tmp_path / "keep.html"
    existing.write_text("previous", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("a file, not a folder", encoding="utf-8")
    (tmp_path / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    filled = [arg.format(tmp=tmp_path, keep=existing) for arg in args]
    database = () if args[0] == "rollup" else ("--db", str(demo))
    assert said in one_line_error(call_cli(*filled, *database))
    assert existing.read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize(
    ("args", "name", "said"),
    [
        (("export", "{session}", "--format", "md"), "record.pdf", "record.pdf ends in .pdf, but this writes Markdown"),
        (("report", "--team", NORTH, "--quarter", "2026Q3", "--format", "csv"), "q3.md", "end the name in .csv"),
        (("summary", "--team", NORTH, "--quarter", "2026Q3"), "north.html", "end the name in .json."),
    ],
)
def test_a_file_name_ending_as_another_format_is_refused_and_nothing_written(
    call_cli: CallCli, demo: Path, tmp_path: Path, args: tuple[str, ...], name: str, said: str
) -> None:
    """``--format md -o record.pdf`` wrote Markdown into record.pdf, which a PDF reader called damaged, and said
    "Wrote record.pdf"; a name with no ending, or one that is no format's, is still written as given."""
    session = str(_query(demo, "SELECT max(id) FROM session WHERE status = 'ended'")[0][0])
    filled = [arg.format(session=session) for arg in args]
    assert said in one_line_error(call_cli(*filled, "--db", str(demo), "-o", str(tmp_path / name)))
    assert not (tmp_path / name).exists()
    for kept in ("plain", "notes.txt"):
        assert call_cli(*filled, "--db", str(demo), "-o", str(tmp_path / kept)).returncode == 0
        assert (tmp_path / kept).stat().st_size > 0


def test_the_report_commands_never_import_views() -> None:
    tree = ast.parse((Path(paths.__file__).parent / "cli" / "reports.py").read_text(encoding="utf-8"))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    assert not {name for name in imported if name.startswith(("copdesk.views", "PySide6"))}
