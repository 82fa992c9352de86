"""Names and typed words set in a line of CoPDesk's own words: the Prepare view's "Not presented yet: …" and who
was quiet, the Live notes' "Added: … (owner), due …".

A name written right to left (Arabic, Hebrew) is isolated (U+2068 … U+2069): without it, two such names side by side
were laid out as one right-to-left run, so they swapped places and took the comma between them along, and a date in
brackets after one ("(never)", "(8 Oct 2026)") had its brackets turned round. Other names are left as they are.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

RIGHT_TO_LEFT = frozenset({"R", "AL"})  # Unicode's strong right-to-left classes: Hebrew, Arabic and their kin
_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"


def in_a_line(name: str) -> str:
    """``name`` as it is set among other words: isolated when it holds right-to-left letters."""
    if any(unicodedata.bidirectional(character) in RIGHT_TO_LEFT for character in name):
        return f"{_FIRST_STRONG_ISOLATE}{name}{_POP_ISOLATE}"
    return name


def name_list(names: Iterable[str]) -> str:
    """The names one after another, parted by commas, each in its place whatever its script."""
    return ", ".join(in_a_line(name) for name in names)
