"""Restore from backup…: pick a backup (or any file) that checks out, to replace the data with.

A restore needs the data closed, which only the composition root can do: the dialog only chooses, and the window
restores (:attr:`copdesk.views.shell.safeguards.Safeguards.restore_requested`). Close is its default button: Enter
pressed in the list closes the dialog, and never restores.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QListWidgetItem, QWidget

from copdesk.core.dates import format_uk
from copdesk.store.backup_catalogue import list_backups, verify_restorable
from copdesk.store.errors import StoreError
from copdesk.store.location import same_file
from copdesk.views.forms.ui_restore_backup import Ui_RestoreDialog


class RestoreDialog(QDialog):
    """Pick a backup (or any file) that checks out; :attr:`chosen` is set on accept."""

    def __init__(self, db_path: Path, latest_version: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RestoreDialog()
        self.ui.setupUi(self)
        self.db_path = db_path
        self.latest_version = latest_version
        self.chosen: Path | None = None
        ui = self.ui
        self.list, self.empty_label, self.status = ui.backupList, ui.emptyLabel, ui.statusLabel
        for backup in list_backups(db_path):
            taken = backup.taken_at.astimezone()
            when = f"{format_uk(taken)}, {taken:%H:%M}"
            item = QListWidgetItem(f"{when}  ·  {backup.kind.label}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._check_selected)
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
        if item is None:
            self.restore_button.setEnabled(False)
            return
        path = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        try:
            if same_file(path, self.db_path):  # refused before the window closes for the restore, not after
                raise StoreError(f"{path.name} is the data CoPDesk has open now; choose a backup of it.")
            verify_restorable(path, self.latest_version)
        except StoreError as exc:
            self.status.setText(f"Cannot restore this one: {exc.message}")
            self.restore_button.setEnabled(False)
            return
        self.status.setText(f"{path.name} checks out and can be restored.")
        self.restore_button.setEnabled(True)

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.restore_button.isEnabled():
            self.chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()
