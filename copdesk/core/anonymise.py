"""Taking colleagues' names out of text that leaves the team: CPD evidence and the anonymised summary.

Topics, titles and learning points are typed freely, so "Sam's case about..." is possible. Before such text
goes into one practitioner's CPD evidence or the consultant's roll-up, every roster name is replaced: the whole
display name in any case, and each part of it on its own ("Sam", "Okafor"), because people say first names.
Parts are matched as whole words with their capital letter, so the verb "drew" stays while the name "Drew"
goes; a name at the start of a sentence is removed too, which errs on the side of privacy.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME_PLACEHOLDER = "[colleague]"
_MIN_PART_LENGTH = 2


class NameRedactor:
    """Replaces the given names in text; ``keep`` names (the practitioner's own) are left as they are."""

    def __init__(self, names: Iterable[str], *, keep: Iterable[str] = (), placeholder: str = NAME_PLACEHOLDER) -> None:
        kept_parts = {part.casefold() for name in keep for part in name.split()}
        kept_names = {" ".join(name.split()).casefold() for name in keep}
        patterns: set[str] = set()
        for name in names:
            whole = " ".join(name.split())
            if not whole or whole.casefold() in kept_names:
                continue
            patterns.add("(?i:" + r"\s+".join(re.escape(part) for part in whole.split()) + ")")
            patterns.update(
                re.escape(part)
                for part in whole.split()
                if len(part) >= _MIN_PART_LENGTH and part.casefold() not in kept_parts
            )
        # Longest first, so "Sam Okafor" goes as one placeholder rather than two.
        ordered = sorted(patterns, key=len, reverse=True)
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(ordered) + r")(?!\w)") if ordered else None
        self._placeholder = placeholder

    def __call__(self, text: str) -> str:
        return text if self._pattern is None else self._pattern.sub(self._placeholder, text)
