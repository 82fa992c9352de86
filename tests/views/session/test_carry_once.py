"""Ending a session carries each open follow-up exactly once; discarding one writes no carry at all.

Counted by the statements SQLite runs (a trace callback), because the unique index on ``action_review`` would
silently swallow a second carry: the row count alone cannot tell one carry from two attempts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionKind
from copdesk.store import actions, sessions
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session


def _earlier_action(window: MainWindow, team_id: int) -> int:
    """An action agreed and left open a week ago: the next session has it to follow up."""
    db, week_ago = window.context.db, window.context.now() - timedelta(days=7)
    earlier = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, week_ago)
    sessions.start_session(db, earlier.id, week_ago, ground_rules_agreed=True)
    sessions.end_session(db, earlier.id, week_ago + timedelta(hours=1))
    return actions.add_action(db, team_id, "Share the reading list", week_ago, origin_session_id=earlier.id).id


@contextmanager
def _review_writes(window: MainWindow) -> Iterator[list[str]]:
    """Every statement that writes to ``action_review`` while the block runs."""
    seen: list[str] = []

    def trace(statement: str) -> None:
        if "INTO action_review" in statement or 'INTO "action_review"' in statement:
            seen.append(statement)

    window.context.db.conn.set_trace_callback(trace)
    try:
        yield seen
    finally:
        window.context.db.conn.set_trace_callback(None)


def test_ending_a_session_carries_each_open_follow_up_exactly_once(clocked_window: MainWindow, qtbot: QtBot) -> None:
    window = clocked_window
    team = add_team(window)
    action_id = _earlier_action(window, team.id)
    start_session(window)

    with _review_writes(window) as writes:
        assert window.session_flow.end_now() is not None

    assert len(writes) == 1, writes
    assert actions.get_action(window.context.db, action_id).times_carried == 1


def test_discarding_a_live_session_writes_no_carry_even_when_the_delete_is_refused(
    clocked_window: MainWindow, qtbot: QtBot
) -> None:
    window = clocked_window
    team = add_team(window)
    action_id = _earlier_action(window, team.id)
    session = start_session(window)
    flow = window.session_flow
    box = flow.request_end()
    assert box is not None
    # Another session was started (elsewhere) since: this one is no longer the latest, so the delete is refused.
    later = sessions.create_session(window.context.db, team.id, SessionKind.REFLECTIVE, window.context.now())
    sessions.start_session(
        window.context.db, later.id, window.context.now() + timedelta(minutes=1), ground_rules_agreed=True
    )

    with _review_writes(window) as writes:
        flow.discard.discard(session.id)

    assert writes == []
    assert actions.get_action(window.context.db, action_id).times_carried == 0
    assert (
        isinstance(flow.discard.message_box, QMessageBox) and "Nothing was deleted" in flow.discard.message_box.text()
    )
