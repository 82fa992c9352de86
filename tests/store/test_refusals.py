"""Every refusal leaves the file byte-for-byte unchanged and says what to do, in one line."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.store.connection import open_database
from copdesk.store.errors import (
    CorruptDatabaseError,
    LocationError,
    NewerSchemaError,
    NotADatabaseError,
    StoreError,
)
from tests.conftest import running_as_root
from tests.store.conftest import file_hash


def _make_database(path: Path, rows: int = 0) -> None:
    opened = open_database(path, paths.migrations_dir())
    with opened.db.atomic():
        for i in range(rows):
            opened.db.execute(
                "INSERT INTO audit (at, event, entity, detail) VALUES ('t', 'e', 'x', ?)", ["x" * 500 + str(i)]
            )
    opened.db.close()


def _assert_refused(path: Path, error: type[StoreError], match: str) -> StoreError:
    before = file_hash(path)
    siblings_before = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error, match=match) as caught:
        open_database(path, paths.migrations_dir())
    assert file_hash(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings_before
    assert "\n" not in caught.value.message
    return caught.value


def test_newer_schema_is_refused(db_path: Path) -> None:
    _make_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    error = _assert_refused(db_path, NewerSchemaError, "newer CoPDesk")
    assert "Update CoPDesk" in error.message


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"", "is empty"),
        (b"Meeting notes, not a database\n" * 40, "not a CoPDesk data file"),
        (bytes(range(256)) * 64, "not a CoPDesk data file"),
    ],
    ids=["empty", "text", "random-bytes"],
)
def test_non_database_files_are_refused(db_path: Path, content: bytes, match: str) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    error = _assert_refused(db_path, NotADatabaseError, match)
    assert "SQLite" not in error.message  # said as a facilitator would: "not a CoPDesk data file"


def test_database_failing_quick_check_is_refused(db_path: Path) -> None:
    _make_database(db_path, rows=400)
    size = db_path.stat().st_size
    page = 4096
    assert size > 6 * page
    with db_path.open("r+b") as handle:  # overwrite a page in the middle with garbage
        handle.seek(3 * page)
        handle.write(b"\xde\xad\xbe\xef" * (page // 4))
    error = _assert_refused(db_path, CorruptDatabaseError, "damaged")
    # SQLite's words ("database disk image is malformed", "Page 4: btreeInitPage() returns error code 11") are left to
    # the error's cause: the window and the command line say it plainly.
    assert error.message == (
        f"{db_path} is damaged, so CoPDesk will not open it. Restore a backup with 'copdesk-cli restore FILE'; the "
        "file was not changed."
    )
    assert isinstance(error.__cause__, sqlite3.DatabaseError)


def test_parent_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    before = file_hash(blocker)
    with pytest.raises(LocationError, match="is a file, not a folder"):
        open_database(blocker / "copdesk.db", paths.migrations_dir())
    assert file_hash(blocker) == before


def test_read_only_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "readonly"
    folder.mkdir()
    # chmod does not stop root, so the check is exercised through os.access as well.
    if running_as_root() or os.name != "posix":  # modes do not stop root, and Windows has none
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode))
    else:
        folder.chmod(0o500)
    try:
        with pytest.raises(LocationError, match="read-only"):
            open_database(folder / "copdesk.db", paths.migrations_dir())
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_read_only_file_is_refused(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make_database(db_path)
    if running_as_root() or os.name != "posix":  # modes do not stop root, and Windows has none
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == db_path else real_access(p, mode))
    else:
        db_path.chmod(0o400)
    _assert_refused(db_path, LocationError, "read-only")


def test_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LocationError, match="it is a folder"):
        open_database(tmp_path, paths.migrations_dir())
