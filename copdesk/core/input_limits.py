"""How much text one note, and one quick item, may hold.

A facilitator may paste a long document into the notes by accident. One megabyte of text (about
150,000 words) is far more than any CoP note and, in lines and paragraphs as notes are written, still edits
and saves without a pause; beyond it the editor slows, every autosave rewrites the lot, and it is almost
certainly a mistake, so the paste is refused with a message and the note stays as it was. The size is
counted in UTF-8 bytes, as stored. One limit is left to the editor: Qt lays out the paragraph being typed
in again at each key, so a paragraph hundreds of kilobytes long without a line break (a pasted block of
text) makes each key in it take a noticeable moment, about half a second at 1 MB. It is taken all the same
rather than changed: the text is the facilitator's.

A quick item (an action, a learning point) is a line, not a document: at most :data:`MAX_ITEM_CHARACTERS`, and an
issue's title at most :data:`MAX_ISSUE_TITLE_CHARACTERS`, which their fields hold and :func:`item_wording` checks.
An escalation's outcome and an issue's resolution keep their lines, up to :data:`MAX_OUTCOME_CHARACTERS`;
:func:`resolution_wording` checks a resolution.
"""

from __future__ import annotations

MAX_NOTE_BYTES = 1024 * 1024
MAX_ITEM_CHARACTERS = 2000
MAX_ISSUE_TITLE_CHARACTERS = 300  # a title is what the team recognises the issue by, in a list of them
# An escalation's outcome (what the response said) and an issue's resolution: a few paragraphs.
MAX_OUTCOME_CHARACTERS = 4000


def utf8_size(text: str) -> int:
    # surrogatepass: a QString can hold a lone surrogate, which would otherwise raise here.
    return len(text.encode("utf-8", "surrogatepass"))


def size_problem(size: int) -> str | None:
    """A one-line message when a note of ``size`` UTF-8 bytes would be over the limit, else ``None``.

    It takes a size rather than the text because an editor adds a paste's size to what it already holds.
    """
    if size <= MAX_NOTE_BYTES:
        return None
    return (
        f"That would make the note larger than {MAX_NOTE_BYTES // 1_048_576} MB, the most one note holds. "
        "Nothing was added: paste a shorter extract."
    )


def item_wording(typed: str, what: str, most: int = MAX_ITEM_CHARACTERS) -> str:
    """A quick item's wording as it is stored, its spaces tidied; ``ValueError`` with a one-line message when it
    is empty or longer than ``most`` characters. ``what`` names it: "The action"."""
    wording = " ".join(typed.split())
    if not wording:
        raise ValueError(f"{what} needs its words; nothing was changed.")
    if len(wording) > most:
        raise ValueError(
            f"{what} would be {len(wording):,} characters long, over the {most:,} it holds; nothing was changed."
        )
    return wording


def resolution_wording(typed: str, most: int = MAX_OUTCOME_CHARACTERS) -> str:
    """A resolution as it is stored: its lines kept, the blank around them trimmed. ``ValueError`` with a one-line
    message when it is empty or over ``most`` characters."""
    words = typed.strip()
    if not words:
        raise ValueError("Say how the issue was resolved; the resolution note is what the team will look back on.")
    if len(words) > most:
        raise ValueError(f"A resolution holds at most {most:,} characters, not {len(words):,}; nothing was changed.")
    return words
