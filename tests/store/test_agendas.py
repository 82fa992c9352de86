"""Team agenda templates: edits are saved per team and kind, and the shipped template is the fallback."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import (
    TemplateError,
    add_segment,
    load_template_folder,
    move_segment,
    remove_segment,
    retime_segment,
)
from copdesk.core.model import Role, SegmentPhase, SessionKind
from copdesk.store import agendas, teams
from copdesk.store.connection import open_database

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
SHIPPED = load_template_folder(paths.resource_path("agendas"))


def test_a_team_without_edits_gets_the_shipped_template(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    assert agendas.team_template(db, team.id, SessionKind.REFLECTIVE) is None
    assert agendas.template_for(db, team.id, SessionKind.REFLECTIVE, SHIPPED) == SHIPPED[SessionKind.REFLECTIVE]


def test_add_remove_reorder_and_retime_are_saved_and_read_back(db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    team = teams.create_team(opened.db, "Harbour Team", [], NOW)
    shipped = SHIPPED[SessionKind.REFLECTIVE]
    edited = add_segment(shipped, "Check-in round 🌱", SegmentPhase.OPENING, 4, at=1)
    edited = remove_segment(edited, len(edited.segments) - 1)  # drop "Close"
    edited = move_segment(edited, 0, 2)
    edited = retime_segment(edited, 0, 9)
    agendas.save_team_template(opened.db, team.id, edited, NOW)
    opened.db.close()

    reopened = open_database(db_path, paths.migrations_dir()).db  # edits survive closing the database
    stored = agendas.team_template(reopened, team.id, SessionKind.REFLECTIVE)
    assert stored is not None
    assert [(s.name, s.minutes) for s in stored.segments] == [(s.name, s.minutes) for s in edited.segments]
    assert stored.segments[0].name == "Check-in round 🌱" and stored.segments[0].minutes == 9
    resolved = agendas.template_for(reopened, team.id, SessionKind.REFLECTIVE, SHIPPED)
    assert resolved.segments == stored.segments and resolved.about == SHIPPED[SessionKind.REFLECTIVE].about
    assert agendas.customised_kinds(reopened, team.id) == {SessionKind.REFLECTIVE}


def test_saving_again_replaces_and_reset_restores_the_shipped_one(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    shipped = SHIPPED[SessionKind.SPOTLIGHT]
    agendas.save_team_template(db, team.id, retime_segment(shipped, 1, 25), NOW)
    agendas.save_team_template(db, team.id, retime_segment(shipped, 1, 15), NOW)
    stored = agendas.team_template(db, team.id, SessionKind.SPOTLIGHT)
    assert stored is not None and stored.segments[1].minutes == 15
    assert db.table("agenda_template").count == 1
    assert db.table("agenda_template_segment").count == len(shipped.segments)

    agendas.reset_team_template(db, team.id, SessionKind.SPOTLIGHT)
    assert agendas.team_template(db, team.id, SessionKind.SPOTLIGHT) is None
    assert db.table("agenda_template_segment").count == 0


def test_each_team_keeps_its_own_copy(db: Database) -> None:
    harbour = teams.create_team(db, "Harbour Team", [], NOW)
    hillside = teams.create_team(db, "Hillside Team", [], NOW)
    agendas.save_team_template(db, harbour.id, retime_segment(SHIPPED[SessionKind.THEMED], 0, 10), NOW)
    assert agendas.team_template(db, hillside.id, SessionKind.THEMED) is None


def test_an_invalid_template_is_refused_and_the_old_copy_kept(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [], NOW)
    shipped = SHIPPED[SessionKind.REFLECTIVE]
    agendas.save_team_template(db, team.id, retime_segment(shipped, 0, 6), NOW)
    broken = type(shipped)(shipped.kind, "   ", shipped.segments)
    with pytest.raises(TemplateError):
        agendas.save_team_template(db, team.id, broken, NOW)
    stored = agendas.team_template(db, team.id, SessionKind.REFLECTIVE)
    assert stored is not None and stored.segments[0].minutes == 6
