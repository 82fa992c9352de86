"""Actions agreed in a session, and each review of them in a later session: the repository.

"Remember to follow up on any agreed actions" (masterclass, planning a team CoP): an action stays
open until a review marks it done or dropped, and every carry is a row in ``action_review``. A
unique index makes it impossible to carry one action twice in one session. "Times carried" is read from
the view ``action_carry`` (migration 0010), the one place that says what counts as a carry. The acts
(agree, review, undo) are :mod:`copdesk.services.follow_ups`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.model import Action, ActionStatus, ReviewOutcome
from copdesk.store.tables import insert_row

_SELECT = """
SELECT action.*,
       (SELECT count(*) FROM action_carry c WHERE c.action_id = action.id) AS times_carried
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


@dataclass(frozen=True, slots=True)
class Review:
    id: int
    action_id: int
    session_id: int
    outcome: ReviewOutcome
    automatic: bool  # the carry made at the end of a session for a follow-up nobody reviewed


def review_action(
    db: Database,
    action_id: int,
    session_id: int,
    outcome: ReviewOutcome,
    now: datetime,
    detail: str = "",
    *,
    automatic: bool = False,
) -> Action:
    """Record one review; done and dropped also close the action, atomically."""
    stamp = to_utc_iso(now)
    with db.atomic():
        db.table("action_review").insert(
            {
                "action_id": action_id,
                "session_id": session_id,
                "outcome": outcome.value,
                "detail": detail,
                "at": stamp,
                "automatic": int(automatic),
            }
        )
        if outcome in (ReviewOutcome.DONE, ReviewOutcome.DROPPED):
            db.table("action").update(action_id, {"status": outcome.value, "closed_at": stamp})
    return get_action(db, action_id)


def reviews(db: Database, action_id: int) -> list[dict[str, Any]]:
    sql = "SELECT session_id, outcome, detail, at, automatic FROM action_review WHERE action_id = ? ORDER BY id"
    return list(db.query(sql, [action_id]))


def get_review(db: Database, review_id: int) -> Review:
    row = db.execute(
        "SELECT id, action_id, session_id, outcome, automatic FROM action_review WHERE id = ?", [review_id]
    ).fetchone()
    return Review(int(row[0]), int(row[1]), int(row[2]), ReviewOutcome(row[3]), bool(row[4]))


def delete_review(db: Database, review_id: int) -> None:
    db.execute("DELETE FROM action_review WHERE id = ?", [review_id])


def reopen_action(db: Database, action_id: int) -> None:
    db.table("action").update(action_id, {"status": ActionStatus.OPEN.value, "closed_at": None})


def delete_action(db: Database, action_id: int) -> None:
    db.execute("DELETE FROM action WHERE id = ?", [action_id])


def reword_action(db: Database, action_id: int, text: str) -> None:
    db.table("action").update(action_id, {"text": text})


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
