"""Ending the live session: the end question, the save of its end, and the question asked when the window closes
while it is live.

Ending saves what was typed, stops the timer (now, or for a session left running when it was last in use:
:mod:`copdesk.core.idle_end`) and saves every segment's actual times with the end in one transaction, then calls
:meth:`LiveSession.finish` so the panes flush, then shows the summary. A session whose end could not be saved stays
live, and the window's banner strip says so with Retry.

:class:`~copdesk.views.session.session_flow.SessionFlow` owns one :class:`SessionEnd` and tells it how to show the
summary; :attr:`SessionEnd.ended` tells the flow to return to Prepare. The questions are opened with ``open()`` and
the last one of each kind is kept, so tests can answer them.

One question about ending shows at a time: the share-safe view and the mini timer copy the window's keys, so Ctrl+E
or Ctrl+Q can come again while the window is held by a question; that brings the question up forward, never a
second. A question answers for the session it asked about: once that session is no longer live (ended or discarded
another way), it closes unanswered, so none of its buttons can end or discard the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton, QMainWindow, QMessageBox

from copdesk.core.date_names import clock_time
from copdesk.core.idle_end import IdleEnd
from copdesk.core.model import Session
from copdesk.core.timer import TimerView
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.timer.live_timer import LiveTimer
from copdesk.views.session.discard_session import SessionDiscard
from copdesk.views.widgets.forms import MessageBox

if TYPE_CHECKING:
    from copdesk.views.session.session_summary import SessionSummaryDialog
    from copdesk.views.shell.close_question import CloseChoice, CloseQuestion

END_QUESTION = "End the session?"
STILL_LIVE = "The session is still live: it was not ended."
MOVED_ON = (
    "The session is still live: it moved on while the end question was open, so it was not ended then. "
    "Choose End session… again."
)
NOT_ENDED = (
    "The session is still live: it was not ended, because something recorded could not be saved yet. "
    "Free some space (or make the database writable), then press Retry."
)


def ending_earlier_words(offer: IdleEnd) -> str:
    """What each end means, with both times, for a session left running (:mod:`copdesk.core.idle_end`)."""
    return (
        f"{offer.reason} End at {clock_time(offer.at)} to end it then: its record and everyone's CPD evidence "
        f"count it until then, and everything recorded later is kept. "
        f"End now ends it at {offer.now_words}, counting the time since as well."
    )


class SessionEnd(QObject):
    ended = Signal()  # the end is saved and the panes have flushed: the window returns to Prepare

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        live: LiveSession,
        live_timer: LiveTimer,
        discard: SessionDiscard,
        *,
        show_summary: Callable[[Session], SessionSummaryDialog],
        last_summary: Callable[[], SessionSummaryDialog | None],
    ) -> None:
        super().__init__(window)
        self.window, self.context, self.live, self.live_timer = window, context, live, live_timer
        self.discard = discard
        self._show_summary, self._last_summary = show_summary, last_summary
        self.confirmation: QMessageBox | None = None
        self.close_question: CloseQuestion | None = None
        self._end_moment: tuple[int, datetime] | None = None  # when End was chosen, kept for a retried end
        live.ended.connect(self._close_questions)

    def _asked_already(self) -> QMessageBox | None:
        """The End, close or Discard… question showing, brought forward: asked again, it is not asked twice."""
        for question in (self.confirmation, self.close_question, self.discard.confirmation):
            if question is not None and question.isVisible():
                question.raise_()
                question.activateWindow()
                return question
        return None

    def _close_questions(self, _session_id: int) -> None:
        """The session is no longer live: a question still showing about it closes, its answer not taken."""
        for question in (self.confirmation, self.close_question):
            if question is not None and question.isVisible():
                question.reject()

    def request(self) -> QMessageBox | None:
        from copdesk.views.shell.close_question import not_added_warning

        if not self.live.is_live:
            return None
        if (asked := self._asked_already()) is not None:
            return asked
        box = MessageBox(
            QMessageBox.Icon.Question,
            END_QUESTION,
            END_QUESTION,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        not_added = self.live.typed_not_added()
        offer = self.live_timer.idle_end()
        box.setInformativeText(
            (not_added_warning(not_added, "Ending now leaves {it} out of the session") + "\n\n" if not_added else "")
            + (ending_earlier_words(offer) + "\n\n" if offer is not None else "")
            + "The timer stops and the session is saved with every segment's actual time. This cannot be undone.\n\n"
            "Started by mistake or for practice? Discard it instead: it is deleted with all it recorded."
        )
        box.setObjectName("endConfirmation")
        now = box.button(QMessageBox.StandardButton.Yes)
        now.setText("&End and keep" if offer is None else f"End &now, at {clock_time(offer.now)}")
        earlier = None
        if offer is not None:
            earlier = box.addButton(f"&End at {clock_time(offer.at)}", QMessageBox.ButtonRole.AcceptRole)
            earlier.setObjectName("endWhenLastUsed")
        discard = box.addButton("&Discard…", QMessageBox.ButtonRole.DestructiveRole)
        box.button(QMessageBox.StandardButton.Cancel).setAccessibleName("Cancel: carry on with the session")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(partial(self._end_answered, box, now, earlier, discard, offer))
        self.confirmation = box
        box.open()
        return box

    def _end_answered(
        self,
        box: QMessageBox,
        now: QAbstractButton,
        earlier: QAbstractButton | None,
        discard: QAbstractButton,
        offer: IdleEnd | None,
        _result: int,
    ) -> None:
        clicked = box.clickedButton()
        if clicked is now:
            self.end_now()
        elif clicked is earlier and offer is not None:
            self._end_when_last_used(offer)
        elif clicked is discard:
            self.discard.request()

    def _end_when_last_used(self, offer: IdleEnd) -> None:
        """End at the time the question offered, unless the session moved on while it was open (N in the share-safe
        view, which the question does not hold): that end would come before a segment begun since, so nothing is
        ended and the status bar says to ask again."""
        if not self._moved_on_since(offer.at):
            self.end_now(at=offer.at)

    def _moved_on_since(self, offered: datetime) -> bool:
        """Whether the session was used after a question offered to end it when last in use (``offered``); if so,
        the status bar says it was not ended."""
        still = self.live_timer.idle_end()
        if still is not None and still.at == offered:
            return False
        self.window.statusBar().showMessage(MOVED_ON, 20000)
        return True

    def end_now(self, at: datetime | None = None) -> SessionSummaryDialog | None:
        """Save what was typed, stop the timer, save actuals and the end, let the panes flush, show the summary.

        It ends now, or at ``at``, when a session left running was last in use (the segment running then is cut
        there; what was recorded later is kept all the same). The session ends only once its end is saved. Otherwise
        it stays live (the timer stays stopped at the end chosen, which is the end Retry saves) and the banner strip
        says so.
        """
        session_id = self.live_timer.session_id
        if session_id is None or not self.live.is_live:
            return None
        writes = self.context.writes
        retry, key = partial(self.end_now, at), ("end session", session_id)
        if not self.live.save_everything() or not writes.retry():  # nothing typed or clicked is left behind
            writes.refuse(NOT_ENDED, retry=retry, key=key)
            return None
        if not self.live.is_live:  # an end refused before, replayed by that retry, has ended it (at the end chosen)
            return self._last_summary()
        final = self.live_timer.stop_clock(at=at)
        if self._end_moment is None or self._end_moment[0] != session_id:
            self._end_moment = (session_id, at or self.context.now())
        ended_at = self._end_moment[1]
        saved = writes.run(lambda: self._save_end(session_id, final, ended_at), retry=retry, key=key, kept=STILL_LIVE)
        if saved is None:
            return None
        self._end_moment = None
        self.live.finish()
        self.live_timer.detach()
        self.ended.emit()
        return self._show_summary(saved.value)

    def _save_end(self, session_id: int, final: TimerView, ended_at: datetime) -> Session:
        """One transaction: the segments' actual times, the timer's final state, the end and the carry-over."""
        from copdesk.services.sessions import end_session

        return end_session(
            self.context.db, session_id, ended_at, self.context.now(), final=final, timer_state=self.live_timer.state()
        )

    def ask_before_closing(self, close: Callable[[], object], notes_saved: bool) -> QMessageBox | None:
        """While a session is live, ask before the window closes; ``close`` closes it without asking again.
        ``notes_saved`` is False when the facilitator chose to close with notes the database would not take."""
        from copdesk.views.shell.close_question import CloseQuestion

        if not self.live.is_live:
            return None
        if (asked := self._asked_already()) is not None:
            return asked  # closing again (or the End question up) does not stack a second question
        offer = self.live_timer.idle_end()
        earlier = None if offer is None else (clock_time(offer.at), ending_earlier_words(offer))
        question = CloseQuestion(
            self.window, notes_saved=notes_saved, not_added=self.live.typed_not_added(), earlier=earlier
        )
        question.chosen.connect(lambda choice: self._closing_chosen(choice, close, offer))
        self.close_question = question
        question.open()
        return question

    def _closing_chosen(self, choice: CloseChoice, close: Callable[[], object], offer: IdleEnd | None) -> None:
        from copdesk.views.shell.close_question import CloseChoice

        if choice is CloseChoice.KEEP_LIVE:
            close()
        elif choice in (CloseChoice.END, CloseChoice.END_WHEN_LAST_USED):
            at = offer.at if choice is CloseChoice.END_WHEN_LAST_USED and offer is not None else None
            if at is not None and self._moved_on_since(at):
                return  # the window stays open, the status bar saying why
            summary = self.end_now(at=at)
            if summary is not None:
                summary.finished.connect(lambda _result: close())
            elif not self.live.is_live:
                close()
            # Otherwise the end could not be saved: the window stays open, its banner offering Retry.
