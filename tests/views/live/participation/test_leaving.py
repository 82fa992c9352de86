"""Someone who leaves, for a while or before the end, marked from their tile's menu in the real window: the tile stays
on its number key, faded with when they left; nothing is logged for them; they stop counting as quiet and being
suggested for; "Back in the session" ends their time away and Undo takes back either mark, in the order made, across a
restart too; and a resumed session shows it as saved."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from copdesk.store import participation, sessions, teams, time_away
from copdesk.store.errors import StorageFullError
from copdesk.store.safe_write import STORAGE_FULL_MESSAGE
from copdesk.views.live.participation.roster_model import RosterRole
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock
from tests.views.live_helpers import add_team, start_session
from tests.views.participation_helpers import click_tile, tile_menu, tiles

TEAM = ("Ash Lee", "Bo Day", "Cy Vale", "Aziz Noor")


def choose(window: MainWindow, name: str, starts: str) -> None:
    menu = tile_menu(window, name)
    [item] = [action for action in menu.actions() if action.text().startswith(starts)]
    assert item.isEnabled()
    item.trigger()
    menu.close()


def at_clock(moment: datetime) -> str:
    return f"{moment.astimezone():%H:%M}"


def ids_of(window: MainWindow) -> dict[str, int]:
    return {m.display_name: m.id for m in teams.list_members(window.context.db, 1)}


def test_someone_who_leaves_keeps_their_tile_and_key_and_nothing_is_logged_for_them(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Before, a colleague who left stayed a live tile like any other: a stray number key logged for an empty chair,
    and the record said they attended it all. Marked from the tile's menu, the tile stays where it was, says when
    they left, and a click or key on it logs nothing and says why in the status bar."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    panel, db = window.participation_panel, window.context.db
    keys = dict(zip(tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT), strict=True))
    fake_clock.advance(40 * 60)
    left = fake_clock.now()

    choose(window, "Bo Day", "Left the session: Bo Day")

    bo = ids_of(window)["Bo Day"]
    assert time_away.away_now(db, session.id) == {bo: left}
    assert dict(zip(tiles(window, RosterRole.NAME), tiles(window, RosterRole.SHORTCUT), strict=True)) == keys
    row = tiles(window, RosterRole.NAME).index("Bo Day")
    assert tiles(window, RosterRole.LEFT_AT)[row] == at_clock(left)
    assert str(tiles(window, Qt.ItemDataRole.ToolTipRole)[row]).endswith(f"left the session at {at_clock(left)}")
    assert tiles(window, RosterRole.LEFT_AT).count("") == len(TEAM) - 1

    click_tile(window, row)
    panel.keys.choose_number(row + 1)
    panel.talk_button.setChecked(True)
    click_tile(window, row)
    assert participation.contributions(db, session.id) == []
    assert window.statusBar().currentMessage().startswith(f"Bo Day left the session at {at_clock(left)}")
    assert "Back in the session" in window.statusBar().currentMessage()
    assert bo in sessions.attendee_ids(db, session.id), "still on the attendance: they were there until then"


def test_someone_who_left_is_no_quiet_voice_and_their_stint_ends(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """The quiet-voices cue and its prompt kept pointing at someone who had gone ("not heard for 40 min")."""
    window = clocked_window
    signals: list[str] = []
    window.live_session.room_signal.connect(signals.append)
    add_team(window, TEAM)
    start_session(window, present=TEAM[:3])
    panel = window.participation_panel
    names = tiles(window, RosterRole.NAME)
    fake_clock.advance(15 * 60)
    click_tile(window, names.index("Ash Lee"))
    panel._tick()
    assert tiles(window, RosterRole.QUIET) == [name != "Ash Lee" for name in names]
    assert signals[-1] == "quiet-voice"

    choose(window, "Bo Day", "Left the session")
    assert tiles(window, RosterRole.QUIET) == [name == "Cy Vale" for name in names]
    assert panel.tally.room_signal() is not None, "Cy Vale is still here and still quiet"
    choose(window, "Cy Vale", "Left the session")
    fake_clock.advance(60)
    panel._tick()
    assert tiles(window, RosterRole.QUIET) == [False, False, False]
    assert signals[-1] == "", "the prompt for a quiet voice goes: nobody here is quiet"

    panel.talk_button.setChecked(True)
    click_tile(window, names.index("Ash Lee"))  # Ash is speaking
    fake_clock.advance(30)
    choose(window, "Ash Lee", "Left the session")
    assert panel.tally.tally.speaker is None
    [stint] = [
        row
        for row in participation.contributions(window.context.db, panel.tally.session_id or 0)
        if row.duration_seconds
    ]
    assert stint.duration_seconds == 30


def test_undo_and_back_in_the_session_take_it_back(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    panel, db = window.participation_panel, window.context.db
    bo = ids_of(window)["Bo Day"]
    fake_clock.advance(20 * 60)
    left = fake_clock.now()
    choose(window, "Bo Day", "Left the session")
    assert panel.undo_button.toolTip() == "Take back that Bo Day left the session (Ctrl+Z)"
    panel.undo_button.click()
    assert time_away.spells(db, session.id) == []
    assert tiles(window, RosterRole.LEFT_AT) == [""] * len(TEAM)
    assert not panel.undo_button.isEnabled()

    choose(window, "Bo Day", "Left the session")
    fake_clock.advance(10 * 60)
    [mistake] = [a for a in tile_menu(window, "Bo Day").actions() if a.text().startswith("Not here")]
    assert not mistake.isEnabled() and "having left" in mistake.toolTip()
    popup = QApplication.activePopupWidget()
    assert popup is not None
    popup.close()
    choose(window, "Bo Day", f"Back in the session: Bo Day came back (marked as leaving at {at_clock(left)})")
    assert [(s.left_at, s.back_at) for s in time_away.spells(db, session.id)] == [(left, fake_clock.now())]
    click_tile(window, tiles(window, RosterRole.NAME).index("Bo Day"))
    assert [row.member_id for row in participation.contributions(db, session.id)] == [bo], "logged once back"
    panel.undo_button.click()  # the contribution
    assert panel.undo_button.toolTip() == "Take back that Bo Day came back (Ctrl+Z)"
    fake_clock.advance(1)  # a second click, not a double click
    panel.undo_button.click()
    assert time_away.away_now(db, session.id) == {bo: left}


def test_someone_back_in_the_session_counts_as_quiet_only_from_when_they_came_back(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Heard early, gone for twenty minutes and back: their tile turned amber as quiet the moment they were marked
    back, and a prompt for a quiet voice was suggested for them, for minutes they were not in the room."""
    window = clocked_window
    add_team(window, TEAM)
    start_session(window, present=TEAM)
    click_tile(window, tiles(window, RosterRole.NAME).index("Bo Day"))
    fake_clock.advance(5 * 60)
    choose(window, "Bo Day", "Left the session")
    fake_clock.advance(20 * 60)
    choose(window, "Bo Day", "Back in the session")

    row = tiles(window, RosterRole.NAME).index("Bo Day")
    assert tiles(window, RosterRole.QUIET)[row] is False
    signal = window.participation_panel.tally.room_signal()
    assert signal is not None and ids_of(window)["Bo Day"] not in signal.member_ids, "the others are quiet"
    fake_clock.advance(15 * 60)
    assert tiles(window, RosterRole.QUIET)[row] is True and tiles(window, RosterRole.SILENT_MINUTES)[row] == 15


def test_coming_back_still_counts_after_a_restart_and_undoing_it_takes_it_back(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """When someone came back is read from their spell away, so a resumed session still counts them as quiet only from
    then (it lived in memory alone, and after a restart they were quiet since they were last heard, time away and
    all); and Undo of coming back takes that moment back with it."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    click_tile(window, tiles(window, RosterRole.NAME).index("Bo Day"))
    fake_clock.advance(5 * 60)
    choose(window, "Bo Day", "Left the session")
    fake_clock.advance(20 * 60)
    choose(window, "Bo Day", "Back in the session")
    fake_clock.advance(5 * 60)
    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session.id, session.team_id)

    row = tiles(window, RosterRole.NAME).index("Bo Day")
    assert tiles(window, RosterRole.QUIET)[row] is False
    assert window.participation_panel.tally.silent_for(ids_of(window)["Bo Day"]) == 5 * 60
    window.participation_panel.undo_button.click()  # they had not come back after all
    fake_clock.advance(1)  # a click apart, not a double click
    window.participation_panel.undo_button.click()  # nor left
    assert tiles(window, RosterRole.QUIET)[row] is True and tiles(window, RosterRole.SILENT_MINUTES)[row] == 30


def test_a_resumed_session_shows_who_had_left(clocked_window: MainWindow, fake_clock: FakeClock) -> None:
    """After a crash the tiles come back from the database: who had left, and when, with them."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    fake_clock.advance(25 * 60)
    left = fake_clock.now()
    choose(window, "Cy Vale", "Left the session")
    keys = tiles(window, RosterRole.SHORTCUT)
    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session.id, session.team_id)
    row = tiles(window, RosterRole.NAME).index("Cy Vale")
    assert tiles(window, RosterRole.LEFT_AT)[row] == at_clock(left)
    assert tiles(window, RosterRole.SHORTCUT) == keys
    assert window.participation_panel.tally.left_at == {ids_of(window)["Cy Vale"]: left}


def test_a_departure_refused_by_the_disk_is_saved_by_retry_at_the_time_they_left(
    clocked_window: MainWindow, fake_clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copdesk.services.sessions import mark_left

    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    target = "copdesk.views.live.participation.tile_menu.mark_left"

    def disk_full(*_args: object) -> None:
        raise StorageFullError(STORAGE_FULL_MESSAGE)

    monkeypatch.setattr(target, disk_full)
    left = fake_clock.now()
    choose(window, "Ash Lee", "Left the session")
    assert tiles(window, RosterRole.LEFT_AT) == [""] * len(TEAM), "nothing shown as saved until it is"
    monkeypatch.setattr(target, mark_left)
    fake_clock.advance(5 * 60)
    assert window.context.writes.retry()
    ash = ids_of(window)["Ash Lee"]
    assert time_away.away_now(window.context.db, session.id) == {ash: left}
    assert tiles(window, RosterRole.LEFT_AT)[tiles(window, RosterRole.NAME).index("Ash Lee")] == at_clock(left)


def test_stepping_out_twice_keeps_both_spells_and_the_tile_says_when_while_away(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """Back in the session cleared when they had left, and leaving again overwrote it: the time away was lost. Each
    spell now stays, and the tile shows "left 10:20" only while they are away."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    db, row = window.context.db, tiles(window, RosterRole.NAME).index("Bo Day")
    fake_clock.advance(20 * 60)
    first = fake_clock.now()
    choose(window, "Bo Day", "Left the session")
    assert tiles(window, RosterRole.LEFT_AT)[row] == at_clock(first)
    fake_clock.advance(25 * 60)
    back = fake_clock.now()
    choose(window, "Bo Day", "Back in the session")
    assert tiles(window, RosterRole.LEFT_AT)[row] == ""
    fake_clock.advance(5 * 60)
    second = fake_clock.now()
    choose(window, "Bo Day", "Left the session")
    assert tiles(window, RosterRole.LEFT_AT)[row] == at_clock(second)
    assert [(s.left_at, s.back_at) for s in time_away.spells(db, session.id)] == [(first, back), (second, None)]


def test_undo_takes_back_leaving_and_coming_back_in_the_order_made_after_a_restart(
    clocked_window: MainWindow, fake_clock: FakeClock
) -> None:
    """After a crash, Undo took back the last contribution first, however many marks of leaving or coming back came
    after it, and never those marks: now each is placed among the other acts by when it was made."""
    window = clocked_window
    add_team(window, TEAM)
    session = start_session(window, present=TEAM)
    panel, db, ids = window.participation_panel, window.context.db, ids_of(window)
    fake_clock.advance(20 * 60)
    bo_left = fake_clock.now()
    choose(window, "Bo Day", "Left the session")
    fake_clock.advance(60)
    click_tile(window, tiles(window, RosterRole.NAME).index("Ash Lee"))
    fake_clock.advance(24 * 60)
    choose(window, "Bo Day", "Back in the session")
    fake_clock.advance(60)
    choose(window, "Cy Vale", "Left the session")
    window.live_session.finish()  # the app "closes" without the session ending in the store
    window.live_session.begin(session.id, session.team_id)

    assert panel.undo_button.toolTip() == "Take back that Cy Vale left the session (Ctrl+Z)"
    panel.undo_button.click()
    assert time_away.away_now(db, session.id) == {}
    assert tiles(window, RosterRole.LEFT_AT) == [""] * len(TEAM)
    assert panel.undo_button.toolTip() == "Take back that Bo Day came back (Ctrl+Z)"
    fake_clock.advance(1)  # a second click, not a double click
    panel.undo_button.click()
    assert time_away.away_now(db, session.id) == {ids["Bo Day"]: bo_left}
    assert tiles(window, RosterRole.LEFT_AT)[tiles(window, RosterRole.NAME).index("Bo Day")] == at_clock(bo_left)
    assert panel.undo_button.toolTip() == "Undo Ash Lee's last contribution (Ctrl+Z)"
    fake_clock.advance(1)  # a click apart, not a double click
    panel.undo_button.click()
    assert participation.contributions(db, session.id) == []
    assert panel.undo_button.toolTip() == "Take back that Bo Day left the session (Ctrl+Z)"
    fake_clock.advance(1)  # a click apart, not a double click
    panel.undo_button.click()
    assert time_away.spells(db, session.id) == []
    assert not panel.undo_button.isEnabled()
