"""Feedback at the end of a session and the facilitator's self-assessment for a quarter: each act one transaction
(see :mod:`copdesk.services`). Bad input raises :class:`~copdesk.core.feedback.FeedbackError` and changes nothing."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlite_utils import Database

from copdesk.services import transaction
from copdesk.store import feedback


def record_feedback(db: Database, session_id: int, usefulness: int | None, to_change: str, now: datetime) -> int:
    """One person's anonymous answers, typed in by the facilitator; the response's id (to take it back)."""
    with transaction(db):
        return feedback.add_feedback(db, session_id, usefulness, to_change, now)


def take_back_feedback(db: Database, feedback_id: int) -> None:
    with transaction(db):
        feedback.delete_feedback(db, feedback_id)


def save_self_assessment(db: Database, team_id: int, quarter: str, texts: Mapping[str, str], now: datetime) -> None:
    with transaction(db):
        feedback.save_self_assessment(db, team_id, quarter, texts, now)
