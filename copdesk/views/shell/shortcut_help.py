"""The keyboard help overlay (F1 or ?): every shortcut the window answers to, read from the window itself.

Rows come from the window's QActions and QShortcuts at the moment the overlay opens, so a shortcut added by
any pane appears without anyone updating a list here.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QFrame, QHeaderView, QWidget

from copdesk.views.forms.ui_shortcut_help import Ui_ShortcutHelp


class HelpColumn(IntEnum):
    KEYS = 0
    WHAT = 1


def _keys_text(sequences: list[QKeySequence]) -> str:
    return " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and shortcut of ``window`` that has keys, without repeats."""
    rows: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = _keys_text(action.shortcuts())
        if keys:
            what = action.whatsThis() or action.text().replace("&", "").rstrip("…")
            rows.append((keys, what))
    for shortcut in window.findChildren(QShortcut):
        keys = _keys_text([shortcut.key()])
        if keys:
            rows.append((keys, shortcut.whatsThis() or shortcut.objectName() or "Shortcut"))
    return list(dict.fromkeys(rows))


class ShortcutModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HelpColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Keys", "What it does")[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.rows[index.row()][index.column()]
        return None


class ShortcutHelp(QFrame):
    """A dimmed layer over the window with the shortcut table; Esc, F1, ? or a click outside closes it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.ui = Ui_ShortcutHelp()
        self.ui.setupUi(self)
        self.card, self.table = self.ui.card, self.ui.shortcutTable
        self.model = ShortcutModel()
        self.table.setModel(self.model)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(HelpColumn.KEYS, QHeaderView.ResizeMode.ResizeToContents)
        window.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.open()

    def open(self) -> None:
        self.model.set_rows(shortcut_rows(self._window))
        self.setGeometry(self._window.rect())
        self.raise_()
        self.show()
        self.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self.isVisible():
            self.setGeometry(self._window.rect())
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1, Qt.Key.Key_Question):
            self.hide()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.card.geometry().contains(event.position().toPoint()):
            self.hide()
