"""Work that must be done but need not hold up the window: a worker thread, with the result on the GUI thread.

The start-up backup is the example: a 40 MB database takes a noticeable time to copy and verify, and SQLite
does that without Python's lock, so in a thread it costs the window nothing. Whoever depends on the work
being done (a restore, a deletion that must reach every backup, quitting) calls :meth:`BackgroundJob.wait`,
which runs the work on the spot if it never started, so the work always happens exactly once.

:class:`NewestOnly` is for work asked for again and again as the facilitator types (note search), where only the
newest request matters.

:func:`wait_answering` waits for jobs with the window answering, never frozen: a backup's last rename, on Windows,
is tried again for a second and a half while a virus scanner or a sync client holds the file. :func:`done_answering`
does one piece of work that way and hands back what it returned (notes kept in a file as the window closes).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QMetaObject, QObject, Qt, Signal, Slot

T = TypeVar("T")

POLL_SECONDS = 0.05  # how often a wait for a job lets the window paint and its timers run
A_MOMENT_SECONDS = 1.0  # the most a close waits for work it abandons to give up (NewestOnly.abandon)


class BackgroundJob(QObject):
    done = Signal(object)  # the work's return value, delivered on the thread this object lives in

    def __init__(
        self, work: Callable[[], object], name: str, parent: QObject | None = None, *, doing: str = ""
    ) -> None:
        """``doing``: what the work is, in words for the facilitator if CoPDesk must wait for it while closing
        ("cleaning every backup")."""
        super().__init__(parent)
        self._work = work
        self._name = name
        self.doing = doing
        self._thread: threading.Thread | None = None
        self._taken = False  # start() and wait() are called on this object's thread, so a flag is enough
        self._result: object = None

    def start(self) -> None:
        """Run the work in a worker thread, once; a second call (or one after :meth:`wait`) does nothing."""
        if not self._claim():
            return
        self._thread = threading.Thread(target=self._run_in_worker, name=self._name)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Return once the work is done, or ``timeout`` seconds have passed: join the worker, or run the work here if
        it never started (whatever the timeout); whether it is done."""
        if self._claim():
            self._result = self._work()
            self._deliver()
        elif self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        """Whether the work is under way in its worker now."""
        return self._thread is not None and self._thread.is_alive()

    def _claim(self) -> bool:
        if self._taken:
            return False
        self._taken = True
        return True

    def _run_in_worker(self) -> None:
        self._result = self._work()
        # Emitted from this object's own thread, so whatever listens may touch widgets.
        QMetaObject.invokeMethod(self, "_deliver", Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _deliver(self) -> None:
        self.done.emit(self._result)


def wait_answering(jobs: Sequence[BackgroundJob], while_waiting: Callable[[], object] = lambda: None) -> None:
    """Wait for every job to end (one never started runs here, at once), the window painting and its timers running
    meanwhile, with ``while_waiting`` called between looks; what the facilitator types or clicks waits until the jobs
    have ended, so nothing asked for starts in the middle of the wait."""
    for job in jobs:
        while not job.wait(POLL_SECONDS):
            while_waiting()
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def done_answering(work: Callable[[], T], name: str) -> T:
    """Do ``work`` in a worker thread and return what it returns, or raise what it raises, waiting for it as
    :func:`wait_answering` does: the window paints meanwhile, and what the facilitator types waits until it is done,
    so whatever follows (a window closing) still comes after the work."""
    returned: list[T] = []
    raised: list[Exception] = []

    def attempt() -> None:
        try:
            returned.append(work())
        except Exception as exc:  # handed to the caller's thread, which raises it
            raised.append(exc)

    job = BackgroundJob(attempt, name)
    job.start()
    wait_answering([job])
    if raised:
        raise raised[0]
    return returned[0]


class NewestOnly(QObject):
    """Requests done one at a time in a worker thread, each superseding those before it: a request still waiting is
    never begun, the work under way is told it is no longer wanted (its second argument, a callable, then says so,
    and the work gives up), and only the newest request's result is delivered, so what is shown never goes back to
    an older one. What the work raises is delivered as its result. The thread ends when nothing is left to do; the
    owner calls :meth:`abandon` as it closes, which waits a moment at most. The work only reads (a check, a count, a
    search): a worker left running never holds up the end of CoPDesk."""

    done = Signal(object)  # the newest request's result, delivered on the thread this object lives in

    def __init__(
        self, work: Callable[[Any, Callable[[], bool]], object], name: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._name = name
        self._lock = threading.Lock()
        self._asked = 0  # the newest request's number; only this object's thread changes it
        self._waiting: tuple[int, object] | None = None  # a request not yet begun
        self._working = False  # whether a worker will take what is waiting
        self._thread: threading.Thread | None = None
        self._result: tuple[int, object] | None = None
        # Each worker's number: one abandoned (its number no longer this) never takes a request, nor touches this
        # object's Qt side (it may be deleted).
        self._worker = 0

    def ask(self, request: object) -> None:
        with self._lock:
            self._asked += 1
            self._waiting = (self._asked, request)
            if not self._working:
                self._working = True
                worker = partial(self._run_in_worker, self._worker)
                self._thread = threading.Thread(target=worker, name=self._name, daemon=True)
                self._thread.start()

    def drop(self) -> None:
        """Deliver nothing of what was asked so far: a request waiting is never begun, the one under way gives up."""
        with self._lock:
            self._asked += 1
            self._waiting = None

    def abandon(self) -> None:
        """:meth:`drop`, waiting a moment at most for the work under way to give up: one held longer (a file on a
        share that has stopped answering can hold it for minutes) is left to end on its own, and what it returns is
        never delivered, so the owner, and this object with it, may go. Asked again (a dialog opened again), a worker
        of its own takes the request, never waiting for the one left."""
        with self._lock:
            self._asked += 1
            self._waiting = None
            self._worker += 1
            self._working = False
            thread = self._thread
        if thread is not None:
            thread.join(A_MOMENT_SECONDS)

    def _run_in_worker(self, worker: int) -> None:
        while True:
            with self._lock:
                if worker != self._worker:
                    return
                if self._waiting is None:
                    self._working = False
                    return
                number, request = self._waiting
                self._waiting = None
            try:
                result = self._work(request, partial(self._superseded, number))
            except Exception as exc:  # handed to the owner's thread, which says it or raises it
                result = exc
            with self._lock:  # held while posting, so :meth:`abandon` returns only once no post is under way
                if worker != self._worker:
                    return
                self._result = (number, result)
                QMetaObject.invokeMethod(self, "_deliver", Qt.ConnectionType.QueuedConnection)

    def _superseded(self, number: int) -> bool:
        return number != self._asked

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            delivered, self._result = self._result, None
        if delivered is not None and delivered[0] == self._asked:  # else a newer request was asked since
            self.done.emit(delivered[1])
