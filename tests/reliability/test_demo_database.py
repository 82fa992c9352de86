"""The demo lives in a file of its own: exploring it from the first run leaves the real database empty, the
window says it is demo data for as long as it shows it, and "Leave the demo" goes back to the real one.

The whole app runs through ``run_gui`` with the event loop replaced by the test's steps; the first-run
dialog is answered by the test instead of waiting for a click.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk import app, paths
from copdesk.instance_lock import InstanceLock, lock_path
from copdesk.store.connection import open_database
from copdesk.store.demo import TEAMS, demo_path_beside, open_demo
from copdesk.store.errors import WriteRefusedError
from copdesk.store.settings import is_demo
from copdesk.store.uri import sqlite_uri
from copdesk.views.shell.close_question import CHANGE_WAITING
from copdesk.views.shell.demo_mode import DEMO_MESSAGE
from copdesk.views.shell.first_run import FirstRunDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.forms import MessageBox
from tests.cli.conftest import CallCli
from tests.reliability.conftest import NOW, make_database

Step = Callable[[MainWindow], None]


def _window() -> MainWindow:
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return window


def _teams(path: Path) -> list[str]:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        return [row[0] for row in conn.execute("SELECT name FROM team ORDER BY name")]
    finally:
        conn.close()


@pytest.fixture
def steps(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[Step]:
    """Steps to run against the shown window in place of the event loop; the windows are closed after."""
    todo: list[Step] = []

    def fake_exec() -> int:
        for step in todo:
            qtbot.waitUntil(lambda: len(_visible()) == 1 and _visible()[0].has_tools())  # menus: after the paint
            step(_window())
        for window in _visible():
            window.finish_background_work()  # as the real loop would have by now: the start-up backup is taken
            window.close()
            window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    return todo


def _visible() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


@pytest.fixture
def first_run_answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer each first-run question with the next of these ("demo" or "cancel"); each asked is removed."""
    answers: list[str] = []

    def answer(dialog: FirstRunDialog) -> int:
        choice = answers.pop(0)
        if choice == "cancel":
            return QDialog.DialogCode.Rejected
        dialog.ui.demoRadio.setChecked(True)
        dialog.ui.buttonBox.accepted.emit()  # what OK does
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FirstRunDialog, "exec", answer)
    return answers


def test_exploring_the_demo_from_the_first_run_leaves_the_real_database_empty(
    qtbot: QtBot, db_path: Path, steps: list[Step], first_run_answers: list[str]
) -> None:
    demo_path = demo_path_beside(db_path)
    first_run_answers[:] = ["demo", "cancel"]
    seen: dict[str, object] = {}

    def on_the_demo(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: _window().context.db_path == demo_path)  # the first-run answer swapped it
        window = _window()
        qtbot.waitUntil(window.review_panel.isVisible)  # shown, as a person sees it
        banner = window.demo.banner
        seen["demo"] = (banner.isVisible(), banner.label.text(), window.windowTitle())
        seen["teams"] = window.header.team_combo.count()
        seen["real teams while exploring"] = _teams(db_path)
        banner.button("Leave the demo").click()

    def back_on_the_real_one(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: not first_run_answers)  # the first-run choice is offered again, here
        window = _window()
        seen["real"] = (window.context.db_path, window.demo.banner.isVisible(), window.windowTitle())

    steps[:] = [on_the_demo, back_on_the_real_one]
    assert app.run_gui(["--db", str(db_path)]) == 0

    assert seen["demo"] == (True, DEMO_MESSAGE, "CoPDesk — demo data")
    assert seen["teams"] == len(TEAMS) and seen["real teams while exploring"] == []
    assert seen["real"] == (db_path, False, "CoPDesk")
    assert _teams(db_path) == [] and _teams(demo_path) == sorted(TEAMS)
    assert not lock_path(db_path).exists() and not lock_path(demo_path).exists()  # both released at exit


def test_the_next_start_opens_the_real_database_even_after_quitting_in_the_demo(
    qtbot: QtBot, steps: list[Step], first_run_answers: list[str]
) -> None:
    opened: list[Path] = []
    first_run_answers[:] = ["demo"]
    steps[:] = [  # quit while on the demo, once it has painted
        lambda _w: qtbot.waitUntil(lambda: is_demo(_window().context.db) and _window().review_panel.isVisible())
    ]
    assert app.run_gui([]) == 0
    real = paths.resolve_db_path(None)

    first_run_answers[:] = ["cancel"]
    steps[:] = [
        lambda window: opened.append(window.context.db_path),
        lambda _w: qtbot.waitUntil(lambda: not first_run_answers),
    ]
    assert app.run_gui([]) == 0

    assert opened == [real]  # not the demo beside it; still empty, so the first run asked again
    assert _teams(real) == [] and _teams(demo_path_beside(real)) == sorted(TEAMS)


def test_a_demo_database_opened_directly_says_so_without_a_way_back(
    qtbot: QtBot, call_cli: CallCli, tmp_path: Path, steps: list[Step], monkeypatch: pytest.MonkeyPatch
) -> None:
    demo = tmp_path / "demo.db"  # what `make demo` does
    assert call_cli("demo", "--db", str(demo)).returncode == 0
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    seen: list[tuple[bool, str, list[str], bool]] = []
    steps[:] = [
        lambda w: seen.append(
            (
                w.demo.banner.isVisible(),
                w.demo.banner.label.text(),
                [b.text() for b in w.demo.banner.buttons()],
                w.demo.leave_action.isVisible(),
            )
        )
    ]
    assert app.run_gui(["--db", str(demo)]) == 0
    assert seen == [(True, DEMO_MESSAGE, [], False)]


def test_real_data_shows_no_demo_banner_and_a_file_of_real_data_is_never_taken_for_the_demo(
    qtbot: QtBot, db_path: Path, steps: list[Step], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    make_database(demo_path_beside(db_path))  # someone's real data where the demo would go
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    seen: list[object] = []

    def explore(window: MainWindow) -> None:
        seen.append(window.demo.banner.isVisible())
        window.demo.explore_requested.emit()
        seen.append((_window() is window, window.safeguards.warning_banner.label.text()))

    steps[:] = [explore]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert seen[0] is False
    assert seen[1] == (
        True,
        f"{demo_path_beside(db_path)} holds data that is not CoPDesk's demo; move it away to explore the demo.",
    )
    assert _teams(demo_path_beside(db_path)) == ["Harbour Team"]


def test_the_demo_is_written_once_and_then_opened_as_it_was_left(tmp_path: Path) -> None:
    demo = demo_path_beside(tmp_path / "copdesk.db")
    assert demo.name == "copdesk-demo.db"
    first = open_demo(demo, paths.migrations_dir(), paths.resource_path("questions"), NOW)
    assert is_demo(first.db)
    first.db.execute("UPDATE team SET name = 'Renamed while exploring' WHERE id = 1")
    first.db.close()

    again = open_demo(demo, paths.migrations_dir(), paths.resource_path("questions"), NOW)
    names = [row[0] for row in again.db.execute("SELECT name FROM team ORDER BY id")]
    again.db.close()
    assert names[0] == "Renamed while exploring" and len(names) == len(TEAMS)
    real = open_database(tmp_path / "copdesk.db", paths.migrations_dir())
    assert not is_demo(real.db)
    real.db.close()


def test_notes_the_demo_would_not_save_are_kept_once_and_pointed_to_when_leaving_it(
    qtbot: QtBot, db_path: Path, steps: list[Step], first_run_answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving the demo closes its window without a question: notes it would not take go to a file, and the real
    window says where at once. The file is written once: the close that follows the keep wrote it again, the same
    words, a second wait on a virus scanner."""
    from copdesk.sandbox import start_session
    from copdesk.services.notes import keep_unsaved_text as real_keep
    from copdesk.store.kept_notes import kept_files
    from copdesk.views.live.notes import kept_file

    first_run_answers[:] = ["demo", "cancel"]
    seen: dict[str, list[str]] = {}
    written: list[str] = []

    def keep_unsaved_text(*args: Any, **kwargs: Any) -> Path:
        written.append(args[2])
        return real_keep(*args, **kwargs)

    def type_into_a_full_demo(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: _window().context.db_path == demo_path_beside(db_path))
        window = _window()
        start_session(window, topic="Demo practice")
        window.notes_panel.editor.setPlainText("Typed in the demo while its disk was full")
        _refusing_writes(monkeypatch, window)
        monkeypatch.setattr(kept_file, "keep_unsaved_text", keep_unsaved_text)
        window.demo.banner.button("Leave the demo").click()

    def back_on_the_real_one(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: not first_run_answers)
        window = _window()
        seen["warning"] = [window.safeguards.warning_banner.label.text()]
        seen["kept"] = [path.read_text(encoding="utf-8") for path in kept_files(db_path.parent)]

    steps[:] = [type_into_a_full_demo, back_on_the_real_one]
    assert app.run_gui(["--db", str(db_path)]) == 0

    (warning,) = seen["warning"]
    assert warning.startswith("Notes CoPDesk could not save are kept in a file in ")
    (text,) = seen["kept"]
    assert "“Demo practice”" in text and text.endswith("Typed in the demo while its disk was full")
    assert written == ["Typed in the demo while its disk was full"], "one write"


def _told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The (title, text) of each message box shown, answered with OK."""
    told: list[tuple[str, str]] = []

    def answered(box: MessageBox) -> int:
        told.append((box.windowTitle(), box.text()))
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(MessageBox, "exec", answered)
    return told


def _refusing_writes(monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> Callable[[], None]:
    """The window's database refuses every write (a full disk) until the function returned is called."""
    db = window.context.db
    original = db.execute

    def full(sql: str, parameters: Any = None) -> Any:
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE", "REPLACE")):
            raise sqlite3.OperationalError("database or disk is full")
        return original(sql) if parameters is None else original(sql, parameters)

    monkeypatch.setattr(db, "execute", full)
    return lambda: monkeypatch.setattr(db, "execute", original)


def test_the_demo_is_not_left_while_its_notes_would_neither_save_nor_go_in_a_file(
    qtbot: QtBot, db_path: Path, steps: list[Step], first_run_answers: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Leaving closes the window without a question: with the notes in no file, they would be gone. The window
    stays, the words in it, and says why."""
    from copdesk.sandbox import start_session
    from copdesk.views.live.notes import kept_file

    first_run_answers[:] = ["demo", "cancel"]
    told = _told(monkeypatch)
    seen: list[object] = []

    def leave_with_nowhere_to_keep(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: _window().context.db_path == demo_path_beside(db_path))
        window = _window()
        start_session(window, topic="Demo practice")
        window.notes_panel.editor.setPlainText("Typed in the demo while its disk was full")
        writes_again = _refusing_writes(monkeypatch, window)

        def nowhere(*_args: Any, **_kwargs: Any) -> Path:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(kept_file, "keep_unsaved_text", nowhere)
        window.demo.banner.button("Leave the demo").click()
        seen.extend([_window() is window, window.notes_panel.editor.toPlainText()])
        writes_again()  # so that the window closes as the test ends

    steps[:] = [leave_with_nowhere_to_keep]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert seen == [True, "Typed in the demo while its disk was full"]
    ((title, text),) = told
    assert title == "Still on the demo"
    assert text.startswith("The session's notes would not save, nor go in a file (No space left on device).")


def test_the_demo_is_not_explored_while_a_change_to_the_real_data_waits_for_retry(
    qtbot: QtBot, db_path: Path, steps: list[Step], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change refused by the real data waits for Retry in the window: exploring the demo would close it unsaved."""
    make_database(db_path)
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    told = _told(monkeypatch)
    seen: list[object] = []

    def explore_while_waiting(window: MainWindow) -> None:
        def refused() -> None:
            raise WriteRefusedError("The change was not saved: the disk is full.")

        window.context.writes.run(refused, retry=lambda: None, key="a tick")
        window.demo.explore_requested.emit()
        seen.extend([_window() is window, window.context.db_path, window.context.writes.failing])
        lock = InstanceLock(demo_path_beside(db_path))
        lock.acquire()  # the demo's lock was let go with it
        lock.release()
        window.context.writes.run(lambda: None, key="a tick")  # saved at last: the window closes as the test ends

    steps[:] = [explore_while_waiting]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert seen == [True, db_path, True]
    assert told == [("The demo was not opened", CHANGE_WAITING)]


def test_the_demo_is_written_and_the_real_data_opened_again_in_a_worker(
    qtbot: QtBot, db_path: Path, steps: list[Step], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing the demo the first time takes a second or more: on the window's thread it stopped painting
    ("Not responding" on Windows); so could opening the real data again on a slow drive."""
    import threading

    from copdesk.store import connection, demo

    make_database(db_path)
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    opened_on: list[tuple[str, str]] = []
    real_open_demo, real_open_database = demo.open_demo, connection.open_database

    def open_demo(*args: Any, **kwargs: Any) -> Any:
        opened_on.append(("demo", threading.current_thread().name))
        return real_open_demo(*args, **kwargs)

    def open_database(*args: Any, **kwargs: Any) -> Any:
        opened_on.append(("data", threading.current_thread().name))
        return real_open_database(*args, **kwargs)

    def explore(window: MainWindow) -> None:
        monkeypatch.setattr(demo, "open_demo", open_demo)
        window.demo.explore_requested.emit()

    def leave(window: MainWindow) -> None:
        monkeypatch.setattr(connection, "open_database", open_database)
        window.demo.leave_requested.emit()
        opened_on.append(("shown", str(_window().context.db_path)))

    steps[:] = [explore, leave]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert opened_on == [("demo", "copdesk-open-demo"), ("data", "copdesk-open-data"), ("shown", str(db_path))]


def test_an_action_typed_but_not_added_goes_into_the_notes_when_the_demo_is_explored(
    qtbot: QtBot, db_path: Path, steps: list[Step], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exploring the demo closes the window unasked, as a log-off does: the action typed in its field and not added
    went with it, where a log-off moves it into the session's notes."""
    from copdesk.sandbox import start_session
    from copdesk.store.notes import session_text

    make_database(db_path)
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    seen: list[int | None] = []

    def explore(window: MainWindow) -> None:
        start_session(window, topic="Real practice")
        seen.append(window.live_session.session_id)
        window.notes_panel.editor.setPlainText("Notes typed")
        window.notes_panel.action_editor.text_edit.setText("Ask the OT lead to the next session")
        window.demo.explore_requested.emit()
        assert _window().context.db_path == demo_path_beside(db_path)

    steps[:] = [explore]
    assert app.run_gui(["--db", str(db_path)]) == 0
    (session_id,) = seen
    assert session_id is not None
    opened = open_database(db_path, paths.migrations_dir())
    try:
        note = session_text(opened.db, session_id)
    finally:
        opened.db.close()
    assert note is not None
    assert note.text.startswith("Notes typed") and "Ask the OT lead to the next session" in note.text


def test_a_log_off_while_the_notes_are_kept_for_the_demo_stops_the_switch(
    qtbot: QtBot, db_path: Path, steps: list[Step], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keeping the notes in a file, the window answers while it waits: a log-off may close it meanwhile, and then
    CoPDesk is quitting, so no window opens on the demo."""
    from copdesk.sandbox import start_session
    from copdesk.views.live.notes.notes_panel import NotesPanel

    make_database(db_path)
    monkeypatch.setattr(MainWindow, "offer_first_run_or_resume", lambda self: None)
    real_keep = NotesPanel.keep_at_close
    shown: list[list[Path]] = []

    def explore(window: MainWindow) -> None:
        start_session(window, topic="Real practice")
        window.notes_panel.editor.setPlainText("Typed while the disk was full")
        writes_again = _refusing_writes(monkeypatch, window)

        def kept_while_logging_off(pane: NotesPanel) -> tuple[Path | None, str | None, Path | None]:
            kept = real_keep(pane)
            window.close_without_asking()  # what the wait let through: a log-off
            return kept

        monkeypatch.setattr(NotesPanel, "keep_at_close", kept_while_logging_off)
        window.demo.explore_requested.emit()
        monkeypatch.setattr(NotesPanel, "keep_at_close", real_keep)
        writes_again()
        shown.append([w.context.db_path for w in _visible()])

    steps[:] = [explore]
    assert app.run_gui(["--db", str(db_path)]) == 0
    assert shown == [[]], "no window opened on the demo after the log-off"
