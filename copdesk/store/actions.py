"""Actions agreed in a session, and each review of them in a later session.

"Remember to follow up on any agreed actions" (masterclass, planning a team CoP): an action stays
open until a review marks it done or dropped, and every carry is a row in ``action_review``. A
unique index makes it impossible to carry one action twice in one session.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import Action, ActionStatus, ReviewOutcome
from copdesk.store.tables import insert_row

_SELECT = """
SELECT action.*,
       (SELECT count(*) FROM action_review r WHERE r.action_id = action.id AND r.outcome = 'carried') AS times_carried
FROM action
"""


def _action(row: dict[str, Any]) -> Action:
    due = row["due_date"]
    return Action(
        id=int(row["id"]),
        team_id=int(row["team_id"]),
        origin_session_id=row["origin_session_id"],
        text=str(row["text"]),
        owner_member_id=row["owner_member_id"],
        owner_name=row["owner_name"],
        due=date.fromisoformat(due) if due else None,
        status=ActionStatus(row["status"]),
        times_carried=int(row["times_carried"]),
    )


def add_action(
    db: Database,
    team_id: int,
    text: str,
    now: datetime,
    *,
    origin_session_id: int | None = None,
    owner_member_id: int | None = None,
    owner_name: str | None = None,
    due: date | None = None,
) -> Action:
    row = {
        "team_id": team_id,
        "origin_session_id": origin_session_id,
        "text": text.strip(),
        "owner_member_id": owner_member_id,
        "owner_name": owner_name,
        "due_date": due.isoformat() if due else None,
        "status": ActionStatus.OPEN.value,
        "created_at": to_utc_iso(now),
    }
    return get_action(db, insert_row(db, "action", row))


def get_action(db: Database, action_id: int) -> Action:
    return _action(next(db.query(_SELECT + " WHERE action.id = ?", [action_id])))


def actions_for_team(db: Database, team_id: int, status: ActionStatus | None = None) -> list[Action]:
    sql = _SELECT + " WHERE action.team_id = ?" + (" AND action.status = ?" if status else "")
    params: list[object] = [team_id, *([status.value] if status else [])]
    return [_action(r) for r in db.query(sql + " ORDER BY coalesce(due_date, '9999'), id", params)]


def review_action(
    db: Database, action_id: int, session_id: int, outcome: ReviewOutcome, now: datetime, detail: str = ""
) -> Action:
    """Record one review; done and dropped also close the action, atomically."""
    stamp = to_utc_iso(now)
    with db.atomic():
        db.table("action_review").insert(
            {"action_id": action_id, "session_id": session_id, "outcome": outcome.value, "detail": detail, "at": stamp}
        )
        if outcome in (ReviewOutcome.DONE, ReviewOutcome.DROPPED):
            db.table("action").update(action_id, {"status": outcome.value, "closed_at": stamp})
    return get_action(db, action_id)


def reviews(db: Database, action_id: int) -> list[dict[str, Any]]:
    sql = "SELECT session_id, outcome, detail, at FROM action_review WHERE action_id = ? ORDER BY id"
    return list(db.query(sql, [action_id]))


def update_action(
    db: Database,
    action_id: int,
    *,
    owner_member_id: int | None = None,
    owner_name: str | None = None,
    due: date | None = None,
) -> None:
    db.table("action").update(
        action_id,
        {"owner_member_id": owner_member_id, "owner_name": owner_name, "due_date": due.isoformat() if due else None},
    )
