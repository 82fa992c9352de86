"""What is written down in a session: the free-text notes (autosaved) and the quick items (learning points,
parked items with where they go, a plain note)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from copdesk.core.model import Note, NoteKind, ParkedDestination
from copdesk.services import transaction
from copdesk.store import notes


def save_session_text(db: Database, session_id: int, text: str, now: datetime) -> Note:
    with transaction(db):
        return notes.save_session_text(db, session_id, text, now)


def add_note(
    db: Database,
    session_id: int,
    kind: NoteKind,
    text: str,
    now: datetime,
    destination: ParkedDestination | None = None,
) -> Note:
    with transaction(db):
        return notes.add_note(db, session_id, kind, text, now, destination)


def remove_note(db: Database, note_id: int) -> None:
    with transaction(db):
        notes.delete_note(db, note_id)
