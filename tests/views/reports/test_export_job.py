"""Exports from the window run in a worker thread, with progress and Cancel, and a 1 MB record still completes."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.core.export_formats import ExportFormat
from copdesk.core.model import NoteKind
from copdesk.output import save_rendered
from copdesk.store import notes, sessions
from copdesk.store.demo import bank_questions, fill_demo
from copdesk.views.reports.export_dialogs import SessionRecordDialog
from copdesk.views.reports.export_job import ExportRun
from copdesk.views.reports.report_actions import ReportActions
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.pdf_text import pdf_text

MEGABYTE = 1_000_000


@pytest.fixture
def demo_window(window: MainWindow, fake_clock: FakeClock) -> MainWindow:
    fill_demo(window.context.db, fake_clock.now(), bank_questions(paths.resource_path("questions")))
    window.reload_teams()
    return window


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Holds every export in its rendering step until the test opens the gate (from the UI thread)."""
    opened = threading.Event()
    from copdesk.views.reports import export_job

    def gated(path: Path, file_format: ExportFormat[Any], document: object, title: str, **kwargs: Any) -> None:
        def held(document: object) -> str:
            assert opened.wait(20), "the test never opened the gate"
            return file_format.render(document)

        save_rendered(path, dataclasses.replace(file_format, render=held), document, title, **kwargs)

    monkeypatch.setattr(export_job, "save_rendered", gated)
    yield opened
    opened.set()  # never leave a worker waiting


def _export_record_to(window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path) -> ExportRun:
    monkeypatch.setattr(ReportActions, "ask_save_path", lambda self, title, suggested, file_filter: target)
    monkeypatch.setattr(SessionRecordDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.reports.export_session_record()
    run = window.reports.running_export
    assert run is not None
    return run


def test_the_window_handles_events_while_an_export_runs(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot, gate: threading.Event
) -> None:
    run = _export_record_to(demo_window, monkeypatch, tmp_path / "record.pdf")
    seen_running: list[bool] = []

    def on_the_ui_thread() -> None:  # an event processed while the export is under way in its thread
        seen_running.append(run.is_running())
        gate.set()

    QTimer.singleShot(0, on_the_ui_thread)
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        pass
    assert seen_running == [True]
    assert (tmp_path / "record.pdf").read_bytes().startswith(b"%PDF-")
    assert "Exported" in demo_window.statusBar().currentMessage()
    assert demo_window.reports.running_export is None


def test_a_second_export_waits_for_the_first(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot, gate: threading.Event
) -> None:
    _export_record_to(demo_window, monkeypatch, tmp_path / "first.pdf")
    told: list[str] = []
    monkeypatch.setattr(ReportActions, "_tell", lambda self, title, text: told.append(title))
    demo_window.reports.export_session_record()
    assert told == ["An export is running"]
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        gate.set()


def test_cancel_leaves_no_file_and_no_partial_file(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot, gate: threading.Event
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    run = _export_record_to(demo_window, monkeypatch, out / "record.pdf")
    assert run.cancel_button.accessibleName() == "Cancel the export"
    run.cancel_button.click()
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        gate.set()
    assert list(out.iterdir()) == []  # neither the file nor QSaveFile's temporary one
    assert "cancelled" in demo_window.statusBar().currentMessage()


def test_cancel_keeps_an_existing_file_as_it_was(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot, gate: threading.Event
) -> None:
    out = tmp_path / "exports"
    out.mkdir()
    target = out / "record.md"
    target.write_text("last month's record", encoding="utf-8")
    monkeypatch.setattr(SessionRecordDialog, "chosen_format", property(lambda self: self.formats["md"]))
    run = _export_record_to(demo_window, monkeypatch, target)
    run.cancel()
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        gate.set()
    assert [p.name for p in out.iterdir()] == ["record.md"]
    assert target.read_text(encoding="utf-8") == "last month's record"


def test_closing_the_window_cancels_a_running_export(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, gate: threading.Event
) -> None:
    target = tmp_path / "record.pdf"
    run = _export_record_to(demo_window, monkeypatch, target)
    cancel = run.worker.cancel

    def cancel_then_open_the_gate() -> None:  # the close waits for the worker, which waits for the gate
        cancel()
        gate.set()

    monkeypatch.setattr(run.worker, "cancel", cancel_then_open_the_gate)
    demo_window.close_without_asking()
    assert not run.worker.isRunning()
    assert not target.exists()


def test_a_record_with_a_megabyte_of_unbroken_notes_exports_to_pdf(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot, fake_clock: FakeClock
) -> None:
    """A 1 MB string with nowhere to break once took minutes to lay out; it is soft-wrapped for the PDF."""
    team = demo_window.current_team()
    assert team is not None
    latest = sessions.list_sessions(demo_window.context.db, team.id)[-1]
    unbroken = "ab" * (MEGABYTE // 2)
    notes.add_note(demo_window.context.db, latest.id, NoteKind.LEARNING, unbroken, fake_clock.now())
    monkeypatch.setattr(SessionRecordDialog, "session_id", property(lambda self: latest.id))
    target = tmp_path / "record.pdf"
    _export_record_to(demo_window, monkeypatch, target)
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=120000):
        pass
    text = pdf_text(target.read_bytes()).replace("\u200b", "")
    assert "abababab" in text and text.count("ab") >= MEGABYTE // 2


def test_the_progress_says_each_step_and_is_busy_while_the_pages_are_laid_out(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qtbot: QtBot, gate: threading.Event
) -> None:
    run = _export_record_to(demo_window, monkeypatch, tmp_path / "record.pdf")
    steps: list[tuple[str, int]] = []
    run.worker.stage_changed.connect(lambda _stage: steps.append((run.progress.labelText(), run.progress.maximum())))
    with qtbot.waitSignal(demo_window.reports.export_finished, timeout=20000):
        gate.set()
    assert steps == [
        ("Preparing the text…", 3),
        ("Laying out the pages…", 0),  # one long call into Qt: the bar shows it is busy
        ("Writing the file…", 3),
    ]
    assert run.bar.accessibleName() == "Export progress" and not run.bar.isTextVisible()
