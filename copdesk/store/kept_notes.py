"""Words CoPDesk could not save to the database, kept as text files so that closing never loses a word.

When the window must let go of the session's notes while they cannot be saved (it closes while the disk is full,
another program holds the database, or the folder became read-only), the text as typed is written to
``unsaved-notes/`` in the data folder, one UTF-8 file per close: a heading line that says which session and when,
then the text. Words typed in an open window and not yet saved when CoPDesk is made to close (a log-off, a shutdown:
:mod:`copdesk.shutdown`) are kept there the same way, in files named ``words-…`` rather than ``notes-…``
(:data:`TYPED_WORDS`), a heading line saying where they were typed. The folder is the user's alone (0700, files
0600, as :mod:`copdesk.store.permissions` allows); a link or a file in its place, or a data folder that is gone (an
unplugged drive), is refused rather than written through or made anew. Each file is written to a hidden temporary
name first, of that write's own (two writes of one file never share it), and renamed into place, so a file CoPDesk
finished is whole. A new file's name is claimed before the rename (``O_EXCL``), so a name already there is never
replaced, even by a second CoPDesk on another database in the folder (a second close gets ``-2``, ``-3``…); a link
planted at a temporary name is never written through. What a write cut short by a crash or a power cut left is made
a file of its own at the next start (:func:`finish_cut_short`), which the start says may be incomplete. The next
start says the files are there (:func:`kept_files`) until the facilitator deletes them. They are the facilitator's
to delete: a retention or an erasure, which reach every copy of the database, does not reach a text file, and the
warning at each start says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from copdesk.store.permissions import PRIVATE_FILE, PRIVATE_FOLDER, make_private, replace_file

KEPT_FOLDER = "unsaved-notes"
SESSION_NOTES = "notes"  # what each kind of kept file's name starts with: a session's notes, or words typed elsewhere
TYPED_WORDS = "words"
SUFFIX = ".txt"
TEMPORARY = ".partial"
CUT_SHORT = "-cut-short"
# A file last changed this long before the start (or after it: see finish_cut_short) is no longer being written:
# not even a second CoPDesk on another database in the folder takes that long over one file.
CUT_SHORT_AFTER = timedelta(minutes=1)
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def kept_folder(data_folder: Path) -> Path:
    return data_folder / KEPT_FOLDER


def keep_text(
    data_folder: Path,
    text: str,
    heading: str,
    now: datetime,
    *,
    replacing: Path | None = None,
    kind: str = SESSION_NOTES,
) -> Path:
    """Write ``heading``, a blank line and ``text`` to a new file in ``unsaved-notes/``, its name starting with
    ``kind`` (:data:`SESSION_NOTES` or :data:`TYPED_WORDS`); return its path.

    ``replacing`` (a file this run kept earlier, in that folder) is rewritten in place of a new name, so a second
    attempt at one close updates the text rather than adding a file. Raises ``OSError`` when it cannot be written;
    no file is left half-written then, and a file kept before is as it was.
    """
    folder = _own_folder(data_folder)
    target = replacing if replacing is not None and replacing.parent == folder else _claim_new_name(folder, kind, now)
    temporary: Path | None = None
    try:
        # A name of this write's own, made private and new (never a link or anything else planted there), so a
        # second write of the same file under way meanwhile neither removes nor renames this one's text.
        descriptor, name = tempfile.mkstemp(suffix=TEMPORARY, prefix=f".{target.name}.", dir=folder)
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as handle:
            whole = f"{heading}\n\n{text}".replace("\n", os.linesep)
            handle.write(whole.encode("utf-8", errors="replace"))  # a lone surrogate (no character) becomes "?"
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(temporary, target)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink()
        if target != replacing:  # the name claimed for this file, if it is still empty
            _remove_if_empty(target)
        raise
    sync_folder(folder)
    return target


def kept_files(data_folder: Path) -> list[Path]:
    """The files in the data folder that hold kept notes, in the order of their names (each has its UTC time): the
    finished ones, and any hidden one a cut-short write left that could not be finished (:func:`finish_cut_short`)."""
    folder = kept_folder(data_folder)
    try:
        entries = list(folder.iterdir())
    except OSError:  # no folder (as almost always), or one that cannot be read: nothing to point to
        return []
    named = (path for path in entries if _is_kept_name(path.name) or _is_temporary(path.name))
    return sorted(path for path in named if holds_text(path))


def holds_typed_words(path: Path) -> bool:
    """Whether ``path`` keeps words typed in an open window (:data:`TYPED_WORDS`) rather than a session's notes."""
    return path.name.removeprefix(".").startswith(f"{TYPED_WORDS}-")


def may_be_incomplete(path: Path) -> bool:
    """Whether ``path`` is what a write cut short left: all of the text, or only its start."""
    return _is_temporary(path.name) or CUT_SHORT in path.stem


def finish_cut_short(data_folder: Path, now: datetime) -> None:
    """Finish what writes cut short by a crash or a power cut left in ``unsaved-notes/``, so no word stays hidden.

    A write claims its file's name (an empty file), fills a hidden temporary file, and renames that into place; cut
    short, it leaves an empty name, a hidden file with all or part of the text, or both. Whatever a hidden file
    holds becomes a file of its own beside the one it was for, named ``…-cut-short.txt`` (the start says such a file
    may be incomplete): it is never dropped, and never written over another. An empty hidden file, and a name left
    empty with no hidden file to fill it, hold no words and go; so does a hidden file that holds just what a finished
    kept file holds (:func:`_kept_already`). Files changed within a minute of ``now``, either
    way, are left alone: a second CoPDesk may be writing them (a clock more than a minute apart from this one, on
    a shared folder, is the limit of that). What cannot be done is left for the next start; nothing here stops one.
    """
    folder = kept_folder(data_folder)
    try:
        entries = list(folder.iterdir())
    except OSError:  # no folder, as almost always
        return
    changed = False
    for temporary in entries:
        written_for = _written_for(temporary.name)
        if written_for is None or not _is_settled_file(temporary, now):
            continue
        with contextlib.suppress(OSError):
            if _is_empty_file(temporary) or _kept_already(temporary, entries):
                temporary.unlink()
            else:
                recovered = _claim_name(folder, f"{Path(written_for).stem}{CUT_SHORT}")
                try:
                    replace_file(temporary, recovered)
                except OSError:
                    _remove_if_empty(recovered)
                    raise
            changed = True
    being_written = _names_being_written(folder)  # their text is still to come, or to be finished
    for path in entries:
        unfilled = path.name not in being_written
        if _is_kept_name(path.name) and unfilled and _is_settled_file(path, now) and _is_empty_file(path):
            with contextlib.suppress(OSError):
                path.unlink()
    if changed:
        sync_folder(folder)


def _kept_already(temporary: Path, entries: list[Path]) -> bool:
    """Whether a finished kept file among ``entries`` holds exactly what ``temporary`` holds: a keep whose rename was
    refused, and its clean-up too (on Windows, while another program held the files), and whose words were then kept
    in a new file; made a file of its own, it would be their copy, not words missing."""
    size = _plain_file_size(temporary)
    same_size = [path for path in entries if _is_kept_name(path.name) and _plain_file_size(path) == size]
    if not same_size:
        return False
    words = temporary.read_bytes()
    return any(path.read_bytes() == words for path in same_size)


def discard(path: Path) -> None:
    """Delete a file :func:`keep_text` wrote, once its text is saved after all; anything else is left alone."""
    if path.parent.name == KEPT_FOLDER and path.suffix == SUFFIX:
        with contextlib.suppress(OSError):  # gone already, or not ours to delete now: the next start points to it
            path.unlink()


def _own_folder(data_folder: Path) -> Path:
    """``unsaved-notes/`` in the data folder, made if need be (never the data folder itself), owner-only."""
    folder = kept_folder(data_folder)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=PRIVATE_FOLDER)  # FileNotFoundError when the data folder is gone: never made anew here
    if folder.is_symlink() or not folder.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "there is a link or a file where its folder should be", str(folder))
    make_private(folder, PRIVATE_FOLDER)
    return folder


def _claim_new_name(folder: Path, kind: str, now: datetime) -> Path:
    return _claim_name(folder, f"{kind}-{now.astimezone(UTC):%Y%m%dT%H%M%SZ}")


def _claim_name(folder: Path, stem: str) -> Path:
    """A name nobody has in ``folder`` (``stem``, else ``stem-2``…), created empty and private so that nobody else
    takes it meanwhile."""
    being_written = _names_being_written(folder)  # a write cut short left their text: not to be reused
    for number in range(1, 10_000):
        candidate = folder / (f"{stem}{SUFFIX}" if number == 1 else f"{stem}-{number}{SUFFIX}")
        if candidate.name in being_written:
            continue
        try:
            os.close(os.open(candidate, _NEW_FILE, PRIVATE_FILE))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "every name for this second is taken", str(folder))


def _written_for(name: str) -> str | None:
    """The name of the kept file a hidden temporary file named ``name`` is written for (``.notes-….txt.x1y2.partial``,
    or ``.notes-….txt.partial`` as an older CoPDesk named it), or ``None`` when ``name`` is no such file's."""
    if not (name.startswith(".") and name.endswith(TEMPORARY)):
        return None
    written_for = name[1 : -len(TEMPORARY)]
    if not written_for.endswith(SUFFIX):  # the write's own mark follows the name
        written_for = written_for.rpartition(".")[0]
    return written_for if written_for.endswith(SUFFIX) and len(written_for) > len(SUFFIX) else None


def _names_being_written(folder: Path) -> set[str]:
    """The names of the kept files a hidden temporary file in ``folder`` is for: a write under way, or cut short."""
    try:
        names = os.listdir(folder)
    except OSError:
        return set()
    return {written_for for name in names if (written_for := _written_for(name)) is not None}


def _is_temporary(name: str) -> bool:
    return _written_for(name) is not None


def _is_kept_name(name: str) -> bool:
    return name.endswith(SUFFIX) and not name.startswith(".")


def _plain_file_size(path: Path) -> int | None:
    """The size of ``path`` if it is a plain file (not a link, nor gone)."""
    try:
        status = path.lstat()
    except OSError:
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _is_empty_file(path: Path) -> bool:
    return _plain_file_size(path) == 0


def holds_text(path: Path) -> bool:
    """Whether ``path`` is a plain file with something in it: a kept file still there to point to."""
    return bool(_plain_file_size(path))


def _remove_if_empty(path: Path) -> None:
    if _is_empty_file(path):
        with contextlib.suppress(OSError):
            path.unlink()


def _is_settled_file(path: Path, now: datetime) -> bool:
    """A plain file (not a link) last changed at least :data:`CUT_SHORT_AFTER` away from ``now``, before it or (the
    clock put back since, or a drive that keeps local time) after it: no write going on now made it."""
    try:
        status = path.lstat()
    except OSError:
        return False
    changed = datetime.fromtimestamp(status.st_mtime, UTC)
    return stat.S_ISREG(status.st_mode) and abs(now - changed) >= CUT_SHORT_AFTER


def sync_folder(folder: Path) -> None:
    """Make renames in ``folder`` durable, so a power cut cannot bring a moved file back, as far as the system allows
    (not on Windows, which has no folder fsync, nor on a share that refuses it): the renames are made all the same,
    so a refusal here never undoes them."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
