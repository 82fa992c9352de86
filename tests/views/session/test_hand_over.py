"""Handing over to the co-facilitator on the same laptop: the timer runs on, nothing typed is lost, the session
keeps who co-facilitated, and the Timer and Notes panes say who has them."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from copdesk.core.model import Role
from copdesk.core.timer import TimerStatus
from copdesk.services.sessions import mark_left
from copdesk.store import notes, planning, teams
from copdesk.store.records import session_record
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session

ROSTER = ("Ash Lee", "Bo Day", "Cy Vale")


def test_the_co_facilitator_takes_over_the_notes_and_timer_without_losing_a_word(
    window: MainWindow, fake_clock: FakeClock
) -> None:
    team = add_team(window, ROSTER)
    bo = next(m for m in teams.list_members(window.context.db, team.id) if m.display_name == "Bo Day")
    teams.set_member_role(window.context.db, bo.id, Role.CO_FACILITATOR)
    session = start_session(window, present=ROSTER)
    fake_clock.advance(120)
    QTest.keyClicks(window.notes_panel.editor, "Typed just before the hand-over")
    assert notes.session_text(window.context.db, session.id) is None, "not saved yet: the save is debounced"
    action = window.hand_over.action
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Shift+H"
    dialog = window.hand_over.open()
    assert dialog is not None and dialog.person.currentText() == "Bo Day", "the co-facilitator role is offered first"
    assert [dialog.person.itemText(i) for i in range(dialog.person.count())] == ["Bo Day", "Ash Lee", "Cy Vale"]
    dialog.timer.setChecked(True)
    dialog.notes.setChecked(True)
    dialog.accept()

    saved = notes.session_text(window.context.db, session.id)
    assert saved is not None and saved.text == "Typed just before the hand-over"
    timer = window.session_flow.live_timer.timer
    assert timer is not None and timer.snapshot().status is TimerStatus.RUNNING, "the timer never stopped"
    assert window.timer_panel.title_label.text() == "TIMER · KEPT BY BO DAY (CO-FACILITATOR)"
    assert window.notes_panel.title_label.text() == "NOTES · TAKEN BY BO DAY (CO-FACILITATOR)"
    assert planning.session_roles(window.context.db, session.id).co_facilitator_id == bo.id
    QTest.keyClicks(window.notes_panel.editor, ", and after it.")
    assert window.notes_panel.editor.toPlainText() == "Typed just before the hand-over, and after it."

    handed_back = window.hand_over.open()
    assert handed_back is not None and handed_back.timer.isChecked() and handed_back.notes.isChecked()
    handed_back.timer.setChecked(False)
    handed_back.notes.setChecked(False)
    handed_back.accept()
    assert window.timer_panel.title_label.text() == "TIMER" and window.notes_panel.title_label.text() == "NOTES"

    box = window.session_flow.request_end()
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    record = session_record(window.context.db, session.id, with_names=True)
    assert record.co_facilitator == "Bo Day" and record.notes == ("Typed just before the hand-over, and after it.",)
    share_safe = session_record(window.context.db, session.id)
    assert share_safe.co_facilitator == "Yes (named in the record exported with names)", "no name without names"


def test_nobody_who_has_left_is_offered_the_hand_over(window: MainWindow) -> None:
    team = add_team(window, ROSTER)
    session = start_session(window, present=ROSTER)
    cy = next(m for m in teams.list_members(window.context.db, team.id) if m.display_name == "Cy Vale")
    mark_left(window.context.db, session.id, cy.id, window.context.now())
    assert [name for _id, name in window.hand_over.people()] == ["Ash Lee", "Bo Day"]


def test_nobody_hands_over_a_session_the_team_attends(window: MainWindow) -> None:
    from copdesk.core.model import SessionKind

    add_team(window, ROSTER)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.THEMED.value))
    dialog.set_present(set(ROSTER))
    dialog.next_button.click()
    assert window.live_session.is_live and not window.hand_over.action.isEnabled()


def test_a_hand_over_waits_until_what_was_typed_is_saved(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk refuses the save: the hand-over does not happen, the text stays, and the banner says why."""
    from tests.views.test_write_refusals import Disk

    add_team(window, ROSTER)
    session = start_session(window, present=ROSTER)
    QTest.keyClicks(window.notes_panel.editor, "Not saved yet")
    disk = Disk(window.context.db, monkeypatch)
    disk.fill()
    bo = next(m.id for m in teams.list_members(window.context.db, session.team_id) if m.display_name == "Bo Day")
    assert not window.hand_over.hand_over(bo, timer=True, notes=True)
    assert window.context.writes.failing and "Not handed over" in window.context.writes.message
    assert (
        window.notes_panel.title_label.text() == "NOTES" and window.notes_panel.editor.toPlainText() == "Not saved yet"
    )
    disk.free()
    assert window.context.writes.retry()  # Retry saves the notes, then hands over
    assert window.notes_panel.title_label.text() == "NOTES · TAKEN BY BO DAY (CO-FACILITATOR)"
    saved = notes.session_text(window.context.db, session.id)
    assert saved is not None and saved.text == "Not saved yet"


def test_a_long_co_facilitator_name_is_cut_in_the_title_never_the_role(window: MainWindow) -> None:
    team = add_team(window)
    long_name = "Bartholomew Featherstonehaugh-Cholmondeley"
    member = teams.add_member(window.context.db, team.id, long_name, Role.CO_FACILITATOR, window.context.now())
    start_session(window, present=[*ROSTER, long_name])
    dialog = window.hand_over.open()
    assert dialog is not None
    dialog.person.setCurrentIndex(dialog.person.findData(member.id))
    dialog.timer.setChecked(True)
    dialog.accept()
    title = window.timer_panel.title_label
    assert title.text() == "TIMER · KEPT BY BARTHOLOMEW FEATHERSTONEHAU… (CO-FACILITATOR)"
    assert title.toolTip() == f"Timer · kept by {long_name} (co-facilitator)"


def test_the_hand_over_dialog_says_what_happens_in_two_lines(window: MainWindow) -> None:
    """It opened 300 pixels wide: its words in three lines over the choices, and OK and Cancel pressed together."""
    add_team(window, ROSTER)
    start_session(window, present=ROSTER)
    dialog = window.hand_over.open()
    assert dialog is not None
    QApplication.processEvents()
    about = dialog.about
    assert about.height() <= 2 * about.fontMetrics().lineSpacing() + 4, about.height()
    dialog.reject()
