"""The asked-question log, custom questions and favourites.

The shipped bank is read-only and lives in ``resources/questions``; what the team adds lives here,
so an upgrade that replaces the bank never touches it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso


@dataclass(frozen=True, slots=True)
class AskedQuestion:
    question_key: str
    category: str
    text: str
    segment_position: int | None
    at: str


@dataclass(frozen=True, slots=True)
class CustomQuestionRow:
    id: int
    uid: str
    team_id: int | None
    category: str
    model: str
    text: str
    phases: tuple[str, ...]
    caution: str | None
    hidden: bool


def record_asked(
    db: Database,
    session_id: int,
    question_key: str,
    category: str,
    text: str,
    segment_position: int | None,
    now: datetime,
) -> None:
    db.table("question_asked").insert(
        {
            "session_id": session_id,
            "question_key": question_key,
            "category": category,
            "text": text,
            "segment_position": segment_position,
            "at": to_utc_iso(now),
        }
    )


def asked_in_session(db: Database, session_id: int) -> list[AskedQuestion]:
    sql = (
        "SELECT question_key, category, text, segment_position, at FROM question_asked WHERE session_id = ? ORDER BY id"
    )
    return [AskedQuestion(**row) for row in db.query(sql, [session_id])]


def team_ask_counts(db: Database, team_id: int) -> Counter[str]:
    """How often the team has been asked each question: the rotation state for the picker."""
    sql = """
        SELECT q.question_key AS key, count(*) AS n FROM question_asked q
        JOIN session s ON s.id = q.session_id WHERE s.team_id = ? GROUP BY q.question_key
    """
    return Counter({str(r["key"]): int(r["n"]) for r in db.query(sql, [team_id])})


def _custom(row: dict[str, Any]) -> CustomQuestionRow:
    phases = tuple(p for p in str(row["phases"]).split(",") if p)
    return CustomQuestionRow(
        id=int(row["id"]),
        uid=str(row["uid"]),
        team_id=row["team_id"],
        category=str(row["category"]),
        model=str(row["model"]),
        text=str(row["text"]),
        phases=phases,
        caution=row["caution"],
        hidden=bool(row["hidden"]),
    )


def upsert_custom_question(
    db: Database,
    uid: str,
    category: str,
    text: str,
    now: datetime,
    *,
    team_id: int | None = None,
    model: str = "",
    phases: tuple[str, ...] = (),
    caution: str | None = None,
    hidden: bool = False,
) -> CustomQuestionRow:
    stamp = to_utc_iso(now)
    existing = next(db.query("SELECT id, created_at FROM custom_question WHERE uid = ?", [uid]), None)
    row = {
        "uid": uid,
        "team_id": team_id,
        "category": category,
        "model": model,
        "text": text,
        "phases": ",".join(phases),
        "caution": caution,
        "hidden": int(hidden),
        "created_at": existing["created_at"] if existing else stamp,
        "updated_at": stamp,
    }
    if existing:
        db.table("custom_question").update(existing["id"], row)
    else:
        db.table("custom_question").insert(row)
    return _custom(next(db.query("SELECT * FROM custom_question WHERE uid = ?", [uid])))


def custom_questions(db: Database, *, include_hidden: bool = False) -> list[CustomQuestionRow]:
    sql = "SELECT * FROM custom_question" + ("" if include_hidden else " WHERE hidden = 0") + " ORDER BY category, id"
    return [_custom(r) for r in db.query(sql)]


def set_favourite(db: Database, question_key: str, favourite: bool, now: datetime) -> None:
    if favourite:
        db.table("favourite").insert({"question_key": question_key, "created_at": to_utc_iso(now)}, ignore=True)
    else:
        db.execute("DELETE FROM favourite WHERE question_key = ?", [question_key])


def favourites(db: Database) -> set[str]:
    return {str(r["question_key"]) for r in db.query("SELECT question_key FROM favourite")}
