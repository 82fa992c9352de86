"""Who spoke and how the room felt, as the facilitator logs it live: a contribution tick, a talk-time stint's
length, an engagement marker (about the room, never a person), an Undo of either, and the "quiet after" setting.
Each tick and marker is kept as an act in the order made (:mod:`copdesk.store.live_acts`), for Undo after a restart."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from copdesk.core.model import MarkerKind
from copdesk.services import transaction
from copdesk.store import live_acts, participation, settings
from copdesk.store.live_acts import Act


def log_contribution(db: Database, session_id: int, member_id: int, at: datetime) -> int:
    """One tick (a talk-time stint starts as one: a crash mid-stint still counts it); returns its row id."""
    with transaction(db):
        contribution_id = participation.add_contribution(db, session_id, member_id, at)
        live_acts.made(db, session_id, Act.TICK, contribution_id)
        return contribution_id


def end_stint(db: Database, contribution_id: int, seconds: float) -> None:
    """A talk-time stint's length, once it ends."""
    with transaction(db):
        participation.set_contribution_duration(db, contribution_id, seconds)


def undo_contribution(db: Database, contribution_id: int) -> None:
    with transaction(db):
        participation.delete_contribution(db, contribution_id)
        live_acts.taken_back(db, Act.TICK, contribution_id)


def log_marker(db: Database, session_id: int, kind: MarkerKind, at: datetime) -> int:
    with transaction(db):
        marker_id = participation.add_marker(db, session_id, kind, at)
        live_acts.made(db, session_id, Act.MARKER, marker_id)
        return marker_id


def undo_marker(db: Database, marker_id: int) -> None:
    """A marker pressed by mistake, taken back: nothing else refers to it, so the row goes."""
    with transaction(db):
        participation.delete_marker(db, marker_id)
        live_acts.taken_back(db, Act.MARKER, marker_id)


def set_quiet_after_minutes(db: Database, minutes: int) -> None:
    """How long without a contribution before someone is shown as quiet, kept for next time."""
    with transaction(db):
        settings.set_setting(db, settings.QUIET_AFTER_MINUTES, str(minutes))
