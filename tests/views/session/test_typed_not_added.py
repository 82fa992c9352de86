"""A quick item typed in its field but not added (an action still without its owner, a parked item without where
to take it) is no one's to save unasked: ending the session or closing the window names it first, and Enter on
those questions no longer drops it.

The questions are window-modal and opened with ``open()``, so these tests answer them without an event loop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from copdesk.core.model import NoteKind, SessionStatus
from copdesk.store import notes, sessions
from copdesk.store.carry_over import actions_agreed_in
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session

LONG_LEARNING = "Check early what the person wants, before the options are narrowed by what the service offers"


def _type_items(window: MainWindow) -> None:
    panel = window.notes_panel
    panel.action_editor.text_edit.setText("  Sam to circulate   the hub directory ")
    panel.learning.text_edit.setText(LONG_LEARNING)
    panel.parked.text_edit.setText("Package of care level")
    panel.issue_linker.title_edit.setText("Waiting weeks for OT assessments")


def test_the_notes_pane_names_each_item_typed_but_not_added(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    assert window.live_session.typed_not_added() == []
    _type_items(window)
    window.notes_panel.escalations.setFocus()  # only the fields' text counts, not where the focus is
    assert window.live_session.typed_not_added() == [
        "the action “Sam to circulate the hub directory”",
        "the issue “Waiting weeks for OT assessments”",
        "the learning point “Check early what the person wants, before the opt…”",
        "the parked item “Package of care level”",
    ]
    window.notes_panel.learning.add_item()  # added: no longer pending
    window.notes_panel.action_editor.text_edit.setText("   ")
    assert [item.split(" “")[0] for item in window.live_session.typed_not_added()] == [
        "the issue",
        "the parked item",  # still no destination chosen: not added, still named
    ]


def test_the_end_question_names_what_is_not_added_and_cancel_keeps_it(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window)
    panel = window.notes_panel
    panel.action_editor.text_edit.setText("Sam to circulate the hub directory")
    box = window.session_flow.request_end()
    assert box is not None
    said = box.informativeText()
    assert said.startswith(
        "Not added yet: the action “Sam to circulate the hub directory”. Ending now leaves it out of the session: "
        "Cancel, then add it in its tab."
    )
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert window.live_session.session_id == session.id
    assert panel.action_editor.text_edit.text() == "Sam to circulate the hub directory"
    assert panel.action_editor.add_action() is not None
    box = window.session_flow.request_end()
    assert box is not None and "Not added yet" not in box.informativeText()
    assert box.informativeText().startswith("The timer stops")
    box.button(QMessageBox.StandardButton.Yes).click()
    assert sessions.get_session(window.context.db, session.id).status is SessionStatus.ENDED
    assert [a.text for a in actions_agreed_in(window.context.db, session.id)] == ["Sam to circulate the hub directory"]


def test_ending_after_the_warning_is_the_facilitators_choice(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window)
    _type_items(window)
    box = window.session_flow.request_end()
    assert box is not None
    said = box.informativeText()
    assert "the parked item “Package of care level”. Ending now leaves them out of the session: " in said
    assert "Cancel, then add them in their tabs." in said
    box.button(QMessageBox.StandardButton.Yes).click()
    assert sessions.get_session(window.context.db, session.id).status is SessionStatus.ENDED
    assert notes.notes(window.context.db, session.id, NoteKind.PARKED) == []


def test_the_close_question_no_longer_says_everything_is_saved_and_enter_keeps_the_window(
    window: MainWindow,
) -> None:
    add_team(window)
    session = start_session(window)
    window.notes_panel.parked.text_edit.setText("Package of care level")
    window.notes_panel.learning.text_edit.setText("Ask the person first")
    window.close()
    question = window.session_flow.close_question
    assert question is not None and question.isVisible()
    said = question.informativeText()
    assert "everything is saved" not in said
    assert said.endswith(
        "Not added yet: the learning point “Ask the person first” and the parked item “Package of care level”. "
        "Either choice leaves them out: Cancel, then add them in their tabs."
    )
    assert question.defaultButton() is question.cancel_button
    QTest.keyClick(question, Qt.Key.Key_Return)
    assert window.isVisible() and window.live_session.session_id == session.id
    assert window.notes_panel.parked.text_edit.text() == "Package of care level"


def test_with_nothing_pending_the_close_question_is_as_before(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    window.close()
    question = window.session_flow.close_question
    assert question is not None
    assert "everything is saved" in question.informativeText() and "Not added" not in question.informativeText()
    assert question.defaultButton() is question.keep_button


def test_a_close_nobody_answers_keeps_each_item_typed_in_full_at_the_end_of_the_notes(window: MainWindow) -> None:
    """A log-off or SIGTERM (``copdesk.shutdown.save_and_quit``) asks nothing, so the words go where close saves."""
    add_team(window)
    session = start_session(window)
    panel = window.notes_panel
    panel.editor.setPlainText("Opening round: two new starters\n")
    _type_items(window)
    window.live_session.keep_typed_not_added()
    kept = (
        "Opening round: two new starters\n\n"
        "Typed but not added when the computer closed CoPDesk:\n"
        "- the action: Sam to circulate the hub directory\n"
        "- the issue: Waiting weeks for OT assessments\n"
        f"- the learning point: {LONG_LEARNING}\n"  # in full, not as the questions shorten it
        "- the parked item: Package of care level"
    )
    assert panel.editor.toPlainText() == kept
    assert window.live_session.typed_not_added() == []  # emptied: the words are in one place
    assert panel.flush()
    stored = notes.session_text(window.context.db, session.id)
    assert stored is not None and stored.text == kept


def test_with_nothing_typed_a_close_nobody_answers_leaves_the_notes_as_they_are(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    panel = window.notes_panel
    panel.editor.setPlainText("Opening round")
    assert panel.flush()
    panel.parked.text_edit.setText("   ")  # spaces only: nothing to keep
    window.live_session.keep_typed_not_added()
    assert panel.editor.toPlainText() == "Opening round" and not panel.has_unsaved_text


def test_items_typed_into_empty_notes_start_them_without_a_blank_line(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    window.notes_panel.parked.text_edit.setText("Package of care level")
    window.live_session.keep_typed_not_added()
    assert window.notes_panel.editor.toPlainText() == (
        "Typed but not added when the computer closed CoPDesk:\n- the parked item: Package of care level"
    )


def test_items_kept_after_notes_without_a_last_line_break_are_set_apart_by_a_blank_line(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    window.notes_panel.editor.setPlainText("Opening round")
    window.notes_panel.action_editor.text_edit.setText("Ash to book the room")
    window.live_session.keep_typed_not_added()
    assert window.notes_panel.editor.toPlainText() == (
        "Opening round\n\nTyped but not added when the computer closed CoPDesk:\n- the action: Ash to book the room"
    )
