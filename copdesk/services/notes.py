"""What is written down in a session: the free-text notes (autosaved) and the quick items (learning points,
parked items with where they go, a plain note); and the free text kept in a file of its own when the notes pane
must let go of it while the database cannot take it, or when CoPDesk is made to close with words typed in an open
window (:mod:`copdesk.store.kept_notes`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.clock import from_utc_iso
from copdesk.core.date_names import short_date_time
from copdesk.core.model import Note, NoteKind, ParkedDestination, Session
from copdesk.services import transaction
from copdesk.store import kept_notes, notes


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


def keep_unsaved_text(
    db_path: Path, session: Session | None, text: str, now: datetime, *, replacing: Path | None = None
) -> Path:
    """Keep notes the database at ``db_path`` would not take in a file in ``unsaved-notes/`` beside it, under a
    heading that says whose they are and what to do with them; rewrite ``replacing`` (kept earlier in this run)
    rather than add a file. Raises ``OSError`` when the file cannot be written either."""
    heading = _kept_heading(db_path.name, session, now)
    return kept_notes.keep_text(db_path.parent, text, heading, now, replacing=replacing)


def keep_typed_words(db_path: Path, where: str, words: str, now: datetime) -> Path:
    """Keep words typed ``where`` (an open window, named as it was titled) and not yet saved when CoPDesk was made
    to close, in a file in ``unsaved-notes/`` beside the database at ``db_path``, under a heading that says where
    they were typed and what to do with them. Raises ``OSError`` when the file cannot be written."""
    heading = (
        f"Typed in “{where}”, as typed, and not yet saved when CoPDesk was made to close (a log-off or a shutdown) "
        f"on {short_date_time(now.astimezone())}. Its database, {db_path.name}, holds what was there before: copy "
        "what you need where it was typed, then delete this file."
    )
    return kept_notes.keep_text(db_path.parent, words, heading, now, kind=kept_notes.TYPED_WORDS)


def kept_text_remains(path: Path) -> bool:
    """Whether the file notes were kept in is still there with them (it may have been deleted, or its drive gone)."""
    return kept_notes.holds_text(path)


def discard_kept_text(path: Path) -> None:
    """The notes kept in ``path`` are saved after all, and newer: the file goes."""
    kept_notes.discard(path)


def _kept_heading(database: str, session: Session | None, now: datetime) -> str:
    topic = f"“{session.topic}”" if session is not None and session.topic.strip() else "without a topic"
    started = from_utc_iso(session.started_at).astimezone() if session and session.started_at else None
    when = f", started {short_date_time(started)}" if started is not None else ""
    return (
        f"Notes of the session {topic}{when}, as typed. CoPDesk could not save them to its database, {database}, "
        f"when it let go of them on {short_date_time(now.astimezone())}. The session stays live there: resume it "
        "(CoPDesk offers to when it opens that database), copy what you need into its notes, then delete this file."
    )
