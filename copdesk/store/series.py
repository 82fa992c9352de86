"""A team's recurring session series, each a dateutil rule text (see ``copdesk.core.schedule``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import Series, SessionKind
from copdesk.core.series_history import Rhythm
from copdesk.store.tables import insert_row


def _series(row: dict[str, Any]) -> Series:
    return Series(
        id=int(row["id"]),
        team_id=int(row["team_id"]),
        kind=SessionKind(row["kind"]),
        rule=str(row["rule"]),
        duration_minutes=int(row["duration_minutes"]),
        active=bool(row["active"]),
    )


def add_series(
    db: Database, team_id: int, kind: SessionKind, rule: str, now: datetime, duration_minutes: int = 60
) -> Series:
    row = {
        "team_id": team_id,
        "kind": SessionKind(kind).value,
        "rule": rule,
        "duration_minutes": duration_minutes,
        "active": 1,
        "created_at": to_utc_iso(now),
    }
    return get_series(db, insert_row(db, "series", row))


def get_series(db: Database, series_id: int) -> Series:
    return _series(db.table("series").get(series_id))


def series_for_team(db: Database, team_id: int, *, include_inactive: bool = False) -> list[Series]:
    sql = "SELECT * FROM series WHERE team_id = ?" + ("" if include_inactive else " AND active = 1") + " ORDER BY id"
    return [_series(r) for r in db.query(sql, [team_id])]


def set_series_active(db: Database, series_id: int, active: bool, now: datetime) -> None:
    """Pause or resume a series, and keep when (``series_pause``), so a past quarter still counts the dates its
    calendar held before the pause. Asking for the state it is in changes nothing."""
    if get_series(db, series_id).active == active:
        return
    db.table("series").update(series_id, {"active": int(active)})
    if active:
        db.execute(
            "UPDATE series_pause SET resumed_at = ? WHERE series_id = ? AND resumed_at IS NULL",
            [to_utc_iso(now), series_id],
        )
    else:
        db.execute("INSERT INTO series_pause (series_id, paused_at) VALUES (?, ?)", [series_id, to_utc_iso(now)])


def pauses(db: Database, team_id: int) -> dict[int, list[tuple[str | None, str | None]]]:
    """Each of the team's series' pauses, as (paused at, resumed at) in UTC text: ``None`` for a pause whose start
    was not kept (made before pauses were), or one still on."""
    sql = (
        "SELECT p.series_id, p.paused_at, p.resumed_at FROM series_pause p JOIN series s ON s.id = p.series_id "
        "WHERE s.team_id = ? ORDER BY p.id"
    )
    found: dict[int, list[tuple[str | None, str | None]]] = {}
    for row in db.query(sql, [team_id]):
        found.setdefault(int(row["series_id"]), []).append((row["paused_at"], row["resumed_at"]))
    return found


def update_series(
    db: Database, series_id: int, *, kind: SessionKind, rule: str, duration_minutes: int, now: datetime
) -> Series:
    """Replace a series' rhythm in one write, so a half-edited series (new kind, old rule) never exists. A changed
    type, rule or length keeps the one it replaces, with when (``series_rhythm``), so a past quarter still counts the
    dates its calendar held then (:func:`rhythms`) and the meetings already held keep their length."""
    before = get_series(db, series_id)
    if (before.kind, before.rule, before.duration_minutes) != (SessionKind(kind), rule, duration_minutes):
        db.execute(
            "INSERT INTO series_rhythm (series_id, kind, rule, duration_minutes, replaced_at) VALUES (?, ?, ?, ?, ?)",
            [series_id, before.kind.value, before.rule, before.duration_minutes, to_utc_iso(now)],
        )
    row = {"kind": SessionKind(kind).value, "rule": rule, "duration_minutes": duration_minutes}
    db.table("series").update(series_id, row)
    return get_series(db, series_id)


def rhythms(db: Database, team_id: int) -> dict[int, list[tuple[Rhythm, str]]]:
    """Each of the team's series' earlier rhythms, oldest first, with when each was replaced (UTC text). A series
    changed before rhythms were kept has none: its present rhythm counts from the beginning."""
    sql = (
        "SELECT r.series_id, r.kind, r.rule, r.duration_minutes, r.replaced_at FROM series_rhythm r "
        "JOIN series s ON s.id = r.series_id WHERE s.team_id = ? ORDER BY r.id"
    )
    found: dict[int, list[tuple[Rhythm, str]]] = {}
    for row in db.query(sql, [team_id]):
        rhythm = Rhythm(SessionKind(row["kind"]), str(row["rule"]), int(row["duration_minutes"]))
        found.setdefault(int(row["series_id"]), []).append((rhythm, str(row["replaced_at"])))
    return found
