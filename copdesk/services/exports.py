"""A record left CoPDesk as a file: its line in the audit log, for the window and the CLI.

The line says which kind of record, which one and in which format, never the file's name or content (a file
name can carry a person's name). Both callers record the same line (:func:`copdesk.store.audit.record_export`);
they differ in when, because of who is there to retry:

- The CLI writes the file and its line as one act (:func:`write_audited`): the line is committed once the new
  file is whole and just before it takes its place; if the line cannot be saved, the new file is discarded and
  any file it would have replaced is left as it was. The command then exits 1 and nothing is left to retry, so a
  file with names in it is never left behind unaudited, nor under an exit code that says it failed. (Should the
  file then fail to take its place, the line stays: an audit that names one export too many errs on the safe
  side.)
- The window writes the file in a worker thread, so a long PDF never freezes it, while the window's database
  connection stays with the UI thread; the line follows once the file is whole (:func:`note_export`), through
  the window's write guard like any other change. A refused line keeps the file, which the facilitator asked
  for, and the guard's Retry adds the line later: the window is still there to retry, unlike the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from copdesk.services import transaction
from copdesk.store.audit import record_export


def note_export(db: Database, what: str, entity_id: int | None, file_format: str, now: datetime) -> None:
    """The audit line of a file the window has just written."""
    with transaction(db):
        record_export(db, what, entity_id, file_format, now)


def write_audited(
    db_path: Path,
    write: Callable[[Callable[[], None]], object],
    what: str,
    entity_id: int | None,
    file_format: str,
    now: datetime,
) -> None:
    """Write an export and its audit line as one act, for the CLI.

    ``write`` writes the file and calls the function it is given once the new file is whole, just before putting
    it in place (:func:`copdesk.output.save_bytes`'s ``before_commit``); that function commits the audit line, and
    if it raises, ``write`` must leave the path as it was. The database is opened for this one write beside
    whatever else has it open; a kept copy (a backup) is never written: restore it first.
    """
    from copdesk.store.connection import open_for_one_write

    db = open_for_one_write(db_path, doing="written to (an export is recorded in the audit log)")

    def commit_line() -> None:
        with transaction(db):
            record_export(db, what, entity_id, file_format, now)

    try:
        write(commit_line)
    finally:
        db.close()
