"""The one list of file formats for each exported document, and where each is rendered.

Each document (the session record, the quarterly report, the CPD evidence, the anonymised quarter summary) has
one :class:`ExportDocument`: its formats in the order they are offered, each with its key (what ``--format``
takes and the audit log records), its label (what the export dialog shows), its file suffix, its renderer and
whether it is binary. A text format is UTF-8; a spreadsheet (CSV) starts with the byte-order mark, without which
Excel on Windows reads the file in the computer's own code page and shows "Zoë" as "ZoÃ«". A binary format (PDF)
is drawn by ``copdesk.output`` from the text its renderer gives (HTML), because drawing needs Qt and core has
none. The CLI's ``--format`` choices and the dialogs' lists are built from these, so a format is added in one
place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

D = TypeVar("D")


@dataclass(frozen=True, slots=True)
class ExportFormat(Generic[D]):
    key: str
    label: str
    suffix: str
    render: Callable[[D], str]  # the text; for a binary format, the HTML it is drawn from
    binary: bool = False

    @property
    def encoding(self) -> str:
        """How a text format's text becomes bytes: UTF-8, with the byte-order mark Excel looks for in a CSV."""
        return "utf-8-sig" if self.suffix == ".csv" else "utf-8"

    @property
    def file_filter(self) -> str:
        return f"{self.label} (*{self.suffix})"

    def named_by(self, ending: str) -> bool:
        """Whether a file name with this ending is this format's (``.md`` or ``.markdown``, in any case)."""
        return ending.lower().replace(".markdown", ".md") == self.suffix


class ExportDocument(Generic[D]):
    """One kind of document and the formats it can be exported in."""

    def __init__(self, name: str, *formats: ExportFormat[D]) -> None:
        self.name = name
        self.formats = formats
        self._by_key = {f.key: f for f in formats}

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self._by_key)

    def get(self, key: str) -> ExportFormat[D]:
        """The format ``key``; an unknown one is a ``ValueError`` naming the ones there are."""
        try:
            return self._by_key[key]
        except KeyError:
            raise ValueError(f"Unknown {self.name} format {key!r}; use {', '.join(self.keys)}.") from None

    def for_suffix(self, suffix: str) -> ExportFormat[D] | None:
        """The format a file name's ending names (``.md`` or ``.markdown``), if any."""
        return next((f for f in self.formats if f.named_by(suffix)), None)

    def render(self, document: D, key: str) -> str:
        return self.get(key).render(document)
