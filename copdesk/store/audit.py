"""The audit log records what happened to which record: metadata only, never note text."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso


def record_event(db: Database, event: str, entity: str, entity_id: int | None, now: datetime, detail: str = "") -> None:
    db.table("audit").insert(
        {"at": to_utc_iso(now), "event": event, "entity": entity, "entity_id": entity_id, "detail": detail}
    )


def record_export(db: Database, what: str, entity_id: int | None, file_format: str, now: datetime) -> None:
    """A record left CoPDesk as a file: which kind, which one, in which format. Never the file's name or
    content: a file name can carry a person's name (CPD evidence is named after its practitioner)."""
    record_event(db, "exported", what, entity_id, now, file_format)


def recent_events(db: Database, limit: int = 100) -> list[dict[str, object]]:
    return list(db.query("SELECT at, event, entity, entity_id, detail FROM audit ORDER BY id DESC LIMIT ?", [limit]))
