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
    QComboBox,
    QDialog,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
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
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import SegmentPhase, SessionKind
from copdesk.core.text import MAX_NAME_LENGTH
from copdesk.services.calendar import save_agenda
from copdesk.store import agendas
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_agenda_editor import Ui_AgendaEditorDialog
from copdesk.views.widgets.forms import LimitedCellDelegate, unsaved_settled
from copdesk.views.widgets.typed_words import TypedWords, being_typed, keeps_typing


class Column(IntEnum):
    NAME = 0
    PHASE = 1
    MINUTES = 2


_HEADERS = {Column.NAME: "Segment", Column.PHASE: "Purpose", Column.MINUTES: "Minutes"}
NEW_SEGMENT = "New segment"  # an added segment's name, until the facilitator types one


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
        self.ui = Ui_AgendaEditorDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(f"Agenda templates: {team_name}")
        self.context, self.team_id, self.shipped = context, team_id, shipped
        ui = self.ui
        self.kind_combo, self.source_label, self.table = ui.kindCombo, ui.sourceLabel, ui.agendaTable
        self.total_label, self.error_label, self.save_button = ui.totalLabel, ui.errorLabel, ui.saveButton
        # Only the types the facilitator runs to an agenda: a Spotlight, Themed or TM/SSW session is run by others, and
        # starts with no agenda of the team's, so an edit of one would never be used.
        kinds = [each for each in SessionKind if not shipped_texts().is_attended(each)]
        for each in kinds:
            self.kind_combo.addItem(each.label, each.value)
        kind = kind if kind in kinds else kinds[0]
        self.model = TemplateSegmentsModel(shipped[kind])
        self._loaded = (kind, shipped[kind])  # the kind shown and its agenda as last loaded or saved
        self.table.setModel(self.model)
        keeps_typing(self.table, Column.NAME)  # a segment's name being typed, at a log-off (typed_words)
        self.table.setItemDelegateForColumn(Column.PHASE, PhaseDelegate(self.table))
        name_cell = LimitedCellDelegate(self.table, "Segment name", MAX_NAME_LENGTH, self.error_label.setText)
        self.table.setItemDelegateForColumn(Column.NAME, name_cell)
        self.table.horizontalHeader().setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        ui.addButton.clicked.connect(self.add)
        ui.removeButton.clicked.connect(self.remove)
        ui.moveUpButton.clicked.connect(lambda: self.move_selected(-1))
        ui.moveDownButton.clicked.connect(lambda: self.move_selected(1))
        ui.resetButton.clicked.connect(self.reset_to_shipped)
        ui.cancelButton.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.model.refused.connect(self.error_label.setText)
        self.model.changed.connect(self.error_label.clear)  # an edit taken: an earlier refusal no longer stands
        self.model.changed.connect(self._show_total)
        self.kind_combo.currentIndexChanged.connect(self._kind_chosen)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self._load_kind()

    @property
    def kind(self) -> SessionKind:
        return SessionKind(self.kind_combo.currentData())

    def _load_kind(self) -> None:
        own = agendas.team_template(self.context.db, self.team_id, self.kind)
        self.model.set_template(own if own is not None else self.shipped[self.kind])
        self._loaded = (self.kind, self.model.template)

    @property
    def dirty(self) -> bool:
        """Whether the agenda shown has edits not saved."""
        return self.model.template != self._loaded[1]

    def typed_words(self) -> TypedWords | None:
        """The agenda shown, once a segment's name in it is typed and not saved, one being typed included
        (:mod:`copdesk.views.widgets.typed_words`): one segment to a line, as the table lists it. An agenda only
        reordered, re-timed, cut or reset holds no words of the facilitator's: those edits are left, as choices are.
        """
        kind, segments = self._loaded[0], self.model.template.segments
        names = [segment.name for segment in segments]
        typing = being_typed(self.table)
        if typing is not None and 0 <= typing[0] < len(names):
            names[typing[0]] = typing[1]
        # Names nobody typed: those loaded or shipped, the added segment's, and a name cleared or only spaced.
        untyped = {
            "",
            NEW_SEGMENT,
            *(segment.name for segment in (*self._loaded[1].segments, *self.shipped[kind].segments)),
        }
        if all(name.strip() in untyped for name in names):
            return None
        lines = (
            f"{name} · {segment.phase.value.capitalize()} · {segment.minutes} min"
            for name, segment in zip(names, segments, strict=True)
        )
        return TypedWords(self.windowTitle(), "\n".join([f"{kind.label} agenda:", *lines]))

    def _kind_chosen(self) -> None:
        """Another type chosen: the edits to the one shown are offered for saving first, never dropped unasked."""
        shown = self._loaded[0]
        if self.dirty and not self._settle_edits(f"Save the changes to the {shown.label} agenda first?"):
            self.kind_combo.blockSignals(True)  # Cancel: back to the type being edited, edits as they were
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(shown.value))
            self.kind_combo.blockSignals(False)
            return
        self._load_kind()

    def _settle_edits(self, question: str) -> bool:
        """Ask about unsaved edits: True once saved or discarded, False to stay (Cancel, or a save refused)."""
        return unsaved_settled(self, "Unsaved agenda", question, lambda: self._save_shown(self._loaded[0]))

    def reject(self) -> None:
        """Close (Cancel, Esc or the title bar): unsaved edits are offered for saving first."""
        if self.dirty and not self._settle_edits(f"Save the changes to the {self._loaded[0].label} agenda?"):
            return
        super().reject()

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
        if self.model.apply(lambda: add_segment(self.model.template, NEW_SEGMENT, SegmentPhase.REFLECTION, 5, at=at)):
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
        """Keep the agenda (one the same as the shipped template is no edit: the team's copy is forgotten) and
        close; a refusal leaves the editor open with the agenda as edited."""
        if self._save_shown(self.kind):
            self.accept()

    def _save_shown(self, kind: SessionKind) -> bool:
        template, shipped, now = self.model.template, self.shipped.get(kind), self.context.now()
        try:
            saved = self.context.writes.run(
                lambda: save_agenda(self.context.db, self.team_id, template, shipped, now),
                key=("agenda", self.team_id, kind),
                kept="The agenda is still in the editor as you left it.",
            )
        except TemplateError as error:
            self.error_label.setText(str(error))
            return False
        if saved is None:
            self.error_label.setText(self.context.writes.message)
            return False
        self._loaded = (kind, template)
        self.saved.emit(kind.value)
        return True
