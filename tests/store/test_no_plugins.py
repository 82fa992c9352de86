"""sqlite-utils plugins installed on the machine are never run on CoPDesk's connections."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database, hookimpl
from sqlite_utils.plugins import pm

from copdesk import paths
from copdesk.store.connection import open_database


class Recorder:
    """A plugin as another package could install one: it sees every connection it is handed."""

    def __init__(self) -> None:
        self.connections: list[sqlite3.Connection] = []

    @hookimpl
    def prepare_connection(self, conn: sqlite3.Connection) -> None:
        self.connections.append(conn)


@pytest.fixture
def plugin() -> Iterator[Recorder]:
    recorder = Recorder()
    pm.register(recorder, name="copdesk-test-recorder")
    yield recorder
    pm.unregister(name="copdesk-test-recorder")


def test_a_plain_sqlite_utils_database_runs_installed_plugins(plugin: Recorder) -> None:
    conn = sqlite3.connect(":memory:")
    Database(conn)
    assert plugin.connections == [conn]  # what the store opts out of, below


def test_opening_the_database_runs_no_plugin(plugin: Recorder, db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())  # created
    opened.db.close()
    opened = open_database(db_path, paths.migrations_dir())  # and existing
    opened.db.close()
    assert plugin.connections == []
