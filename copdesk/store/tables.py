"""Typed access to sqlite-utils tables, so repositories stay mypy-strict without casts everywhere."""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database


def insert_row(db: Database, name: str, row: dict[str, Any]) -> int:
    """Insert one row and return its integer primary key."""
    pk = db.table(name).insert(row).last_pk
    if pk is None:  # pragma: no cover - every CoPDesk table has an INTEGER PRIMARY KEY
        raise RuntimeError(f"insert into {name} returned no primary key")
    return int(pk)


def row_exists(db: Database, name: str, row_id: int) -> bool:
    """Whether table ``name`` still holds the row ``row_id`` (an act kept for Retry may come after it was removed)."""
    return db.execute(f'SELECT 1 FROM "{name}" WHERE id = ?', [row_id]).fetchone() is not None
