"""Whole-database checks for ``copdesk-cli check`` and for verifying restores."""

from __future__ import annotations

from sqlite_utils import Database


def check_database(db: Database) -> list[str]:
    """Return the problems found (empty when the database is sound): page-level and referential."""
    problems = [str(row[0]) for row in db.execute("PRAGMA integrity_check(20)").fetchall()]
    if problems == ["ok"]:
        problems = []
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"row {rowid} of {table} points to a missing {parent}")
    return problems
