"""What a log-off finds typed and not saved in the windows on screen (``copdesk.shutdown`` keeps it in a file)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from copdesk.core.dates import format_uk
from copdesk.core.model import EscalationTarget, Role, TextSource
from copdesk.store import issues, teams
from copdesk.store.search import search_notes
from copdesk.views.live.notes.correct_words import CorrectWordsDialog
from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog
from copdesk.views.prepare.issue_history import TITLE_PROMPT, IssueHistoryDialog, QuestionDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.typed_words import TypedWords, typed_in
from tests.views.live_helpers import add_team, held_session


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def typed_in_open_windows(app: QApplication) -> list[TypedWords]:
    """What a log-off finds in the windows on screen (``copdesk.shutdown``)."""
    return [typed for window in app.topLevelWidgets() if (typed := typed_in(window)) is not None]


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
    for dialog in (correction, outcome):
        qtbot.addWidget(dialog)
        dialog.show()
    assert typed_in_open_windows(_app()) == []  # opened, nothing typed yet
    correction.words_edit.setPlainText("Ring the relative")
    outcome.outcome_edit.setPlainText("The manager will ring facilities")
    day = format_uk(hit.session_date)
    assert set(typed_in_open_windows(_app())) == {
        TypedWords(f"Correct the words: Issue: Lifts out of order, {day} · {team.name}", "Ring the relative"),
        TypedWords("Escalation outcome: Lifts out of order", "The manager will ring facilities"),
    }
    correction.hide()  # a window not on screen holds nothing of the facilitator's now
    assert [typed.where for typed in typed_in_open_windows(_app())] == ["Escalation outcome: Lifts out of order"]
    correction.words_edit.setPlainText(hit.text)  # as found: closing it asks nothing
    outcome.outcome_edit.clear()  # nor this one, with no outcome typed


def test_a_question_of_an_issues_history_holds_the_words_typed_unless_they_are_stored_already(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on the title as it is and left so, a log-off would copy stored words out of the database for nothing."""
    for left in _app().topLevelWidgets():
        if left is not window:
            left.hide()
    db = window.context.db
    with held_session(window) as (team, session, then):
        issue = issues.add_issue(db, team.id, "Lifts out of order", session.id, then, "")
    history = IssueHistoryDialog(window.context, issue.id, session_id=None, parent=window)
    found: list[list[TypedWords]] = []

    def look(question: QuestionDialog) -> int:
        question.show()
        found.append(typed_in_open_windows(_app()))
        question.setTextValue("  Lifts  out of order ")  # stored as it is: nothing of the facilitator's
        found.append(typed_in_open_windows(_app()))
        question.setTextValue("Lifts out of order at Harbour House")
        found.append(typed_in_open_windows(_app()))
        question.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QuestionDialog, "exec", look)
    history.edit_title()
    typed = TypedWords(f"Edit the issue's title: {TITLE_PROMPT}", "Lifts out of order at Harbour House")
    assert found == [[], [], [typed]]


def test_the_start_dialog_holds_the_topic_and_plan_words_typed_in_it(window: MainWindow) -> None:
    """Not started, the session has nowhere to keep them: a log-off keeps them in a file."""
    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None and dialog.typed_words() is None  # opened on its defaults
    dialog.topic_edit.setText("Working with interpreters")
    dialog.plan_fields.trigger_warning.setText("A child's death")
    words = "Topic: Working with interpreters\nTrigger warning: A child's death"
    assert dialog.typed_words() == TypedWords("Start session", words)
    db, now = window.context.db, window.context.now()
    seaside = teams.create_team(db, "Seaside Team", [("Lee Park", Role.FACILITATOR)], now)
    dialog.team_combo.addItem(seaside.name, seaside.id)
    dialog.team_combo.setCurrentIndex(1)  # another team: its plan fills the plan's fields, the topic stays typed
    assert dialog.typed_words() == TypedWords("Start session", "Topic: Working with interpreters")
    dialog.guest_edit.setText("Sam Guest")
    assert dialog.add_guest()
    dialog.guest_edit.setText("Lou")  # a guest added, and one being typed, are typed words too
    typed = "Topic: Working with interpreters\nGuests: Sam Guest\nGuest name: Lou"
    assert dialog.typed_words() == TypedWords("Start session", typed)
    dialog.topic_edit.clear()
    dialog.guest_edit.clear()
    dialog.set_present({"Sam Guest"}, checked=False)  # unticked: Start would not add them
    assert dialog.typed_words() is None
    dialog.reject()


def test_a_window_whose_words_cannot_be_read_stops_neither_the_others_nor_the_quit(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault in one step of a log-off is reported as any fault is, and every step after it still runs."""
    from copdesk.shutdown import save_and_quit
    from copdesk.store.kept_notes import kept_files

    class Broken(QDialog):
        def typed_words(self) -> TypedWords | None:
            raise RuntimeError("a fault of its own")

    class Holding(QDialog):
        def typed_words(self) -> TypedWords | None:
            return TypedWords("Somewhere", "Words to keep")

    for left in _app().topLevelWidgets():
        if left is not window:
            left.hide()
    broken, holding = Broken(window), Holding(window)
    for dialog in (broken, holding):
        qtbot.addWidget(dialog)
        dialog.show()
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
    with qtbot.captureExceptions() as faults:
        save_and_quit(_app())
    assert [type(fault[1]) for fault in faults] == [RuntimeError]
    kept = [path.read_text(encoding="utf-8") for path in kept_files(window.context.db_path.parent)]
    assert len(kept) == 1 and kept[0].endswith("\n\nWords to keep")
    assert not broken.isVisible() and not holding.isVisible() and not window.isVisible() and exits == [0]


def test_the_first_run_and_new_team_dialogs_hold_the_team_typed_in_them(window: MainWindow, qtbot: QtBot) -> None:
    """Until the team is created its name and members are saved nowhere."""
    from copdesk.views.shell.first_run import FirstRunDialog

    first_run, new_team = FirstRunDialog(window), FirstRunDialog(window)
    new_team.as_new_team(demo_offered=False)
    for dialog in (first_run, new_team):
        qtbot.addWidget(dialog)
        assert dialog.typed_words() is None
    first_run.ui.teamNameEdit.setText("Harbour Team")
    first_run.ui.membersEdit.setPlainText("Ash Lee\nBo Day")
    typed = TypedWords("Welcome to CoPDesk", "Team name: Harbour Team\nMembers: Ash Lee\nBo Day")
    assert first_run.typed_words() == typed
    first_run.ui.demoRadio.setChecked(True)  # typed all the same, and saved nowhere
    assert first_run.typed_words() is not None
    new_team.ui.membersEdit.setPlainText("Cy Vale")
    assert new_team.typed_words() == TypedWords("New team", "Members: Cy Vale")


def test_the_team_members_dialog_holds_what_is_typed_and_not_yet_saved(window: MainWindow, qtbot: QtBot) -> None:
    """Each change is saved as it is made: what a log-off finds is the team's name changed and not saved, a new
    member's name not added, and a name being changed in the list."""
    from PySide6.QtWidgets import QLineEdit

    from copdesk.views.team.team_members_dialog import MemberColumn

    add_team(window)
    dialog = window.team_actions.open_members()
    assert dialog is not None and dialog.typed_words() is None
    dialog.team_name_edit.setText("Harbour Team North")
    dialog.new_name_edit.setText("Dee Moss")
    index = dialog.model.index(0, MemberColumn.NAME)
    name = dialog.model.member_at(0).display_name
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index)
    assert isinstance(editor, QLineEdit) and editor.text() == name
    assert dialog.typed_words() == TypedWords(
        "Team members", f"Team name: Harbour Team North\nNew member: Dee Moss, {Role.PRACTITIONER.label}"
    )  # the editor is open on the name as it is
    editor.setText(f"{name} Jones")
    assert dialog.typed_words() == TypedWords(
        "Team members",
        f"Team name: Harbour Team North\nNew member: Dee Moss, {Role.PRACTITIONER.label}\n"
        f"New name for {name}: {name} Jones",
    )
    editor.setText(name)
    assert dialog.rename_team() and dialog.add_member() is not None  # saved: nothing is left to keep
    assert dialog.typed_words() is None
    dialog.close()


def test_the_add_people_dialog_holds_the_guests_typed_in_it(window: MainWindow) -> None:
    """Guests are typed; who is ticked from the team is not: only the guests' names are kept at a log-off."""
    from tests.views.live_helpers import ROSTER, start_session

    add_team(window)
    start_session(window, present=ROSTER[:-1])
    dialog = window.participation_panel.open_add_people()
    assert dialog is not None and dialog.typed_words() is None
    dialog.set_ticked({ROSTER[-1]})
    assert dialog.typed_words() is None
    for guest in ("Sam Guest", "Kit Visitor"):
        dialog.guest_edit.setText(guest)
        assert dialog.add_guest()
    dialog.guest_edit.setText("Lou Student")
    assert dialog.typed_words() == TypedWords(
        "Add people present", "Guests: Sam Guest, Kit Visitor\nGuest name: Lou Student"
    )
    dialog.guest_edit.clear()
    dialog.absent_list.item(dialog.absent_list.count() - 1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.typed_words() == TypedWords("Add people present", "Guests: Sam Guest")  # unticked: not to be added
    dialog.absent_list.item(dialog.absent_list.count() - 2).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.typed_words() is None
    dialog.reject()


def test_a_name_being_typed_at_a_log_off_is_kept_in_the_file_and_not_saved_as_its_editor_closes(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cell editor saves as it loses focus: hiding its dialog would store the name behind the file's back, after
    the write guard stood down. The log-off closes it without saving; the name is in the file only."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from copdesk.shutdown import save_and_quit
    from copdesk.store.kept_notes import kept_files
    from copdesk.views.team.team_members_dialog import MemberColumn

    for left in _app().topLevelWidgets():
        if left is not window:
            left.hide()
    team = add_team(window)
    dialog = window.team_actions.open_members()
    assert dialog is not None
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    index = dialog.model.index(0, MemberColumn.NAME)
    name = dialog.model.member_at(0).display_name
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.selectAll()
    QTest.keyClicks(editor, "Zoe Quill")
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    save_and_quit(_app())
    stored = [m.display_name for m in teams.list_members(window.context.db, team.id, include_inactive=True)]
    assert name in stored and "Zoe Quill" not in stored
    kept = [path.read_text(encoding="utf-8") for path in kept_files(window.context.db_path.parent)]
    assert [text.splitlines()[-1] for text in kept] == [f"New name for {name}: Zoe Quill"]


def test_what_a_retry_rereads_is_read_when_asked_and_only_while_its_dialog_is_closed(qtbot: QtBot) -> None:
    import shiboken6

    from copdesk.views.widgets.typed_words import rereads

    class Asked(QDialog):
        def typed_words(self) -> TypedWords | None:
            return TypedWords("Asked", self.windowTitle())

    dialog = Asked()
    read = rereads(dialog)
    dialog.show()
    assert read() is None  # on screen, it holds its words itself
    dialog.hide()
    dialog.setWindowTitle("typed on")
    assert read() == TypedWords("Asked", "typed on")  # as it reads when asked
    shiboken6.delete(dialog)
    assert read() is None  # gone with its window: nothing to read, and no fault
