"""Taking colleagues' names out of text that leaves the team: CPD evidence and the anonymised summary.

Topics, titles and learning points are typed freely, so "Sam's case about..." is possible. Before such text
goes into one practitioner's CPD evidence or the consultant's roll-up, every roster name is replaced: the whole
display name in any case, and each part of it on its own ("Sam", "Okafor"), because people say first names.
Parts are matched as whole words with their capital letter, so the verb "drew" stays while the name "Drew"
goes (and "BOYD" goes too); a name at the start of a sentence is removed too, which errs on the side of privacy.

Names typed today and names erased before (known only as salted digests) are found by one matcher,
:class:`copdesk.core.name_match.NameDigests`, so they are found alike: whatever the Unicode form (a Mac pastes
"Zoë" decomposed), the apostrophe ("O’Neill" for "O'Neill") or a space for a hyphen ("Ann Marie" for
"Ann-Marie"), and only as whole names ("Al" leaves "Alex Morgan" alone). A name on a roster is found with or
without its accents too ("Zoe" for "Zoë", "Lukasz" for "Łukasz", and the other way round), as people type names on a
keyboard that has none. An erased name is known only by its digest: it is found as it was written, and, when it was
written without accents, with them too (the text is looked at without its accents as well).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from copdesk.core.name_match import NameDigests, merged_spans, replace_spans
from copdesk.core.text import name_key

NAME_PLACEHOLDER = "[colleague]"
_IN_MEMORY_SALT = "names at hand"  # never stored: with no erased names, no digest has to match a stored one
# Latin letters with a stroke or bar, and the dotless i, which have no decomposition to take a mark off.
_STROKED = str.maketrans("ŁłØøĐđĦħŦŧƗɨı", "LlOoDdHhTtIii")
_JOINS_NOTHING = "\N{COMBINING GRAPHEME JOINER}"  # a mark NFC composes with no letter; names are read without marks


def _unaccented(character: str) -> str:
    """One character without its accents ("ë" is "e", "ł" is "l"), else as it is: always one character, so a span
    found in a text without accents is the same span in the text. An accent NFC left on its own (Yoruba's "ọ̀" is
    "ọ" and a grave) becomes the mark that joins nothing, or NFC would put it back on the bare letter ("ò")."""
    decomposed = unicodedata.normalize("NFD", character)
    if len(decomposed) > 1 and all(unicodedata.category(mark) == "Mn" for mark in decomposed[1:]):
        return decomposed[0]
    if unicodedata.category(character) == "Mn":
        return _JOINS_NOTHING
    return character.translate(_STROKED)


def unaccented(text: str) -> str:
    """``text`` (as NFC) without its accents, character for character."""
    return "".join(_unaccented(character) for character in unicodedata.normalize("NFC", text))


class NameRedactor:
    """Replaces the given names, and those of ``erased`` members, in text (as NFC); ``keep`` names (the
    practitioner's own) are left as they are, whole or in part."""

    def __init__(
        self,
        names: Iterable[str],
        *,
        keep: Iterable[str] = (),
        erased: NameDigests | None = None,
        placeholder: str = NAME_PLACEHOLDER,
    ) -> None:
        salt = _IN_MEMORY_SALT if erased is None else erased.salt
        names, keep = list(names), list(keep)
        known = NameDigests.of_names(salt, [*names, *map(unaccented, names)])
        if erased is not None:
            known = known.merged(erased)
        # The practitioner's own names are kept as written, and without their accents unless that is how a
        # colleague's name (or part of it) is written: "Zoe" stays out of Zoë's evidence when Zoe Brown is a colleague.
        own = {name_key(name) for name in keep}
        others = NameDigests.of_names(salt, [name for name in names if name_key(name) not in own])
        plain = NameDigests.of_names(salt, list(map(unaccented, keep))).without(others)
        self._names = known.without(NameDigests.of_names(salt, keep).merged(plain))
        self._placeholder = placeholder

    def __call__(self, text: str) -> str:
        """Names found as typed (erased ones too) or without accents, each replaced once."""
        text = unicodedata.normalize("NFC", text)
        return replace_spans(text, self._spans(text), self._placeholder)

    def found(self, text: str) -> list[str]:
        """The names :meth:`__call__` would replace in ``text``, as written there, in reading order, each once."""
        text = unicodedata.normalize("NFC", text)
        return list(dict.fromkeys(text[start:end] for start, end in merged_spans(self._spans(text))))

    def _spans(self, text: str) -> list[tuple[int, int]]:
        return [*self._names.spans(text, parts=True), *self._names.spans(unaccented(text), parts=True)]
