"""The notes' autosave, written in a worker so typing never waits for it: writes in order with the newest text last,
a close while one is under way, and a refused one that still reaches Retry and the kept file."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.model import Note
from copdesk.services.notes import save_session_text
from copdesk.store import notes
from copdesk.store.errors import StorageFullError
from copdesk.store.safe_write import STORAGE_FULL_MESSAGE
from copdesk.views.live.notes import notes_panel
from copdesk.views.live.notes.note_writer import NoteWriter
from copdesk.views.live.notes.notes_panel import NotesPanel
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session


def _live(window: MainWindow) -> NotesPanel:
    add_team(window)
    start_session(window)
    window.notes_panel.editor.setFocus()
    return window.notes_panel


def _saved(window: MainWindow) -> str | None:
    assert window.live_session.session_id is not None
    stored = notes.session_text(window.context.db, window.live_session.session_id)
    return stored.text if stored else None


def _autosave_due(pane: NotesPanel) -> None:
    """The autosave's single-shot timer fires (and is then no longer active), as a second after the first key."""
    pane.autosave_timer.stop()
    pane.autosave_timer.timeout.emit()


def _first_write_held(monkeypatch: pytest.MonkeyPatch) -> tuple[threading.Event, list[str]]:
    """The pane's saves, the first held up (a slow disk) until the event is set; the texts written, in order."""
    release = threading.Event()
    written: list[str] = []
    real = save_session_text
    calls: list[str] = []

    def save(db: Database, session_id: int, text: str, now: datetime) -> Note:
        calls.append(text)
        if len(calls) == 1:
            release.wait(5)
        note = real(db, session_id, text, now)
        written.append(text)
        return note

    monkeypatch.setattr(notes_panel, "save_session_text", save)
    return release, written


def test_a_slow_autosave_never_holds_up_typing_and_the_newer_text_is_written_after_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _live(window)
    release, written = _first_write_held(monkeypatch)
    QTest.keyClicks(pane.editor, "First words")
    _autosave_due(pane)
    assert pane.has_unsaved_text and _saved(window) is None  # under way in its worker; the window goes on
    QTest.keyClicks(pane.editor, ", then more")
    assert pane.editor.toPlainText() == "First words, then more"
    _autosave_due(pane)  # due again while the first is under way: it waits for that one to end
    release.set()
    qtbot.waitUntil(lambda: written == ["First words", "First words, then more"])
    qtbot.waitUntil(lambda: not pane.has_unsaved_text)
    assert _saved(window) == "First words, then more" and pane.save_status.text().startswith("Saved")


def test_closing_while_an_autosave_is_under_way_waits_for_it_then_writes_the_last_words(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _live(window)
    release, written = _first_write_held(monkeypatch)
    real_finish = NoteWriter.finish

    def finish(writer: NoteWriter) -> object:  # the disk is done with the first write as the close waits for it
        release.set()
        return real_finish(writer)

    monkeypatch.setattr(NoteWriter, "finish", finish)
    QTest.keyClicks(pane.editor, "Said before the close")
    _autosave_due(pane)
    assert _saved(window) is None
    QTest.keyClicks(pane.editor, ", and the last words")
    window.close()
    assert written == ["Said before the close", "Said before the close, and the last words"]
    assert _saved(window) == "Said before the close, and the last words"


def test_a_refused_autosave_reaches_retry_and_the_kept_file(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = _live(window)

    def full(db: Database, session_id: int, text: str, now: datetime) -> Note:
        raise StorageFullError(STORAGE_FULL_MESSAGE)

    monkeypatch.setattr(notes_panel, "save_session_text", full)
    QTest.keyClicks(pane.editor, "Typed as the disk filled")
    _autosave_due(pane)
    qtbot.waitUntil(pane.banner.isVisible)
    assert "disk is full" in pane.banner.label.text() and pane.save_status.text() == "Not saved"
    assert pane.has_unsaved_text and pane.editor.toPlainText() == "Typed as the disk filled"

    kept, not_kept, _ = pane.keep_at_close()  # the window closing meanwhile keeps the words in a file
    assert isinstance(kept, Path) and not_kept is None
    assert kept.read_text(encoding="utf-8").endswith("Typed as the disk filled")

    monkeypatch.undo()  # space was freed
    pane.banner.button("Retry").click()
    assert _saved(window) == "Typed as the disk filled" and not pane.has_unsaved_text
    assert not pane.banner.isVisible() and not kept.exists()
