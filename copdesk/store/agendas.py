"""Each team's own agenda templates, kept beside the shipped ones in ``resources/agendas``.

A team has at most one template per session kind (``agenda_template``); where it has none, the shipped
template applies, so a facilitator who never edits anything still gets the masterclass agenda, and
"Reset to the shipped agenda" is simply deleting the team's copy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.agenda import AgendaSegment, AgendaTemplate, validate_template
from copdesk.core.clock import to_utc_iso
from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.store.tables import insert_row


def team_template(db: Database, team_id: int, kind: SessionKind) -> AgendaTemplate | None:
    """The team's edited template for ``kind``, or None when the team uses the shipped one."""
    header = next(
        db.query("SELECT id, title FROM agenda_template WHERE team_id = ? AND kind = ?", [team_id, kind.value]), None
    )
    if header is None:
        return None
    rows = db.query(
        "SELECT name, phase, planned_seconds FROM agenda_template_segment WHERE template_id = ? ORDER BY position",
        [header["id"]],
    )
    segments = tuple(AgendaSegment(r["name"], SegmentPhase(r["phase"]), int(r["planned_seconds"])) for r in rows)
    return AgendaTemplate(kind, str(header["title"]), segments)


def template_for(
    db: Database, team_id: int, kind: SessionKind, shipped: Mapping[SessionKind, AgendaTemplate]
) -> AgendaTemplate:
    """The agenda a new session of this kind starts from: the team's copy if it has one, else the shipped one.

    The team's copy keeps the shipped template's ``about``, because its shape still comes from there.
    """
    own = team_template(db, team_id, kind)
    if own is None:
        return shipped[kind]
    return replace(own, about=shipped[kind].about if kind in shipped else None)


def save_team_template(db: Database, team_id: int, template: AgendaTemplate, now: datetime) -> AgendaTemplate:
    """Validate and store the team's template for its kind, replacing any earlier copy in one transaction."""
    checked = validate_template(template)
    kind = checked.kind.value
    with db.atomic():
        db.execute("DELETE FROM agenda_template WHERE team_id = ? AND kind = ?", [team_id, kind])
        template_id = insert_row(
            db,
            "agenda_template",
            {"team_id": team_id, "kind": kind, "title": checked.title, "updated_at": to_utc_iso(now)},
        )
        db.table("agenda_template_segment").insert_all(
            {
                "template_id": template_id,
                "position": position,
                "name": segment.name,
                "phase": segment.phase.value,
                "planned_seconds": segment.planned_seconds,
            }
            for position, segment in enumerate(checked.segments)
        )
    return checked


def reset_team_template(db: Database, team_id: int, kind: SessionKind) -> None:
    """Forget the team's edits, so the shipped template applies again."""
    db.execute("DELETE FROM agenda_template WHERE team_id = ? AND kind = ?", [team_id, kind.value])


def customised_kinds(db: Database, team_id: int) -> set[SessionKind]:
    rows = db.query("SELECT kind FROM agenda_template WHERE team_id = ?", [team_id])
    return {SessionKind(row["kind"]) for row in rows}
