"""Help ▸ Resources and contacts: the masterclass's resources and mailboxes, as the facilitator keeps them.

Mailboxes and links change, so the list is the facilitator's to edit; it starts from the masterclass's own
(``resources/prompts/contacts.toml``), and an entry edited or added says so instead of claiming the masterclass's
words. CoPDesk never opens a link or fetches anything: an entry is copied to the clipboard.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from copdesk.core.masterclass import Contact

MAX_FIELD_LENGTH = 300
MAX_ENTRIES = 50


class ContactError(ValueError):
    """An entry that cannot be kept; the message is one line, fit to show as it is."""


@dataclass(frozen=True, slots=True)
class ContactEntry:
    title: str
    detail: str
    what_for: str
    source: str  # "Masterclass, Resources" for the shipped words, else "Added or edited by you"

    @property
    def words(self) -> tuple[str, str, str]:
        """What the facilitator can edit: the name, the address and what it is for."""
        return self.title, self.detail, self.what_for

    def for_clipboard(self) -> str:
        return f"{self.title}: {self.detail}"


YOURS = "Added or edited by you"


def shipped_entries(contacts: Iterable[Contact]) -> list[ContactEntry]:
    return [ContactEntry(c.title.text, c.detail, c.what_for.text, c.what_for.credit()) for c in contacts]


def edited(entry: ContactEntry, title: str, detail: str, what_for: str) -> ContactEntry:
    """The entry with new words; once changed, the words are the facilitator's, not the masterclass's."""
    cleaned = (_clean(title, "The name"), _clean(detail, "The address"), _clean(what_for, "What it is for"))
    if not cleaned[0] and not cleaned[1]:
        raise ContactError("Give the entry a name or an address; an empty entry is not kept.")
    if cleaned == entry.words:
        return entry
    return ContactEntry(*cleaned, YOURS)


def to_json(entries: Sequence[ContactEntry]) -> str:
    if len(entries) > MAX_ENTRIES:
        raise ContactError(f"Keep the list to {MAX_ENTRIES} entries.")
    return json.dumps([[e.title, e.detail, e.what_for, e.source] for e in entries], ensure_ascii=False)


def from_json(text: str) -> list[ContactEntry]:
    """The stored list; a damaged one reads as no list (the masterclass's is shown instead)."""
    try:
        rows = json.loads(text)
        return [ContactEntry(str(a), str(b), str(c), str(d)) for a, b, c, d in rows]
    except (ValueError, TypeError):
        return []


def _clean(text: str, what: str) -> str:
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ContactError(f"{what} contains an invisible control character; retype it without pasting.")
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_FIELD_LENGTH:
        raise ContactError(f"{what} is {len(cleaned)} characters long; keep it to {MAX_FIELD_LENGTH}.")
    return cleaned
