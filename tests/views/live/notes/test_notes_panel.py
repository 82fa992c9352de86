"""The notes pane in the real window: autosave, follow-up of earlier actions, and the quick items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.dates import format_uk
from copdesk.core.masterclass import arena_label
from copdesk.core.model import (
    ActionStatus,
    EscalationStatus,
    EscalationTarget,
    IssueStatus,
    NoteKind,
    ReviewOutcome,
    Role,
    SessionKind,
)
from copdesk.store import actions, issues, notes, series, sessions, teams
from copdesk.store.carry_over import actions_agreed_in
from copdesk.store.recurring import issue_facts
from copdesk.views.live.notes import follow_up as follow_up_module
from copdesk.views.live.notes import session_items
from copdesk.views.live.notes.action_editor import ChangeActionDialog
from copdesk.views.live.notes.action_models import ActionRole
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog, UpdateEscalationDialog
from copdesk.views.live.notes.issue_models import IssueRole
from copdesk.views.live.notes.notes_panel import AUTOSAVE_MS, NotesPanel
from copdesk.views.prepare.issue_history import IssueHistoryDialog
from copdesk.views.shell.header_bar import LIVE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.views.history_helpers import answer_questions

Dialog = TypeVar("Dialog", bound=QDialog)
EARLIER = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)


def _history(db: Database) -> dict[str, int]:
    """A team with an ended session that agreed two actions, and a later session created in advance."""
    team = teams.create_team(
        db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER)], EARLIER
    )
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, EARLIER, planned_start=EARLIER)
    sessions.start_session(db, first.id, EARLIER, ground_rules_agreed=True)
    late = actions.add_action(
        db,
        team.id,
        "Share the checklist",
        EARLIER,
        origin_session_id=first.id,
        due=EARLIER.date(),
        owner_name="Ash Lee",
    )
    later = actions.add_action(db, team.id, "Invite the OT lead", EARLIER, origin_session_id=first.id)
    sessions.end_session(db, first.id, EARLIER + timedelta(hours=1))
    ahead = sessions.create_session(
        db, team.id, SessionKind.REFLECTIVE, EARLIER, planned_start=datetime.now(UTC) + timedelta(days=14)
    )
    return {"team": team.id, "first": first.id, "ahead": ahead.id, "late": late.id, "later": later.id}


def _live(window: MainWindow, team_id: int, session_id: int | None = None) -> tuple[NotesPanel, int]:
    db = window.context.db
    if session_id is None:
        session_id = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, window.context.now()).id
    sessions.start_session(db, session_id, window.context.now(), ground_rules_agreed=True)
    window.reload_teams(team_id)
    window.live_session.begin(session_id, team_id)
    window.show_page(LIVE_PAGE)
    return window.notes_panel, session_id


def _saved(db: Database, session_id: int) -> str | None:
    found = notes.session_text(db, session_id)
    return found.text if found else None


def _auto(dialog_class: type[Dialog], fill: Callable[[Any], None]) -> type[Dialog]:
    """The dialog, filled in and accepted by the test instead of waiting for a person."""

    class Filled(dialog_class):  # type: ignore[valid-type, misc]
        def exec(self) -> int:
            fill(self)
            self.accept()
            return int(self.result())

    return Filled


def test_notes_are_saved_within_a_second_and_come_back(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.context.db
    ids = _history(db)
    panel, session_id = _live(window, ids["team"])
    assert not panel.empty_label.isVisible() and panel.content.isVisible()
    QTest.keyClicks(panel.editor, "Presenter described a carer under strain")
    assert panel.has_unsaved_text and _saved(db, session_id) is None
    assert panel.autosave_timer.isActive() and panel.autosave_timer.interval() <= AUTOSAVE_MS
    restarts: list[int] = []
    monkeypatch.setattr(panel.autosave_timer, "start", lambda *args: restarts.append(1))
    QTest.keyClicks(panel.editor, ".")
    assert restarts == []  # typing on does not push the save back: it happens within a second of the first key
    panel.autosave_timer.timeout.emit()
    assert _saved(db, session_id) == "Presenter described a carer under strain."
    assert not panel.has_unsaved_text and panel.save_status.text().startswith("Saved")

    panel.editor.insertPlainText("\nSecond line, not yet saved")
    other = sessions.create_session(db, ids["team"], SessionKind.SPOTLIGHT, window.context.now()).id
    window.live_session.begin(other, ids["team"])  # switching sessions flushes the one shown
    assert _saved(db, session_id) == "Presenter described a carer under strain.\nSecond line, not yet saved"
    assert panel.editor.toPlainText() == ""
    window.live_session.begin(session_id, ids["team"])  # an existing session's text comes back
    assert panel.editor.toPlainText().endswith("not yet saved") and not panel.has_unsaved_text


def test_ending_and_closing_flush_what_was_typed(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    ids = _history(db)
    panel, session_id = _live(window, ids["team"])
    panel.editor.insertPlainText("Typed just before the end")
    window.live_session.finish()
    assert _saved(db, session_id) == "Typed just before the end"
    assert panel.empty_label.isVisible() and not panel.content.isVisible()
    # The panes letting go carry nothing: carrying is the end of the session's own act (services.sessions), once.
    assert {a.times_carried for a in actions.actions_for_team(db, ids["team"])} == {0}

    panel, second = _live(window, ids["team"], ids["ahead"])
    panel.editor.insertPlainText("Typed just before quitting")
    window.close()
    assert _saved(db, second) == "Typed just before quitting"


def test_follow_up_lists_earlier_actions_once_and_records_each_review(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.context.db
    ids = _history(db)
    panel, _ = _live(window, ids["team"], ids["ahead"])  # the session created in advance
    box = panel.follow_up
    model = box.model
    assert [model.row_at(r).action_id for r in range(model.rowCount())] == [ids["late"], ids["later"]]
    assert box.table.isVisible() and box.toggle.text() == "Follow up (2)"
    assert box.toggle.toolTip().startswith("Follow up on agreed actions: 2 of 2 still to review")
    assert model.index(0, 0).data(ActionRole.OVERDUE) is True
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is not None  # overdue is highlighted
    assert model.index(0, 3).data() == "—"

    box.table.selectRow(0)
    QTest.mouseClick(box.buttons["carry"], Qt.MouseButton.LeftButton)
    assert actions.get_action(db, ids["late"]).times_carried == 1
    assert model.index(0, 3).data() == "1×" and model.index(0, 4).data() == "Carried"
    assert box.buttons["undo"].isEnabled()
    QTest.mouseClick(box.buttons["carry"], Qt.MouseButton.LeftButton)  # not twice in one session, and it says why
    assert actions.get_action(db, ids["late"]).times_carried == 1
    assert "already marked carried in this session" in box.message.text() and "Undo" in box.message.text()

    box.table.selectRow(1)
    monkeypatch.setattr(
        follow_up_module,
        "ChangeActionDialog",
        _auto(ChangeActionDialog, lambda d: d.owner_field.setEditText("bo day")),
    )
    box.reassign()
    assert actions.get_action(db, ids["later"]).owner_name == "Bo Day"  # matched to the roster
    monkeypatch.setattr(
        follow_up_module,
        "ChangeActionDialog",
        _auto(ChangeActionDialog, lambda d: d.due_field.setText("in 2 weeks")),
    )
    box.redate()
    today = window.context.now().astimezone().date()
    assert actions.get_action(db, ids["later"]).due == today + timedelta(weeks=2)
    QTest.mouseClick(box.buttons["done"], Qt.MouseButton.LeftButton)
    assert actions.get_action(db, ids["later"]).status is ActionStatus.DONE
    outcomes = [r["outcome"] for r in actions.reviews(db, ids["later"])]
    assert outcomes == ["reassigned", "redated", "done"]
    QTest.mouseClick(box.buttons["undo"], Qt.MouseButton.LeftButton)
    assert actions.get_action(db, ids["later"]).status is ActionStatus.OPEN
    assert model.rowCount() == 2  # each action once, whatever was done to it


def test_undo_with_another_row_selected_takes_back_the_last_one_marked(window: MainWindow) -> None:
    """A hurried facilitator marks one action, clicks another, then presses Undo: the mark they just made goes."""
    db = window.context.db
    ids = _history(db)
    panel, _ = _live(window, ids["team"], ids["ahead"])
    box = panel.follow_up
    assert not box.buttons["undo"].isEnabled()  # nothing marked yet
    box.table.selectRow(0)
    QTest.mouseClick(box.buttons["done"], Qt.MouseButton.LeftButton)
    assert actions.get_action(db, ids["late"]).status is ActionStatus.DONE
    box.table.selectRow(1)
    QTest.mouseClick(box.buttons["carry"], Qt.MouseButton.LeftButton)
    box.table.selectRow(0)
    QTest.mouseClick(box.buttons["undo"], Qt.MouseButton.LeftButton)  # the selected row's own mark goes first
    assert actions.get_action(db, ids["late"]).status is ActionStatus.OPEN
    assert box.buttons["undo"].isEnabled()  # the carry is still there to take back

    QTest.mouseClick(box.buttons["undo"], Qt.MouseButton.LeftButton)
    assert actions.get_action(db, ids["later"]).times_carried == 0
    assert box.table.currentIndex().row() == 1  # the row whose mark was taken back is shown selected
    assert not box.buttons["undo"].isEnabled()


def test_an_action_removed_by_mistake_is_put_back_whole_by_undo(window: MainWindow) -> None:
    db = window.context.db
    ids = _history(db)
    panel, session_id = _live(window, ids["team"])
    editor = panel.action_editor
    editor.text_edit.setText("Book the room for March")
    editor.owner_field.setEditText("Bo Day")
    editor.due_field.setText("in 2 weeks")
    assert editor.add_action() is not None
    before = actions_agreed_in(db, session_id)
    assert not editor.undo_button.isVisibleTo(editor)

    editor.table.selectRow(0)
    editor.remove_button.click()
    assert actions_agreed_in(db, session_id) == [] and editor.undo_button.isVisibleTo(editor)
    editor.undo_button.click()

    (back,) = actions_agreed_in(db, session_id)
    (was,) = before
    assert (back.text, back.owner_member_id, back.owner_name, back.due, back.origin_session_id) == (
        was.text,
        was.owner_member_id,
        was.owner_name,
        was.due,
        session_id,
    )
    assert editor.message.text() == "Put back: Book the room for March"
    assert not editor.undo_button.isVisibleTo(editor) and editor.model.rowCount() == 1


def test_bad_due_dates_are_refused_and_nothing_is_saved(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    ids = _history(db)
    panel, session_id = _live(window, ids["team"])
    panel.tabs.setCurrentIndex(panel.ACTION_TAB)
    editor = panel.action_editor
    before = db.table("action").count
    for bad, message in (("31/02/2026", "not a real date"), ("someday", "not a date CoPDesk understands")):
        editor.text_edit.setText("Share the carers' checklist")
        editor.owner_field.setEditText("Ash Lee")
        editor.due_field.setText(bad)
        assert message in editor.message.text()  # said while typing
        QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        assert message in editor.message.text() and editor.message.property("level") == "red"
        assert db.table("action").count == before
        assert editor.text_edit.text() == "Share the carers' checklist"  # what was typed stays to correct
    editor.text_edit.setText("   ")
    editor.due_field.setText("")
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert "Type what was agreed" in editor.message.text() and db.table("action").count == before

    editor.text_edit.setText("Share the carers' checklist")
    editor.owner_field.setEditText("Morgan from the hub")
    editor.due_field.setText("3/11/2027")
    assert editor.message.text() == "Due Wed 3 Nov 2027"
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    (added,) = actions_agreed_in(db, session_id)
    assert (added.text, added.owner_name, added.owner_member_id, added.due) == (
        "Share the carers' checklist",
        "Morgan from the hub",
        None,
        datetime(2027, 11, 3).date(),
    )
    assert added.origin_session_id == session_id and editor.model.rowCount() == 1


def test_issue_suggestions_link_raised_again_and_flag_at_the_threshold(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    ids = _history(db)
    ot = issues.add_issue(db, ids["team"], "Delays getting OT assessments before discharge", ids["first"], EARLIER)
    issues.add_issue(db, ids["team"], "Delays in paying care providers", ids["first"], EARLIER)
    second = sessions.create_session(db, ids["team"], SessionKind.REFLECTIVE, EARLIER + timedelta(days=14))
    issues.add_mention(db, ot.id, second.id, "Still waiting", EARLIER + timedelta(days=14))
    panel, _ = _live(window, ids["team"])
    panel.tabs.setCurrentIndex(panel.ISSUE_TAB)
    linker = panel.issue_linker
    assert not panel.follow_up.table.isVisible()  # folded while a quick item needs the room

    QTest.keyClicks(linker.title_edit, "Waiting weeks for an OT assessment")
    linker._suggest_timer.timeout.emit()
    assert linker.model.index(0, 0).data(IssueRole.ISSUE_ID) == ot.id
    assert linker.flag.isHidden()  # raised twice: not yet
    assert not linker.link_button.isEnabled()  # a suggestion is only offered: linking is the facilitator's choice
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Down)  # choose the best match
    QTest.mouseClick(linker.link_button, Qt.MouseButton.LeftButton)
    history = [m.text for m in issues.mentions(db, ot.id)]
    assert history[-1] == "Waiting weeks for an OT assessment"
    assert not linker.flag.isHidden() and "3 times" in linker.flag_label.text()
    assert "Same issues raised with no resolution" in linker.flag_label.text()
    assert "Practice Supervisor or Manager" in linker.flag.toolTip() and "My VIEWS" in linker.flag.toolTip()
    # Raised once per session: it is still offered, marked as linked here, and choosing it adds nothing.
    QTest.keyClicks(linker.title_edit, "OT assessment")
    linker.refresh_suggestions()
    assert [row.today for row in linker.model.rows() if row.issue_id == ot.id] == ["linked"]

    linker.title_edit.setText("No parking at the hospital")
    QTest.mouseClick(linker.new_button, Qt.MouseButton.LeftButton)
    assert "No parking at the hospital" in {i.title for i in issue_facts(db, ids["team"])}
    linker.title_edit.setText("no parking at the HOSPITAL")
    QTest.mouseClick(linker.new_button, Qt.MouseButton.LeftButton)
    assert "already open" in linker.message.text()
    assert len(issue_facts(db, ids["team"])) == 3


def test_same_issue_again_opens_the_recurring_issue_linking(window: MainWindow) -> None:
    db = window.context.db
    ids = _history(db)
    issue = issues.add_issue(db, ids["team"], "Interpreters at short notice", ids["first"], EARLIER)
    panel, _ = _live(window, ids["team"])
    window.live_session.repeated_issue_requested.emit()
    assert panel.tabs.currentIndex() == panel.ISSUE_TAB
    assert panel.issue_linker.table.currentIndex().data(IssueRole.ISSUE_ID) == issue.id


def test_learning_and_parked_items(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    ids = _history(db)
    panel, session_id = _live(window, ids["team"])
    panel.learning.text_edit.setText("Check early what the person wants")
    QTest.mouseClick(panel.learning.add_button, Qt.MouseButton.LeftButton)
    panel.parked.text_edit.setText("The level of one person's package of care")
    QTest.mouseClick(panel.parked.add_button, Qt.MouseButton.LeftButton)
    assert "Choose where to take it" in panel.parked.message.text()
    assert notes.notes(db, session_id, NoteKind.PARKED) == []
    panel.parked.destination.setCurrentIndex(panel.parked.destination.findText("Quality Assurance & Panels"))
    QTest.mouseClick(panel.parked.add_button, Qt.MouseButton.LeftButton)
    (parked,) = notes.notes(db, session_id, NoteKind.PARKED)
    assert parked.destination is not None and arena_label(parked.destination) == "Quality Assurance & Panels"
    assert [n.text for n in notes.notes(db, session_id, NoteKind.LEARNING)] == ["Check early what the person wants"]
    assert any("Scrutinising Packages of Care" in label.text() for label in panel.parked.findChildren(QLabel))


def test_search_finds_every_sessions_notes_in_context(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    ids = _history(db)
    notes.add_note(db, ids["first"], NoteKind.NOTE, "We built <b>rapport</b> over several visits", EARLIER)
    search = next(a for a in window.findChildren(QAction) if "Search notes" in a.text())
    assert search.shortcut().toString() == "Ctrl+F"
    search.trigger()
    dialog = window.notes_panel._search
    assert dialog is not None and dialog.isVisible()
    dialog.query_edit.setText("rapport")
    with qtbot.waitSignal(dialog._searching.done):  # searched in a worker thread
        dialog.run_search()
    assert dialog.model.rowCount() == 1
    hit = dialog.model.row_at(0)
    assert hit.session_date == EARLIER.astimezone().date() and hit.team_name == "Harbour Team"
    assert "We built <b>rapport</b> over several visits" in dialog.preview.toPlainText()  # shown, not obeyed
    dialog.close()


def test_review_outcome_is_recorded_once_per_session_even_from_the_store(window: MainWindow) -> None:
    db = window.context.db
    ids = _history(db)
    panel, session_id = _live(window, ids["team"])
    actions.review_action(db, ids["late"], session_id, ReviewOutcome.DONE, window.context.now())
    panel.follow_up.reload()
    panel.follow_up.table.selectRow(0)
    panel.follow_up.buttons["carry"].click()  # already Done: Carry says why it changes nothing
    assert "already marked done in this session" in panel.follow_up.message.text()
    assert actions.get_action(db, ids["late"]).times_carried == 0


def test_escalation_lifecycle_from_the_escalation_tab(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    ids = _history(db)
    issue = issues.add_issue(db, ids["team"], "Interpreters at short notice", ids["first"], EARLIER)
    panel, session_id = _live(window, ids["team"])
    panel.tabs.setCurrentIndex(panel.ESCALATION_TAB)
    tab = panel.escalations

    def raise_it(dialog: NewEscalationDialog) -> None:
        dialog.target_combo.setCurrentIndex(dialog.target_combo.findText("My VIEWS form"))
        dialog.due_field.setText("31/02/2027")  # refused: the dialog stays open and nothing is saved
        dialog.accept()
        assert dialog.escalation is None and "not a real date" in dialog.message.text()
        dialog.due_field.setText("in 3 weeks")

    monkeypatch.setattr(session_items, "NewEscalationDialog", _auto(NewEscalationDialog, raise_it))
    tab.new_escalation()
    (escalation,) = issues.escalations_for_issue(db, issue.id)
    today = window.context.now().astimezone().date()
    assert (escalation.target, escalation.raised_on, escalation.response_due) == (
        EscalationTarget.MY_VIEWS,
        today,
        today + timedelta(weeks=3),
    )
    assert escalation.status is EscalationStatus.AWAITING
    assert issues.get_issue(db, issue.id).status is IssueStatus.ESCALATED
    assert tab.model.rowCount() == 1 and "Awaiting" in str(tab.model.index(0, 4).data())

    def respond(dialog: UpdateEscalationDialog) -> None:
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(EscalationStatus.RESPONDED.value))
        dialog.accept()  # a response needs what it was: refused, nothing saved
        assert "what the response was" in dialog.message.text()
        dialog.outcome_edit.setPlainText("Booking line now takes same-day requests")

    monkeypatch.setattr(session_items, "UpdateEscalationDialog", _auto(UpdateEscalationDialog, respond))
    tab.table.selectRow(0)
    tab.record_outcome()
    responded = issues.get_escalation(db, escalation.id)
    assert (responded.status, responded.outcome) == (
        EscalationStatus.RESPONDED,
        "Booking line now takes same-day requests",
    )

    def close(dialog: UpdateEscalationDialog) -> None:
        statuses = [dialog.status_combo.itemData(i) for i in range(dialog.status_combo.count())]
        assert statuses == [EscalationStatus.RESPONDED.value, EscalationStatus.CLOSED.value]  # never back
        dialog.status_combo.setCurrentIndex(1)

    monkeypatch.setattr(session_items, "UpdateEscalationDialog", _auto(UpdateEscalationDialog, close))
    tab.table.selectRow(0)
    tab.record_outcome()
    assert issues.get_escalation(db, escalation.id).status is EscalationStatus.CLOSED
    assert db.table("escalation").get(escalation.id)["session_id"] == session_id  # raised in this meeting


def test_issue_history_shows_every_mention_and_resolves_with_a_note(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.context.db
    ids = _history(db)
    issue = issues.add_issue(db, ids["team"], "OT delays", ids["first"], EARLIER, "Two discharges waited")
    for days, text in ((14, "Still waiting"), (28, "Worse")):
        later = sessions.create_session(
            db, ids["team"], SessionKind.REFLECTIVE, EARLIER, planned_start=EARLIER + timedelta(days=days)
        )
        issues.add_mention(db, issue.id, later.id, text, EARLIER + timedelta(days=days))
    _, session_id = _live(window, ids["team"])
    dialog = IssueHistoryDialog(window.context, issue.id, session_id=session_id, parent=window)
    assert [dialog.history.index(r, 1).data() for r in range(dialog.history.rowCount())] == [
        "Two discharges waited",
        "Still waiting",
        "Worse",
    ]
    assert dialog.history.index(0, 0).data() == format_uk(EARLIER.astimezone().date())
    assert not dialog.flag.isHidden() and "Handling challenges" in dialog.flag_label.text()

    asked = answer_questions(monkeypatch, ("   ", True), ("OT lead triages hospital referrals daily", True))
    dialog.resolve()
    assert asked[1][1].startswith("Say how the issue was resolved; the resolution note is what the team will look")
    resolved = issues.get_issue(db, issue.id)
    assert (resolved.status, resolved.resolution) == (IssueStatus.RESOLVED, "OT lead triages hospital referrals daily")
    assert dialog.flag.isHidden() and dialog.changed and dialog.message.text() == "Resolved."
    assert not dialog.escalate_button.isEnabled() and dialog.resolve_button.text() == "Correct the &resolution…"
    dialog.close()


def test_next_session_means_a_later_day_than_todays_meeting(window: MainWindow, qtbot: QtBot) -> None:
    db = window.context.db
    ids = _history(db)
    today = window.context.now().astimezone().date()
    # A weekly series with a session late today: that is the meeting being held, not the next one.
    series.add_series(
        db, ids["team"], SessionKind.REFLECTIVE, f"DTSTART:{today:%Y%m%d}T235900\nRRULE:FREQ=WEEKLY", EARLIER
    )
    panel, session_id = _live(window, ids["team"])
    editor = panel.action_editor
    editor.text_edit.setText("Bring the Weather model")
    editor.due_field.setText("next session")
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    (added,) = actions_agreed_in(db, session_id)
    assert added.due == today + timedelta(days=7)


def test_the_parked_tabs_table_quotes_its_two_column_headings_each_on_its_own() -> None:
    first = session_items.arenas_text().splitlines()[0]
    assert first == "“CoPs reflective practice is NOT...” / “This should happen elsewhere IN...”"
