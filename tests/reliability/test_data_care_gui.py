"""The GUI side of data care: restore, retention and erasure dialogs, the banner strip, startup dialogs."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk import paths
from copdesk.app import create_window
from copdesk.core.clock import system_monotonic
from copdesk.core.model import NoteKind, Role, SessionKind
from copdesk.startup import DamageChoice
from copdesk.store import migrations, notes, pending_care, scrub, sessions, teams
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupFile, BackupKind, new_backup_path, verify_restorable
from copdesk.store.location import shown
from copdesk.views.context import AppContext
from copdesk.views.data_care import care_dialog
from copdesk.views.data_care.care_dialog import FAULT
from copdesk.views.data_care.data_care_dialogs import EraseMemberDialog, RetentionDialog
from copdesk.views.data_care.restore_dialog import RestoreDialog
from copdesk.views.live.live_session import LiveSession
from copdesk.views.shell import safeguards as safeguards_module
from copdesk.views.shell.finishing_notice import FinishingNotice, finish_saying_so
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.shell.safeguards import LIVE_REFUSAL, Safeguards
from copdesk.views.shell.startup_dialogs import DamagedDatabaseDialog
from copdesk.views.widgets.background import BackgroundJob
from tests.cli.conftest import CallCli
from tests.reliability.conftest import NOW, fill


def _context(db: Database, db_path: Path) -> AppContext:
    return AppContext(db, db_path, system_monotonic, lambda: NOW, paths.asset_dir("resources"))


def _shown_erase_dialog(qtbot: QtBot, db: Database, db_path: Path, team_id: int) -> EraseMemberDialog:
    dialog = EraseMemberDialog(_context(db, db_path), team_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _filled_window(qtbot: QtBot, db_path: Path) -> tuple[MainWindow, int]:
    """The real window at 1366x768, shown, on a database with a filled team (its id is the second value)."""
    window = create_window(db_path)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window, fill(window.context.db)


def _choose(dialog: EraseMemberDialog, name: str) -> None:
    """Choose ``name`` and wait, as the facilitator does, for what erasing them would remove: it is counted in a
    worker thread."""
    dialog.member_combo.setCurrentIndex(dialog.member_combo.findText(name))
    deadline = time.monotonic() + 30
    while dialog.previewed is None or dialog.previewed.member_id != dialog.member_combo.currentData():
        assert time.monotonic() < deadline, "the count never came"
        QTest.qWait(5)


def _erase(dialog: EraseMemberDialog, name: str) -> None:
    """Choose ``name``, tick the box and press Erase, as the facilitator does."""
    _choose(dialog, name)
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()
    _until_done(dialog)


def _until_done(dialog: EraseMemberDialog | RetentionDialog) -> None:
    """Data care works in a thread of its own: wait, as the facilitator does, for its words in the dialog."""
    deadline = time.monotonic() + 30
    while dialog.busy:
        assert time.monotonic() < deadline, "the work never ended"
        QTest.qWait(5)


def _until_counted(qtbot: QtBot, dialog: RetentionDialog) -> None:
    """What would be deleted is counted in a worker thread: wait, as the facilitator does, for the count of the months
    shown."""
    qtbot.waitUntil(lambda: dialog.previewed == dialog.months.value())


def _until_checked(qtbot: QtBot, dialog: RestoreDialog) -> None:
    """The backup selected is checked in a worker thread: wait, as the facilitator does, for what its check says."""
    qtbot.waitUntil(lambda: not dialog.status.text().startswith("Checking "))


def _copy_refused(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _sqlite_disk_full(*_args: object) -> None:
    raise sqlite3.OperationalError("database or disk is full")


def _unfinished(db: Database) -> list[str]:
    """The kinds of data care begun and not yet finished everywhere."""
    return [str(row[0]) for row in db.execute("SELECT kind FROM pending_care WHERE finished_at IS NULL")]


def test_retention_dialog_previews_then_deletes_only_once_confirmed(qtbot: QtBot, db: Database, db_path: Path) -> None:
    fill(db, start=NOW - timedelta(days=800))
    dialog = RetentionDialog(_context(db, db_path))
    qtbot.addWidget(dialog)
    dialog.months.setValue(12)
    _until_counted(qtbot, dialog)
    assert "Sessions before" in dialog.preview.text() and ": 3." in dialog.preview.text()
    assert not dialog.delete_button.isEnabled()
    dialog.confirm.setChecked(True)
    with qtbot.waitSignal(dialog.changed):
        dialog.delete_button.click()
        _until_done(dialog)
    assert sessions.session_count(db) == 0
    assert "Deleted: sessions: 3 · closed actions: 0" in dialog.result_label.text()
    assert not dialog.confirm.isChecked() and not dialog.delete_button.isEnabled()
    _until_counted(qtbot, dialog)
    assert ": 0." in dialog.preview.text(), "counted again once deleted"


def test_the_retention_dialog_says_how_many_backups_it_deletes_whole(qtbot: QtBot, db: Database, db_path: Path) -> None:
    """Backups from before the cut-off are deleted whole: the preview said nothing of them."""
    fill(db, start=NOW - timedelta(days=800))
    for days in (600, 400, 1):
        backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=days)))
    dialog = RetentionDialog(_context(db, db_path))
    qtbot.addWidget(dialog)
    dialog.months.setValue(12)
    _until_counted(qtbot, dialog)
    assert "Backups taken before then, deleted whole: 2." in dialog.preview.text()
    dialog.months.setValue(18)
    _until_counted(qtbot, dialog)
    assert "Backups taken before then, deleted whole: 1." in dialog.preview.text()
    dialog.confirm.setChecked(True)
    dialog.delete_button.click()
    _until_done(dialog)
    assert "deleted: 1" in dialog.result_label.text()
    _until_counted(qtbot, dialog)
    assert "Backups taken before then, deleted whole: 0." in dialog.preview.text()


def test_erase_dialog(qtbot: QtBot, db: Database, db_path: Path) -> None:
    team_id = fill(db)
    dialog = EraseMemberDialog(_context(db, db_path), team_id)
    qtbot.addWidget(dialog)
    assert dialog.member_combo.currentIndex() == -1, "nobody is chosen for the facilitator"
    dialog.confirm.setChecked(True)
    assert not dialog.erase_button.isEnabled() and dialog.preview.text().startswith("Choose the member")
    _choose(dialog, "Bo Day")
    assert not dialog.confirm.isChecked(), "a tick given before the member was chosen is not kept"
    dialog.confirm.setChecked(True)
    _choose(dialog, "Zoë Quinn")
    assert not dialog.confirm.isChecked(), "nor one given for another member"
    assert (
        "contributions: 3 · attendances: 3 · actions losing their owner (the text stays): 0." in dialog.preview.text()
    )
    assert not dialog.erase_button.isEnabled()
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()
    _until_done(dialog)
    assert [m.display_name for m in teams.list_members(db, team_id, include_inactive=True)] == [
        "Ash Lee",
        "Bo Day",
        "Noor Haddad",
    ]
    assert dialog.member_combo.findText("Zoë Quinn") == -1 and "Erased" in dialog.result_label.text()
    assert dialog.member_combo.currentIndex() == -1 and not dialog.erase_button.isEnabled()


def test_restore_dialog_offers_only_what_checks_out(qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path) -> None:
    fill(db)
    good = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW))
    broken = new_backup_path(db_path, BackupKind.AUTOMATIC, NOW + timedelta(days=1))
    broken.write_bytes(b"SQLite format 3\x00" + bytes(3000))
    dialog = RestoreDialog(db_path, 99)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    _until_checked(qtbot, dialog)
    assert dialog.list.currentRow() == 0 and not dialog.restore_button.isEnabled()  # the newest is damaged
    assert "Cannot restore" in dialog.status.text()
    dialog.list.setCurrentRow(1)
    _until_checked(qtbot, dialog)
    assert dialog.restore_button.isEnabled()
    text = tmp_path / "minutes.txt"
    text.write_text("minutes", encoding="utf-8")
    dialog.add_file(text)
    _until_checked(qtbot, dialog)
    assert not dialog.restore_button.isEnabled()
    dialog.list.setCurrentRow(2)
    _until_checked(qtbot, dialog)
    dialog.restore_button.click()
    assert dialog.chosen == good and dialog.result() == RestoreDialog.DialogCode.Accepted


def test_restore_dialog_with_no_backups_says_so_in_place_of_the_list(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path
) -> None:
    dialog = RestoreDialog(db_path, 99)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.list.count() == 0 and not dialog.list.isVisible()
    assert dialog.empty_label.isVisible() and dialog.empty_label.text().startswith("No backups yet")
    dialog.add_file(db_path)  # the data open now, chosen by mistake: refused here, before the window closes for it
    _until_checked(qtbot, dialog)
    assert (
        dialog.status.text()
        == "Cannot restore this one: copdesk.db is the data CoPDesk has open now; choose a backup of it."
    )
    assert not dialog.restore_button.isEnabled()
    chosen = backup_to(db.conn, tmp_path / "kept.db")
    dialog.add_file(chosen)
    _until_checked(qtbot, dialog)
    assert dialog.list.isVisible() and not dialog.empty_label.isVisible() and dialog.restore_button.isEnabled()


@pytest.mark.parametrize("in_the_way", ["backups", "backups/copdesk.db"])
def test_restore_dialog_names_a_file_where_the_backups_folder_goes(
    qtbot: QtBot, call_cli: CallCli, db: Database, db_path: Path, tmp_path: Path, in_the_way: str
) -> None:
    """A file (here a link to one) where the backups folder goes: "No backups yet: CoPDesk makes one each time it
    starts" could never come true. The dialog names the file and says what to do, as the CLI's list does."""
    blocking = db_path.parent / in_the_way
    blocking.parent.mkdir(exist_ok=True)
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    blocking.symlink_to(tmp_path / "notes.txt")
    dialog = RestoreDialog(db_path, 99)
    qtbot.addWidget(dialog)
    said = (
        f"No backups: {blocking} is where CoPDesk keeps a folder of backups, but it is a file (or a link to no folder)"
    )
    assert dialog.empty_label.text().startswith(said + ": move it elsewhere.")
    assert "Choose a file" in dialog.empty_label.text()
    listed = call_cli("backups", "--db", str(db_path))
    assert listed.returncode == 0 and listed.stdout.startswith(said), listed


@pytest.mark.parametrize("in_the_way", ["backups", "backups/copdesk.db"])
def test_a_link_to_a_drive_that_has_gone_is_named_with_where_it_points_and_not_to_be_moved(
    qtbot: QtBot, call_cli: CallCli, db: Database, db_path: Path, tmp_path: Path, in_the_way: str
) -> None:
    """The backups folder is a link to a memory stick that has been pulled out (a network drive not connected, a
    synced folder not there yet): "move it elsewhere" would lose the place chosen for the backups. The dialog, and
    the CLI's list, say where the link points, and to reconnect that drive or remove the link."""
    blocking = db_path.parent / in_the_way
    blocking.parent.mkdir(exist_ok=True)
    gone = tmp_path / "memory stick" / "CoPDesk backups"
    blocking.symlink_to(gone)
    dialog = RestoreDialog(db_path, 99)
    qtbot.addWidget(dialog)
    said = (
        f"No backups: {blocking} is where CoPDesk keeps a folder of backups, but it is a link to {gone}, which "
        "cannot be reached: reconnect the drive it points to, or remove the link."
    )
    assert dialog.empty_label.text().startswith(said), dialog.empty_label.text()
    assert "move it elsewhere" not in dialog.empty_label.text()
    listed = call_cli("backups", "--db", str(db_path))
    assert listed.returncode == 0 and listed.stdout.startswith(said), listed


def test_with_no_backups_what_restoring_does_stays_at_the_top(qtbot: QtBot, db_path: Path) -> None:
    """The room of the list, hidden for want of backups, was shared out above and below what restoring does: the words
    sat in a blank band. The words that say why there is no list take its room instead."""
    window, _team_id = _filled_window(qtbot, db_path)
    window.safeguards.restore_from_backup()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitExposed(dialog)
    assert dialog.list.count() == 0
    intro = dialog.ui.introLabel
    assert intro.geometry().top() == dialog.ui.mainLayout.contentsMargins().top()
    assert intro.height() == intro.heightForWidth(intro.width()), "no blank band around the words"
    assert dialog.empty_label.height() > dialog.empty_label.heightForWidth(dialog.empty_label.width())


def test_safeguards_refuse_during_a_live_session_and_warn_about_a_synced_folder_once(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    live = LiveSession(host)
    safeguards = Safeguards(
        _context(db, db_path), live, host, current_team_id=lambda: None, finish_background_work=lambda: True
    )
    assert not safeguards.banner_area.isVisibleTo(host)
    live.begin(1, 1)
    safeguards.delete_old_sessions()
    assert safeguards.current_dialog is None and safeguards.warning_banner.label.text() == LIVE_REFUSAL
    safeguards.show_startup([], [], "Your data folder is inside a folder synced by OneDrive.")
    assert safeguards.location_banner.isVisibleTo(host)
    again = Safeguards(
        _context(db, db_path), live, host, current_team_id=lambda: None, finish_background_work=lambda: True
    )
    again.show_startup([], [], "Your data folder is inside a folder synced by OneDrive.")
    assert not again.location_banner.isVisibleTo(host)  # once per folder


def test_safeguards_open_the_dialogs_without_blocking(qtbot: QtBot, db: Database, db_path: Path) -> None:
    team_id = fill(db)
    host = QWidget()
    qtbot.addWidget(host)
    safeguards = Safeguards(
        _context(db, db_path),
        LiveSession(host),
        host,
        current_team_id=lambda: team_id,
        finish_background_work=lambda: True,
    )
    backup = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW))
    safeguards.restore_from_backup()
    dialog = safeguards.current_dialog
    assert isinstance(dialog, RestoreDialog) and dialog.isVisible()
    _until_checked(qtbot, dialog)
    with qtbot.waitSignal(safeguards.restore_requested) as requested:
        dialog.restore_button.click()
    assert requested.args == [backup]
    safeguards.erase_member_data()
    assert isinstance(safeguards.current_dialog, EraseMemberDialog)


def test_a_copy_of_the_data_is_saved_where_chosen_in_the_background_even_mid_session(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_id = fill(db)
    host = QWidget()
    qtbot.addWidget(host)
    live = LiveSession(host)
    safeguards = Safeguards(
        _context(db, db_path), live, host, current_team_id=lambda: team_id, finish_background_work=lambda: True
    )
    live.begin(1, team_id)  # it only reads: a session in progress is no reason to refuse
    stick = tmp_path / "memory stick"
    stick.mkdir()
    offered: list[str] = []

    def answer(suggested: str) -> Path:
        offered.append(suggested)
        return stick / "copdesk-copy.db"

    monkeypatch.setattr(safeguards, "ask_copy_path", answer)
    ran_on: list[str] = []
    real = safeguards_module._saved_copy

    def in_which_thread(db: Path, output: Path) -> tuple[bool, str]:
        ran_on.append(threading.current_thread().name)
        return real(db, output)

    monkeypatch.setattr(safeguards_module, "_saved_copy", in_which_thread)

    safeguards.save_a_copy()
    qtbot.waitUntil(lambda: safeguards.notice_banner.isVisibleTo(host))

    assert offered == [str(Path.home() / f"copdesk-copy-{NOW.astimezone():%Y-%m-%d-%H%M}.db")]
    assert ran_on == ["copdesk-save-a-copy"]
    copy = stick / "copdesk-copy.db"
    assert verify_restorable(copy, migrations.latest_version(paths.migrations_dir())) > 0
    with sqlite3.connect(copy) as saved:
        assert (
            saved.execute("SELECT count(*) FROM note").fetchone() == db.execute("SELECT count(*) FROM note").fetchone()
        )
    said = safeguards.notice_banner.label.text()
    assert said.startswith("Saved a verified copy of your data as ") and "copdesk-copy.db" in said
    assert "do not reach it" in said


def _safeguards_on(qtbot: QtBot, db: Database, db_path: Path) -> tuple[QWidget, Safeguards]:
    """The data-care commands in a widget of their own, no team chosen and no work under way."""
    host = QWidget()
    qtbot.addWidget(host)
    safeguards = Safeguards(
        _context(db, db_path),
        LiveSession(host),
        host,
        current_team_id=lambda: None,
        finish_background_work=lambda: True,
    )
    return host, safeguards


@pytest.mark.parametrize("typed", ["copy for Monday", "copy for Monday.txt"])
def test_a_copy_named_without_the_ending_of_data_is_given_it(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """A copy saved as it was typed, with no ending or another, was left out of Restore's "Choose a file…", which lists
    CoPDesk's data files (*.db): it ends in .db, as an export ends in its format's ending."""
    fill(db)
    host, safeguards = _safeguards_on(qtbot, db, db_path)
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / typed)
    safeguards.save_a_copy()
    qtbot.waitUntil(lambda: safeguards.notice_banner.isVisibleTo(host))
    saved = tmp_path / f"{typed}.db"
    assert sorted(tmp_path.glob("copy for Monday*")) == [saved]
    assert verify_restorable(saved, migrations.latest_version(paths.migrations_dir())) > 0
    assert f"as {saved}." in safeguards.notice_banner.label.text()


def test_a_copy_given_the_ending_of_data_never_replaces_a_file_of_that_name(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save dialog asked about replacing "monday", not "monday.db": a file of that name was replaced unasked."""
    fill(db)
    _host, safeguards = _safeguards_on(qtbot, db, db_path)
    there = tmp_path / "monday.db"
    there.write_text("the facilitator's own file", encoding="utf-8")
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / "monday")
    safeguards.save_a_copy()
    assert (
        safeguards.warning_banner.label.text() == f"{shown(there)} is there already: choose another name for the copy."
    )
    assert there.read_text(encoding="utf-8") == "the facilitator's own file"
    assert safeguards.work_under_way() == []


@pytest.mark.parametrize("typed", ["monday.", "monday ", "monday.db. "])
def test_a_name_with_trailing_dots_or_spaces_is_read_as_windows_reads_it(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """Windows takes them off: "monday." is monday, whose copy is monday.db, which the dialog had not asked about."""
    fill(db)
    _host, safeguards = _safeguards_on(qtbot, db, db_path)
    there = tmp_path / "monday.db"
    there.write_text("the facilitator's own file", encoding="utf-8")
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / typed)
    safeguards.save_a_copy()
    assert (
        safeguards.warning_banner.label.text() == f"{shown(there)} is there already: choose another name for the copy."
    )
    assert [p.name for p in tmp_path.glob("monday*")] == ["monday.db"]
    assert safeguards.work_under_way() == []


def test_a_copy_named_with_the_ending_in_capitals_is_not_given_another(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db)
    host, safeguards = _safeguards_on(qtbot, db, db_path)
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / "MONDAY.DB")
    safeguards.save_a_copy()
    qtbot.waitUntil(lambda: safeguards.notice_banner.isVisibleTo(host))
    assert [p.name for p in tmp_path.glob("MONDAY*")] == ["MONDAY.DB"]


def test_a_copy_never_replaces_a_folder_or_a_link_of_the_name_it_was_given(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db)
    _host, safeguards = _safeguards_on(qtbot, db, db_path)
    (tmp_path / "monday.db").mkdir()
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / "monday")
    safeguards.save_a_copy()
    assert safeguards.warning_banner.label.text() == (
        f"{shown(tmp_path / 'monday.db')} is a folder; give the path of the file to write."
    )
    elsewhere = tmp_path / "supervision notes.txt"
    elsewhere.write_text("kept elsewhere", encoding="utf-8")
    (tmp_path / "tuesday.db").symlink_to(elsewhere)
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / "tuesday")
    safeguards.save_a_copy()
    said = safeguards.warning_banner.label.text()
    assert said == f"{shown(tmp_path / 'tuesday.db')} is there already: choose another name for the copy."
    assert elsewhere.read_text(encoding="utf-8") == "kept elsewhere"
    assert safeguards.work_under_way() == []


def test_a_copy_named_as_the_data_open_is_refused_as_such(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy named "copdesk" beside copdesk.db: the completed name is the data CoPDesk has open, never replaced."""
    fill(db)
    _host, safeguards = _safeguards_on(qtbot, db, db_path)
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: db_path.with_suffix(""))
    safeguards.save_a_copy()
    said = safeguards.warning_banner.label.text()
    assert said == f"{shown(db_path)} is the data CoPDesk has open: choose another name."
    assert safeguards.work_under_way() == []
    assert teams.list_teams(db)  # still there, still readable


def test_a_copy_refused_is_said_and_a_cancel_does_nothing(
    qtbot: QtBot, db: Database, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(db)
    host, safeguards = _safeguards_on(qtbot, db, db_path)
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: None)
    safeguards.save_a_copy()
    assert not safeguards.banner_area.isVisibleTo(host)

    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: tmp_path / "pulled out" / "copy.db")
    safeguards.save_a_copy()
    qtbot.waitUntil(lambda: safeguards.warning_banner.isVisibleTo(host))
    said = safeguards.warning_banner.label.text()
    assert said.startswith("The copy was not saved: There is no folder ") and "\n" not in said
    monkeypatch.setattr(safeguards, "ask_copy_path", lambda _suggested: db_path)
    safeguards.save_a_copy()
    qtbot.waitUntil(lambda: "is the database itself" in safeguards.warning_banner.label.text())


@pytest.mark.parametrize("with_backup", [True, False])
def test_damaged_database_dialog(qtbot: QtBot, tmp_path: Path, with_backup: bool) -> None:
    backup = BackupFile(tmp_path / "auto-x.db", BackupKind.AUTOMATIC, NOW) if with_backup else None
    dialog = DamagedDatabaseDialog("copdesk.db is damaged (malformed).", backup)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "quarantine" in dialog.plan_label.text()
    assert (dialog.restore_button is not None) == with_backup
    if dialog.restore_button is not None:
        assert dialog.restore_button.isDefault() and "before" not in dialog.plan_label.text()
        dialog.restore_button.click()
        assert dialog.choice is DamageChoice.RESTORE_BACKUP
    else:
        assert "no backup" in dialog.plan_label.text()
        dialog.fresh_button.click()
        assert dialog.choice is DamageChoice.START_FRESH


def test_erase_dialog_names_a_damaged_backup_and_offers_to_delete_it(qtbot: QtBot, db: Database, db_path: Path) -> None:
    from tests.reliability.conftest import corrupt

    team_id = fill(db)
    good = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=2)))
    damaged = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=1)))
    corrupt(damaged, "overwritten-page")
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _erase(dialog, "Zoë Quinn")
    assert damaged.name in dialog.result_label.text() and "not yet everywhere" in dialog.result_label.text()
    assert b"Quinn" not in good.read_bytes()
    assert dialog.delete_damaged.isVisible() and dialog.delete_damaged.accessibleName()

    dialog.delete_damaged.click()
    _until_done(dialog)

    assert not damaged.exists() and not dialog.delete_damaged.isVisible()
    assert "damaged copies deleted: 1" in dialog.result_label.text()
    assert _unfinished(db) == []


def test_a_backup_a_full_disk_kept_from_being_cleaned_is_never_called_damaged_and_is_cleaned_on_try_again(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_id = fill(db)
    sound = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=1)))
    copy_file = shutil.copyfile

    monkeypatch.setattr(shutil, "copyfile", _copy_refused)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _erase(dialog, "Zoë Quinn")

    said = dialog.result_label.text()
    assert f"Not cleaned this time, so the data is still in: backups/copdesk.db/{sound.name} (No space left" in said
    assert "damaged" not in said and "Try again" in said
    assert dialog.retry.isVisible() and dialog.retry.accessibleName() and not dialog.delete_damaged.isVisible()
    dialog.delete_damaged.click()  # even pressed (a shortcut), it deletes no copy that is not damaged
    _until_done(dialog)
    assert sound.exists() and b"Quinn" in sound.read_bytes()
    assert dialog.member_combo.findText("Zoë Quinn") == -1  # erased from the database, so no longer offered

    monkeypatch.setattr(shutil, "copyfile", copy_file)  # space freed
    dialog.retry.click()
    _until_done(dialog)

    assert dialog.result_label.text() == "Finished: every backup is cleaned."
    assert not dialog.retry.isVisible() and sound.exists() and b"Quinn" not in sound.read_bytes()
    assert _unfinished(db) == []


def test_a_full_disk_while_the_search_indexes_merge_is_said_in_the_erase_dialog(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_id = fill(db)
    merge = scrub.optimise_search_indexes

    monkeypatch.setattr(scrub, "optimise_search_indexes", _sqlite_disk_full)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _erase(dialog, "Zoë Quinn")

    assert dialog.result_label.text().startswith("The disk is full") and "Try again" in dialog.result_label.text()
    assert dialog.retry.isVisible() and not dialog.delete_damaged.isVisible()
    assert dialog.member_combo.findText("Zoë Quinn") == -1 and dialog.member_combo.currentIndex() == -1
    assert "Choose the member" in dialog.preview.text()
    assert _unfinished(db) == ["erase"]  # finished by a later run

    monkeypatch.setattr(scrub, "optimise_search_indexes", merge)
    dialog.retry.click()
    _until_done(dialog)
    assert dialog.result_label.text() == "Finished: every backup is cleaned."
    assert _unfinished(db) == []


def test_a_long_message_in_the_erase_dialog_is_shown_whole(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened from the window, under its stylesheet, as the facilitator sees it: a backup a full disk kept from
    being cleaned makes the longest message, five lines."""
    window, team_id = _filled_window(qtbot, db_path)
    db = window.context.db
    backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=1)))
    monkeypatch.setattr(shutil, "copyfile", _copy_refused)
    dialog = EraseMemberDialog(window.context, team_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    _erase(dialog, "Zoë Quinn")

    label = dialog.result_label
    assert "Not cleaned this time" in label.text()
    assert label.height() >= label.heightForWidth(label.width()), "every line of the message is shown, none cut off"


def test_a_refusal_before_anything_is_recorded_says_nothing_was_done_though_another_erasure_waits(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team_id = fill(db)
    merge = scrub.optimise_search_indexes

    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    monkeypatch.setattr(scrub, "optimise_search_indexes", _sqlite_disk_full)
    _erase(dialog, "Bo Day")  # Bo Day's erasure waits, part-done
    assert "It is done in part" in dialog.result_label.text()
    monkeypatch.setattr(scrub, "optimise_search_indexes", merge)
    monkeypatch.setattr(pending_care, "record_erasure", _sqlite_disk_full)  # now refused before Zoë's is recorded
    _erase(dialog, "Zoë Quinn")

    assert dialog.result_label.text().startswith("The disk is full")
    assert "done in part" not in dialog.result_label.text() and not dialog.retry.isVisible()
    assert dialog.member_combo.findText("Zoë Quinn") != -1  # nothing of hers was erased: she is still offered


def test_the_erase_dialog_says_where_to_correct_the_texts_that_still_name_the_member(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    team_id = fill(db)
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, "Zoë Quinn's idea about the rota", NOW)
    dialog = EraseMemberDialog(_context(db, db_path), team_id)
    qtbot.addWidget(dialog)
    _choose(dialog, "Bo Day")
    assert "Search notes" not in dialog.preview.text()  # nothing of Bo Day's to correct
    _choose(dialog, "Zoë Quinn")
    assert "still mention the name (CoPDesk never rewrites your words): notes: 1." in dialog.preview.text()
    assert dialog.preview.text().endswith(
        "Search notes (Ctrl+F) finds those in notes, issues (and how they were resolved), actions and escalation "
        "outcomes: select one and correct its words there."
    )
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()
    _until_done(dialog)
    assert dialog.result_label.text().startswith("Erased: ")
    assert dialog.result_label.text().endswith("select one and correct its words there.")


def test_a_tick_given_for_one_retention_period_is_not_given_for_another(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    fill(db, start=NOW - timedelta(days=800))
    dialog = RetentionDialog(_context(db, db_path))
    qtbot.addWidget(dialog)
    dialog.months.setValue(36)
    _until_counted(qtbot, dialog)
    assert ": 0." in dialog.preview.text()
    dialog.confirm.setChecked(True)  # nothing would go
    dialog.months.setValue(1)  # a wheel turned over the box
    assert not dialog.confirm.isChecked() and not dialog.delete_button.isEnabled()
    dialog.delete_button.click()
    _until_done(dialog)
    assert sessions.session_count(db) == 3
    _until_counted(qtbot, dialog)


def test_enter_never_deletes_the_damaged_copies_nor_erases_nor_restores(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """Enter pressed out of habit, in the box or on the tick, closes the dialog: it presses no button that deletes."""
    from tests.reliability.conftest import corrupt

    team_id = fill(db)
    damaged = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=1)))
    corrupt(damaged, "overwritten-page")
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _erase(dialog, "Zoë Quinn")
    assert dialog.delete_damaged.isVisible()
    _choose(dialog, "Bo Day")
    dialog.confirm.setChecked(True)
    dialog.confirm.setFocus()
    QTest.keyClick(dialog.confirm, Qt.Key.Key_Return)
    assert damaged.exists() and dialog.member_combo.findText("Bo Day") != -1
    assert dialog.result() == EraseMemberDialog.DialogCode.Rejected and not dialog.isVisible()

    retention = RetentionDialog(_context(db, db_path))
    restore = RestoreDialog(db_path, 99)
    for other in (retention, restore):
        qtbot.addWidget(other)
        other.show()
    assert retention.ui.closeButton.isDefault() and restore.ui.closeButton.isDefault()
    retention.reject()  # the count and the check under way are given up
    restore.reject()


def test_the_erase_dialog_grows_to_show_its_words_whole_when_a_member_is_chosen(qtbot: QtBot, db_path: Path) -> None:
    """The preview of a member whose name is in notes runs to several lines: the dialog grows for them, and the
    words above (what an erasure does) are not cut off to make room."""
    window, team_id = _filled_window(qtbot, db_path)
    db = window.context.db
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, "Zoë Quinn's idea about the rota", NOW)
    dialog = EraseMemberDialog(window.context, team_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _choose(dialog, "Zoë Quinn")
    assert "Search notes" in dialog.preview.text()
    for label in (dialog.ui.introLabel, dialog.preview):
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()


def test_the_erase_dialog_names_its_team_and_another_roster_with_someone_of_the_same_name(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """A colleague on two teams' rosters is erased from one at a time: the dialog says which, and where else the name
    is, so a request to erase is not thought done when half of it is."""
    team_id = fill(db)
    other = teams.create_team(db, "Riverside Team", [("zoë quinn", Role.PRACTITIONER)], NOW)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    assert dialog.preview.text() == "Choose the member of Harbour Team whose data is to be erased."
    _choose(dialog, "Bo Day")
    assert dialog.preview.text().startswith("To erase from Harbour Team: ") and "Someone called" not in (
        dialog.preview.text()
    )
    _choose(dialog, "Zoë Quinn")
    said = "Someone called Zoë Quinn is also on Riverside Team's roster, which this does not reach"
    assert said in dialog.preview.text()
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()
    _until_done(dialog)
    assert said in dialog.result_label.text()
    assert [m.display_name for m in teams.list_members(db, other.id)] == ["zoë quinn"]


def test_the_erase_dialog_names_another_roster_with_someone_whose_name_differs_only_in_accents(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """Typed without accents, "Zoe Quinn" finds Zoë Quinn: on another team's roster she is the same colleague, whom
    this erasure does not reach, so the dialog names her there as she is written."""
    team_id = fill(db)
    teams.create_team(db, "Riverside Team", [("Zoe Quinn", Role.PRACTITIONER)], NOW)
    teams.create_team(db, "Bridge Team", [("zoë quinn", Role.PRACTITIONER), ("Ash Lee", Role.PRACTITIONER)], NOW)
    teams.create_team(db, "Fenland Team", [("Zoe Quinton", Role.PRACTITIONER)], NOW)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _choose(dialog, "Zoë Quinn")
    said = (
        "Someone called Zoë Quinn is also on Bridge Team's roster, and someone called Zoe Quinn on Riverside Team's"
        " roster, which this does not reach"
    )
    assert said in dialog.preview.text()
    assert "Fenland" not in dialog.preview.text()


def test_deletions_say_that_words_kept_in_files_beside_the_data_are_not_reached(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """ "Backups cleaned" must not read as "gone everywhere" while a session's notes wait in a text file."""
    from copdesk.store import kept_notes

    team_id = fill(db, start=NOW - timedelta(days=800))
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _erase(dialog, "Bo Day")
    assert "unsaved-notes" not in dialog.result_label.text()  # nothing kept: nothing said
    kept_notes.keep_text(db_path.parent, "Zoë Quinn said the rota works", "Notes of a session", NOW)
    _erase(dialog, "Zoë Quinn")
    said = "A file of words CoPDesk could not save, in the “unsaved-notes” folder beside your data, is not reached"
    assert said in dialog.result_label.text()
    retention = RetentionDialog(_context(db, db_path))
    qtbot.addWidget(retention)
    retention.show()
    retention.months.setValue(12)
    _until_counted(qtbot, retention)
    retention.confirm.setChecked(True)
    retention.delete_button.click()
    _until_done(retention)
    assert retention.result_label.text().startswith("Deleted: sessions: 3") and said in retention.result_label.text()
    _until_counted(qtbot, retention)


def test_an_erasure_runs_beside_the_window_which_goes_on_answering_and_the_dialog_waits_for_it(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cleaning every backup of years of notes takes a while: on the window's own thread the window stopped
    answering (Windows calls it "Not responding", and a facilitator might end it)."""
    from PySide6.QtCore import QTimer

    from copdesk.services import data_care

    team_id = fill(db)
    began, release = threading.Event(), threading.Event()
    erase = data_care.erase_member
    seen: list[object] = []

    def slow(target: Database, *args: object, **kwargs: object) -> object:
        seen.extend((threading.current_thread() is threading.main_thread(), target is db))
        began.set()
        assert release.wait(10)
        return erase(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(data_care, "erase_member", slow)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    _choose(dialog, "Zoë Quinn")
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()

    assert began.wait(5) and seen == [False, False], "in a worker thread, on a connection of its own"
    answered: list[bool] = []
    QTimer.singleShot(0, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True])  # the window's event loop runs meanwhile
    assert dialog.result_label.text() == "Erasing… Every backup is cleaned too, which can take a minute."
    controls = (dialog.member_combo, dialog.confirm, dialog.erase_button, dialog.ui.closeButton)
    assert not any(control.isEnabled() for control in controls)
    assert dialog.cursor().shape() == Qt.CursorShape.BusyCursor
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.close()
    assert dialog.isVisible(), "it cannot be closed while it works"

    release.set()
    _until_done(dialog)
    assert dialog.result_label.text().startswith("Erased: contributions: 3")
    assert dialog.member_combo.isEnabled() and dialog.ui.closeButton.isEnabled() and not dialog.erase_button.isEnabled()
    assert dialog.cursor().shape() == Qt.CursorShape.ArrowCursor
    assert dialog.member_combo.findText("Zoë Quinn") == -1 and _unfinished(db) == []


def test_a_fault_in_data_care_work_is_raised_on_the_window_thread_and_the_dialog_is_usable_again(
    qtbot: QtBot, db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not a refusal but a bug: the crash log has it (raised on the GUI thread), and the dialog is not left busy."""
    from copdesk.services import data_care

    team_id = fill(db)

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("a fault")

    monkeypatch.setattr(data_care, "erase_member", broken)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    with qtbot.captureExceptions() as raised:
        _erase(dialog, "Zoë Quinn")
    assert [str(error[1]) for error in raised] == ["a fault"]
    assert not dialog.busy and dialog.ui.closeButton.isEnabled()
    assert dialog.result_label.text() == FAULT, "not still 'Erasing…', as if the work went on"


def test_quitting_while_an_erasure_works_waits_for_it_before_the_data_closes_and_the_lock_goes(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log-off or Cmd+Q mid-erasure closed the window's connection and released the instance lock while the worker
    still wrote: a second CoPDesk could take the lock and clean the same backups beside it."""
    window, dialog, release = _erasure_held(qtbot, db_path, monkeypatch)
    assert dialog.busy
    threading.Timer(0.3, release.set).start()

    window.finish_background_work()  # what the app does at quit, before it closes the data and frees the lock

    assert not any(thread.name == "copdesk-data-care" for thread in threading.enumerate())
    assert _unfinished(window.context.db) == [] and release.is_set()


def test_quitting_mid_erasure_says_what_copdesk_is_finishing_until_it_is_done(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A log-off mid-erasure hid the window, then CoPDesk waited for every backup to be cleaned without a word: a
    process lingering unseen, holding the lock. A small window says what it is finishing, and goes once it is done."""
    window, _dialog, release = _erasure_held(qtbot, db_path, monkeypatch)
    seen: list[str] = []

    def look_then_let_it_end() -> None:
        seen.extend(notice.label.text() for notice in _notices())
        release.set()

    QTimer.singleShot(100, look_then_let_it_end)
    threading.Timer(3, release.set).start()  # however the wait is made, the worker is never left waiting
    window.close_without_asking()  # as a log-off closes it

    window.finish_background_work(closing=True)  # what the app does then, before it closes the data and the lock

    assert seen == [
        "CoPDesk is cleaning every backup of what it erases or deletes before it closes, so that nothing is cut short. "
        "It closes by itself when that is done."
    ]
    assert not _notices() and _unfinished(window.context.db) == []


def test_a_wait_at_quit_that_goes_on_says_what_ending_copdesk_would_mean(qtbot: QtBot) -> None:
    """A backups folder on a network share that stops answering holds the work for ever: CoPDesk never cuts it
    short, and after a while says so, and that ending it loses no data."""
    release = threading.Event()
    job = BackgroundJob(lambda: release.wait(10), "test-hung-share", doing="saving the copy of your data")
    job.start()
    seconds = iter(range(0, 10_000, 5))
    seen: list[str] = []

    def look_then_let_it_end() -> None:
        seen.extend(notice.label.text() for notice in _notices())
        release.set()

    QTimer.singleShot(300, look_then_let_it_end)
    threading.Timer(3, release.set).start()

    finish_saying_so([job], clock=lambda: float(next(seconds)))

    assert len(seen) == 1 and seen[0].startswith("CoPDesk is saving the copy of your data before it closes")
    assert "taking longer than it should" in seen[0] and "no data is lost" in seen[0]
    assert not _notices()


def _erasure_held(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[MainWindow, EraseMemberDialog, threading.Event]:
    """The filled window with Zoë Quinn's erasure begun from its dialog and held in its worker until ``release``."""
    from copdesk.services import data_care

    window, team_id = _filled_window(qtbot, db_path)
    teams.rename_team(window.context.db, team_id, "Northside Community Team")  # the line under the member wraps
    window.reload_teams(team_id)
    release = threading.Event()
    erase = data_care.erase_member

    def slow(*args: object, **kwargs: object) -> object:
        assert release.wait(10)
        return erase(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(data_care, "erase_member", slow)
    window.safeguards.erase_member_data()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, EraseMemberDialog)
    _choose(dialog, "Zoë Quinn")
    dialog.confirm.setChecked(True)
    dialog.erase_button.click()
    return window, dialog, release


def _notices() -> list[FinishingNotice]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, FinishingNotice) and widget.isVisible()
    ]


def test_a_data_care_dialog_opens_with_every_line_of_its_words_in_view(qtbot: QtBot, db_path: Path) -> None:
    """Opened at the height of its words wrapped narrower than they are, the Erase dialog cut off the first and last
    lines of what an erasure does."""
    window, team_id = _filled_window(qtbot, db_path)
    teams.rename_team(window.context.db, team_id, "Northside Community Team")  # the line under the member wraps
    window.reload_teams(team_id)
    window.safeguards.erase_member_data()  # as File ▸ Erase a member's data… opens it
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, EraseMemberDialog)
    qtbot.waitExposed(dialog)
    QTest.qWait(10)  # the layout settles
    for label in (dialog.ui.introLabel, dialog.preview):
        assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_a_data_care_dialog_never_grows_past_the_foot_of_the_screen(qtbot: QtBot, db: Database, db_path: Path) -> None:
    """A dozen copies not cleaned, each named with its reason, grew it below a 768 px screen, buttons and all."""
    team_id = fill(db)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    qtbot.waitExposed(dialog)
    dialog.result_label.setText(
        " ".join(f"backups/copdesk.db/auto-2026{day:04d}.db (access denied)" for day in range(400))
    )
    care_dialog.grow(dialog)
    room = dialog.screen().availableGeometry()
    assert room.contains(dialog.frameGeometry()), (dialog.frameGeometry(), room)


def test_hundreds_of_files_named_in_a_data_care_dialog_scroll_and_its_buttons_stay_in_reach(
    qtbot: QtBot, db: Database, db_path: Path
) -> None:
    """Hundreds of backups not cleaned, each named: capped at the foot of a 768 px screen, the dialog cut off the last
    lines. The words scroll instead, to their last line, and the buttons stay on screen below them."""
    team_id = fill(db)
    dialog = _shown_erase_dialog(qtbot, db, db_path, team_id)
    qtbot.waitExposed(dialog)
    dialog.retry.show()
    dialog.result_label.setText(
        " ".join(f"backups/copdesk.db/auto-2026{day:04d}.db (access denied)" for day in range(400)) + " THE LAST WORDS."
    )
    care_dialog.grow(dialog)
    QTest.qWait(10)  # the layout settles

    room = dialog.screen().availableGeometry()
    assert room.contains(dialog.frameGeometry()), (dialog.frameGeometry(), room)
    for button in (dialog.retry, dialog.ui.closeButton, dialog.erase_button):
        assert dialog.rect().contains(button.geometry()), (button.text(), button.geometry(), dialog.rect())
    label = dialog.result_label
    assert label.height() >= label.heightForWidth(label.width()), "every line is laid out, none cut off"
    scroll = label.parentWidget()
    while scroll is not None and not isinstance(scroll, QAbstractScrollArea):
        scroll = scroll.parentWidget()
    assert scroll is not None, "the words scroll"
    bar = scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert label.mapTo(scroll.viewport(), label.rect().bottomLeft()).y() <= scroll.viewport().height()
    for other in (dialog.ui.introLabel, dialog.preview):
        assert other.height() >= other.heightForWidth(other.width()), other.objectName()


@pytest.mark.parametrize("which", ["restore", "erase", "delete old sessions"])
def test_closing_a_data_care_dialog_never_waits_for_its_check(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, db: Database, db_path: Path, tmp_path: Path, which: str
) -> None:
    """Closing the dialog waited, on the window's thread, for the check under way (a backup read whole, what an
    erasure or a deletion would remove counted): a file on a network share that stopped answering hung the window
    at the close. Now the close returns at once, nothing is restored, erased or deleted, and the check, left to end
    on its own, never reaches the dialog, which is gone by then."""
    from copdesk.services import data_care
    from copdesk.views.data_care import restore_dialog

    began, released = threading.Event(), threading.Event()
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))

    def stuck(real: Callable[..., object]) -> Callable[..., object]:
        def check(*args: object) -> object:
            began.set()
            assert released.wait(5), "the share never answered"
            return real(*args)

        return check

    team_id = fill(db)
    dialog: RestoreDialog | EraseMemberDialog | RetentionDialog
    if which == "restore":
        monkeypatch.setattr(restore_dialog, "verify_restorable", stuck(verify_restorable))
        dialog = RestoreDialog(db_path, 99)
        dialog.add_file(backup_to(db.conn, tmp_path / "on a share.db"))
        worker = "copdesk-backup-check"
    elif which == "erase":
        monkeypatch.setattr(data_care, "preview_erasure_beside", stuck(data_care.preview_erasure_beside))
        dialog = EraseMemberDialog(_context(db, db_path), team_id)
        dialog.member_combo.setCurrentIndex(0)
        worker = "copdesk-erasure-preview"
    else:
        monkeypatch.setattr(data_care, "preview_retention_beside", stuck(data_care.preview_retention_beside))
        dialog = RetentionDialog(_context(db, db_path))
        worker = "copdesk-retention-preview"
    dialog.show()
    assert began.wait(5)
    dialog.reject()  # Close, Escape or the title bar's cross
    under_way = [thread for thread in threading.enumerate() if thread.name == worker]
    assert under_way, "the close waited for the check to end"
    (checking,) = under_way
    assert checking.daemon, "a check left running never holds up the end of CoPDesk"
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    released.set()
    checking.join(5)
    QApplication.processEvents()
    assert not checking.is_alive() and raised == [], "the check, once ended, touched the dialog gone"
