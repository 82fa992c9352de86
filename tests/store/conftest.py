"""Store fixtures: an opened database per test, and helpers to make damaged files."""

from __future__ import annotations

import hashlib
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


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
