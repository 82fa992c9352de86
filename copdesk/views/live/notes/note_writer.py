"""The notes' autosave written in a worker thread, so typing never waits for the disk (:mod:`.notes_panel`).

A 1 MB note takes tens of milliseconds to write (its search index and the disk's flush), which on the window's thread
would hold up the keys typed meanwhile. The pane takes the text on its own thread as the autosave is due, and this
writes it in a worker: one write at a time, so writes are in the order they were asked for, and the pane asks for the
next, with the text as it is then, only once the one under way has ended. Whoever must know the notes are written (a
flush: the session ends, the window closes, the computer logs off) waits for the write under way with
:meth:`NoteWriter.finish`, then writes the newest text itself, so it is always the last written. What the write
raised (a full disk) is handed back on the window's thread, for the pane's guard to say with Retry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from copdesk.views.widgets.background import BackgroundJob


@dataclass(frozen=True, slots=True)
class Ended:
    """A write that has ended: whether nothing was typed since its text was taken, and what it raised."""

    newest: bool
    error: Exception | None

    def said(self) -> None:
        """Raise what the write raised, as if it were written here (for the pane's guard to say)."""
        if self.error is not None:
            raise self.error


class NoteWriter(QObject):
    ended = Signal()  # the write under way has ended: :meth:`finish` hands back how, at once

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: BackgroundJob | None = None
        self._typed = 0  # changes typed, counted on the window's thread
        self._typed_at_start = 0  # as they were when the text of the write under way was taken
        self._raised: list[Exception | None] = []

    @property
    def busy(self) -> bool:
        """A write was begun and its end not yet taken (:meth:`finish`)."""
        return self._job is not None

    def typed(self) -> None:
        """A change was typed in the notes."""
        self._typed += 1

    def start(self, write: Callable[[], object]) -> None:
        """Begin ``write``, of the text as it is now, in a worker. Only when no write is under way: the caller asks for
        the next once this one has ended."""
        if self._job is not None:
            raise RuntimeError("a write of the notes is already under way")
        raised: list[Exception | None] = []

        def attempt() -> None:
            try:
                write()
            except Exception as exc:  # handed to the window's thread, whose guard says it or reports it
                raised.append(exc)
            else:
                raised.append(None)

        job = self._job = BackgroundJob(attempt, "copdesk-save-notes", self)
        job.done.connect(lambda _result: self._job_ended(job))
        self._typed_at_start, self._raised = self._typed, raised
        job.start()

    def finish(self) -> Ended | None:
        """Wait for the write under way to end, and hand back how it did (once); ``None`` when none is under way."""
        job, self._job = self._job, None
        if job is None:
            return None
        job.wait()
        return Ended(self._typed == self._typed_at_start, self._raised[0])

    def _job_ended(self, job: BackgroundJob) -> None:
        if job is self._job:  # not one a flush has waited for and taken already
            self.ended.emit()
