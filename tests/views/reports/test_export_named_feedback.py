"""The window's quarterly export warns, without blocking, when a suggested change in the feedback names a colleague:
the report copies feedback word for word. Enter exports it as it is; Cancel writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from copdesk.store.feedback import add_feedback
from copdesk.views.reports.export_dialogs import QuarterReportDialog
from copdesk.views.reports.identifier_review import NamedInFeedbackDialog
from copdesk.views.reports.report_actions import ReportActions
from copdesk.views.shell.main_window import MainWindow
from tests.views.export_helpers import finish_export
from tests.views.live_helpers import held_session

NAMING = "Bo Day could present less often"


def _export(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path, quarter: str, *, enter: bool
) -> list[NamedInFeedbackDialog]:
    def choose(dialog: QuarterReportDialog) -> int:
        dialog.quarter_combo.addItem(quarter, quarter)
        dialog.quarter_combo.setCurrentIndex(dialog.quarter_combo.count() - 1)
        dialog.format.setCurrentIndex(dialog.format.findData("md"))
        return QDialog.DialogCode.Accepted

    warnings: list[NamedInFeedbackDialog] = []

    def warn(dialog: NamedInFeedbackDialog) -> int:
        warnings.append(dialog)
        dialog.show()
        if enter:
            QTest.keyClick(dialog, Qt.Key.Key_Return)
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(QuarterReportDialog, "exec", choose)
    monkeypatch.setattr(NamedInFeedbackDialog, "exec", warn)
    monkeypatch.setattr(ReportActions, "ask_save_path", lambda self, title, suggested, file_filter: target)
    window.reports.export_quarterly_report()
    finish_export(window.reports)
    return warnings


def _quarter_with_feedback(window: MainWindow, *changes: str) -> str:
    with held_session(window) as (_, session, then):
        for change in changes:
            add_feedback(window.context.db, session.id, 4, change, then)
    local = then.astimezone()
    return f"{local.year}Q{(local.month + 2) // 3}"


def test_feedback_naming_a_colleague_is_shown_first_and_enter_exports_it_as_it_is(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    quarter = _quarter_with_feedback(window, NAMING, "Start on time")
    target = tmp_path / "quarter.md"
    (warning,) = _export(window, monkeypatch, target, quarter, enter=True)
    assert [(row.text, row.names) for row in warning.model.rows()] == [(NAMING, ("Bo Day",))]
    assert warning.intro.text().startswith("1 of this quarter's suggested changes names a colleague.")
    assert NAMING in target.read_text(encoding="utf-8")  # a warning, never a block: the words go as typed


def test_cancelling_the_warning_writes_nothing_and_feedback_naming_nobody_asks_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    quarter = _quarter_with_feedback(window, NAMING)
    cancelled = tmp_path / "cancelled.md"
    assert len(_export(window, monkeypatch, cancelled, quarter, enter=False)) == 1
    assert not cancelled.exists()
    window.context.db.execute("UPDATE session_feedback SET to_change = 'Start on time'")
    plain = tmp_path / "plain.md"
    assert _export(window, monkeypatch, plain, quarter, enter=False) == []
    assert "Start on time" in plain.read_text(encoding="utf-8")
