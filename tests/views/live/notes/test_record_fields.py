"""The one-line fields that go into the record, in the real window: linking an issue is always an explicit
act (and can be undone), identifiers are flagged in every such field, a past due date is said, and note
search finds issue titles, actions and escalation outcomes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copdesk.core.model import ActionStatus
from copdesk.store import actions, issues, sessions
from copdesk.store.carry_over import actions_agreed_in
from copdesk.store.recurring import issue_summary, issues_raised_in, unresolved_issues
from copdesk.views.live.notes.action_editor import ChangeActionDialog
from copdesk.views.live.notes.issue_linker import IssueLinker
from copdesk.views.shell.main_window import MainWindow
from tests.views.conftest import clocked_window  # noqa: F401  (the real window, on the fake clocks)
from tests.views.live_helpers import add_team, held_session, start_session

NHS = "943 476 5919"
OT_TITLE = "Delays getting occupational therapy assessments before discharge"


@pytest.fixture
def window(clocked_window: MainWindow) -> MainWindow:  # noqa: F811
    """Today is Thu 8 Oct 2026 for every date typed here (the fake wall clock)."""
    return clocked_window


@pytest.fixture
def earlier(window: MainWindow) -> Iterator[dict[str, int]]:
    """A team whose earlier session recorded the OT issue and agreed an action still open."""
    db = window.context.db
    with held_session(window) as (team, session, then):
        ot = issues.add_issue(db, team.id, OT_TITLE, session.id, then)
        action = actions.add_action(db, team.id, "Share the carers' checklist", then, origin_session_id=session.id)
    yield {"team": team.id, "session": session.id, "ot": ot.id, "action": action.id}


def _linker(window: MainWindow) -> IssueLinker:
    pane = window.notes_panel
    pane.tabs.setCurrentIndex(pane.ISSUE_TAB)
    return pane.issue_linker


def _type(linker: IssueLinker, text: str) -> None:
    linker.title_edit.clear()
    QTest.keyClicks(linker.title_edit, text)
    linker._suggest_timer.timeout.emit()  # the suggestions, without waiting for the typing pause


def _times_raised(window: MainWindow, issue_id: int) -> int:
    return issue_summary(window.context.db, issue_id).times_raised


# -- 2. linking an issue takes an explicit choice ---------------------------------------------------------------
def test_enter_on_new_text_never_links_a_suggestion_and_asks_before_recording(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    linker = _linker(window)
    _type(linker, "Delays in getting the new parking permits")
    assert linker.model.rowCount() and linker.model.row_at(0).issue_id == earlier["ot"]  # offered, as it shares words
    assert not linker.table.currentIndex().isValid() and not linker.link_button.isEnabled()  # but not chosen
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert linker.choice.isVisible()  # Enter asks; the choice records
    linker.choice.record_button.click()
    titles = [s.title for s in unresolved_issues(window.context.db, earlier["team"])]
    assert "Delays in getting the new parking permits" in titles
    assert _times_raised(window, earlier["ot"]) == 1  # not linked to the OT issue
    assert titles_raised(window, live) == ["Delays in getting the new parking permits"]


def test_a_suggestion_chosen_with_the_keys_links_and_undo_takes_it_back(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    linker = _linker(window)
    _type(linker, "Still waiting for occupational therapy")
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Down)  # choose the best match
    assert linker.table.currentIndex().row() == 0 and linker.link_button.isEnabled()
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Up)  # back above the list: nothing chosen
    assert not linker.table.currentIndex().isValid()
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Down)
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert _times_raised(window, earlier["ot"]) == 2 and "Linked as raised again" in linker.message.text()
    assert linker.undo_button.isVisible() and linker.title_edit.text() == ""

    linker.undo_button.click()  # a slip: the mention goes, the text comes back to record as new
    assert _times_raised(window, earlier["ot"]) == 1 and not linker.undo_button.isVisible()
    assert [m.session_id for m in issues.mentions(window.context.db, earlier["ot"])] == [earlier["session"]]
    assert linker.title_edit.text() == "Still waiting for occupational therapy"
    assert not linker.table.currentIndex().isValid()
    linker.new_button.click()
    assert titles_raised(window, live) == ["Still waiting for occupational therapy"]


def test_a_click_on_a_suggestion_is_a_choice_too(window: MainWindow, earlier: dict[str, int]) -> None:
    start_session(window)
    linker = _linker(window)
    _type(linker, "OT assessments again")
    rect = linker.table.visualRect(linker.model.index(0, 0))
    QTest.mouseClick(linker.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Return)
    assert _times_raised(window, earlier["ot"]) == 2


def titles_raised(window: MainWindow, session_id: int) -> list[str]:
    return [summary.title for summary in issues_raised_in(window.context.db, session_id)]


# -- 3. identifiers in the one-line fields ------------------------------------------------------------------------
def test_an_identifier_in_an_action_is_flagged_removed_and_never_blocks(
    window: MainWindow, earlier: dict[str, int]
) -> None:
    live = start_session(window).id
    editor = window.notes_panel.action_editor
    window.notes_panel.tabs.setCurrentIndex(window.notes_panel.ACTION_TAB)
    editor.text_edit.setText(f"Send {NHS} the leaflet")
    warning = editor.identifier_warning
    warning.check_now()
    assert warning.isVisible() and "NHS number" in warning.label.text()
    warning.button("Remove").click()
    assert editor.text_edit.text() == "Send [NHS number removed] the leaflet" and not warning.isVisible()
    editor.text_edit.undo()  # the field's own undo brings it back
    assert editor.text_edit.text() == f"Send {NHS} the leaflet"
    warning.check_now()
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)  # a warning, never a block
    assert [a.text for a in actions_agreed_in(window.context.db, live)] == [f"Send {NHS} the leaflet"]


@pytest.mark.parametrize("field", ["learning", "parked", "issue"])
def test_every_item_field_has_the_warning(window: MainWindow, earlier: dict[str, int], field: str) -> None:
    start_session(window)
    pane = window.notes_panel
    if field == "issue":
        edit, warning = pane.issue_linker.title_edit, pane.issue_linker.identifier_warning
    else:
        items = pane.learning if field == "learning" else pane.parked
        edit, warning = items.text_edit, items.identifier_warning
    edit.setText("Visit at SW1A 1AA next week")
    warning.check_now()
    assert "postcode" in warning.label.text()
    warning.button("Remove").click()
    assert "SW1A 1AA" not in edit.text()


def test_the_session_topic_is_checked_in_the_start_dialog(window: MainWindow, earlier: dict[str, int]) -> None:
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.topic_edit.setText("Mrs Patel's discharge")
    dialog.topic_warning.check_now()
    assert dialog.topic_warning.isVisible() and "a person's name" in dialog.topic_warning.label.text()
    dialog.topic_warning.button("Remove").click()
    assert "Patel" not in dialog.topic_edit.text()
    dialog.set_present({"Ash Lee", "Bo Day"})
    assert dialog.go_to_ground_rules()  # never blocks
    dialog.agreed_check.setChecked(True)
    dialog.start_button.click()
    assert window.live_session.session_id is not None
    assert sessions.get_session(window.context.db, window.live_session.session_id).topic == dialog.topic_edit.text()


def test_the_escalation_outcome_is_checked(window: MainWindow, earlier: dict[str, int]) -> None:
    from copdesk.core.model import EscalationTarget
    from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog

    db = window.context.db
    escalation = issues.add_escalation(db, earlier["ot"], EscalationTarget.MANAGER, date(2026, 10, 1), None)
    dialog = UpdateEscalationDialog(window.context, escalation, OT_TITLE)
    dialog.outcome_edit.setPlainText(f"Manager asked about {NHS}")
    dialog.identifier_warning.check_now()
    assert "NHS number" in dialog.identifier_warning.label.text()


def test_an_escalation_is_raised_no_earlier_than_its_issue_was(window: MainWindow, earlier: dict[str, int]) -> None:
    """Raised on took 1 Jan 1900 (or 1752): only its latest day, today, was set."""
    from PySide6.QtCore import QDate

    from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog

    db = window.context.db
    session = start_session(window)
    today_issue = issues.add_issue(db, earlier["team"], "No parking at the hub", session.id, window.context.now())
    choices = unresolved_issues(db, earlier["team"])
    dialog = NewEscalationDialog(window.context, earlier["team"], choices, session_id=session.id, parent=window)
    dialog.issue_combo.setCurrentIndex(dialog.issue_combo.findData(earlier["ot"]))
    dialog.raised_edit.setDate(QDate(1900, 1, 1))
    assert dialog.raised_edit.date() == QDate(2026, 9, 24), "the day the OT issue was first raised"
    assert "Thu 24 Sep 2026" in dialog.raised_edit.toolTip()
    dialog.raised_edit.setDate(QDate(2026, 9, 30))
    dialog.issue_combo.setCurrentIndex(dialog.issue_combo.findData(today_issue.id))
    assert dialog.raised_edit.date() == QDate(2026, 10, 8)
    assert dialog.message.text() == "Raised on moved to Thu 8 Oct 2026: the issue was first raised then."
    dialog.due_field.setText("")
    dialog.accept()
    assert dialog.escalation is not None and dialog.escalation.raised_on == date(2026, 10, 8)


# -- 5. a due date that has passed ---------------------------------------------------------------------------------
def test_a_past_due_date_is_taken_with_a_visible_warning(window: MainWindow, earlier: dict[str, int]) -> None:
    live = start_session(window).id
    editor = window.notes_panel.action_editor
    editor.text_edit.setText("Book the room")
    editor.due_field.setText("1/10/2026")  # last Thursday
    assert editor.message.text() == "Due Thu 1 Oct 2026: that date has passed"
    assert editor.message.property("level") == "amber"
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    [saved] = actions_agreed_in(window.context.db, live)
    assert saved.due == date(2026, 10, 1)
    assert "that date has passed" in editor.message.text() and editor.message.property("level") == "amber"
    editor.text_edit.setText("Book the next room")
    editor.due_field.setText("15/10/2026")
    assert editor.message.text() == "Due Thu 15 Oct 2026" and editor.message.property("level") != "amber"


def test_a_past_new_date_in_the_follow_up_is_said_too(
    window: MainWindow, earlier: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    start_session(window)
    box = window.notes_panel.follow_up
    shown: list[str] = []

    def answer(dialog: ChangeActionDialog) -> int:
        dialog.due_field.setText("5/10/2026")
        shown.append(dialog.message.text())
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ChangeActionDialog, "exec", answer)
    box.table.selectRow(0)
    box.buttons["redate"].click()
    assert shown == ["Due Mon 5 Oct 2026: that date has passed"]
    action = actions.get_action(window.context.db, earlier["action"])
    assert action.due == date(2026, 10, 5) and action.status is ActionStatus.OPEN
    assert box.message.text() == "New due date Mon 5 Oct 2026: that date has passed."


# -- 4. note search reaches issue titles and actions -----------------------------------------------------------------
def test_search_finds_issue_titles_and_actions_in_context(
    window: MainWindow, qtbot: QtBot, earlier: dict[str, int]
) -> None:
    db, now = window.context.db, window.context.now()
    team, first = earlier["team"], earlier["session"]
    issues.add_issue(db, team, "Booking an interpreter at short notice", first, now - timedelta(days=14))
    live = start_session(window).id
    issues.add_issue(db, team, "Interpreters cancelled on the day", live, now)
    actions.add_action(db, team, "Ask for a named interpreter contact", now, origin_session_id=live)
    window.notes_panel.open_search()
    search = window.notes_panel._search
    assert search is not None
    QTest.keyClicks(search.query_edit, "interpreter")
    with qtbot.waitSignal(search._searching.done):  # searched in a worker thread
        search.run_search()
    rows = [search.model.row_at(r) for r in range(search.model.rowCount())]
    assert sorted((hit.where, hit.session_date) for hit in rows) == [
        ("Action", date(2026, 10, 8)),
        ("Issue", date(2026, 9, 24)),
        ("Issue", date(2026, 10, 8)),
    ]
    assert "3 matches" in search.summary.text()
    search.table.selectRow(0)
    assert "interpreter" in search.preview.toPlainText().lower()


def test_a_paste_longer_than_a_quick_item_holds_is_cut_and_said(window: MainWindow) -> None:
    """Qt keeps only the start of a paste past a field's limit; the form says so rather than drop the rest unsaid."""
    add_team(window)
    start_session(window)
    panel = window.notes_panel
    for form, field, limit in (
        (panel.action_editor, panel.action_editor.text_edit, 2000),
        (panel.learning, panel.learning.text_edit, 2000),
        (panel.issue_linker, panel.issue_linker.title_edit, 300),
    ):
        clipboard = QGuiApplication.clipboard()
        clipboard.setText("word " * 1000)  # 5,000 characters
        field.setFocus()
        field.paste()
        assert len(field.text()) == limit
        said = form.message.text()
        assert form.message.isVisibleTo(form) and said.startswith(f"{field.accessibleName()} holds at most {limit:,} ")
        assert "Put the detail in the notes." in said


def test_an_issue_cut_at_a_paste_says_so_beside_its_suggestions_until_the_next_edit(window: MainWindow) -> None:
    """The suggestions that follow the typing wrote over "…the rest was not taken"; and the cut left half a word."""
    add_team(window)
    session = start_session(window)
    linker = window.notes_panel.issue_linker
    QGuiApplication.clipboard().setText("Waiting lists for occupational therapy assessments " * 8)
    linker.title_edit.setFocus()
    linker.title_edit.paste()
    linker.refresh_suggestions()  # as it does once the typing pauses
    said = linker.message.text()
    assert "holds at most 300 characters: the rest was not taken." in said and "Record as new" in said
    linker.record_new()
    titles = [summary.title for summary in unresolved_issues(window.context.db, session.team_id)]
    phrase = "Waiting lists for occupational therapy assessments"
    assert titles == [f"{phrase} " * 5 + phrase.removesuffix(" assessments")]

    linker.title_edit.paste()
    linker.refresh_suggestions()
    assert "not taken" in linker.message.text()
    QTest.keyClick(linker.title_edit, Qt.Key.Key_Backspace)
    linker.refresh_suggestions()
    assert "not taken" not in linker.message.text() and "Record as new" in linker.message.text()


def test_the_notes_warning_stays_with_the_notes(window: MainWindow, earlier: dict[str, int]) -> None:
    """Under the Action tab, the notes' warning showed with a Remove for words out of sight: it is the Notes page's."""
    start_session(window)
    pane = window.notes_panel
    pane.editor.setPlainText(f"Discussed the family at {NHS}.")
    warning = pane.identifier_warning
    warning.check_now()
    assert warning.isVisibleTo(window)
    for tab in (pane.ACTION_TAB, pane.ISSUE_TAB, pane.ESCALATION_TAB):
        pane.tabs.setCurrentIndex(tab)
        assert not warning.isVisibleTo(window), tab
    pane.tabs.setCurrentIndex(pane.NOTES_TAB)
    assert warning.isVisibleTo(window) and "NHS number" in warning.label.text()
