"""Full-text search (SQLite FTS5, set up in ``db/0005`` and ``db/0009``): issue suggestions while typing, and
note search over notes, issues (and their resolutions), actions and escalation outcomes.

The FTS tables have the shape sqlite-utils makes, so ``db.table("note").search(...)`` works too; the
queries here are written out because they need bm25 weights across two tables, and snippets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from copdesk.core.clock import local_day
from copdesk.core.fts import (
    ELLIPSIS,
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    LONGEST_SNIPPETED,
    cut_snippet,
    match_all,
    match_any,
)
from copdesk.core.model import IssueStatus, NoteKind, TextSource
from copdesk.store.carry_over import SESSION_ORDER
from copdesk.store.connection import read_beside
from copdesk.store.issues import STATUS_READ

SUGGESTION_LIMIT = 5
SEARCH_LIMIT = 100
SNIPPET_WORDS = 14
# A word in an issue's title says more about which issue it is than the same word in one mention of it.
TITLE_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class IssueSuggestion:
    id: int
    title: str
    status: IssueStatus
    times_raised: int
    last_raised: date
    score: float  # bm25 summed over the title and every mention: lower is a better match


@dataclass(frozen=True, slots=True)
class NoteHit:
    """One match in context. ``where`` says what kind of text matched ("Notes", "Issue: …", "Action", …).

    ``session_date`` is the session it belongs to: where a note was written, an issue first recorded (its title),
    raised (what was said) or last raised (its resolution), an action agreed, an escalation raised (else where its
    issue was last raised). With none of those sessions left, it is the day the text was recorded (for an
    escalation, the day it was raised), and ``session_id`` is ``None``.
    ``source`` and ``row_id`` name the text itself, for a correction
    (:func:`copdesk.services.corrections.correct_words`).
    """

    source: TextSource
    row_id: int
    session_id: int | None  # None when it has no session left (its date is then when it was recorded)
    session_date: date
    team_name: str
    where: str
    snippet: str  # highlighted with core.fts.HIGHLIGHT_START / HIGHLIGHT_END
    text: str


_SUGGEST_SQL = f"""
WITH hits AS (
    SELECT rowid AS issue_id, {TITLE_WEIGHT} * bm25(issue_fts) AS score
    FROM issue_fts WHERE issue_fts MATCH :query
    UNION ALL
    SELECT m.issue_id, bm25(issue_mention_fts)
    FROM issue_mention_fts JOIN issue_mention m ON m.id = issue_mention_fts.rowid
    WHERE issue_mention_fts MATCH :query
)
SELECT issue.id, issue.title, {STATUS_READ.format(i="issue")} AS status, sum(hits.score) AS score,
       (SELECT count(DISTINCT session_id) FROM issue_mention WHERE issue_id = issue.id) AS times_raised,
       (SELECT max(at) FROM issue_mention WHERE issue_id = issue.id) AS last_raised
FROM hits JOIN issue ON issue.id = hits.issue_id
WHERE issue.team_id = :team_id AND issue.status <> 'resolved'
  AND NOT EXISTS (SELECT 1 FROM issue_mention WHERE issue_id = issue.id AND session_id = :session_id)
GROUP BY issue.id
ORDER BY score, times_raised DESC, issue.id
LIMIT :limit
"""


def suggest_issues(
    db: Database, team_id: int, typed: str, *, session_id: int | None = None, limit: int = SUGGESTION_LIMIT
) -> list[IssueSuggestion]:
    """The team's earlier unresolved issues that match what is being typed, best first.

    Issues already linked in ``session_id`` are left out: raising an issue twice in one meeting is not
    "again".
    """
    query = match_any(typed)
    if query is None:
        return []
    params = {"query": query, "team_id": team_id, "session_id": session_id or -1, "limit": limit}
    return [
        IssueSuggestion(
            id=int(row["id"]),
            title=str(row["title"]),
            status=IssueStatus(row["status"]),
            times_raised=int(row["times_raised"]),
            last_raised=local_day(row["last_raised"]),
            score=float(row["score"]),
        )
        for row in db.query(_SUGGEST_SQL, params)
    ]


# A note may be a 1 MB paste: one longer than core.fts.LONGEST_SNIPPETED has its snippet cut in Python (NULL here).
# Each kind of text with its session (for its date and team: a note always has one, the others bring their own),
# or, when it has none left (a deletion of old sessions
# keeps an issue resolved since, an action still open, without the sessions they came from), its team and when it
# was recorded (a UTC time), or for an escalation the local day it was raised: what the erasure report counts in
# notes, issues, actions and escalation outcomes must be found.
_SEARCH_SQL = f"""
SELECT hit.*, team.name AS team_name, coalesce({SESSION_ORDER.format(s="session")}, hit.recorded) AS held FROM (
    SELECT note.id AS row_id, note.session_id, note.kind AS kind, '' AS issue_title, note.text AS text,
           CASE WHEN length(note.text) <= {LONGEST_SNIPPETED}
                THEN snippet(note_fts, 0, :start, :end, :ellipsis, {SNIPPET_WORDS}) END AS snippet,
           bm25(note_fts) AS score,
           NULL AS team_id, NULL AS recorded, NULL AS raised_on
    FROM note_fts JOIN note ON note.id = note_fts.rowid
    WHERE note_fts MATCH :query
    UNION ALL
    SELECT m.id, m.session_id, 'mention', issue.title, m.text,
           snippet(issue_mention_fts, 0, :start, :end, :ellipsis, {SNIPPET_WORDS}), bm25(issue_mention_fts),
           issue.team_id, m.at, NULL
    FROM issue_mention_fts JOIN issue_mention m ON m.id = issue_mention_fts.rowid
    JOIN issue ON issue.id = m.issue_id
    WHERE issue_mention_fts MATCH :query
    UNION ALL
    SELECT issue.id, (SELECT m.session_id FROM issue_mention m WHERE m.issue_id = issue.id ORDER BY m.at, m.id LIMIT 1),
           'issue-title', issue.title, issue.title,
           snippet(issue_fts, 0, :start, :end, :ellipsis, {SNIPPET_WORDS}), {TITLE_WEIGHT} * bm25(issue_fts),
           issue.team_id, issue.created_at, NULL
    FROM issue_fts JOIN issue ON issue.id = issue_fts.rowid
    WHERE issue_fts MATCH :query
    UNION ALL
    SELECT issue.id, (SELECT m.session_id FROM issue_mention m WHERE m.issue_id = issue.id
                      ORDER BY m.at DESC, m.id DESC LIMIT 1),
           'resolution', issue.title, issue.resolution,
           snippet(issue_resolution_fts, 0, :start, :end, :ellipsis, {SNIPPET_WORDS}), bm25(issue_resolution_fts),
           issue.team_id, coalesce(issue.resolved_at, issue.created_at), NULL
    FROM issue_resolution_fts JOIN issue ON issue.id = issue_resolution_fts.rowid
    WHERE issue_resolution_fts MATCH :query
    UNION ALL
    SELECT action.id, action.origin_session_id, 'action', '', action.text,
           snippet(action_fts, 0, :start, :end, :ellipsis, {SNIPPET_WORDS}), bm25(action_fts),
           action.team_id, action.created_at, NULL
    FROM action_fts JOIN action ON action.id = action_fts.rowid
    WHERE action_fts MATCH :query
    UNION ALL
    SELECT e.id, coalesce(e.session_id, (SELECT m.session_id FROM issue_mention m WHERE m.issue_id = e.issue_id
                                   ORDER BY m.at DESC, m.id DESC LIMIT 1)),
           'escalation', issue.title, e.outcome,
           snippet(escalation_fts, 0, :start, :end, :ellipsis, {SNIPPET_WORDS}), bm25(escalation_fts),
           issue.team_id, NULL, e.raised_on
    FROM escalation_fts JOIN escalation e ON e.id = escalation_fts.rowid
    JOIN issue ON issue.id = e.issue_id
    WHERE escalation_fts MATCH :query
) AS hit
LEFT JOIN session ON session.id = hit.session_id
JOIN team ON team.id = coalesce(hit.team_id, session.team_id)
WHERE :team_id IS NULL OR team.id = :team_id
ORDER BY hit.score, coalesce(held, hit.raised_on) DESC
LIMIT :limit
"""


def _where(source: TextSource, issue_title: str) -> str:
    match source:
        case TextSource.MENTION:
            return f"Issue: {issue_title}"
        case TextSource.ISSUE_TITLE:
            return "Issue"
        case TextSource.RESOLUTION:
            return f"Resolution: {issue_title}"
        case TextSource.ACTION:
            return "Action"
        case TextSource.ESCALATION:
            return f"Escalation outcome: {issue_title}"
    return NoteKind(source.value).label


def _held_on(row: dict[str, Any]) -> date:
    """The local day of a hit's session or record; an escalation with no session left was raised on a local day."""
    return local_day(row["held"]) if row["held"] is not None else date.fromisoformat(row["raised_on"])


def search_notes(db: Database, typed: str, *, team_id: int | None = None, limit: int = SEARCH_LIMIT) -> list[NoteHit]:
    """Every note, learning point, parked item, issue (its title, what was said and how it was resolved), action
    and escalation outcome containing all the words: of ``team_id``'s sessions (and its records with no session
    left), or of every team's with ``None``.

    The team is kept to in the query, before the best ``limit`` are taken: another team's matches never take the
    places of this team's, and never leave the database for a screen that may be shared."""
    query = match_all(typed)
    if query is None:
        return []
    params = {
        "query": query,
        "start": HIGHLIGHT_START,
        "end": HIGHLIGHT_END,
        "ellipsis": ELLIPSIS,
        "team_id": team_id,
        "limit": limit,
    }
    return [
        NoteHit(
            source=TextSource(row["kind"]),
            row_id=int(row["row_id"]),
            session_id=None if row["session_id"] is None else int(row["session_id"]),
            session_date=_held_on(row),
            team_name=str(row["team_name"]),
            where=_where(TextSource(row["kind"]), str(row["issue_title"])),
            snippet=str(row["snippet"])
            if row["snippet"] is not None
            else cut_snippet(row["text"], typed, SNIPPET_WORDS),
            text=str(row["text"]),
        )
        for row in db.query(_SEARCH_SQL, params)
    ]


def search_notes_beside(
    db_path: Path, typed: str, superseded: Callable[[], bool], *, team_id: int | None
) -> list[NoteHit]:
    """:func:`search_notes` (of ``team_id``'s notes, or every team's with ``None``) on a read-only connection of its
    own, for a worker thread (the search takes a quarter of a second on ten years of notes), given up as soon as
    ``superseded()`` says a newer search was asked for: what it returns then is never shown. A file that cannot be
    read just now is a :class:`StoreError`."""
    found = read_beside(
        db_path,
        superseded,
        lambda db: search_notes(db, typed, team_id=team_id),
        "The notes could not be searched just now ({why}); try again.",
    )
    return [] if found is None else found
