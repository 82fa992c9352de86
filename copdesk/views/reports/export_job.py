"""One export written off the UI thread, with its progress and a Cancel: a big record never freezes the window.

What to export is read on the UI thread (the database connection is the window's, and reading takes milliseconds);
rendering, the PDF's layout and the write run in a ``QThread``. QTextDocument and QPdfWriter are reentrant, not
thread-safe, so ``copdesk.output`` creates both in the thread that uses them, and a QThread (unlike a plain Python
thread) gives that thread the event dispatcher QTextDocument's layout timers need. A progress dialog, shown only
when the export takes more than a moment, says which step it is at; Cancel is heard between steps and just
before the file is committed (QSaveFile), so a cancelled export leaves no file and no partial file.
"""

from __future__ import annotations

import threading
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget

from copdesk.core.export_formats import ExportFormat
from copdesk.output import ExportCancelled, FileInUseError, OutputError, save_rendered

SHOW_AFTER_MS = 400  # a quick export never flashes a dialog
STEPS = ("Preparing the text…", "Laying out the pages…", "Writing the file…")
LAYOUT_STEP = 1  # one long call into Qt with no progress of its own: the bar says busy meanwhile


class Outcome(Enum):
    WRITTEN = "written"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ExportWorker(QThread):
    """Renders and writes one file; :attr:`outcome` and :attr:`error` are set when :attr:`finished` is emitted, and
    :attr:`in_use` when the file could not be replaced because another program holds it (worth trying again)."""

    stage_changed = Signal(str)  # emitted from the worker, delivered queued to the dialog on the UI thread

    def __init__(self, path: Path, file_format: ExportFormat[Any], document: object, title: str) -> None:
        super().__init__()
        self.path, self.file_format, self.document, self.title = path, file_format, document, title
        self.outcome = Outcome.FAILED
        self.error = ""
        self.in_use = False
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> None:
        try:
            save_rendered(
                self.path,
                self.file_format,
                self.document,
                self.title,
                cancelled=self._cancelled.is_set,
                stage=self.stage_changed.emit,
            )
        except ExportCancelled:
            self.outcome = Outcome.CANCELLED
        except OutputError as exc:
            self.error = str(exc)
            self.in_use = isinstance(exc, FileInUseError)
        except Exception as exc:
            self.error = f"Cannot write {self.path}: {exc}"
        else:
            self.outcome = Outcome.WRITTEN


class ExportRun(QObject):
    """The worker and its progress dialog; :attr:`done` says how it ended, on the UI thread."""

    done = Signal(object)  # an Outcome

    def __init__(self, worker: ExportWorker, host: QWidget) -> None:
        super().__init__(host)
        self.worker = worker
        self.progress = QProgressDialog(STEPS[0], "", 0, len(STEPS), host)
        self.progress.setWindowTitle(f"Exporting {worker.path.name}")
        self.progress.setAccessibleName(f"Exporting {worker.path.name}")
        self.progress.setWindowModality(Qt.WindowModality.NonModal)  # the window goes on working meanwhile
        self.progress.setMinimumDuration(SHOW_AFTER_MS)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)  # steps, not a percentage
        self.bar.setAccessibleName("Export progress")
        self.progress.setBar(self.bar)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the export")
        self.progress.setCancelButton(self.cancel_button)
        self.progress.canceled.connect(self.cancel)
        worker.stage_changed.connect(self._show_stage)
        worker.finished.connect(self._finished)

    def start(self) -> None:
        self.progress.setValue(0)
        self.worker.start()

    def cancel(self) -> None:
        """Stop at the next step: nothing is written. The dialog says so until the worker has stopped."""
        self.worker.cancel()
        self.progress.setLabelText("Cancelling…")
        self.cancel_button.setEnabled(False)

    def is_running(self) -> bool:
        return self.worker.isRunning()

    def wait(self) -> None:
        """Cancel and wait for the worker (the window is closing: a running QThread must not be destroyed)."""
        if self.worker.isRunning():
            self.worker.cancel()
            self.worker.wait()

    def _show_stage(self, stage: str) -> None:
        if not self.worker.is_cancelled():
            step = STEPS.index(stage) if stage in STEPS else 0
            self.progress.setLabelText(stage)
            self.progress.setRange(0, 0 if step == LAYOUT_STEP else len(STEPS))
            self.progress.setValue(step)

    def _finished(self) -> None:
        self.progress.close()
        self.progress.deleteLater()
        self.done.emit(self.worker.outcome)
        self.worker.deleteLater()
        self.deleteLater()
