"""Dialogs for looking after the data: delete old sessions, erase one member's data (restoring a backup is
:mod:`copdesk.views.data_care.restore_dialog`).

Nothing here deletes on a single click: each destructive button stays disabled until a box saying
what will happen is ticked, and each dialog first shows what would go. No second pop-up asks "are you
sure?", so the dialogs can be driven by tests without anything blocking. Close is each dialog's default button:
Enter pressed in the box or on the tick closes the dialog, and never deletes nor erases.

The deletions run in a worker thread, and the dialog waits for them (:mod:`copdesk.views.data_care.care_dialog`).
What each would delete is counted in a worker thread too, as Delete old sessions lists every backup and Erase searches
every note of the team: nothing can be ticked until the count for the months or the member shown is there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QWidget
from sqlite_utils import Database

from copdesk.core.date_names import short_date
from copdesk.core.retention import MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS
from copdesk.core.text import listed, name_key
from copdesk.services import data_care, former_guests
from copdesk.store.errors import StoreError
from copdesk.store.teams import get_team, list_members
from copdesk.views.context import AppContext
from copdesk.views.data_care.care_dialog import DataCareDialog, finish_earlier, grow, say_outcome, say_refused
from copdesk.views.forms.ui_erase_member import Ui_EraseMemberDialog
from copdesk.views.forms.ui_retention import Ui_RetentionDialog
from copdesk.views.widgets.background import NewestOnly

DEFAULT_RETENTION_MONTHS = 24
COUNTING = "Counting…"
FAULT_COUNTING = "What would be deleted could not be counted: a fault in CoPDesk (it is in the crash log)."
FAULT_COUNTING_ERASURE = "What would be erased could not be counted: a fault in CoPDesk (it is in the crash log)."
ERASE_COUNT = "copdesk-erasure-preview"  # the worker thread's name


class RetentionDialog(DataCareDialog):
    """Delete sessions older than N months, here and in the backups.

    What would go is counted in a worker thread (:func:`copdesk.services.data_care.preview_retention_beside`): every
    backup is listed, in a folder that may be a slow share, and a wheel turned over the months box asks again at
    each step. Only the newest count is shown, and until the count for the months shown is, the box cannot be ticked
    nor Delete pressed: a deletion is only ever confirmed for the months its count was for."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RetentionDialog()
        self.ui.setupUi(self)
        self.context = context
        ui = self.ui
        self.months, self.preview, self.confirm = ui.monthsSpin, ui.previewLabel, ui.confirmCheck
        self.result_label, self.delete_button = ui.resultLabel, ui.deleteButton
        self.months.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.months.setValue(DEFAULT_RETENTION_MONTHS)
        ui.closeButton.clicked.connect(self.reject)
        self.delete_damaged, self.retry = ui.deleteDamagedButton, ui.retryButton
        self.delete_damaged.clicked.connect(lambda: finish_earlier(self, delete_damaged=True))
        self.retry.clicked.connect(lambda: finish_earlier(self, delete_damaged=False))
        self.previewed: int | None = None  # the months whose count is shown; None while counting
        self._counting = NewestOnly(partial(_counted_beside, context.db_path), "copdesk-retention-preview", self)
        self._counting.done.connect(self._counted)
        self.finished.connect(self._counting.abandon)  # closed: a count gives up, or is left to end on its own
        self.months.valueChanged.connect(self.refresh)
        self.confirm.toggled.connect(self._enable_delete)
        self.delete_button.clicked.connect(self.delete)
        self.refresh()

    def refresh(self) -> None:
        """Count what the months shown would delete, in the worker: "Counting…" meanwhile, and the box unticked and
        not to be ticked until the count is shown. A tick is given for one count: a wheel turned over the box, or a
        digit typed, must not make Delete take more sessions than the facilitator read out before ticking. The
        dialog keeps its height until the count comes, so a wheel turned over the box does not make it jump."""
        self.previewed = None
        self.preview.setText(COUNTING)
        self.confirm.setChecked(False)
        self.confirm.setEnabled(False)
        self._enable_delete()
        self._counting.ask((self.months.value(), self.context.now()))

    def _counted(self, outcome: object) -> None:
        if self.busy:
            return  # the work under way changes what was counted: it is counted again once the work ends
        if isinstance(outcome, StoreError):
            self.preview.setText(
                f"{outcome.message} Nothing can be deleted until it is: change the months to count again."
            )
            grow(self)
            return
        if isinstance(outcome, BaseException):
            self.preview.setText(FAULT_COUNTING)
            grow(self)
            raise outcome  # a fault: the crash log has it, and the window's banner says so
        preview = cast(data_care.RetentionPreview | None, outcome)
        if preview is None:
            return  # given up for a newer count, which is on its way
        report, copies = preview.counts, preview.copies
        before = short_date(report.cutoff.astimezone())
        set_aside = copies.set_aside and f" Damaged files set aside before then, deleted whole: {copies.set_aside}."
        self.preview.setText(
            f"Sessions before {before}: {report.sessions}. Closed actions from then: {report.actions}. "
            f"Closed issues with nothing newer: {report.issues}. Backups taken before then, deleted whole: "
            f"{copies.backups}.{set_aside or ''}"
        )
        self.previewed = preview.months
        self.confirm.setChecked(False)  # a tick is given once the count is read, never before
        self.confirm.setEnabled(True)
        self._enable_delete()
        grow(self)

    def _enable_delete(self) -> None:
        self.delete_button.setEnabled(self.confirm.isChecked() and self.previewed == self.months.value())

    def _work_ended(self) -> None:
        """The work changed what was counted: count again what the months shown would delete."""
        self.refresh()

    def delete(self) -> None:
        if not (self.confirm.isChecked() and self.previewed == self.months.value()):
            return  # confirmed for another number of months, or before their count was shown
        before = data_care.unfinished(self.context.db)
        db_path, months, now = self.context.db_path, self.months.value(), self.context.now()

        def refused(exc: StoreError) -> None:
            say_refused(self, exc, begun=data_care.unfinished(self.context.db) > before)

        self._work(
            "Deleting the old sessions",
            lambda db: data_care.apply_retention(db, db_path, months, now),
            self._deleted,
            refused,
        )

    def _deleted(self, report: data_care.CareReport[Any]) -> None:
        counts = report.counts.summary() if report.counts is not None else ""
        say_outcome(self, self.result_label, f"Deleted: {counts}", report)
        self.changed.emit()


def _counted_beside(
    db_path: Path, request: tuple[int, datetime], superseded: Callable[[], bool]
) -> data_care.RetentionPreview | None:
    """In the worker: what the months asked for would delete, counted at the moment they were asked."""
    months, now = request
    return data_care.preview_retention_beside(db_path, months, now, superseded)


class EraseMemberDialog(DataCareDialog):
    """Erase one member's participation data and their ownership of actions (the right to erasure).

    What would be erased is counted in a worker thread (:func:`copdesk.services.data_care.preview_erasure_beside`):
    every free text of the team is searched for the member's names. Only the count for the member shown is shown, and
    until it is, the box cannot be ticked nor Erase pressed: an erasure is only ever confirmed for the member whose
    count was read."""

    changed = Signal()

    def __init__(self, context: AppContext, team_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EraseMemberDialog()
        self.ui.setupUi(self)
        self.context = context
        ui = self.ui
        self.member_combo, self.preview, self.confirm = ui.memberCombo, ui.previewLabel, ui.confirmCheck
        self.result_label, self.erase_button = ui.resultLabel, ui.eraseButton
        self.team_id = team_id
        self.team_name = get_team(context.db, team_id).name
        self.previewed: data_care.ErasurePreview | None = None  # the count shown; None while counting
        self._count_failed = False
        self._counting = NewestOnly(partial(_erasure_count, context.db_path, team_id), ERASE_COUNT, self)
        self._counting.done.connect(self._counted)
        self.finished.connect(self._counting.abandon)  # closed: a count gives up, or is left to end on its own
        self.member_combo.setPlaceholderText("Choose whose data to erase")
        self._list_members()
        ui.closeButton.clicked.connect(self.reject)
        self.delete_damaged, self.retry = ui.deleteDamagedButton, ui.retryButton
        self.delete_damaged.clicked.connect(lambda: finish_earlier(self, delete_damaged=True))
        self.retry.clicked.connect(lambda: finish_earlier(self, delete_damaged=False))
        self.member_combo.currentIndexChanged.connect(self.refresh)
        self.member_combo.activated.connect(self._count_again_if_failed)
        self.confirm.toggled.connect(self._enable_erase)
        self.erase_button.clicked.connect(self.erase)
        self.refresh()

    def _list_members(self) -> None:
        """The team's members, then each guest taken off a live session by mistake, no longer on the roster, whose
        name is kept for Undo (by name: :mod:`copdesk.services.former_guests`), nobody chosen: a hurried tick and
        click must not erase whoever is listed first, nor, after an erasure, the neighbour."""
        with QSignalBlocker(self.member_combo):
            self.member_combo.clear()
            members = list_members(self.context.db, self.team_id, include_inactive=True)
            for member in members:
                self.member_combo.addItem(member.display_name, member.id)
            on_roster = [member.display_name for member in members]
            for name in former_guests.held_off_roster(self.context.db, self.team_id, on_roster):
                self.member_combo.addItem(f"{name} (a guest taken off a live session)", name)
            self.member_combo.setCurrentIndex(-1)
        self.confirm.setChecked(False)

    def refresh(self) -> None:
        """Count what erasing the member shown would remove, in the worker: "Counting…" meanwhile, and the box unticked
        and not to be ticked until the count is shown. A tick given for one member is not given for another: choosing
        again (a wheel turn, an arrow key) clears it."""
        self.previewed = None
        self._count_failed = False
        self.confirm.setChecked(False)
        self.confirm.setEnabled(False)
        self._enable_erase()
        member_id = self.member_combo.currentData()
        if member_id is None:
            self._counting.drop()
            self.preview.setText(
                f"Choose the member of {self.team_name} whose data is to be erased."
                if self.member_combo.count()
                else f"Nobody is on {self.team_name}'s roster."
            )
        else:
            self.preview.setText(COUNTING)
            self._counting.ask(member_id)
        grow(self)

    def _count_again_if_failed(self) -> None:
        """The member chosen again after their count failed: count again (choosing the member shown changes
        nothing else)."""
        if self._count_failed:
            self.refresh()

    def _counted(self, outcome: object) -> None:
        if isinstance(outcome, StoreError):
            self._count_failed = True
            self.preview.setText(f"{outcome.message} Nothing can be erased until it is: choose the member again.")
            grow(self)
            return
        if isinstance(outcome, BaseException):
            self.preview.setText(FAULT_COUNTING_ERASURE)
            grow(self)
            raise outcome  # a fault: the crash log has it, and the window's banner says so
        preview = cast(data_care.ErasurePreview | None, outcome)
        if preview is None or preview.member_id != self.member_combo.currentData():
            return  # given up for a newer count, which is on its way
        how = _HOW_TO_CORRECT if preview.counts.texts_mentioning else ""
        self.preview.setText(
            f"To erase from {self.team_name}: {preview.counts.summary()}.{how}{self._elsewhere(preview)}"
        )
        self.previewed = preview
        self.confirm.setChecked(False)  # a tick is given once the count is read, never before
        self.confirm.setEnabled(True)
        self._enable_erase()
        grow(self)

    def _shown_preview(self) -> data_care.ErasurePreview | None:
        """The count shown, if it is the member chosen now's."""
        previewed = self.previewed
        return previewed if previewed is not None and previewed.member_id == self.member_combo.currentData() else None

    def _enable_erase(self) -> None:
        self.erase_button.setEnabled(self.confirm.isChecked() and self._shown_preview() is not None)

    def _elsewhere(self, preview: data_care.ErasurePreview) -> str:
        """A sentence (with a leading space) when someone of the member's name, or of that name with other accents or
        none, is on another team's roster, which this erasure does not reach; else empty."""
        chosen = self.member_combo.currentText()
        teams_by_name: dict[str, tuple[str, list[str]]] = {name_key(chosen): (chosen, [])}
        for team, name in preview.other_rosters:
            teams_by_name.setdefault(name_key(name), (name, []))[1].append(team)
        places = [
            (name, listed(others) + ("'s roster" if len(others) == 1 else "'s rosters"))
            for name, others in teams_by_name.values()
            if others
        ]
        if not places:
            return ""
        (name, rosters), *more = places
        also = "".join(f", and someone called {other} on {where}" for other, where in more)
        return (
            f" Someone called {name} is also on {rosters}{also}, which this does not reach: to erase their data there"
            " too, choose that team at the top of the window, then erase them again."
        )

    def erase(self) -> None:
        preview = self._shown_preview()
        if not (self.confirm.isChecked() and preview is not None):
            return  # confirmed before the member's count was shown
        before = data_care.unfinished(self.context.db)
        elsewhere = self._elsewhere(preview)
        db_path, now, who, team_id = self.context.db_path, self.context.now(), preview.member_id, self.team_id

        def erased(report: data_care.CareReport[Any]) -> None:
            self._list_members()
            how = _HOW_TO_CORRECT if report.counts.texts_mentioning else ""
            say_outcome(self, self.result_label, f"Erased: {report.counts.summary()}", report, then=how + elsewhere)
            self.refresh()
            self.changed.emit()

        def refused(exc: StoreError) -> None:
            say_refused(self, exc, begun=data_care.unfinished(self.context.db) > before)
            self._list_members()  # one refused after the member's rows were deleted is finished at the next start
            self.refresh()

        def erase(db: Database) -> data_care.CareReport[Any]:
            if isinstance(who, str):
                return former_guests.erase_former_guest(db, db_path, team_id, who, now)
            return data_care.erase_member(db, db_path, who, now)

        self._work("Erasing", erase, erased, refused)


def _erasure_count(
    db_path: Path, team_id: int, who: int | str, superseded: Callable[[], bool]
) -> data_care.ErasurePreview | None:
    """In the worker: what erasing the member (an id), or the guest no longer on the roster (a name), would remove."""
    if isinstance(who, str):
        return former_guests.preview_former_guest_beside(db_path, team_id, who, superseded)
    return data_care.preview_erasure_beside(db_path, who, superseded)


_HOW_TO_CORRECT = (
    " Search notes (Ctrl+F) finds those in notes, issues (and how they were resolved), actions and escalation"
    " outcomes: select one and correct its words there."
)
