"""Schema migrations: numbered SQL files in ``db/``, applied atomically with their version bumps.

``PRAGMA user_version`` holds the number of the last file applied. Numbers may have gaps; files
are applied in numeric order. Every pending file and its ``user_version`` bump commit together in one
transaction or not at all, so a failing step of a multi-step upgrade leaves the database exactly at the
version it started from (never half-way, at a version no CoPDesk release ever shipped).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from copdesk.core.roster import names_written_today
from copdesk.core.text import name_key, without_edge_joiners
from copdesk.store.errors import MigrationError

_FILENAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def discover(directory: Path) -> list[Migration]:
    """All migrations in ``directory``, in order; a misnamed ``.sql`` file is an error, not skipped."""
    found: list[Migration] = []
    for path in sorted(directory.glob("*.sql")):
        match = _FILENAME.match(path.name)
        if match is None:
            raise MigrationError(f"Migration file {path.name} is misnamed; expected NNNN_description.sql.")
        found.append(Migration(int(match.group(1)), path))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError("Two migration files share a number; each needs its own.")
    return sorted(found, key=lambda m: m.version)


def latest_version(directory: Path) -> int:
    migrations = discover(directory)
    return migrations[-1].version if migrations else 0


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection, directory: Path) -> list[Migration]:
    current = user_version(conn)
    return [m for m in discover(directory) if m.version > current]


def apply(conn: sqlite3.Connection, migrations: list[Migration]) -> None:
    """Apply every migration in one transaction; on a failure roll all of them back and raise."""
    if not migrations:
        return
    started_at = user_version(conn)
    _give_name_rules(conn)
    steps = "\n".join(f"{m.sql}\nPRAGMA user_version = {m.version};" for m in migrations)
    try:
        conn.executescript(f"BEGIN;\n{steps}\nCOMMIT;")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise MigrationError(
            f"Updating the database from version {started_at} to {migrations[-1].version} failed ({exc}); "
            f"it is unchanged at version {user_version(conn)}."
        ) from exc


def _give_name_rules(conn: sqlite3.Connection) -> None:
    """CoPDesk's rules for names, as SQL functions, for a migration that writes names an earlier CoPDesk stored as
    today's rule does (0042): a name's key, a name as written today, and a roster's names that today's rule writes
    otherwise, each as it is to be kept (a JSON array of ``[id, name]`` in, the same out)."""
    conn.create_function("copdesk_name_key", 1, name_key, deterministic=True)
    conn.create_function("copdesk_written_today", 1, without_edge_joiners, deterministic=True)
    conn.create_function("copdesk_roster_written_today", 1, _roster_written_today, deterministic=True)


def _roster_written_today(roster: str) -> str:
    written = names_written_today((int(name_id), str(name)) for name_id, name in json.loads(roster))
    return json.dumps(sorted(written.items()))
