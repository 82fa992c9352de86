"""Service fixtures: an opened (migrated) database per test, as the window and the CLI get it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.clock import to_utc_iso
from copdesk.store.connection import open_database


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path, paths.migrations_dir())
    yield opened.db
    opened.db.close()


def held_a_session(db: Database, team_id: int, at: datetime) -> None:
    """A session of the team's started and ended at ``at`` (an aware time): what tells a start that days before it
    are over, where the computer's clock alone is not trusted (:func:`copdesk.store.planning.surely_past`)."""
    stamp = to_utc_iso(at)
    db.table("session").insert(
        {
            "team_id": team_id,
            "kind": "reflective",
            "started_at": stamp,
            "ended_at": stamp,
            "status": "ended",
            "created_at": stamp,
        }
    )
