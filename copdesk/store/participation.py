"""Contributions (facilitator-only data about colleagues) and engagement markers (about the room)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import MarkerKind
from copdesk.store.tables import insert_row


@dataclass(frozen=True, slots=True)
class ContributionRow:
    id: int
    member_id: int
    at: str
    duration_seconds: float | None


@dataclass(frozen=True, slots=True)
class MarkerRow:
    id: int
    kind: MarkerKind
    at: str


def add_contribution(
    db: Database, session_id: int, member_id: int, at: datetime, duration_seconds: float | None = None
) -> int:
    row = {"session_id": session_id, "member_id": member_id, "at": to_utc_iso(at), "duration_seconds": duration_seconds}
    return insert_row(db, "contribution", row)


def delete_contribution(db: Database, contribution_id: int) -> None:
    db.execute("DELETE FROM contribution WHERE id = ?", [contribution_id])


def contributions(db: Database, session_id: int) -> list[ContributionRow]:
    sql = "SELECT id, member_id, at, duration_seconds FROM contribution WHERE session_id = ? ORDER BY id"
    return [
        ContributionRow(int(r["id"]), int(r["member_id"]), str(r["at"]), r["duration_seconds"])
        for r in db.query(sql, [session_id])
    ]


def add_marker(db: Database, session_id: int, kind: MarkerKind, at: datetime) -> int:
    row = {"session_id": session_id, "kind": MarkerKind(kind).value, "at": to_utc_iso(at)}
    return insert_row(db, "marker", row)


def markers(db: Database, session_id: int) -> list[MarkerRow]:
    sql = "SELECT id, kind, at FROM marker WHERE session_id = ? ORDER BY id"
    return [MarkerRow(int(r["id"]), MarkerKind(r["kind"]), str(r["at"])) for r in db.query(sql, [session_id])]
