"""Dialogs for looking after the data: restore a backup, delete old sessions, erase one member's data.

Nothing here deletes on a single click: each destructive button stays disabled until a box saying
what will happen is ticked, and each dialog first shows what would go. No second pop-up asks "are you
sure?", so the dialogs can be driven by tests without anything blocking.

The deletions are :mod:`copdesk.services.data_care`'s: they reach every copy and span many files, so they run
outside the write guard's single transaction, and a refusal is said in the dialog itself. A copy too damaged
to be cleaned is named there, with a button that deletes it (the data in it would otherwise stay).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.retention import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS
from copdesk.services import data_care
from copdesk.store.backup_catalogue import list_backups, verify_restorable
from copdesk.store.errors import StoreError
from copdesk.store.teams import list_members
from copdesk.views.context import AppContext

DEFAULT_RETENTION_MONTHS = 24


def _wrapping(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


def _buttons(dialog: QDialog, action: str, accessible: str) -> tuple[QHBoxLayout, QPushButton]:
    row = QHBoxLayout()
    row.addStretch(1)
    close = QPushButton("Close")
    close.setAccessibleName("Close this dialog")
    close.clicked.connect(dialog.reject)
    act = QPushButton(action)
    act.setAccessibleName(accessible)
    act.setProperty("primary", True)
    row.addWidget(close)
    row.addWidget(act)
    return row, act


class RestoreDialog(QDialog):
    """Pick a backup (or any file) that checks out; :attr:`chosen` is set on accept."""

    def __init__(self, db_path: Path, latest_version: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from a backup")
        self.setMinimumSize(620, 420)
        self.latest_version = latest_version
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapping(
                "Restoring replaces everything CoPDesk holds now with the chosen backup. The current data is "
                "backed up first (“before a restore”), so you can go back to it the same way."
            )
        )
        self.list = QListWidget()
        self.list.setAccessibleName("Backups, newest first")
        for backup in list_backups(db_path):
            when = backup.taken_at.astimezone().strftime("%a %d %b %Y, %H:%M")
            item = QListWidgetItem(f"{when}  ·  {backup.kind.label}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._check_selected)
        layout.addWidget(self.list, 1)
        self.empty_label = _wrapping(
            "No backups yet: CoPDesk makes one each time it starts after the data has changed. "
            "You can also choose a backup file you made with “copdesk-cli backup”.",
            "emptyState",
        )
        self.empty_label.setVisible(self.list.count() == 0)
        layout.addWidget(self.empty_label)
        self.status = _wrapping(role="hint")
        layout.addWidget(self.status)
        row, self.restore_button = _buttons(self, "&Restore", "Restore the selected backup")
        choose = QPushButton("Choose a &file…")
        choose.setAccessibleName("Choose a backup file")
        choose.clicked.connect(self.choose_file)
        row.insertWidget(0, choose)
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._accept_selected)
        layout.addLayout(row)
        if self.list.count():
            self.list.setCurrentRow(0)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Backup to restore", "", "CoPDesk backups (*.db);;All files (*)")
        if name:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> None:
        item = QListWidgetItem(f"{path.name}  ·  chosen file")
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        self.list.insertItem(0, item)
        self.empty_label.hide()
        self.list.setCurrentItem(item)

    def _check_selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.restore_button.setEnabled(False)
            return
        path = Path(str(item.data(Qt.ItemDataRole.UserRole)))
        try:
            verify_restorable(path, self.latest_version)
        except StoreError as exc:
            self.status.setText(f"Cannot restore this one: {exc.message}")
            self.restore_button.setEnabled(False)
            return
        self.status.setText(f"{path.name} checks out and can be restored.")
        self.restore_button.setEnabled(True)

    def _accept_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.restore_button.isEnabled():
            self.chosen = Path(str(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()


class RetentionDialog(QDialog):
    """Delete sessions older than N months, here and in the backups."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Delete old sessions")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapping(
                "Keep CoP records only as long as your team has agreed. Older sessions are deleted with their "
                "notes, participation and closed actions; open actions stay. The same sessions are removed from "
                "the backups, and backups older than the cut-off are deleted."
            )
        )
        form = QFormLayout()
        self.months = QSpinBox()
        self.months.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.months.setValue(DEFAULT_RETENTION_MONTHS)
        self.months.setSuffix(" months")
        self.months.setAccessibleName("Keep sessions for this many months")
        form.addRow("&Keep sessions for", self.months)
        layout.addLayout(form)
        self.preview = _wrapping()
        layout.addWidget(self.preview)
        self.confirm = QCheckBox("I understand that deleted sessions cannot be brought back")
        self.confirm.setAccessibleName("Confirm deleting old sessions")
        layout.addWidget(self.confirm)
        self.result_label = _wrapping(role="hint")
        layout.addWidget(self.result_label)
        row, self.delete_button = _buttons(self, "&Delete", "Delete the old sessions")
        self.delete_damaged = _damaged_button(row, self)
        layout.addLayout(row)
        self.months.valueChanged.connect(self.refresh)
        self.confirm.toggled.connect(self.refresh)
        self.delete_button.clicked.connect(self.delete)
        self.refresh()

    def refresh(self) -> None:
        report = data_care.preview_retention(self.context.db, self.months.value(), self.context.now())
        before = report.cutoff.astimezone().strftime("%d %b %Y")
        self.preview.setText(
            f"Sessions before {before}: {report.sessions}. Closed actions from then: {report.actions}. "
            f"Closed issues with nothing newer: {report.issues}."
        )
        self.delete_button.setEnabled(self.confirm.isChecked())

    def delete(self) -> None:
        try:
            report = data_care.apply_retention(
                self.context.db, self.context.db_path, self.months.value(), self.context.now()
            )
        except StoreError as exc:
            self.result_label.setText(exc.message)
            return
        self.confirm.setChecked(False)
        counts = report.counts.summary() if report.counts is not None else ""
        _say_outcome(self, self.result_label, f"Deleted: {counts}", report)
        self.refresh()
        self.changed.emit()


class EraseMemberDialog(QDialog):
    """Erase one member's participation data and their ownership of actions (the right to erasure)."""

    changed = Signal()

    def __init__(self, context: AppContext, team_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Erase a member's data")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            _wrapping(
                "When someone asks for their data to be erased: their contributions and attendance go, the actions "
                "they owned keep their text but lose the owner, and they leave the roster. Backups are cleaned the "
                "same way. The audit log records that an erasure happened, never the name."
            )
        )
        form = QFormLayout()
        self.member_combo = QComboBox()
        self.member_combo.setAccessibleName("Member to erase")
        for member in list_members(context.db, team_id, include_inactive=True):
            self.member_combo.addItem(member.display_name, member.id)
        form.addRow("&Member", self.member_combo)
        layout.addLayout(form)
        self.preview = _wrapping()
        layout.addWidget(self.preview)
        self.confirm = QCheckBox("I understand that this cannot be undone")
        self.confirm.setAccessibleName("Confirm erasing this member's data")
        layout.addWidget(self.confirm)
        self.result_label = _wrapping(role="hint")
        layout.addWidget(self.result_label)
        row, self.erase_button = _buttons(self, "&Erase", "Erase the selected member's data")
        self.delete_damaged = _damaged_button(row, self)
        layout.addLayout(row)
        self.member_combo.currentIndexChanged.connect(self.refresh)
        self.confirm.toggled.connect(self.refresh)
        self.erase_button.clicked.connect(self.erase)
        self.refresh()

    def refresh(self) -> None:
        member_id = self.member_combo.currentData()
        if member_id is None:
            self.preview.setText("Nobody is on this team's roster.")
            self.erase_button.setEnabled(False)
            return
        counts = data_care.preview_erasure(self.context.db, int(member_id))
        self.preview.setText(f"To erase: {counts.summary()}.")
        self.erase_button.setEnabled(self.confirm.isChecked())

    def erase(self) -> None:
        member_id = self.member_combo.currentData()
        if member_id is None:
            return
        try:
            counts = data_care.preview_erasure(self.context.db, int(member_id))
            report = data_care.erase_member(self.context.db, self.context.db_path, int(member_id), self.context.now())
        except StoreError as exc:
            self.result_label.setText(exc.message)
            return
        self.member_combo.removeItem(self.member_combo.currentIndex())
        self.confirm.setChecked(False)
        _say_outcome(self, self.result_label, f"Erased: {counts.summary()}", report)
        self.refresh()
        self.changed.emit()


class _CareDialog(Protocol):
    context: AppContext

    def adjustSize(self) -> None: ...

    delete_damaged: QPushButton
    result_label: QLabel


def _damaged_button(row: QHBoxLayout, dialog: QDialog) -> QPushButton:
    """Hidden until a copy could not be cleaned: then it deletes those copies and finishes the deletion."""
    button = QPushButton("Delete the &damaged copies")
    button.setAccessibleName("Delete the backups that could not be cleaned")
    button.hide()
    row.insertWidget(0, button)
    button.clicked.connect(lambda: _finish_deleting_damaged(dialog))  # type: ignore[arg-type]
    return button


def _say_outcome(dialog: _CareDialog, label: QLabel, done: str, report: data_care.CareReport[Any]) -> None:
    db_path = dialog.context.db_path
    if report.complete:
        label.setText(f"{done} · {report.copies_summary(db_path)}.")
        dialog.delete_damaged.hide()
    else:
        label.setText(
            f"{done}, in the database; not yet everywhere{report.problems(db_path)}. If nobody needs "
            "those files, delete them with “Delete the damaged copies”."
        )
        dialog.delete_damaged.show()
    dialog.adjustSize()  # the dialog grows to show the whole message


def _finish_deleting_damaged(dialog: _CareDialog) -> None:
    try:
        reports = data_care.finish_pending_care(
            dialog.context.db, dialog.context.db_path, dialog.context.now(), delete_damaged=True
        )
    except StoreError as exc:
        dialog.result_label.setText(exc.message)
        return
    deleted = sum(len(report.copies.deleted) for report in reports)
    dialog.result_label.setText(f"Finished: damaged copies deleted: {deleted}.")
    dialog.delete_damaged.hide()
