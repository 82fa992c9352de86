"""File ▸ Team members in the real window: add, rename, change role, make inactive and active again, rename
the team; bad input refused in one line with nothing changed; the header, Prepare view and start dialog follow."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QDialogButtonBox, QLineEdit, QStyle
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.model import Role
from copdesk.core.roster import MAX_MEMBERS
from copdesk.store import teams
from copdesk.store.connection import open_database
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.shell.first_run import FirstRunDialog
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.team.team_members_dialog import MemberColumn, TeamMembersDialog, TeamMembersModel
from tests.conftest import FakeClock
from tests.views.live_helpers import ROSTER, add_team, start_session


def roster_state(db: Database) -> list[tuple[str, Role, bool]]:
    return [(m.display_name, m.role, m.active) for m in teams.list_members(db, 1, include_inactive=True)]


def open_from_menu(window: MainWindow) -> TeamMembersDialog:
    action = next(a for a in window.findChildren(QAction) if a.text() == "Team &members…")
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    action.trigger()
    dialog = window.team_actions.members_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def row_of(dialog: TeamMembersDialog, name: str) -> int:
    return next(row for row, m in enumerate(dialog.model.members()) if m.display_name == name)


def edit_name_by_keyboard(qtbot: QtBot, dialog: TeamMembersDialog, name: str, typed: str) -> None:
    """F2 on the name cell, type over it, Enter: what the facilitator does."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, name), MemberColumn.NAME))
    QTest.keyClick(dialog.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, typed)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: dialog.table.state() != editing)  # the delegate commits on a queued call


def test_the_model_has_named_columns_and_reads_without_a_widget(db_path: Path, fake_clock: FakeClock) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    team = teams.create_team(
        opened.db, "Harbour Team", [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.GUEST)], fake_clock.now()
    )
    teams.set_member_active(opened.db, teams.list_members(opened.db, team.id)[1].id, False)
    model = TeamMembersModel(opened.db, team.id)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in MemberColumn] == ["Name", "Role", "Attends"]
    assert [model.index(1, c).data() for c in MemberColumn] == ["Bo Day", "Guest", "Inactive"]
    assert model.index(1, MemberColumn.ACTIVE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.index(0, MemberColumn.ROLE).data(Qt.ItemDataRole.EditRole) == Role.FACILITATOR.value
    refusals: list[str] = []
    model.refused.connect(refusals.append)
    assert not model.setData(model.index(1, MemberColumn.NAME), "ASH lee")
    assert refusals == ["Ash Lee is already on this team's roster."]  # the roster's own spelling
    assert [m.display_name for m in teams.list_members(opened.db, team.id, include_inactive=True)] == [
        "Ash Lee",
        "Bo Day",
    ]
    opened.db.close()


def test_add_rename_change_role_and_make_inactive_through_the_dialog(window: MainWindow, qtbot: QtBot) -> None:
    add_team(window)
    db = window.context.db
    dialog = open_from_menu(window)
    assert [m.display_name for m in dialog.model.members()] == list(ROSTER)

    QTest.keyClicks(dialog.new_name_edit, "Dee Moss")
    dialog.new_role_combo.setCurrentIndex(dialog.new_role_combo.findData(Role.PARTNER.value))
    dialog.add_button.click()
    assert ("Dee Moss", Role.PARTNER, True) in roster_state(db) and dialog.new_name_edit.text() == ""

    edit_name_by_keyboard(qtbot, dialog, "Bo Day", "  Bo   Dayton ")
    assert ("Bo Dayton", Role.PRACTITIONER, True) in roster_state(db)

    dialog.table.setFocus()
    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, "Cy Vale"), MemberColumn.ROLE))
    QTest.keyClick(dialog.table, Qt.Key.Key_F2)  # the role is chosen from a list
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox) and combo.count() == len(Role)
    combo.setCurrentIndex(combo.findData(Role.CO_FACILITATOR.value))
    QTest.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != QAbstractItemView.State.EditingState)
    assert ("Cy Vale", Role.CO_FACILITATOR, True) in roster_state(db)

    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, "Bo Dayton"), MemberColumn.NAME))
    assert dialog.active_button.text() == "Make &inactive"
    dialog.active_button.click()
    assert ("Bo Dayton", Role.PRACTITIONER, False) in roster_state(db)
    assert dialog.active_button.text() == "Make &active again"
    assert dialog.model.index(row_of(dialog, "Bo Dayton"), MemberColumn.ACTIVE).data() == "Inactive"

    start = window.session_flow.open_start_dialog()  # inactive people are not offered at the start
    assert start is not None
    offered = [start.present_list.item(r).text().split("  ·  ")[0] for r in range(start.present_list.count())]
    assert offered == ["Ash Lee", "Cy Vale", "Dee Moss"]
    assert "Bo Dayton" not in [start.presenter_combo.itemText(i) for i in range(start.presenter_combo.count())]
    start.reject()

    active_index = dialog.model.index(row_of(dialog, "Bo Dayton"), MemberColumn.ACTIVE)
    assert dialog.model.setData(active_index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert ("Bo Dayton", Role.PRACTITIONER, True) in roster_state(db)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("ash LEE", "already on this team's roster"),
        ("Cy\u0000Vale", "control character"),
        ("Cy\u0007", "control character"),
    ],
)
def test_a_bad_rename_or_addition_is_refused_in_one_line_and_changes_nothing(
    window: MainWindow, qtbot: QtBot, typed: str, says: str
) -> None:
    add_team(window)
    db = window.context.db
    before = roster_state(db)
    dialog = open_from_menu(window)
    assert not dialog.rename_member(dialog.model.members()[1].id, typed)
    assert says in dialog.error_label.text() and "\n" not in dialog.error_label.text()
    dialog.new_name_edit.setText(typed)
    assert dialog.add_member() is None and says in dialog.error_label.text()
    assert roster_state(db) == before
    assert [m.display_name for m in dialog.model.members()] == list(ROSTER)


def test_names_in_any_script_are_kept_and_bidi_tricks_stripped(window: MainWindow) -> None:
    add_team(window)
    dialog = open_from_menu(window)
    bo = dialog.model.members()[1]
    for name in ("Zoë Ng 🌱", "سارا احمدی", "\u202eEvil\u202c Name"):
        assert dialog.rename_member(bo.id, name), dialog.error_label.text()
    assert teams.get_member(window.context.db, bo.id).display_name == "Evil Name"
    dialog.new_name_edit.setText("x" * 5000)  # a huge paste is cut to the longest name allowed
    assert len(dialog.new_name_edit.text()) == 80


def test_renaming_the_team_refreshes_the_header_and_the_prepare_view(window: MainWindow) -> None:
    add_team(window)
    db = window.context.db
    teams.create_team(db, "Riverside Team", [], window.context.now())
    window.reload_teams(1)
    dialog = open_from_menu(window)
    dialog.team_name_edit.setText("riverside team")
    assert not dialog.rename_team()
    assert "There is already a team called “Riverside Team”" in dialog.error_label.text()
    assert teams.get_team(db, 1).name == "Harbour Team"
    dialog.team_name_edit.setText("  Harbour   Adults ")
    QTest.keyClick(dialog.team_name_edit, Qt.Key.Key_Return)
    assert teams.get_team(db, 1).name == "Harbour Adults" and dialog.error_label.text() == ""
    combo = window.header.team_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Harbour Adults", "Riverside Team"]
    assert combo.currentData() == 1, "the team being edited stays chosen"
    assert window.review_panel.team is not None and window.review_panel.team.name == "Harbour Adults"


def test_a_rename_during_a_session_shows_on_the_tiles_with_the_tally_kept(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    panel = window.participation_panel
    panel.choose(int(panel.visible_roster.index(1, 0).data(RosterRole.MEMBER_ID)))
    dialog = open_from_menu(window)
    assert dialog.rename_member(dialog.model.members()[1].id, "Bo Dayton")
    names = [panel.visible_roster.index(r, 0).data(RosterRole.NAME) for r in range(3)]
    assert names == ["Ash Lee", "Bo Dayton", "Cy Vale"]
    assert panel.visible_roster.index(1, 0).data(RosterRole.COUNT) == 1


def test_with_no_team_the_menu_says_what_to_do(window: MainWindow) -> None:
    assert window.team_actions.open_members() is None
    assert "Create a team first" in window.statusBar().currentMessage()


def test_a_member_made_inactive_is_said_in_full_not_cut_short(window: MainWindow) -> None:
    """The column was sized for "Active" and lagged behind a change: made inactive, the word in italics was cut to
    "Inacti…". It is now as wide as the longer word from the start, whoever is inactive."""
    add_team(window)
    dialog = open_from_menu(window)
    before = dialog.table.columnWidth(MemberColumn.ACTIVE)
    dialog.table.selectRow(1)
    dialog.toggle_active()
    QApplication.processEvents()
    assert dialog.model.index(1, MemberColumn.ACTIVE).data() == "Inactive"
    italic = QFont(dialog.table.font())
    italic.setItalic(True)
    box = dialog.table.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    assert (
        dialog.table.columnWidth(MemberColumn.ACTIVE)
        == before
        >= QFontMetrics(italic).horizontalAdvance("Inactive") + box + 20
    )
    dialog.close()


def test_a_name_typed_past_what_a_member_name_holds_is_cut_and_said_never_lost(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The cell took any length; the rename refused ("keep it to 80") then dropped every word typed."""
    add_team(window)
    dialog = open_from_menu(window)
    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, "Bo Day"), MemberColumn.NAME))
    dialog.table.edit(dialog.table.currentIndex())
    [field] = [each for each in dialog.table.viewport().findChildren(QLineEdit) if each.isVisible()]
    field.selectAll()
    typed = "Priya " * 20  # 120 characters
    QTest.keyClicks(field, typed)
    assert field.text() == typed[:80]
    assert dialog.error_label.text() == "Member name holds at most 80 characters: the rest was not taken."
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != QAbstractItemView.State.EditingState)
    assert typed[:80].strip() in [m.display_name for m in dialog.model.members()]


def _paste(field: QLineEdit, text: str) -> None:
    """A paste as Ctrl+V makes it, through the field's limit and its textEdited."""
    QApplication.clipboard().setText(text)
    field.setFocus()
    field.paste()


def test_a_document_pasted_as_the_team_or_a_new_members_name_is_cut_and_said(window: MainWindow) -> None:
    """Both one-line fields kept the first 80 characters of a 200 KB paste without a word, and the facilitator took
    the start of the document for the name."""
    add_team(window)
    dialog = open_from_menu(window)
    for field, what in ((dialog.team_name_edit, "Team name"), (dialog.new_name_edit, "New member's name")):
        field.clear()
        _paste(field, "Referral summary " * 12_000)
        assert len(field.text()) == 80
        assert dialog.error_label.text() == f"{what} holds at most 80 characters: the rest was not taken."
        dialog.error_label.clear()


def test_a_document_pasted_as_a_new_teams_name_is_cut_and_said(window: MainWindow) -> None:
    """Said once the paste is in, where editing the name took the message away as it was said."""
    dialog = FirstRunDialog(window)
    dialog.show()
    _paste(dialog.ui.teamNameEdit, "Referral summary " * 12_000)
    assert len(dialog.ui.teamNameEdit.text()) == 80
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    assert dialog.ui.errorLabel.text() == "Team name holds at most 80 characters: the rest was not taken."
    QTest.keyClick(dialog.ui.teamNameEdit, Qt.Key.Key_Backspace)  # the words change: what was said goes
    assert not dialog.ui.errorLabel.isVisibleTo(dialog)
    dialog.ui.teamNameEdit.clear()  # nothing typed to ask about as the test's window closes


def test_a_roster_pasted_from_a_spreadsheet_takes_each_row_as_a_name(window: MainWindow) -> None:
    """First names and surnames in two columns come with a tab between them, which was refused as "an invisible
    control character; retype it without pasting": the whole team typed again."""
    dialog = FirstRunDialog(window)
    dialog.show()
    dialog.ui.teamNameEdit.setText("Harbour Team")
    dialog.ui.membersEdit.setPlainText("Ash\tLee\r\nBo\tDay\t\r\nCy\tVale\r\n")
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.ui.errorLabel.isVisibleTo(dialog), dialog.ui.errorLabel.text()
    assert dialog.draft is not None
    assert dialog.draft.members == (
        ("Ash Lee", Role.FACILITATOR),
        ("Bo Day", Role.PRACTITIONER),
        ("Cy Vale", Role.PRACTITIONER),
    )


def test_an_attendee_list_pasted_from_outlook_takes_each_person_as_a_member(window: MainWindow) -> None:
    """Outlook and Teams copy a meeting's attendees onto one line, parted by semicolons, each with an address: the
    team was made with one member named with them all, or refused as a name of 150 characters."""
    dialog = FirstRunDialog(window)
    dialog.show()
    dialog.ui.teamNameEdit.setText("Harbour Team")
    dialog.ui.membersEdit.setPlainText(
        "Ash Lee <ash.lee@council.example>; Day, Bo <bo.day@council.example>;\n"
        "Cy Vale <cy.vale@council.example>; Dee Ray"
    )
    dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.ui.errorLabel.isVisibleTo(dialog), dialog.ui.errorLabel.text()
    assert dialog.draft is not None
    assert dialog.draft.members == (
        ("Ash Lee", Role.FACILITATOR),
        ("Day, Bo", Role.PRACTITIONER),
        ("Cy Vale", Role.PRACTITIONER),
        ("Dee Ray", Role.PRACTITIONER),
    )


def test_a_roster_holds_as_many_people_who_attend_as_a_new_team_may_list(window: MainWindow) -> None:
    """The new-team form refuses a list longer than :data:`MAX_MEMBERS`; the dialog refused nobody, so a roster grew
    past it. Now adding someone, or making someone inactive active again, past it is refused with the remedy, and
    making someone inactive leaves room."""
    add_team(window, [f"Member {number}" for number in range(1, MAX_MEMBERS + 1)])
    db = window.context.db
    teams.set_member_active(db, teams.add_member(db, 1, "Ivy Stone", Role.PRACTITIONER, window.context.now()).id, False)
    before = roster_state(db)
    dialog = open_from_menu(window)

    dialog.new_name_edit.setText("Dee Moss")
    assert dialog.add_member() is None
    full = f"Harbour Team has {MAX_MEMBERS} people who attend, and a CoP roster holds up to {MAX_MEMBERS}"
    assert full in dialog.error_label.text() and "make someone inactive first" in dialog.error_label.text()
    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, "Ivy Stone"), MemberColumn.NAME))
    assert not dialog.toggle_active() and full in dialog.error_label.text()
    assert roster_state(db) == before and dialog.new_name_edit.text() == "Dee Moss"

    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, "Member 7"), MemberColumn.NAME))
    assert dialog.toggle_active()
    assert dialog.add_member() is not None and ("Dee Moss", Role.PRACTITIONER, True) in roster_state(db)


def test_a_refusal_that_starts_with_a_name_written_right_to_left_reads_left_to_right(window: MainWindow) -> None:
    """The refusal "سارا احمدی is already on this team's roster." took its direction from the name: set from the right,
    its full stop first. A left-to-right mark before it keeps the sentence in order; other refusals are as they were."""
    add_team(window, ["Ash Lee", "سارا احمدی"])
    dialog = open_from_menu(window)

    dialog.new_name_edit.setText("سارا  احمدی")
    assert dialog.add_member() is None
    assert dialog.error_label.text() == "\u200eسارا احمدی is already on this team's roster."
    dialog.new_name_edit.setText("ASH LEE")
    assert dialog.add_member() is None and dialog.error_label.text() == "Ash Lee is already on this team's roster."
