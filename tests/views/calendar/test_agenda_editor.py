"""Editing a team's agenda templates in the GUI: edits are saved, bad edits change nothing, and sessions use them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.masterclass import MasterclassTexts
from copdesk.core.model import SessionKind
from copdesk.core.text import MAX_NAME_LENGTH
from copdesk.store import agendas, sessions
from copdesk.views.calendar.agenda_editor import Column
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session

ATTENDED_BEFORE_TM_SSW = {SessionKind.SPOTLIGHT, SessionKind.THEMED}


def test_add_remove_reorder_and_retime_then_save(window: MainWindow) -> None:
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None and editor.isVisible()
    model = editor.model
    assert model.rowCount() == 7 and "60 min" in editor.total_label.text()

    editor.select_row(0)
    editor.add()  # a new 5-minute segment after the welcome
    assert model.setData(model.index(1, Column.NAME), "Check-in round 🌱")
    assert model.setData(model.index(1, Column.MINUTES), "4")
    assert model.setData(model.index(1, Column.PHASE), "opening")
    editor.select_row(1)
    editor.move_selected(-1)
    editor.select_row(7)
    editor.remove()  # drop "Close"
    assert "61 min" in editor.total_label.text()
    editor.save_button.click()

    saved = agendas.team_template(window.context.db, team.id, SessionKind.REFLECTIVE)
    assert saved is not None
    assert [(s.name, s.minutes) for s in saved.segments][:2] == [
        ("Check-in round 🌱", 4),
        ("Welcome and ground rules", 5),
    ]
    assert "Close" not in [s.name for s in saved.segments]

    session = start_session(window)  # the next session runs the team's agenda
    assert sessions.segments(window.context.db, session.id)[0].name == "Check-in round 🌱"


def test_bad_edits_are_refused_with_a_reason_and_change_nothing(window: MainWindow) -> None:
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None
    model = editor.model
    before = model.template
    for column, value, reason in (
        (Column.MINUTES, "0", "1 to 240"),
        (Column.MINUTES, "ten", "whole number"),
        (Column.MINUTES, "999", "1 to 240"),
        (Column.NAME, "   ", "empty"),
        (Column.NAME, "x" * 500, "keep it to 80"),
    ):
        assert not model.setData(model.index(0, column), value)
        assert reason in editor.error_label.text(), (value, editor.error_label.text())
        assert model.template == before
    for _ in range(len(before.segments) - 1):
        editor.select_row(0)
        editor.remove()
    editor.select_row(0)
    editor.remove()
    assert "at least one segment" in editor.error_label.text() and model.rowCount() == 1


def test_reset_to_shipped_removes_the_team_copy(window: MainWindow) -> None:
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None
    editor.model.setData(editor.model.index(0, Column.MINUTES), 9)
    editor.save_button.click()
    assert agendas.customised_kinds(window.context.db, team.id) == {SessionKind.REFLECTIVE}
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None and editor.model.template.segments[0].minutes == 9
    editor.reset_to_shipped()
    editor.save_button.click()
    assert agendas.customised_kinds(window.context.db, team.id) == set()


def test_the_start_dialog_opens_the_editor_and_shows_the_new_agenda(window: MainWindow) -> None:
    team = add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None and "7 segments, 60 min" in dialog.agenda_label.text()
    edit_button = next(
        b for b in dialog.findChildren(type(dialog.next_button)) if b.accessibleName().startswith("Edit this")
    )
    edit_button.click()
    editor = window.session_flow.agenda_editor
    assert editor is not None and editor.parent() is dialog
    editor.select_row(6)
    editor.remove()
    editor.save_button.click()
    assert "6 segments, 57 min" in dialog.agenda_label.text()
    assert team.id == dialog.team_id()
    assert (
        editor.table.model() is editor.model
        and editor.model.index(0, Column.PHASE).data(Qt.ItemDataRole.EditRole) == "opening"
    )


@pytest.mark.parametrize(
    ("answer", "kept", "closed"),
    [
        (QMessageBox.StandardButton.Cancel, None, False),
        (QMessageBox.StandardButton.Discard, None, True),
        (QMessageBox.StandardButton.Save, 4, True),
    ],
)
def test_closing_with_unsaved_edits_asks_first(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton,
    kept: int | None,
    closed: bool,
) -> None:
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None
    asked: list[str] = []

    def question(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(answer)

    monkeypatch.setattr(QMessageBox, "exec", question)
    editor.reject()  # nothing edited: closes unasked
    assert asked == [] and not editor.isVisible()
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None
    assert editor.model.setData(editor.model.index(0, Column.MINUTES), "4")
    editor.reject()  # Cancel, Esc or the title bar
    assert asked == ["Save the changes to the Reflective practice CoP agenda?"]
    assert editor.isVisible() is not closed
    saved = agendas.team_template(window.context.db, team.id, SessionKind.REFLECTIVE)
    assert (saved.segments[0].minutes if saved else None) == kept


def test_switching_type_with_unsaved_edits_asks_and_cancel_keeps_them(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor offers every type run to an agenda; today only the Reflective practice CoP is, so a second is
    simulated: the TM/SSW CoP as run by the facilitator."""
    monkeypatch.setattr(MasterclassTexts, "is_attended", lambda _texts, kind: kind in ATTENDED_BEFORE_TM_SSW)
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(answers.pop(0)))
    assert not editor.model.setData(editor.model.index(0, Column.MINUTES), "0")
    assert "1 to 240" in editor.error_label.text()
    assert editor.model.setData(editor.model.index(0, Column.MINUTES), "7")
    assert editor.error_label.text() == "", "a taken edit clears the earlier refusal"
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(SessionKind.TM_SSW.value))
    assert editor.kind is SessionKind.REFLECTIVE and editor.model.template.segments[0].minutes == 7  # Cancel
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(SessionKind.TM_SSW.value))
    assert editor.kind.value == SessionKind.TM_SSW.value and not editor.dirty and answers == []  # Discard
    assert agendas.team_template(window.context.db, team.id, SessionKind.REFLECTIVE) is None


@pytest.mark.parametrize("kind", [SessionKind.SPOTLIGHT, SessionKind.TM_SSW])
def test_only_the_types_run_to_the_teams_agenda_are_offered(window: MainWindow, kind: SessionKind) -> None:
    """A Spotlight, Themed or TM/SSW session is run by others and starts with no agenda of the team's: an edit of
    one was saved and never used."""
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, kind)
    assert editor is not None
    offered = [editor.kind_combo.itemData(i) for i in range(editor.kind_combo.count())]
    assert offered == [SessionKind.REFLECTIVE.value]
    assert editor.kind is SessionKind.REFLECTIVE


def test_an_agenda_edited_and_not_saved_is_what_a_log_off_keeps(window: MainWindow) -> None:
    """At a log-off nobody is there to answer "Save the changes?": an agenda holding a segment's name typed and not
    saved goes to a file (``copdesk.shutdown``), a name still being typed included. Reordered, re-timed or reset,
    it holds no words of the facilitator's, and nothing is copied out."""
    from PySide6.QtWidgets import QLineEdit

    from copdesk.views.widgets.typed_words import TypedWords

    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None and editor.typed_words() is None  # as stored
    model = editor.model
    first = model.template.segments[0]
    index = model.index(0, Column.NAME)
    editor.table.setCurrentIndex(index)
    editor.table.edit(index)
    typing = editor.table.indexWidget(index)
    assert isinstance(typing, QLineEdit) and editor.typed_words() is None  # opened, not changed
    typing.setText("Arrival and check-in")
    shown = [f"{s.name} · {s.phase.value.capitalize()} · {s.minutes} min" for s in model.template.segments]
    lines = [
        f"{SessionKind.REFLECTIVE.label} agenda:",
        shown[0].replace(first.name, "Arrival and check-in"),
        *shown[1:],
    ]
    assert editor.typed_words() == TypedWords(f"Agenda templates: {team.name}", "\n".join(lines))
    for untyped in ("", f"{first.name} ", first.name):  # cleared, a space added, as it was: none of their words
        typing.setText(untyped)
        assert editor.typed_words() is None, untyped
    editor.table.setFocus()  # the editor closes without its text being taken
    editor.select_row(6)
    editor.move_selected(-1)
    assert model.setData(model.index(0, Column.MINUTES), "10")
    editor.add()  # "New segment", CoPDesk's placeholder
    assert editor.dirty and editor.typed_words() is None  # edits, and no words of the facilitator's among them
    added = editor.selected_row()
    assert added is not None and model.setData(model.index(added, Column.NAME), "Tea and biscuits")
    words = editor.typed_words()
    assert words is not None and "Tea and biscuits · Reflection · 5 min" in words.words.splitlines()
    editor.reset_to_shipped()
    assert editor.typed_words() is None
    editor.save_button.click()


def test_a_segment_name_typed_or_pasted_past_what_it_holds_is_cut_and_said_never_lost(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The cell took any length; the name the agenda then refused ("keep it to 80") was gone with the editor."""
    team = add_team(window)
    editor = window.session_flow.open_agenda_editor(team.id, SessionKind.REFLECTIVE)
    assert editor is not None
    table = editor.table
    table.setCurrentIndex(editor.model.index(0, Column.NAME))
    table.edit(table.currentIndex())
    [field] = [each for each in table.viewport().findChildren(QLineEdit) if each.isVisible()]
    QGuiApplication.clipboard().setText("Check-in round " * 10)  # 150 characters
    field.selectAll()
    field.paste()
    assert len(field.text()) == MAX_NAME_LENGTH
    assert editor.error_label.text() == "Segment name holds at most 80 characters: the rest was not taken."
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert editor.model.template.segments[0].name == ("Check-in round " * 10)[:MAX_NAME_LENGTH].strip()
