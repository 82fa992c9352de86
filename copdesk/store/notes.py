"""Session notes: free text, learning points, and items parked for another arena."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import Note, NoteKind, ParkedDestination
from copdesk.store.tables import insert_row


def _note(row: dict[str, Any]) -> Note:
    destination = row["destination"]
    return Note(
        id=int(row["id"]),
        session_id=int(row["session_id"]),
        kind=NoteKind(row["kind"]),
        text=str(row["text"]),
        destination=ParkedDestination(destination) if destination else None,
    )


def add_note(
    db: Database,
    session_id: int,
    kind: NoteKind,
    text: str,
    now: datetime,
    destination: ParkedDestination | None = None,
) -> Note:
    stamp = to_utc_iso(now)
    row = {
        "session_id": session_id,
        "kind": NoteKind(kind).value,
        "text": text,
        "destination": ParkedDestination(destination).value if destination else None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    return get_note(db, insert_row(db, "note", row))


def update_note_text(db: Database, note_id: int, text: str, now: datetime) -> None:
    db.table("note").update(note_id, {"text": text, "updated_at": to_utc_iso(now)})


def get_note(db: Database, note_id: int) -> Note:
    return _note(db.table("note").get(note_id))


def notes(db: Database, session_id: int, kind: NoteKind | None = None) -> list[Note]:
    sql = "SELECT * FROM note WHERE session_id = ?" + (" AND kind = ?" if kind else "") + " ORDER BY id"
    params: list[object] = [session_id, *([NoteKind(kind).value] if kind else [])]
    return [_note(row) for row in db.query(sql, params)]


def delete_note(db: Database, note_id: int) -> None:
    db.execute("DELETE FROM note WHERE id = ?", [note_id])


def session_text(db: Database, session_id: int) -> Note | None:
    """The session's free-text notes: its first plain note (learning points and parked items are separate)."""
    row = next(
        db.query("SELECT * FROM note WHERE session_id = ? AND kind = 'note' ORDER BY id LIMIT 1", [session_id]), None
    )
    return _note(row) if row else None


def save_session_text(db: Database, session_id: int, text: str, now: datetime) -> Note:
    """Create or replace the session's free-text notes in one transaction, so a save is all or nothing."""
    with db.atomic():
        existing = session_text(db, session_id)
        if existing is None:
            return add_note(db, session_id, NoteKind.NOTE, text, now)
        if existing.text != text:
            update_note_text(db, existing.id, text, now)
    return get_note(db, existing.id)
