"""Agenda templates: the planned shape of a CoP hour, one per session kind.

Templates are TOML files so a facilitator (or a Practice Supervisor) can read and adjust them by hand. The
masterclass gives the session types but no segments or minutes, so each shipped template says so in its
``[about]`` text, marked as CoPDesk's (:mod:`copdesk.core.provenance`), with the section it draws on.

Every public function that builds or edits a template returns one that has passed :func:`validate_template`,
so a template held in memory is always one the session timer can run; a bad edit raises :class:`TemplateError`
and leaves the original untouched (templates are frozen).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.core.pacing import scale_with_floor, whole_minutes_keeping_total
from copdesk.core.provenance import Attributed, ProvenanceError, parse_attributed
from copdesk.core.text import InvalidName, clean_name

MAX_SEGMENT_MINUTES = 240
MAX_TOTAL_MINUTES = 240

_TEMPLATE_KEYS = frozenset({"kind", "title", "about", "total_minutes", "segments"})
_SEGMENT_KEYS = frozenset({"name", "phase", "minutes"})


class TemplateError(ValueError):
    """Raised with a message fit to show the user as it is."""


@dataclass(frozen=True, slots=True)
class AgendaSegment:
    name: str
    phase: SegmentPhase
    planned_seconds: int

    @property
    def minutes(self) -> int:
        return self.planned_seconds // 60


@dataclass(frozen=True, slots=True)
class AgendaTemplate:
    kind: SessionKind
    title: str
    segments: tuple[AgendaSegment, ...]
    about: Attributed | None = None  # whose agenda it is: CoPDesk's suggestion, drawn from a masterclass section

    @property
    def total_seconds(self) -> int:
        return sum(segment.planned_seconds for segment in self.segments)

    @property
    def total_minutes(self) -> int:
        return self.total_seconds // 60


def make_segment(name: str, phase: SegmentPhase | str, minutes: int) -> AgendaSegment:
    """Build one segment from what a person typed, refusing what the timer could not run."""
    try:
        cleaned = clean_name(name, what="Segment name")
    except InvalidName as error:
        raise TemplateError(str(error)) from None
    try:
        known_phase = SegmentPhase(phase)
    except ValueError:
        raise TemplateError(f"Segment phase {phase!r} is not one of {_choices(SegmentPhase)}.") from None
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise TemplateError(f"Minutes for {cleaned!r} must be a whole number, not {minutes!r}.")
    if not 1 <= minutes <= MAX_SEGMENT_MINUTES:
        raise TemplateError(f"{cleaned!r} is {minutes} min; a segment takes 1 to {MAX_SEGMENT_MINUTES} min.")
    return AgendaSegment(cleaned, known_phase, minutes * 60)


def validate_template(template: AgendaTemplate) -> AgendaTemplate:
    """Return the template with tidied names, or raise saying what to fix."""
    try:
        title = clean_name(template.title, what="Template title")
    except InvalidName as error:
        raise TemplateError(str(error)) from None
    if not template.segments:
        raise TemplateError("An agenda needs at least one segment.")
    segments = tuple(
        make_segment(segment.name, segment.phase, _whole_minutes(segment)) for segment in template.segments
    )
    checked = AgendaTemplate(SessionKind(template.kind), title, segments, template.about)
    if checked.total_minutes > MAX_TOTAL_MINUTES:
        raise TemplateError(
            f"The agenda adds up to {checked.total_minutes} min; keep it within {MAX_TOTAL_MINUTES // 60} hours."
        )
    return checked


def parse_template(text: str) -> AgendaTemplate:
    """Read a template from TOML text; every message names the key or segment to fix."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"The agenda template is not valid TOML: {error}.") from None
    _refuse_unknown_keys(data, _TEMPLATE_KEYS, "the template")
    kind_text = _required_str(data, "kind", "the template")
    try:
        kind = SessionKind(kind_text)
    except ValueError:
        raise TemplateError(f"Session kind {kind_text!r} is not one of {_choices(SessionKind)}.") from None
    raw_segments = data.get("segments")
    if not isinstance(raw_segments, list) or not raw_segments:
        raise TemplateError("The template has no [[segments]]; an agenda needs at least one.")
    segments = []
    for number, raw in enumerate(raw_segments, start=1):
        where = f"segment {number}"
        if not isinstance(raw, dict):
            raise TemplateError(f"{where.capitalize()} must be a [[segments]] table.")
        _refuse_unknown_keys(raw, _SEGMENT_KEYS, where)
        minutes = raw.get("minutes")
        if not isinstance(minutes, int):
            raise TemplateError(f"{where.capitalize()} needs minutes = a whole number.")
        segments.append(make_segment(_required_str(raw, "name", where), _required_str(raw, "phase", where), minutes))
    about = None
    if "about" in data:
        try:
            about = parse_attributed(data["about"], "the template's [about]")
        except ProvenanceError as error:
            raise TemplateError(str(error)) from None
    template = validate_template(
        AgendaTemplate(kind, _required_str(data, "title", "the template"), tuple(segments), about)
    )
    stated_total = data.get("total_minutes")
    if stated_total is not None and stated_total != template.total_minutes:
        raise TemplateError(
            f"total_minutes says {stated_total} but the segments add up to {template.total_minutes}; "
            "correct one of them."
        )
    return template


def load_template_folder(folder: Path) -> dict[SessionKind, AgendaTemplate]:
    """Load every ``*.toml`` in a folder, one template per session kind; errors name the file."""
    templates: dict[SessionKind, AgendaTemplate] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            template = parse_template(path.read_text(encoding="utf-8"))
        except (TemplateError, UnicodeDecodeError) as error:
            raise TemplateError(f"{path.name}: {error}") from None
        if template.kind in templates:
            raise TemplateError(f"{path.name}: a second template for {template.kind.label}.")
        templates[template.kind] = template
    return templates


def add_segment(
    template: AgendaTemplate, name: str, phase: SegmentPhase | str, minutes: int, *, at: int | None = None
) -> AgendaTemplate:
    """Insert a segment before position ``at`` (0-based), or append it when ``at`` is None."""
    segments = list(template.segments)
    position = len(segments) if at is None else at
    if not 0 <= position <= len(segments):
        raise TemplateError(f"Cannot insert at position {position + 1}; the agenda has {len(segments)} segments.")
    segments.insert(position, make_segment(name, phase, minutes))
    return validate_template(replace(template, segments=tuple(segments)))


def remove_segment(template: AgendaTemplate, index: int) -> AgendaTemplate:
    _check_index(template, index)
    segments = template.segments[:index] + template.segments[index + 1 :]
    return validate_template(replace(template, segments=segments))


def move_segment(template: AgendaTemplate, index: int, to_index: int) -> AgendaTemplate:
    """Reorder: the segment at ``index`` ends up at ``to_index`` and the others close up around it."""
    _check_index(template, index)
    _check_index(template, to_index)
    segments = list(template.segments)
    segments.insert(to_index, segments.pop(index))
    return validate_template(replace(template, segments=tuple(segments)))


def retime_segment(template: AgendaTemplate, index: int, minutes: int) -> AgendaTemplate:
    _check_index(template, index)
    old = template.segments[index]
    segments = list(template.segments)
    segments[index] = make_segment(old.name, old.phase, minutes)
    return validate_template(replace(template, segments=tuple(segments)))


def can_fit(template: AgendaTemplate, minutes: int) -> bool:
    """Whether :func:`fitted_to` can give the agenda this length: a minute a segment at least, within the limit."""
    return len(template.segments) <= minutes <= MAX_TOTAL_MINUTES


def fitted_to(template: AgendaTemplate, minutes: int) -> AgendaTemplate:
    """The agenda stretched or shrunk to ``minutes`` (a 90-minute series' session), each segment keeping its share
    in whole minutes and at least one, the same segments in the same order, adding up to exactly ``minutes``."""
    if not can_fit(template, minutes):
        raise TemplateError(
            f"{len(template.segments)} segments cannot be fitted to {minutes} min; "
            f"an agenda takes a minute a segment and at most {MAX_TOTAL_MINUTES} min."
        )
    shares = scale_with_floor([segment.planned_seconds for segment in template.segments], minutes * 60, 60)
    fitted = whole_minutes_keeping_total(shares, minutes)
    segments = tuple(
        replace(segment, planned_seconds=60 * m) for segment, m in zip(template.segments, fitted, strict=True)
    )
    return validate_template(replace(template, segments=segments))


def _whole_minutes(segment: AgendaSegment) -> int:
    if segment.planned_seconds % 60:
        raise TemplateError(f"{segment.name!r} is not a whole number of minutes.")
    return segment.planned_seconds // 60


def _check_index(template: AgendaTemplate, index: int) -> None:
    if not 0 <= index < len(template.segments):
        raise TemplateError(f"There is no segment {index + 1}; the agenda has {len(template.segments)}.")


def _refuse_unknown_keys(table: dict[str, object], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise TemplateError(f"Unknown key {unknown[0]!r} in {where}; expected {', '.join(sorted(allowed))}.")


def _required_str(table: dict[str, object], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str):
        raise TemplateError(f'{where.capitalize()} needs {key} = "..." (text).')
    return value


def _choices(enum_type: type[SegmentPhase] | type[SessionKind]) -> str:
    return ", ".join(member.value for member in enum_type)
