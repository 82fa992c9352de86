"""Correcting the facilitator's words where note search (Ctrl+F) finds them: a session's notes, a learning point,
a parked item, what was said when an issue was raised, an issue's title and resolution, an action and an
escalation's outcome.

Only the words change: the note keeps its session, the action its owner, due date and reviews, the issue its
mentions, status and the day it was resolved, the escalation its dates and status. So a typo, or a name that
should not be there (what is left to correct by hand after a member's data is erased), is put right in an ended
session's record without losing it. A correction is made to the words as they were found: if they were changed
elsewhere since (in a list, an issue's history), it is refused, so it can never put back what that change took
out. The free-text notes of the session live now are corrected in the notes pane, which holds them as they are
being typed and would save its own copy over a correction made here; its other words can be corrected here like
any.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from copdesk.core.input_limits import MAX_OUTCOME_CHARACTERS, item_wording, size_problem, utf8_size
from copdesk.core.model import NoteKind, SessionStatus, TextSource
from copdesk.services import follow_ups, issues, require_row, transaction
from copdesk.store import actions, notes, recurring, sessions
from copdesk.store import issues as stored_issues

LIVE_REFUSAL = "That session is live: correct its notes in the notes pane, where they are being typed."
CHANGED_SINCE = "Those words were changed elsewhere since the search: search again, and correct them as they are now."
_ITEM_NAMES = {NoteKind.LEARNING: "A learning point", NoteKind.PARKED: "A parked item"}
_TABLES = {
    TextSource.ACTION: ("action", follow_ups.ACTION_GONE),
    TextSource.ISSUE_TITLE: ("issue", issues.ISSUE_GONE),
    TextSource.RESOLUTION: ("issue", issues.ISSUE_GONE),
    TextSource.ESCALATION: ("escalation", "That escalation is no longer there (it was removed)"),
    TextSource.MENTION: ("issue_mention", "That mention of the issue is no longer there (it was taken back)"),
}
_NOTE_TABLE = ("note", "That note is no longer there (it was removed)")


def correct_words(db: Database, source: TextSource, row_id: int, typed: str, now: datetime, *, was: str) -> str:
    """Save ``typed`` as the words of row ``row_id`` of ``source``, found reading ``was``; return them as stored
    (spaces tidied, but a session's notes kept exactly as typed). ``ValueError`` with a one-line message, and
    nothing changed, when they are refused: empty where words are needed, too long, another open issue's title, a
    response's outcome emptied, the row removed or its words changed since (an issue that is no longer resolved),
    or the live session's notes."""
    table, gone = _TABLES.get(source, _NOTE_TABLE)
    with transaction(db):
        require_row(db, table, row_id, gone)
        if _stored_words(db, source, row_id) != was:
            raise ValueError(CHANGED_SINCE)
        match source:
            case TextSource.ACTION:
                return follow_ups.reword_action(db, row_id, typed).text
            case TextSource.ISSUE_TITLE:
                return issues.retitle_issue(db, row_id, typed).title
            case TextSource.RESOLUTION:
                return stored_issues.reword_resolution(db, row_id, typed)
            case TextSource.ESCALATION:
                return _reword_outcome(db, row_id, typed, now)
            case TextSource.MENTION:
                return _reword_mention(db, row_id, typed, was)
        return _reword_note(db, NoteKind(source.value), row_id, typed, was, now)


def _stored_words(db: Database, source: TextSource, row_id: int) -> str:
    match source:
        case TextSource.ACTION:
            return actions.get_action(db, row_id).text
        case TextSource.ISSUE_TITLE:
            return stored_issues.get_issue(db, row_id).title
        case TextSource.RESOLUTION:
            return stored_issues.get_issue(db, row_id).resolution or ""
        case TextSource.ESCALATION:
            return stored_issues.get_escalation(db, row_id).outcome or ""
        case TextSource.MENTION:
            return stored_issues.get_mention(db, row_id).text
    return notes.get_note(db, row_id).text


def _reword_note(db: Database, kind: NoteKind, note_id: int, typed: str, was: str, now: datetime) -> str:
    """``was``: the words stored (:func:`correct_words` has checked them)."""
    if kind is NoteKind.NOTE:
        if sessions.get_session(db, notes.get_note(db, note_id).session_id).status is SessionStatus.LIVE:
            raise ValueError(LIVE_REFUSAL)
        words, problem = typed, size_problem(utf8_size(typed))
        if problem is not None:
            raise ValueError(problem)
    else:
        words = item_wording(typed, _ITEM_NAMES[kind])
    if words != was:
        notes.update_note_text(db, note_id, words, now)
    return words


def _reword_mention(db: Database, mention_id: int, typed: str, was: str) -> str:
    """What was said when the issue was raised may be nothing (the issue was only named); ``was`` is what is stored."""
    words = item_wording(typed, "What was said") if typed.strip() else ""
    if words != was:
        stored_issues.reword_mention(db, mention_id, words)
    return words


def _reword_outcome(db: Database, escalation_id: int, typed: str, now: datetime) -> str:
    """The same rules as recording the outcome (a response keeps one), with the escalation's status as it is."""
    if len(typed) > MAX_OUTCOME_CHARACTERS:
        raise ValueError(f"An outcome holds at most {MAX_OUTCOME_CHARACTERS:,} characters; nothing was changed.")
    status = stored_issues.get_escalation(db, escalation_id).status
    return recurring.change_escalation(db, escalation_id, status, typed, now).outcome or ""
