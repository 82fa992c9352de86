"""Qt table models for actions: the follow-up list of a live session, and the open actions before one.

Both show the same facts the same way (owner, due date in the UK form, times carried) and mark an
overdue action with :data:`ActionRole.OVERDUE`, so views highlight it and tests can read it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from PySide6.QtCore import QObject, Qt

from copdesk.core.dates import format_uk
from copdesk.core.model import ActionStatus
from copdesk.core.review import OpenAction
from copdesk.store.carry_over import FollowUp
from copdesk.views.widgets.row_model import Column, RowTableModel


class ActionRole(IntEnum):
    ACTION_ID = Qt.ItemDataRole.UserRole + 1
    OVERDUE = Qt.ItemDataRole.UserRole + 2
    TIMES_CARRIED = Qt.ItemDataRole.UserRole + 3
    REVIEW_ID = Qt.ItemDataRole.UserRole + 4  # the carry or closure in this session, which Undo takes back
    CLOSED = Qt.ItemDataRole.UserRole + 5


@dataclass(frozen=True, slots=True)
class ActionRow:
    action_id: int
    text: str
    owner: str | None
    due: date | None
    times_carried: int
    overdue: bool
    state: str  # this session's review (follow-up list) or the date it was agreed (open actions)
    review_id: int | None = None
    closed: bool = False


def carried_text(times: int) -> str:
    return "never" if times == 0 else "once" if times == 1 else f"{times} times"


def _due(row: ActionRow) -> str:
    if row.due is None:
        return "—"
    return f"⚠ {format_uk(row.due)}" if _late(row) else format_uk(row.due)


def _due_spoken(row: ActionRow) -> str:
    if row.due is None:
        return "No due date"
    return f"Overdue: due {format_uk(row.due)}" if _late(row) else f"Due {format_uk(row.due)}"


def _late(row: ActionRow) -> bool:
    return row.overdue and not row.closed


CARRIED_COLUMN, STATE_COLUMN = 3, 4  # action_model's "Carried" and state columns


def action_model(state_title: str, parent: QObject | None = None) -> RowTableModel[ActionRow]:
    columns = [
        Column[ActionRow]("Action", lambda r: r.text, struck=lambda r: r.closed),
        Column[ActionRow]("Owner", lambda r: r.owner or "—", spoken=lambda r: r.owner or "No owner"),
        Column[ActionRow]("Due", _due, spoken=_due_spoken, alert=_late),
        Column[ActionRow](
            "Carried",
            lambda r: f"{r.times_carried}×" if r.times_carried else "—",
            spoken=lambda r: f"Carried to a later session {carried_text(r.times_carried)}",
        ),
        Column[ActionRow](state_title, lambda r: r.state),
    ]
    roles: dict[int, Callable[[ActionRow], object]] = {
        ActionRole.ACTION_ID: lambda r: r.action_id,
        ActionRole.OVERDUE: lambda r: r.overdue,
        ActionRole.TIMES_CARRIED: lambda r: r.times_carried,
        ActionRole.REVIEW_ID: lambda r: r.review_id,
        ActionRole.CLOSED: lambda r: r.closed,
    }
    return RowTableModel[ActionRow](columns, roles, parent)


def follow_up_rows(follow_ups: Sequence[FollowUp], today: date) -> list[ActionRow]:
    return [
        ActionRow(
            action_id=f.action.id,
            text=f.action.text,
            owner=f.action.owner_name,
            due=f.action.due,
            times_carried=f.action.times_carried,
            overdue=f.action.due is not None and f.action.due < today,
            state=f.outcome.label if f.outcome else "To review",
            review_id=f.settled_by,
            closed=f.action.status is not ActionStatus.OPEN,
        )
        for f in follow_ups
    ]


def open_action_rows(actions: Sequence[OpenAction]) -> list[ActionRow]:
    return [
        ActionRow(
            action_id=a.id,
            text=a.text,
            owner=a.owner,
            due=a.due,
            times_carried=a.times_carried,
            overdue=a.overdue,
            state=format_uk(a.origin_session_date) if a.origin_session_date else "—",
        )
        for a in actions
    ]
