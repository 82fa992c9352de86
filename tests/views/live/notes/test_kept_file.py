"""The file the notes pane keeps unsaved notes in: a keep begun while another is under way (a log-off while the
pane lets go of a session's notes) follows it, and neither says the notes were not kept when they were."""

from __future__ import annotations

import errno
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from copdesk.core.model import Session
from copdesk.services.notes import keep_unsaved_text
from copdesk.views.live.notes import kept_file
from copdesk.views.live.notes.kept_file import KeptFile

NOW = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)


def test_a_keep_that_fails_answers_with_the_file_a_keep_begun_within_its_wait_wrote(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first keep fails (the disk full a moment) while a second, begun within its wait with the words as they
    are now, keeps them: the first says where they are rather than that they were not kept."""
    db_path = tmp_path / "copdesk.db"
    first_may_fail = threading.Event()
    written: list[str] = []

    def keep(db_path: Path, session: Session | None, text: str, now: datetime, *, replacing: Path | None) -> Path:
        if not written:
            written.append(text)
            first_may_fail.wait(5)
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(text)
        return keep_unsaved_text(db_path, session, text, now, replacing=replacing)

    monkeypatch.setattr(kept_file, "keep_unsaved_text", keep)
    kept = KeptFile()
    later: list[Path] = []

    def keep_again() -> None:  # as a log-off's close does, on the window's thread, while the first keep waits
        first_may_fail.set()
        later.append(kept.keep(db_path, None, "Typed, and the action moved in", NOW))

    QTimer.singleShot(0, keep_again)
    path = kept.keep(db_path, None, "Typed", NOW)
    assert written == ["Typed", "Typed, and the action moved in"]
    assert later == [path] and path.read_text(encoding="utf-8").endswith("Typed, and the action moved in")
    assert kept.remaining() == path and kept.text == "Typed, and the action moved in"


def test_a_file_that_will_not_be_rewritten_leaves_the_text_in_a_new_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file kept at the close question is open in another program, which holds it (Word, on Windows), when a
    log-off keeps the notes again with the action moved into them: nobody is there to be told they were not kept,
    so they go in a new file, and the earlier one stays as it was."""
    db_path = tmp_path / "copdesk.db"
    kept = KeptFile()
    earlier = kept.keep(db_path, None, "Typed", NOW)
    real_replace = os.replace

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target) == earlier:
            raise PermissionError(13, "The process cannot access the file because it is being used", str(target))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    path = kept.keep(db_path, None, "Typed, and the action moved in", NOW)
    assert path != earlier and path.read_text(encoding="utf-8").endswith("Typed, and the action moved in")
    assert earlier.read_text(encoding="utf-8").endswith("Typed")
    assert kept.remaining() == path and kept.text == "Typed, and the action moved in"
    monkeypatch.undo()  # the other program lets go of it; then the notes save after all
    kept.discard()
    assert list(path.parent.iterdir()) == [], "neither file is left to be pointed to at the next start"


def test_an_older_keep_whose_worker_takes_the_lock_last_never_writes_over_a_newer_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a busy machine the first keep's worker may take the lock after the second's (begun within its wait, a
    log-off, with the action typed but not added moved in): it wrote its older text over that file, and the action
    was in no file."""
    db_path = tmp_path / "copdesk.db"
    kept = KeptFile()
    waits: list[str] = []

    def done_answering(work: Callable[[], Path], name: str) -> Path:
        waits.append(name)
        if len(waits) > 1:
            return work()
        go = threading.Event()
        written: list[Path] = []

        def slow_to_be_scheduled() -> None:
            go.wait(5)
            written.append(work())

        worker = threading.Thread(target=slow_to_be_scheduled)
        worker.start()  # the log-off's keep comes first
        kept.keep(db_path, None, "Notes, and the action typed but not added", NOW)
        go.set()
        worker.join()
        return written[0]

    monkeypatch.setattr(kept_file, "done_answering", done_answering)
    path = kept.keep(db_path, None, "Notes", NOW)
    assert path.read_text(encoding="utf-8").endswith("Notes, and the action typed but not added")
    assert [found.name for found in path.parent.iterdir()] == [path.name], "one file, no hidden one left"
