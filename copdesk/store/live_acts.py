"""What Undo can take back in a live session, in the order made (``live_act``, schema 39), and who was taken off its
attendance as marked present by mistake (``attendance_taken_off``), so a session resumed after a restart takes back
the same acts in the same order as before it. The acts' own times are kept to the second, so they cannot order a tick
and a marker made in the same second; each act's id does. Only ids are kept here: nothing names anyone, but a guest
taken off who left the team's roster with it, whose name is kept to add them again, until the session ends (or is
resumed on a later day, or they are erased).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from sqlite_utils import Database

from copdesk.core.text import name_key
from copdesk.store.tables import insert_row


class Act(StrEnum):
    """What an act made; its ``row_id`` is a contribution, a marker, a spell away (begun or ended), or a taken-off
    row."""

    TICK = "tick"
    MARKER = "marker"
    LEFT = "left"
    BACK = "back"
    TAKEN_OFF = "taken-off"


class TakenOff(NamedTuple):
    """Someone taken off the attendance as marked present by mistake, and when they had come (None: from the start)."""

    id: int
    member_id: int | None  # None: a guest who left the team's roster with it
    guest_name: str | None  # only then
    arrived_at: str | None  # a stored UTC stamp


def made(db: Database, session_id: int, act: Act, row_id: int) -> None:
    insert_row(db, "live_act", {"session_id": session_id, "act": act.value, "row_id": row_id})


def taken_back(db: Database, act: Act, row_id: int) -> None:
    db.execute("DELETE FROM live_act WHERE act = ? AND row_id = ?", [act.value, row_id])


Place = tuple[int, float]
Placing = Callable[[Act, int, datetime | None], Place]


def placing(db: Database, session_id: int) -> Placing:
    """Where each act of a resumed session falls in the order made: by its place kept here, which a time kept to the
    second cannot give (a tick and a marker in the same second); an act made before schema 39 kept it is placed by its
    time (``at``), before every act kept here."""
    sql = "SELECT act, row_id, max(id) AS id FROM live_act WHERE session_id = ? GROUP BY act, row_id"
    order = {(Act(r["act"]), int(r["row_id"])): int(r["id"]) for r in db.query(sql, [session_id])}

    def placed(act: Act, row_id: int, at: datetime | None) -> Place:
        place = order.get((act, row_id))
        if place is not None:
            return 1, float(place)
        return 0, 0.0 if at is None else at.timestamp()

    return placed


def take_off(
    db: Database, session_id: int, member_id: int | None, guest_name: str | None, arrived_at: str | None
) -> int:
    """Keep who was taken off (``member_id``, or the name of a guest who left the roster with it), as an act."""
    row = {"session_id": session_id, "member_id": member_id, "guest_name": guest_name, "arrived_at": arrived_at}
    taken_off_id = insert_row(db, "attendance_taken_off", row)
    made(db, session_id, Act.TAKEN_OFF, taken_off_id)
    return taken_off_id


def taken_off(db: Database, session_id: int) -> list[TakenOff]:
    """Those taken off the session's attendance and not put back, in the order they were taken off."""
    sql = "SELECT id, member_id, guest_name, arrived_at FROM attendance_taken_off WHERE session_id = ? ORDER BY id"
    return [
        TakenOff(int(r["id"]), r["member_id"], r["guest_name"], r["arrived_at"]) for r in db.query(sql, [session_id])
    ]


def held_guests(db: Database, team_id: int) -> list[tuple[int, str]]:
    """Each guest taken off a live session of the team and kept by name (the only place CoPDesk then keeps their
    name), as (the row's id, the name as written), in the order taken off."""
    sql = (
        "SELECT t.id, t.guest_name FROM attendance_taken_off t JOIN session s ON s.id = t.session_id "
        "WHERE s.team_id = ? AND t.guest_name IS NOT NULL ORDER BY t.id"
    )
    return [(int(row[0]), str(row[1])) for row in db.execute(sql, [team_id]).fetchall()]


def put_back(db: Database, session_id: int, taken_off_id: int) -> TakenOff:
    """The taken-off row, which goes with its act: they are to be present again. ``ValueError`` when it is gone."""
    found = [row for row in taken_off(db, session_id) if row.id == taken_off_id]
    if not found:
        raise ValueError("That person is no longer kept as taken off this session.")
    forget_taken_off(db, taken_off_id)
    return found[0]


def forget_taken_off(db: Database, taken_off_id: int) -> None:
    """The row and its act go: Undo has no one to put back (put back, marked present again, erased, or a session
    resumed on a later day)."""
    db.execute("DELETE FROM attendance_taken_off WHERE id = ?", [taken_off_id])
    taken_back(db, Act.TAKEN_OFF, taken_off_id)


def forget_member(db: Database, member_id: int) -> None:
    """A member is erased: the acts that were theirs (their ticks, their spells away, their being taken off) go, with
    the row that kept them taken off, so nothing is left pointing at rows erased with them. Call before those go."""
    db.execute(
        "DELETE FROM live_act WHERE (act = 'tick' AND row_id IN (SELECT id FROM contribution WHERE member_id = :m)) "
        "OR (act IN ('left', 'back') AND row_id IN (SELECT id FROM attendance_away WHERE member_id = :m)) "
        "OR (act = 'taken-off' AND row_id IN (SELECT id FROM attendance_taken_off WHERE member_id = :m))",
        {"m": member_id},
    )
    db.execute("DELETE FROM attendance_taken_off WHERE member_id = ?", [member_id])


def marked_present_again(db: Database, session_id: int, member_ids: Sequence[int], guest_names: Sequence[str]) -> None:
    """Those taken off and then marked present again with Add person… (a member, or a guest of the same name): Undo
    would put back someone already there, at the time they had first come, so their rows go."""
    guests = {name_key(name) for name in guest_names}
    for row in taken_off(db, session_id):
        if row.member_id in member_ids or (row.guest_name is not None and name_key(row.guest_name) in guests):
            forget_taken_off(db, row.id)


def forget(db: Database, session_id: int) -> None:
    """The session has ended: Undo is over, and a guest's name kept for it goes."""
    db.execute("DELETE FROM live_act WHERE session_id = ?", [session_id])
    db.execute("DELETE FROM attendance_taken_off WHERE session_id = ?", [session_id])
