"""Following up agreed actions in later sessions ("Remember to follow up on any agreed actions").

Nothing is copied from one session to the next. A session's follow-up list is *computed*: the team's
actions agreed in sessions that come earlier in the team's session order (started, else planned, else
created; then id), that are still open or were closed in this very session. Other tools copy actions into
"the next session" when it is created, so a session created in advance either misses the actions agreed
in between or gets them twice; ordering by time instead of by "the previous session" has neither problem.
Each review is a row in ``action_review``, and the unique index there stops an action being carried or
closed twice in one session, whatever the screen does. This module reads; the reviews themselves (and the
automatic carry at the end of a session) are :mod:`copdesk.services.follow_ups`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from copdesk.core.clock import local_day
from copdesk.core.model import Action, ReviewOutcome
from copdesk.store.actions import _SELECT as ACTIONS_WITH_CARRIES
from copdesk.store.actions import _action

# Where a session sits in its team's history: the same order ``sessions.list_sessions`` uses.
SESSION_ORDER = "coalesce({s}.started_at, {s}.planned_start, {s}.created_at)"
# At most one of these per action and session (the unique index ``action_review_once``).
ONCE_PER_SESSION = frozenset({ReviewOutcome.CARRIED, ReviewOutcome.DONE, ReviewOutcome.DROPPED})


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An earlier action as it stands in this session.

    ``outcome`` is its latest review here, if any; ``settled_by`` is the review that carried, closed or
    dropped it here (at most one, by the unique index), which is what Undo takes back.
    """

    action: Action
    origin_session_date: date | None
    outcome: ReviewOutcome | None
    settled_by: int | None


def _local_date(stamp: str | None) -> date | None:
    return local_day(stamp) if stamp else None


_FOLLOW_UP_SQL = f"""
WITH current AS (
    SELECT id, team_id, {SESSION_ORDER.format(s="session")} AS placed FROM session WHERE id = :session_id
)
SELECT action.*,
       {SESSION_ORDER.format(s="origin")} AS origin_placed,
       (SELECT r.outcome FROM action_review r WHERE r.action_id = action.id AND r.session_id = current.id
        ORDER BY r.id DESC LIMIT 1) AS latest_outcome,
       (SELECT r.id FROM action_review r WHERE r.action_id = action.id AND r.session_id = current.id
        AND r.outcome IN ('carried', 'done', 'dropped')) AS settled_by
FROM ({ACTIONS_WITH_CARRIES}) AS action
JOIN current ON action.team_id = current.team_id
LEFT JOIN session origin ON origin.id = action.origin_session_id
WHERE (
        (origin.id IS NULL AND action.created_at < current.placed)
        OR ({SESSION_ORDER.format(s="origin")}, origin.id) < (current.placed, current.id)
      )
  AND (
        action.status = 'open'
        OR EXISTS (SELECT 1 FROM action_review r WHERE r.action_id = action.id AND r.session_id = current.id
                   AND r.outcome IN ('done', 'dropped'))
      )
ORDER BY coalesce(origin_placed, action.created_at), action.id
"""


def follow_up_actions(db: Database, session_id: int) -> list[FollowUp]:
    """The "Follow up on agreed actions" list of a session; each action appears once."""
    return [
        FollowUp(
            _action(row),
            _local_date(row["origin_placed"]),
            ReviewOutcome(row["latest_outcome"]) if row["latest_outcome"] else None,
            row["settled_by"],
        )
        for row in db.query(_FOLLOW_UP_SQL, {"session_id": session_id})
    ]


def reviewed_in(db: Database, action_id: int, session_id: int) -> set[ReviewOutcome]:
    sql = "SELECT outcome FROM action_review WHERE action_id = ? AND session_id = ?"
    return {ReviewOutcome(r["outcome"]) for r in db.query(sql, [action_id, session_id])}


def actions_agreed_in(db: Database, session_id: int) -> list[Action]:
    sql = ACTIONS_WITH_CARRIES + " WHERE action.origin_session_id = ? ORDER BY action.id"
    return [_action(r) for r in db.query(sql, [session_id])]


def open_actions_with_origin(db: Database, team_id: int) -> list[tuple[Action, date | None]]:
    """Every open action of the team, with the local date of the session that agreed it."""
    sql = f"""
        SELECT action.*, {SESSION_ORDER.format(s="origin")} AS origin_placed FROM ({ACTIONS_WITH_CARRIES}) AS action
        LEFT JOIN session origin ON origin.id = action.origin_session_id
        WHERE action.team_id = ? AND action.status = 'open' ORDER BY action.id
    """
    return [(_action(r), _local_date(r["origin_placed"])) for r in db.query(sql, [team_id])]
