"""Words typed in the Live notes (an action, its owner, a learning point, an issue's title) set inside CoPDesk's own
line about them: a name written right to left is isolated, so "Added: … (نور حسن), due …" keeps its brackets and
comma in place."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from copdesk.core.dates import format_uk
from copdesk.core.model import EscalationStatus, EscalationTarget, Role, SessionKind
from copdesk.store import actions, issues, sessions, teams
from copdesk.views.live.notes import session_items
from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog
from copdesk.views.live.notes.new_issue_choice import NewIssueChoice
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow

NOOR = "نور حسن"
ISOLATED = f"\u2068{NOOR}\u2069"


def _live_with(window: MainWindow, *names: str, agreed_earlier: str = "") -> int:
    """A live session of a team of ``names``; with ``agreed_earlier``, an action agreed in a session before it."""
    db, now = window.context.db, window.context.now()
    roster = [(name, Role.FACILITATOR if not at else Role.PRACTITIONER) for at, name in enumerate(names)]
    then = datetime(2026, 9, 1, 9, tzinfo=UTC)
    team = teams.create_team(db, "Harbour Team", roster, then)
    if agreed_earlier:
        earlier = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, then)
        sessions.start_session(db, earlier.id, then, ground_rules_agreed=True)
        actions.add_action(db, team.id, agreed_earlier, then, origin_session_id=earlier.id)
        sessions.end_session(db, earlier.id, then + timedelta(hours=1))
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    sessions.start_session(db, session.id, now, ground_rules_agreed=True)
    window.reload_teams(team.id)
    window.live_session.begin(session.id, team.id)
    window.show_page(LIVE_PAGE)
    return session.id


def test_an_action_for_someone_named_right_to_left_is_said_with_each_name_in_its_place(window: MainWindow) -> None:
    _live_with(window, "Ash Lee", NOOR)
    panel = window.notes_panel
    panel.tabs.setCurrentWidget(panel.action_editor)
    editor = panel.action_editor
    editor.text_edit.setText(f"Send the leaflet to {NOOR}")
    editor.owner_field.set_owner(NOOR)
    editor.due_field.setText("3/11/2030")
    assert editor.add_action() is not None
    said = editor.message.text()
    assert said == f"Added: \u2068Send the leaflet to {NOOR}\u2069 ({ISOLATED}), due {format_uk(date(2030, 11, 3))}"

    editor.table.selectRow(0)
    editor.remove_button.click()
    assert editor.message.text() == f"Removed: \u2068Send the leaflet to {NOOR}\u2069"
    editor.undo_button.click()
    assert editor.message.text() == f"Put back: \u2068Send the leaflet to {NOOR}\u2069"


def test_words_written_left_to_right_are_said_as_typed(window: MainWindow) -> None:
    _live_with(window, "Ash Lee", "Bo Day")
    editor = window.notes_panel.action_editor
    editor.text_edit.setText("Book the room")
    editor.owner_field.set_owner("Bo Day")
    assert editor.add_action() is not None
    assert editor.message.text() == "Added: Book the room (Bo Day)"


def test_a_learning_point_written_right_to_left_is_isolated_in_its_added_line(window: MainWindow) -> None:
    _live_with(window, "Ash Lee", NOOR)
    learning = window.notes_panel.learning
    learning.text_edit.setText(NOOR)
    assert learning.add_item() is not None
    assert learning.message.text() == f"Added: {ISOLATED}"


def test_an_action_marked_twice_is_named_in_its_place_in_what_the_follow_up_list_says(window: MainWindow) -> None:
    _live_with(window, "Ash Lee", NOOR, agreed_earlier=NOOR)
    box = window.notes_panel.follow_up
    box.table.selectRow(0)
    box.buttons["done"].click()
    box.buttons["done"].click()
    assert box.message.text().startswith(f"Nothing changed: “{ISOLATED}” is already marked done in this session.")


def test_an_action_corrected_to_words_written_right_to_left_is_said_with_them_isolated(window: MainWindow) -> None:
    _live_with(window, "Ash Lee", NOOR, agreed_earlier="Ring Noor")
    box = window.notes_panel.follow_up
    assert box.model.setData(box.model.index(0, 0), NOOR)  # as Enter in the cell's editor saves it
    assert box.message.text() == f"Now reads: {ISOLATED}"


class _Responded(UpdateEscalationDialog):
    """The outcome dialog, answered as a facilitator would: the manager responded."""

    def exec(self) -> int:
        self.status_combo.setCurrentIndex(self.status_combo.findData(EscalationStatus.RESPONDED.value))
        self.outcome_edit.setPlainText("Agreed")
        self.accept()
        return int(self.result())


def test_an_escalations_outcome_names_its_issue_in_its_place(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_id = _live_with(window, "Ash Lee")
    team_id = sessions.get_session(window.context.db, session_id).team_id
    issue = issues.add_issue(window.context.db, team_id, NOOR, session_id, window.context.now())
    issues.add_escalation(window.context.db, issue.id, EscalationTarget.MANAGER, date(2026, 9, 1), None)
    tab = window.notes_panel.escalations
    tab.reload()
    monkeypatch.setattr(session_items, "UpdateEscalationDialog", _Responded)
    tab.table.selectRow(0)
    tab.record_outcome()
    assert tab.message.text() == f"Responded: {ISOLATED}"


def test_an_issue_titled_right_to_left_is_asked_about_with_its_quotes_in_place(qtbot: QtBot) -> None:
    choice = NewIssueChoice(lambda: None, lambda: None)
    qtbot.addWidget(choice)
    choice.ask(f"{NOOR} waits for an interpreter", earlier=False)
    assert choice.question.full_text() == f"Not recorded yet: “\u2068{NOOR} waits for an interpreter\u2069”"
