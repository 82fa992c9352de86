"""A record left CoPDesk as a file: the audit log says which kind, which one and in which format, never the
file's name or content (a file name can carry a person's name). Called by the CLI and the window alike."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from copdesk.services import transaction
from copdesk.store.audit import record_export


def note_export(db: Database, what: str, entity_id: int | None, file_format: str, now: datetime) -> None:
    with transaction(db):
        record_export(db, what, entity_id, file_format, now)
