"""On Windows and on a Mac, file names are compared in any letter case: ``Backups\\copdesk.db\\AUTO-….DB`` typed by
hand is CoPDesk's own backup, and ``copdesk.db-WAL`` is the database's log. This machine's file system tells case
apart, so each test makes the file under the spelling a user would type, which on those systems would be the same
file as CoPDesk's own, and checks that CoPDesk recognises it from its name alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.output import OutputError, save_text
from copdesk.store.connection import open_database, open_for_one_write
from copdesk.store.errors import StoreError


def _database_at(path: Path, db_path: Path) -> bytes:
    """A CoPDesk database at ``path``, as a backup of ``db_path`` holds it (a whole file, no -wal)."""
    open_database(db_path, paths.migrations_dir()).db.close()
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("VACUUM INTO ?", [str(path)])
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "spelling",
    [
        "Backups/copdesk.db/auto-20261008T093000Z.db",
        "BACKUPS/COPDESK.DB/AUTO-20261008T093000Z.DB",
        "backups/copdesk.db/Pre-Restore-20261008t093000z.db",
        "Quarantine/20261008T093000Z-copdesk.db",
    ],
)
def test_a_kept_copy_named_in_other_letter_case_is_never_opened_to_be_changed(db_path: Path, spelling: str) -> None:
    kept = db_path.parent / spelling
    before = _database_at(kept, db_path)

    with pytest.raises(StoreError, match="is a copy CoPDesk keeps"):
        open_database(kept, paths.migrations_dir())
    with pytest.raises(StoreError, match="is a copy CoPDesk keeps"):
        open_for_one_write(kept, doing="written to")
    assert kept.read_bytes() == before
    assert sorted(path.name for path in kept.parent.iterdir()) == [kept.name], "nothing was made beside it"


@pytest.mark.parametrize("spelling", ["copdesk.db-WAL", "copdesk.db-Shm", "copdesk.db-JOURNAL", "copdesk.db.LOCK"])
def test_an_export_never_replaces_a_file_of_the_database_named_in_other_letter_case(
    db_path: Path, spelling: str
) -> None:
    open_database(db_path, paths.migrations_dir()).db.close()
    beside = db_path.with_name(spelling)
    beside.write_bytes(b"\x37\x7f\x06\x82 the latest commits")  # a -wal begins so, not as a database does
    with pytest.raises(OutputError, match="belongs to the database beside it"):
        save_text(beside, "# Session record")
    assert beside.read_bytes().endswith(b"the latest commits")


def test_an_export_never_replaces_kept_words_in_a_folder_named_in_other_letter_case(tmp_path: Path) -> None:
    kept = tmp_path / "Unsaved-Notes" / "notes-20261205T143005Z.txt"
    kept.parent.mkdir()
    kept.write_text("Notes of the session, as typed.", encoding="utf-8")
    with pytest.raises(OutputError, match="holds words CoPDesk kept"):
        save_text(kept, "# Session record")
    assert kept.read_text(encoding="utf-8") == "Notes of the session, as typed."
