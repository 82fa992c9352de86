"""File ▸ Team members: the team's name and roster, with each person's role and whether they still attend.

Every change is saved when it is made, through :mod:`copdesk.services.teams` and the window's write guard:
names are cleaned and must be unique on the team (casefolded), so a refused edit shows its one-line reason and
changes nothing. Nobody is deleted:
someone who leaves is made inactive, which stops them being offered when a session starts while their past
attendance, tallies and actions stay in the records. :attr:`TeamMembersModel.changed` tells the window to
refresh its team list and the Prepare view.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)
from sqlite_utils import Database

from copdesk.core.model import Member, Role
from copdesk.core.text import MAX_NAME_LENGTH, InvalidName
from copdesk.services import teams as members
from copdesk.store import teams
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_team_members import Ui_TeamMembersDialog
from copdesk.views.widgets.forms import LimitedCellDelegate, hold_characters, may_leave, say_when_cut
from copdesk.views.widgets.labels import left_to_right
from copdesk.views.widgets.typed_words import TypedWords, being_typed, field_lines, keeps_typing
from copdesk.views.write_guard import KEPT_TYPED, WriteGuard

ModelIndex = QModelIndex | QPersistentModelIndex
REFUSALS = (InvalidName, ValueError)  # each says in one line why nothing changed
INACTIVE_MEANS = "Not offered when a session starts; their past sessions, tallies and actions are kept."


class MemberColumn(IntEnum):
    NAME = 0
    ROLE = 1
    ACTIVE = 2


_HEADERS = {MemberColumn.NAME: "Name", MemberColumn.ROLE: "Role", MemberColumn.ACTIVE: "Attends"}
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TeamMembersModel(QAbstractTableModel):
    """Everyone on one team, inactive people included, in name order; edits are saved through the team services."""

    refused = Signal(str)  # why an edit changed nothing, in one line
    changed = Signal()  # a member was added, renamed, given a role, or made (in)active

    def __init__(
        self, db: Database, team_id: int, parent: QObject | None = None, *, writes: WriteGuard | None = None
    ) -> None:
        """``writes`` is the window's guard (its banner says a refusal); a model on its own gets a guard of its own."""
        super().__init__(parent)
        self.db = db
        self.writes = writes if writes is not None else WriteGuard(self)
        self.team_id = team_id
        self._members: list[Member] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._members = teams.list_members(self.db, self.team_id, include_inactive=True)
        self.endResetModel()

    def members(self) -> list[Member]:
        return list(self._members)

    def member_at(self, row: int) -> Member:
        return self._members[row]

    def row_of(self, member_id: int) -> int:
        return next((row for row, member in enumerate(self._members) if member.id == member_id), -1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._members)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(MemberColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[MemberColumn(section)]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        column = MemberColumn(index.column())
        if role == MEMBER_ID_ROLE:
            return member.id
        if role == Qt.ItemDataRole.FontRole and not member.active:
            font = QFont()
            font.setItalic(True)
            return font
        if column is MemberColumn.NAME and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return member.display_name
        if column is MemberColumn.ROLE and role == Qt.ItemDataRole.DisplayRole:
            return member.role.label
        if column is MemberColumn.ROLE and role == Qt.ItemDataRole.EditRole:
            return member.role.value
        if column is MemberColumn.ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if member.active else Qt.CheckState.Unchecked
        if column is MemberColumn.ACTIVE and role == Qt.ItemDataRole.DisplayRole:
            return "Active" if member.active else "Inactive"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            status = "active" if member.active else f"inactive. {INACTIVE_MEANS}"
            return f"{member.display_name}, {member.role.label}, {status}"
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == MemberColumn.ACTIVE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return False
        member = self._members[index.row()]
        column = MemberColumn(index.column())
        if column is MemberColumn.ACTIVE and role == Qt.ItemDataRole.CheckStateRole:
            return self.set_active(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column is MemberColumn.NAME:
            if str(value) == member.display_name:
                return True  # an edit that changed nothing is not a change
            return self._save(lambda: members.rename_member(self.db, member.id, str(value)))
        if column is MemberColumn.ROLE:
            if str(value) == member.role.value:
                return True
            return self._save(lambda: members.set_member_role(self.db, member.id, Role(str(value))))
        return False

    def set_active(self, row: int, active: bool) -> bool:
        member = self._members[row]
        if member.active == active:
            return True
        return self._save(lambda: members.set_member_active(self.db, member.id, active))

    def add_member(self, name: str, role: Role, now: datetime) -> Member | None:
        """Add someone to the team (active); ``None`` (and :attr:`refused`) when the name is refused."""
        added: list[Member] = []

        def add() -> None:
            added.append(members.add_member(self.db, self.team_id, name, role, now))

        return added[0] if self._save(add) else None

    def _save(self, write: Callable[[], object]) -> bool:
        """One edit through the write guard; a refused name or a refused write says why, and nothing changed."""
        try:
            saved = self.writes.run(write, kept="Nothing changed; make the edit again once it can be saved.")
        except REFUSALS as error:
            self.refused.emit(str(error))
            return False
        if saved is None:
            self.refused.emit(self.writes.message)
            return False
        self.reload()  # a rename can move the row; the view finds it again by id
        self.changed.emit()
        return True


class RoleDelegate(QStyledItemDelegate):
    """Roles are chosen from the list CoPDesk knows, never typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Role")
        for role in Role:
            combo.addItem(role.label, role.value)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TeamMembersDialog(QDialog):
    """``changed`` fires after every saved change (the team's name included)."""

    changed = Signal()

    def __init__(self, context: AppContext, team_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_TeamMembersDialog()
        self.ui.setupUi(self)
        self.context = context
        self.team_id = team_id
        self.model = TeamMembersModel(context.db, team_id, self, writes=context.writes)
        self.model.refused.connect(self._refused)
        self.model.changed.connect(self._saved)
        ui = self.ui
        self.team_name_edit, self.rename_team_button = ui.teamNameEdit, ui.renameTeamButton
        self.table, self.error_label, self.active_button = ui.teamMembersTable, ui.teamMembersError, ui.activeButton
        self.new_name_edit, self.new_role_combo, self.add_button = ui.newNameEdit, ui.newRoleCombo, ui.addButton
        self.team_name = teams.get_team(context.db, team_id).name  # as saved
        self.team_name_edit.setText(self.team_name)
        hold_characters(self.team_name_edit, MAX_NAME_LENGTH)
        say_when_cut(self.team_name_edit, self._refused)
        self.team_name_edit.returnPressed.connect(self.rename_team)
        self.rename_team_button.clicked.connect(self.rename_team)

        self.table.setModel(self.model)
        keeps_typing(self.table, MemberColumn.NAME)  # a name being changed, at a log-off (typed_words)
        self.table.setItemDelegateForColumn(MemberColumn.ROLE, RoleDelegate(self.table))
        name_cell = LimitedCellDelegate(self.table, "Member name", MAX_NAME_LENGTH, self.error_label.setText)
        self.table.setItemDelegateForColumn(MemberColumn.NAME, name_cell)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(MemberColumn.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(MemberColumn.ROLE, QHeaderView.ResizeMode.ResizeToContents)
        # Wide enough for either word, whichever the rows hold now: a member made inactive is never cut to "Inacti…".
        header.setSectionResizeMode(MemberColumn.ACTIVE, QHeaderView.ResizeMode.Fixed)
        self.table.ensurePolished()  # the stylesheet's font, not the default one
        italic = QFont(self.table.font())
        italic.setItalic(True)
        box = self.table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        words = max(QFontMetrics(italic).horizontalAdvance(word) for word in ("Active", "Inactive"))
        header.resizeSection(MemberColumn.ACTIVE, max(words + box + 24, header.sectionSizeHint(MemberColumn.ACTIVE)))
        self.table.selectionModel().currentRowChanged.connect(self._update_active_button)

        hold_characters(self.new_name_edit, MAX_NAME_LENGTH)
        say_when_cut(self.new_name_edit, self._refused)
        self.new_name_edit.returnPressed.connect(self.add_member)
        for role in Role:
            self.new_role_combo.addItem(role.label, role.value)
        self.new_role_combo.setCurrentIndex(self.new_role_combo.findData(Role.PRACTITIONER.value))
        self.add_button.clicked.connect(self.add_member)
        self.active_button.clicked.connect(self.toggle_active)
        ui.closeButton.clicked.connect(self.accept)
        if self.model.rowCount():
            self.table.selectRow(0)
        self._update_active_button()

    # -- the team's name ------------------------------------------------------------------------
    def rename_team(self) -> bool:
        current = teams.get_team(self.context.db, self.team_id)
        if self.team_name_edit.text() == current.name:
            return True
        team_id, name = self.team_id, self.team_name_edit.text()
        try:
            saved = self.context.writes.run(
                lambda: members.rename_team(self.context.db, team_id, name),
                key=("rename team", team_id),
                kept=KEPT_TYPED,
            )
        except REFUSALS as error:
            self._refused(str(error))
            return False
        if saved is None:
            self._refused(self.context.writes.message)
            return False
        self.team_name = saved.value.name
        self.team_name_edit.setText(self.team_name)
        self._saved()
        return True

    def done(self, result: int) -> None:
        """Close, Esc or the title bar: a changed team name or a new member's name typed and never saved is left
        behind only when the facilitator says so (everything else is saved as it is made)."""
        if may_leave(self, self.typed_words()):
            super().done(result)

    def typed_words(self) -> TypedWords | None:
        """What is typed and not yet saved (:mod:`copdesk.views.widgets.typed_words`): the team's name once changed,
        a new member's name, and a name being changed in the list. The rest is saved as it is made."""
        typed_name = self.team_name_edit.text()
        new_name = self.new_name_edit.text()
        fields = [
            ("Team name", "" if typed_name == self.team_name else typed_name),
            ("New member", f"{new_name}, {self.new_role_combo.currentText()}" if new_name.strip() else ""),
            *self._names_being_changed(),
        ]
        lines = field_lines(fields)
        return TypedWords(self.windowTitle(), lines) if lines else None

    def _names_being_changed(self) -> list[tuple[str, str]]:
        """The name in the list's editor, open and changed, as ("New name for <saved name>", typed)."""
        typing = being_typed(self.table)
        if typing is None or not 0 <= typing[0] < self.model.rowCount():
            return []
        saved = self.model.member_at(typing[0]).display_name
        return [] if typing[1] == saved else [(f"New name for {saved}", typing[1])]

    # -- members ----------------------------------------------------------------------------------
    def add_member(self) -> Member | None:
        role = Role(self.new_role_combo.currentData())
        member = self.model.add_member(self.new_name_edit.text(), role, self.context.now())
        if member is not None:
            self.new_name_edit.clear()
            self._select(member.id)
        return member

    def current_member(self) -> Member | None:
        row = self.table.currentIndex().row()
        return self.model.member_at(row) if 0 <= row < self.model.rowCount() else None

    def toggle_active(self) -> bool:
        member = self.current_member()
        if member is None:
            self._refused("Choose someone in the list first.")
            return False
        saved = self.model.set_active(self.model.row_of(member.id), not member.active)
        self._select(member.id)
        return saved

    def rename_member(self, member_id: int, name: str) -> bool:
        """What double-clicking a name and typing does, for keyboard-free use and tests."""
        index = self.model.index(self.model.row_of(member_id), MemberColumn.NAME)
        saved = self.model.setData(index, name, Qt.ItemDataRole.EditRole)
        self._select(member_id)
        return saved

    def _select(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, MemberColumn.NAME))
        self._update_active_button()

    def _update_active_button(self) -> None:
        member = self.current_member()
        self.active_button.setEnabled(member is not None)
        self.active_button.setText(
            "Make &active again" if member is not None and not member.active else "Make &inactive"
        )

    # -- feedback -----------------------------------------------------------------------------------
    def _refused(self, message: str) -> None:
        self.error_label.setText(left_to_right(message))

    def _saved(self) -> None:
        self.error_label.clear()
        self._update_active_button()
        self.changed.emit()
