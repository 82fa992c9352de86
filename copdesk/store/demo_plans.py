"""The demo's roles around the facilitator: a co-facilitator and a format for the sessions the team ran, a little
anonymous feedback, and a plan for its next session, so a first look at CoPDesk shows them in use.

Written without the demo's random numbers (by position only), so the rest of the demo history stays as it was.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlite_utils import Database

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Role, SessionKind
from copdesk.core.planning import NextSessionPlan, SessionRoles
from copdesk.store import feedback, planning, teams

FEEDBACK = ((5, "More time for questions"), (4, ""), (4, "Start on time"), (3, "Try a podcast next time"), (5, ""))
NEXT_PLAN_NOTE = "The case includes a sudden death at home."
NEXT_PLAN_SUPPORT = "The Practice Supervisor is free for a chat after the session."


def add_demo_roles(db: Database, team_id: int, now: datetime) -> None:
    """Roles and formats on the team's own held sessions, feedback on the last few, and the next session's plan."""
    members = teams.list_members(db, team_id)
    co_facilitator = next((m.id for m in members if m.role is Role.CO_FACILITATOR), None)
    formats = [point.key for point in shipped_texts().content_formats]
    rows = list(
        db.query(
            "SELECT id, kind, started_at FROM session WHERE team_id = ? AND status = 'ended' ORDER BY started_at",
            [team_id],
        )
    )
    run = [row for row in rows if not shipped_texts().is_attended(SessionKind(row["kind"]))]
    for index, row in enumerate(run):
        format_key = formats[0] if index % 2 == 0 else formats[(index // 2) % 3 + 1]  # cases, and some variety
        planning.set_session_roles(db, int(row["id"]), SessionRoles(co_facilitator, format_key))
    for position, row in enumerate(run[-3:]):
        for usefulness, to_change in FEEDBACK[position : position + 3]:
            feedback.add_feedback(db, int(row["id"]), usefulness, to_change, now)
    upcoming = planning.next_run_session(db, team_id, now)
    practitioners = [m.id for m in members if m.role is Role.PRACTITIONER]
    if upcoming is not None and practitioners:
        plan = NextSessionPlan(
            practitioners[-1],
            (now - timedelta(days=3)).astimezone().date(),
            SessionRoles(co_facilitator, formats[0], NEXT_PLAN_NOTE, NEXT_PLAN_SUPPORT),
        )
        planning.save_next_session_plan(db, team_id, upcoming.moment.date(), plan, now)
