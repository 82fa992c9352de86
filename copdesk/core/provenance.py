"""Whose words a shipped text is: the masterclass's, quoted exactly, or CoPDesk's own, drawn from one of its sections.

A professional reader must be able to tell the two apart, so every text CoPDesk ships in ``resources/`` carries
``origin = "masterclass"`` (verbatim; ``section`` says where it is quoted from) or ``origin = "copdesk"`` (with
``derived_from`` naming the section it draws on, where it does). The screen then says which: a quotation with its
section ("Masterclass, Handling challenges"), or "CoPDesk's prompt, drawn from the masterclass's *Systems theory*".
A quotation is a whole item of its section (a list item, a line, a table cell) unless ``part_of`` gives the opening
words of the item it is deliberately part of, such as the "when" of a line that also says who runs the session.

:func:`normalise` and :func:`reference_text` are what the provenance test compares with: the reference copy of the
masterclass keeps slide markup (bold, links, list HTML), and typography varies (curly or straight quotes, en dash
or hyphen), so both sides are reduced to the words before a quotation is checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from copdesk.core.text import straight_quotes


class Origin(StrEnum):
    MASTERCLASS = "masterclass"
    COPDESK = "copdesk"


class ProvenanceError(ValueError):
    """A shipped text whose origin is missing or unknown; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class Attributed:
    """A text with its origin. ``section`` is where a quotation comes from, or the section CoPDesk's words draw on."""

    text: str
    origin: Origin
    section: str | None = None

    @property
    def is_quotation(self) -> bool:
        return self.origin is Origin.MASTERCLASS

    def credit(self, what: str = "words") -> str:
        """Who says so, in the words the screen uses beside the text."""
        if self.origin is Origin.MASTERCLASS:
            return f"Masterclass, {self.section}" if self.section else "Masterclass"
        if self.section:
            return f"CoPDesk's {what}, drawn from the masterclass's {self.section}"
        return f"CoPDesk's {what}"

    def shown(self) -> str:
        """The text as the screen shows it: a quotation in quotation marks, CoPDesk's words as they are."""
        return f"“{self.text}”" if self.is_quotation else self.text

    def with_credit(self, what: str = "words") -> str:
        """The text followed by its credit, for a tooltip or a hint line: “…” (Masterclass, Handling challenges)."""
        return f"{self.shown()} ({self.credit(what)})"


def parse_attributed(value: object, where: str) -> Attributed:
    """Read ``{text, origin, section}`` (a quotation) or ``{text, origin, derived_from}`` (CoPDesk's words)."""
    if not isinstance(value, Mapping):
        raise ProvenanceError(f"{where}: expected a table with text and origin.")
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ProvenanceError(f"{where}: the text is missing.")
    origin = value.get("origin")
    if origin not in {member.value for member in Origin}:
        raise ProvenanceError(f'{where}: origin must be "masterclass" or "copdesk", not {origin!r}.')
    key = "section" if origin == Origin.MASTERCLASS else "derived_from"
    section = value.get(key)
    if section is not None and (not isinstance(section, str) or not section.strip()):
        raise ProvenanceError(f"{where}: {key} must be the name of a masterclass section.")
    if origin == Origin.MASTERCLASS and section is None:
        raise ProvenanceError(f"{where}: a quotation from the masterclass needs the section it is from.")
    part_of = value.get("part_of")
    if part_of is not None and (origin != Origin.MASTERCLASS or not isinstance(part_of, str) or not part_of.strip()):
        raise ProvenanceError(
            f"{where}: part_of gives the opening words of the masterclass item a quotation is part of."
        )
    return Attributed(" ".join(text.split()), Origin(origin), section)


_DASHES = re.compile(r"\s*[‐‑‒–—―-]\s*")
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_HTML_TAG = re.compile(r"<[^>]+>")
_MARKUP = re.compile(r"\*+|\\(?=[()\[\]])")
_BULLETS = re.compile(r"[•✓❖]")


def normalise(text: str) -> str:
    """The words alone: one space between words, straight quotes, one hyphen for any dash with its spacing."""
    flat = " ".join(straight_quotes(text).split())
    return _DASHES.sub("-", flat)


def reference_text(raw: str) -> str:
    """The masterclass's reference copy with its slide markup removed (bold, links, list HTML, bullets)."""
    text = _MARKDOWN_LINK.sub(r"\1", raw)
    text = _HTML_TAG.sub(" ", text)
    text = _MARKUP.sub("", text)
    return normalise(_BULLETS.sub(" ", text))


def is_verbatim(text: str, reference: str) -> bool:
    """Whether ``text`` is found word for word in ``reference`` (already passed through :func:`reference_text`)."""
    return normalise(text) in reference
