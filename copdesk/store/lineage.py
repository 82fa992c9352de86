"""Whether a file is a copy of this database: it holds one of its teams, with the same id created at the same moment.

A backup left by another database in a shared folder, or a file chosen by hand, holds none of them; ids alone say
nothing, as every database numbers its teams and members from 1.
"""

from __future__ import annotations

import sqlite3


def team_identities(conn: sqlite3.Connection) -> set[tuple[int, str]]:
    try:
        return {(int(row[0]), str(row[1])) for row in conn.execute("SELECT id, created_at FROM team")}
    except sqlite3.Error:
        return set()


def same_lineage(live: set[tuple[int, str]], conn: sqlite3.Connection) -> bool:
    """Whether the database on ``conn`` comes from the one whose :func:`team_identities` are ``live``."""
    return bool(live & team_identities(conn))
