"""Data care's reads beside the window, in worker threads: what Delete old sessions would delete is counted there, since
it lists (and opens) every backup, what Erase would remove is counted there, since it searches every note of the team
for the member's names, and Restore from backup… checks the backup selected there, since it reads it whole; a backups
folder in a slow shared folder (or years of notes) must not freeze the window while a wheel is turned over the months
box or the members, or an arrow key moves down the list. The newest count or check alone is shown, a deletion or an
erasure is only ever confirmed for the months or the member whose count is shown, and only a backup that has passed
its check can be restored."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.model import Role
from copdesk.core.retention import retention_cutoff
from copdesk.services import data_care
from copdesk.shutdown import save_and_quit
from copdesk.store import sessions, teams
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, list_backups, new_backup_path, verify_restorable
from copdesk.store.erasure import ErasureCounts
from copdesk.store.errors import StoreError
from copdesk.store.retention import RetentionCounts
from copdesk.views.data_care import restore_dialog
from copdesk.views.data_care.data_care_dialogs import (
    COUNTING,
    ERASE_COUNT,
    FAULT_COUNTING,
    EraseMemberDialog,
    RetentionDialog,
)
from copdesk.views.data_care.restore_dialog import RestoreDialog
from copdesk.views.widgets.background import BackgroundJob
from tests.held_open import ScannerHolding
from tests.reliability.conftest import NOW, fill
from tests.reliability.test_data_care_gui import _context, _filled_window, _shown_erase_dialog, _until_counted

COUNTING_THREAD = "copdesk-retention-preview"
CHECKING_THREAD = "copdesk-backup-check"


class Held:
    """Stands in for work in a worker thread: says where it ran and what was asked, and holds each piece of work
    until the test lets it go on (``go_on``), or, with ``until_superseded``, until a newer one supersedes it, as work
    in a slow shared folder would still be going when the wheel turns, or the arrow key moves, again."""

    def __init__(self, *, until_superseded: bool = False) -> None:
        self.until_superseded = until_superseded
        self.threads: list[str] = []
        self.asked: list[object] = []
        self.given_up: list[object] = []
        self.begun = threading.Event()
        self.go_on = threading.Event()

    def hold(self, asked: object, superseded: Callable[[], bool]) -> bool:
        """Whether the work goes on (else it gave up, superseded)."""
        self.threads.append(threading.current_thread().name)
        self.asked.append(asked)
        self.begun.set()
        for _ in range(10_000):  # ten seconds at most: a test that fails never leaves the worker waiting for ever
            if self.go_on.wait(0.001):
                return True
            if self.until_superseded and superseded():
                self.given_up.append(asked)
                return False
        return True


class HeldCount(Held):
    """The count of what Delete old sessions would delete: each count's sessions are its months times a hundred, so
    whose count is shown can be told from the dialog's words."""

    def __call__(
        self, _db_path: Path, months: int, now: datetime, superseded: Callable[[], bool]
    ) -> data_care.RetentionPreview | None:
        if not self.hold(months, superseded):
            return None
        counts = RetentionCounts(retention_cutoff(now, months), months * 100, 0, 0)
        return data_care.RetentionPreview(months, counts, data_care.CopiesDeletedWhole(0, 0))


class HeldErasureCount(Held):
    """The count of what Erase would remove: each member's contributions are their id times a hundred, so whose
    count is shown can be told from the dialog's words."""

    def __call__(
        self, _db_path: Path, member_id: int, superseded: Callable[[], bool]
    ) -> data_care.ErasurePreview | None:
        if not self.hold(member_id, superseded):
            return None
        return data_care.ErasurePreview(member_id, ErasureCounts(member_id * 100, 0, 0, 0, ()), ())


class HeldCheck(Held):
    """The check of a backup to restore (:func:`verify_restorable`), asked by file name: every file passes."""

    def __call__(self, path: Path, _latest_version: int, superseded: Callable[[], bool]) -> int:
        if not self.hold(path.name, superseded):
            raise StoreError("The check was given up.")
        return 1


def test_the_count_beside_the_window_is_the_one_the_deletion_goes_by_and_stops_when_superseded(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    fill(db, start=NOW - timedelta(days=800))
    for days in (600, 400, 1):
        backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=days)))
    beside = data_care.preview_retention_beside(db_path, 12, NOW, lambda: False)
    assert beside == data_care.RetentionPreview(
        12,
        data_care.preview_retention(db, 12, NOW),
        data_care.preview_retention_copies(db, db_path, 12, NOW),
    )
    assert beside.counts.sessions == 3 and beside.copies.backups == 2
    assert data_care.preview_retention_beside(db_path, 12, NOW, lambda: True) is None  # given up at once
    with pytest.raises(StoreError, match=r"^What would be deleted could not be counted just now \("):
        data_care.preview_retention_beside(tmp_path / "gone" / "copdesk.db", 12, NOW, lambda: False)


def _counting_alive() -> bool:
    return any(thread.name == COUNTING_THREAD for thread in threading.enumerate())


def _retention(qtbot: QtBot, db: Database, db_path: Path) -> RetentionDialog:
    dialog = RetentionDialog(_context(db, db_path))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_slow_count_never_holds_up_the_window_and_nothing_can_be_ticked_until_it_is_shown(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count opened every backup on the window's thread, at each step of the months box: in a slow shared folder
    the window froze while a facilitator scrolled the box."""
    fill(db, start=NOW - timedelta(days=800))
    held = HeldCount()
    monkeypatch.setattr(data_care, "preview_retention_beside", held)
    dialog = _retention(qtbot, db, db_path)
    assert held.begun.wait(5), "the count is under way, and the dialog is open"
    assert held.threads == [COUNTING_THREAD]
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True])  # the window's event loop runs meanwhile
    assert dialog.preview.text() == COUNTING
    assert not dialog.confirm.isEnabled() and not dialog.delete_button.isEnabled()

    dialog.confirm.setChecked(True)  # as a shortcut might, though the box cannot be ticked
    assert not dialog.delete_button.isEnabled()
    dialog.delete()  # as a click might
    assert not dialog.busy and sessions.session_count(db) == 3, "nothing is deleted on a count not shown"

    held.go_on.set()
    _until_counted(qtbot, dialog)
    assert dialog.preview.text().startswith("Sessions before ") and ": 2400." in dialog.preview.text()
    assert not dialog.confirm.isChecked(), "a tick given before the count was shown is not kept"
    assert dialog.confirm.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.delete_button.isEnabled()


def test_a_count_for_months_no_longer_shown_is_never_shown(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wheel turned over the box asks at each step: the counts of the steps passed come back late, and showing one
    would have the facilitator tick the box for months whose count they never read."""
    held = HeldCount(until_superseded=True)
    monkeypatch.setattr(data_care, "preview_retention_beside", held)
    dialog = _retention(qtbot, db, db_path)
    shown: list[str] = []
    show = dialog.preview.setText

    def recorded(text: str) -> None:
        shown.append(text)
        show(text)

    monkeypatch.setattr(dialog.preview, "setText", recorded)
    assert held.begun.wait(5)
    for months in (23, 22, 21):  # 23 and 22 never begin: each is superseded before the worker is free
        dialog.months.setValue(months)
    qtbot.waitUntil(lambda: held.asked == [24, 21])  # the count of 24 gave up; the newest is under way
    dialog.confirm.setChecked(True)
    assert not dialog.delete_button.isEnabled()
    held.go_on.set()
    _until_counted(qtbot, dialog)
    qtbot.waitUntil(lambda: not _counting_alive())
    assert held.given_up == [24]
    counts = [text for text in shown if text != COUNTING]
    assert len(counts) == 1 and ": 2100." in counts[0]
    assert dialog.previewed == 21 and not dialog.confirm.isChecked()


@pytest.mark.parametrize("failure", ["refusal", "fault"])
def test_a_count_that_fails_says_so_and_the_dialog_still_closes(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    """A backups folder on a share that has gone away: the dialog says the count failed, offers nothing to delete,
    and closes as ever."""

    def failing(*_args: object) -> object:
        if failure == "refusal":
            raise StoreError("What would be deleted could not be counted just now (The network path was not found).")
        raise RuntimeError("a fault")

    monkeypatch.setattr(data_care, "preview_retention_beside", failing)
    with qtbot.captureExceptions() as raised:
        dialog = _retention(qtbot, db, db_path)
        qtbot.waitUntil(lambda: dialog.preview.text() != COUNTING)
    if failure == "refusal":
        assert raised == []
        assert dialog.preview.text() == (
            "What would be deleted could not be counted just now (The network path was not found). Nothing can be "
            "deleted until it is: change the months to count again."
        )
    else:
        assert [str(error[1]) for error in raised] == ["a fault"], "raised on the window's thread, for the crash log"
        assert dialog.preview.text() == FAULT_COUNTING
    assert not dialog.confirm.isEnabled() and not dialog.delete_button.isEnabled()
    dialog.ui.closeButton.click()
    assert not dialog.isVisible() and dialog.result() == RetentionDialog.DialogCode.Rejected
    assert not _counting_alive()


@pytest.mark.parametrize("closing", ["the dialog", "the window", "a log-off"])
def test_closing_mid_count_gives_it_up_and_leaves_no_thread(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, closing: str
) -> None:
    """A log-off (or SIGTERM) hides every dialog before it closes the window, so the dialog never closes itself: the
    window closing stops the count, which would otherwise go on reading the backups after the data was closed and
    the lock let go."""
    held = HeldCount(until_superseded=True)
    monkeypatch.setattr(data_care, "preview_retention_beside", held)
    window, _team_id = _filled_window(qtbot, db_path)
    window.safeguards.delete_old_sessions()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, RetentionDialog)
    assert held.begun.wait(5)
    if closing == "a log-off":
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
        save_and_quit(cast(QApplication, QApplication.instance()))
    else:
        (dialog if closing == "the dialog" else window).close()
    assert not dialog.isVisible() and (closing == "the dialog" or not window.isVisible())
    assert held.given_up == [24] and not _counting_alive(), "ended before the close returned"
    QApplication.sendPostedEvents()  # what the ended worker had queued, had it queued anything
    QApplication.processEvents()
    assert dialog.preview.text() == COUNTING


# -- Erase a member's data counts what would go beside the window ---------------------------------------------------
def test_the_erasure_count_beside_the_window_is_the_one_shown_and_stops_when_superseded(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    team_id = fill(db)
    other = teams.create_team(db, "Riverside Team", [("Zoë Quinn", Role.PRACTITIONER)], NOW)
    zoe = next(m.id for m in teams.list_members(db, team_id) if m.display_name == "Zoë Quinn")
    beside = data_care.preview_erasure_beside(db_path, zoe, lambda: False)
    assert beside == data_care.ErasurePreview(zoe, data_care.preview_erasure(db, zoe), ((other.name, "Zoë Quinn"),))
    assert beside.counts.contributions == 3
    assert data_care.preview_erasure_beside(db_path, zoe, lambda: True) is None  # given up at once
    with pytest.raises(StoreError, match=r"^What would be erased could not be counted just now \("):
        data_care.preview_erasure_beside(tmp_path / "gone" / "copdesk.db", zoe, lambda: False)


def _erase_counting_alive() -> bool:
    return any(thread.name == ERASE_COUNT for thread in threading.enumerate())


def _choose(dialog: EraseMemberDialog, name: str) -> int:
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(name))
    return int(dialog.member_combo.currentData())


def test_a_slow_erasure_count_never_holds_up_the_window_and_erase_waits_for_the_member_shown(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Choosing a member searched every note of the team for their names on the window's thread, 75-115 ms a member
    on years of notes (longer on a network share): the window stuttered as a wheel went down the members."""
    team_id = fill(db)
    held = HeldErasureCount(until_superseded=True)
    monkeypatch.setattr(data_care, "preview_erasure_beside", held)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    bo = _choose(dialog, "Bo Day")
    assert held.begun.wait(5), "the count is under way, and the dialog is open"
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True])  # the window's event loop runs meanwhile
    assert dialog.preview.text() == COUNTING
    assert not dialog.confirm.isEnabled() and not dialog.erase_button.isEnabled()
    dialog.confirm.setChecked(True)  # as a shortcut might, though the box cannot be ticked
    assert not dialog.erase_button.isEnabled()
    dialog.erase()  # as a click might
    assert not dialog.busy and dialog.member_combo.findText("Bo Day") != -1, "nobody is erased on a count not shown"

    zoe = _choose(dialog, "Zoë Quinn")  # a wheel turned on: Bo Day's count gives up, and is never shown
    qtbot.waitUntil(lambda: held.asked == [bo, zoe])
    assert held.given_up == [bo] and not dialog.confirm.isChecked() and not dialog.erase_button.isEnabled()
    held.go_on.set()
    qtbot.waitUntil(dialog.confirm.isEnabled)
    assert held.threads == [ERASE_COUNT] * 2
    assert dialog.preview.text().startswith(f"To erase from Harbour Team: contributions: {zoe * 100} ·")
    assert dialog.previewed is not None and dialog.previewed.member_id == zoe
    assert not dialog.confirm.isChecked(), "a tick given before the count was shown is not kept"
    dialog.confirm.setChecked(True)
    assert dialog.erase_button.isEnabled()
    dialog.member_combo.setCurrentIndex(-1)  # nobody chosen: no count is asked, and Erase cannot be pressed
    assert not dialog.erase_button.isEnabled() and dialog.preview.text().startswith("Choose the member")
    dialog.reject()
    assert not _erase_counting_alive()


def test_an_erasure_count_that_fails_says_so_and_choosing_the_member_again_counts_again(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database on a share that has gone for a moment: the dialog says so, offers nothing to erase, and the member
    chosen again (the list opened, the same name picked) is counted again."""
    team_id = fill(db)
    real = data_care.preview_erasure_beside
    failures = ["What would be erased could not be counted just now (The network path was not found)."]

    def failing_once(db_path: Path, member_id: int, superseded: Callable[[], bool]) -> object:
        if failures:
            raise StoreError(failures.pop())
        return real(db_path, member_id, superseded)

    monkeypatch.setattr(data_care, "preview_erasure_beside", failing_once)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _choose(dialog, "Zoë Quinn")
    qtbot.waitUntil(lambda: dialog.preview.text() != COUNTING)
    assert dialog.preview.text() == (
        "What would be erased could not be counted just now (The network path was not found). Nothing can be erased "
        "until it is: choose the member again."
    )
    assert not dialog.confirm.isEnabled() and not dialog.erase_button.isEnabled()
    dialog.member_combo.activated.emit(dialog.member_combo.currentIndex())
    qtbot.waitUntil(dialog.confirm.isEnabled)
    assert dialog.preview.text().startswith("To erase from Harbour Team: contributions: 3 ·")


@pytest.mark.parametrize("closing", ["the dialog", "the window", "a log-off"])
def test_closing_mid_erasure_count_gives_it_up_and_leaves_no_thread(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, closing: str
) -> None:
    held = HeldErasureCount(until_superseded=True)
    monkeypatch.setattr(data_care, "preview_erasure_beside", held)
    window, team_id = _filled_window(qtbot, db_path)
    window.reload_teams(team_id)
    window.safeguards.erase_member_data()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, EraseMemberDialog)
    _choose(dialog, "Zoë Quinn")
    assert held.begun.wait(5)
    if closing == "a log-off":  # which hides the dialog before it closes the window
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
        save_and_quit(cast(QApplication, QApplication.instance()))
    else:
        (dialog if closing == "the dialog" else window).close()
    assert not dialog.isVisible() and len(held.given_up) == 1 and not _erase_counting_alive(), "ended before close"
    QApplication.sendPostedEvents()  # what the ended worker had queued, had it queued anything
    QApplication.processEvents()
    assert dialog.preview.text() == COUNTING


# -- Restore from backup… checks the backup selected beside the window ----------------------------------------------
def _backups(db: Database, db_path: Path) -> list[Path]:
    """Two backups, newest first, as the dialog lists them."""
    return [
        backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=days)))
        for days in (1, 2)
    ]


def _checking_alive() -> bool:
    return any(thread.name == CHECKING_THREAD for thread in threading.enumerate())


def test_a_slow_check_of_a_backup_never_holds_up_the_window_and_only_the_one_selected_now_can_be_restored(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Selecting a backup read it whole on the window's thread, to check it: tens of megabytes, and in a slow
    shared folder the window froze at each row an arrow key passed."""
    newest, older = _backups(db, db_path)
    held = HeldCheck(until_superseded=True)
    monkeypatch.setattr(restore_dialog, "verify_restorable", held)
    dialog = RestoreDialog(db_path, 99)
    qtbot.addWidget(dialog)
    dialog.show()
    assert held.begun.wait(5), "the check of the newest is under way, and the dialog is open"
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True])  # the window's event loop runs meanwhile
    assert dialog.status.text() == f"Checking {newest.name}…" and not dialog.restore_button.isEnabled()
    dialog._accept_selected()  # as a click might
    assert dialog.chosen is None and dialog.isVisible(), "nothing is restored that has not passed its check"

    dialog.list.setCurrentRow(1)
    qtbot.waitUntil(lambda: held.asked == [newest.name, older.name])  # the newest's check gave up
    assert held.given_up == [newest.name] and dialog.status.text() == f"Checking {older.name}…"
    held.go_on.set()
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    assert held.threads == [CHECKING_THREAD] * 2
    assert dialog.status.text() == f"{older.name} checks out and can be restored."
    dialog.restore_button.click()
    assert dialog.chosen == older and not _checking_alive()


@pytest.mark.parametrize("closing", ["the dialog", "the window", "a log-off"])
def test_closing_mid_check_gives_it_up_and_leaves_no_thread(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, closing: str
) -> None:
    """A log-off hides the dialog before it closes the window: the check is given up all the same, and nothing is
    restored from a dialog nobody answered."""
    held = HeldCheck(until_superseded=True)
    monkeypatch.setattr(restore_dialog, "verify_restorable", held)
    window, _team_id = _filled_window(qtbot, db_path)
    _backups(window.context.db, db_path)
    window.safeguards.restore_from_backup()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, RestoreDialog)
    assert held.begun.wait(5)
    requested: list[object] = []
    window.safeguards.restore_requested.connect(requested.append)
    if closing == "a log-off":
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
        save_and_quit(cast(QApplication, QApplication.instance()))
    else:
        (dialog if closing == "the dialog" else window).close()
    assert not dialog.isVisible() and len(held.given_up) == 1 and not _checking_alive(), "ended before close returned"
    assert requested == [] and dialog.result() == RestoreDialog.DialogCode.Rejected


def test_a_check_given_up_stops_reading_the_backup_at_once(db: Database, db_path: Path) -> None:
    """The check reads the backup whole: given up (another row selected, the dialog closed), it stops there, rather
    than read on through a slow share while the window waits for its thread."""
    newest, _older = _backups(db, db_path)
    assert verify_restorable(newest, 99, lambda: False) > 0
    with pytest.raises(StoreError, match="could not be verified"):
        verify_restorable(newest, 99, lambda: True)


# -- Data care waits for the backups under way with the window answering ---------------------------------------------
@pytest.mark.parametrize("begun", [True, False], ids=["under way", "not yet begun"])
def test_data_care_waits_for_a_backup_held_by_a_scanner_with_the_window_answering(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, begun: bool
) -> None:
    """Opening Delete old sessions waits for the start-up backup (and a copy being saved), so the backups it counts
    are all there: it waited on the window's thread, and a scanner holding the backup's rename (a second and a half,
    on Windows) froze the window; a backup not yet begun was taken there, whole."""
    window, _team_id = _filled_window(qtbot, db_path)
    scanner = ScannerHolding(monkeypatch)
    taken_on: list[str] = []

    def take() -> Path:
        taken_on.append(threading.current_thread().name)
        return backup_to(window.context.db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW))

    job = BackgroundJob(take, "copdesk-startup-backup", doing="taking the backup made at each start")
    window.after_first_paint(job)
    if begun:
        job.start()
    answered: list[int] = []

    def answer() -> None:  # the window's timers run while the scanner holds the file: say so, then let it go
        answered.append(scanner.refused)
        scanner.let_go.set()

    scanner.once_refused(answer)
    window.safeguards.delete_old_sessions()

    assert answered and answered[0] >= 1, "the window answered while the rename was refused"
    assert taken_on == ["copdesk-startup-backup"] and not job.running
    assert [backup.taken_at for backup in list_backups(db_path)] == [NOW], "the backup is in place before the count"
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, RetentionDialog) and dialog.isVisible()
    dialog.reject()


def test_a_window_closed_while_data_care_waits_opens_no_dialog(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window answers while it waits, so a log-off (or SIGTERM) may close it then: the dialog asked for before is
    not opened over a window that has gone, its count reading on after the data closed."""
    window, _team_id = _filled_window(qtbot, db_path)
    scanner = ScannerHolding(monkeypatch)
    job = BackgroundJob(
        lambda: backup_to(window.context.db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW)), "backup"
    )
    window.after_first_paint(job)

    def log_off() -> None:
        window.close_without_asking()
        scanner.let_go.set()

    scanner.once_refused(log_off)
    window.safeguards.delete_old_sessions()

    assert not window.isVisible() and window.safeguards.current_dialog is None
    assert not _counting_alive()
