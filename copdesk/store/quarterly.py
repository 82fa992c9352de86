"""Gathers one team's quarter for the self-assessment (``copdesk.core.quarterly``).

Stored times are UTC; a session, an action or a mention belongs to the quarter by the local calendar day it
happened on, as the facilitator would count it. "Scheduled" is what the team's active series put on the
calendar for the quarter (``copdesk.store.schedule``); "held" is a session run and ended in CoPDesk (for a
Spotlight, Themed or TM/SSW session, run by others, the team "attended" it).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import local_day
from copdesk.core.feedback import NamedInFeedback, summarise
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import ActionStatus, EscalationStatus, EscalationTarget, IssueStatus, SessionKind, Team
from copdesk.core.participation import HistoryPoint, SessionParticipation, participation_history
from copdesk.core.privacy import remove_all
from copdesk.core.quarterly import (
    ActionTally,
    HeldSession,
    KindTally,
    OverdueAction,
    QuarterEscalation,
    QuarterFigures,
    QuarterIssue,
    parse_quarter,
    summary_document,
)
from copdesk.core.recurring import escalation_status_on, status_on
from copdesk.core.redaction import redact_quarter
from copdesk.store.colleagues import colleague_redactor
from copdesk.store.feedback import quarter_feedback, self_assessment
from copdesk.store.issues import STATUS_READ, escalated_since, escalation_days
from copdesk.store.schedule import local_wall_time, scheduled_between
from copdesk.store.sessions import run_by_the_team


def quarter_figures(db: Database, team: Team, quarter: str, now: datetime) -> QuarterFigures:
    """The quarter as it leaves the room: what the identifier check flags in typed text is replaced, and counted.

    Raises ``copdesk.core.quarterly.QuarterError`` for a quarter that is not like 2026Q3."""
    first, last = parse_quarter(quarter)
    as_of = local_wall_time(now).date()
    cutoff = min(last, as_of)
    held = _held_sessions(db, team.id, first, last)
    run = _run_by_the_team(db, [session_id for session_id, *_ in held])
    figures = QuarterFigures(
        team_name=team.name,
        quarter=f"{first.year}Q{(first.month + 2) // 3}",
        first_day=first,
        last_day=last,
        as_of=as_of,
        kinds=_kind_tallies(db, team.id, first, last, now, held),
        sessions=tuple(
            HeldSession(day, kind, topic, attendance, session_id in run)
            for session_id, day, kind, topic, attendance in held
        ),
        balance=tuple(_balance(db, held, run)),
        actions=_actions(db, team.id, first, last, cutoff),
        issues=_issues(db, team.id, first, last),
        escalations=_escalations(db, team.id, first, last, cutoff),
        self_assessment=_assessment(db, team.id, f"{first.year}Q{(first.month + 2) // 3}"),
        feedback=summarise(quarter_feedback(db, team.id, first, last)),
    )
    return redact_quarter(figures)


def _assessment(db: Database, team_id: int, quarter: str) -> tuple[tuple[str, str], ...]:
    """The facilitator's words, under their headings in the shipped order."""
    written = self_assessment(db, team_id, quarter)
    headings = shipped_texts().self_assessment.headings
    return tuple((heading.text, written[key]) for key, heading in headings if key in written)


_Held = tuple[int, date, SessionKind, str, int]


def _held_sessions(db: Database, team_id: int, first: date, last: date) -> list[_Held]:
    sql = """
        SELECT s.id, s.kind, s.topic, s.started_at,
               (SELECT count(*) FROM attendance a WHERE a.session_id = s.id) AS attendance
        FROM session s WHERE s.team_id = ? AND s.status = 'ended' AND s.started_at IS NOT NULL
        ORDER BY s.started_at, s.id
    """
    found = []
    for row in db.query(sql, [team_id]):
        day = local_day(row["started_at"])
        if first <= day <= last:
            found.append((int(row["id"]), day, SessionKind(row["kind"]), str(row["topic"]), int(row["attendance"])))
    return found


def _kind_tallies(
    db: Database, team_id: int, first: date, last: date, now: datetime, held: list[_Held]
) -> tuple[KindTally, ...]:
    calendar = scheduled_between(db, team_id, first, last, now)
    moment = local_wall_time(now)
    scheduled = Counter(entry.kind for entry in calendar)
    due = Counter(entry.kind for entry in calendar if entry.moment <= moment)
    done = Counter(kind for _, _, kind, _, _ in held)
    attended = shipped_texts().is_attended
    return tuple(
        KindTally(kind, scheduled[kind], due[kind], done[kind], attended(kind))
        for kind in SessionKind
        if scheduled[kind] or done[kind]
    )


def _balance(db: Database, held: list[_Held], run: set[int]) -> list[HistoryPoint]:
    """Contribution counts per attendee, without member ids: the chart needs the spread, never the person. Sessions
    the team attends are left out, as nobody's participation is tracked there, unless it was: one of ``run``, those the
    team ran itself, stands even where nobody's contribution was tapped (a TM/SSW CoP held before CoPDesk counted
    that type as attended was run as the facilitator's own)."""
    if not held:
        return []
    ids = [session_id for session_id, *_ in held]
    marks = ", ".join("?" for _ in held)
    sql = f"""
        SELECT c.session_id, count(*) AS n FROM contribution c
        JOIN attendance a ON a.session_id = c.session_id AND a.member_id = c.member_id
        WHERE c.session_id IN ({marks}) GROUP BY c.session_id, c.member_id
    """
    counts: dict[int, list[int]] = {session_id: [] for session_id in ids}
    for row in db.query(sql, ids):
        counts[int(row["session_id"])].append(int(row["n"]))
    return participation_history(
        SessionParticipation(day, attendance, tuple(counts[session_id]))
        for session_id, day, _, _, attendance in held
        if counts[session_id] or session_id in run
    )


def _run_by_the_team(db: Database, session_ids: list[int]) -> set[int]:
    """Those of ``session_ids`` the team ran itself (:func:`copdesk.store.sessions.run_by_the_team`): a TM/SSW CoP
    is one of them where it was run as the facilitator's own, before that type counted as attended."""
    if not session_ids:
        return set()
    condition, params = run_by_the_team()
    marks = ", ".join("?" for _ in session_ids)
    sql = f"SELECT s.id FROM session s WHERE s.id IN ({marks}) AND {condition}"
    return {int(row["id"]) for row in db.query(sql, [*session_ids, *params])}


def _actions(db: Database, team_id: int, first: date, last: date, cutoff: date) -> ActionTally:
    rows = list(db.query("SELECT * FROM action WHERE team_id = ? ORDER BY coalesce(due_date, '9999'), id", [team_id]))

    def within(stamp: str | None) -> bool:
        return stamp is not None and first <= local_day(stamp) <= last

    carried_sql = """
        SELECT c.action_id, c.at FROM action_carry c JOIN action a ON a.id = c.action_id WHERE a.team_id = ?
    """
    carried_rows = list(db.query(carried_sql, [team_id]))
    carried_by_cutoff = Counter(int(r["action_id"]) for r in carried_rows if local_day(r["at"]) <= cutoff)
    overdue = tuple(
        OverdueAction(str(row["text"]), date.fromisoformat(row["due_date"]), carried_by_cutoff[int(row["id"])])
        for row in rows
        if row["due_date"]
        and date.fromisoformat(row["due_date"]) < cutoff
        and local_day(row["created_at"]) <= cutoff
        and (row["closed_at"] is None or local_day(row["closed_at"]) > cutoff)
    )
    return ActionTally(
        raised=sum(1 for row in rows if within(row["created_at"])),
        completed=sum(1 for row in rows if row["status"] == ActionStatus.DONE.value and within(row["closed_at"])),
        dropped=sum(1 for row in rows if row["status"] == ActionStatus.DROPPED.value and within(row["closed_at"])),
        carried=sum(1 for row in carried_rows if within(row["at"])),
        overdue=overdue,
    )


def _issues(db: Database, team_id: int, first: date, last: date) -> tuple[QuarterIssue, ...]:
    """Issues raised in the quarter, and earlier ones still unresolved (as escalations not closed are), each with
    its status at the quarter's end: one resolved or escalated since was not then, and one whose escalations were all
    closed by then is not escalated (:func:`copdesk.store.issues.escalated_since`), and one with an escalation closed
    on a day not kept has it not known (``None``), as that escalation's is."""
    sql = f"""
        SELECT i.id, i.title, {STATUS_READ.format(i="i")} AS status, i.resolved_at, m.at
        FROM issue i JOIN issue_mention m ON m.issue_id = i.id
        WHERE i.team_id = ? ORDER BY i.id, m.at
    """
    escalated = escalated_since(db, "SELECT id FROM issue WHERE team_id = ?", [team_id], last)
    mentions: dict[int, list[date]] = {}
    details: dict[int, tuple[str, IssueStatus | None]] = {}
    for row in db.query(sql, [team_id]):
        issue_id = int(row["id"])
        mentions.setdefault(issue_id, []).append(local_day(row["at"]))
        resolved = local_day(row["resolved_at"]) if row["resolved_at"] else None
        since, not_known = escalated.since.get(issue_id), issue_id in escalated.not_known
        then = status_on(last, IssueStatus(row["status"]), resolved, since, escalation_not_known=not_known)
        details[issue_id] = (str(row["title"]), then)
    found = []
    for issue_id, days in mentions.items():
        in_quarter = sum(1 for day in days if first <= day <= last)
        title, status = details[issue_id]
        # Raised this quarter, or raised before it and unresolved at its end, as the Prepare view lists it.
        if in_quarter or (status is not IssueStatus.RESOLVED and min(days) <= last):
            found.append(QuarterIssue(title, status, in_quarter, sum(1 for day in days if day <= last), min(days)))
    return tuple(found)


def _escalations(db: Database, team_id: int, first: date, last: date, cutoff: date) -> tuple[QuarterEscalation, ...]:
    """Escalations raised in the quarter, and earlier ones not closed by ``cutoff`` (the quarter's end, or the
    report's day in the quarter), awaiting a response or responded to: while one is not closed its issue reads
    Escalated. Each with its status on ``cutoff`` where CoPDesk kept the days to know it, and as it is now."""
    sql = """
        SELECT i.title, e.* FROM escalation e JOIN issue i ON i.id = e.issue_id
        WHERE i.team_id = ? AND e.raised_on <= ? ORDER BY e.raised_on, e.id
    """
    found = []
    for row in db.query(sql, [team_id, last.isoformat()]):
        raised, now = date.fromisoformat(row["raised_on"]), EscalationStatus(row["status"])
        then = escalation_status_on(cutoff, now, escalation_days(row))
        if raised >= first or then is not EscalationStatus.CLOSED:
            due = date.fromisoformat(row["response_due"]) if row["response_due"] else None
            found.append(QuarterEscalation(str(row["title"]), EscalationTarget(row["target"]), raised, due, then, now))
    return tuple(found)


def feedback_naming_colleagues(db: Database, figures: QuarterFigures) -> list[NamedInFeedback]:
    """The quarter's suggested changes that name a colleague (a name on any roster, past or present, or one erased):
    the report copies feedback word for word, so the export warns first. The words are the team's and stay as they
    are."""
    find = colleague_redactor(db).found
    return [NamedInFeedback(text, tuple(names)) for text in figures.feedback.changes if (names := find(text))]


def team_summary(db: Database, team: Team, quarter: str, now: datetime) -> dict[str, Any]:
    """The anonymised summary of a quarter for the roll-up: no roster name and no identifier survives in it."""
    figures = quarter_figures(db, team, quarter, now)
    redact = colleague_redactor(db)
    return summary_document(figures, lambda text: remove_all(redact(text)))
