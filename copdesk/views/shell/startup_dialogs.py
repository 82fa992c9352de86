"""The questions CoPDesk asks as it starts, when the database cannot simply be opened.

Each dialog is an ordinary QDialog whose answer is an attribute, so tests show it, click a button
and read the answer, without a blocking ``exec()``. :class:`GuiStartupPrompts` is what
:func:`copdesk.startup.claim_location` and :func:`copdesk.startup.open_claimed` talk to in the real app.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from copdesk.paths import DATABASE_FILENAME
from copdesk.startup import DamageChoice

if TYPE_CHECKING:
    from copdesk.store.backup_catalogue import BackupFile


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    label.setWordWrap(True)
    return label


def _body(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _diagnosis(message: str) -> str:
    """The store's message without its closing advice, which is for the command line: here the buttons advise."""
    for advice in (" Restore a backup", " Choose another file"):
        message = message.partition(advice)[0]
    return message


class _ChoiceDialog(QDialog):
    """A message and a row of buttons, each of which closes the dialog with its answer."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.content = QVBoxLayout(self)
        self.content.setSpacing(10)
        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)

    def add_button(self, caption: str, accessible: str, *, primary: bool = False) -> QPushButton:
        button = QPushButton(caption)
        button.setAccessibleName(accessible)
        if primary:
            button.setProperty("primary", True)
            button.setDefault(True)
        self.button_row.addWidget(button)
        return button

    def finish_layout(self) -> None:
        self.content.addStretch(1)
        self.content.addLayout(self.button_row)


class DamagedDatabaseDialog(_ChoiceDialog):
    """The database is damaged or not a database: restore the newest verified backup, start fresh, or quit."""

    def __init__(self, message: str, backup: BackupFile | None, parent: QWidget | None = None) -> None:
        super().__init__("CoPDesk's data is damaged", parent)
        self.choice = DamageChoice.QUIT
        self.content.addWidget(_heading("CoPDesk cannot open its data file"))
        self.message_label = _body(_diagnosis(message))
        self.content.addWidget(self.message_label)
        if backup is not None:
            when = backup.taken_at.astimezone().strftime("%d %b %Y at %H:%M")
            plan = (
                f"The newest backup that checks out was taken {when} ({backup.kind.label}). Restoring it brings "
                "back everything saved up to then. The damaged file is not deleted: it is moved, with its "
                "companion files, into the “quarantine” folder beside it."
            )
        else:
            plan = (
                "There is no backup to restore. CoPDesk can start again with an empty database; the damaged "
                "file is not deleted, but moved, with its companion files, into the “quarantine” folder beside it."
            )
        self.plan_label = _body(plan)
        self.content.addWidget(self.plan_label)
        quit_button = self.add_button("&Quit", "Quit without changing anything")
        quit_button.clicked.connect(self.reject)
        self.fresh_button = self.add_button("Start &empty", "Start with an empty database", primary=backup is None)
        self.fresh_button.clicked.connect(lambda: self._choose(DamageChoice.START_FRESH))
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = self.add_button("&Restore the backup", "Restore the newest backup", primary=True)
            self.restore_button.clicked.connect(lambda: self._choose(DamageChoice.RESTORE_BACKUP))
        self.finish_layout()

    def _choose(self, choice: DamageChoice) -> None:
        self.choice = choice
        self.accept()


class DataLocationDialog(_ChoiceDialog):
    """The data folder is missing and cannot be made, or is read-only: choose another folder, or quit."""

    def __init__(self, message: str, current: Path, parent: QWidget | None = None) -> None:
        super().__init__("Choose where CoPDesk keeps its data", parent)
        self.current = current
        self.chosen: Path | None = None
        self.content.addWidget(_heading("CoPDesk cannot use its data folder"))
        self.message_label = _body(message)
        self.content.addWidget(self.message_label)
        self.content.addWidget(
            _body(
                "Choose a folder on this computer that only you can use, not a shared, synced or network folder. "
                "CoPDesk will remember it (unless it was started with --db or COPDESK_DB)."
            )
        )
        quit_button = self.add_button("&Quit", "Quit without changing anything")
        quit_button.clicked.connect(self.reject)
        choose = self.add_button("&Choose a folder…", "Choose another folder for CoPDesk's data", primary=True)
        choose.clicked.connect(self.choose_folder)
        self.finish_layout()

    def choose_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = next((str(p) for p in [self.current.parent, *self.current.parents] if p.is_dir()), str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, "Folder for CoPDesk's data", start)
        if folder:
            self.chosen = Path(folder) / DATABASE_FILENAME
            self.accept()


class GuiStartupPrompts:
    """:class:`copdesk.startup.StartupPrompts` answered with dialogs, over ``parent`` once the window shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def location_refused(self, message: str, path: Path) -> Path | None:
        dialog = DataLocationDialog(message, path, self.parent)
        dialog.exec()
        return dialog.chosen

    def already_open(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # here, not above: the app imports this module before its window

        QMessageBox.information(self.parent, "CoPDesk is already open", message)

    def database_damaged(self, message: str, backup: BackupFile | None) -> DamageChoice:
        dialog = DamagedDatabaseDialog(message, backup, self.parent)
        dialog.exec()
        return dialog.choice

    def cannot_open(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(self.parent, "CoPDesk cannot open its data", message)
