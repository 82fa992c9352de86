"""Sessions left live when CoPDesk stopped (a crash, a power cut, "Decide later"), offered one at a time: resume
it, or end it at its last save. A team's session still live is also offered before a new one starts.

After "Decide later" a banner under the header keeps saying a session is still live, with Resume and End, until
it is resumed or ended: a session nobody can see is a session nobody remembers to end.

:class:`~copdesk.views.session.session_flow.SessionFlow` owns one :class:`ResumeFlow` and tells it how to go live
and how to show a summary or an error. The dialog and the services are imported when first needed, so the
window's first paint does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from copdesk.core.date_names import clock_time, time_on_day
from copdesk.core.model import Session
from copdesk.core.timer import SessionTimer, TimerError
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.timer.live_timer import LiveTimer
from copdesk.views.widgets.banner import Action, Banner

if TYPE_CHECKING:
    from copdesk.views.session.resume_offer import PendingLiveSession, ResumeDialog
    from copdesk.views.session.session_summary import SessionSummaryDialog


class ResumeFlow(QObject):
    def __init__(
        self,
        window: QWidget,
        context: AppContext,
        live: LiveSession,
        live_timer: LiveTimer,
        *,
        go_live: Callable[[int, int, SessionTimer], None],
        show_summary: Callable[[Session], SessionSummaryDialog],
        show_error: Callable[[str, str], None],
    ) -> None:
        super().__init__(window)
        self.window, self.context, self.live, self.live_timer = window, context, live, live_timer
        self._go_live, self._show_summary, self._show_error = go_live, show_summary, show_error
        self.dialog: ResumeDialog | None = None  # the last offer, kept so tests can answer it
        self.banner = Banner("info", closable=False)
        self.banner.setObjectName("stillLiveBanner")
        live.started.connect(lambda _id: self.banner.hide())

    def pending(self) -> list[PendingLiveSession]:
        from copdesk.views.session.resume_offer import pending_live_sessions

        return [] if self.live.is_live else pending_live_sessions(self.context)

    def offer_next(self) -> ResumeDialog | None:
        """Offer the first session left live; the next is offered once this one is decided."""
        pending = self.pending()
        return self.offer(pending[0], before_starting=False, after_ending=self.offer_next) if pending else None

    def offer(
        self, pending: PendingLiveSession, *, before_starting: bool, after_ending: Callable[[], object]
    ) -> ResumeDialog:
        from copdesk.views.session.resume_offer import ResumeDialog

        dialog = ResumeDialog(
            pending, pending.gap_seconds(self.context.now()), self.window, before_starting=before_starting
        )
        dialog.resume_chosen.connect(lambda _id: self.resume(dialog.pending, count_gap=dialog.count_gap))
        dialog.end_chosen.connect(lambda _id: self.end_pending(dialog.pending, then=after_ending))
        dialog.end_earlier_chosen.connect(
            lambda _id: self.end_pending(dialog.pending, then=after_ending, when_last_used=True)
        )
        dialog.rejected.connect(self.show_waiting)
        self.dialog = dialog
        self.banner.hide()
        dialog.open()
        return dialog

    def show_waiting(self) -> None:
        """The banner for the first session still left live (after "Decide later"), or none."""
        pending = self.pending()
        if not pending:
            self.banner.hide()
            return
        first = pending[0]
        saved = first.last_saved
        when = f", last saved at {time_on_day(saved.astimezone())}" if saved else ""
        more = f" ({len(pending) - 1} more after it.)" if len(pending) > 1 else ""
        gap = first.gap_seconds(self.context.now())
        count_gap = 0 < gap <= max(first.planned_total_seconds, 1.0)  # as the offer would have it
        actions: list[Action] = [("&End it", lambda: self.end_pending(first, then=self.show_waiting))]
        used = ""
        if first.earlier is not None and saved:  # left running before CoPDesk closed: as the offer, both ends
            at = clock_time(first.earlier.at)
            used = f", last in use at {at}"
            actions = [
                (f"End &at {at}", lambda: self.end_pending(first, then=self.show_waiting, when_last_used=True)),
                (f"&End at {clock_time(saved)}", lambda: self.end_pending(first, then=self.show_waiting)),
            ]
        if first.can_resume:
            actions.insert(0, ("&Resume", lambda: self.resume(first, count_gap=count_gap)))
        self.banner.show_message(
            f"A session is still live: {first.team_name}'s {first.session.kind.label}{when}{used}.{more}", actions
        )

    def resume(self, pending: PendingLiveSession, *, count_gap: bool = False) -> bool:
        """Bring the session back: paused as saved, or running with the time CoPDesk was closed counted. Resumed on a
        later day, nobody taken off it by mistake is kept for Undo any more (a refused write keeps them, until the
        session ends)."""
        from copdesk.services.sessions import resumed
        from copdesk.views.session.resume_offer import restore_timer

        try:
            timer, caught_up = restore_timer(self.context, pending, count_gap=count_gap)
        except TimerError as error:
            self._show_error("The session cannot be resumed", str(error))
            return False
        context = self.context
        context.writes.run(lambda: resumed(context.db, pending.session.id, pending.last_saved, context.now()))
        self._go_live(pending.session.id, pending.session.team_id, timer)
        if caught_up:
            self.live_timer.notice.emit(caught_up)
        return True

    def end_pending(
        self, pending: PendingLiveSession, *, then: Callable[[], object] | None = None, when_last_used: bool = False
    ) -> SessionSummaryDialog | None:
        """End a session left live at its last save (or, ``when_last_used``, when it was last in use), show its
        summary, then (once read) ``then`` or the next offer.

        Refused (a full disk, a read-only file), the session stays live and the window's banner offers Retry."""
        from copdesk.services.sessions import end_at_last_save

        context = self.context
        last_used = pending.earlier.at if when_last_used and pending.earlier is not None else None
        ended = context.writes.run(
            lambda: end_at_last_save(
                context.db,
                pending.session.id,
                pending.state,
                pending.last_saved,
                context.monotonic,
                context.now,
                last_used=last_used,
            ),
            retry=lambda: self.end_pending(pending, then=then, when_last_used=when_last_used),
            key=("end at last save", pending.session.id),
            kept="The session is still live: it was not ended.",
        )
        if ended is None:
            return None
        summary = self._show_summary(ended.value)
        summary.finished.connect(lambda _result: (then or self.offer_next)())
        return summary
