"""The acts of a live session kept for Undo after a restart (schema 39): each in the order made, and who was taken off
the attendance as marked present by mistake, with when they had come; gone when the session ends, and with the
member or the session."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.agenda import load_template_folder
from copdesk.core.model import MarkerKind, Role, SessionKind
from copdesk.services.data_care import erase_member
from copdesk.services.participation import log_contribution, log_marker, undo_contribution, undo_marker
from copdesk.services.sessions import (
    SessionPlan,
    add_latecomers,
    discard_session,
    end_session,
    mark_back,
    mark_left,
    put_back_attendee,
    remove_attendee,
    resumed,
    start_session,
    undo_back,
)
from copdesk.store import live_acts, sessions, teams
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, new_backup_path
from copdesk.store.live_acts import Act

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
AGENDA = load_template_folder(paths.resource_path("agendas"))[SessionKind.REFLECTIVE]
TEAM = [("Ash Lee", Role.FACILITATOR), ("Bo Day", Role.PRACTITIONER), ("Cy Vale", Role.PRACTITIONER)]


def _live(db: Database, guests: tuple[str, ...] = (), team_name: str = "Harbour Team") -> tuple[int, dict[str, int]]:
    team = teams.create_team(db, team_name, TEAM, NOW)
    ids = {m.display_name: m.id for m in teams.list_members(db, team.id)}
    plan = SessionPlan(team.id, SessionKind.REFLECTIVE, "Carers", None, tuple(ids.values()), guests, AGENDA, True)
    return start_session(db, plan, NOW).id, ids


def _acts(db: Database, session_id: int) -> list[tuple[str, int]]:
    sql = "SELECT act, row_id FROM live_act WHERE session_id = ? ORDER BY id"
    return [(str(act), int(row_id)) for act, row_id in db.execute(sql, [session_id]).fetchall()]


def test_each_act_is_kept_in_the_order_made_and_goes_when_taken_back(db: Database) -> None:
    session_id, ids = _live(db)
    marker = log_marker(db, session_id, MarkerKind.TENSION, NOW)
    tick = log_contribution(db, session_id, ids["Bo Day"], NOW)  # the same second, after the marker
    spell = mark_left(db, session_id, ids["Cy Vale"], NOW)
    mark_back(db, session_id, ids["Cy Vale"], NOW)
    assert _acts(db, session_id) == [("marker", marker), ("tick", tick), ("left", spell.id), ("back", spell.id)]
    placed = live_acts.placing(db, session_id)
    assert placed(Act.MARKER, marker, NOW) < placed(Act.TICK, tick, NOW)

    undo_back(db, session_id, spell.id)
    undo_contribution(db, tick)
    undo_marker(db, marker)
    assert _acts(db, session_id) == [("left", spell.id)]


def test_someone_taken_off_is_put_back_as_having_come_when_they_had(db: Database) -> None:
    session_id, ids = _live(db, guests=("Sam Guest",))
    [di] = add_latecomers(db, session_id, [], ["Di Moss"], NOW + timedelta(minutes=5))
    add_latecomers(db, session_id, [], ["Eve Park"], NOW + timedelta(minutes=6))
    came = sessions.arrivals(db, session_id)
    kept = remove_attendee(db, session_id, ids["Bo Day"])
    guest = remove_attendee(db, session_id, di)  # a guest of this session alone: gone from the roster
    assert [(row.member_id, row.guest_name) for row in live_acts.taken_off(db, session_id)] == [
        (ids["Bo Day"], None),
        (None, "Di Moss"),
    ]

    back = put_back_attendee(db, session_id, guest, NOW + timedelta(minutes=9))
    assert teams.get_member(db, back).display_name == "Di Moss"
    put_back_attendee(db, session_id, kept, NOW + timedelta(minutes=9))
    assert sessions.arrivals(db, session_id) == {**{m: at for m, at in came.items() if m != di}, back: came[di]}
    assert ids["Bo Day"] in sessions.attendee_ids(db, session_id) and ids["Bo Day"] not in sessions.arrivals(
        db, session_id
    ), "there from the start, as before"
    assert live_acts.taken_off(db, session_id) == [] and _acts(db, session_id) == []
    with pytest.raises(ValueError, match="no longer kept"):
        put_back_attendee(db, session_id, kept, NOW + timedelta(minutes=9))


def test_latecomers_of_the_same_second_are_kept_in_the_order_marked_present_each_batch_in_name_order(
    db: Database,
) -> None:
    """The stamps are kept to the second, so only the rows' order tells two batches of the same second apart: the
    tiles' order after a restart (the participation pane keeps them in this order)."""
    session_id, ids = _live(db)
    sessions.set_attendance(db, session_id, [ids["Ash Lee"]])
    came = NOW + timedelta(minutes=5)
    add_latecomers(db, session_id, [ids["Cy Vale"]], ["Zoe Hart", "Al Bright"], came)
    add_latecomers(db, session_id, [ids["Bo Day"]], [], came)
    names = [teams.get_member(db, member_id).display_name for member_id in sessions.arrivals(db, session_id)]
    assert names == ["Al Bright", "Cy Vale", "Zoe Hart", "Bo Day"]


def test_they_go_when_the_session_ends_and_with_the_member_or_the_session(db: Database, db_path: Path) -> None:
    """A guest's name kept to put them back is not kept once Undo is over; erasing a member taken off takes who it
    was, and discarding the session takes the rest."""
    session_id, ids = _live(db, guests=("Sam Guest",))
    guest = next(m.id for m in teams.list_members(db, 1) if m.display_name == "Sam Guest")
    remove_attendee(db, session_id, guest)
    log_contribution(db, session_id, ids["Ash Lee"], NOW)
    end_session(db, session_id, NOW + timedelta(hours=1), NOW + timedelta(hours=1))
    assert live_acts.taken_off(db, session_id) == [] and _acts(db, session_id) == []

    later, ids = _live(db, team_name="Quay Team")
    remove_attendee(db, later, ids["Bo Day"])
    remove_attendee(db, later, ids["Cy Vale"])
    erase_member(db, db_path, ids["Bo Day"], NOW + timedelta(hours=2))
    assert [row.member_id for row in live_acts.taken_off(db, later)] == [ids["Cy Vale"]]
    discard_session(db, later, NOW + timedelta(hours=2))
    assert db.execute("SELECT count(*) FROM attendance_taken_off").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM live_act").fetchone()[0] == 0


def test_erasing_a_member_mid_session_takes_their_acts_and_leaves_the_others(db: Database, db_path: Path) -> None:
    """Erased while the session was live, a member's ticks and spells away went, but the acts that pointed at them
    stayed (ids of nothing) until the session ended. They go with the member now; the room's and others' stay."""
    session_id, ids = _live(db)
    marker = log_marker(db, session_id, MarkerKind.TENSION, NOW)
    log_contribution(db, session_id, ids["Bo Day"], NOW)
    spell = mark_left(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=1))
    mark_back(db, session_id, ids["Bo Day"], NOW + timedelta(minutes=2))
    tick = log_contribution(db, session_id, ids["Ash Lee"], NOW + timedelta(minutes=3))
    assert ("left", spell.id) in _acts(db, session_id)
    copy = backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW + timedelta(minutes=3)))

    erase_member(db, db_path, ids["Bo Day"], NOW + timedelta(minutes=4))
    assert _acts(db, session_id) == [("marker", marker), ("tick", tick)]
    backup = Database(copy)
    try:
        assert _acts(backup, session_id) == [("marker", marker), ("tick", tick)], "and in the backup it cleans"
    finally:
        backup.close()


def test_a_guest_taken_off_is_forgotten_when_added_again_or_when_their_name_is_erased(
    db: Database, db_path: Path
) -> None:
    """Added again with Add person…, someone taken off is no longer kept for Undo (which would put them back as having
    come at the start). A guest of the session alone is kept by name only: erasing a member of that name takes it."""
    session_id, ids = _live(db, guests=("Sam Guest",))
    guest = next(m.id for m in teams.list_members(db, 1) if m.display_name == "Sam Guest")
    remove_attendee(db, session_id, guest)
    remove_attendee(db, session_id, ids["Bo Day"])
    add_latecomers(db, session_id, [ids["Bo Day"]], [], NOW + timedelta(minutes=20))
    assert [row.guest_name for row in live_acts.taken_off(db, session_id)] == ["Sam Guest"]
    assert ("taken-off", 2) not in _acts(db, session_id)

    sam = teams.add_member(db, 1, "Sam Guest", Role.PRACTITIONER, NOW + timedelta(days=1))  # joins the team later
    erase_member(db, db_path, sam.id, NOW + timedelta(days=2))
    assert live_acts.taken_off(db, session_id) == [] and _acts(db, session_id) == []


def test_a_guest_name_held_for_undo_goes_when_the_session_is_resumed_on_a_later_day_or_discarded(db: Database) -> None:
    """A session never ended kept a guest taken off by mistake, by name, for ever. Resumed the same day, Undo may still
    put them back; resumed on a later day (the meeting is over) or discarded, the name goes."""
    session_id, ids = _live(db, guests=("Sam Guest",))
    guest = next(m.id for m in teams.list_members(db, 1) if m.display_name == "Sam Guest")
    remove_attendee(db, session_id, guest)
    remove_attendee(db, session_id, ids["Bo Day"])
    saved = NOW.astimezone().replace(hour=10, minute=0)  # the morning, wherever the laptop is

    assert not resumed(db, session_id, saved, saved + timedelta(hours=2))
    assert not resumed(db, session_id, None, saved + timedelta(days=3))  # never saved: nothing to go by
    assert [row.guest_name for row in live_acts.taken_off(db, session_id)] == ["Sam Guest", None]
    assert resumed(db, session_id, saved, saved + timedelta(days=1))
    assert live_acts.taken_off(db, session_id) == [] and _acts(db, session_id) == []

    later, _ = _live(db, guests=("Wren Hart",), team_name="Quay Team")
    remove_attendee(db, later, next(m.id for m in teams.list_members(db, 2) if m.display_name == "Wren Hart"))
    discard_session(db, later, NOW + timedelta(hours=1))
    assert db.execute("SELECT count(*) FROM attendance_taken_off").fetchone()[0] == 0


def test_a_guest_who_cannot_come_back_under_their_name_is_no_longer_kept_for_undo(db: Database) -> None:
    """Someone of the guest's name put on the roster since (the Team page) refuses Undo: the refusal says why, and the
    name is no longer kept, so a resumed session does not offer the same refused Undo again."""
    session_id, _ = _live(db, guests=("Sam Lee",))
    guest = next(m.id for m in teams.list_members(db, 1) if m.display_name == "Sam Lee")
    taken_off_id = remove_attendee(db, session_id, guest)
    teams.add_member(db, 1, "Sam Lee", Role.PRACTITIONER, NOW + timedelta(minutes=5))

    with pytest.raises(ValueError, match="Sam Lee is already on this team's roster, so the guest cannot be put back"):
        put_back_attendee(db, session_id, taken_off_id, NOW + timedelta(minutes=6))

    assert live_acts.taken_off(db, session_id) == [] and _acts(db, session_id) == []


def test_a_guest_held_under_a_name_kept_from_before_names_needed_a_letter_is_put_back_under_it(db: Database) -> None:
    """A guest taken off by an earlier CoPDesk, held as "🦉" (a name of no letter, which a person's name now needs),
    could not be put back: Undo refused it with "Member name has no letter in it", as if the facilitator had typed it.
    The name CoPDesk kept is put back as it was."""
    session_id, _ = _live(db, guests=("Sam Lee",))
    guest = next(m.id for m in teams.list_members(db, 1) if m.display_name == "Sam Lee")
    taken_off_id = remove_attendee(db, session_id, guest)
    db.execute("UPDATE attendance_taken_off SET guest_name = '🦉' WHERE id = ?", [taken_off_id])  # as held then

    back = put_back_attendee(db, session_id, taken_off_id, NOW + timedelta(minutes=6))

    assert teams.get_member(db, back).display_name == "🦉" and back in sessions.attendee_ids(db, session_id)
    assert live_acts.taken_off(db, session_id) == []
