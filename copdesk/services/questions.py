"""The question picker's writes: a question marked asked (or taken back) in a session, a favourite, and the
team's own custom questions (save one, hide or show one, import a deck: all of it or none)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlite_utils import Database

from copdesk.core.question_bank import Question
from copdesk.services import transaction
from copdesk.store import questions
from copdesk.store.questions import CustomQuestionRow, ImportCounts


def mark_asked(
    db: Database, session_id: int, question: Question, asked: bool, segment_position: int | None, at: datetime
) -> None:
    """Record the question as asked in the session, or take that back."""
    with transaction(db):
        if asked:
            questions.record_asked(db, session_id, question.id, question.category, question.text, segment_position, at)
        else:
            questions.unrecord_asked(db, session_id, question.id)


def set_favourite(db: Database, question_key: str, favourite: bool, now: datetime) -> None:
    with transaction(db):
        questions.set_favourite(db, question_key, favourite, now)


def save_custom_question(db: Database, question: Question, now: datetime, *, hidden: bool = False) -> CustomQuestionRow:
    with transaction(db):
        return questions.save_custom_question(db, question, now, hidden=hidden)


def set_custom_hidden(db: Database, uid: str, hidden: bool, now: datetime) -> None:
    with transaction(db):
        questions.set_custom_hidden(db, uid, hidden, now)


def import_custom_questions(db: Database, deck: Sequence[Question], now: datetime) -> ImportCounts:
    with transaction(db):
        return questions.import_custom_questions(db, deck, now)
