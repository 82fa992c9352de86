"""The facilitator's resources and contacts, kept as one setting (JSON); absent means the masterclass's list."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from copdesk.core.contacts import ContactEntry, from_json, shipped_entries, to_json
from copdesk.core.masterclass import shipped_texts

CONTACTS_KEY = "resources_and_contacts"


def contact_entries(db: Database) -> list[ContactEntry]:
    row = next(db.query("SELECT value FROM setting WHERE key = ?", [CONTACTS_KEY]), None)
    shipped = shipped_texts().contacts
    kept = from_json(str(row["value"]), shipped) if row else []
    return kept or shipped_entries(shipped)


def is_customised(db: Database) -> bool:
    return next(db.query("SELECT 1 FROM setting WHERE key = ?", [CONTACTS_KEY]), None) is not None


def save_contact_entries(db: Database, entries: Sequence[ContactEntry]) -> None:
    db.execute("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", [CONTACTS_KEY, to_json(entries)])


def reset_contact_entries(db: Database) -> None:
    db.execute("DELETE FROM setting WHERE key = ?", [CONTACTS_KEY])
