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


def undecodable_rows(db: Database, limit: int = 20) -> list[str]:
    """Rows holding text that is not valid UTF-8 (a damaged row): named by table, column and row, never quoted.

    Reads elsewhere show such text with U+FFFD (:func:`copdesk.store.connection.decode_text`), so a damaged note
    never blocks an export or an erasure; this is where it is reported.
    """
    found: list[str] = []
    tables = [str(row[0]) for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    for table in tables:
        if table.startswith("sqlite_") or "_fts" in table:
            continue
        columns = [str(row[1]) for row in db.execute(f'PRAGMA table_info("{table}")').fetchall()]
        for column in columns:
            sql = f'SELECT rowid, CAST("{column}" AS BLOB) FROM "{table}" WHERE typeof("{column}") = \'text\''
            for rowid, raw in db.execute(sql).fetchall():
                try:
                    bytes(raw).decode("utf-8")
                except UnicodeDecodeError:
                    found.append(f"row {rowid} of {table} holds {column} text that is not valid UTF-8 (damaged)")
                    if len(found) >= limit:
                        return found
    return found
