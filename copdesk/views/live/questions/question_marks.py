"""The question pane's two marks: a favourite (★, kept across sessions) and Mark as asked (Ctrl+M), which logs the
question in the live session with the time and the segment's position. Marking again undoes either.

Each goes through the one write guard, and the pane shows a mark only once the store has it: a refused write leaves
the button as it was, with the guard's message and its retry. The rotation across sessions is derived from the asked
log (``team_ask_counts``): a question drawn and skipped was not put to the team, so it comes round again first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

from copdesk.core.question_bank import Question, QuestionKind
from copdesk.services.questions import mark_asked, set_favourite
from copdesk.store import questions as store
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession


class QuestionMarks:
    def __init__(
        self,
        context: AppContext,
        live_session: LiveSession,
        *,
        refresh: Callable[[], None],
        notice: Callable[[str], None],
    ) -> None:
        self.context, self.live = context, live_session
        self._refresh, self._notice = refresh, notice
        self.favourite_ids = store.favourites(context.db)
        self.logged_ids: set[str] = set()  # asked in the live session

    def toggle_favourite(self, question: Question | None) -> None:
        if question is not None:
            self._set_favourite(question, question.id not in self.favourite_ids)

    def _set_favourite(self, question: Question, favourite: bool) -> None:
        now = self.context.now()
        saved = self.context.writes.run(
            lambda: set_favourite(self.context.db, question.id, favourite, now),
            retry=partial(self._set_favourite, question, favourite),
            key=("favourite", question.id),
        )
        if saved is not None:
            (self.favourite_ids.add if favourite else self.favourite_ids.discard)(question.id)
        self._refresh()

    def toggle_asked(self, question: Question | None) -> None:
        session_id = self.live.session_id
        if session_id is None:
            self._refresh()
            self._notice("No session is live, so nothing is logged. Start a session to keep the log.")
            return
        if question is None or question.kind is not QuestionKind.QUESTION:
            self._refresh()
            return
        asked = question.id not in self.logged_ids
        self._set_asked(session_id, question, asked, self.live.segment_position, self.context.now())

    def _set_asked(self, session_id: int, question: Question, asked: bool, position: int | None, at: datetime) -> None:
        """Log (or unlog) the question as asked; the button shows it only once the store has it."""
        if self.live.session_id != session_id:
            return
        saved = self.context.writes.run(
            lambda: mark_asked(self.context.db, session_id, question, asked, position, at),
            retry=partial(self._set_asked, session_id, question, asked, position, at),
            key=("asked", question.id),
        )
        if saved is not None:
            (self.logged_ids.add if asked else self.logged_ids.discard)(question.id)
        self._refresh()
