"""What the identifier check flags never leaves the room unless the facilitator says so.

The notes pane warns, without blocking, when typed text looks like an identifier (:mod:`copdesk.core.privacy`).
A warning the facilitator had no time to act on in a live meeting must not end up, word for word, in the record
emailed to the team: so the share-safe session record replaces every flagged span with its placeholder
("[name removed]") in every field that holds typed text, and says how many it replaced. Keeping them is a
deliberate act (``--keep-identifiers``, or the export dialog's checkbox), and the record then says that too.

The record renderers read the counts from :class:`~copdesk.core.record.SessionRecord`, so Markdown, HTML, PDF and
JSON say the same, whoever asked for the file. The other documents that leave the room with typed text in them,
the quarterly self-assessment (for the Social Work Consultant) and a practitioner's CPD evidence, are redacted the
same way, always, and say how many they replaced (:func:`redact_quarter`, :func:`redact_cpd`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from copdesk.core.cpd import CpdEvidence
from copdesk.core.privacy import Finding, IdentifierKind, find_identifiers, placeholder_for, remove_findings
from copdesk.core.quarterly import QuarterFigures
from copdesk.core.record import (
    AgendaLine,
    AskedQuestion,
    CarriedAction,
    ParkedItem,
    SessionRecord,
)

KIND_WORDS = {
    IdentifierKind.NHS_NUMBER: "NHS number",
    IdentifierKind.POSTCODE: "postcode",
    IdentifierKind.DATE_OF_BIRTH: "date of birth",
    IdentifierKind.TITLE_AND_NAME: "title and surname",
}


@dataclass(frozen=True, slots=True)
class FlaggedText:
    """One span the check flagged, with the part of the record it is in ("Notes", "Action", …)."""

    where: str
    finding: Finding

    @property
    def kind_words(self) -> str:
        return KIND_WORDS[self.finding.kind]

    @property
    def placeholder(self) -> str:
        return placeholder_for(self.finding.kind)


class IdentifierRedaction:
    """Replaces what the identifier check flags in each text it is given, counting the spans it replaced."""

    def __init__(self) -> None:
        self.replaced = 0

    def __call__(self, text: str) -> str:
        findings = find_identifiers(text)
        self.replaced += len(findings)
        return remove_findings(text, findings)


def flagged_in_record(record: SessionRecord) -> list[FlaggedText]:
    """Every flagged span of the record's typed text, in reading order."""
    return [FlaggedText(where, finding) for where, text in _texts(record) for finding in find_identifiers(text)]


def redact_record(record: SessionRecord) -> SessionRecord:
    """The record with every flagged span replaced by its placeholder, and the number replaced."""
    clean = IdentifierRedaction()
    redacted = _mapped(record, clean)
    return replace(redacted, identifiers_redacted=clean.replaced, identifiers_kept=0)


def keep_identifiers(record: SessionRecord) -> SessionRecord:
    """The record as typed, saying how many flagged spans it keeps by the facilitator's choice."""
    return replace(record, identifiers_redacted=0, identifiers_kept=len(flagged_in_record(record)))


def share_safe(record: SessionRecord, *, keep: bool = False) -> SessionRecord:
    return keep_identifiers(record) if keep else redact_record(record)


def _texts(record: SessionRecord) -> list[tuple[str, str]]:
    """The typed text of the record, each with where it sits; names and labels CoPDesk wrote are not typed text."""
    return [
        ("Topic", record.topic),
        *(("Agenda segment", name) for name in _segment_names(record)),
        *(("Question asked", q.text) for q in record.questions_asked),
        *(("Notes", text) for text in record.notes),
        *(("Learning point", text) for text in record.learning_points),
        *(("Parked item", p.text) for p in record.parked),
        *(("New action", text) for text in record.actions_new),
        *(("Carried action", c.text) for c in record.actions_carried),
        *(("Action done", text) for text in record.actions_done),
        *(("Issue", i.title) for i in record.issues),
        *(("Escalation", e.issue_title) for e in record.escalations),
    ]


def _segment_names(record: SessionRecord) -> list[str]:
    """Each segment name once, though the Agenda table and the questions' Segment column may repeat it: a name typed
    in an agenda template ("Case: Mrs Patel") is typed text too, listed and counted once, and replaced everywhere."""
    names = (*(line.segment for line in record.agenda), *(q.segment for q in record.questions_asked))
    return list(dict.fromkeys(names))


def _mapped(record: SessionRecord, change: Callable[[str], str]) -> SessionRecord:
    segments = {name: change(name) for name in _segment_names(record)}
    return replace(
        record,
        topic=change(record.topic),
        agenda=tuple(AgendaLine(segments[a.segment], a.planned_seconds, a.actual_seconds) for a in record.agenda),
        questions_asked=tuple(
            AskedQuestion(q.time_text, segments[q.segment], change(q.text)) for q in record.questions_asked
        ),
        notes=tuple(change(text) for text in record.notes),
        learning_points=tuple(change(text) for text in record.learning_points),
        parked=tuple(ParkedItem(change(p.text), p.destination) for p in record.parked),
        actions_new=tuple(change(text) for text in record.actions_new),
        actions_carried=tuple(CarriedAction(change(c.text), c.times_carried) for c in record.actions_carried),
        actions_done=tuple(change(text) for text in record.actions_done),
        issues=tuple(i._replace(title=change(i.title)) for i in record.issues),
        escalations=tuple(e._replace(issue_title=change(e.issue_title)) for e in record.escalations),
    )


def redact_quarter(figures: QuarterFigures) -> QuarterFigures:
    """The quarter with every flagged span of typed text replaced: the facilitator's words, the feedback's
    suggested changes, session topics, overdue actions, and issue and escalation titles."""
    clean = IdentifierRedaction()
    actions = figures.actions
    redacted = replace(
        figures,
        self_assessment=tuple((heading, clean(text)) for heading, text in figures.self_assessment),
        feedback=replace(figures.feedback, changes=tuple(clean(text) for text in figures.feedback.changes)),
        sessions=tuple(s._replace(topic=clean(s.topic)) for s in figures.sessions),
        actions=actions._replace(overdue=tuple(a._replace(text=clean(a.text)) for a in actions.overdue)),
        issues=tuple(i._replace(title=clean(i.title)) for i in figures.issues),
        escalations=tuple(e._replace(issue_title=clean(e.issue_title)) for e in figures.escalations),
    )
    return replace(redacted, identifiers_redacted=figures.identifiers_redacted + clean.replaced)


def redact_cpd(evidence: CpdEvidence) -> CpdEvidence:
    """The evidence with every flagged span replaced in its topics, learning points and actions."""
    clean = IdentifierRedaction()
    sessions = tuple(
        s._replace(
            topic=clean(s.topic),
            learning_points=tuple(clean(text) for text in s.learning_points),
            own_actions=tuple(clean(text) for text in s.own_actions),
        )
        for s in evidence.sessions
    )
    return replace(evidence, sessions=sessions, identifiers_redacted=evidence.identifiers_redacted + clean.replaced)
