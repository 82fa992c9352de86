"""Restore from backup…: pick a backup (or any file) that checks out, to replace the data with.

A restore needs the data closed, which only the composition root can do: the dialog only chooses, and the window
restores (:attr:`copdesk.views.shell.safeguards.Safeguards.restore_requested`). Close is its default button: Enter
pressed in the list closes the dialog, and never restores.

The backups are listed from their names, no file opened. The one selected is checked as a restore needs it to be:
opened and read whole (``quick_check``), tens of megabytes, in a folder that may be a slow share. So the check runs in
a worker thread, the newest selection's only (an arrow key held down the list asks at each row), and Restore can be
pressed only once the backup selected now has passed it. Closing the dialog waits a moment at most for a check to give
up: one held longer is left to end on its own, and what it finds is never shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from copdesk.core.dates import format_uk
from copdesk.store.backup_catalogue import folder_blocked, list_backups, verify_restorable
from copdesk.store.errors import StoreError
from copdesk.store.location import same_file
from copdesk.views.forms.ui_restore_backup import Ui_RestoreDialog
from copdesk.views.widgets.background import NewestOnly


class RestoreDialog(QDialog):
    """Pick a backup (or any file) that checks out; :attr:`chosen` is set on accept."""

    def __init__(self, db_path: Path, latest_version: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self.chosen: Path | None = None
        self.checked: Path | None = None  # the file selected, once it has passed its check
        self._checking = NewestOnly(partial(_checked_beside, db_path, latest_version), "copdesk-backup-check", self)
        self._checking.done.connect(self._show_check)
        self.finished.connect(self._checking.abandon)  # closed: a check gives up, or is left to end on its own
        ui = self.ui
        self.list, self.empty_label, self.status = ui.backupList, ui.emptyLabel, ui.statusLabel
        for backup in list_backups(db_path):
            taken = backup.taken_at.astimezone()
            when = f"{format_uk(taken)}, {taken:%H:%M}"
            item = QListWidgetItem(f"{when}  ·  {backup.kind.label}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._check_selected)
        blocked = folder_blocked(db_path)
        if blocked is not None:  # "No backups yet: CoPDesk makes one each time it starts" cannot come true
            choose = "You can still choose a copy you saved yourself, with “Choose a file…”."
            self.empty_label.setText(f"No backups: {blocked.message} {choose}")
        self.empty_label.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)  # no empty box above the words that say why it is empty
        ui.chooseFileButton.clicked.connect(self.choose_file)
        ui.closeButton.clicked.connect(self.reject)
        self.restore_button = ui.restoreButton
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._accept_selected)
        if self.list.count():
            self.list.setCurrentRow(0)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Backup to restore", "", "CoPDesk backups (*.db);;All files (*)")
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        item = QListWidgetItem(f"{path.name}  ·  chosen file")
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.list.insertItem(0, item)
        self.empty_label.hide()
        self.list.show()
        self.list.setCurrentItem(item)

    def _check_selected(self, item: QListWidgetItem | None) -> None:
        """Check the file selected, in the worker: "Checking…" meanwhile, and Restore not to be pressed until it has
        passed."""
        self.checked = None
        self.restore_button.setEnabled(False)
        if item is None:
            self._checking.drop()
            return
        path = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        self.status.setText(f"Checking {path.name}…")
        self._checking.ask(path)

    def _show_check(self, outcome: object) -> None:
        if isinstance(outcome, BaseException):
            raise outcome  # a fault: the crash log has it, and the window's banner says so
        path, problem = cast(tuple[Path, StoreError | None], outcome)
        if problem is not None:
            self.status.setText(f"Cannot restore this one: {problem.message}")
            return
        self.checked = path
        self.status.setText(f"{path.name} checks out and can be restored.")
        self.restore_button.setEnabled(True)

    def _accept_selected(self) -> None:
        if self.checked is not None:  # the file selected now, passed: a selection since is checked anew
            self.chosen = self.checked
            self.accept()


def _checked_beside(
    db_path: Path, latest_version: int, path: Path, superseded: Callable[[], bool]
) -> tuple[Path, StoreError | None]:
    """In the worker: the file, and why it cannot be restored (None when it can). The data open now is refused here,
    before the window closes for a restore, not after."""
    try:
        if same_file(path, db_path):
            raise StoreError(f"{path.name} is the data CoPDesk has open now; choose a backup of it.")
        verify_restorable(path, latest_version, superseded)
    except StoreError as exc:
        return path, exc
    return path, None
