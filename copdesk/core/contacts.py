"""Help ▸ Resources and contacts: the masterclass's resources and mailboxes, as the facilitator keeps them.

Mailboxes and links change, so the list is the facilitator's to edit; it starts from the masterclass's own
(``resources/prompts/contacts.toml``). An entry's source says whose words each of its cells is, as the shipped list
credits them: a row can hold CoPDesk's label beside a masterclass mailbox, and a cell edited or added is the
facilitator's, never the masterclass's. CoPDesk never opens a link or fetches anything: an entry is copied to the
clipboard.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
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
    source: str  # whose words each cell is: "Masterclass, Resources", or the credit of each cell in turn

    @property
    def words(self) -> tuple[str, str, str]:
        """What the facilitator can edit: the name, the address and what it is for."""
        return self.title, self.detail, self.what_for

    def for_clipboard(self) -> str:
        return f"{self.title}: {self.detail}"


YOURS = "Added or edited by you"
CELL_NAMES = ("name", "address", "what it is for")


def credited(words: tuple[str, str, str], shipped: Sequence[Contact]) -> ContactEntry:
    """The entry with whose words each cell is: words the shipped list has in that column carry its credit there,
    any others are the facilitator's. One credit for the whole row when every cell shares it."""
    by_cell: dict[str, list[str]] = {}
    for column, text in enumerate(words):
        if text:
            credits = {contact.cells[column].text: contact.cells[column].credit() for contact in shipped}
            by_cell.setdefault(credits.get(text, YOURS), []).append(CELL_NAMES[column])
    if len(by_cell) <= 1:
        return ContactEntry(*words, next(iter(by_cell), YOURS))
    parts = "; ".join(f"{' and '.join(cells)}: {credit}" for credit, cells in by_cell.items())
    return ContactEntry(*words, parts[0].upper() + parts[1:])


def shipped_entries(shipped: Sequence[Contact]) -> list[ContactEntry]:
    return [credited((c.title.text, c.detail.text, c.what_for.text), shipped) for c in shipped]


def edited(entry: ContactEntry, title: str, detail: str, what_for: str, *, shipped: Sequence[Contact]) -> ContactEntry:
    """The entry with new words; a changed cell is the facilitator's, not the masterclass's."""
    cleaned = (_clean(title, "The name"), _clean(detail, "The address"), _clean(what_for, "What it is for"))
    if not cleaned[0] and not cleaned[1]:
        raise ContactError("Give the entry a name or an address; an empty entry is not kept.")
    if cleaned == entry.words:
        return entry
    return credited(cleaned, shipped)


def to_json(entries: Sequence[ContactEntry]) -> str:
    """The words and the source as shown (an earlier CoPDesk reads the source back; this one credits afresh)."""
    if len(entries) > MAX_ENTRIES:
        raise ContactError(f"Keep the list to {MAX_ENTRIES} entries.")
    return json.dumps([[e.title, e.detail, e.what_for, e.source] for e in entries], ensure_ascii=False)


def from_json(text: str, shipped: Sequence[Contact]) -> list[ContactEntry]:
    """The stored list, each cell credited as the shipped list credits it now, so a list kept before a credit was
    corrected shows the correct one; a damaged list reads as no list (the masterclass's is shown instead)."""
    try:
        rows = json.loads(text)
        return [credited((str(a), str(b), str(c)), shipped) for a, b, c, _source in rows]
    except (ValueError, TypeError):
        return []


def _clean(text: str, what: str) -> str:
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ContactError(f"{what} contains an invisible control character; retype it without pasting.")
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_FIELD_LENGTH:
        raise ContactError(f"{what} is {len(cleaned)} characters long; keep it to {MAX_FIELD_LENGTH}.")
    return cleaned
