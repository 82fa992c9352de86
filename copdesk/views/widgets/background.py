"""Work that must be done but need not hold up the window: a worker thread, with the result on the GUI thread.

The start-up backup is the example: a 40 MB database takes a noticeable time to copy and verify, and SQLite
does that without Python's lock, so in a thread it costs the window nothing. Whoever depends on the work
being done (a restore, a deletion that must reach every backup, quitting) calls :meth:`BackgroundJob.wait`,
which runs the work on the spot if it never started, so the work always happens exactly once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal, Slot


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
