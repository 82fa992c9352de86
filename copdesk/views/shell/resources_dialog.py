"""Help ▸ Resources and contacts: the masterclass's resources and mailboxes, kept up to date by the facilitator.

Each entry says whose words each of its cells is ("Masterclass, Resources"; a cell once edited, "Added or edited by
you").
Double-click a cell (or F2) to edit it; every change is saved at once through the window's write guard. CoPDesk
never opens a link or fetches anything: Copy puts the selected entry on the clipboard.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.contacts import YOURS, ContactEntry, ContactError, edited
from copdesk.core.masterclass import shipped_texts
from copdesk.services.contacts import reset_contacts, save_contacts
from copdesk.store.contacts import contact_entries
from copdesk.views.context import AppContext
from copdesk.views.widgets.labels import hint_label, message_label, show_message
from copdesk.views.widgets.typed_words import TypedWords, field_lines
from copdesk.views.write_guard import KEPT_TYPED

HEADERS = ("Name", "Address, or where to find it", "What it is for", "Source")
EDITABLE_COLUMNS = 3
TITLE = "Resources and contacts"
NEW_ENTRY = ContactEntry("New entry", "", "", YOURS)  # what Add puts in the list, for the facilitator to fill


class ResourcesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resourcesDialog")
        self.setWindowTitle(TITLE)
        self.context = context
        self.entries: list[ContactEntry] = []
        layout = QVBoxLayout(self)
        heading = QLabel(TITLE)
        heading.setProperty("role", "heading")
        layout.addWidget(heading)
        layout.addWidget(
            hint_label(
                "The resources and contacts the masterclass gives. Mailboxes and links change: double-click to edit "
                "an entry, add your own, or go back to the masterclass's list. CoPDesk never opens links or goes "
                "online: Copy puts an entry on the clipboard, to paste into Outlook or a browser."
            )
        )
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("resourcesTable")
        self.table.setAccessibleName(TITLE)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Interactive,) * 2 + (QHeaderView.ResizeMode.Stretch,)):
            header.setSectionResizeMode(column, mode)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        for column, width in ((0, 200), (1, 395), (3, 200)):
            self.table.setColumnWidth(column, width)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # Rows follow the width of their words, so the width must never follow the rows: a scroll bar that came and
        # went with their height would narrow the words, heighten the rows, and so on without end (a frozen window).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.itemChanged.connect(self._cell_edited)
        layout.addWidget(self.table, 1)
        self.message = message_label()
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.copy_button = self._button("&Copy", "Copy the selected entry to the clipboard", self.copy_selected, row)
        self.add_button = self._button("&Add", "Add an entry of your own", self.add_entry, row)
        self.remove_button = self._button("&Remove", "Remove the selected entry", self.remove_selected, row)
        row.addStretch(1)
        self.reset_button = self._button(
            "Back to the &masterclass's list", "Go back to the masterclass's resources and contacts", self.reset, row
        )
        self._button("Close", "Close resources and contacts", self.accept, row)
        layout.addLayout(row)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table, self.copy_selected)
        self.load()
        self.resize(1100, 520)

    def showEvent(self, event: QShowEvent) -> None:
        """Rows are as tall as their wrapped words at the width the dialog really has."""
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    @staticmethod
    def _button(text: str, accessible: str, slot: object, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def load(self) -> None:
        self.entries = contact_entries(self.context.db)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            for column, text in enumerate((entry.title, entry.detail, entry.what_for, entry.source)):
                item = QTableWidgetItem(text)
                if column >= EDITABLE_COLUMNS:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()
        if self.entries:
            self.table.selectRow(0)

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def copy_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            show_message(self.message, "Select the entry to copy.", error=True)
            return
        QGuiApplication.clipboard().setText(self.entries[row].for_clipboard())
        show_message(self.message, f"Copied: {self.entries[row].for_clipboard()}", error=False)

    def add_entry(self) -> None:
        self._save([*self.entries, NEW_ENTRY], select=len(self.entries))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._save([entry for index, entry in enumerate(self.entries) if index != row], select=max(row - 1, 0))

    def reset(self) -> None:
        if self.context.writes.run(lambda: reset_contacts(self.context.db), retry=self.reset) is not None:
            self.load()
            show_message(self.message, "Back to the masterclass's list.", error=False)

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        cells = [self.table.item(row, column) for column in range(EDITABLE_COLUMNS)]
        texts = [cell.text() if cell is not None else "" for cell in cells]
        try:
            changed = edited(self.entries[row], *texts, shipped=shipped_texts().contacts)
        except ContactError as error:
            show_message(self.message, str(error), error=True)
            return
        self._save(
            [changed if index == row else entry for index, entry in enumerate(self.entries)], select=row, shown=True
        )

    def _save(self, entries: list[ContactEntry], *, select: int, shown: bool = False) -> None:
        """Save the list. Refused (a full disk), it waits for Retry, holding the words typed in it and not stored (a
        log-off keeps them in a file); ``shown``: the list is an edit the table already shows."""
        try:
            saved = self.context.writes.run(
                lambda: save_contacts(self.context.db, entries),
                retry=lambda: self._save(entries, select=select),
                key=ResourcesDialog,
                kept=KEPT_TYPED,
                words=partial(self._typed_in, entries),  # read only should a log-off come first
            )
        except ContactError as error:
            show_message(self.message, str(error), error=True)
            return
        if saved is None:
            if shown:  # the edit is in the table: the next one builds on it, so Retry saves both
                self.entries = entries
            return
        self.load()
        if 0 <= select < self.table.rowCount():
            self.table.selectRow(select)
        show_message(self.message, "Saved.", error=False)

    def _typed_in(self, entries: list[ContactEntry]) -> TypedWords | None:
        """The entries in ``entries`` whose words are typed here and not stored, as a log-off keeps them in a file."""
        untyped = {entry.words for entry in (*contact_entries(self.context.db), NEW_ENTRY)}  # stored, or Add's
        typed = [entry for entry in entries if entry.words not in untyped]
        lines = (field_lines(zip(HEADERS[:EDITABLE_COLUMNS], entry.words, strict=True)) for entry in typed)
        return TypedWords(TITLE, "\n\n".join(lines)) if typed else None
