"""Issues and barriers raised in sessions, every mention of them, and their escalations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import local_day, to_utc_iso
from copdesk.core.input_limits import MAX_OUTCOME_CHARACTERS, resolution_wording
from copdesk.core.model import Escalation, EscalationStatus, EscalationTarget, Issue, IssueStatus
from copdesk.core.recurring import EscalatedOn, EscalationDays, escalation_status_on
from copdesk.store.tables import insert_row

# The status an issue reads, in every list and document. Escalating one stores "escalated", and closing its
# escalations writes nothing back: so an issue whose every escalation is closed (withdrawn, overtaken, or responded to
# and done with) reads as it did before it was escalated, open, until it is escalated again or resolved. ``{i}`` is
# the issue table's name or alias in the query.
STATUS_READ = """CASE WHEN {i}.status = 'escalated'
    AND EXISTS (SELECT 1 FROM escalation x WHERE x.issue_id = {i}.id)
    AND NOT EXISTS (SELECT 1 FROM escalation x WHERE x.issue_id = {i}.id AND x.status <> 'closed')
    THEN 'open' ELSE {i}.status END"""


@dataclass(frozen=True, slots=True)
class Mention:
    id: int
    issue_id: int
    session_id: int
    text: str
    at: str


def _issue(row: dict[str, Any]) -> Issue:
    return Issue(
        id=int(row["id"]),
        team_id=int(row["team_id"]),
        title=str(row["title"]),
        status=IssueStatus(row["status"]),
        resolution=row["resolution"],
    )


def _escalation(row: dict[str, Any]) -> Escalation:
    due = row["response_due"]
    return Escalation(
        id=int(row["id"]),
        issue_id=int(row["issue_id"]),
        target=EscalationTarget(row["target"]),
        raised_on=date.fromisoformat(row["raised_on"]),
        response_due=date.fromisoformat(due) if due else None,
        status=EscalationStatus(row["status"]),
        outcome=row["outcome"],
    )


def add_issue(db: Database, team_id: int, title: str, session_id: int, now: datetime, text: str = "") -> Issue:
    """A new issue is born with its first mention, in the session that raised it."""
    with db.atomic():
        issue_id = insert_row(
            db,
            "issue",
            {
                "team_id": team_id,
                "title": title.strip(),
                "status": IssueStatus.OPEN.value,
                "created_at": to_utc_iso(now),
            },
        )
        add_mention(db, issue_id, session_id, text, now)
    return get_issue(db, issue_id)


def retitle_issue(db: Database, issue_id: int, title: str) -> None:
    db.table("issue").update(issue_id, {"title": title})


def add_mention(db: Database, issue_id: int, session_id: int, text: str, now: datetime) -> Mention:
    row = {"issue_id": issue_id, "session_id": session_id, "text": text, "at": to_utc_iso(now)}
    mention_id = insert_row(db, "issue_mention", row)
    return Mention(mention_id, issue_id, session_id, text, to_utc_iso(now))


def get_issue(db: Database, issue_id: int) -> Issue:
    return _issue(db.table("issue").get(issue_id))


def get_mention(db: Database, mention_id: int) -> Mention:
    row = db.table("issue_mention").get(mention_id)
    return Mention(int(row["id"]), int(row["issue_id"]), int(row["session_id"]), str(row["text"]), str(row["at"]))


def reword_mention(db: Database, mention_id: int, text: str) -> None:
    db.table("issue_mention").update(mention_id, {"text": text})


def mentions(db: Database, issue_id: int) -> list[Mention]:
    sql = "SELECT * FROM issue_mention WHERE issue_id = ? ORDER BY at, id"
    return [
        Mention(int(r["id"]), int(r["issue_id"]), int(r["session_id"]), str(r["text"]), str(r["at"]))
        for r in db.query(sql, [issue_id])
    ]


def set_issue_status(db: Database, issue_id: int, status: IssueStatus) -> None:
    db.table("issue").update(issue_id, {"status": status.value})


def resolve_issue(db: Database, issue_id: int, resolution: str, now: datetime) -> Issue:
    """``ValueError`` with a one-line message, and nothing changed, for a resolution that is empty or too long."""
    words = resolution_wording(resolution)
    db.table("issue").update(
        issue_id, {"status": IssueStatus.RESOLVED.value, "resolution": words, "resolved_at": to_utc_iso(now)}
    )
    return get_issue(db, issue_id)


def reword_resolution(db: Database, issue_id: int, typed: str) -> str:
    """Correct how a resolved issue was resolved (its status and the day it was resolved stay); return the words
    as stored. ``ValueError`` as :func:`resolve_issue`, and for an issue that is not resolved. One written before
    resolutions had a limit may stay as long as it was."""
    stored = get_issue(db, issue_id).resolution
    if stored is None:
        raise ValueError("That issue is not resolved: resolve it from its history to say how.")
    words = resolution_wording(typed, max(MAX_OUTCOME_CHARACTERS, len(stored)))  # one kept before the limit: as long
    db.table("issue").update(issue_id, {"resolution": words})
    return words


def add_escalation(
    db: Database,
    issue_id: int,
    target: EscalationTarget,
    raised_on: date,
    response_due: date | None,
    session_id: int | None = None,
) -> Escalation:
    with db.atomic():
        escalation_id = insert_row(
            db,
            "escalation",
            {
                "issue_id": issue_id,
                "target": target.value,
                "raised_on": raised_on.isoformat(),
                "response_due": response_due.isoformat() if response_due else None,
                "status": EscalationStatus.AWAITING.value,
                "session_id": session_id,
            },
        )
        set_issue_status(db, issue_id, IssueStatus.ESCALATED)
    return get_escalation(db, escalation_id)


def get_escalation(db: Database, escalation_id: int) -> Escalation:
    return _escalation(db.table("escalation").get(escalation_id))


def update_escalation(
    db: Database, escalation_id: int, status: EscalationStatus, outcome: str | None, now: datetime
) -> Escalation:
    """Record a new status (and when: responded to, or closed) or the outcome's words; saving the same status again
    keeps the day it was reached."""
    changes: dict[str, str | None] = {"status": status.value, "outcome": outcome}
    if status is not get_escalation(db, escalation_id).status and status in _DAY_COLUMNS:
        changes[_DAY_COLUMNS[status]] = to_utc_iso(now)
    db.table("escalation").update(escalation_id, changes)
    return get_escalation(db, escalation_id)


# Where the moment an escalation reached each status is kept (schema 41); it is raised on ``raised_on``.
_DAY_COLUMNS = {EscalationStatus.RESPONDED: "responded_at", EscalationStatus.CLOSED: "closed_at"}


def escalation_days(row: dict[str, Any]) -> EscalationDays:
    """The local days a stored escalation was responded to and closed (``core.recurring.escalation_status_on``)."""
    return EscalationDays(
        *(local_day(row[column]) if row[column] else None for column in ("responded_at", "closed_at", "undated_before"))
    )


def escalated_since(db: Database, issue_ids_sql: str, params: list[Any], day: date) -> EscalatedOn:
    """For each issue of ``issue_ids_sql`` (a query of issue ids) with an escalation not closed by the end of ``day``,
    the day the first such was raised: escalated from then, for a document that reads as things stood on ``day``
    (``core.recurring.status_on``). One raised by then and closed before CoPDesk kept the day makes its issue's status
    then not known, as its own is."""
    sql = f"SELECT * FROM escalation WHERE issue_id IN ({issue_ids_sql}) ORDER BY raised_on"
    since: dict[int, date] = {}
    not_known: set[int] = set()
    for row in db.query(sql, params):
        status, raised = EscalationStatus(row["status"]), date.fromisoformat(row["raised_on"])
        then = escalation_status_on(day, status, escalation_days(row))
        if (then or status) is not EscalationStatus.CLOSED:
            since.setdefault(int(row["issue_id"]), raised)
        elif then is None and raised <= day:
            not_known.add(int(row["issue_id"]))
    return EscalatedOn(since, frozenset(not_known))


def escalations_for_issue(db: Database, issue_id: int) -> list[Escalation]:
    return [_escalation(r) for r in db.query("SELECT * FROM escalation WHERE issue_id = ? ORDER BY id", [issue_id])]
