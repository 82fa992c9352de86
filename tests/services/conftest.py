"""Service fixtures: an opened (migrated) database per test, as the window and the CLI get it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.store.connection import open_database


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path, paths.migrations_dir())
    yield opened.db
    opened.db.close()
