"""Spells away from a session (``attendance_away``, schema 38): when someone marked present left, and when they came
back. Each spell hangs off its attendance row and goes with it (:mod:`copdesk.core.time_away` says what it counts)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso, to_utc_iso
from copdesk.core.time_away import Spell
from copdesk.store.tables import insert_row


def _spell(row: dict[str, Any]) -> Spell:
    back = row["back_at"]
    return Spell(
        int(row["id"]), int(row["member_id"]), from_utc_iso(row["left_at"]), from_utc_iso(back) if back else None
    )


def spells(db: Database, session_id: int, member_id: int | None = None) -> list[Spell]:
    """The session's spells away (only ``member_id``'s, when given), in the order they began."""
    sql = "SELECT id, member_id, left_at, back_at FROM attendance_away WHERE session_id = ?"
    params: list[object] = [session_id]
    if member_id is not None:
        sql += " AND member_id = ?"
        params.append(member_id)
    return [_spell(row) for row in db.query(f"{sql} ORDER BY left_at, id", params)]


def away_now(db: Database, session_id: int) -> dict[int, datetime]:
    """Who is away from the session now (a spell still open), and since when; everyone else is in the room."""
    return {spell.member_id: spell.left_at for spell in spells(db, session_id) if spell.back_at is None}


def leave(db: Database, session_id: int, member_id: int, at: datetime) -> Spell:
    """Someone marked present left at ``at``: a new spell, open until they come back. Refused
    (``ValueError``) for someone not marked present, or away already."""
    present = "SELECT 1 FROM attendance WHERE session_id = ? AND member_id = ?"
    if db.execute(present, [session_id, member_id]).fetchone() is None:
        raise ValueError("That person is not marked present in this session.")
    if _open_spell(db, session_id, member_id) is not None:
        raise ValueError("That person is marked as having left already.")
    stamp = to_utc_iso(at)
    row = {"session_id": session_id, "member_id": member_id, "left_at": stamp}
    return Spell(insert_row(db, "attendance_away", row), member_id, from_utc_iso(stamp), None)


def come_back(db: Database, session_id: int, member_id: int, at: datetime) -> Spell:
    """They came back at ``at`` (never before they left, should the clock have moved back): their open spell ends.
    Refused (``ValueError``) for someone who is not away."""
    spell = _open_spell(db, session_id, member_id)
    if spell is None:
        raise ValueError("That person is not marked as having left the session.")
    back = to_utc_iso(max(at, spell.left_at))
    db.execute("UPDATE attendance_away SET back_at = ? WHERE id = ?", [back, spell.id])
    return spell._replace(back_at=from_utc_iso(back))


def delete_spell(db: Database, session_id: int, spell_id: int) -> None:
    """Take back a mark of leaving: the spell goes, as if they had not left then."""
    _changed(db.execute("DELETE FROM attendance_away WHERE id = ? AND session_id = ?", [spell_id, session_id]))


def reopen_spell(db: Database, session_id: int, spell_id: int) -> None:
    """Take back a mark of coming back: the spell is open again, as if they were still away. Refused (``ValueError``)
    while another spell of theirs is open (away once at a time)."""
    row = db.execute("SELECT member_id FROM attendance_away WHERE id = ? AND session_id = ?", [spell_id, session_id])
    found = row.fetchone()
    if found is not None and _open_spell(db, session_id, int(found[0])) is not None:
        raise ValueError("That person is marked as having left since.")
    sql = "UPDATE attendance_away SET back_at = NULL WHERE id = ? AND session_id = ?"
    _changed(db.execute(sql, [spell_id, session_id]))


def _open_spell(db: Database, session_id: int, member_id: int) -> Spell | None:
    return next((spell for spell in spells(db, session_id, member_id) if spell.back_at is None), None)


def _changed(cursor: Any) -> None:
    if cursor.rowcount != 1:
        raise ValueError("That time away is no longer recorded in this session.")
