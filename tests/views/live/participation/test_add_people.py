"""Marking people present after Start, through the participation pane's "Add person…" in the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidgetItem, QMessageBox

from copdesk.core.model import MarkerKind, Role
from copdesk.store import participation, sessions, teams
from copdesk.store.errors import StorageFullError
from copdesk.store.safe_write import STORAGE_FULL_MESSAGE
from copdesk.views.live.participation.add_people_dialog import NOBODY_ABSENT, AddPeopleDialog
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, answer_leaving, start_session
from tests.views.participation_helpers import click_tile, not_here, tiles

TEAM = ("Ash Lee", "Bo Day", "Cy Vale", "Aziz Noor")


def open_dialog(window: MainWindow) -> AddPeopleDialog:
    panel = window.participation_panel
    assert panel.add_button.isVisible() and panel.add_button.isEnabled()
    panel.add_button.click()
    dialog = panel.add_people_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def offered(dialog: AddPeopleDialog) -> list[QListWidgetItem]:
    return [dialog.absent_list.item(row) for row in range(dialog.absent_list.count())]


def database_state(window: MainWindow, session_id: int) -> tuple[object, ...]:
    db = window.context.db
    members = tuple((m.display_name, m.role, m.active) for m in teams.list_members(db, 1, include_inactive=True))
    return members, tuple(sorted(sessions.attendee_ids(db, session_id)))


def test_the_button_shows_only_while_a_session_is_live(window: MainWindow) -> None:
    panel = window.participation_panel
    assert not panel.add_button.isVisibleTo(panel)
    add_team(window, TEAM)
    start_session(window, present=TEAM[:3])
    assert panel.add_button.isVisibleTo(panel)
    assert panel.add_button.accessibleName()


def test_a_latecomer_ticked_in_the_dialog_joins_the_tiles_and_the_tally_is_kept(window: MainWindow) -> None:
    add_team(window, TEAM)
    session = start_session(window, present=TEAM[:3])
    first = click_tile(window, 0)  # a contribution before the latecomer arrives
    keys_before = dict(zip(tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT), strict=True))

    dialog = open_dialog(window)
    assert [item.text().split("  ·  ")[0] for item in offered(dialog)] == ["Aziz Noor"]  # only who is absent
    assert not dialog.mark_button.isEnabled()
    offered(dialog)[0].setCheckState(Qt.CheckState.Checked)
    assert dialog.mark_button.isEnabled()
    dialog.mark_button.click()

    db = window.context.db
    aziz = next(m for m in teams.list_members(db, session.team_id) if m.display_name == "Aziz Noor")
    assert sorted(sessions.attendee_ids(db, session.id)) == sorted(m.id for m in teams.list_members(db, 1))
    assert not dialog.isVisible()
    assert tiles(window, RosterRole.NAME)[-1] == "Aziz Noor", "a latecomer joins at the end"
    for name, key in keys_before.items():  # everyone else keeps their number key
        assert tiles(window, RosterRole.SHORTCUT)[tiles(window, RosterRole.NAME).index(name)] == key
    assert sum(int(str(count)) for count in tiles(window, RosterRole.COUNT)) == 1
    assert click_tile(window, 3) == aziz.id
    saved = [row.member_id for row in participation.contributions(db, session.id)]
    assert saved == [first, aziz.id]


def _came_late(window: MainWindow, name: str) -> None:
    dialog = open_dialog(window)
    dialog.set_ticked({name})
    dialog.mark_button.click()
    assert not dialog.isVisible()


def test_a_latecomer_counts_as_quiet_only_from_when_they_came(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """A colleague who came twenty minutes late turned amber as "quiet 20 min" the moment they sat down, and the
    question picker suggested a prompt for a quiet voice for them: their quiet time counted from the session's start."""
    window = clocked_window
    add_team(window, TEAM)
    start_session(window, present=TEAM[:3])
    click_tile(window, 0)  # the tally has begun
    fake_clock.advance(20 * 60)
    _came_late(window, "Aziz Noor")

    quiet = dict(zip(tiles(window, RosterRole.NAME), tiles(window, RosterRole.QUIET), strict=True))
    assert quiet == {"Ash Lee": True, "Bo Day": True, "Cy Vale": True, "Aziz Noor": False}
    aziz = next(m.id for m in teams.list_members(window.context.db, 1) if m.display_name == "Aziz Noor")
    signal = window.participation_panel.tally.room_signal()
    assert signal is not None and aziz not in signal.member_ids
    fake_clock.advance(15 * 60)
    row = tiles(window, RosterRole.NAME).index("Aziz Noor")
    assert tiles(window, RosterRole.QUIET)[row] is True and tiles(window, RosterRole.SILENT_MINUTES)[row] == 15


def test_a_resumed_session_keeps_each_latecomer_on_their_tile_and_number_key(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Latecomers join the end of the tiles, but a resume after a restart put everyone back in name order: Aziz Noor,
    who came late, took key 1, and every key after it logged for someone else. The tiles come back in the order they
    had, latecomers in the order they came; a latecomer taken off by mistake and put back keeps theirs too."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=("Bo Day", "Cy Vale"))
    fake_clock.advance(5 * 60)
    _came_late(window, "Aziz Noor")
    fake_clock.advance(5 * 60)
    _came_late(window, "Ash Lee")
    shown, keys = tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT)
    assert shown == ["Bo Day", "Cy Vale", "Aziz Noor", "Ash Lee"]
    not_here(window, "Aziz Noor").trigger()
    fake_clock.advance(60)
    window.participation_panel.undo_last()
    assert tiles(window, RosterRole.NAME) == shown

    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session.id, session.team_id)
    assert tiles(window, RosterRole.NAME) == shown and tiles(window, RosterRole.SHORTCUT) == keys
    fake_clock.advance(12 * 60)  # 23 min into the session; Aziz Noor came 5 min after its start
    row = shown.index("Aziz Noor")
    assert tiles(window, RosterRole.SILENT_MINUTES)[row] == 18, "quiet from when they came, after a resume too"


def test_latecomers_marked_present_in_the_same_second_keep_the_order_made_after_a_restart(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Times are kept to the second: two batches marked present in the same second came back in name order after a
    restart (Ash Lee before Aziz Noor), so their tiles and number keys moved. They keep the order they were made in,
    each batch in name order among itself."""
    window = clocked_window
    add_team(window, (*TEAM, "Ann Bell"))
    session = start_session(window, present=("Bo Day", "Cy Vale"))
    fake_clock.advance(5 * 60)
    _came_late(window, "Aziz Noor")
    dialog = open_dialog(window)  # the same second
    dialog.set_ticked({"Ash Lee", "Ann Bell"})
    dialog.mark_button.click()
    shown, keys = tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT)
    assert shown == ["Bo Day", "Cy Vale", "Aziz Noor", "Ann Bell", "Ash Lee"]

    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session.id, session.team_id)
    assert tiles(window, RosterRole.NAME) == shown and tiles(window, RosterRole.SHORTCUT) == keys


def test_enter_on_a_name_marks_them_present_at_once(window: MainWindow, qtbot: object) -> None:
    add_team(window, TEAM)
    session = start_session(window, present=TEAM[:2])
    dialog = open_dialog(window)
    dialog.absent_list.setFocus()
    dialog.absent_list.setCurrentRow(1)
    QTest.keyClick(dialog.absent_list, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert len(sessions.attendee_ids(window.context.db, session.id)) == 3
    assert len(tiles(window, RosterRole.NAME)) == 3


def test_a_guest_added_on_the_spot_joins_the_team_as_a_guest_and_the_tiles(window: MainWindow) -> None:
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    dialog = open_dialog(window)
    assert dialog.nobody_label.text() == NOBODY_ABSENT and dialog.nobody_label.isVisible()
    QTest.keyClicks(dialog.guest_edit, "  Rosa   Ortiz ")
    QTest.keyClick(dialog.guest_edit, Qt.Key.Key_Return)
    assert dialog.guest_edit.text() == "" and offered(dialog)[0].checkState() == Qt.CheckState.Checked
    assert dialog.isVisible(), "Enter in the guest box adds the guest; it does not close the dialog"
    dialog.mark_button.click()

    db = window.context.db
    rosa = next(m for m in teams.list_members(db, session.team_id) if m.display_name == "Rosa Ortiz")
    assert rosa.role is Role.GUEST
    assert rosa.id in sessions.attendee_ids(db, session.id)
    assert "Rosa Ortiz" in tiles(window, RosterRole.NAME)
    assert tiles(window, RosterRole.ROLE_LABEL)[-1] == Role.GUEST.label


def test_with_everyone_present_what_the_dialog_does_stays_at_the_top(window: MainWindow) -> None:
    """The room of the list, hidden with nobody to tick, was shared out around the first words: they sat in a blank
    band. The words that say why there is no list take its room instead."""
    add_team(window, TEAM)
    start_session(window, present=TEAM)
    dialog = open_dialog(window)
    QApplication.processEvents()
    intro = dialog.ui.introLabel
    assert dialog.nobody_label.isVisible() and intro.height() == intro.heightForWidth(intro.width())


def test_bad_guest_names_are_refused_in_one_line_and_change_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_team(window, TEAM)
    session = start_session(window, present=TEAM[:3])
    db = window.context.db
    inactive = teams.add_member(db, session.team_id, "Dee Moss", Role.PRACTITIONER, window.context.now())
    teams.set_member_active(db, inactive.id, False)
    before = database_state(window, session.id)
    dialog = open_dialog(window)
    assert "Dee Moss" not in [item.text() for item in offered(dialog)], "inactive members are not offered"
    for typed, says in (
        ("   ", "empty"),
        ("bo  DAY", "already marked present"),
        ("aziz noor", "tick them instead"),
        ("Dee Moss", "inactive"),
        ("Eve\u0007Hall", "control character"),
    ):
        dialog.guest_edit.setText(typed)
        assert not dialog.add_guest()
        assert says in dialog.error_label.text() and "\n" not in dialog.error_label.text()
    assert [item.text().split("  ·  ")[0] for item in offered(dialog)] == ["Aziz Noor"]
    dialog.guest_edit.setText("x" * 5000)  # a huge paste is cut to the longest name allowed
    assert len(dialog.guest_edit.text()) == 80
    dialog.guest_edit.setText("Rosa Ortiz")
    assert dialog.add_guest()
    dialog.guest_edit.setText("ROSA ortiz")
    assert not dialog.add_guest() and "already on the list" in dialog.error_label.text()
    asked = answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()  # cancelling (once asked) saves nobody, not even the guest typed in
    assert len(asked) == 1
    assert database_state(window, session.id) == before
    assert len(tiles(window, RosterRole.NAME)) == 3


def test_a_guest_name_taken_since_the_dialog_opened_saves_nobody(window: MainWindow) -> None:
    """The one transaction: a refused guest leaves the ticked latecomer unsaved too, and the dialog open."""
    add_team(window, TEAM)
    session = start_session(window, present=TEAM[:3])
    dialog = open_dialog(window)
    offered(dialog)[0].setCheckState(Qt.CheckState.Checked)
    dialog.guest_edit.setText("Rosa Ortiz")
    assert dialog.add_guest()
    db = window.context.db
    teams.add_member(db, session.team_id, "Rosa Ortiz", Role.GUEST, window.context.now())  # added elsewhere meanwhile
    before = database_state(window, session.id)
    dialog.mark_button.click()
    assert dialog.isVisible() and "Rosa Ortiz is already on this team's roster" in dialog.error_label.text()
    assert database_state(window, session.id) == before
    assert len(tiles(window, RosterRole.NAME)) == 3


def test_ending_the_session_closes_the_dialog(window: MainWindow) -> None:
    add_team(window, TEAM)
    start_session(window, present=TEAM[:3])
    dialog = open_dialog(window)
    window.live_session.finish()
    assert not dialog.isVisible()
    assert not window.participation_panel.add_button.isVisibleTo(window.participation_panel)


def test_someone_marked_present_by_mistake_is_taken_off_from_their_tile_before_the_tally_begins(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ticked at the door by mistake, they stayed present on the record, which feeds their CPD evidence, and were
    counted as quiet all session. A tile's menu takes the mark back, until a contribution is logged: then the
    number keys of the people after them would move while the facilitator uses them, and it says why not."""
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    ids = {m.display_name: m.id for m in teams.list_members(window.context.db, 1)}

    mistaken = not_here(window, "Cy Vale")
    assert mistaken.isEnabled() and mistaken.text() == "Not here: Cy Vale was marked present by mistake"
    mistaken.trigger()

    assert sorted(sessions.attendee_ids(window.context.db, session.id)) == sorted(
        ids[name] for name in ("Ash Lee", "Bo Day", "Aziz Noor")
    )
    assert "Cy Vale" not in tiles(window, RosterRole.NAME)
    dialog = open_dialog(window)
    assert "Cy Vale  ·  Practitioner" in [item.text() for item in offered(dialog)], "and can be marked present again"
    dialog.reject()

    click_tile(window, tiles(window, RosterRole.NAME).index("Bo Day"))
    logged = not_here(window, "Bo Day")
    assert not logged.isEnabled() and logged.toolTip() == "Still marked present: a contribution of theirs is logged."
    others = not_here(window, "Aziz Noor")
    assert not others.isEnabled() and "would move to other number keys" in others.toolTip()


def test_undo_puts_back_someone_taken_off_by_mistake_on_their_own_tile(window: MainWindow) -> None:
    """Taking the wrong person off had no way back but Add person…, which put them on the last tile. Undo (Ctrl+Z)
    marks them present again where they were; a guest it took off the roster comes back under the same name."""
    add_team(window, TEAM)
    session = start_session(window, present=TEAM, guests=("Sam Guest",))
    panel, db = window.participation_panel, window.context.db
    before = tiles(window, RosterRole.NAME)
    ids = {m.display_name: m.id for m in teams.list_members(db, 1)}
    for name in ("Bo Day", "Sam Guest"):
        mistaken = not_here(window, name)
        mistaken.trigger()
    panel.mark_room(MarkerKind.LOW_ENERGY)  # something else since: Undo takes back the last first
    assert "Sam Guest" not in [m.display_name for m in teams.list_members(db, 1, include_inactive=True)]
    panel.undo_last()
    assert panel.undo_button.toolTip() == "Put Sam Guest back as present (Ctrl+Z)"
    panel.undo_last()
    assert panel.undo_button.toolTip() == "Put Bo Day back as present (Ctrl+Z)"
    panel.undo_button.click()
    assert tiles(window, RosterRole.NAME) == before, "each on the tile they had, so no number key moved"
    present = {teams.get_member(db, member_id).display_name for member_id in sessions.attendee_ids(db, session.id)}
    assert present == {*TEAM, "Sam Guest"} and ids["Bo Day"] in sessions.attendee_ids(db, session.id)
    assert not panel.undo_button.isEnabled()


def test_a_removal_kept_for_retry_and_refused_by_then_is_said_never_a_fault(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused by the disk, the removal waited for Retry; a contribution of theirs logged meanwhile made the Retry
    raise, and End session (which replays what waits) stopped on a fault."""
    from copdesk.services.sessions import remove_attendee

    target = "copdesk.views.live.participation.tile_menu.remove_attendee"
    add_team(window, TEAM)
    start_session(window, present=TEAM)
    ids = {m.display_name: m.id for m in teams.list_members(window.context.db, 1)}

    def disk_full(*_args: object) -> None:
        raise StorageFullError(STORAGE_FULL_MESSAGE)

    monkeypatch.setattr(target, disk_full)
    assert not window.participation_panel.tile_menu.remove_present(ids["Cy Vale"])
    monkeypatch.setattr(target, remove_attendee)
    live_id = window.live_session.session_id
    assert live_id is not None
    participation.add_contribution(window.context.db, live_id, ids["Cy Vale"], window.context.now())

    assert window.context.writes.retry()
    assert window.statusBar().currentMessage() == "Still marked present: a contribution of theirs is logged."
    assert ids["Cy Vale"] in sessions.attendee_ids(window.context.db, live_id)
