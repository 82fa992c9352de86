"""What the Delete old sessions and Erase dialogs share: their long work in a worker thread, and what they say of it.

The deletions are :mod:`copdesk.services.data_care`'s: they reach every copy and span many files, so they run
outside the write guard's single transaction, and a refusal is said in the dialog itself. Cleaning every backup can
take a minute, so they run in a worker thread on a connection of their own while the window goes on answering; the
dialog says what it is doing, and nothing in it can be pressed, nor can it be closed, until the work ends. A copy
too damaged to be cleaned is named there, with a button that deletes it (the data in it would otherwise stay); one
that a full disk or a permission stopped is named with the reason, and a button tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QDialog, QLabel, QPushButton, QWidget
from sqlite_utils import Database

from copdesk.services import data_care
from copdesk.store.errors import StoreError
from copdesk.views.context import AppContext
from copdesk.views.widgets.background import BackgroundJob
from copdesk.views.widgets.forms import fit_height_on_screen
from copdesk.views.widgets.scrolling_words import ScrollingWords

FAULT = "Stopped by a fault in CoPDesk (it is in the crash log). What was begun is finished when CoPDesk next starts."

T = TypeVar("T")


class DataCareDialog(QDialog):
    """What the Delete old sessions and Erase dialogs share: their long work runs in a worker thread (:meth:`_work`),
    and until it ends nothing in the dialog can be pressed and the dialog cannot be closed."""

    context: AppContext
    delete_damaged: QPushButton
    retry: QPushButton
    result_label: QLabel
    busy = False
    _job: BackgroundJob | None = None

    def reject(self) -> None:
        if not self.busy:  # Escape, Close and the title bar's cross wait for the work to end
            super().reject()

    def showEvent(self, event: QShowEvent) -> None:
        """Opened as tall as its words: Qt opened it at the height of its words wrapped narrower than they are, and
        the lines that say what an erasure does were cut off at the top and foot of their label."""
        super().showEvent(event)
        if not event.spontaneous():
            grow(self)

    @property
    def work_under_way(self) -> BackgroundJob | None:
        """The work under way, if any: the window closing waits for it (the data stays open and the instance lock
        held until it ends)."""
        return self._job if self.busy else None

    def _work(
        self,
        working: str,
        act: Callable[[Database], T],
        then: Callable[[T], None],
        refused: Callable[[StoreError], None],
    ) -> None:
        """Run ``act`` on a connection of its own in a worker thread, saying ``working`` meanwhile, then hand its
        result to ``then``, or a refusal to ``refused``, here. Cleaning every backup can take a minute: the window
        must not stop answering meanwhile (Windows would call it "Not responding", and a facilitator might end it).
        An erasure or a deletion stopped by a crash or a log-off is finished at the next start."""
        db_path = self.context.db_path
        controls = [
            widget
            for widget in self.findChildren(QWidget)
            if isinstance(widget, QAbstractButton | QComboBox | QAbstractSpinBox) and widget.isEnabled()
        ]
        for widget in controls:
            widget.setEnabled(False)
        self.busy = True
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.result_label.setText(f"{working}… Every backup is cleaned too, which can take a minute.")
        grow(self)
        doing = "cleaning every backup of what it erases or deletes"
        job = self._job = BackgroundJob(partial(_outcome, db_path, act), "copdesk-data-care", self, doing=doing)

        def ended(outcome: object) -> None:
            self.busy = False
            self.unsetCursor()
            for widget in controls:
                widget.setEnabled(True)
            self._job = None
            job.deleteLater()
            try:
                if isinstance(outcome, StoreError):
                    refused(outcome)
                elif isinstance(outcome, BaseException):
                    self.result_label.setText(FAULT)
                    grow(self)
                    raise outcome  # a fault: the crash log has it, and the window's banner says so
                else:
                    then(cast(T, outcome))  # what ``act`` returned
            finally:
                self._work_ended()

        job.done.connect(ended)
        job.start()

    def _work_ended(self) -> None:
        """Once the work has ended and what it did is said: what the dialog does then besides (none here)."""


def _outcome(db_path: Path, act: Callable[[Database], T]) -> object:
    """In the worker: what ``act`` returned, or what it raised, for the dialog to say on its own thread."""
    try:
        return data_care.on_own_connection(db_path, act)
    except Exception as exc:  # handed to the GUI thread, which raises what is not a refusal
        return exc


def say_outcome(
    dialog: DataCareDialog, label: QLabel, done: str, report: data_care.CareReport[Any], *, then: str = ""
) -> None:
    """What was done, and where (``then``: what the facilitator may do next, a sentence with a leading space)."""
    then += _kept_files_left(dialog)
    if report.complete:
        label.setText(f"{done} · {report.copies_summary(dialog.context.db_path)}.{then}")
    else:
        label.setText(f"{done}, in the database; not yet everywhere{_left(dialog, [report])}{then}")
    _offer(dialog, [report])


def _kept_files_left(dialog: DataCareDialog) -> str:
    """A sentence (with a leading space) when files of words CoPDesk could not save wait beside the data: the
    deletion did not reach them, and "backups cleaned" must not read as "gone everywhere"; else empty."""
    count = data_care.kept_files_beside(dialog.context.db_path)
    if not count:
        return ""
    files, them = ("A file", "it") if count == 1 else (f"{count} files", "them")
    return (
        f" {files} of words CoPDesk could not save, in the “unsaved-notes” folder beside your data, "
        f"{'is' if count == 1 else 'are'} not reached by this: read {them}, then delete {them}."
    )


def _left(dialog: DataCareDialog, reports: list[data_care.CareReport[Any]]) -> str:
    """Where the data is still, and what each button left to press does about it."""
    said = "".join(report.problems(dialog.context.db_path) for report in reports) + "."
    if any(report.copies.damaged for report in reports):
        said += " If nobody needs the damaged files, delete them with “Delete the damaged copies”."
    if any(report.copies.not_cleaned for report in reports):
        said += " Put that right, then press “Try again” (CoPDesk also tries again at its next start)."
    return said


def _offer(dialog: DataCareDialog, reports: list[data_care.CareReport[Any]]) -> None:
    dialog.delete_damaged.setVisible(any(report.copies.damaged for report in reports))
    dialog.retry.setVisible(any(report.copies.not_cleaned for report in reports))
    grow(dialog)


def grow(dialog: DataCareDialog) -> None:
    """Fit the dialog's height to its words at its width, as long as they now are (a member whose name is in notes
    has a preview of several lines, a copy not cleaned a message of five). ``adjustSize`` would measure the wrapped
    words at a narrower width than the dialog has, leaving a gap, or cutting off lines once the dialog is at its
    minimum width. Until the dialog is shown its labels have no width, and showing it fits it to its words. It never
    grows past the screen's foot, where its buttons would be out of reach (a dozen copies not cleaned, on 768 px):
    what was done (hundreds of backups named) scrolls instead."""
    window = dialog.window()
    if not window.isVisible():
        return
    for words in window.findChildren(ScrollingWords):
        words.updateGeometry()  # its height is its words', which have changed since the layout last asked
    fit_height_on_screen(window)


def say_refused(dialog: DataCareDialog, exc: StoreError, *, begun: bool) -> None:
    """A refusal, said in the dialog; a deletion it stopped part-way (``begun``) waits for “Try again” (or the
    next start)."""
    then = " It is done in part: once that is put right, press “Try again” (or CoPDesk finishes it at its next start)."
    dialog.result_label.setText(exc.message + (then if begun else ""))
    dialog.retry.setVisible(begun)
    grow(dialog)


def finish_earlier(dialog: DataCareDialog, *, delete_damaged: bool) -> None:
    """Finish what is pending: clean again what was not cleaned, and delete the damaged copies if asked to."""
    db_path, now = dialog.context.db_path, dialog.context.now()

    def refused(exc: StoreError) -> None:
        say_refused(dialog, exc, begun=data_care.unfinished(dialog.context.db) > 0)

    dialog._work(
        "Deleting the damaged copies" if delete_damaged else "Trying again",
        lambda db: data_care.finish_pending_care(db, db_path, now, delete_damaged=delete_damaged),
        partial(_finished_earlier, dialog, delete_damaged=delete_damaged),
        refused,
    )


def _finished_earlier(
    dialog: DataCareDialog, reports: list[data_care.CareReport[None]], *, delete_damaged: bool
) -> None:
    done = f"damaged copies deleted: {sum(len(r.copies.deleted) for r in reports)}" if delete_damaged else ""
    left = [report for report in reports if not report.complete]
    if left:
        dialog.result_label.setText(f"{(done or 'Tried again').capitalize()}; not yet everywhere{_left(dialog, left)}")
    else:
        dialog.result_label.setText(f"Finished: {done or 'every backup is cleaned'}.")
    _offer(dialog, left)
