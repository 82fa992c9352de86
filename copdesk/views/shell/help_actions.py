"""The Help menu's own windows: Resources and contacts, What a CoP is (the card to share at the start), and About.

Each is built when first asked for, so the window's first paint does not wait for them. The card is a window of
its own (parented to the main window only so it closes with it), holding nothing but the masterclass's words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from copdesk.views.context import AppContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from copdesk.views.shell.resources_dialog import ResourcesDialog
    from copdesk.views.shell.what_a_cop_is import WhatACopIsCard


class HelpActions:
    def __init__(self, context: AppContext, window: QWidget) -> None:
        self.context, self.window = context, window
        self.resources_dialog: ResourcesDialog | None = None
        self.card: WhatACopIsCard | None = None
        self.about_box: QMessageBox | None = None
        self.resources_action = QAction("&Resources and contacts…", window)
        self.resources_action.triggered.connect(self.open_resources)
        self.card_action = QAction("&What a CoP is…", window)
        self.card_action.triggered.connect(self.show_what_a_cop_is)
        self.about_action = QAction("&About CoPDesk", window)
        self.about_action.triggered.connect(self.about)

    def add_to(self, menu: QMenu) -> None:
        menu.addActions([self.resources_action, self.card_action, self.about_action])

    def open_resources(self) -> ResourcesDialog:
        """One dialog for the window's life: opened again, it shows an edit still waiting for Retry, and a Retry
        saves what it shows."""
        from copdesk.views.shell.resources_dialog import ResourcesDialog

        if self.resources_dialog is None:
            self.resources_dialog = ResourcesDialog(self.context, self.window)
        self.resources_dialog.open()
        return self.resources_dialog

    def show_what_a_cop_is(self) -> WhatACopIsCard:
        from copdesk.views.shell.what_a_cop_is import WhatACopIsCard

        if self.card is None:
            self.card = WhatACopIsCard(self.window)
        self.card.show()
        self.card.raise_()
        self.card.activateWindow()
        return self.card

    def about(self) -> QMessageBox:
        """Qt's own About box, made here so that its OK button has a name (:class:`MessageBox`)."""
        from PySide6.QtWidgets import QMessageBox

        from copdesk import __version__
        from copdesk.views.widgets.forms import MessageBox

        box = self.about_box = MessageBox(
            QMessageBox.Icon.NoIcon,
            "About CoPDesk",
            f"CoPDesk {__version__} helps a Senior Social Worker facilitate their team's Community of Practice.\n\n"
            f"Your data stays on this computer, in {self.context.db_path}.",
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setIconPixmap(self.window.windowIcon().pixmap(64))
        box.button(QMessageBox.StandardButton.Ok).setAccessibleName("OK: close About CoPDesk")
        box.open()
        return box
