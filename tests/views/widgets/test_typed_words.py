"""What a log-off finds typed and not saved in the windows on screen (``copdesk.shutdown`` keeps it in a file)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from copdesk.core.dates import format_uk
from copdesk.core.model import EscalationTarget, TextSource
from copdesk.store import issues
from copdesk.store.search import search_notes
from copdesk.views.live.notes.correct_words import CorrectWordsDialog
from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.typed_words import TypedWords, typed_in_open_windows
from tests.views.live_helpers import held_session


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def test_each_open_dialog_says_what_it_holds_typed_and_not_saved(window: MainWindow, qtbot: QtBot) -> None:
    for left in _app().topLevelWidgets():  # by earlier tests: only this test's windows are on screen
        if left is not window:
            left.hide()
    db = window.context.db
    with held_session(window) as (team, session, then):
        issue = issues.add_issue(db, team.id, "Lifts out of order", session.id, then, "Ring Jo Bloggs")
        escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, then.date(), None, session.id)
    [hit] = [hit for hit in search_notes(db, "Bloggs") if hit.source is TextSource.MENTION]
    correction = CorrectWordsDialog(window.context, hit, window)
    outcome = UpdateEscalationDialog(window.context, escalation, "Lifts out of order", window)
    question = QInputDialog(window)
    question.setWindowTitle("Resolve issue")
    question.setLabelText("Say how the issue was resolved.\n\nHow was “Lifts out of order” resolved?")
    for dialog in (correction, outcome, question):
        qtbot.addWidget(dialog)
        dialog.show()
    assert typed_in_open_windows(_app()) == []  # opened, nothing typed yet
    correction.words_edit.setPlainText("Ring the relative")
    outcome.outcome_edit.setPlainText("The manager will ring facilities")
    question.setTextValue("Facilities fixed them")
    day = format_uk(hit.session_date)
    assert set(typed_in_open_windows(_app())) == {
        TypedWords(f"Correct the words: Issue: Lifts out of order, {day} · {team.name}", "Ring the relative"),
        TypedWords("Escalation outcome: Lifts out of order", "The manager will ring facilities"),
        TypedWords("Resolve issue (How was “Lifts out of order” resolved?)", "Facilities fixed them"),
    }
    question.setTextValue("  \n ")  # blank: nothing to keep
    correction.hide()  # a window not on screen holds nothing of the facilitator's now
    assert [typed.where for typed in typed_in_open_windows(_app())] == ["Escalation outcome: Lifts out of order"]
    correction.words_edit.setPlainText(hit.text)  # as found: closing it asks nothing
