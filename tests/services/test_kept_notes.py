"""The notes a closing window could not save: kept in a file that says whose they are, and gone once they save."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from copdesk.core.date_names import short_date_time
from copdesk.core.model import Session, SessionKind, SessionStatus
from copdesk.services.notes import discard_kept_text, keep_unsaved_text
from copdesk.store.kept_notes import kept_files

NOW = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)
SESSION = Session(
    id=7,
    team_id=1,
    kind=SessionKind.REFLECTIVE,
    topic="Working with risk",
    planned_start=None,
    status=SessionStatus.LIVE,
    started_at="2026-12-05T14:00:00Z",
)


def _heading(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def test_the_heading_names_the_session_and_the_database_and_says_what_to_do(tmp_path: Path) -> None:
    path = keep_unsaved_text(tmp_path / "copdesk.db", SESSION, "Typed while the disk was full", NOW)
    assert path.parent == tmp_path / "unsaved-notes"
    started = short_date_time(datetime(2026, 12, 5, 14, 0, tzinfo=UTC).astimezone())  # as the user's clock says
    assert _heading(path) == (
        f"Notes of the session “Working with risk”, started {started}, as typed. CoPDesk could not save them to its "
        f"database, copdesk.db, when it let go of them on {short_date_time(NOW.astimezone())}. The session stays live "
        "there: resume it (CoPDesk offers to when it opens that database), copy what you need into its notes, then "
        "delete this file."
    )
    assert path.read_text(encoding="utf-8").endswith("\n\nTyped while the disk was full")


def test_a_session_without_a_topic_or_a_start_is_still_named(tmp_path: Path) -> None:
    untitled = replace(SESSION, topic="  ", started_at=None)
    assert _heading(keep_unsaved_text(tmp_path / "copdesk.db", untitled, "text", NOW)).startswith(
        "Notes of the session without a topic, as typed."
    )


def test_a_kept_file_is_discarded_once_saved_and_nothing_else_ever_is(tmp_path: Path) -> None:
    path = keep_unsaved_text(tmp_path / "copdesk.db", SESSION, "text", NOW)
    other = tmp_path / "minutes.txt"
    other.write_text("someone else's file", encoding="utf-8")
    discard_kept_text(other)
    assert other.exists()
    discard_kept_text(path)
    assert kept_files(tmp_path) == []
    discard_kept_text(path)  # gone already: nothing to say
