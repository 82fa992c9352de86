"""Deleting sessions older than the team's retention period: what goes, in the live file and in any copy.

What goes: each old session with everything hanging off it (agenda, attendance and time away, contributions,
markers, notes, questions asked, issue mentions, action reviews); actions that came from those
sessions and are closed; issues that are no longer open and have no mention left. Open actions stay
(their text is still work to do), and so do live sessions. Copies taken before the cut-off hold
nothing newer and are deleted whole; later ones get the same deletion (:mod:`copdesk.services.data_care`
runs it everywhere). The audit log records the counts, never what was deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.retention import retention_cutoff

_OLD_SESSIONS = """
SELECT id FROM session
WHERE status <> 'live' AND coalesce(ended_at, started_at, planned_start, created_at) < :cutoff
"""


@dataclass(frozen=True, slots=True)
class RetentionCounts:
    cutoff: datetime
    sessions: int
    actions: int
    issues: int

    def summary(self) -> str:
        """The counts in words ("label: number", which reads right for 0, 1 and many)."""
        return f"sessions: {self.sessions} · closed actions: {self.actions} · closed issues: {self.issues}"

    def audit_detail(self, months: int) -> str:
        counts = f"{self.sessions} sessions, {self.actions} closed actions, {self.issues} issues"
        return f"retention {months} months: {counts}"


def preview_retention(db: Database, months: int, now: datetime) -> RetentionCounts:
    """What a retention of ``months`` would delete from the database, without deleting anything."""
    cutoff = retention_cutoff(now, months)
    return RetentionCounts(cutoff, *_counts(db, to_utc_iso(cutoff)))


def old_data_present(db: Database, cutoff: str) -> bool:
    return any(_counts(db, cutoff))


def _counts(db: Database, cutoff: str) -> tuple[int, int, int]:
    sessions = len(db.execute(_OLD_SESSIONS, {"cutoff": cutoff}).fetchall())
    actions = db.execute(f"SELECT count(*) FROM action WHERE {_OLD_ACTIONS}", {"cutoff": cutoff}).fetchone()[0]
    issues = db.execute(f"SELECT count(*) FROM issue WHERE {_OLD_ISSUES}", {"cutoff": cutoff}).fetchone()[0]
    return sessions, int(actions), int(issues)


_OLD_ACTIONS = f"status <> 'open' AND (origin_session_id IN ({_OLD_SESSIONS}) OR closed_at < :cutoff)"
# An issue goes once it is closed, older than the cut-off, and no remaining session mentions it.
_OLD_ISSUES = f"""status IN ('resolved', 'parked') AND coalesce(resolved_at, created_at) < :cutoff
AND NOT EXISTS (SELECT 1 FROM issue_mention m WHERE m.issue_id = issue.id AND m.session_id NOT IN ({_OLD_SESSIONS}))"""


def delete_older(db: Database, cutoff: str) -> None:
    """The deletion itself, inside the caller's transaction; on the live database and on each copy alike."""
    params = {"cutoff": cutoff}
    db.execute(f"DELETE FROM action WHERE {_OLD_ACTIONS}", params)
    db.execute(f"DELETE FROM issue WHERE {_OLD_ISSUES}", params)
    db.execute(f"DELETE FROM session WHERE id IN ({_OLD_SESSIONS})", params)
