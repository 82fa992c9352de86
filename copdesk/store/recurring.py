"""Queries over an issue's life: every time it was raised, how often, and where its escalations stand.

"Times raised" counts the sessions an issue was raised in, not its mention rows, so linking it twice in one
meeting cannot push it over the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.clock import local_day
from copdesk.core.model import Escalation, EscalationStatus, Issue, IssueStatus
from copdesk.core.recurring import check_escalation_update, check_threshold
from copdesk.core.review import EscalationFact, IssueSummary
from copdesk.store.carry_over import SESSION_ORDER
from copdesk.store.issues import (
    STATUS_READ,
    add_mention,
    escalations_for_issue,
    get_escalation,
    get_issue,
    update_escalation,
)
from copdesk.store.settings import RECURRING_ISSUE_THRESHOLD, get_int_setting, set_setting


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One mention with the date of the session it was raised in."""

    mention_id: int
    session_id: int
    session_date: date
    text: str


_SUMMARY_SQL = f"""
SELECT issue.id, issue.title, {STATUS_READ.format(i="issue")} AS status, issue.resolution,
       count(DISTINCT m.session_id) AS times_raised, min(m.at) AS first_raised, max(m.at) AS last_raised,
       EXISTS (SELECT 1 FROM escalation e WHERE e.issue_id = issue.id) AS ever_escalated
FROM issue JOIN issue_mention m ON m.issue_id = issue.id
WHERE {{where}}
GROUP BY issue.id
ORDER BY times_raised DESC, first_raised, issue.id
"""


def _summaries(db: Database, where: str, params: list[object]) -> list[IssueSummary]:
    return [
        IssueSummary(
            id=int(row["id"]),
            title=str(row["title"]),
            status=IssueStatus(row["status"]),
            times_raised=int(row["times_raised"]),
            first_raised=local_day(row["first_raised"]),
            last_raised=local_day(row["last_raised"]),
            ever_escalated=bool(row["ever_escalated"]),
            resolution=row["resolution"],
        )
        for row in db.query(_SUMMARY_SQL.format(where=where), params)
    ]


def unresolved_issues(db: Database, team_id: int) -> list[IssueSummary]:
    """The team's open, escalated and parked issues, most raised first: what "Same issue again" offers."""
    return _summaries(db, "issue.team_id = ? AND issue.status <> 'resolved'", [team_id])


def issue_summary(db: Database, issue_id: int) -> IssueSummary:
    return _summaries(db, "issue.id = ?", [issue_id])[0]


def issues_raised_in(db: Database, session_id: int) -> list[IssueSummary]:
    """Issues raised (new or again) in a session, in the order they were raised there."""
    where = "issue.id IN (SELECT issue_id FROM issue_mention WHERE session_id = ?)"
    found = _summaries(db, where, [session_id])
    order = {
        int(r["issue_id"]): int(r["first"])
        for r in db.query(
            "SELECT issue_id, min(id) AS first FROM issue_mention WHERE session_id = ? GROUP BY issue_id", [session_id]
        )
    }
    return sorted(found, key=lambda summary: order[summary.id])


def issue_history(db: Database, issue_id: int) -> list[HistoryEntry]:
    """Every mention, oldest first, dated by the session it was raised in."""
    sql = f"""
        SELECT m.id, m.session_id, m.text, {SESSION_ORDER.format(s="s")} AS held
        FROM issue_mention m JOIN session s ON s.id = m.session_id
        WHERE m.issue_id = ? ORDER BY held, m.id
    """
    return [
        HistoryEntry(int(r["id"]), int(r["session_id"]), local_day(r["held"]), str(r["text"]))
        for r in db.query(sql, [issue_id])
    ]


def raise_again(db: Database, issue_id: int, session_id: int, text: str, now: datetime) -> IssueSummary:
    """Link an earlier issue to this session ("raised again"), once per session."""
    if next(
        db.query("SELECT 1 FROM issue_mention WHERE issue_id = ? AND session_id = ?", [issue_id, session_id]), None
    ):
        raise ValueError(f"“{get_issue(db, issue_id).title}” is already linked to this session.")
    add_mention(db, issue_id, session_id, " ".join(text.split()), now)
    return issue_summary(db, issue_id)


def undo_raise_again(db: Database, issue_id: int, session_id: int) -> IssueSummary:
    """Take back a "raised again" link made by mistake: the issue's mention in this session goes, the issue stays.

    Refused for the mention an issue was recorded with, because without it the issue would have no history.
    """
    if recorded_in(db, issue_id, session_id):
        raise ValueError(f"“{get_issue(db, issue_id).title}” was recorded in this session: there is no link to undo.")
    sql = "DELETE FROM issue_mention WHERE issue_id = ? AND session_id = ?"
    deleted = db.execute(sql, [issue_id, session_id]).rowcount
    if not deleted:
        raise ValueError(f"“{get_issue(db, issue_id).title}” is not linked to this session.")
    return issue_summary(db, issue_id)


def recorded_in(db: Database, issue_id: int, session_id: int) -> bool:
    """Whether the issue was recorded as new in this session: its first mention is there."""
    first = db.execute(
        "SELECT session_id FROM issue_mention WHERE issue_id = ? ORDER BY at, id LIMIT 1", [issue_id]
    ).fetchone()
    return first is not None and int(first[0]) == session_id


def held_in_session(db: Database, session_id: int) -> dict[int, str]:
    """The issues a session holds, in the order it took them: "recorded" (new there) or "linked" (raised again)."""
    sql = """
        SELECT m.issue_id,
               (SELECT f.session_id FROM issue_mention f WHERE f.issue_id = m.issue_id ORDER BY f.at, f.id LIMIT 1)
               AS born_in
        FROM issue_mention m WHERE m.session_id = ? GROUP BY m.issue_id ORDER BY min(m.id)
    """
    return {
        int(row["issue_id"]): "recorded" if int(row["born_in"]) == session_id else "linked"
        for row in db.query(sql, [session_id])
    }


def remove_recorded_issue(db: Database, issue_id: int, session_id: int) -> Issue:
    """Delete an issue recorded by mistake in this session, with its mentions and escalations.

    Refused for an issue raised in any other session too: that one is history, and only this session's link
    to it can be taken back (:func:`undo_raise_again`).
    """
    issue = get_issue(db, issue_id)
    if not recorded_in(db, issue_id, session_id):
        raise ValueError(f"“{issue.title}” was recorded in an earlier session: only today's link can be taken back.")
    db.execute("DELETE FROM issue WHERE id = ?", [issue_id])  # its mentions and escalations go with it
    return issue


def change_escalation(
    db: Database, escalation_id: int, status: EscalationStatus, outcome: str, now: datetime
) -> Escalation:
    """Move an escalation along its lifecycle (see ``core.recurring``) at ``now``, or raise with a one-line message."""
    current = get_escalation(db, escalation_id)
    cleaned = check_escalation_update(current.status, status, outcome)
    return update_escalation(db, escalation_id, status, cleaned, now)


def issue_facts(db: Database, team_id: int) -> list[IssueSummary]:
    """Every issue of the team, resolved ones too: the review pack's rules choose what to list."""
    return _summaries(db, "issue.team_id = ?", [team_id])


def team_escalations(db: Database, team_id: int) -> list[tuple[Escalation, str]]:
    """Every escalation of the team's issues with the issue's title, awaiting ones first, then newest first."""
    sql = "SELECT id, title FROM issue WHERE team_id = ? AND id IN (SELECT issue_id FROM escalation)"
    found = [
        (escalation, str(row["title"]))
        for row in db.query(sql, [team_id])
        for escalation in escalations_for_issue(db, int(row["id"]))
    ]
    order = list(EscalationStatus)
    return sorted(found, key=lambda item: (order.index(item[0].status), -item[0].raised_on.toordinal(), -item[0].id))


def escalation_facts(db: Database, team_id: int) -> list[EscalationFact]:
    return [
        EscalationFact(e.id, e.issue_id, title, e.target, e.raised_on, e.response_due, e.status)
        for e, title in team_escalations(db, team_id)
    ]


def recurring_threshold(db: Database) -> int:
    return get_int_setting(db, RECURRING_ISSUE_THRESHOLD)


def set_recurring_threshold(db: Database, value: int) -> None:
    set_setting(db, RECURRING_ISSUE_THRESHOLD, str(check_threshold(value)))
