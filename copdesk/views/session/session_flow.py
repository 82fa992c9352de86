"""The facilitator's hour from "Start session" to the saved record, wired between the window and the panes.

``MainWindow`` owns one :class:`SessionFlow`; the flow owns the live timer, the live-session actions and the
windows that show the timer elsewhere (share-safe view, mini timer). Starting calls
:meth:`LiveSession.begin`, then every segment change is announced with :meth:`LiveSession.enter_segment`.
Ending, and the question asked when the window closes while a session is live, are
:mod:`~copdesk.views.session.session_end`'s; the flow shows the summary it ends with. The window only
follows :attr:`went_live` and :attr:`returned_to_prepare` to switch pages.

Dialogs are opened with ``open()`` (window-modal, never a nested event loop), and the last one of each kind
is kept on the flow, so the meeting never waits on a blocked call and tests can answer them. Their modules are
imported when first opened, so the window's first paint does not wait for them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QPushButton, QWidget

from copdesk.core.agenda import AgendaTemplate, load_template_folder
from copdesk.core.ground_rules import load_ground_rules
from copdesk.core.model import Session, SessionKind
from copdesk.core.text import InvalidName
from copdesk.core.timer import SessionTimer, TimerStatus
from copdesk.store.agendas import template_for
from copdesk.store.teams import get_team
from copdesk.views.context import AppContext
from copdesk.views.live.live_actions import ADD_MINUTES, LiveActions
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.mini_timer import MiniTimer
from copdesk.views.live.share_view import ShareView
from copdesk.views.live.timer.live_timer import LiveTimer
from copdesk.views.live.timer.timer_disc import TimerColours
from copdesk.views.session.discard_session import SessionDiscard
from copdesk.views.session.resume_flow import ResumeFlow
from copdesk.views.session.session_end import SessionEnd
from copdesk.views.session.start_reminder import StartReminder
from copdesk.views.shell.shortcut_help import ShortcutHelp
from copdesk.views.widgets import theme
from copdesk.views.widgets.banner import Banner
from copdesk.views.widgets.pressed_again import PressedAgain

if TYPE_CHECKING:
    from copdesk.services.sessions import SessionPlan
    from copdesk.views.calendar.agenda_editor import AgendaEditorDialog
    from copdesk.views.session.resume_offer import PendingLiveSession, ResumeDialog
    from copdesk.views.session.session_summary import SessionSummaryDialog
    from copdesk.views.session.start_session_dialog import StartSessionDialog
    from copdesk.views.shell.close_question import CloseQuestion

# Said as the share-safe view opens: sharing the whole screen (or this window) would show who spoke to the room.
SHARE_THE_WINDOW = (
    "In Teams, share the window “CoPDesk: shared screen”, not your whole screen: this window shows who has spoken."
)
NOT_STARTED = "The session was not started; press Retry to start it as you set it up."


class SessionFlow(QObject):
    went_live = Signal()
    returned_to_prepare = Signal()

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        live: LiveSession,
        current_team_id: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.window, self.context, self.live = window, context, live
        self._current_team_id = current_team_id
        self.shipped = load_template_folder(context.resource("agendas"))
        self.ground_rules = load_ground_rules(context.resource("prompts", "ground_rules.toml"))
        self.colours = TimerColours.from_palette(theme.colours(context.resources, theme.LIGHT))
        self.actions = LiveActions(context, window)
        self.live_timer = LiveTimer(context, self)
        self.share_view = ShareView(self.colours)
        self.mini_timer = MiniTimer(self.colours)
        for extra in (self.share_view, self.mini_timer):  # windows of their own, with no parent: they go with this
            self.destroyed.connect(extra.deleteLater)
        self.help_overlay = ShortcutHelp(window)
        self.discard = SessionDiscard(window, context, live, self.live_timer, current_team_id)
        self.discard.discarded.connect(lambda _session_id: self.returned_to_prepare.emit())
        self.reminder = StartReminder(context, current_team_id, lambda: live.is_live, self)
        self.reminder_banner = Banner("info")
        self.reminder_banner.setObjectName("startReminder")
        self.header_button = QPushButton()
        self.header_button.setObjectName("startSessionButton")
        self.header_button.setProperty("primary", True)
        self.header_button.clicked.connect(self.start_or_end)
        self.start_dialog: StartSessionDialog | None = None
        self.agenda_editor: AgendaEditorDialog | None = None
        self.summary_dialog: SessionSummaryDialog | None = None
        self.error_box: QMessageBox | None = None
        self._status: TimerStatus | None = None
        self._presses = PressedAgain(context.monotonic)  # Next and +5 min act once for a double click
        self.resumes = ResumeFlow(
            window,
            context,
            live,
            self.live_timer,
            go_live=self._go_live,
            show_summary=self._show_summary,
            show_error=self._show_error,
        )
        self.ending = SessionEnd(
            window,
            context,
            live,
            self.live_timer,
            self.discard,
            show_summary=self._show_summary,
            last_summary=lambda: self.summary_dialog,
        )
        self.ending.ended.connect(self.returned_to_prepare)
        self._wire()
        self._show_status(None)
        self.actions.space_presses.watch(window, self.header_button)  # the Live page watches its own when built

    def _wire(self) -> None:
        actions = self.actions
        actions.start_session.triggered.connect(self.open_start_dialog)
        actions.pause.triggered.connect(self.live_timer.toggle)
        actions.next_segment.triggered.connect(self.next_pressed)
        actions.add_time.triggered.connect(self.add_time_pressed)
        actions.retime.triggered.connect(self.live_timer.retime)
        actions.end_session.triggered.connect(self.request_end)
        actions.share_view.toggled.connect(self.show_share_view)
        actions.mini_timer.toggled.connect(self.show_mini_timer)
        actions.edit_agendas.triggered.connect(self._edit_current_team_agendas)
        actions.help.triggered.connect(self.help_overlay.toggle)
        self.live_timer.refreshed.connect(self._timer_refreshed)
        self.live_timer.refreshed.connect(self.share_view.show_timer)
        self.live_timer.refreshed.connect(self.mini_timer.show_timer)
        self.live_timer.segment_entered.connect(self.live.enter_segment)
        self.live.question_shown.connect(self.share_view.show_question)
        self.live.ended.connect(lambda _session_id: self.share_view.show_question(""))
        self.share_view.closed.connect(lambda: actions.share_view.setChecked(False))
        self.mini_timer.closed.connect(lambda: actions.mini_timer.setChecked(False))
        self.mini_timer.restore_requested.connect(self._raise_window)
        self.reminder.due.connect(self._show_reminder)
        self.share_view.show_timer(None)
        self.mini_timer.show_timer(None)

    # -- starting ---------------------------------------------------------------------------------
    def agenda_for(self, team_id: int, kind: SessionKind) -> AgendaTemplate:
        return template_for(self.context.db, team_id, kind, self.shipped)

    def start_or_end(self) -> None:
        if self.live.is_live:
            self.request_end()
        else:
            self.open_start_dialog()

    def open_start_dialog(self) -> StartSessionDialog | None:
        from copdesk.views.session.start_session_dialog import StartSessionDialog

        if self.live.is_live:
            return None
        if self._current_team_id() is None:  # said before a dialog whose every list would be empty
            self._show_error("No team yet", "Create a team first (File ▸ New team…): a session is run for a team.")
            return None
        dialog = StartSessionDialog(
            self.context, self._current_team_id(), self.agenda_for, self.ground_rules, self.window
        )
        dialog.edit_agenda_requested.connect(
            lambda team_id, kind: self.open_agenda_editor(team_id, SessionKind(kind), dialog)
        )
        dialog.accepted.connect(lambda: self.start(dialog.plan) if dialog.plan is not None else None)
        self.start_dialog = dialog
        dialog.open()
        return dialog

    def start(self, plan: SessionPlan) -> Session | None:
        """Save the session as live, start its timer, tell the panes, and go to the Live page.

        A team never has two live sessions: if one was left live (a crash, then "Decide later"), it is offered
        first, to resume (the new one is not started) or to end (then the new one starts).
        """
        from copdesk.core.planning import SessionRoles
        from copdesk.services.sessions import start_session
        from copdesk.views.session.start_session_dialog import start_words

        still_live = [p for p in self.pending_resumes() if p.session.team_id == plan.team_id]
        if still_live:
            self.resumes.offer(still_live[0], before_starting=True, after_ending=lambda: self.start(plan))
            return None
        now, roles = self.context.now(), plan.roles or SessionRoles()
        try:
            started = self.context.writes.run(
                lambda: start_session(self.context.db, plan, now),
                retry=partial(self.start, plan),
                key=("start", plan.team_id),
                kept=NOT_STARTED,
                words=start_words("Start session", plan.topic, roles.trigger_warning, roles.support),
            )
        except (InvalidName, ValueError) as error:
            self._show_error("The session was not started", str(error))
            return None
        if started is None:
            return None
        session = started.value
        timer = SessionTimer(
            plan.agenda.segments,
            self.context.monotonic,
            self.context.now,
            planned_total_seconds=plan.agenda.total_seconds,
        )
        timer.start()
        self.reminder_banner.hide()
        self._go_live(session.id, plan.team_id, timer)
        return session

    def _go_live(self, session_id: int, team_id: int, timer: SessionTimer) -> None:
        """Tell the panes, go to the Live page, and let the timer pane follow ``timer`` (new or resumed)."""
        self.live.begin(session_id, team_id)
        self.went_live.emit()
        self.live_timer.attach(session_id, timer)

    def next_pressed(self) -> None:
        """N or the Next segment button. A second press would close the segment just begun before anyone saw it, and a
        closed segment cannot be opened again (:class:`~copdesk.views.widgets.pressed_again.PressedAgain`)."""
        if not self._presses.pressed_again("next"):
            self.next_segment()

    def add_time_pressed(self) -> None:
        """+ or the +5 min button; pressed again at once (:class:`~copdesk.views.widgets.pressed_again.PressedAgain`),
        it would give 10 minutes."""
        if not self._presses.pressed_again("add time"):
            self.live_timer.add_time(ADD_MINUTES * 60)

    def next_segment(self) -> None:
        """The next segment; on the last one, moving on means ending, so ask."""
        if self.live_timer.on_last_segment:
            self.request_end()
        else:
            self.live_timer.next_segment()

    # -- ending -------------------------------------------------------------------------------------
    @property
    def end_confirmation(self) -> QMessageBox | None:
        return self.ending.confirmation

    @property
    def close_question(self) -> CloseQuestion | None:
        return self.ending.close_question

    def request_end(self) -> QMessageBox | None:
        return self.ending.request()

    def end_now(self, at: datetime | None = None) -> SessionSummaryDialog | None:
        return self.ending.end_now(at)

    def ask_before_closing(self, close: Callable[[], object], notes_saved: bool) -> QMessageBox | None:
        return self.ending.ask_before_closing(close, notes_saved)

    def _show_summary(self, session: Session) -> SessionSummaryDialog:
        from copdesk.views.session.session_summary import SessionSummaryDialog

        summary = SessionSummaryDialog(self.context, session, self.window)
        self.summary_dialog = summary
        summary.open()
        return summary

    # -- after a crash --------------------------------------------------------------------------------
    @property
    def resume_dialog(self) -> ResumeDialog | None:
        return self.resumes.dialog

    def pending_resumes(self) -> list[PendingLiveSession]:
        return self.resumes.pending()

    def offer_resume(self) -> ResumeDialog | None:
        """Offer the first session left live by a crash; the next is offered once this one is decided."""
        return self.resumes.offer_next()

    # -- other windows -------------------------------------------------------------------------------
    def show_share_view(self, shown: bool) -> None:
        if shown:
            self._show_beside_the_work(self.share_view)
            self.window.statusBar().showMessage(SHARE_THE_WINDOW, 20000)
        else:
            self.share_view.hide()

    def show_mini_timer(self, shown: bool) -> None:
        if shown:
            self.mini_timer.resize(self.mini_timer.sizeHint())
            self._show_beside_the_work(self.mini_timer)
        else:
            self.mini_timer.hide()

    def _show_beside_the_work(self, other: QWidget) -> None:
        """Show the share-safe view or the mini timer without taking the keys: the next letters typed in the notes
        stay text there, rather than reaching the timer's N, R and Space from the other window."""
        had_focus = self.window.isActiveWindow()
        other.show()
        other.raise_()
        if had_focus:
            self.window.activateWindow()

    def open_agenda_editor(
        self, team_id: int | None = None, kind: SessionKind | None = None, parent: QObject | None = None
    ) -> AgendaEditorDialog | None:
        from copdesk.views.calendar.agenda_editor import AgendaEditorDialog
        from copdesk.views.session.start_session_dialog import StartSessionDialog

        team_id = team_id if team_id is not None else self._current_team_id()
        if team_id is None:
            self._show_error("No team yet", "Create a team first (File ▸ New team); agendas belong to a team.")
            return None
        editor = AgendaEditorDialog(
            self.context,
            team_id,
            get_team(self.context.db, team_id).name,
            kind or SessionKind.REFLECTIVE,
            self.shipped,
            parent if isinstance(parent, StartSessionDialog) else self.window,
        )
        if isinstance(parent, StartSessionDialog):
            editor.saved.connect(lambda _kind: parent.refresh_agenda())
        self.agenda_editor = editor
        editor.open()
        return editor

    def _edit_current_team_agendas(self) -> None:
        self.open_agenda_editor()

    def set_palette(self, palette: str) -> None:
        self.colours = TimerColours.from_palette(theme.colours(self.context.resources, palette))
        for view in (self.share_view, self.mini_timer):
            view.set_colours(self.colours)

    def shutdown(self) -> None:
        """On quit: save the timer for the last time (a live session is offered for resume next time, paused at this
        save), stop the start reminder (the database closes next) and close the extra windows."""
        self.live_timer.save()
        self.live_timer.stand_still()
        self.reminder.stop()
        self.share_view.close()
        self.mini_timer.close()

    # -- internals ------------------------------------------------------------------------------------
    def _timer_refreshed(self, view: object) -> None:
        status = getattr(view, "status", None)
        if status is not self._status:
            self._show_status(status)

    def _show_status(self, status: TimerStatus | None) -> None:
        self._status = status
        self.actions.show_status(status)
        live = self.live.is_live
        self.header_button.setText("End session…" if live else "Start session…")
        self.header_button.setAccessibleName("End the session" if live else "Start a session")
        self.header_button.setToolTip("Ctrl+E" if live else "F5")

    def _show_reminder(self, text: str) -> None:
        self.reminder_banner.show_message(text, [("&Start session…", self._open_start_from_reminder)])

    def _open_start_from_reminder(self) -> None:
        self.open_start_dialog()

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def _show_error(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self.window)
        self.error_box = box
        box.open()
