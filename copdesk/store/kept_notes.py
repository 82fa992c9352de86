"""Notes CoPDesk could not save to the database, kept as text files so that closing never loses a word.

When the window closes while the session's notes cannot be saved (the disk is full, another program holds the
database, the folder became read-only), the text as typed is written to ``unsaved-notes/`` in the data folder,
one UTF-8 file per close: a heading line that says which session and when, then the text. The folder is the
user's alone (0700, files 0600, as :mod:`copdesk.store.permissions` allows), and each file is written to a
hidden temporary name first and renamed into place, so a file that exists is whole. A name already there is
never replaced (a second close gets ``-2``, ``-3``…), and a link planted at the temporary name is removed, never
written through. The next start says the files are there (:func:`kept_files`) until the facilitator deletes them.
They are the facilitator's to delete: a retention or an erasure, which reach every copy of the database, does not
reach a text file, and the warning at each start says so.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from copdesk.store.permissions import PRIVATE_FILE, PRIVATE_FOLDER, make_private

KEPT_FOLDER = "unsaved-notes"
SUFFIX = ".txt"


def kept_folder(data_folder: Path) -> Path:
    return data_folder / KEPT_FOLDER


def keep_text(data_folder: Path, text: str, heading: str, now: datetime, *, replacing: Path | None = None) -> Path:
    """Write ``heading``, a blank line and ``text`` to a new file in ``unsaved-notes/``; return its path.

    ``replacing`` (a file this run kept earlier, in that folder) is rewritten in place of a new name, so a second
    attempt at one close updates the text rather than adding a file. Raises ``OSError`` when it cannot be written;
    nothing is left behind then but what was there before.
    """
    folder = kept_folder(data_folder)
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    make_private(folder, PRIVATE_FOLDER)
    target = replacing if replacing is not None and replacing.parent == folder else _new_name(folder, now)
    temporary = folder / f".{target.name}.partial"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()  # left by a write cut short; never a file the user made (hidden, CoPDesk's suffix)
    # O_EXCL refuses a link or anything else planted at the temporary name instead of writing through it.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, PRIVATE_FILE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            whole = f"{heading}\n\n{text}".replace("\n", os.linesep)
            handle.write(whole.encode("utf-8", errors="replace"))  # a lone surrogate (no character) becomes "?"
            handle.flush()
            os.fsync(handle.fileno())
        make_private(temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return target


def kept_files(data_folder: Path) -> list[Path]:
    """The kept notes in the data folder, oldest first (by name, which starts with the UTC time)."""
    folder = kept_folder(data_folder)
    try:
        entries = list(folder.iterdir())
    except OSError:  # no folder (as almost always), or one that cannot be read: nothing to point to
        return []
    return sorted(path for path in entries if path.suffix == SUFFIX and not path.name.startswith("."))


def discard(path: Path) -> None:
    """Delete a file :func:`keep_text` wrote, once its text is saved after all; anything else is left alone."""
    if path.parent.name == KEPT_FOLDER and path.suffix == SUFFIX:
        with contextlib.suppress(OSError):  # gone already, or not ours to delete now: the next start points to it
            path.unlink()


def _new_name(folder: Path, now: datetime) -> Path:
    stem = f"notes-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    candidate, number = folder / f"{stem}{SUFFIX}", 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = folder / f"{stem}-{number}{SUFFIX}"
    return candidate
