"""Correcting the facilitator's words where note search (Ctrl+F) finds them: a session's notes, a learning point,
a parked item, what was said when an issue was raised, an issue's title, an action and an escalation's outcome.

Only the words change: the note keeps its session, the action its owner, due date and reviews, the issue its
mentions and status, the escalation its dates and status. So a typo, or a name that should not be there (what is
left to correct by hand after a member's data is erased), is put right in an ended session's record without
losing it. The notes and items of the session live now are corrected in the notes pane instead: it holds them
as they are being typed, and would save its own copy over a correction made here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from sqlite_utils import Database

from copdesk.core.input_limits import MAX_OUTCOME_CHARACTERS, item_wording, size_problem, utf8_size
from copdesk.core.model import NoteKind, SessionStatus, TextSource
from copdesk.services import follow_ups, issues, transaction
from copdesk.store import issues as stored_issues
from copdesk.store import notes, sessions
from copdesk.store.tables import row_exists

LIVE_REFUSAL = "That session is live: correct its notes and items in the notes pane, where they are being typed."
_ITEM_NAMES = {NoteKind.LEARNING: "A learning point", NoteKind.PARKED: "A parked item"}


def correct_words(db: Database, source: TextSource, row_id: int, typed: str, now: datetime) -> str:
    """Save ``typed`` as the words of row ``row_id`` of ``source``; return them as stored (spaces tidied, but a
    session's notes kept exactly as typed). ``ValueError`` with a one-line message, and nothing changed, when they
    are refused: empty where words are needed, too long, another open issue's title, a response's outcome
    emptied, the row removed meanwhile, or a note of the session live now."""
    match source:
        case TextSource.ACTION:
            return follow_ups.reword_action(db, row_id, typed).text
        case TextSource.ISSUE_TITLE:
            return issues.retitle_issue(db, row_id, typed).title
        case TextSource.ESCALATION:
            return _reword_outcome(db, row_id, typed)
        case TextSource.MENTION:
            return _reword_mention(db, row_id, typed)
    return _reword_note(db, NoteKind(source.value), row_id, typed, now)


def _reword_note(db: Database, kind: NoteKind, note_id: int, typed: str, now: datetime) -> str:
    if kind is NoteKind.NOTE:
        words, problem = typed, size_problem(utf8_size(typed))
        if problem is not None:
            raise ValueError(problem)
    else:
        words = item_wording(typed, _ITEM_NAMES[kind])
    return _reword_in_ended_session(
        db,
        ("note", note_id, "That note is no longer there (it was removed)"),
        words,
        read=lambda: notes.get_note(db, note_id),
        write=lambda: notes.update_note_text(db, note_id, words, now),
    )


def _reword_mention(db: Database, mention_id: int, typed: str) -> str:
    """What was said when the issue was raised may be nothing (the issue was only named)."""
    words = item_wording(typed, "What was said") if typed.strip() else ""
    return _reword_in_ended_session(
        db,
        ("issue_mention", mention_id, "That mention of the issue is no longer there (it was taken back)"),
        words,
        read=lambda: stored_issues.get_mention(db, mention_id),
        write=lambda: stored_issues.reword_mention(db, mention_id, words),
    )


class _Worded(Protocol):
    @property
    def session_id(self) -> int: ...

    @property
    def text(self) -> str: ...


def _reword_in_ended_session(
    db: Database, row: tuple[str, int, str], words: str, *, read: Callable[[], _Worded], write: Callable[[], None]
) -> str:
    """Write ``words`` into ``row`` (its table, its id and how to say it is gone) unless it was removed meanwhile or
    belongs to the session live now."""
    table, row_id, gone = row
    with transaction(db):
        if not row_exists(db, table, row_id):
            raise ValueError(f"{gone}: nothing was changed.")
        current = read()
        if sessions.get_session(db, current.session_id).status is SessionStatus.LIVE:
            raise ValueError(LIVE_REFUSAL)
        if current.text != words:
            write()
        return words


def _reword_outcome(db: Database, escalation_id: int, typed: str) -> str:
    """The same rules as recording the outcome (a response keeps one), with the escalation's status as it is."""
    if len(typed) > MAX_OUTCOME_CHARACTERS:
        raise ValueError(f"Keep the outcome under {MAX_OUTCOME_CHARACTERS:,} characters; nothing was changed.")
    if not row_exists(db, "escalation", escalation_id):
        raise ValueError("That escalation is no longer there (it was removed): nothing was changed.")
    status = stored_issues.get_escalation(db, escalation_id).status
    return issues.change_escalation(db, escalation_id, status, typed).outcome or ""
