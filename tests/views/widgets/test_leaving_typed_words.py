"""Esc, Cancel or the title bar never drops what was typed unasked, however short: one letter of a topic, a guest's
name, an owner or a date. Discard leaves it; Cancel stays, the words still there. Nothing typed closes unasked."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.model import EscalationTarget
from copdesk.store import issues
from copdesk.views.live.notes.action_editor import ChangeActionDialog
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog, UpdateEscalationDialog
from copdesk.views.shell.first_run import FirstRunDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.team.team_members_dialog import TeamMembersDialog
from copdesk.views.widgets.forms import LEAVE_TYPED_WORDS
from tests.views.live_helpers import ROSTER, add_team, answer_leaving, held_session, start_session


def _closes_unasked(dialog: QDialog, qtbot: QtBot) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # the conftest fails the test on any question asked
    assert not dialog.isVisible()


def test_the_start_dialog_asks_before_esc_drops_a_short_topic_or_a_guest(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_team(window)
    flow = window.session_flow
    untouched = flow.open_start_dialog()
    assert untouched is not None
    _closes_unasked(untouched, qtbot)
    for type_in in (
        lambda d: d.topic_edit.setText("Q"),
        lambda d: d.guest_edit.setText("Al"),  # typed, not yet added
        lambda d: (d.guest_edit.setText("Rosa Ortiz"), d.add_guest()),  # added to the list: saved nowhere yet
    ):
        dialog = flow.open_start_dialog()
        assert dialog is not None
        type_in(dialog)
        asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)
        QTest.keyClick(dialog.team_combo, Qt.Key.Key_Escape)
        assert asked == [LEAVE_TYPED_WORDS] and dialog.isVisible(), "Cancel: still there"
        dialog.ui.cancelButton.click()
        assert len(asked) == 2 and not dialog.isVisible(), "Discard: gone"
    assert window.live_session.session_id is None


@pytest.mark.parametrize("change_owner", [True, False], ids=["reassign", "new due date"])
def test_reassign_and_new_due_date_ask_before_esc_drops_what_was_typed(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, change_owner: bool
) -> None:
    from copdesk.services.follow_ups import agree_action

    with held_session(window) as (team, session, then):
        action = agree_action(window.context.db, team.id, "Book the room", then, origin_session_id=session.id)

    def dialog() -> ChangeActionDialog:
        made = ChangeActionDialog(
            action, change_owner=change_owner, today=date(2026, 3, 2), next_session=None, parent=window
        )
        qtbot.addWidget(made)
        return made

    _closes_unasked(dialog(), qtbot)
    typing = dialog()
    field = typing.owner_field if change_owner else typing.due_field
    asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)
    typing.show()
    qtbot.waitExposed(typing)
    QTest.keyClicks(field, "Bo" if change_owner else "fri")
    QTest.keyClick(field, Qt.Key.Key_Escape)
    assert asked == [LEAVE_TYPED_WORDS] and typing.isVisible()
    typed = typing.typed_words()
    assert typed is not None and typed.words.endswith("Bo" if change_owner else "fri")
    typing.reject()
    assert len(asked) == 2 and not typing.isVisible()


def test_the_escalation_dialogs_ask_before_esc_drops_what_was_typed(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.context.db
    with held_session(window) as (team, session, then):
        issue = issues.add_issue(db, team.id, "Lifts out of order", session.id, then, "Raised again")
        escalation = issues.add_escalation(db, issue.id, EscalationTarget.MANAGER, then.date(), None, session.id)
    outcome = UpdateEscalationDialog(window.context, escalation, issue.title, window)
    new = NewEscalationDialog(window.context, team.id, [], session_id=None, parent=window)
    for dialog, field, typed in ((outcome, outcome.outcome_edit, "OK"), (new, new.due_field, "3")):
        qtbot.addWidget(dialog)
        asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)
        dialog.show()
        qtbot.waitExposed(dialog)
        field.setFocus()
        QTest.keyClicks(field, typed)
        QTest.keyClick(field, Qt.Key.Key_Escape)
        assert asked == [LEAVE_TYPED_WORDS] and dialog.isVisible(), type(dialog).__name__
        dialog.reject()
        assert len(asked) == 2 and not dialog.isVisible()


def test_add_person_asks_before_esc_drops_a_guest_typed_and_goes_unasked_when_the_session_ends(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_team(window)
    start_session(window, present=ROSTER[:-1])
    panel = window.participation_panel
    dialog = panel.open_add_people()
    assert dialog is not None
    asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Cancel)
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.guest_edit, "Al")
    QTest.keyClick(dialog.guest_edit, Qt.Key.Key_Escape)
    assert asked == [LEAVE_TYPED_WORDS] and dialog.isVisible()
    panel.live.finish()  # the session ends meanwhile: nobody can be marked present in it now
    assert not dialog.isVisible() and len(asked) == 1


def test_team_members_asks_before_close_or_esc_drops_a_new_name_or_a_team_name_typed(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rest of Team members is saved as it is made; a name typed and never added, or a team name changed and never
    saved, is not, and Close is as easy to press as Esc."""
    team = add_team(window)
    untouched = TeamMembersDialog(window.context, team.id, window)
    qtbot.addWidget(untouched)
    _closes_unasked(untouched, qtbot)
    for field_name, typed in (("new_name_edit", "Jo"), ("team_name_edit", " North")):
        dialog = TeamMembersDialog(window.context, team.id, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        field: QLineEdit = getattr(dialog, field_name)
        field.setFocus()
        field.end(False)
        QTest.keyClicks(field, typed)
        asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)
        QTest.keyClick(field, Qt.Key.Key_Escape)
        assert asked == [LEAVE_TYPED_WORDS] and dialog.isVisible(), "Cancel: still there"
        assert field.text().endswith(typed)
        dialog.ui.closeButton.click()
        assert len(asked) == 2 and not dialog.isVisible(), "Discard: gone"


def test_new_team_asks_before_esc_drops_a_team_typed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    untouched = FirstRunDialog()
    qtbot.addWidget(untouched)
    _closes_unasked(untouched, qtbot)
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.as_new_team(demo_offered=False)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClicks(dialog.ui.membersEdit, "Ash Lee")
    asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard)
    QTest.keyClick(dialog.ui.membersEdit, Qt.Key.Key_Escape)
    assert asked == [LEAVE_TYPED_WORDS] and dialog.isVisible()
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert len(asked) == 2 and not dialog.isVisible()
