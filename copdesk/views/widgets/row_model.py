"""A table model over a list of plain records, described by named columns and roles.

The notes pane and the Prepare view list actions, issues, mentions and escalations. Each list is a
:class:`RowTableModel` with its own columns, so every one is a real ``QAbstractTableModel`` that tests
can read through its roles without a widget, and none repeats the Qt plumbing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

ModelIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
# Readable on the light and on the dark panel alike, so a model needs no theme.
ALERT_COLOUR = QColor("#d2453c")


def _never(_row: object) -> bool:
    return False


@dataclass(frozen=True)
class Column(Generic[Row]):
    """``text`` is what the cell shows; ``spoken`` (default: the text) is its tooltip and accessible text.

    ``alert`` marks a cell to highlight (overdue, flagged); ``struck`` one that no longer applies.
    """

    title: str
    text: Callable[[Row], str]
    spoken: Callable[[Row], str] | None = None
    alert: Callable[[Row], bool] = _never
    struck: Callable[[Row], bool] = _never


class RowTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        roles: Mapping[int, Callable[[Row], Any]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._roles = dict(roles)
        self._rows: list[Row] = []
        self._commits: dict[int, Callable[[Row, str], Row | None]] = {}

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def edit_column(self, column: int, commit: Callable[[Row, str], Row | None]) -> None:
        """Let ``column``'s cells be edited in place. ``commit`` saves the words typed into a row's cell and returns
        the row as it now is, or ``None`` when nothing was saved (it has said why); the cell keeps what it showed."""
        self._commits[column] = commit

    def replace_row(self, position: int, row: Row) -> None:
        """One row changed in place (its selection and the rest of the list stay as they are)."""
        self._rows[position] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.columns) - 1))

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() in self._commits else flags

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        commit = self._commits.get(index.column())
        if commit is None or role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        saved = commit(self._rows[index.row()], str(value))
        if saved is None:
            return False
        self.replace_row(index.row(), saved)
        return True

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.text(row)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return (column.spoken or column.text)(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.alert(row):
            return ALERT_COLOUR
        if role == Qt.ItemDataRole.FontRole and (column.alert(row) or column.struck(row)):
            font = QFont()
            font.setBold(column.alert(row))
            font.setStrikeOut(column.struck(row))
            return font
        getter = self._roles.get(role)
        return getter(row) if getter is not None else None
