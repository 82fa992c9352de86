"""The asked-question log, custom questions and favourites.

The shipped bank is read-only and lives in ``resources/questions``; what the facilitator adds lives
here, so an upgrade that replaces the bank never touches it. Custom questions belong to the
facilitator rather than to one team (``team_id`` stays NULL), like favourites: a facilitator of two
teams writes a question once. The asked log is per session, so the rotation stays per team.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import to_utc_iso
from copdesk.core.custom_questions import DEFAULT_MODEL, DEFAULT_SOURCE, custom_key, uid_of
from copdesk.core.question_bank import PromptPhase, Question, QuestionKind, SignalKind


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
    kind: str = QuestionKind.QUESTION.value
    source: str = DEFAULT_SOURCE
    funnel_level: int | None = None
    signals: tuple[str, ...] = ()
    signal_source: str | None = None
    derived_from: str | None = None
    note: str | None = None

    def as_question(self) -> Question:
        """The row as the picker holds it (id ``custom:<uid>``).

        Rows written before the schema held phases or a model are offered in every phase, under the
        default model, rather than never.
        """
        return Question(
            id=custom_key(self.uid),
            text=self.text,
            category=self.category,
            model=self.model or DEFAULT_MODEL,
            source=self.source or DEFAULT_SOURCE,
            phases=tuple(PromptPhase(phase) for phase in self.phases) or tuple(PromptPhase),
            kind=QuestionKind(self.kind),
            funnel_level=self.funnel_level,
            caution=self.caution,
            signals=tuple(SignalKind(signal) for signal in self.signals),
            signal_source=self.signal_source,
            derived_from=self.derived_from,
            note=self.note,
        )


@dataclass(frozen=True, slots=True)
class ImportCounts:
    added: int
    updated: int
    unchanged: int = 0  # already there as the deck has it, and shown: left as it was


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


def unrecord_asked(db: Database, session_id: int, question_key: str) -> bool:
    """Undo "mark as asked": remove the latest ask of the question in the session; False if there was none."""
    sql = "SELECT max(id) AS id FROM question_asked WHERE session_id = ? AND question_key = ?"
    row = next(db.query(sql, [session_id, question_key]))
    if row["id"] is None:
        return False
    db.execute("DELETE FROM question_asked WHERE id = ?", [row["id"]])
    return True


def team_ask_counts(db: Database, team_id: int) -> Counter[str]:
    """How often the team has been asked each question: the rotation state for the picker."""
    sql = """
        SELECT q.question_key AS key, count(*) AS n FROM question_asked q
        JOIN session s ON s.id = q.session_id WHERE s.team_id = ? GROUP BY q.question_key
    """
    return Counter({str(r["key"]): int(r["n"]) for r in db.query(sql, [team_id])})


def _split(value: object) -> tuple[str, ...]:
    return tuple(item for item in str(value).split(",") if item)


def _custom(row: dict[str, Any]) -> CustomQuestionRow:
    return CustomQuestionRow(
        id=int(row["id"]),
        uid=str(row["uid"]),
        team_id=row["team_id"],
        category=str(row["category"]),
        model=str(row["model"]),
        text=str(row["text"]),
        phases=_split(row["phases"]),
        caution=row["caution"],
        hidden=bool(row["hidden"]),
        kind=str(row["kind"]),
        source=str(row["source"]),
        funnel_level=row["funnel_level"],
        signals=_split(row["signals"]),
        signal_source=row["signal_source"],
        derived_from=row["derived_from"],
        note=row["note"],
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
    kind: str = QuestionKind.QUESTION.value,
    source: str = DEFAULT_SOURCE,
    funnel_level: int | None = None,
    signals: tuple[str, ...] = (),
    signal_source: str | None = None,
    derived_from: str | None = None,
    note: str | None = None,
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
        "kind": kind,
        "source": source,
        "funnel_level": funnel_level,
        "signals": ",".join(signals),
        "signal_source": signal_source,
        "derived_from": derived_from,
        "note": note,
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


def save_custom_question(db: Database, question: Question, now: datetime, *, hidden: bool = False) -> CustomQuestionRow:
    """Add or update one custom question; its uid is the id without the ``custom:`` prefix."""
    return upsert_custom_question(
        db,
        uid_of(question.id),
        question.category,
        question.text,
        now,
        model=question.model,
        phases=tuple(phase.value for phase in question.phases),
        caution=question.caution,
        hidden=hidden,
        kind=question.kind.value,
        source=question.source,
        funnel_level=question.funnel_level,
        signals=tuple(signal.value for signal in question.signals),
        signal_source=question.signal_source,
        derived_from=question.derived_from,
        note=question.note,
    )


def import_custom_questions(db: Database, questions: Sequence[Question], now: datetime) -> ImportCounts:
    """Save a checked deck in one transaction: every entry or none. An entry whose uid exists updates it (and shows
    it again if it was hidden), so importing a deck twice never makes copies; one already there exactly as the deck
    has it, and shown, is left as it was and counted as unchanged."""
    existing = {row.uid: row for row in custom_questions(db, include_hidden=True)}
    added = updated = 0
    with db.atomic():
        for question in questions:
            row = existing.get(uid_of(question.id))
            if row is not None and not row.hidden and row.team_id is None and row.as_question() == question:
                continue
            save_custom_question(db, question, now)
            if row is None:
                added += 1
            else:
                updated += 1
    return ImportCounts(added=added, updated=updated, unchanged=len(questions) - added - updated)


def set_custom_hidden(db: Database, uid: str, hidden: bool, now: datetime) -> None:
    """Hide a custom question from the picker (or show it again); its asks and favourite stay."""
    db.execute(
        "UPDATE custom_question SET hidden = ?, updated_at = ? WHERE uid = ?", [int(hidden), to_utc_iso(now), uid]
    )


def set_favourite(db: Database, question_key: str, favourite: bool, now: datetime) -> None:
    if favourite:
        db.table("favourite").insert({"question_key": question_key, "created_at": to_utc_iso(now)}, ignore=True)
    else:
        db.execute("DELETE FROM favourite WHERE question_key = ?", [question_key])


def favourites(db: Database) -> set[str]:
    return {str(r["question_key"]) for r in db.query("SELECT question_key FROM favourite")}
