"""What CoPDesk says while it finishes a safe write after its window has closed (and, with :class:`WorkNotice`,
whatever else it does while no window of it shows: a restore, between the window on the old data and the one on the
restored data).

Quitting, a log-off, a shutdown or a SIGTERM waits for the work that must not be cut short: cleaning every backup of
an erasure or a deletion of old sessions, a copy of the data being saved, the start-up backup. The window is gone by
then, and a process lingering unseen (holding the instance lock, so that a second start is told CoPDesk is already
open) looks like a hang. So a small window says what CoPDesk is finishing and that it closes by itself, and the GUI
goes on answering meanwhile (Windows would otherwise call it "Not responding").

It never gives up on the work: cutting it short is what the wait is there to avoid. A backups folder on a network
share that stops answering holds CoPDesk until it answers; after a while the notice says so, and what ending CoPDesk
then would mean. That loses no data, by design (:mod:`copdesk.services.data_care`, :mod:`copdesk.store.backup`): an
erasure or a deletion begun is finished at the next start, and a backup or a copy half-written is never put in place
of a whole one; only the copy being saved would have to be saved again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from copdesk.core.text import listed
from copdesk.views.widgets.background import BackgroundJob, wait_answering

LONG_WAIT_SECONDS = 20.0  # a backup cleaned or a copy saved on a local disk takes far less
LONG_WAIT = (
    " This is taking longer than it should: a folder on a network drive or a memory stick may have stopped answering."
    " CoPDesk goes on waiting for it, as cutting it short is what this wait avoids. If CoPDesk must be ended (Task"
    " Manager on Windows, Force Quit on a Mac), no data is lost: an erasure or a deletion of old sessions is finished"
    " when CoPDesk next starts, and a half-written backup or copy is never used (a copy being saved would have to be"
    " saved again)."
)


class WorkNotice(QWidget):
    """A small window that says what CoPDesk is doing while no other window of it shows; it cannot be closed, and
    closes when the work ends."""

    def __init__(self, title: str, said: str) -> None:
        super().__init__(None, Qt.WindowType.Dialog)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.said = said
        self.label = QLabel(said)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(title)
        QVBoxLayout(self).addWidget(self.label)
        self._done = False

    def finish(self) -> None:
        self._done = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._done:
            super().closeEvent(event)
        else:
            event.ignore()  # it says the work is going on; hiding that would bring back the unseen wait


class FinishingNotice(WorkNotice):
    """What CoPDesk is finishing before it closes."""

    def __init__(self, doing: Sequence[str]) -> None:
        named = [words for words in doing if words]
        what = listed(named) if named else "finishing what it was doing"
        super().__init__(
            "CoPDesk is finishing",
            f"CoPDesk is {what} before it closes, so that nothing is cut short. It closes by itself when that is done.",
        )
        self.setObjectName("finishingNotice")
        self.label.setAccessibleName("What CoPDesk is finishing")

    def say_it_is_long(self) -> None:
        if not self.label.text().endswith(LONG_WAIT):
            self.label.setText(self.said + LONG_WAIT)
            self.adjustSize()


def finish_saying_so(jobs: Sequence[BackgroundJob], clock: Callable[[], float] = time.monotonic) -> None:
    """Wait for every job to end (one never started runs here, at once); while any is under way in its worker, a
    :class:`FinishingNotice` says what CoPDesk is finishing and the GUI goes on answering."""
    under_way = [job for job in jobs if job.running]
    if not under_way:
        for job in jobs:
            job.wait()
        return
    notice = FinishingNotice([job.doing for job in under_way])
    notice.show()
    started = clock()

    def say_if_long() -> None:
        if clock() - started >= LONG_WAIT_SECONDS:
            notice.say_it_is_long()

    try:
        wait_answering(jobs, say_if_long)
    finally:
        notice.finish()
        notice.deleteLater()
