"""The keyboard help overlay (F1 or ?): every shortcut the window answers to, read from the window itself.

Rows come from the window's QActions, QShortcuts and buttons with a key of their own (not only the Alt + letter
their caption underlines) at the moment the overlay opens, so a shortcut added by any pane appears without anyone
updating a list here.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QFrame, QHeaderView, QWidget

from copdesk.views.forms.ui_shortcut_help import Ui_ShortcutHelp
from copdesk.views.widgets.whole_rows import WholeRows

UNNAMED = "Shortcut"  # a key nobody described: listed on its own row, never merged with another


class HelpColumn(IntEnum):
    KEYS = 0
    WHAT = 1


def _keys_text(sequences: list[QKeySequence]) -> str:
    return " or ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences if not s.isEmpty())


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for every action and shortcut of ``window`` that has keys, without repeats.

    Keys that do one thing between them share a row: the tally keys, which share one description, read "1 to 9".
    The window's own keys come first, then each pane's together (a description starting "Questions: ")."""
    found: list[tuple[str, str]] = []
    for action in window.findChildren(QAction):
        keys = _keys_text(action.shortcuts())
        if keys and not _in_a_dialog(action, window):
            what = action.whatsThis() or action.text().replace("&", "").rstrip("…")
            found.append((keys, what))
    for shortcut in window.findChildren(QShortcut):
        keys = _keys_text([shortcut.key()])
        if keys and not _in_a_dialog(shortcut, window):
            found.append((keys, shortcut.whatsThis() or shortcut.objectName() or UNNAMED))
    for button in window.findChildren(QAbstractButton):
        key = button.shortcut()
        keys = _keys_text([key]) if key != QKeySequence.mnemonic(button.text()) else ""
        if keys and not _in_a_dialog(button, window):
            found.append((keys, button.whatsThis() or button.accessibleName() or UNNAMED))
    by_what: dict[tuple[str, str], list[str]] = {}
    for keys, what in dict.fromkeys(found):
        group = (what, keys if what == UNNAMED else "")  # an undescribed key keeps a row of its own
        by_what.setdefault(group, []).append(keys)
    rows = [(_joined(keys), what) for (what, _own), keys in by_what.items()]
    return sorted(rows, key=lambda row: _pane(row[1]))  # stable: each group keeps the window's order


def _in_a_dialog(item: QObject, window: QWidget) -> bool:
    """Whether ``item`` belongs to a dialog the window keeps (its keys work only there), rather than the window."""
    parent = item.parent()
    while parent is not None and parent is not window:
        if isinstance(parent, QDialog):
            return True
        parent = parent.parent()
    return False


def _joined(keys: list[str]) -> str:
    """The keys of one row: "1 to 9" for a run of three or more digit keys in order, else with "or" between."""
    digits = [int(key) for key in keys if len(key) == 1 and key.isdigit()]
    if len(digits) == len(keys) >= 3 and digits == list(range(digits[0], digits[0] + len(digits))):
        return f"{digits[0]} to {digits[-1]}"
    return " or ".join(keys)


def _pane(what: str) -> str:
    """The pane a description names first ("Questions: the next question"), or "" for the window's own keys."""
    head, colon, _rest = what.partition(": ")
    return head if colon and " " not in head else ""


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
        self.whole_rows = WholeRows(self.table)  # on a laptop the list scrolls: its foot is a whole row, never half
        self.ui.cardLayout.insertWidget(self.ui.cardLayout.indexOf(self.ui.closeHint), self.whole_rows, 1)
        window.installEventFilter(self)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.open()

    def open(self) -> None:
        self.model.set_rows(shortcut_rows(self._window))
        self.whole_rows.show_rows(1, self.model.rowCount())
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
