"""Every multi-line field refuses a paste that would take it over what it holds as the paste comes, so a document
pasted by mistake (one long line lays out in time that grows with the square of its length: 1 MB froze a dialog
for most of a minute) changes nothing and says why, instead of being refused at Save."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.custom_questions import MAX_TEXT_LENGTH
from copdesk.core.feedback import MAX_ASSESSMENT_LENGTH
from copdesk.core.input_limits import MAX_OUTCOME_CHARACTERS
from copdesk.core.model import EscalationTarget
from copdesk.core.quarterly import recent_quarters
from copdesk.store import issues
from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog
from copdesk.views.reports.self_assessment_dialog import SelfAssessmentDialog
from copdesk.views.shell.first_run import MEMBERS_TEXT_LIMIT, FirstRunDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit
from tests.views.live_helpers import add_team, start_session

PASTED_DOCUMENT = "x" * 1_000_000  # no space to wrap at: the worst case for Qt's layout


def _paste(editor: BoundedPlainTextEdit, text: str) -> None:
    data = QMimeData()
    data.setText(text)
    editor.insertFromMimeData(data)


def test_a_field_takes_a_paste_up_to_its_limit_and_refuses_one_over(qtbot: QtBot) -> None:
    editor = BoundedPlainTextEdit(max_characters=20)
    qtbot.addWidget(editor)
    refused: list[str] = []
    editor.refused.connect(refused.append)
    editor.setPlainText("Typed: ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    _paste(editor, "y" * 14)  # 7 + 14 = 21 characters: one over
    assert editor.toPlainText() == "Typed: " and refused == [
        "That paste would make it 21 characters long, over the 20 it holds. Nothing was added: paste a shorter extract."
    ]
    _paste(editor, "y" * 13)
    assert editor.toPlainText() == "Typed: " + "y" * 13 and len(refused) == 1
    _paste(editor, "z")
    assert len(editor.toPlainText()) == 20 and len(refused) == 2
    editor.selectAll()  # replacing what is selected frees its room
    _paste(editor, "🌱" * 20)
    assert editor.toPlainText() == "🌱" * 20 and len(refused) == 2


def _first_run(window: MainWindow) -> tuple[QWidget, BoundedPlainTextEdit, QLabel, int]:
    dialog = FirstRunDialog(window)
    return dialog, dialog.ui.membersEdit, dialog.ui.errorLabel, MEMBERS_TEXT_LIMIT


def _escalation_outcome(window: MainWindow) -> tuple[QWidget, BoundedPlainTextEdit, QLabel, int]:
    team = add_team(window)
    session = start_session(window)
    db, now = window.context.db, window.context.now()
    issue = issues.add_issue(db, team.id, "Waiting weeks for OT assessments", session.id, now)
    escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, date(2026, 10, 1), None)
    dialog = UpdateEscalationDialog(window.context, escalation, issue.title, window)
    return dialog, dialog.outcome_edit, dialog.message, MAX_OUTCOME_CHARACTERS


def _self_assessment(window: MainWindow) -> tuple[QWidget, BoundedPlainTextEdit, QLabel, int]:
    team = add_team(window)
    dialog = SelfAssessmentDialog(window.context, team, recent_quarters(date(2026, 11, 2)), window)
    return dialog, next(iter(dialog.editors.values())), dialog.message, MAX_ASSESSMENT_LENGTH


@pytest.mark.parametrize("open_field", [_first_run, _escalation_outcome, _self_assessment])
def test_a_document_pasted_into_a_dialogs_field_is_refused_at_once_and_said(
    window: MainWindow, open_field: Callable[[MainWindow], tuple[QWidget, BoundedPlainTextEdit, QLabel, int]]
) -> None:
    dialog, editor, message, limit = open_field(window)
    dialog.show()
    editor.setPlainText("What was typed stays.")
    _paste(editor, PASTED_DOCUMENT)
    assert editor.toPlainText() == "What was typed stays."
    assert message.isVisible() and f"over the {limit:,} it holds. Nothing was added" in message.text()
    editor.clear()
    _paste(editor, "y" * limit)  # the most it holds is still taken
    assert len(editor.toPlainText()) == limit


def test_a_document_pasted_into_a_question_of_your_own_is_refused_at_once_and_said(window: MainWindow) -> None:
    window.question_panel.custom_button.click()
    dialog = window.question_panel.custom_dialog
    assert dialog is not None
    editor = dialog.form.text_edit
    _paste(editor, PASTED_DOCUMENT)
    assert editor.toPlainText() == ""
    assert dialog.message_frame.isVisible()
    assert f"over the {MAX_TEXT_LENGTH:,} it holds" in dialog.message_label.text()
