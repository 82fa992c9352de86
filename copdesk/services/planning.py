"""Planning the next session: who presents (and when they were asked), the format, the trigger warning and the
support offered, and the co-facilitator. One act, one transaction (see :mod:`copdesk.services`)."""

from __future__ import annotations

from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.planning import NextSessionPlan, SessionRoles
from copdesk.services import transaction
from copdesk.store import planning


def save_next_session_plan(
    db: Database, team_id: int, session_day: date | None, plan: NextSessionPlan, now: datetime
) -> NextSessionPlan:
    """Keep the plan for the team's session on ``session_day``; an empty plan forgets it. A plan that cannot be
    kept (an unknown format, a pasted control character) raises :class:`~copdesk.core.planning.PlanError`."""
    with transaction(db):
        return planning.save_next_session_plan(db, team_id, session_day, plan, now)


def change_session_roles(db: Database, session_id: int, roles: SessionRoles) -> None:
    """A co-facilitator named (or changed) once the session is live."""
    with transaction(db):
        planning.set_session_roles(db, session_id, roles)
