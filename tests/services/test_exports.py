"""The audit line of an export: the CLI's file and line as one act, the window's line after its file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from copdesk.output import save_bytes
from copdesk.services.exports import note_export, write_audited
from copdesk.store.connection import as_database
from copdesk.store.errors import StorageFullError

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def _exported(db: Database) -> list[tuple[object, ...]]:
    return [tuple(row) for row in db.execute("SELECT entity, entity_id, detail FROM audit WHERE event = 'exported'")]


def test_the_window_and_the_cli_record_the_same_line(db: Database, db_path: Path, tmp_path: Path) -> None:
    note_export(db, "session", 3, "pdf", NOW)
    target = tmp_path / "record.md"
    write_audited(
        db_path, lambda commit: save_bytes(target, b"# Record", before_commit=commit), "session", 3, "pdf", NOW
    )
    assert _exported(db) == [("session", 3, "pdf"), ("session", 3, "pdf")]
    assert target.read_text(encoding="utf-8") == "# Record"


def test_a_file_that_cannot_be_written_leaves_no_line(db: Database, db_path: Path, tmp_path: Path) -> None:
    def fail(_commit: object) -> None:
        raise OSError("no room")

    with pytest.raises(OSError):
        write_audited(db_path, fail, "session", 3, "md", NOW)
    assert _exported(db) == []


class _DiskFullAtCommit(sqlite3.Connection):
    """The file is written, then the disk fills before the audit line is committed."""

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def _full_at_commit(path: Path, *, doing: str) -> Database:
    return as_database(sqlite3.connect(path, factory=_DiskFullAtCommit))


def test_a_line_that_cannot_be_saved_leaves_no_file(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("copdesk.store.connection.open_for_one_write", _full_at_commit)
    target = tmp_path / "record.md"
    with pytest.raises(StorageFullError):
        write_audited(
            db_path, lambda commit: save_bytes(target, b"# Record", before_commit=commit), "session", 3, "md", NOW
        )
    assert list(tmp_path.glob("record*")) == []  # neither the file nor a temporary one
    assert _exported(db) == []


def test_a_line_that_cannot_be_saved_leaves_the_file_it_would_replace(
    db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("copdesk.store.connection.open_for_one_write", _full_at_commit)
    target = tmp_path / "record.md"
    target.write_text("# Last month's record", encoding="utf-8")
    with pytest.raises(StorageFullError):
        write_audited(
            db_path, lambda commit: save_bytes(target, b"# Record", before_commit=commit), "session", 3, "md", NOW
        )
    assert target.read_text(encoding="utf-8") == "# Last month's record"
    assert list(tmp_path.glob("record*")) == [target]
    assert _exported(db) == []
