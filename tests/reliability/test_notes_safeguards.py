"""The notes pane in the real window: a full disk keeps the text and offers Retry, identifiers are flagged
with one-click removal, and an oversized paste is refused while a 1 MB one is taken and saved."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copdesk.core.input_limits import MAX_NOTE_BYTES
from copdesk.store import notes
from copdesk.views.shell.main_window import MainWindow
from tests.views.conftest import window  # noqa: F401  (the real window, built by the public factory)
from tests.views.live_helpers import add_team, start_session

NHS = "943 476 5919"


def _saved(window: MainWindow) -> str | None:  # noqa: F811
    assert window.live_session.session_id is not None
    stored = notes.session_text(window.context.db, window.live_session.session_id)
    return stored.text if stored else None


def _live(window: MainWindow) -> None:  # noqa: F811
    add_team(window)
    start_session(window)


def test_full_disk_during_autosave_keeps_the_text_and_retries(window: MainWindow, qtbot: QtBot) -> None:  # noqa: F811
    _live(window)
    pane = window.notes_panel
    pane.editor.setFocus()
    QTest.keyClicks(pane.editor, "Before the disk filled. ")
    assert pane.flush() and _saved(window) == "Before the disk filled. "
    db = window.context.db
    db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")
    big = "Reflection on a long and difficult case. " * 8000  # far more than the room left
    pane.editor.moveCursor(QTextCursor.MoveOperation.End)
    pane.editor.insertPlainText(big)

    assert pane.flush() is False
    assert pane.editor.toPlainText() == "Before the disk filled. " + big  # the text stays in the editor
    assert _saved(window) == "Before the disk filled. "  # the failed save rolled back whole
    assert pane.banner.isVisible() and "disk is full" in pane.banner.label.text()
    assert pane.has_unsaved_text and pane.save_status.text() == "Not saved"

    db.execute("PRAGMA max_page_count = 1073741823")  # space was freed
    pane.banner.button("Retry").click()
    assert not pane.banner.isVisible()
    assert pane.flush() and _saved(window) == "Before the disk filled. " + big


def test_identifier_warning_in_the_notes(window: MainWindow, qtbot: QtBot) -> None:  # noqa: F811
    _live(window)
    pane = window.notes_panel
    pane.editor.setFocus()
    QTest.keyClicks(pane.editor, "Carer ")  # QTest types ASCII only: the rest is a paste
    pane.editor.insertPlainText(f"👋🏽 rang; NHS {NHS}")
    warning = pane.identifier_warning
    warning.check_now()
    assert warning.isVisible() and "NHS number" in warning.label.text()
    assert pane.has_unsaved_text  # the warning blocks nothing: the autosave is still on its way
    warning.button("Remove").click()
    assert pane.editor.toPlainText() == "Carer 👋🏽 rang; NHS [NHS number removed]"
    assert pane.flush() and _saved(window) == "Carer 👋🏽 rang; NHS [NHS number removed]"
    assert not warning.isVisible()


def test_paste_limit_in_the_notes(window: MainWindow, qtbot: QtBot) -> None:  # noqa: F811
    _live(window)
    pane = window.notes_panel
    one_mb = "x" * MAX_NOTE_BYTES
    data = QMimeData()
    data.setText(one_mb)
    pane.editor.insertFromMimeData(data)  # one unbroken megabyte: wrapped anywhere, or Qt would take a minute
    assert pane.editor.wordWrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert pane.flush() and _saved(window) == one_mb
    data.setText("one more")
    pane.editor.insertFromMimeData(data)
    assert pane.editor.toPlainText() == one_mb
    assert pane.paste_banner.isVisible() and "1 MB" in pane.paste_banner.label.text()


def test_a_one_megabyte_paste_of_ordinary_notes_keeps_word_wrapping(window: MainWindow, qtbot: QtBot) -> None:  # noqa: F811
    _live(window)
    pane = window.notes_panel
    text = ("Reflective practice notes about a case, in ordinary words.\n" * 20_000)[:MAX_NOTE_BYTES]
    data = QMimeData()
    data.setText(text)
    pane.editor.insertFromMimeData(data)
    assert pane.editor.wordWrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert pane.flush() and _saved(window) == text
    window.live_session.finish()
    assert pane.editor.toPlainText() == ""
