"""Reports ▸ Export session record… marks a session that has not ended in its list, and its record says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from copdesk.views.reports.export_dialogs import SessionRecordDialog
from copdesk.views.reports.report_actions import ReportActions
from copdesk.views.shell.main_window import MainWindow
from tests.views.export_helpers import finish_export
from tests.views.live_helpers import add_team, start_session


def test_a_live_session_is_marked_in_the_list_and_its_record_says_it_was_still_live(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_team(window)
    start_session(window, topic="Hoarding and self-neglect")
    listed: list[str] = []

    def choose_the_live_one(dialog: SessionRecordDialog) -> int:
        combo = dialog.session_combo
        listed.extend(combo.itemText(i) for i in range(combo.count()))
        dialog.format.setCurrentIndex(dialog.format.findData("md"))
        return QDialog.DialogCode.Accepted

    target = tmp_path / "record.md"
    monkeypatch.setattr(SessionRecordDialog, "exec", choose_the_live_one)
    monkeypatch.setattr(ReportActions, "ask_save_path", lambda self, title, suggested, file_filter: target)
    window.reports.export_session_record()
    finish_export(window.reports)
    assert len(listed) == 1 and listed[0].endswith("(Hoarding and self-neglect) · live now")
    assert "Still live when exported" in target.read_text(encoding="utf-8")
