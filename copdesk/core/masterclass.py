"""The masterclass's words that CoPDesk shows outside the question bank, read from ``resources/prompts/``.

The challenges and their remedies, what a CoP is and is not (and so where a parked item goes), the planning
points, who runs each session type, the resources and contacts, and the self-assessment's headings live in TOML
beside the ground rules, each text with its origin (:mod:`copdesk.core.provenance`), so no Python string speaks
for the masterclass and a reader can check every quotation against the source. :func:`shipped_texts` reads the
installed copy once; :func:`load_masterclass_texts` reads any folder, for tests and ``copdesk-cli check``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from copdesk import paths
from copdesk.core.model import MarkerKind, ParkedDestination, SessionKind
from copdesk.core.provenance import Attributed, Origin, ProvenanceError, parse_attributed

_FILES = ("challenges", "reflective_practice", "planning", "session_types", "contacts", "self_assessment")


@dataclass(frozen=True, slots=True)
class Remedy:
    """A remedy, quoted; ``offered_by_copdesk`` when the masterclass does not set it beside this challenge."""

    text: Attributed
    offered_by_copdesk: bool = False


@dataclass(frozen=True, slots=True)
class Challenge:
    marker: MarkerKind
    button: str
    name: Attributed
    description: Attributed
    remedies: tuple[Remedy, ...]


@dataclass(frozen=True, slots=True)
class Arena:
    """One row of "CoPs reflective practice is NOT... / This should happen elsewhere IN...", and its parked key."""

    destination: ParkedDestination
    not_this: Attributed
    elsewhere: Attributed


@dataclass(frozen=True, slots=True)
class WhatACopIs:
    heading: str
    purpose: tuple[Attributed, ...]
    focus: Attributed
    not_heading: Attributed
    elsewhere_heading: Attributed
    arenas: tuple[Arena, ...]
    closing: Attributed

    def arena(self, destination: ParkedDestination) -> Arena:
        return next(arena for arena in self.arenas if arena.destination is destination)


@dataclass(frozen=True, slots=True)
class PlanningPoint:
    key: str
    text: Attributed
    content_format: Attributed | None  # a kind of content for the next session, by CoPDesk's short name


@dataclass(frozen=True, slots=True)
class SessionType:
    kind: SessionKind
    attended: bool  # run by someone else (Social Work Consultants, Practice Supervisors): the team or you attend
    when: Attributed
    owner: Attributed
    about: Attributed
    who_runs_it: Attributed  # CoPDesk's one line for the start dialog and the series editor

    def who_runs_it_quoted(self) -> str:
        """Who runs this type of session, then the masterclass's words for it, quoted with their section."""
        return f"{self.who_runs_it.text} {self.owner.with_credit()}"


@dataclass(frozen=True, slots=True)
class Contact:
    title: Attributed
    detail: Attributed
    what_for: Attributed

    @property
    def cells(self) -> tuple[Attributed, Attributed, Attributed]:
        return self.title, self.detail, self.what_for


@dataclass(frozen=True, slots=True)
class SelfAssessmentTexts:
    role: Attributed
    headings: tuple[tuple[str, Attributed], ...]  # (key, heading)
    feedback_useful: Attributed
    feedback_change: Attributed


@dataclass(frozen=True, slots=True)
class MasterclassTexts:
    challenges: tuple[Challenge, ...]
    escalation: Attributed
    what_a_cop_is: WhatACopIs
    planning: tuple[PlanningPoint, ...]
    session_types: tuple[SessionType, ...]
    contacts: tuple[Contact, ...]
    self_assessment: SelfAssessmentTexts

    def challenge(self, marker: MarkerKind) -> Challenge:
        return next(challenge for challenge in self.challenges if challenge.marker is marker)

    def session_type(self, kind: SessionKind) -> SessionType:
        return next(found for found in self.session_types if found.kind is kind)

    def is_attended(self, kind: SessionKind) -> bool:
        """Spotlight, Themed and TM/SSW sessions are run by others: the team (or you) attends, nobody facilitates
        from CoPDesk. Only Reflective Practice CoPs are the facilitator's to run."""
        return self.session_type(kind).attended

    @property
    def content_formats(self) -> tuple[PlanningPoint, ...]:
        return tuple(point for point in self.planning if point.content_format is not None)


def load_masterclass_texts(folder: Path) -> MasterclassTexts:
    """Read every file; a missing or malformed one raises :class:`ProvenanceError` naming it."""
    data = {name: _read(folder / f"{name}.toml") for name in _FILES}
    try:
        return _build(data)
    except (KeyError, TypeError, ValueError, StopIteration) as exc:
        if isinstance(exc, ProvenanceError):
            raise
        raise ProvenanceError(f"{folder.name}: a shipped masterclass text is malformed ({exc!r}).") from None


@cache
def shipped_texts() -> MasterclassTexts:
    """The installed copy, read once: these words do not change while CoPDesk runs."""
    return load_masterclass_texts(paths.resource_path("prompts"))


def arena_label(destination: ParkedDestination) -> str:
    """Where a parked item goes, in the masterclass's words ("MDT Meetings, MAMS & MAPS")."""
    return shipped_texts().what_a_cop_is.arena(destination).elsewhere.text


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ProvenanceError(f"{path.name}: {exc}") from None


def _build(data: Mapping[str, dict[str, Any]]) -> MasterclassTexts:
    challenges = data["challenges"]
    cop = data["reflective_practice"]
    types = data["session_types"]
    owners = {SessionKind(row["kind"]): _text(row, "session_types.toml: who runs it") for row in types["type_owner"]}
    assessment = data["self_assessment"]
    return MasterclassTexts(
        challenges=tuple(_challenge(row) for row in challenges["challenge"]),
        escalation=_text(challenges["escalation"], "challenges.toml: escalation"),
        what_a_cop_is=WhatACopIs(
            heading=str(cop["heading"]),
            purpose=tuple(_text(row, "reflective_practice.toml: purpose") for row in cop["purpose"]),
            focus=_text(cop["focus"], "reflective_practice.toml: focus"),
            not_heading=_text(cop["not_heading"], "reflective_practice.toml: not_heading"),
            elsewhere_heading=_text(cop["elsewhere_heading"], "reflective_practice.toml: elsewhere_heading"),
            arenas=tuple(
                Arena(
                    ParkedDestination(row["destination"]),
                    _text(row["not"], "reflective_practice.toml: arena"),
                    _text(row["elsewhere"], "reflective_practice.toml: arena"),
                )
                for row in cop["arena"]
            ),
            closing=_text(cop["closing"], "reflective_practice.toml: closing"),
        ),
        planning=tuple(
            PlanningPoint(
                str(row["key"]),
                _text(row, f"planning.toml: {row['key']}"),
                _text(row["format"], f"planning.toml: {row['key']}") if "format" in row else None,
            )
            for row in data["planning"]["point"]
        ),
        session_types=tuple(
            SessionType(
                SessionKind(row["kind"]),
                bool(row["attended"]),
                _text(row["when"], f"session_types.toml: {row['kind']}"),
                _text(row["owner"], f"session_types.toml: {row['kind']}"),
                _text(row["about"], f"session_types.toml: {row['kind']}"),
                owners[SessionKind(row["kind"])],
            )
            for row in types["type"]
        ),
        contacts=tuple(
            Contact(*(_text(row[cell], "contacts.toml") for cell in ("title", "detail", "what_for")))
            for row in data["contacts"]["entry"]
        ),
        self_assessment=SelfAssessmentTexts(
            role=_text(assessment["role"], "self_assessment.toml: role"),
            headings=tuple((str(row["key"]), _text(row, "self_assessment.toml")) for row in assessment["heading"]),
            feedback_useful=_text(assessment["feedback_useful"], "self_assessment.toml"),
            feedback_change=_text(assessment["feedback_change"], "self_assessment.toml"),
        ),
    )


def _challenge(row: Mapping[str, Any]) -> Challenge:
    where = f"challenges.toml: {row['marker']}"
    return Challenge(
        MarkerKind(row["marker"]),
        str(row["button"]),
        _text(row["name"], where),
        _text(row["description"], where),
        tuple(
            Remedy(_text(remedy, where), remedy.get("offered_by") == Origin.COPDESK.value) for remedy in row["remedies"]
        ),
    )


def _text(value: object, where: str) -> Attributed:
    return parse_attributed(value, where)
