"""Anonymous session feedback and the facilitator's quarterly self-assessment (``db/0031``).

Feedback rows have no member column, by design, like engagement markers: they describe the session, never a
person. A quarter's feedback is every response to a session started in it (by the local day, as the quarter's
other figures are counted).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from sqlite_utils import Database

from copdesk.core.clock import local_day, to_utc_iso
from copdesk.core.feedback import Feedback, checked_assessment, checked_feedback
from copdesk.core.masterclass import shipped_texts
from copdesk.store.tables import insert_row


def add_feedback(db: Database, session_id: int, usefulness: int | None, to_change: str, now: datetime) -> int:
    """Record one person's answers (checked: :class:`~copdesk.core.feedback.FeedbackError`); the new row's id."""
    entry = checked_feedback(usefulness, to_change)
    return insert_row(
        db,
        "session_feedback",
        {
            "session_id": session_id,
            "usefulness": entry.usefulness,
            "to_change": entry.to_change or None,
            "created_at": to_utc_iso(now),
        },
    )


def delete_feedback(db: Database, feedback_id: int) -> None:
    db.execute("DELETE FROM session_feedback WHERE id = ?", [feedback_id])


def session_feedback(db: Database, session_id: int) -> list[tuple[int, Feedback]]:
    """The session's responses in the order given, each with its id (for taking one back)."""
    rows = db.query(
        "SELECT id, usefulness, to_change FROM session_feedback WHERE session_id = ? ORDER BY id", [session_id]
    )
    return [(int(row["id"]), Feedback(row["usefulness"], row["to_change"] or "")) for row in rows]


def quarter_feedback(db: Database, team_id: int, first: date, last: date) -> list[Feedback]:
    sql = """
        SELECT f.usefulness, f.to_change, s.started_at FROM session_feedback f JOIN session s ON s.id = f.session_id
        WHERE s.team_id = ? AND s.started_at IS NOT NULL ORDER BY s.started_at, f.id
    """
    return [
        Feedback(row["usefulness"], row["to_change"] or "")
        for row in db.query(sql, [team_id])
        if first <= local_day(row["started_at"]) <= last
    ]


def self_assessment(db: Database, team_id: int, quarter: str) -> dict[str, str]:
    rows = db.query("SELECT heading, text FROM self_assessment WHERE team_id = ? AND quarter = ?", [team_id, quarter])
    return {str(row["heading"]): str(row["text"]) for row in rows}


def save_self_assessment(db: Database, team_id: int, quarter: str, texts: Mapping[str, str], now: datetime) -> None:
    """Replace the quarter's words, heading by heading; an emptied heading is removed."""
    headings = [key for key, _ in shipped_texts().self_assessment.headings]
    cleaned = checked_assessment(texts, headings)
    db.execute("DELETE FROM self_assessment WHERE team_id = ? AND quarter = ?", [team_id, quarter])
    for heading, text in cleaned.items():
        db.execute(
            "INSERT INTO self_assessment (team_id, quarter, heading, text, updated_at) VALUES (?, ?, ?, ?, ?)",
            [team_id, quarter, heading, text, to_utc_iso(now)],
        )
