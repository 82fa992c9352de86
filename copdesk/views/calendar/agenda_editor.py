"""The agenda template editor: a team adds, removes, reorders and re-times the segments of each session type.

Edits go through the core template functions (``copdesk.core.agenda``), which refuse anything the timer could
not run, so a bad edit shows its one-line reason and changes nothing. Nothing is stored until Save; a template
saved equal to the shipped one simply removes the team's copy, so later improvements to the shipped agenda
reach the team again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.agenda import (
    AgendaSegment,
    AgendaTemplate,
    TemplateError,
    add_segment,
    make_segment,
    move_segment,
    remove_segment,
    retime_segment,
    validate_template,
)
from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.store import agendas
from copdesk.views.context import AppContext
from copdesk.views.widgets.labels import hint_label


class Column(IntEnum):
    NAME = 0
    PHASE = 1
    MINUTES = 2


_HEADERS = {Column.NAME: "Segment", Column.PHASE: "Purpose", Column.MINUTES: "Minutes"}


class TemplateSegmentsModel(QAbstractTableModel):
    """One row per segment; every edit replaces the (frozen) template or reports why it cannot."""

    refused = Signal(str)
    changed = Signal()

    def __init__(self, template: AgendaTemplate) -> None:
        super().__init__()
        self.template = template

    def set_template(self, template: AgendaTemplate) -> None:
        self.beginResetModel()
        self.template = template
        self.endResetModel()
        self.changed.emit()

    def apply(self, edit: Callable[[], AgendaTemplate]) -> bool:
        """Run a template edit; False (and the reason, through :attr:`refused`) when the core refuses it."""
        try:
            new = edit()
        except TemplateError as error:
            self.refused.emit(str(error))
            return False
        self.set_template(new)
        return True

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.template.segments)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[Column(section)]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        segment = self.template.segments[index.row()]
        column = Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column is Column.NAME:
                return segment.name
            if column is Column.PHASE:
                return segment.phase.value if role == Qt.ItemDataRole.EditRole else segment.phase.value.capitalize()
            return segment.minutes
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = index.row(), Column(index.column())
        if column is Column.MINUTES:
            try:
                minutes = int(str(value).strip())
            except ValueError:
                self.refused.emit(f"Minutes must be a whole number, not {str(value)[:20]!r}.")
                return False
            return self.apply(lambda: retime_segment(self.template, row, minutes))
        old = self.template.segments[row]
        name = str(value) if column is Column.NAME else old.name
        phase = str(value) if column is Column.PHASE else old.phase
        return self.apply(lambda: self._replace(row, make_segment(name, phase, old.minutes)))

    def _replace(self, row: int, segment: AgendaSegment) -> AgendaTemplate:
        segments = list(self.template.segments)
        segments[row] = segment
        return validate_template(replace(self.template, segments=tuple(segments)))


class PhaseDelegate(QStyledItemDelegate):
    """The purpose column is chosen from the phases the question picker understands, never typed."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Segment purpose")
        for phase in SegmentPhase:
            combo.addItem(phase.value.capitalize(), phase.value)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class AgendaEditorDialog(QDialog):
    saved = Signal(str)  # SessionKind value

    def __init__(
        self,
        context: AppContext,
        team_id: int,
        team_name: str,
        kind: SessionKind,
        shipped: Mapping[SessionKind, AgendaTemplate],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("agendaEditor")
        self.setWindowTitle(f"Agenda templates: {team_name}")
        self.setMinimumSize(640, 560)
        self.context, self.team_id, self.shipped = context, team_id, shipped
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        kind_label = QLabel("Session &type")
        top.addWidget(kind_label)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Session type")
        for each in SessionKind:
            self.kind_combo.addItem(each.label, each.value)
        kind_label.setBuddy(self.kind_combo)
        top.addWidget(self.kind_combo, 1)
        layout.addLayout(top)
        self.source_label = hint_label()
        layout.addWidget(self.source_label)
        self.model = TemplateSegmentsModel(shipped[kind])
        self.table = QTableView()
        self.table.setObjectName("agendaTable")
        self.table.setAccessibleName("Agenda segments")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.PHASE, PhaseDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            hint_label(
                "Double-click a name, purpose or minutes to change it; the team's agenda is used from the next session."
            )
        )
        self.total_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setProperty("level", "red")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error_label)
        row = QHBoxLayout()
        for text, name, slot in (
            ("&Add", "Add a segment after the selected one", self.add),
            ("&Remove", "Remove the selected segment", self.remove),
            ("Move &up", "Move the selected segment up", lambda: self.move_selected(-1)),
            ("Move &down", "Move the selected segment down", lambda: self.move_selected(1)),
            ("Re&set to shipped", "Reset to the shipped agenda", self.reset_to_shipped),
        ):
            row.addWidget(self._button(text, name, slot))
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self._button("Cancel", "Close without saving", self.reject))
        self.save_button = self._button("&Save", "Save this agenda for the team", self.save)
        self.save_button.setProperty("primary", True)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.model.refused.connect(self.error_label.setText)
        self.model.changed.connect(self._show_total)
        self.kind_combo.currentIndexChanged.connect(self._load_kind)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self._load_kind()

    @staticmethod
    def _button(text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        return button

    @property
    def kind(self) -> SessionKind:
        return SessionKind(self.kind_combo.currentData())

    def _load_kind(self) -> None:
        own = agendas.team_template(self.context.db, self.team_id, self.kind)
        self.model.set_template(own if own is not None else self.shipped[self.kind])
        self.error_label.clear()

    def _show_total(self) -> None:
        template = self.model.template
        self.total_label.setText(f"{len(template.segments)} segments, {template.total_minutes} min in all")
        about = self.shipped[self.kind].about
        own = agendas.team_template(self.context.db, self.team_id, self.kind) is not None
        copy = "Your team's copy of " if own else ""
        self.source_label.setText(f"{copy}{about.credit('suggested agenda')}. {about.text}" if about else "")
        self.source_label.setToolTip(self.source_label.text())

    def selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def add(self) -> None:
        row = self.selected_row()
        at = len(self.model.template.segments) if row is None else row + 1
        if self.model.apply(lambda: add_segment(self.model.template, "New segment", SegmentPhase.REFLECTION, 5, at=at)):
            self.select_row(at)
            self.table.edit(self.model.index(at, Column.NAME))

    def remove(self) -> None:
        row = self.selected_row()
        if row is not None and self.model.apply(lambda: remove_segment(self.model.template, row)):
            self.select_row(min(row, len(self.model.template.segments) - 1))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        target = row + step
        if 0 <= target < len(self.model.template.segments) and self.model.apply(
            lambda: move_segment(self.model.template, row, target)
        ):
            self.select_row(target)

    def reset_to_shipped(self) -> None:
        self.model.set_template(self.shipped[self.kind])
        self.error_label.clear()

    def save(self) -> None:
        template = self.model.template
        shipped = self.shipped[self.kind]
        if template.segments == shipped.segments and template.title == shipped.title:
            agendas.reset_team_template(self.context.db, self.team_id, self.kind)
        else:
            try:
                agendas.save_team_template(self.context.db, self.team_id, template, self.context.now())
            except TemplateError as error:
                self.error_label.setText(str(error))
                return
        self.saved.emit(self.kind.value)
        self.accept()
