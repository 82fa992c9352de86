"""The calendar and report subcommands of ``copdesk-cli``: schedule, export, report, summary, cpd, rollup.

The rules of every group: handlers are thin (the work is in ``core`` and ``store``), never import views, and fail
with one line and exit code 1. Files are written by ``copdesk.output`` (QSaveFile), so an existing file is
replaced only by a complete new one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copdesk.cli.common import EXIT_OK, EXIT_USAGE, AddCommand, Context, UserError, chosen_team
from copdesk.store.audit import record_export

if TYPE_CHECKING:
    from sqlite_utils import Database

    from copdesk.core.schedule import NextSession

MAX_LISTED_SESSIONS = 500
INVITATION_FORMATS = ("ics", "csv")


def add_report_commands(add: AddCommand) -> None:
    schedule = add(
        "schedule",
        _cmd_schedule,
        "List a team's next scheduled sessions, from its series; or write its invitations (--format ics or csv).",
    )
    schedule.add_argument("--team", required=True, metavar="NAME", help="the team")
    schedule.add_argument("--next", type=int, default=6, metavar="N", help="how many sessions to list (default 6)")
    schedule.add_argument(
        "--from", dest="first", metavar="DATE", help="list from this day, like 2027-01-01 (default: now)"
    )
    schedule.add_argument("--json", action="store_true", help="print JSON instead of text")
    schedule.add_argument(
        "--format",
        choices=INVITATION_FORMATS,
        help="write invitations for Business Support instead: ics (the series, for Outlook) or csv (the invite list)",
    )
    schedule.add_argument("-o", "--output", metavar="FILE", help="the file to write (with --format)")

    export = add("export", _cmd_export, "Write a session record (share-safe: no participation data).")
    export.add_argument("session_id", type=int, metavar="SESSION_ID", help="the session ('sessions' lists them)")
    export.add_argument("--format", required=True, choices=("md", "html", "pdf", "json"), help="file format")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--names", action="store_true", help="list who attended and who owns each action")

    report = add(
        "report",
        _cmd_report,
        "Write the facilitator's quarterly CoP self-assessment for a team, with the figures that support it.",
    )
    _team_and_quarter(report)
    report.add_argument("--format", required=True, choices=("html", "csv", "md"), help="file format")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")

    summary = add("summary", _cmd_summary, "Write a team's quarter as an anonymised JSON summary, for 'rollup'.")
    _team_and_quarter(summary)
    summary.add_argument("-o", "--output", required=True, metavar="FILE", help="the JSON file to write")

    cpd = add("cpd", _cmd_cpd, "Write one practitioner's CPD peer-reflection evidence (their data only).")
    cpd.add_argument("--team", required=True, metavar="NAME", help="the team")
    cpd.add_argument("--member", required=True, metavar="NAME", help="the practitioner, as on the roster")
    cpd.add_argument("--from", dest="first", required=True, metavar="DATE", help="first day, like 2026-04-01")
    cpd.add_argument("--to", dest="last", required=True, metavar="DATE", help="last day, like 2027-03-31")
    cpd.add_argument("--format", choices=("md", "html", "pdf"), help="file format (default: from FILE's ending)")
    cpd.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")

    rollup = add("rollup", _cmd_rollup, "Merge teams' quarter summaries into one HTML report across teams.")
    rollup.add_argument("files", nargs="+", metavar="FILE", help="summaries written by 'copdesk-cli summary'")
    rollup.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")


def _team_and_quarter(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", required=True, metavar="NAME", help="the team")
    parser.add_argument("--quarter", required=True, metavar="YYYYQn", help="the quarter, like 2026Q3")


def _cmd_schedule(ctx: Context) -> int:
    from copdesk.store.schedule import upcoming_sessions
    from copdesk.store.series import series_for_team

    if (ctx.args.format is None) is not (ctx.args.output is None):
        print("copdesk-cli: schedule: --format and -o go together (see 'copdesk-cli schedule --help')", file=sys.stderr)
        return EXIT_USAGE
    if ctx.args.format is not None:
        return _write_invitations(ctx)
    if not 1 <= ctx.args.next <= MAX_LISTED_SESSIONS:
        raise UserError(f"--next takes 1 to {MAX_LISTED_SESSIONS} sessions, not {ctx.args.next}.")
    # A naive time is read as local wall time; a microsecond before midnight keeps a session at 00:00 that day.
    after = ctx.now() if ctx.args.first is None else datetime.combine(_day(ctx.args.first, "--from"), time.min)
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        upcoming = upcoming_sessions(db, team.id, after - timedelta(microseconds=1), ctx.args.next)
        durations = {s.id: s.duration_minutes for s in series_for_team(db, team.id)}
    if ctx.args.json:
        ctx.out(json.dumps(_schedule_json(upcoming, durations), indent=2, ensure_ascii=False))
    elif upcoming:
        ctx.out("\n".join(_schedule_line(entry, durations) for entry in upcoming))
    else:
        ctx.out(f"{team.name} has no sessions scheduled: set the rhythm with Schedule… in CoPDesk.")
    return EXIT_OK


def _write_invitations(ctx: Context) -> int:
    """The team's series as an iCalendar file (Outlook imports each as a recurring meeting), or its invite list."""
    from copdesk.core.invitations import invite_list_csv, series_calendar, to_invite
    from copdesk.output import OutputError, save_bytes, save_text
    from copdesk.store.series import series_for_team
    from copdesk.store.teams import list_members

    path = Path(ctx.args.output).expanduser()
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        try:
            if ctx.args.format == "ics":
                invited = to_invite(series_for_team(db, team.id))
                if not invited:
                    raise UserError(f"{team.name} has no sessions scheduled: set the rhythm with Schedule… in CoPDesk.")
                save_bytes(path, series_calendar(team.id, team.name, invited, ctx.now()))
            else:
                save_text(path, invite_list_csv(team.name, list_members(db, team.id)))
        except OutputError as exc:
            raise UserError(str(exc)) from exc
        record_export(db, "invitations", team.id, ctx.args.format, ctx.now())
    ctx.out(f"Wrote {path}.")
    return EXIT_OK


def _schedule_line(entry: NextSession, durations: Mapping[int, int]) -> str:
    from copdesk.core.record import format_local_datetime

    return f"{format_local_datetime(entry.moment)}  {entry.kind.label} ({durations[entry.series_id]} min)"


def _schedule_json(upcoming: Sequence[NextSession], durations: Mapping[int, int]) -> list[dict[str, Any]]:
    return [
        {
            "start": entry.moment.isoformat(timespec="minutes"),
            "kind": entry.kind.value,
            "kind_label": entry.kind.label,
            "series_id": entry.series_id,
            "duration_minutes": durations[entry.series_id],
        }
        for entry in upcoming
    ]


def _cmd_export(ctx: Context) -> int:
    from copdesk.core.record import record_title
    from copdesk.store.records import SessionNotFound, render_record, session_record

    with _database(ctx) as db:
        try:
            record = session_record(db, ctx.args.session_id, with_names=ctx.args.names)
        except SessionNotFound as exc:
            raise UserError(str(exc)) from exc
        _write(ctx, ctx.args.format, lambda fmt: render_record(record, fmt), record_title(record))
        record_export(db, "session", ctx.args.session_id, ctx.args.format, ctx.now())
    return EXIT_OK


def _cmd_report(ctx: Context) -> int:
    from copdesk.core.quarterly_report import render_report, report_title
    from copdesk.store.quarterly import quarter_figures

    quarter = _quarter(ctx.args.quarter)
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        figures = quarter_figures(db, team, quarter, ctx.now())
        _write(ctx, ctx.args.format, lambda fmt: render_report(figures, fmt), report_title(figures))
        record_export(db, "quarterly report", team.id, ctx.args.format, ctx.now())
    return EXIT_OK


def _cmd_summary(ctx: Context) -> int:
    from copdesk.core.rollup import summary_json
    from copdesk.store.quarterly import team_summary

    quarter = _quarter(ctx.args.quarter)
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        document = team_summary(db, team, quarter, ctx.now())
        _write(ctx, "json", lambda _: summary_json(document), "CoP quarter summary")
        record_export(db, "quarter summary", team.id, "json", ctx.now())
    return EXIT_OK


def _cmd_cpd(ctx: Context) -> int:
    from copdesk.core.cpd import CPD_FORMATS, cpd_title, render_cpd
    from copdesk.store.cpd import MemberNotFound, cpd_evidence, find_member

    file_format = ctx.args.format or Path(ctx.args.output).suffix.lower().lstrip(".").replace("markdown", "md")
    if file_format not in CPD_FORMATS:
        raise UserError(f"Give --format md, html or pdf (the file name {ctx.args.output!r} does not say which).")
    first, last = _day(ctx.args.first, "--from"), _day(ctx.args.last, "--to")
    if last < first:
        raise UserError(f"--to ({last.isoformat()}) is before --from ({first.isoformat()}).")
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        try:
            member = find_member(db, team, ctx.args.member)
            evidence = cpd_evidence(db, team, member, first, last)
        except MemberNotFound as exc:
            raise UserError(str(exc)) from exc
        _write(ctx, file_format, lambda fmt: render_cpd(evidence, fmt), cpd_title(evidence))
        record_export(db, "cpd evidence", member.id, file_format, ctx.now())
    return EXIT_OK


def _cmd_rollup(ctx: Context) -> int:
    from copdesk.core.rollup import SummaryError, check_distinct, read_summary, render_rollup_html, rollup_title

    summaries = []
    for name in ctx.args.files:
        path = Path(name).expanduser()
        try:
            summaries.append((name, read_summary(path.read_text(encoding="utf-8"), name)))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
            raise UserError(f"Cannot read {name}: {reason}.") from exc
        except SummaryError as exc:
            raise UserError(str(exc)) from exc
    try:
        check_distinct(summaries)
    except SummaryError as exc:
        raise UserError(str(exc)) from exc
    merged = [summary for _, summary in summaries]
    _write(ctx, "html", lambda _: render_rollup_html(merged), rollup_title(merged))
    return EXIT_OK


@contextmanager
def _database(ctx: Context) -> Iterator[Database]:
    opened = ctx.open_db(existing=True)
    try:
        yield opened.db
    finally:
        opened.db.close()


def _quarter(text: str) -> str:
    from copdesk.core.quarterly import QuarterError, parse_quarter

    try:
        first, _ = parse_quarter(text)
    except QuarterError as exc:
        raise UserError(str(exc)) from exc
    return f"{first.year}Q{(first.month + 2) // 3}"


def _day(text: str, option: str) -> date:

    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(f"{option} takes a date like 2026-04-01, not {text!r}.") from exc


def _write(ctx: Context, file_format: str, render: Callable[[str], str], title: str) -> None:
    from copdesk.output import OutputError, save_rendered

    path = Path(ctx.args.output).expanduser()
    try:
        save_rendered(path, file_format, render, title)
    except OutputError as exc:
        raise UserError(str(exc)) from exc
    ctx.out(f"Wrote {path}.")
