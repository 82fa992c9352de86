"""Qt table models for issues: suggestions and recurring issues, one issue's history, and escalations."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from copdesk.core.dates import format_uk
from copdesk.core.model import Escalation, EscalationStatus, IssueStatus
from copdesk.core.recurring import is_flagged
from copdesk.core.review import AwaitingEscalation, IssueSummary, RecurringIssue
from copdesk.store.recurring import HistoryEntry
from copdesk.store.search import IssueSuggestion
from copdesk.views.widgets.row_model import Column, RowTableModel


class IssueRole(IntEnum):
    ISSUE_ID = Qt.ItemDataRole.UserRole + 1
    TIMES_RAISED = Qt.ItemDataRole.UserRole + 2
    FLAGGED = Qt.ItemDataRole.UserRole + 3
    ESCALATION_ID = Qt.ItemDataRole.UserRole + 4
    OVERDUE = Qt.ItemDataRole.UserRole + 5
    TODAY = Qt.ItemDataRole.UserRole + 6


@dataclass(frozen=True, slots=True)
class IssueRow:
    issue_id: int
    title: str
    status: IssueStatus
    times_raised: int
    last_raised: date
    flagged: bool
    first_raised: date | None = None
    today: str = ""  # "recorded" or "linked" when the live session already holds it, else ""


def _status(row: IssueRow) -> str:
    if row.today:
        return f"{row.today.capitalize()} in this session"
    return f"{row.status.label}, flagged" if row.flagged else row.status.label


def issue_model(parent: QObject | None = None, *, with_first: bool = False) -> RowTableModel[IssueRow]:
    """Title, times raised, (first raised,) last raised and status; flagged issues are highlighted."""
    columns = [
        Column[IssueRow]("Issue or barrier", lambda r: r.title, alert=lambda r: r.flagged),
        Column[IssueRow](
            "Raised",
            lambda r: f"{r.times_raised}×",
            spoken=lambda r: f"Raised in {r.times_raised} sessions" if r.times_raised > 1 else "Raised once",
            alert=lambda r: r.flagged,
        ),
        *(
            [Column[IssueRow]("First", lambda r: format_uk(r.first_raised) if r.first_raised else "—")]
            if with_first
            else []
        ),
        Column[IssueRow]("Last", lambda r: format_uk(r.last_raised)),
        Column[IssueRow]("Status", _status),
    ]
    roles: dict[int, Callable[[IssueRow], object]] = {
        IssueRole.ISSUE_ID: lambda r: r.issue_id,
        IssueRole.TIMES_RAISED: lambda r: r.times_raised,
        IssueRole.FLAGGED: lambda r: r.flagged,
        IssueRole.TODAY: lambda r: r.today,
    }
    return RowTableModel[IssueRow](columns, roles, parent)


def suggestion_rows(
    found: Sequence[IssueSuggestion | IssueSummary], threshold: int, today: Mapping[int, str] | None = None
) -> list[IssueRow]:
    """Rows for issues found; ``today`` says which the live session already holds ("recorded" or "linked")."""
    held = today or {}
    return [
        IssueRow(
            s.id,
            s.title,
            s.status,
            s.times_raised,
            s.last_raised,
            is_flagged(s.times_raised, s.status, threshold),
            today=held.get(s.id, ""),
        )
        for s in found
    ]


def recurring_rows(issues: Sequence[RecurringIssue]) -> list[IssueRow]:
    return [IssueRow(i.id, i.title, i.status, i.times_raised, i.last_raised, i.flagged, i.first_raised) for i in issues]


def history_model(parent: QObject | None = None) -> RowTableModel[HistoryEntry]:
    """Every time an issue was raised: the session's date and what was said."""
    columns = [
        Column[HistoryEntry]("Raised on", lambda h: format_uk(h.session_date)),
        Column[HistoryEntry]("What was said", lambda h: h.text or "—", spoken=lambda h: h.text or "Nothing noted"),
    ]
    return RowTableModel[HistoryEntry](columns, {}, parent)


@dataclass(frozen=True, slots=True)
class EscalationRow:
    escalation_id: int
    issue_id: int
    issue_title: str
    to: str
    raised_on: date
    response_due: date | None
    status: EscalationStatus
    outcome: str | None
    overdue: bool


def escalation_model(parent: QObject | None = None, *, with_status: bool = True) -> RowTableModel[EscalationRow]:
    """Issue, to whom, raised, response due (highlighted when late) and, unless all are awaiting, status."""

    def due(row: EscalationRow) -> str:
        if row.response_due is None:
            return "—"
        return f"⚠ {format_uk(row.response_due)}" if row.overdue else format_uk(row.response_due)

    def due_spoken(row: EscalationRow) -> str:
        if row.response_due is None:
            return "No response date"
        return f"{'Overdue: response was due' if row.overdue else 'Response due'} {format_uk(row.response_due)}"

    columns = [
        Column[EscalationRow]("Issue", lambda r: r.issue_title),
        Column[EscalationRow]("To", lambda r: r.to),
        Column[EscalationRow]("Raised", lambda r: format_uk(r.raised_on)),
        Column[EscalationRow]("Response due", due, spoken=due_spoken, alert=lambda r: r.overdue),
    ]
    if with_status:
        columns.append(
            Column[EscalationRow](
                "Status",
                lambda r: f"{r.status.value.capitalize()}: {r.outcome}" if r.outcome else r.status.value.capitalize(),
                spoken=lambda r: f"{r.status.label}: {r.outcome}" if r.outcome else r.status.label,
            )
        )
    roles: dict[int, Callable[[EscalationRow], object]] = {
        IssueRole.ESCALATION_ID: lambda r: r.escalation_id,
        IssueRole.ISSUE_ID: lambda r: r.issue_id,
        IssueRole.OVERDUE: lambda r: r.overdue,
    }
    return RowTableModel[EscalationRow](columns, roles, parent)


def escalation_rows(found: Sequence[tuple[Escalation, str]], today: date) -> list[EscalationRow]:
    return [
        EscalationRow(
            e.id,
            e.issue_id,
            title,
            e.target.label,
            e.raised_on,
            e.response_due,
            e.status,
            e.outcome,
            e.status is EscalationStatus.AWAITING and e.response_due is not None and e.response_due < today,
        )
        for e, title in found
    ]


def awaiting_rows(found: Sequence[AwaitingEscalation]) -> list[EscalationRow]:
    return [
        EscalationRow(
            e.id,
            e.issue_id,
            e.issue_title,
            e.target.label,
            e.raised_on,
            e.response_due,
            EscalationStatus.AWAITING,
            None,
            e.overdue,
        )
        for e in found
    ]
