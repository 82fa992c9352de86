"""The file the notes pane keeps a session's notes in when it must let go of them unsaved (:mod:`.notes_panel`).

Each keep rewrites the file kept before in this run, so the file ends with the last key typed; one that will not be
rewritten (another program holds it open) is left as it was, and the text is kept in a new file instead; once the text
saves, both go. A keep is written in a worker and waited for with the window answering (a virus scanner may hold the
file for a second and a half), so a second keep can begin while one is under way: a log-off while the pane lets go of a
session's notes closes the window, which keeps them again, with the quick items typed but not added moved into them. The
second follows the first and rewrites its file, so one file ends with every word; and the first, once its wait ends,
answers with that file too rather than with its own result, since the second keep holds the words as they were later.
Should the second's worker take the lock first (a busy machine), the first then writes nothing: its text is older.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from copdesk.core.model import Session
from copdesk.services.notes import discard_kept_text, keep_unsaved_text, kept_text_remains
from copdesk.views.widgets.background import done_answering


class KeptFile:
    def __init__(self) -> None:
        self._one_at_a_time = threading.Lock()  # held by the worker writing the file
        self._begun = 0  # keeps begun; counted on the window's thread
        # Written by the worker holding the lock, read on the window's thread once no keep is under way:
        self.path: Path | None = None  # the file this run kept the unsaved text in, until the text saves
        self._left: list[Path] = []  # files kept before it that would not be rewritten, with older text
        self.text = ""  # the text as it was kept there
        self._newest: tuple[int, Path] | None = None  # the newest keep written, and its file

    def keep(self, db_path: Path, session: Session | None, text: str, now: datetime) -> Path:
        """Keep ``text`` in the file (rewritten, or a new one); its path. Raises ``OSError`` when it cannot be
        written, unless a keep begun since (within this one's wait) wrote it."""
        self._begun += 1
        number = self._begun

        def write() -> Path:
            with self._one_at_a_time:
                if (later := self._written_since(number)) is not None:
                    return later  # a keep begun after this one took the lock first: its text is the newer
                try:
                    path = keep_unsaved_text(db_path, session, text, now, replacing=self.path)
                except OSError:
                    if self.path is None:
                        raise
                    # The file kept before would not be rewritten (another program holds it open, or it is read-only):
                    # the text goes in a new one rather than nowhere, the earlier file left as it was.
                    path = keep_unsaved_text(db_path, session, text, now)
                    self._left.append(self.path)
                self.path, self.text, self._newest = path, text, (number, path)
                return path

        try:
            path = done_answering(write, "copdesk-keep-notes")
        except OSError:
            later = self._written_since(number)
            if later is None:
                raise
            return later
        return self._written_since(number) or path

    def at_close(self, keep: Callable[[], Path | None], text: str) -> tuple[Path | None, str | None, Path | None]:
        """What ``keep()`` (:meth:`keep`, as the window closes) kept, as :meth:`.NotesPanel.keep_at_close` says it,
        ``text`` being the notes as they are now. Kept already as they are (at the question before this close, or as
        the window let its data go), they are not written again: one wait on a virus scanner, not two."""
        if (kept := self.remaining()) is not None and text == self.text:
            return kept, None, None
        try:
            return keep(), None, None
        except OSError as exc:
            why = exc.strerror or type(exc).__name__
            earlier = self.remaining()
            if earlier is not None and text == self.text:
                return earlier, None, None
            return None, why, earlier

    def _written_since(self, number: int) -> Path | None:
        """The file a keep begun after keep ``number``, within its wait, wrote."""
        return self._newest[1] if self._newest is not None and self._newest[0] > number else None

    def remaining(self) -> Path | None:
        """The file kept in this run, if it is still there with the text (the facilitator may have deleted it, or its
        drive gone)."""
        return self.path if self.path is not None and kept_text_remains(self.path) else None

    def discard(self) -> None:
        """The text is saved after all, and newer: the file goes, and so does any the text went past (one another
        program held open then), which would otherwise be pointed to at every start."""
        for path in (*self._left, *([self.path] if self.path is not None else [])):
            discard_kept_text(path)
        self.forget()

    def forget(self) -> None:
        """The pane lets go of the session: a keep for the next one starts a file of its own."""
        self.path = None
        self._left = []
