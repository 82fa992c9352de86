"""The team's rhythm and the shape of its sessions: save a series (new or changed), pause or resume it, save
or reset a team's agenda, and tick a planning prompt for the next session."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.agenda import AgendaTemplate
from copdesk.core.model import Series, SessionKind
from copdesk.services import transaction
from copdesk.store import agendas, series
from copdesk.store.review import set_planning_tick


def save_series(
    db: Database,
    team_id: int,
    series_id: int | None,
    *,
    kind: SessionKind,
    rule: str,
    duration_minutes: int,
    now: datetime,
) -> Series:
    """Add a series (``series_id`` None) or replace an existing one's rhythm in one write."""
    with transaction(db):
        if series_id is None:
            return series.add_series(db, team_id, kind, rule, now, duration_minutes)
        return series.update_series(db, series_id, kind=kind, rule=rule, duration_minutes=duration_minutes)


def set_series_paused(db: Database, series_id: int, paused: bool) -> None:
    with transaction(db):
        series.set_series_active(db, series_id, not paused)


def save_agenda(
    db: Database, team_id: int, template: AgendaTemplate, shipped: AgendaTemplate | None, now: datetime
) -> None:
    """Keep the team's agenda for its kind; one the same as the shipped template is no edit, so the team's copy
    is forgotten and the shipped one applies again. An invalid agenda raises ``TemplateError``."""
    with transaction(db):
        if shipped is not None and template.segments == shipped.segments and template.title == shipped.title:
            agendas.reset_team_template(db, team_id, template.kind)
        else:
            agendas.save_team_template(db, team_id, template, now)


def tick_planning_prompt(db: Database, team_id: int, session_day: date | None, prompt_key: str, ticked: bool) -> None:
    with transaction(db):
        set_planning_tick(db, team_id, session_day, prompt_key, ticked)
