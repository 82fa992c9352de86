"""The issue-history dialog: it opens its escalation dialog on demand (that module is not loaded to paint Prepare),
corrects an issue's title, resolves it and then corrects how, and opens from the Prepare view's recurring issues,
between sessions or during one."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit

from copdesk.core.model import EscalationTarget, IssueStatus, Role, SessionKind
from copdesk.sandbox import start_session
from copdesk.services import issues as services_issues
from copdesk.store import issues, recurring, sessions, teams
from copdesk.store.records import session_record
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog
from copdesk.views.prepare import issue_history as issue_history_module
from copdesk.views.prepare.issue_history import (
    CORRECT_RESOLUTION,
    NO_ESCALATIONS,
    RESOLUTION_CHANGED,
    RESOLVE,
    TITLE_PROMPT,
    IssueHistoryDialog,
    QuestionDialog,
)
from copdesk.views.prepare.sections_below import OPEN_HOW, RECORD_HOW, RecurringIssuesSection
from copdesk.views.shell.header_bar import PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.views.history_helpers import answer_questions

EARLIER = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)


def test_escalate_opens_the_escalation_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], EARLIER)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, EARLIER, planned_start=EARLIER)
    issue = issues.add_issue(db, team.id, "OT delays", session.id, EARLIER, "Two discharges waited")
    opened: list[NewEscalationDialog] = []

    def answer(dialog: NewEscalationDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NewEscalationDialog, "exec", answer)
    history = IssueHistoryDialog(window.context, issue.id, session_id=None, parent=window)
    history.escalate()
    assert len(opened) == 1 and not history.changed
    history.close()


def test_the_prepare_sections_do_not_load_the_dialogs() -> None:
    code = (
        "import sys; import copdesk.views.prepare.review_sections; "
        "print('copdesk.views.live.notes.escalation_dialog' in sys.modules)"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", errors="replace", check=True
    ).stdout
    assert loaded.strip() == "False"


def _recurring_issue(window: MainWindow) -> int:
    """An issue of the window's team raised in two sessions that have ended: a recurring one; its id."""
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], EARLIER)
    window.reload_teams(team.id)
    issue_id = 0
    for weeks in (0, 2):
        at = EARLIER + timedelta(weeks=weeks)
        session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, at, planned_start=at)
        sessions.start_session(db, session.id, at, ground_rules_agreed=True)
        if weeks == 0:
            issue_id = issues.add_issue(db, team.id, "OT delyas", session.id, at, "Two discharges waited").id
        else:
            recurring.raise_again(db, issue_id, session.id, "Again this month", at)
        sessions.end_session(db, session.id, at + timedelta(hours=1))
    issues.add_issue(db, team.id, "Lifts out of order", session.id, at, "")
    return issue_id


def test_an_issues_title_is_corrected_from_its_history(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    shown = answer_questions(monkeypatch, ("  OT delays ", True))
    history.title_button.click()
    assert shown == [("Edit the issue's title", TITLE_PROMPT, "OT delyas")]  # it opens on the title as it is
    assert issues.get_issue(window.context.db, issue_id).title == "OT delays"
    assert history.heading.text() == "OT delays\nRaised twice; open"
    assert history.windowTitle() == "Issue: OT delays" and history.changed
    assert history.message.text() == "Title changed."
    history.close()


def test_a_refused_title_is_asked_again_with_why_and_the_words_typed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    shown = answer_questions(monkeypatch, ("lifts out of ORDER", True), ("Something else", False))
    history.title_button.click()
    taken = "Another open issue is already called “Lifts out of order”; choose other words."
    assert shown[1][1:] == (f"{taken}\n\n{TITLE_PROMPT}", "lifts out of ORDER")  # asked again, the words kept
    assert issues.get_issue(window.context.db, issue_id).title == "OT delyas" and not history.changed
    assert history.message.property("level") == "red"
    history.close()


def test_a_refused_resolution_is_asked_again_with_why_and_the_words_typed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    assert history.resolve_button.text() == RESOLVE and history.resolution_view.isHidden()
    too_long = "The OT lead now triages every referral. " * 101
    shown = answer_questions(monkeypatch, (too_long, True), ("The OT lead triages referrals daily.", True))
    history.resolve_button.click()
    assert shown[1][1].startswith("A resolution holds at most 4,000 characters, not 4,039; nothing was changed.\n\n")
    assert shown[1][2] == too_long  # asked again on the words as typed
    issue = issues.get_issue(window.context.db, issue_id)
    assert (issue.status, issue.resolution) == (IssueStatus.RESOLVED, "The OT lead triages referrals daily.")
    assert history.message.text() == "Resolved." and history.changed


def test_a_resolution_is_corrected_from_the_issues_history_and_it_stays_resolved(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    db = window.context.db
    issues.resolve_issue(db, issue_id, "Jo Bloggs's OT lead triages referrals daily.", EARLIER + timedelta(weeks=3))
    resolved_at = db.table("issue").get(issue_id)["resolved_at"]
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    assert history.resolve_button.isEnabled() and history.resolve_button.text() == CORRECT_RESOLUTION
    shown = answer_questions(monkeypatch, ("  Jo Bloggs's OT lead triages referrals daily. ", True))
    history.resolve_button.click()  # the words as they are: nothing to save
    assert shown == [
        (
            "Correct the resolution",
            "How “OT delyas” was resolved, as the team will look back on it:",
            "Jo Bloggs's OT lead triages referrals daily.",
        )
    ]
    assert history.message.text() == "" and not history.changed
    corrected = "The OT lead triages referrals daily.\n\nReviewed in December."
    answer_questions(monkeypatch, (" ", True), (corrected, True))
    history.resolve_button.click()
    issue = issues.get_issue(db, issue_id)
    assert (issue.status, issue.resolution) == (IssueStatus.RESOLVED, corrected)
    assert db.table("issue").get(issue_id)["resolved_at"] == resolved_at
    assert history.message.text() == "Resolution corrected." and history.changed
    assert history.heading.text().endswith("\nRaised twice; resolved")
    assert not history.resolution_view.isHidden() and history.resolution_view.toPlainText() == corrected


def test_a_resolution_changed_elsewhere_meanwhile_is_not_put_back(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Corrected from note search while the history was open: the history's copy would undo that."""
    issue_id = _recurring_issue(window)
    db = window.context.db
    issues.resolve_issue(db, issue_id, "Sorted with Jo Bloggs", EARLIER)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    issues.reword_resolution(db, issue_id, "Sorted with the OT lead")
    typed = "Sorted with Jo Bloggs's lead"
    stored: list[str | None] = []

    def answer(question: QuestionDialog) -> int:
        shown.append((question.labelText(), question.textValue()))
        stored.append(issues.get_issue(db, issue_id).resolution)
        question.setTextValue(typed)
        return QDialog.DialogCode.Accepted if len(shown) <= 2 else QDialog.DialogCode.Rejected  # no third question

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QuestionDialog, "exec", answer)
    history.resolve_button.click()
    assert shown[1] == (f"{RESOLUTION_CHANGED}\n\n{shown[0][0]}", typed)  # asked again, the words typed kept
    assert stored == ["Sorted with the OT lead"] * 2  # not put over the other change unasked
    assert issues.get_issue(db, issue_id).resolution == typed  # OK, asked again, puts them over it
    assert history.message.text() == "Resolution corrected."


def test_words_kept_from_a_full_disk_and_refused_on_retry_are_asked_for_again_with_why(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept for Retry, the corrected resolution meets words corrected elsewhere meanwhile: asked again, never lost."""
    from copdesk.services import corrections
    from copdesk.store.errors import StorageFullError

    issue_id = _recurring_issue(window)
    db, writes = window.context.db, window.context.writes
    issues.resolve_issue(db, issue_id, "Sorted with Jo Bloggs", EARLIER)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    written = corrections.correct_words

    def full(*args: object, **kwargs: object) -> str:
        raise StorageFullError("The disk is full.")

    monkeypatch.setattr("copdesk.views.prepare.issue_history.correct_words", full)
    typed = "Sorted with the OT lead, weekly"
    answer_questions(monkeypatch, (typed, True))
    history.resolve_button.click()
    assert writes.waiting == 1 and writes.message.endswith("The resolution you corrected is kept: Retry saves it.")
    history.close()
    monkeypatch.setattr("copdesk.views.prepare.issue_history.correct_words", written)
    issues.reword_resolution(db, issue_id, "Sorted with the OT lead")  # meanwhile, from note search
    shown = answer_questions(monkeypatch, (typed, False))
    assert writes.retry()  # the banner's Retry
    assert shown == [("Correct the resolution", f"{RESOLUTION_CHANGED}\n\n{shown[0][1].split(chr(10))[-1]}", typed)]
    assert history.isVisible() and history.resolution_view.toPlainText() == "Sorted with the OT lead"  # open again
    assert issues.get_issue(db, issue_id).resolution == "Sorted with the OT lead"  # not put over it unasked
    history.close()


def test_an_issue_resolved_meanwhile_is_not_resolved_again_over_its_resolution(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    issues.resolve_issue(window.context.db, issue_id, "Sorted with the OT lead", EARLIER)  # elsewhere, meanwhile
    shown = answer_questions(monkeypatch, ("Facilities fixed it", True), ("Facilities fixed it", False))
    history.resolve()
    assert shown[1][:2] == ("Correct the resolution", f"{RESOLUTION_CHANGED}\n\n{shown[1][1].split(chr(10))[-1]}")
    assert shown[1][2] == "Facilities fixed it"  # the words typed, offered as the resolution's correction
    assert issues.get_issue(window.context.db, issue_id).resolution == "Sorted with the OT lead"
    assert history.resolve_button.text() == CORRECT_RESOLUTION  # the history shows it resolved now
    assert history.resolve_button.accessibleName() == "Correct the words of how this issue was resolved"


def _listed_in_prepare(window: MainWindow) -> tuple[int, RecurringIssuesSection]:
    """The recurring issue, and the Prepare view's section that lists it."""
    issue_id = _recurring_issue(window)
    window.review_panel.refresh()
    return issue_id, window.review_panel.review_sections.issues


def test_a_resolution_saved_by_retry_after_the_history_closed_shows_in_the_prepare_view(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copdesk.store.errors import StorageFullError

    issue_id, section = _listed_in_prepare(window)
    written = services_issues.resolve_issue

    def full(*_args: object) -> None:
        raise StorageFullError("The disk is full.")

    def answer(dialog: IssueHistoryDialog) -> int:
        monkeypatch.setattr(issue_history_module, "resolve_issue", full)
        answer_questions(monkeypatch, ("The OT lead triages referrals daily", True))
        dialog.resolve()
        return QDialog.DialogCode.Rejected  # closed, the resolution kept for Retry

    monkeypatch.setattr(IssueHistoryDialog, "exec", answer)
    section.table.setCurrentIndex(section.model.index(0, 0))
    QTest.keyClick(section.table, Qt.Key.Key_Return)
    assert section.model.rowCount() == 1  # not resolved yet
    monkeypatch.setattr(issue_history_module, "resolve_issue", written)
    assert window.context.writes.retry()
    assert issues.get_issue(window.context.db, issue_id).resolution == "The OT lead triages referrals daily"
    assert section.model.rowCount() == 0  # the Prepare view follows the Retry


def test_a_recurring_issue_in_the_prepare_view_opens_its_history_and_shows_what_changed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id, section = _listed_in_prepare(window)
    assert [section.model.index(row, 0).data() for row in range(section.model.rowCount())] == ["OT delyas"]
    assert section.summary.text().endswith(OPEN_HOW)
    opened: list[int] = []

    def answer(dialog: IssueHistoryDialog) -> int:
        opened.append(dialog.issue_id)
        answer_questions(monkeypatch, ("OT delays", True))
        dialog.edit_title()
        return QDialog.DialogCode.Rejected  # closed with the title changed

    monkeypatch.setattr(IssueHistoryDialog, "exec", answer)
    index = section.model.index(0, 0)
    section.table.setCurrentIndex(index)
    QTest.keyClick(section.table, Qt.Key.Key_Return)  # Enter on the selected issue, as a double-click does
    assert opened == [issue_id]
    assert section.model.index(0, 0).data() == "OT delays"  # the section shows the corrected title


def test_an_issue_never_escalated_says_so_instead_of_an_empty_table(window: MainWindow) -> None:
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    history.show()
    assert history.ui.escalationsHeading.text() == NO_ESCALATIONS and not history.escalation_table.isVisible()
    issues.add_escalation(window.context.db, issue_id, EscalationTarget.MANAGER, date(2026, 9, 10), None)
    history.close()
    again = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    again.show()
    assert again.ui.escalationsHeading.text() == "Escalations" and again.escalation_table.isVisible()
    again.close()


def test_an_escalation_awaiting_a_response_opens_its_issue_with_that_escalation_chosen(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between sessions, the Prepare view's escalations are where the facilitator looks to record the reply."""
    issue_id = _recurring_issue(window)
    db = window.context.db
    first = issues.add_escalation(db, issue_id, EscalationTarget.MANAGER, date(2026, 9, 10), date(2026, 9, 24))
    issues.add_escalation(db, issue_id, EscalationTarget.PRACTICE_SUPERVISOR, date(2026, 9, 11), None)
    window.review_panel.refresh()
    window.review_panel.add_the_rest()
    section = window.review_panel.review_sections.escalations
    assert section.model.rowCount() == 2 and section.summary.text().endswith(RECORD_HOW)
    chosen: list[tuple[int, int]] = []

    def answer(dialog: IssueHistoryDialog) -> int:
        index = dialog.escalation_table.currentIndex()
        chosen.append((dialog.issue_id, dialog.escalations.row_at(index.row()).escalation_id if index.isValid() else 0))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(IssueHistoryDialog, "exec", answer)
    row = next(r for r in range(section.model.rowCount()) if section.model.row_at(r).escalation_id == first.id)
    section.table.setCurrentIndex(section.model.index(row, 0))
    QTest.keyClick(section.table, Qt.Key.Key_Return)  # Enter on the selected escalation, as a double-click does

    assert chosen == [(issue_id, first.id)]


def test_an_issue_escalated_from_the_prepare_view_during_a_session_is_in_that_sessions_record(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    issue_id = _recurring_issue(window)
    live_id = start_session(window)
    window.show_page(PREPARE_PAGE)  # the header's Prepare button, while the session runs
    monkeypatch.setattr(NewEscalationDialog, "exec", lambda dialog: dialog.accept() or dialog.result())

    def answer(dialog: IssueHistoryDialog) -> int:
        dialog.escalate()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(IssueHistoryDialog, "exec", answer)
    section = window.review_panel.review_sections.issues
    section.table.setCurrentIndex(section.model.index(0, 0))
    QTest.keyClick(section.table, Qt.Key.Key_Return)
    db = window.context.db
    assert [row[0] for row in db.execute("SELECT session_id FROM escalation WHERE issue_id = ?", [issue_id])] == [
        live_id
    ]
    record = session_record(db, live_id)
    assert [line[0] for line in record.escalations] == ["OT delyas"]


def test_escape_over_a_resolution_typed_asks_before_leaving_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc (or Cancel) dropped the resolution typed, however long, unasked: now Cancel keeps it in the question and
    only Discard leaves it, with the issue as it was."""
    issue_id = _recurring_issue(window)
    history = IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window)
    typed = "Agreed a joint visit with the OT lead"
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []
    still_open: list[bool] = []

    def question(box: QMessageBox) -> int:
        asked.append(box.windowTitle())
        return int(answers[len(asked) - 1])

    def typed_then_escape(dialog: QuestionDialog) -> int:
        dialog.show()
        editor = dialog.findChild(QPlainTextEdit)
        assert editor is not None
        editor.setFocus()
        QTest.keyClicks(editor, typed)
        for _answer in answers:
            QTest.keyClick(editor, Qt.Key.Key_Escape)
            still_open.append(dialog.isVisible())
        assert dialog.textValue() == typed
        return dialog.result()

    monkeypatch.setattr(QMessageBox, "exec", question)
    monkeypatch.setattr(QuestionDialog, "exec", typed_then_escape)
    history.resolve_button.click()
    assert asked == ["Resolve issue", "Resolve issue"] and still_open == [True, False]
    assert issues.get_issue(window.context.db, issue_id).resolution is None
