"""CPD peer reflection evidence for one practitioner, laid out to answer Social Work England's prompt.

Social Work England asks every registered social worker to record CPD each year, at least one piece with a
peer reflection; its CPD form asks: "Describe what you have learnt from discussing this CPD activity with a
peer." (Social Work England, *Peer reflection*, which the masterclass names under "Continuing Professional
Development"). A team CoP is such a discussion, so this document gathers the sessions the practitioner
attended, what was explored and learnt there, and leaves the reflection itself for them to write.

It holds one practitioner's data only: their own attendance, their own actions and whether they presented.
Topics and learning points belong to the group, so ``copdesk.store.cpd`` removes colleagues' names from them
before they arrive here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from copdesk.core.date_names import long_date
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.model import SessionKind
from copdesk.core.record import redacted_words
from copdesk.core.report_text import Section, Table, sections_to_html, sections_to_markdown
from copdesk.core.text import counted, mean_text

SWE_PROMPT = "Describe what you have learnt from discussing this CPD activity with a peer."
SWE_SOURCE = "Social Work England, “Peer reflection”, named in the CoP Facilitation Masterclass resources"


class AttendedSession(NamedTuple):
    held_at: datetime
    kind: SessionKind
    topic: str
    minutes: int | None  # the session's minutes less every minute they were not in it
    presented: bool
    learning_points: tuple[str, ...]
    own_actions: tuple[str, ...]
    left_at: datetime | None = None  # local wall time, when they left before the end
    away_minutes: int = 0  # the minutes they stepped out for and came back from (not those after they left)
    arrived_at: datetime | None = None  # local wall time, when they came in after the start (marked present late)


@dataclass(frozen=True, slots=True)
class CpdEvidence:
    practitioner: str
    team_name: str
    first_day: date
    last_day: date
    sessions: tuple[AttendedSession, ...]
    identifiers_redacted: int = 0  # spans the identifier check flagged in typed text, replaced (core.redaction)

    @property
    def total_minutes(self) -> int:
        return sum(s.minutes or 0 for s in self.sessions)

    @property
    def away_anywhere(self) -> bool:
        return any(s.away_minutes or s.left_at or s.arrived_at for s in self.sessions)


def your_part(session: AttendedSession) -> str:
    """What they did, and when they were away part of it, the minutes they were there and why fewer: "Took part, 35
    minutes (25 away)", "Presented, 40 minutes (left at 13:40)", "Took part, 45 minutes (came at 10:15)"."""
    part = "Presented" if session.presented else "Took part"
    why = (
        ([f"came at {session.arrived_at:%H:%M}"] if session.arrived_at else [])
        + ([f"{session.away_minutes} away"] if session.away_minutes else [])
        + ([f"left at {session.left_at:%H:%M}"] if session.left_at else [])
    )
    if not why:
        return part
    minutes = "" if session.minutes is None else f", {counted(session.minutes, 'minute')}"
    return f"{part}{minutes} ({', '.join(why)})"


def cpd_title(evidence: CpdEvidence) -> str:
    return f"CPD peer reflection evidence: {evidence.practitioner}"


def render_markdown(evidence: CpdEvidence) -> str:
    return sections_to_markdown(cpd_title(evidence), cpd_sections(evidence))


def render_html(evidence: CpdEvidence) -> str:
    return sections_to_html(cpd_title(evidence), cpd_sections(evidence))


def cpd_sections(evidence: CpdEvidence) -> list[Section]:
    period = f"{long_date(evidence.first_day)} to {long_date(evidence.last_day)}"
    count = len(evidence.sessions)
    hours = f", about {mean_text(evidence.total_minutes, 60)} hours in all" if evidence.total_minutes else ""
    hours += " (time away from a session not counted)." if evidence.away_anywhere else "."
    activity = (
        f"Group peer reflection in {evidence.team_name}'s Community of Practice (CoP): facilitated reflective "
        f"sessions with social work colleagues and partners. {evidence.practitioner} attended "
        f"{counted(count, 'session')} from {period}{hours}"
    )
    if evidence.identifiers_redacted:
        activity += f" Identifiers: {redacted_words(evidence.identifiers_redacted)}, in the texts below."
    rows = tuple(
        (
            long_date(s.held_at),
            s.kind.label,
            s.topic or "(no topic recorded)",
            your_part(s),
        )
        for s in evidence.sessions
    )
    sections = [
        Section("The peer reflection prompt", 2, f"“{SWE_PROMPT}” ({SWE_SOURCE})", None),
        Section(
            "What to cover",
            3,
            "",
            (
                "What you have learnt from the CoP discussions below.",
                "The positive impact this has had, or will have, on your role, your practice and the people you "
                "work with.",
            ),
        ),
        Section("The CPD activity", 2, activity, Table(("Date", "Session type", "Topic", "Your part"), rows)),
        Section("What was discussed and learnt with peers", 2, "", None if evidence.sessions else ()),
    ]
    for s in evidence.sessions:
        title = f"{long_date(s.held_at)}: {s.topic or s.kind.label}"
        lead = (
            s.kind.label + (", where you presented" if s.presented else "") + ". Learning points recorded by the group:"
        )
        points = (*s.learning_points, *(f"Action you took away: {action}" for action in s.own_actions))
        sections.append(Section(title, 3, lead, points))
    sections += [
        Section("What I have learnt", 2, "Write in your own words, drawing on the learning points above.", None),
        Section(
            "The impact on my practice and the people I work with",
            2,
            "Write what has changed, or will change, in your practice because of these discussions.",
            None,
        ),
    ]
    return sections


CPD_DOCUMENT: ExportDocument[CpdEvidence] = ExportDocument(
    "CPD evidence",
    ExportFormat("pdf", "PDF", ".pdf", render_html, binary=True),
    ExportFormat("html", "Web page (HTML)", ".html", render_html),
    ExportFormat("md", "Markdown", ".md", render_markdown),
)
