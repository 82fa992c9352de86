"""The calendar and report subcommands of ``copdesk-cli``: schedule, export, report, summary, cpd, rollup.

The rules of every group: handlers are thin (the work is in ``core``, ``services`` and ``store``), never import
views, and fail with one line and exit code 1. The ``--format`` choices come from each document's registry in
``core`` (:mod:`copdesk.core.export_formats`), as the export dialogs' lists do. Files are written by
``copdesk.output`` (QSaveFile), so an existing file is replaced only by a complete new one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from copdesk.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    AddCommand,
    Context,
    UserError,
    chosen_team,
    row_number,
    whole_number,
)
from copdesk.core.cancellations import CANCELLATIONS_DOCUMENT, WHAT_TO_DO
from copdesk.core.cpd import CPD_DOCUMENT
from copdesk.core.export_formats import ExportFormat
from copdesk.core.invitations import INVITATIONS_DOCUMENT
from copdesk.core.quarterly_report import REPORT_DOCUMENT
from copdesk.core.record import RECORD_DOCUMENT
from copdesk.core.text import quoted
from copdesk.store.location import same_file, shown

if TYPE_CHECKING:
    from sqlite_utils import Database

    from copdesk.core.schedule import NextSession

MAX_LISTED_SESSIONS = 500
# The endings of the files CoPDesk writes, each of which names what a file holds.
_ENDINGS = frozenset(
    file_format.suffix
    for document in (RECORD_DOCUMENT, REPORT_DOCUMENT, CPD_DOCUMENT, INVITATIONS_DOCUMENT, CANCELLATIONS_DOCUMENT)
    for file_format in document.formats
)
D = TypeVar("D")
# Dates CoPDesk can count weeks and quarters around without leaving the calendar Python knows (years 1 to 9999).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(9998, 12, 31)


def add_report_commands(add: AddCommand) -> None:
    schedule = add(
        "schedule",
        _cmd_schedule,
        "List a team's next scheduled sessions, from its series; or write its invitations (--format ics or csv), or "
        "the cancellations of meetings taken off its calendar (--format cancel).",
    )
    schedule.add_argument("--team", required=True, metavar="NAME", help="the team")
    schedule.add_argument(
        "--next", type=whole_number, default=6, metavar="N", help="how many sessions to list (default 6)"
    )
    schedule.add_argument(
        "--from", dest="first", metavar="DATE", help="list from this day, like 2027-01-01 (default: now)"
    )
    schedule.add_argument("--json", action="store_true", help="print JSON instead of text")
    schedule.add_argument(
        "--format",
        choices=(*INVITATIONS_DOCUMENT.keys, *CANCELLATIONS_DOCUMENT.keys),
        help="write invitations for Business Support instead: ics (the series, for Outlook), csv (the invite list) "
        "or cancel (an .ics that cancels the meetings taken off the calendar since earlier invitations)",
    )
    schedule.add_argument("-o", "--output", metavar="FILE", help="the file to write (with --format)")

    export = add("export", _cmd_export, "Write a session record (share-safe: no participation data).")
    export.add_argument("session_id", type=row_number, metavar="SESSION_ID", help="the session ('sessions' lists them)")
    export.add_argument("--format", required=True, choices=RECORD_DOCUMENT.keys, help="file format")
    export.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")
    export.add_argument("--names", action="store_true", help="list who attended and who owns each action")
    export.add_argument(
        "--keep-identifiers",
        action="store_true",
        help="keep what the identifier check flags (NHS numbers, postcodes, dates of birth, titles with surnames) "
        "as typed; by default it is redacted",
    )

    report = add(
        "report",
        _cmd_report,
        "Write the facilitator's quarterly CoP self-assessment for a team, with the figures that support it.",
    )
    _team_and_quarter(report)
    report.add_argument("--format", required=True, choices=REPORT_DOCUMENT.keys, help="file format")
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the file to write")

    summary = add("summary", _cmd_summary, "Write a team's quarter as an anonymised JSON summary, for 'rollup'.")
    _team_and_quarter(summary)
    summary.add_argument("-o", "--output", required=True, metavar="FILE", help="the JSON file to write")

    cpd = add("cpd", _cmd_cpd, "Write one practitioner's CPD peer reflection evidence (their data only).")
    cpd.add_argument("--team", required=True, metavar="NAME", help="the team")
    cpd.add_argument("--member", required=True, metavar="NAME", help="the practitioner, as on the roster")
    cpd.add_argument("--from", dest="first", required=True, metavar="DATE", help="first day, like 2026-04-01")
    cpd.add_argument("--to", dest="last", required=True, metavar="DATE", help="last day, like 2027-03-31")
    cpd.add_argument("--format", choices=CPD_DOCUMENT.keys, help="file format (default: from FILE's ending)")
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
        ctx.out(f"{team.name} has no sessions scheduled: set the rhythm with File ▸ Schedule… in CoPDesk.")
    return EXIT_OK


def _write_invitations(ctx: Context) -> int:
    """The team's series as an iCalendar file (Outlook imports each as a recurring meeting), its invite list, or the
    cancellations of the meetings taken off its calendar, with what to do with them."""
    from copdesk.core.cancellations import cancelled_meetings
    from copdesk.store.schedule import team_invitations

    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        invitations = team_invitations(db, team, ctx.now())
    if ctx.args.format == "ics" and not invitations.series:
        raise UserError(f"{team.name} has no sessions scheduled: set the rhythm with File ▸ Schedule… in CoPDesk.")
    if ctx.args.format in CANCELLATIONS_DOCUMENT.keys:
        if not cancelled_meetings(invitations):
            raise UserError(f"No meetings of {team.name} have been cancelled: there is nothing to send.")
        choice = CANCELLATIONS_DOCUMENT.get(ctx.args.format)
    else:
        choice = INVITATIONS_DOCUMENT.get(ctx.args.format)
    data = _render(ctx, choice, invitations, f"{team.name}: invitations")
    _save(ctx, data, ("invitations", team.id, ctx.args.format))
    if ctx.args.format in CANCELLATIONS_DOCUMENT.keys:
        ctx.out(WHAT_TO_DO)
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
    from copdesk.core.record import STATUS_NOTES, identifiers_line, record_title
    from copdesk.store.records import SessionNotFound, session_record

    with _database(ctx) as db:
        try:
            record = session_record(
                db, ctx.args.session_id, with_names=ctx.args.names, keep_identifiers=ctx.args.keep_identifiers
            )
        except SessionNotFound as exc:
            raise UserError(str(exc)) from exc
    data = _render(ctx, RECORD_DOCUMENT.get(ctx.args.format), record, record_title(record))
    _save(ctx, data, ("session", ctx.args.session_id, ctx.args.format))
    if record.identifiers_redacted or record.identifiers_kept:
        ctx.out(f"Identifiers: {identifiers_line(record)}.")
    if record.status in STATUS_NOTES:
        ctx.out(STATUS_NOTES[record.status])
    return EXIT_OK


def _cmd_report(ctx: Context) -> int:
    from copdesk.core.quarterly_report import report_title
    from copdesk.core.text import counted
    from copdesk.store.quarterly import feedback_naming_colleagues, quarter_figures

    quarter = _quarter(ctx.args.quarter)
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        figures = quarter_figures(db, team, quarter, ctx.now())
        named = feedback_naming_colleagues(db, figures)
    data = _render(ctx, REPORT_DOCUMENT.get(ctx.args.format), figures, report_title(figures))
    _save(ctx, data, ("quarterly report", team.id, ctx.args.format))
    _say_redacted(ctx, figures.identifiers_redacted)
    if named:  # the window asks first; here it can only say so, as it says what it redacted
        changes = counted(len(named), "suggested change names", "suggested changes name")
        ctx.out(f"Feedback: {changes} a colleague, copied word for word into the report.")
    return EXIT_OK


def _cmd_summary(ctx: Context) -> int:
    from copdesk.core.rollup import SUMMARY_DOCUMENT
    from copdesk.store.quarterly import team_summary

    quarter = _quarter(ctx.args.quarter)
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        document = team_summary(db, team, quarter, ctx.now())
    data = _render(ctx, SUMMARY_DOCUMENT.get("summary"), document, "CoP quarter summary")
    _save(ctx, data, ("quarter summary", team.id, "json"))
    return EXIT_OK


def _cmd_cpd(ctx: Context) -> int:
    from copdesk.core.cpd import cpd_title
    from copdesk.core.roster import MemberNotFound
    from copdesk.core.text import InvalidName, clean_name
    from copdesk.store.cpd import cpd_evidence, find_member

    file_format = CPD_DOCUMENT.get(ctx.args.format) if ctx.args.format else None
    file_format = file_format or CPD_DOCUMENT.for_suffix(Path(ctx.args.output).suffix)
    if file_format is None:
        *others, final = CPD_DOCUMENT.keys
        choices = f"{', '.join(others)} or {final}"
        raise UserError(f"Give --format {choices} (the file name {ctx.args.output!r} does not say which).")
    first, last = _day(ctx.args.first, "--from"), _day(ctx.args.last, "--to")
    if last < first:
        raise UserError(f"--to ({last.isoformat()}) is before --from ({first.isoformat()}).")
    with _database(ctx) as db:
        team = chosen_team(db, ctx.args.team)
        try:  # the name as the window and erase take it: a direction mark pasted with it goes, as from the roster
            member = find_member(db, team, clean_name(ctx.args.member, what="Member name"))
            evidence = cpd_evidence(db, team, member, first, last)
        except (MemberNotFound, InvalidName) as exc:
            raise UserError(str(exc)) from exc
    data = _render(ctx, file_format, evidence, cpd_title(evidence))
    _save(ctx, data, ("cpd evidence", member.id, file_format.key))
    _say_redacted(ctx, evidence.identifiers_redacted)
    return EXIT_OK


def _say_redacted(ctx: Context, count: int) -> None:
    """The quarterly report and CPD evidence always redact what the identifier check flags: say so when it did."""
    from copdesk.core.record import redacted_words

    if count:
        ctx.out(f"Identifiers: {redacted_words(count)}.")


def _cmd_rollup(ctx: Context) -> int:
    from copdesk.core.rollup import ROLLUP_DOCUMENT, rollup_title
    from copdesk.core.summary_file import SummaryError, check_distinct, read_summary, summary_text

    output = Path(ctx.args.output).expanduser()
    summaries = []
    for name in ctx.args.files:
        path = Path(name).expanduser()
        if same_file(path, output):  # else the team's summary, perhaps sent by another facilitator, is replaced
            raise UserError(f"{shown(output)} is one of the summaries to roll up; give another path for the roll-up.")
        try:
            with path.open("rb") as stream:
                text = summary_text(stream, shown(name))
            summaries.append((name, read_summary(text, shown(name))))
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
            raise UserError(f"Cannot read {shown(name)}: {reason}.") from exc
        except SummaryError as exc:
            raise UserError(str(exc)) from exc
    try:
        check_distinct(summaries)
    except SummaryError as exc:
        raise UserError(str(exc)) from exc
    merged = [summary for _, summary in summaries]
    _save(ctx, _render(ctx, ROLLUP_DOCUMENT.get("html"), merged, rollup_title(merged)), None)
    return EXIT_OK


@contextmanager
def _database(ctx: Context) -> Iterator[Database]:
    """The database read-only: a report never writes, and never migrates, what it reads."""
    db = ctx.read_db()
    try:
        yield db
    finally:
        db.close()


def _quarter(text: str) -> str:
    from copdesk.core.quarterly import QuarterError, parse_quarter

    try:
        first, _ = parse_quarter(text)
    except QuarterError as exc:
        raise UserError(str(exc)) from exc
    if not FIRST_DAY <= first <= LAST_DAY:
        raise UserError(f"--quarter takes a quarter from {FIRST_DAY.year}Q1 to {LAST_DAY.year}Q4, not {quoted(text)}.")
    return f"{first.year}Q{(first.month + 2) // 3}"


def _day(text: str, option: str) -> date:

    try:
        day = date.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(_not_a_day(text, option)) from exc
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UserError(f"{option} takes a date from {FIRST_DAY} to {LAST_DAY}, not {day.isoformat()}.")
    return day


def _not_a_day(text: str, option: str) -> str:
    """Why ``text`` is no date: one written year first that the calendar lacks (2026-02-31), one written the UK way
    (31/12/2026, given as it is written year first), or neither."""
    typed = text.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", typed):
        return f"{option}: {quoted(text)} is not a real date."
    if uk := re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", typed):
        try:
            meant = date(int(uk[3]), int(uk[2]), int(uk[1]))
        except ValueError:
            return f"{option}: {quoted(text)} is not a real date."
        return f"{option} takes a date year first: {meant.isoformat()}, not {quoted(text)}."
    return f"{option} takes a date like 2026-04-01, not {quoted(text)}."


def _render(ctx: Context, file_format: ExportFormat[D], document: D, title: str) -> bytes:
    """The document's bytes, made before anything is written (a PDF takes a moment, and no lock is held meanwhile).
    A file name ending as another format CoPDesk writes is refused first: "record.pdf" written as Markdown was
    handed to a PDF reader that called it damaged (the window adds the right ending; here the name is the caller's)."""
    from copdesk.output import rendered_bytes

    path = Path(ctx.args.output)
    ending = path.suffix.lower().replace(".markdown", ".md")
    if ending in _ENDINGS and not file_format.named_by(ending):
        other = " (or give the --format its ending names)" if getattr(ctx.args, "format", None) else ""
        raise UserError(
            f"{shown(path.name)} ends in {path.suffix}, but this writes {file_format.label}: end the name in "
            f"{file_format.suffix}{other}."
        )
    return rendered_bytes(file_format, document, title)


def _save(ctx: Context, data: bytes, audit: tuple[str, int | None, str] | None) -> None:
    """Write the file; with ``audit`` (what, which, format), write it and its audit entry together, so a file with
    names in it is never left behind unaudited, or under an exit code that says it failed."""
    from copdesk.output import OutputError, save_bytes

    path = Path(ctx.args.output).expanduser()

    def write(before_commit: Callable[[], None] | None = None) -> None:
        try:
            save_bytes(path, data, before_commit=before_commit)
        except OutputError as exc:
            raise UserError(str(exc)) from exc

    if audit is None:
        write()
    else:
        from copdesk.services.exports import write_audited

        what, entity_id, file_format = audit
        write_audited(ctx.existing_db_path(), write, what, entity_id, file_format, ctx.now())
    ctx.out(f"Wrote {shown(path)}.")
