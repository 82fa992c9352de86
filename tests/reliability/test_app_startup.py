"""The same faults through the real app entry point (``run_gui``), event loop replaced by a check.

``QApplication.exec`` is swapped for a function that inspects the window the app built and returns,
so each test runs the whole start-up (location, lock, recovery, backup, window) without blocking.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import SIGNAL, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk import app, paths, restoring
from copdesk.instance_lock import lock_path
from copdesk.shutdown import save_and_quit
from copdesk.startup import DamageChoice
from copdesk.store import migrations
from copdesk.store.backup_catalogue import BackupKind, list_backups
from copdesk.store.errors import WriteRefusedError
from copdesk.store.kept_notes import kept_files
from copdesk.store.recovery import QUARANTINE_FOLDER
from copdesk.views.shell.close_question import CHANGE_WAITING
from copdesk.views.shell.finishing_notice import WorkNotice
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.shell.startup_dialogs import DamagedDatabaseDialog, DataLocationDialog
from copdesk.views.widgets.background import BackgroundJob
from tests.cli.conftest import CallCli
from tests.reliability.conftest import MEMBERS, corrupt, make_database
from tests.reliability.test_demo_database import _refusing_writes, _told


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


@pytest.fixture
def event_loop(monkeypatch: pytest.MonkeyPatch) -> list[Callable[[MainWindow], None]]:
    """Steps to run against the shown window in place of the event loop; the window is closed after."""
    steps: list[Callable[[MainWindow], None]] = []

    def fake_exec() -> int:
        for window in _windows():  # as the real loop has by the time anyone clicks: the start-up backup is taken
            window.finish_background_work()
        for step in steps:
            (window,) = _windows()
            step(window)
        for window in _windows():
            window.close()
            window.deleteLater()  # as the real event loop would, before the next test builds its own
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    return steps


def _choose(monkeypatch: pytest.MonkeyPatch, choice: DamageChoice) -> list[str]:
    asked: list[str] = []

    def answer(dialog: DamagedDatabaseDialog) -> int:
        frame = dialog.parentWidget()
        assert isinstance(frame, MainWindow) and frame.isVisible() and not frame.is_open()  # asked over the frame
        asked.append(dialog.message_label.text())
        dialog.choice = choice
        return 1

    monkeypatch.setattr(DamagedDatabaseDialog, "exec", answer)
    return asked


def test_damaged_database_restores_the_backup_through_the_app(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0  # a clean start takes the first automatic backup
    assert [b.kind for b in list_backups(db_path)] == [BackupKind.AUTOMATIC]
    corrupt(db_path, "overwritten-page")
    asked = _choose(monkeypatch, DamageChoice.RESTORE_BACKUP)
    seen: list[str] = []
    event_loop[:] = [lambda window: seen.append(window.safeguards.notice_banner.label.text())]

    assert app.run_gui(["--db", str(db_path)]) == 0

    assert len(asked) == 1 and "damaged" in asked[0]
    assert "restored the backup" in seen[0] and QUARANTINE_FOLDER in seen[0]
    assert len(list((db_path.parent / QUARANTINE_FOLDER).iterdir())) == 1
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM team").fetchone()[0] == 1
    assert not lock_path(db_path).exists()  # released at exit


def _a_start_then_a_mistake(db_path: Path, event_loop: list[Callable[[MainWindow], None]]) -> None:
    """A database started once (its first automatic backup taken), then every note deleted by mistake: the next
    start backs that up too."""
    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()


def test_restore_from_the_file_menu_reopens_the_window_on_the_backup(
    qtbot: QtBot, db_path: Path, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    _a_start_then_a_mistake(db_path, event_loop)
    seen: list[tuple[int, str]] = []

    def restore(window: MainWindow) -> None:
        _mistake, before_it = list_backups(db_path)  # the one before the mistake has not rotated out
        window.safeguards.restore_requested.emit(before_it.path)  # what the dialog's Restore button does

    def check(window: MainWindow) -> None:
        count = window.context.db.execute("SELECT count(*) FROM note").fetchone()[0]
        seen.append((count, window.safeguards.notice_banner.label.text()))

    event_loop[:] = [restore, check]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert seen[0][0] == 3 and "Restored" in seen[0][1] and "pre-restore" in seen[0][1]
    assert any(b.kind is BackupKind.PRE_RESTORE for b in list_backups(db_path))


def test_nothing_is_restored_while_a_change_waits_for_retry(
    qtbot: QtBot, db_path: Path, event_loop: list[Callable[[MainWindow], None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A restore closes the window without a question: a change the data refused, waiting for Retry, would go with
    it. The window stays on the data as it is, and says why."""
    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0
    told = _told(monkeypatch)
    seen: list[object] = []

    def restore_while_waiting(window: MainWindow) -> None:
        def refused() -> None:
            raise WriteRefusedError("The change was not saved: the disk is full.")

        window.context.writes.run(refused, retry=lambda: None, key="a tick")
        (backup,) = list_backups(db_path)
        window.safeguards.restore_requested.emit(backup.path)
        seen.extend([window.isVisible(), window.context.writes.failing])
        window.context.writes.run(lambda: None, key="a tick")  # saved at last: the window closes as the test ends

    event_loop[:] = [restore_while_waiting]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert seen == [True, True]
    assert told == [("Nothing was restored", CHANGE_WAITING)]
    assert not any(b.kind is BackupKind.PRE_RESTORE for b in list_backups(db_path))


def test_a_restore_with_notes_that_would_not_save_points_to_the_file_they_were_kept_in(
    qtbot: QtBot, db_path: Path, event_loop: list[Callable[[MainWindow], None]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window let its data go with the notes kept in a file, and the restored window said only "Restored": the
    words sat unseen until the next start. Leaving the demo pointed to them; a restore now does too."""
    from copdesk.sandbox import start_session

    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0
    seen: list[str] = []

    def restore_with_notes_unsaved(window: MainWindow) -> None:
        start_session(window, topic="Practice")
        window.notes_panel.editor.setPlainText("Typed while the disk was full")
        _refusing_writes(monkeypatch, window)
        (backup,) = list_backups(db_path)
        window.safeguards.restore_requested.emit(backup.path)

    def check(window: MainWindow) -> None:
        seen.extend([window.safeguards.notice_banner.label.text(), window.safeguards.warning_banner.label.text()])

    event_loop[:] = [restore_with_notes_unsaved, check]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert kept_files(db_path.parent)
    assert any("could not save are kept" in text for text in seen), seen


def _shown() -> list[str]:
    """The objectNames of CoPDesk's windows on screen."""
    return sorted(widget.objectName() for widget in QApplication.topLevelWidgets() if widget.isVisible())


@pytest.mark.parametrize("outcome", ["restored", "refused"])
def test_a_restore_shows_a_window_from_the_old_one_closing_to_the_new_one_shown(
    qtbot: QtBot,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    event_loop: list[Callable[[MainWindow], None]],
    outcome: str,
) -> None:
    """The restore ran on the window's thread after the old window closed: for the seconds it takes on a network share
    no window of CoPDesk's showed, and it painted nothing. Now a small window says what is happening, and paints (its
    timers run) while the backup is put in place, until the new window shows, whether the restore happened or not."""
    from copdesk.store import recovery

    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0  # the first automatic backup, to restore from
    (backup,) = list_backups(db_path)
    real_restore, real_show = recovery.restore_database, app.RunningWindow._show
    looked = threading.Event()
    seen: dict[str, list[str]] = {}

    def look() -> None:  # on the window's thread, while the restore runs
        seen["during"] = _shown()
        seen["said"] = [w.label.text() for w in QApplication.topLevelWidgets() if isinstance(w, WorkNotice)]
        looked.set()

    def restore_database(*args: Any, **kwargs: Any) -> object:
        looked.wait(5)  # the window answers meanwhile, and looks
        if outcome == "refused":
            raise PermissionError(13, "The process cannot access the file because it is being used", str(db_path))
        return real_restore(*args, **kwargs)

    def show(running: app.RunningWindow, *args: Any, **kwargs: Any) -> MainWindow:
        seen["before the new window"] = _shown()
        return real_show(running, *args, **kwargs)

    def restore(window: MainWindow) -> None:
        monkeypatch.setattr(recovery, "restore_database", restore_database)
        monkeypatch.setattr(app.RunningWindow, "_show", show)
        QTimer.singleShot(0, look)
        window.safeguards.restore_requested.emit(backup.path)
        seen["after"] = _shown()

    event_loop[:] = [restore]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert seen["during"] == ["restoringNotice"], "the old window closed, this one says why"
    assert seen["said"] == [f"Restoring {backup.path.name}… CoPDesk's window opens again by itself when that is done."]
    assert seen["before the new window"] == ["restoringNotice"]
    assert seen["after"] == ["mainWindow"], "the new window, and no notice left behind"


def test_a_restore_or_the_demo_asked_for_as_the_window_closes_does_not_happen(
    qtbot: QtBot, db_path: Path, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    """The window answers while it waits for a backup under way (a log-off can close it meanwhile): then CoPDesk is
    quitting: the database is not replaced, nor the demo opened, nor a window opened on either."""
    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM note")
    conn.commit()
    conn.close()

    def restore(window: MainWindow) -> None:
        _logged_off_while_it_waits(window)
        _mistake, before_it = list_backups(db_path)
        window.safeguards.restore_requested.emit(before_it.path)

    shown: list[MainWindow] = []

    def explore_the_demo(window: MainWindow) -> None:
        _logged_off_while_it_waits(window)
        window.demo.explore_requested.emit()
        shown.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())

    event_loop[:] = [restore]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert sqlite3.connect(db_path).execute("SELECT count(*) FROM note").fetchone()[0] == 0
    assert not any(b.kind is BackupKind.PRE_RESTORE for b in list_backups(db_path))
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    event_loop[:] = [explore_the_demo]  # and the demo is not opened either
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert shown == []
    for (
        window
    ) in QApplication.topLevelWidgets():  # closed, not yet deleted: as the quitting app would, before the next test
        if isinstance(window, MainWindow):
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _logged_off_while_it_waits(window: MainWindow) -> None:
    """Work under way that the window waits for before a restore or the demo (a copy being saved), and a log-off
    while it waits: the window answers meanwhile, so the log-off closes it then."""
    logged_off = threading.Event()
    window.after_first_paint(BackgroundJob(lambda: logged_off.wait(10), "copdesk-test-copy"))

    def log_off() -> None:
        window.close_without_asking()
        logged_off.set()

    QTimer.singleShot(0, log_off)


def test_restoring_a_copy_from_before_an_erasure_through_the_window_erases_again(
    qtbot: QtBot, db_path: Path, tmp_path: Path, call_cli: CallCli, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    make_database(db_path)
    outside = tmp_path / "usb" / "before.db"
    outside.parent.mkdir()
    assert call_cli("backup", "-o", str(outside), "--db", str(db_path)).returncode == 0
    erased = call_cli("erase", "--team", "Harbour Team", "--member", MEMBERS[0], "--yes", "--db", str(db_path))
    assert erased.returncode == 0, erased.stderr
    seen: list[tuple[int, str]] = []

    def restore(window: MainWindow) -> None:
        window.safeguards.restore_requested.emit(outside)

    def check(window: MainWindow) -> None:
        db = window.context.db
        count = db.execute("SELECT count(*) FROM member WHERE display_name = ?", [MEMBERS[0]]).fetchone()[0]
        seen.append((count, window.safeguards.notice_banner.label.text()))

    event_loop[:] = [restore, check]
    assert app.run_gui(["--db", str(db_path)]) == 0
    count, notice = seen[0]
    assert count == 0 and "Restored before.db. The erasure made in the data it replaced was made again" in notice


def test_newer_schema_is_refused_through_the_app_and_the_folder_is_untouched(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    make_database(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    listing = {p.name: p.read_bytes() for p in db_path.parent.iterdir()}
    shown: list[str] = []

    def read(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    assert app.run_gui(["--db", str(db_path)]) == 1
    assert len(shown) == 1 and "newer CoPDesk" in shown[0]
    assert {p.name: p.read_bytes() for p in db_path.parent.iterdir()} == listing


def test_failing_migration_keeps_the_previous_version_through_the_app(
    qtbot: QtBot,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    event_loop: list[Callable[[MainWindow], None]],
) -> None:
    make_database(db_path)
    version = migrations.latest_version(paths.migrations_dir())
    broken = tmp_path / "db"
    shutil.copytree(paths.migrations_dir(), broken)
    (broken / f"{version + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n", encoding="utf-8"
    )
    monkeypatch.setattr(paths, "migrations_dir", lambda: broken)
    shown: list[str] = []

    def read(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", read)
    assert app.run_gui(["--db", str(db_path)]) == 1
    assert len(shown) == 1 and f"unchanged at version {version}" in shown[0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM note").fetchone()[0] == 3
    conn.close()
    assert [b.kind for b in list_backups(db_path)] == [BackupKind.PRE_MIGRATION]  # taken before trying


def test_unusable_default_folder_offers_another_and_remembers_it(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    event_loop: list[Callable[[MainWindow], None]],
    call_cli: CallCli,
) -> None:
    monkeypatch.delenv(paths.ENVIRONMENT_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    (tmp_path / "xdg").mkdir()
    (tmp_path / "xdg" / "copdesk").write_text("a file where the data folder should be", encoding="utf-8")
    chosen = tmp_path / "chosen" / "copdesk.db"
    asked: list[str] = []

    def choose(dialog: DataLocationDialog) -> int:
        asked.append(dialog.message_label.text())
        dialog.chosen = chosen
        return 1

    monkeypatch.setattr(DataLocationDialog, "exec", choose)
    opened: list[Path] = []
    event_loop.append(lambda window: opened.append(window.context.db_path))
    assert app.run_gui([]) == 0
    assert len(asked) == 1 and "is a file" in asked[0]
    assert opened == [chosen]
    assert app.run_gui([]) == 0  # the next start goes straight to the chosen folder
    assert opened == [chosen, chosen] and len(asked) == 1
    backed_up = call_cli("backup", "-o", str(tmp_path / "copy.db"))  # the command line, without --db, too
    assert backed_up.returncode == 0 and backed_up.stdout.startswith(f"Backed up {chosen} to "), backed_up


def test_a_restore_refused_by_another_program_reopens_the_window_on_the_data_as_it_was(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    """A virus scanner or sync client holding a file makes the restore's own copy fail (PermissionError on Windows):
    not a store refusal, but the window must come back on the data all the same."""
    from copdesk.store import recovery

    make_database(db_path)
    event_loop.append(lambda window: None)
    assert app.run_gui(["--db", str(db_path)]) == 0  # the first automatic backup, to restore from
    (backup,) = list_backups(db_path)

    def held_by_another_program(*_args: object) -> None:
        raise PermissionError(13, "The process cannot access the file because it is being used", str(db_path))

    monkeypatch.setattr(recovery, "backup_to", held_by_another_program)
    seen: list[tuple[int, str, bool]] = []

    def restore(window: MainWindow) -> None:
        window.safeguards.restore_requested.emit(backup.path)

    def check(window: MainWindow) -> None:
        notes = window.context.db.execute("SELECT count(*) FROM note").fetchone()[0]
        seen.append((notes, window.safeguards.warning_banner.label.text(), QApplication.quitOnLastWindowClosed()))

    event_loop[:] = [restore, check]
    assert app.run_gui(["--db", str(db_path)]) == 0

    ((notes, warning, quits_with_its_window),) = seen
    assert notes == 3  # the window is back, on the data as it was
    assert "restore" in warning.lower() and "in use" in warning and "\n" not in warning
    assert quits_with_its_window
    assert not lock_path(db_path).exists()


def test_when_not_even_the_old_data_reopens_after_a_failed_restore_the_app_says_so_and_quits(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    from copdesk.store import connection, recovery
    from copdesk.store.errors import StoreError

    make_database(db_path)
    told: list[str] = []
    quit_codes: list[int] = []

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(db_path))

    def cannot_reopen(*_args: object, **_kwargs: object) -> None:
        raise StoreError("the drive has gone away")

    def tell(box: QMessageBox) -> int:
        told.append(box.text())
        return 0

    def restore(window: MainWindow) -> None:
        monkeypatch.setattr(recovery, "restore_database", refuse)
        monkeypatch.setattr(connection, "open_database", cannot_reopen)
        monkeypatch.setattr(QMessageBox, "exec", tell)
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: quit_codes.append(code)))
        window.safeguards.restore_requested.emit(db_path.with_name("backup.db"))
        assert _windows() == []

    event_loop.append(restore)
    assert app.run_gui(["--db", str(db_path)]) == 0

    assert len(told) == 1 and "could not reopen copdesk.db" in told[0] and "gone away" in told[0]
    assert quit_codes == [1]
    assert not lock_path(db_path).exists()


def test_logging_off_saves_and_closes_without_asking_even_mid_session(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    """Windows ends a windowed app's session with WM_QUERYENDSESSION, which Qt passes on as commitDataRequest."""
    from tests.views.live_helpers import start_session

    make_database(db_path)
    left_open: list[list[MainWindow]] = []

    def log_off(window: MainWindow) -> None:
        start_session(window, present=MEMBERS)
        window.notes_panel.editor.setPlainText("Typed just before logging off")  # waits for the autosave
        window.notes_panel.action_editor.text_edit.setText("Ash to book the room")  # typed, not yet added
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication)
        # The signal carries a QSessionManager, which only Qt can make: check the app listens, then do what it does.
        assert qt_app.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) == 1
        save_and_quit(qt_app)
        left_open.append(_windows())
        QApplication.processEvents()  # the process would end here; in this one, the window and its timers must not
        window.deleteLater()  # outlive the test (its database is closed as run_gui returns)

    # This test stands in for the event loop: a real exit() here would end the next test's loops before they start.
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exit_codes.append(code)))
    exit_codes: list[int] = []

    event_loop.append(log_off)
    assert app.run_gui(["--db", str(db_path)]) == 0

    assert left_open == [[]]  # closed, and no question was asked (an unexpected message box fails the test)
    assert exit_codes == [0]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT text FROM note WHERE text LIKE 'Typed just%'").fetchall() == [
        (
            "Typed just before logging off\n\nTyped but not added when the computer closed CoPDesk:\n"
            "- the action: Ash to book the room",
        )
    ]
    assert conn.execute("SELECT count(*) FROM session WHERE status = 'live'").fetchone()[0] == 1  # kept for resume
    conn.close()


def test_logging_off_keeps_the_words_typed_in_an_open_dialog_in_a_file_the_next_start_points_to(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, event_loop: list[Callable[[MainWindow], None]]
) -> None:
    """Nobody is there to save or cancel a correction or an outcome typed when the computer logs off."""
    from datetime import timedelta

    from copdesk.core.clock import system_now
    from copdesk.core.model import EscalationTarget, SessionKind, TextSource
    from copdesk.startup import kept_notes_warning
    from copdesk.store import issues, sessions
    from copdesk.store.errors import StorageFullError
    from copdesk.store.kept_notes import kept_files
    from copdesk.store.search import search_notes
    from copdesk.views.live.notes.correct_words import CorrectWordsDialog
    from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog
    from copdesk.views.prepare.issue_history import IssueHistoryDialog
    from tests.views.history_helpers import answer_questions

    make_database(db_path)

    def log_off(window: MainWindow) -> None:
        db, then = window.context.db, window.context.now() - timedelta(days=14)
        team_id = window.current_team_id()
        assert team_id is not None
        session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, then, planned_start=then)
        sessions.start_session(db, session.id, then, ground_rules_agreed=True)
        issue = issues.add_issue(db, team_id, "Lifts out of order", session.id, then, "Jo Bloggs could not get up")
        escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, then.date(), None, session.id)
        sessions.end_session(db, session.id, then + timedelta(hours=1))
        history = IssueHistoryDialog(window.context, issue.id, session_id=None, parent=window)

        def full(*_args: object) -> None:
            raise StorageFullError("The disk is full.")

        monkeypatch.setattr("copdesk.views.prepare.issue_history.resolve_issue", full)
        answer_questions(monkeypatch, ("Facilities fixed the lifts", True))
        history.resolve()  # kept for Retry, the question closed: the words are held nowhere else
        assert window.context.writes.waiting == 1
        [hit] = [hit for hit in search_notes(db, "Bloggs") if hit.source is TextSource.MENTION]
        correction = CorrectWordsDialog(window.context, hit, window)
        outcome = UpdateEscalationDialog(window.context, escalation, issue.title, window)
        for dialog in (correction, outcome):
            dialog.open()
        correction.words_edit.setPlainText("A visitor could not get up")
        outcome.outcome_edit.setPlainText("The manager will ring facilities")
        qt_app = QApplication.instance()
        assert isinstance(qt_app, QApplication)
        save_and_quit(qt_app)
        assert _windows() == [] and not correction.isVisible() and not outcome.isVisible()  # closed, nothing asked
        QApplication.processEvents()
        window.deleteLater()

    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    event_loop.append(log_off)
    assert app.run_gui(["--db", str(db_path)]) == 0

    kept = sorted(path.read_text(encoding="utf-8") for path in kept_files(db_path.parent))
    assert len(kept) == 3
    assert kept[0].startswith("Typed in “Correct the words: Issue: Lifts out of order, ")
    assert kept[0].endswith("\n\nA visitor could not get up")
    assert kept[1].startswith("Typed in “Escalation outcome: Lifts out of order”, as typed, and not yet saved")
    assert kept[1].endswith("\n\nThe manager will ring facilities")
    assert kept[2].startswith("Typed in “Resolve issue: How was “Lifts out of order” resolved? The team will")
    assert kept[2].endswith("\n\nFacilities fixed the lifts")
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT text FROM issue_mention").fetchall() == [("Jo Bloggs could not get up",)]  # unsaved
    assert conn.execute("SELECT outcome FROM escalation").fetchall() == [(None,)]
    conn.close()
    warning = kept_notes_warning(db_path.parent, system_now())
    assert warning is not None and warning.startswith("Words typed in a window when CoPDesk was made to close")


def test_each_kind_of_failed_restore_is_one_line() -> None:
    from copdesk.store.errors import StoreError

    refused = restoring.restore_failure(
        StoreError("backup.db was saved by a newer CoPDesk (schema 99); update CoPDesk.")
    )
    assert refused == "backup.db was saved by a newer CoPDesk (schema 99); update CoPDesk."
    held = restoring.restore_failure(PermissionError(13, "Access is denied", str(Path("data") / "copdesk.db")))
    assert held.startswith("The restore did not happen: copdesk.db could not be replaced (Access is denied).")
    assert "virus scanner" in held
    full = restoring.restore_failure(OSError(28, "No space left on device", str(Path("data") / "copdesk.db")))
    assert full.endswith("copdesk.db could not be replaced (No space left on device). Your data is as it was.")
    for message in (refused, held, full):
        assert "\n" not in message


@pytest.mark.parametrize("outcome", ["restored", "failed"])
def test_a_log_off_while_a_backup_is_restored_lets_it_end_and_opens_no_window(
    qtbot: QtBot,
    db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    event_loop: list[Callable[[MainWindow], None]],
    outcome: str,
) -> None:
    """The restore is waited for with CoPDesk answering, so a log-off (or a shutdown) can come meanwhile: it closed
    every window and told CoPDesk to quit, and then the restore ended by opening a new window on the restored data,
    for nobody, after CoPDesk was told to quit. Now the restore ends (the data is restored) and no window opens; the
    next start says what was restored, where it had said nothing of it. A restore that then failed (a virus scanner
    holding the file) was not said at all: the next start now says it did not happen, and that the data is as it
    was."""
    from copdesk.store import recovery

    _a_start_then_a_mistake(db_path, event_loop)
    real_restore = recovery.restore_database
    logged_off = threading.Event()
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: quits.append(code)))
    shown: list[list[str]] = []

    def restore_database(*args: Any, **kwargs: Any) -> object:
        assert logged_off.wait(5)  # the window answers meanwhile: the log-off comes
        if outcome == "failed":
            raise PermissionError(13, "Access is denied", str(db_path))
        return real_restore(*args, **kwargs)

    def log_off() -> None:
        app_now = QApplication.instance()
        assert isinstance(app_now, QApplication)
        save_and_quit(app_now)
        logged_off.set()

    chosen: list[str] = []

    def restore(window: MainWindow) -> None:
        monkeypatch.setattr(recovery, "restore_database", restore_database)
        QTimer.singleShot(0, log_off)
        _mistake, before_it = list_backups(db_path)
        chosen.append(before_it.path.name)
        window.safeguards.restore_requested.emit(before_it.path)
        shown.append(_shown())

    event_loop[:] = [restore]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert quits == [0] and shown == [[]], "no window opens once CoPDesk is told to quit"
    notes_now = sqlite3.connect(db_path).execute("SELECT count(*) FROM note").fetchone()[0]
    assert notes_now == (3 if outcome == "restored" else 0), "the backup is in place, or the data as it was"
    assert not lock_path(db_path).exists()
    for window in QApplication.topLevelWidgets():  # closed, not yet deleted: as the quitting app would
        if isinstance(window, MainWindow):
            window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # The next start says the restore happened, or did not, once: no window had said it.
    seen: list[tuple[str, str]] = []
    banners = [lambda window: seen.append((window.safeguards.notice_banner.label.text(), _warned(window)))]
    event_loop[:] = banners
    for _start in range(2):
        assert app.run_gui(["--db", str(db_path)]) == 0
    (said, warned), (said_then, warned_then) = seen
    if outcome == "restored":
        assert said.startswith(f"Restored {chosen[0]} at the last log-off.") and warned == ""
        assert "What CoPDesk held before is kept as backups" in said and "pre-restore" in said
    else:
        assert "Restored" not in said
        assert warned.startswith(f"{chosen[0]} was not restored at the last log-off. The restore did not happen: ")
        assert "copdesk.db could not be replaced (Access is denied)" in warned and "your data is as it was" in warned
    assert "Restored" not in said_then and "log-off" not in warned_then


def _warned(window: MainWindow) -> str:
    banner = window.safeguards.warning_banner
    return banner.label.text() if banner.isVisibleTo(window) else ""
