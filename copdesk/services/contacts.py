"""Keeping the facilitator's resources and contacts (Help ▸ Resources and contacts), one transaction each (see
:mod:`copdesk.services`). A bad entry raises :class:`~copdesk.core.contacts.ContactError` and changes nothing."""

from __future__ import annotations

from collections.abc import Sequence

from sqlite_utils import Database

from copdesk.core.contacts import ContactEntry
from copdesk.services import transaction
from copdesk.store import contacts


def save_contacts(db: Database, entries: Sequence[ContactEntry]) -> None:
    with transaction(db):
        contacts.save_contact_entries(db, entries)


def reset_contacts(db: Database) -> None:
    """Back to the masterclass's list, as shipped."""
    with transaction(db):
        contacts.reset_contact_entries(db)
