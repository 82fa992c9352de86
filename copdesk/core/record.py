"""The session record, in Markdown, HTML (printed to PDF) and JSON.

A record leaves the facilitator's laptop (email, Teams, the Social Work Consultant), so it is share-safe by
construction: :class:`SessionRecord` has no field for contribution tallies or engagement markers, so no renderer
can leak them. Notes are typed live and pasted from anywhere, so every piece of text goes through the escaping
of its format: a note can never become a heading, a link or a script.

The record is built as a list of sections and rendered by :mod:`copdesk.core.report_text`, as the quarterly summary
and the CPD evidence are, so all get the same escaping.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import NamedTuple

from copdesk.core.date_names import long_date
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.recurring import ESCALATION_NOT_KNOWN_WHY, ISSUES_NOT_KNOWN_LEAD
from copdesk.core.report_text import Section, Table, sections_to_html, sections_to_markdown

RECORD_FORMAT = "copdesk-session-record"
RECORD_VERSION = 1
NO_VALUE = "—"


class AgendaLine(NamedTuple):
    segment: str
    planned_seconds: int
    actual_seconds: float | None


class AskedQuestion(NamedTuple):
    time_text: str
    segment: str
    text: str


class ParkedItem(NamedTuple):
    text: str
    destination: str


class CarriedAction(NamedTuple):
    text: str
    times_carried: int


class IssueLine(NamedTuple):
    title: str
    status: str
    times_raised: int
    status_known: bool = True  # False: an escalation of it was closed before CoPDesk kept the day, so not known then


class CameLate(NamedTuple):
    name: str
    time_text: str  # local wall time, "10:15"


class LeftEarly(NamedTuple):
    name: str
    time_text: str  # local wall time, "13:40"


class TimeAway(NamedTuple):
    """A spell someone spent away from the session before coming back in it."""

    name: str
    left_text: str  # local wall time, "10:20"
    back_text: str  # local wall time, "10:45"


class EscalationLine(NamedTuple):
    issue_title: str
    to: str
    raised: dt.date
    response_due: dt.date | None
    status: str
    status_known: bool = True  # False: responded to or closed before CoPDesk kept the day, so not known on the day


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """Everything a session record may show, and nothing else: share-safety is the absence of fields.

    Kinds, statuses and destinations arrive as display labels, so rendering needs nothing from the model;
    ``date`` is the local wall time the session started.
    """

    team_name: str
    kind_label: str
    topic: str
    date: dt.datetime
    attendance_count: int
    attendee_names: tuple[str, ...] | None = None
    came_late_count: int = 0  # of those who attended, how many were marked present after the start
    came_at: tuple[CameLate, ...] | None = None  # who came after the start and when, named only with names
    left_early_count: int = 0  # of those who attended, how many left before the end (away at the end)
    left_at: tuple[LeftEarly, ...] | None = None  # who left and when, named only with names, as attendance is
    time_away: tuple[TimeAway, ...] | None = None  # who stepped out and came back, and when, named only with names
    agenda: tuple[AgendaLine, ...] = ()
    questions_asked: tuple[AskedQuestion, ...] = ()
    notes: tuple[str, ...] = ()
    learning_points: tuple[str, ...] = ()
    parked: tuple[ParkedItem, ...] = ()
    actions_new: tuple[str, ...] = ()
    actions_carried: tuple[CarriedAction, ...] = ()
    actions_done: tuple[str, ...] = ()
    issues: tuple[IssueLine, ...] = ()
    escalations: tuple[EscalationLine, ...] = ()
    co_facilitator: str | None = None  # named only with names, as attendance is
    content_format: str | None = None
    run_by: str | None = None  # an attended session (Spotlight, Themed, TM/SSW): who runs it (see RUN_AS_OWN_THEN)
    identifiers_redacted: int = 0  # spans the identifier check flagged, replaced (``copdesk.core.redaction``)
    identifiers_kept: int = 0  # flagged spans kept as typed, by the facilitator's choice
    status: str = "ended"  # the session's status when exported: "ended", or "live" or "planned" (see STATUS_NOTES)


# Who ran a TM/SSW CoP started while CoPDesk ran that type as the facilitator's own, before it counted as attended
# (``copdesk.store.sessions.RUN_AS_OWN_TM_SSW``): the masterclass's words for who runs the type now would be wrong
# about it (CoPDesk's words).
RUN_AS_OWN_THEN = "The team's facilitator, as CoPDesk ran TM/SSW CoPs when this one was held"


# The issues' and the escalations' statuses are as they stood on the session's day; an escalation responded to or
# closed before CoPDesk kept those days (schema 41) may not be known then, and the record says why.
ESCALATIONS_LEAD = "Raised by the session's day. Each status is the one it had at the end of that day."
ESCALATIONS_NOT_KNOWN = f" Where a status reads Not known, {ESCALATION_NOT_KNOWN_WHY}."


# A record exported before its session ended says so first, so that nobody files or sends on an incomplete one as
# the record of the meeting (CoPDesk's words).
STATUS_NOTES = {
    "live": "Still live when exported: this record may be incomplete. Export it again once the session has ended.",
    "planned": "Planned, not held: nothing has been recorded in it.",
}


def record_sections(record: SessionRecord) -> list[Section]:
    """The record's headings in reading order; the renderers differ only in syntax, never in content."""
    status_note = STATUS_NOTES.get(record.status)
    details = (
        *((("Status", status_note),) if status_note else ()),
        ("Team", record.team_name),
        ("Session type", record.kind_label),
        *((("Run by", record.run_by),) if record.run_by else ()),
        ("Topic", record.topic),
        ("Date", format_local_datetime(record.date)),
        *((("Co-facilitator", record.co_facilitator),) if record.co_facilitator else ()),
        *((("Format", record.content_format),) if record.content_format else ()),
        *(
            (("Identifiers", identifiers_line(record)),)
            if record.identifiers_redacted or record.identifiers_kept
            else ()
        ),
    )
    agenda = tuple(
        (segment, format_duration(planned), NO_VALUE if actual is None else format_duration(actual))
        for segment, planned, actual in record.agenda
    )
    carried = tuple((text, str(times)) for text, times in record.actions_carried)
    issues = tuple((title, status, str(times)) for title, status, times, _ in record.issues)
    escalations = tuple(
        (title, to, long_date(raised), NO_VALUE if due is None else long_date(due), status)
        for title, to, raised, due, status, _ in record.escalations
    )
    return [
        Section("Session", 2, "", Table(("Detail", "Value"), details)),
        Section("Attendance", 2, attendance_line(record), attendee_lines(record)),
        Section("Agenda", 2, "", Table(("Segment", "Planned", "Actual"), agenda)),
        Section("Questions asked", 2, "", Table(("Time", "Segment", "Question"), tuple(record.questions_asked))),
        Section("Notes", 2, "", record.notes),
        Section("Learning points", 2, "", record.learning_points),
        Section("Parked items", 2, "", Table(("Item", "Take to"), tuple(record.parked))),
        Section("Actions", 2, "", None),
        Section("New actions", 3, "", record.actions_new),
        Section("Carried over", 3, "", Table(("Action", "Times carried"), carried)),
        Section("Done", 3, "", record.actions_done),
        Section(
            "Issues",
            2,
            "" if all(i.status_known for i in record.issues) else ISSUES_NOT_KNOWN_LEAD,
            Table(("Issue", "Status", "Times raised"), issues),
        ),
        Section(
            "Escalations",
            2,
            _escalations_lead(record.escalations),
            Table(("Issue", "To", "Raised", "Response due", "Status"), escalations),
        ),
    ]


def _escalations_lead(escalations: tuple[EscalationLine, ...]) -> str:
    if not escalations:
        return ""
    return ESCALATIONS_LEAD + ("" if all(e.status_known for e in escalations) else ESCALATIONS_NOT_KNOWN)


def attendance_line(record: SessionRecord) -> str:
    late, left = record.came_late_count, record.left_early_count
    return (
        f"{record.attendance_count} attended."
        + (f" {late} came after the start." if late else "")
        + (f" {left} left before the end." if left else "")
    )


def attendee_lines(record: SessionRecord) -> tuple[str, ...] | None:
    """The names (in a record exported with names), each who came late, was away for a while or left early with when:
    "Bo Day (came at 10:05; away 10:20 to 10:45; left at 13:40)"."""
    if record.attendee_names is None:
        return None
    times: dict[str, list[str]] = {}
    for name, time_text in record.came_at or ():
        times.setdefault(name, []).append(f"came at {time_text}")
    for name, left_text, back_text in record.time_away or ():
        times.setdefault(name, []).append(f"away {left_text} to {back_text}")
    for name, time_text in record.left_at or ():
        times.setdefault(name, []).append(f"left at {time_text}")
    return tuple(f"{name} ({'; '.join(times[name])})" if name in times else name for name in record.attendee_names)


def identifiers_line(record: SessionRecord) -> str:
    """What the record did with the spans CoPDesk's identifier check flagged, said in every format (a record in
    which the check found nothing has no such row; its JSON says 0)."""
    if record.identifiers_kept:
        count = record.identifiers_kept
        return f"{count} possible identifier{'' if count == 1 else 's'} kept as typed, by the facilitator's choice"
    if record.identifiers_redacted:
        return redacted_words(record.identifiers_redacted)
    return "None found by CoPDesk's check"


def redacted_words(count: int) -> str:
    """How a document says it replaced ``count`` spans CoPDesk's identifier check flagged."""
    return (
        f"{count} possible identifier{'' if count == 1 else 's'} redacted (NHS numbers, postcodes, dates of "
        "birth, titles with surnames)"
    )


def record_title(record: SessionRecord) -> str:
    return f"Session record: {record.team_name}, {long_date(record.date)}"


def render_markdown(record: SessionRecord) -> str:
    return sections_to_markdown(record_title(record), record_sections(record))


def render_html(record: SessionRecord) -> str:
    return sections_to_html(record_title(record), record_sections(record))


def render_json(record: SessionRecord) -> str:
    """Field by field rather than ``asdict`` so the JSON keys are a stable interface, not an accident of naming."""
    document = {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "team_name": record.team_name,
        "kind_label": record.kind_label,
        "topic": record.topic,
        "date": record.date.isoformat(),
        "status": record.status,
        "attendance_count": record.attendance_count,
        "co_facilitator": record.co_facilitator,
        "content_format": record.content_format,
        "run_by": record.run_by,
        "attendee_names": None if record.attendee_names is None else list(record.attendee_names),
        "came_late_count": record.came_late_count,
        "came_at": None
        if record.came_at is None
        else [{"name": name, "time_text": time_text} for name, time_text in record.came_at],
        "left_early_count": record.left_early_count,
        "left_at": None
        if record.left_at is None
        else [{"name": name, "time_text": time_text} for name, time_text in record.left_at],
        "time_away": None
        if record.time_away is None
        else [{"name": name, "left_text": left, "back_text": back} for name, left, back in record.time_away],
        "agenda": [
            {"segment": segment, "planned_seconds": planned, "actual_seconds": actual}
            for segment, planned, actual in record.agenda
        ],
        "questions_asked": [
            {"time_text": time_text, "segment": segment, "text": text}
            for time_text, segment, text in record.questions_asked
        ],
        "notes": list(record.notes),
        "learning_points": list(record.learning_points),
        "parked": [{"text": text, "destination": destination} for text, destination in record.parked],
        "actions_new": list(record.actions_new),
        "actions_carried": [{"text": text, "times_carried": times} for text, times in record.actions_carried],
        "actions_done": list(record.actions_done),
        "issues": [
            {"title": title, "status": status, "times_raised": times} for title, status, times, _ in record.issues
        ],
        "escalations": [
            {
                "issue_title": title,
                "to": to,
                "raised": raised.isoformat(),
                "response_due": None if due is None else due.isoformat(),
                "status": status,
            }
            for title, to, raised, due, status, _ in record.escalations
        ],
        "identifiers_redacted": record.identifiers_redacted,
        "identifiers_kept": record.identifiers_kept,
    }
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def format_duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_local_datetime(moment: dt.datetime) -> str:
    return f"{long_date(moment)}, {moment:%H:%M}"


RECORD_DOCUMENT: ExportDocument[SessionRecord] = ExportDocument(
    "session record",
    ExportFormat("pdf", "PDF", ".pdf", render_html, binary=True),
    ExportFormat("html", "Web page (HTML)", ".html", render_html),
    ExportFormat("md", "Markdown", ".md", render_markdown),
    ExportFormat("json", "JSON", ".json", render_json),
)
