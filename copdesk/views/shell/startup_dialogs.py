"""The questions CoPDesk asks as it starts, when the database cannot simply be opened.

Each dialog is an ordinary QDialog whose answer is an attribute, so tests show it, click a button
and read the answer, without a blocking ``exec()``. :class:`GuiStartupPrompts` is what
:func:`copdesk.startup.claim_location` and :func:`copdesk.startup.open_claimed` talk to in the real app.

This module loads before the window's frame paints, and most starts ask nothing, so each dialog loads its form
(a generated module that names dozens of Qt classes, each made on first use) only when it is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from copdesk.core.date_names import short_date_time
from copdesk.paths import DATABASE_FILENAME, asset_dir, user_settings
from copdesk.startup import DamageChoice

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from copdesk.store.backup_catalogue import BackupFile


def _diagnosis(message: str) -> str:
    """The store's message without its closing advice, which is for the command line: here the buttons advise."""
    for advice in (" Restore a backup", " Choose another file"):
        message = message.partition(advice)[0]
    return message


class DamagedDatabaseDialog(QDialog):
    """The database is damaged or not a database: restore the newest verified backup, start fresh, or quit."""

    def __init__(self, message: str, backup: BackupFile | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from copdesk.views.forms.ui_damaged_database import Ui_DamagedDatabaseDialog  # a rare dialog: see module doc

        self.ui = Ui_DamagedDatabaseDialog()
        self.ui.setupUi(self)
        self.choice = DamageChoice.QUIT
        ui = self.ui
        self.message_label, self.plan_label, self.fresh_button = ui.messageLabel, ui.planLabel, ui.freshButton
        self.message_label.setText(_diagnosis(message))
        if backup is not None:
            taken = backup.taken_at.astimezone()
            when = short_date_time(taken)
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
        self.plan_label.setText(plan)
        ui.quitButton.clicked.connect(self.reject)
        self.fresh_button.clicked.connect(lambda: self._choose(DamageChoice.START_FRESH))
        self.restore_button: QPushButton | None = ui.restoreButton
        if backup is None:  # nothing to restore: starting empty is the way on
            ui.buttonRow.removeWidget(ui.restoreButton)
            ui.restoreButton.hide()
            ui.restoreButton.deleteLater()
            self.restore_button = None
            self.fresh_button.setProperty("primary", True)
            self.fresh_button.setDefault(True)
        else:
            ui.restoreButton.clicked.connect(lambda: self._choose(DamageChoice.RESTORE_BACKUP))

    def _choose(self, choice: DamageChoice) -> None:
        self.choice = choice
        self.accept()


class DataLocationDialog(QDialog):
    """The data folder is missing and cannot be made, or is read-only: choose another folder, or quit."""

    def __init__(self, message: str, current: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from copdesk.views.forms.ui_data_location import Ui_DataLocationDialog  # a rare dialog: see module doc

        self.ui = Ui_DataLocationDialog()
        self.ui.setupUi(self)
        self.current = current
        self.chosen: Path | None = None
        self.message_label = self.ui.messageLabel
        self.message_label.setText(message)
        self.ui.quitButton.clicked.connect(self.reject)
        self.ui.chooseButton.clicked.connect(self.choose_folder)

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
        self._themed(dialog)
        dialog.exec()
        return dialog.chosen

    def already_open(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # here, not above: the app imports this module before its window

        self._tell(QMessageBox.Icon.Information, "CoPDesk is already open", message)

    def database_damaged(self, message: str, backup: BackupFile | None) -> DamageChoice:
        dialog = DamagedDatabaseDialog(message, backup, self.parent)
        self._themed(dialog)
        dialog.exec()
        return dialog.choice

    def cannot_open(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self._tell(QMessageBox.Icon.Critical, "CoPDesk cannot open its data", message)

    def _tell(self, icon: QMessageBox.Icon, title: str, message: str) -> None:
        """A message with its OK button named (:class:`MessageBox`), where Qt's own left it without a name."""
        from PySide6.QtWidgets import QMessageBox

        from copdesk.views.widgets.forms import MessageBox

        box = MessageBox(icon, title, message, QMessageBox.StandardButton.Ok, self.parent)
        self._themed(box)
        box.exec()

    def _themed(self, dialog: QWidget) -> None:
        """A question asked before the window exists takes the theme itself (the window's dialogs take it from the
        window): without it, its heading was plain text and its buttons the system's, unlike every other dialog."""
        if self.parent is not None:
            return
        from copdesk.views.widgets import theme

        theme.apply(dialog, asset_dir("resources"), str(user_settings().value(theme.SETTING, theme.LIGHT)))
