"""Deleting sessions older than the team's retention period, everywhere they are kept.

What goes: each old session with everything hanging off it (agenda, attendance, contributions,
markers, notes, questions asked, issue mentions, action reviews); actions that came from those
sessions and are closed; issues that are no longer open and have no mention left. Open actions stay
(their text is still work to do), and so do live sessions. Backups taken before the cut-off hold
nothing newer and are deleted; later backups get the same deletion. Quarantined damaged copies
older than the cut-off are deleted too. The audit log records the counts, never what was deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.retention import retention_cutoff
from copdesk.store.audit import record_event
from copdesk.store.recovery import quarantined_files
from copdesk.store.scrub import apply_to_backups, checkpoint_truncate, delete_securely

_OLD_SESSIONS = """
SELECT id FROM session
WHERE status <> 'live' AND coalesce(ended_at, started_at, planned_start, created_at) < :cutoff
"""


@dataclass(frozen=True, slots=True)
class RetentionReport:
    cutoff: datetime
    sessions: int
    actions: int
    issues: int
    backups_rewritten: int = 0
    backups_deleted: int = 0
    quarantined_deleted: int = 0

    def summary(self, *, done: bool) -> str:
        """The counts in words ("label: number", which reads right for 0, 1 and many)."""
        counts = f"sessions: {self.sessions} · closed actions: {self.actions} · closed issues: {self.issues}"
        return counts + (
            f" · backups deleted: {self.backups_deleted}, cleaned: {self.backups_rewritten}" if done else ""
        )


def preview_retention(db: Database, months: int, now: datetime) -> RetentionReport:
    """What :func:`apply_retention` would delete from the database, without deleting anything."""
    cutoff = retention_cutoff(now, months)
    return RetentionReport(cutoff, *_counts(db, to_utc_iso(cutoff)))


def apply_retention(db: Database, db_path: Path, months: int, now: datetime) -> RetentionReport:
    cutoff = retention_cutoff(now, months)
    stamp = to_utc_iso(cutoff)
    counts = _counts(db, stamp)
    delete_securely(db, lambda target: _delete_older(target, stamp))
    rewritten, deleted = apply_to_backups(
        db_path,
        lambda target: _delete_older(target, stamp),
        keep=lambda backup: backup.taken_at >= cutoff,
    )
    quarantined = _delete_old_quarantine(db_path, cutoff)
    report = RetentionReport(cutoff, *counts, rewritten, deleted, quarantined)
    record_event(
        db,
        "deleted",
        "session",
        None,
        now,
        f"retention {months} months: {report.sessions} sessions, {report.actions} closed actions, "
        f"{report.issues} issues; {deleted} backups deleted, {rewritten} cleaned, {quarantined} quarantined removed",
    )
    checkpoint_truncate(db)  # the audit entry too, so the -wal ends empty
    return report


def _counts(db: Database, cutoff: str) -> tuple[int, int, int]:
    sessions = len(db.execute(_OLD_SESSIONS, {"cutoff": cutoff}).fetchall())
    actions = db.execute(f"SELECT count(*) FROM action WHERE {_OLD_ACTIONS}", {"cutoff": cutoff}).fetchone()[0]
    issues = db.execute(f"SELECT count(*) FROM issue WHERE {_OLD_ISSUES}", {"cutoff": cutoff}).fetchone()[0]
    return sessions, int(actions), int(issues)


_OLD_ACTIONS = f"status <> 'open' AND (origin_session_id IN ({_OLD_SESSIONS}) OR closed_at < :cutoff)"
# An issue goes once it is closed, older than the cut-off, and no remaining session mentions it.
_OLD_ISSUES = f"""status IN ('resolved', 'parked') AND coalesce(resolved_at, created_at) < :cutoff
AND NOT EXISTS (SELECT 1 FROM issue_mention m WHERE m.issue_id = issue.id AND m.session_id NOT IN ({_OLD_SESSIONS}))"""


def _delete_older(db: Database, cutoff: str) -> None:
    params = {"cutoff": cutoff}
    db.execute(f"DELETE FROM action WHERE {_OLD_ACTIONS}", params)
    db.execute(f"DELETE FROM issue WHERE {_OLD_ISSUES}", params)
    db.execute(f"DELETE FROM session WHERE id IN ({_OLD_SESSIONS})", params)


def _delete_old_quarantine(db_path: Path, cutoff: datetime) -> int:
    removed = 0
    for file in quarantined_files(db_path):
        if file.stat().st_mtime < cutoff.timestamp():
            file.unlink()
            removed += 1
    return removed
