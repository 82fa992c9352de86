"""An issue history's questions hold what their answer may be: a paste past it is refused (a resolution) or cut (a
title) at once, with why, in place of being laid out in full and refused only at OK, then asked for again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from copdesk.core.model import IssueStatus
from copdesk.store import issues
from copdesk.views.prepare.issue_history import IssueHistoryDialog, QuestionDialog
from copdesk.views.shell.main_window import MainWindow
from tests.views.prepare.test_issue_history_dialogs import _recurring_issue

A_MEGABYTE = "The OT lead now triages every referral on the day it comes in. " * 16_000
RESOLVED = "The OT lead triages referrals daily."


def _paste(field: QWidget, words: str) -> None:
    QGuiApplication.clipboard().setText(words)
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_a_megabyte_pasted_as_a_resolution_is_refused_at_once_and_asked_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    asked: list[str] = []

    def paste_then_type(question: QuestionDialog) -> int:
        asked.append(question.windowTitle())
        question.resize(620, 360)
        question.show()
        _paste(question.words_edit, A_MEGABYTE)
        assert question.textValue() == "", "nothing of the paste was laid out"
        assert question.message.isVisible() and question.message.text() == (
            f"That paste would make it {len(A_MEGABYTE):,} characters long, over the 4,000 it holds. "
            "Nothing was added: paste a shorter extract."
        )
        QApplication.processEvents()
        QTest.keyClicks(question.words_edit, RESOLVED)
        question.accept()
        return question.result()

    monkeypatch.setattr(QuestionDialog, "exec", paste_then_type)
    history.resolve_button.click()
    assert asked == ["Resolve issue"], "asked once: never again with the same paste"
    issue = issues.get_issue(window.context.db, issue_id)
    assert (issue.status, issue.resolution) == (IssueStatus.RESOLVED, RESOLVED)


def test_a_resolution_kept_from_before_the_limit_can_still_be_corrected_at_its_length(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    long_ago = "Agreed with the OT lead. " * 200  # 5,000 characters, stored before resolutions had a limit
    window.context.db.execute(
        "UPDATE issue SET status = 'resolved', resolution = ? WHERE id = ?", [long_ago.strip(), issue_id]
    )
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    most: list[int | None] = []

    def look(question: QuestionDialog) -> int:
        most.append(question.words_edit.max_characters)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QuestionDialog, "exec", look)
    history.resolve_button.click()
    assert most == [len(long_ago.strip())]


def test_a_megabyte_pasted_as_a_title_is_cut_at_once_with_why(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)

    def paste(question: QuestionDialog) -> int:
        question.show()
        question.line_edit.selectAll()
        _paste(question.line_edit, A_MEGABYTE)
        assert len(question.textValue()) == 300
        assert question.message.text() == "Title holds at most 300 characters: the rest was not taken."
        question.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QuestionDialog, "exec", paste)
    history.title_button.click()
    assert issues.get_issue(window.context.db, issue_id).title == "OT delyas"
