"""The one way the views write what the facilitator does: a refused write is said, kept and retried.

Every click, Enter or dialog button that saves something (an action, a learning point, a tally, a marker,
a follow-up review, the start or end of the session, a series, an agenda, a team member...) calls a
service (:mod:`copdesk.services`) through :meth:`WriteGuard.run`, on the window's one guard
(``AppContext.writes``). The service runs its change as one transaction, so a refusal leaves nothing
half-written, and raises :class:`~copdesk.store.errors.WriteRefusedError` for a full disk, a database that
turned read-only, a disk I/O error or another program's lock. The guard turns that into one line for the
window's banner strip (:attr:`WriteGuard.failed`), with Retry; any other error is a bug and is raised (the
crash log, :mod:`copdesk.crash_log`, records it and the banner strip says so in one line).

Two writes have a guard of their own, each for a reason: the notes' autosave
(:class:`~copdesk.views.widgets.banner.SaveGuard`), whose refusal is said inside the notes pane, under the text it
keeps, and retried by the next autosave too; and data care's deletions (:mod:`copdesk.views.data_care`), which span
many files rather than one transaction and say a refusal in their own dialog.

The caller changes what it shows only after :meth:`run` returned a :class:`Written`: a field keeps its
text, a tally keeps its count, a live session stays live. The ``retry`` it passes redoes the whole user
act (re-reading the field, or replaying the same tick with its original time), and is kept until it
succeeds; Retry replays every kept act in the order they first failed. A ``key`` names one act, so
pressing Add again on the same form replaces its earlier retry instead of queueing a second. An act whose words
were typed in a question that has closed (an issue's title, a team) passes them as ``words``: they are then held
nowhere else, and a log-off keeps them in a file (:meth:`WriteGuard.words_waiting`, :mod:`copdesk.shutdown`). An
act whose Retry re-reads a dialog that stays open passes how to read them instead
(:func:`copdesk.views.widgets.typed_words.rereads`), so a log-off keeps them as the Retry would save them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from copdesk.store.errors import WriteRefusedError
from copdesk.views.widgets.typed_words import HeldWords, TypedWords

T = TypeVar("T")
Retry = Callable[[], object]
KEPT_TYPED = "What you typed is still in its field."


@dataclass(frozen=True, slots=True)
class Written(Generic[T]):
    """Proof that the write was saved, with what the store returned (which may itself be ``None``)."""

    value: T


class WriteGuard(QObject):
    failed = Signal(str)  # one line: what happened, what to do, and what was kept
    recovered = Signal()  # nothing is waiting any more: the message can go

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.message = ""
        self._pending: dict[Hashable, Retry] = {}
        self._words: dict[Hashable, HeldWords] = {}  # what a kept act holds typed, by its key
        self._stood_down = False

    @property
    def failing(self) -> bool:
        """Some refused act is still waiting for Retry."""
        return bool(self._pending)

    @property
    def stood_down(self) -> bool:
        """Whether the computer is logging off (:meth:`stand_down`): CoPDesk is quitting."""
        return self._stood_down

    @property
    def waiting(self) -> int:
        return len(self._pending)

    def holds(self, key: Hashable) -> bool:
        """Whether a refused act under ``key`` waits for Retry (a save that re-reads what is typed need not be
        tried again, key by key, until then)."""
        return key in self._pending

    def run(
        self,
        write: Callable[[], T],
        *,
        retry: Retry | None = None,
        key: Hashable | None = None,
        kept: str = "",
        words: HeldWords | None = None,
    ) -> Written[T] | None:
        """Save now. ``None`` when the write was refused: then nothing changed in the store, ``retry`` (if
        given) is kept for the Retry button with the ``words`` it holds, and ``kept`` (what the user still has, in
        words) ends the message."""
        if key is None:
            key = retry if retry is not None else write
        try:
            value = write()
        except WriteRefusedError as refused:
            self.refuse(f"{refused.message} {kept}".strip(), retry=retry, key=key, words=words)
            return None
        self._pending.pop(key, None)
        self._words.pop(key, None)
        if not self._pending and self.message:
            self._recover()
        return Written(value)

    def refuse(
        self, message: str, *, retry: Retry | None = None, key: Hashable | None = None, words: HeldWords | None = None
    ) -> None:
        """Say that an act was not done (for an act that is refused before it writes, like ending the session
        while what was typed cannot be saved), keeping ``retry`` for the Retry button, with the ``words`` it holds."""
        if retry is not None and not self._stood_down:
            key = key if key is not None else retry
            self._pending.pop(key, None)  # to the back of the queue
            self._pending[key] = retry
            self._words.pop(key, None)
            if words is not None:
                self._words[key] = words
        self.message = message
        self.failed.emit(message)

    def words_waiting(self) -> list[TypedWords]:
        """The words the acts kept for Retry hold, oldest first: a log-off keeps them in a file."""
        held = (self._words[key] for key in self._pending if key in self._words)
        return [words for each in held if (words := each() if callable(each) else each) is not None]

    def retry(self) -> bool:
        """Replay every kept act, oldest first; True when none is left waiting. Each act leaves the queue only as it
        runs, so what the others hold is still there meanwhile (an act may ask a question while it runs). An act that
        fails with an error of its own (not a refused write, which it keeps again itself) leaves the acts after it
        waiting for the next Retry, then the error goes on to be reported."""
        for key in list(self._pending):
            if self._stood_down:  # the computer is logging off: what waits has been kept in a file
                break
            act = self._pending.pop(key, None)
            if act is None:
                continue
            self._words.pop(key, None)
            act()  # kept again, with its words, if it is refused again
        if not self._pending and self.message:
            self._recover()
        return not self._pending

    def stand_down(self) -> None:
        """The computer is logging off and what waits is kept elsewhere (:mod:`copdesk.shutdown`): nothing is kept
        or replayed from now on, not even by a Retry already running."""
        self._stood_down = True
        self._pending.clear()
        self._words.clear()

    def _recover(self) -> None:
        self.message = ""
        self.recovered.emit()
