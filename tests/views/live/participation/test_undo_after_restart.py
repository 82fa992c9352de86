"""Undo in a session resumed after CoPDesk was closed (a crash, or the session kept live), in a window made afresh on
the same database: it takes back the same acts, in the order they were made, as it would have before."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from copdesk.core.model import MarkerKind, Session
from copdesk.store import live_acts, participation, sessions, teams
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, reopened, start_session
from tests.views.participation_helpers import click_tile, not_here, tiles

TEAM = ("Ash Lee", "Bo Day", "Cy Vale", "Aziz Noor")


def resumed(qtbot: QtBot, db_path: Path, before: FakeClock) -> tuple[MainWindow, FakeClock]:
    """CoPDesk opened again a minute later, in a new process, and the live session resumed."""
    window, clock = reopened(qtbot, db_path, before, 60)
    offer = window.session_flow.resume_dialog
    assert offer is not None
    offer.resume_button.click()
    assert window.live_session.is_live
    return window, clock


def test_undo_puts_back_someone_taken_off_by_mistake_after_a_restart(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """Before a restart Undo put back someone marked present by mistake; after it, nothing said who had been taken
    off, and Undo could not. Now a latecomer comes back as having come when they had, on their tile, and a guest of
    this session alone comes back to the roster under the same name."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=("Bo Day", "Cy Vale", "Ash Lee"), guests=("Sam Guest",))
    fake_clock.advance(5 * 60)
    panel, db = window.participation_panel, window.context.db
    panel.add_button.click()
    assert panel.add_people_dialog is not None
    panel.add_people_dialog.set_ticked({"Aziz Noor"})
    panel.add_people_dialog.mark_button.click()
    came = sessions.arrivals(db, session.id)
    shown, keys = tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT)
    assert shown[-1] == "Aziz Noor"
    not_here(window, "Aziz Noor").trigger()
    not_here(window, "Sam Guest").trigger()
    assert "Aziz Noor" not in tiles(window, RosterRole.NAME) and "Sam Guest" not in tiles(window, RosterRole.NAME)

    window, clock = resumed(qtbot, db_path, fake_clock)
    panel = window.participation_panel
    assert panel.undo_button.isEnabled()
    assert panel.undo_button.toolTip() == "Put Sam Guest back as present (Ctrl+Z)"
    panel.undo_button.click()
    assert "Sam Guest" in [m.display_name for m in teams.list_members(db, session.team_id, include_inactive=True)]
    assert panel.undo_button.toolTip() == "Put Aziz Noor back as present (Ctrl+Z)"
    clock.advance(1)  # a click apart, not a double click
    panel.undo_button.click()

    assert tiles(window, RosterRole.NAME) == shown and tiles(window, RosterRole.SHORTCUT) == keys
    assert sessions.arrivals(db, session.id) == came, "as having come when they had"
    assert live_acts.taken_off(db, session.id) == [] and not panel.undo_button.isEnabled()
    clock.advance(4 * 60)  # 10 min into the session, 5 min after Aziz Noor came
    assert tiles(window, RosterRole.SILENT_MINUTES)[shown.index("Aziz Noor")] == 5


def test_a_tick_and_a_marker_of_the_same_second_are_undone_in_the_order_made_after_a_restart(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """Times are kept to the second: after a restart, a marker and a tick of the same second were taken back tick
    first, whatever order they were made in. Undo now follows the order they were made."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    panel, db = window.participation_panel, window.context.db
    fake_clock.advance(10 * 60)
    click_tile(window, tiles(window, RosterRole.NAME).index("Bo Day"))
    panel.mark_room(MarkerKind.LOW_ENERGY)  # the same second
    fake_clock.advance(60)
    panel.mark_room(MarkerKind.TENSION)
    click_tile(window, tiles(window, RosterRole.NAME).index("Cy Vale"))  # the same second again
    [first, second] = participation.contributions(db, session.id)
    assert [m.at for m in participation.markers(db, session.id)] == [first.at, second.at]

    window, clock = resumed(qtbot, db_path, fake_clock)
    panel = window.participation_panel
    assert panel.undo_button.toolTip() == "Undo Cy Vale's last contribution (Ctrl+Z)"
    panel.undo_button.click()
    assert panel.undo_button.toolTip().startswith("Undo the room marker")
    clock.advance(1)  # a click apart, not a double click
    panel.undo_button.click()
    assert [m.kind for m in participation.markers(db, session.id)] == [MarkerKind.LOW_ENERGY]
    assert panel.undo_button.toolTip().startswith("Undo the room marker"), "made after Bo Day's tick"
    clock.advance(1)  # a click apart, not a double click
    panel.undo_button.click()
    assert participation.markers(db, session.id) == []
    assert panel.undo_button.toolTip() == "Undo Bo Day's last contribution (Ctrl+Z)"
    clock.advance(1)  # a click apart, not a double click
    panel.undo_button.click()
    assert participation.contributions(db, session.id) == [] and not panel.undo_button.isEnabled()


def _two_taken_off_after_a_marker(window: MainWindow, fake_clock: FakeClock) -> Session:
    """A live session of the team and a guest: a minute in, the room marked low on energy, then Bo Day and the guest
    taken off as present by mistake."""
    add_team(window, TEAM)
    session = start_session(window, present=TEAM, guests=("Sam Guest",))
    fake_clock.advance(60)
    window.participation_panel.mark_room(MarkerKind.LOW_ENERGY)
    not_here(window, "Bo Day").trigger()
    not_here(window, "Sam Guest").trigger()
    return session


def test_someone_taken_off_then_added_again_is_not_put_back_by_undo(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """Taken off by mistake, then added again with Add person… when they did come: Undo would have put them back as
    having come at the start, moving everyone's number key, before a restart and after it. Added again, they are no
    longer kept for Undo, which goes on to what was done before."""
    window = clocked_window
    session = _two_taken_off_after_a_marker(window, fake_clock)
    panel, db = window.participation_panel, window.context.db
    fake_clock.advance(20 * 60)
    panel.add_button.click()
    assert panel.add_people_dialog is not None
    panel.add_people_dialog.set_ticked({"Bo Day"})
    panel.add_people_dialog.guest_edit.setText("Sam Guest")
    panel.add_people_dialog.add_guest()
    panel.add_people_dialog.mark_button.click()
    came = sessions.arrivals(db, session.id)
    shown, keys = tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT)
    assert len(came) == 2 and shown[-2:] == ["Bo Day", "Sam Guest"]
    assert live_acts.taken_off(db, session.id) == []
    assert panel.undo_button.toolTip().startswith("Undo the room marker")

    window, _ = resumed(qtbot, db_path, fake_clock)
    panel = window.participation_panel
    assert panel.undo_button.toolTip().startswith("Undo the room marker")
    panel.undo_button.click()
    assert not panel.undo_button.isEnabled()
    assert sessions.arrivals(db, session.id) == came, "as having come when they did"
    assert tiles(window, RosterRole.NAME) == shown and tiles(window, RosterRole.SHORTCUT) == keys


def test_a_session_resumed_on_a_later_day_no_longer_keeps_those_taken_off_for_undo(
    qtbot: QtBot, clocked_window: MainWindow, db_path: Path, fake_clock: FakeClock
) -> None:
    """A session left live keeps a guest taken off by mistake, by name, for Undo: resumed the next day, the meeting
    is over, so Undo no longer puts them back and their name goes; a marker of the room is still taken back."""
    window = clocked_window
    session = _two_taken_off_after_a_marker(window, fake_clock)
    panel, db = window.participation_panel, window.context.db
    assert len(live_acts.taken_off(db, session.id)) == 2

    window, _ = reopened(qtbot, db_path, fake_clock, 24 * 3600)
    offer = window.session_flow.resume_dialog
    assert offer is not None
    offer.resume_button.click()

    panel = window.participation_panel
    assert live_acts.taken_off(db, session.id) == []
    assert db.execute("SELECT count(*) FROM attendance_taken_off WHERE guest_name = 'Sam Guest'").fetchone()[0] == 0
    assert panel.undo_button.toolTip().startswith("Undo the room marker")
    assert "Bo Day" not in tiles(window, RosterRole.NAME)
