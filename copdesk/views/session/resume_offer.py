"""A session that was live when CoPDesk died is offered at the next start: resume it, or end it at its last save.

:func:`pending_live_sessions` finds them (tests and the dialog share it); :class:`ResumeDialog` is opened with
``open()`` and answers through signals: it never runs a nested event loop, so start-up carries on, and a test can
read and answer it. Ending at the last
saved time uses the timer state saved as a heartbeat while the session ran, so the record says when the
meeting really stopped being timed, not when CoPDesk was next opened; it ends the way the End button does
(:func:`copdesk.services.sessions.end_at_last_save`: open follow-ups are carried once).

The meeting goes on in the room while CoPDesk is closed, so resuming a timer that was running counts that gap
by default: it is measured on the wall clock from the last save (monotonic readings do not survive a restart).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from copdesk.core.clock import from_utc_iso
from copdesk.core.date_names import clock_time, time_on_day
from copdesk.core.idle_end import IdleEnd
from copdesk.core.model import Session
from copdesk.core.pacing import format_minutes, rounded_minutes
from copdesk.core.text import counted
from copdesk.core.timer import SessionTimer, TimerError, TimerStatus
from copdesk.store.sessions import last_recorded_at, live_sessions, timer_state
from copdesk.store.teams import get_team
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_resume_offer import Ui_ResumeDialog
from copdesk.views.widgets.forms import fit_height_on_screen


@dataclass(frozen=True, slots=True)
class PendingLiveSession:
    session: Session
    team_name: str
    state: Mapping[str, Any] | None  # the last saved timer state; None when missing or unreadable
    problem: str  # why it cannot be resumed, or ""
    earlier: IdleEnd | None = None  # left running before CoPDesk closed: when it was last in use, offered as its end

    @property
    def last_saved(self) -> datetime | None:
        stamp = self.state.get("saved_at") if self.state else self.session.last_saved_at
        return from_utc_iso(str(stamp)) if stamp else None

    @property
    def can_resume(self) -> bool:
        return self.state is not None and not self.problem

    def gap_seconds(self, now: datetime) -> float:
        """How long CoPDesk was closed while the timer was running: 0 if it was paused (or the clock went back)."""
        saved = self.last_saved
        if not self.can_resume or self.state is None or self.state.get("status") != TimerStatus.RUNNING.value:
            return 0.0
        return max((now - saved).total_seconds(), 0.0) if saved else 0.0

    @property
    def planned_total_seconds(self) -> float:
        return float(self.state.get("planned_total_seconds", 0)) if self.state else 0.0

    def describe(self) -> str:
        topic = f" ({self.session.topic})" if self.session.topic else ""
        saved = self.last_saved
        when = f" It was last saved at {time_on_day(saved.astimezone())}." if saved else ""
        where = ""
        if self.state is not None and not self.problem:
            index = int(self.state["current_index"])
            segment = self.state["segments"][index]
            # The segment's own minutes, with what it was planned for: "19 min in" alone reads as the session's.
            into = format_minutes(float(self.state["current_elapsed_seconds"]))
            planned = format_minutes(float(segment["planned_seconds"]))
            where = f" The timer was {into} into {segment['name']} (planned for {planned})."
        problem = f" {self.problem}" if self.problem else ""
        running = f"{self.team_name}'s {self.session.kind.label}{topic} was still running when CoPDesk closed."
        return f"{running}{when}{where}{problem}"


def pending_live_sessions(context: AppContext) -> list[PendingLiveSession]:
    """Every session left live, each with its saved timer and, for one left running before CoPDesk closed (overnight,
    or unused an hour past its agenda), when it was last in use (:mod:`copdesk.core.idle_end`): read from what the
    database holds, the last thing recorded in it and the last thing done on the saved timer."""
    pending = []
    for session in live_sessions(context.db):
        text = timer_state(context.db, session.id)
        state: Mapping[str, Any] | None = None
        earlier = None
        problem = "" if text else "Its timer was never saved, so it can only be ended."
        if text:
            try:
                state = json.loads(text)
                timer = SessionTimer.from_state(state, context.monotonic, context.now)  # readable?
                earlier = timer.idle_end(partial(last_recorded_at, context.db, session.id))
            except (ValueError, TimerError) as error:
                state, problem = None, f"Its saved timer cannot be read ({str(error)[:80]}), so it can only be ended."
        if state is not None and state.get("status") == TimerStatus.FINISHED.value:
            problem = "Its timer had already stopped, so it only needs ending."
        team = get_team(context.db, session.team_id).name
        pending.append(PendingLiveSession(session, team, state, problem, earlier))
    return pending


def restore_timer(
    context: AppContext, pending: PendingLiveSession, *, count_gap: bool = False
) -> tuple[SessionTimer, str]:
    """The timer as last saved, paused (Space carries on), or running with the time CoPDesk was closed counted.

    Returns the timer and, when the gap was counted, what that did in words.
    """
    if pending.state is None:
        raise TimerError(pending.problem or "There is no saved timer to resume.")
    timer = SessionTimer.from_state(pending.state, context.monotonic, context.now)
    gap = pending.gap_seconds(context.now())
    return (timer, timer.count_gap(gap)) if count_gap and gap > 0 else (timer, "")


def closed_for_words(seconds: float) -> str:
    """How long CoPDesk was closed, in whole words at the scale that matters: "20 seconds", "1 minute", "3 hours 5
    minutes", "2 days 3 hours" (never "under a minute", which reads wrongly after "the")."""
    if rounded_minutes(seconds) == 0:
        return counted(max(round(seconds), 1), "second")
    minutes = rounded_minutes(seconds)
    if minutes < 60:
        return counted(minutes, "minute")
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return " ".join([counted(hours, "hour"), *([counted(minutes, "minute")] if minutes else [])])
    days, hours = divmod(math.floor(seconds / 3600 + 0.5), 24)  # to the nearest hour, half up as minutes are
    return " ".join([counted(days, "day"), *([counted(hours, "hour")] if hours else [])])


class ResumeDialog(QDialog):
    """``gap_seconds``: how long CoPDesk was closed with the timer running (0: nothing to count).

    ``before_starting``: offered because the facilitator pressed Start for a team whose session is still live.
    """

    resume_chosen = Signal(int)  # session id; read :attr:`count_gap` for how
    end_chosen = Signal(int)  # at the last save
    end_earlier_chosen = Signal(int)  # when it was last in use: :attr:`PendingLiveSession.earlier`

    def __init__(
        self,
        pending: PendingLiveSession,
        gap_seconds: float,
        parent: QWidget | None = None,
        *,
        before_starting: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ResumeDialog()
        self.ui.setupUi(self)
        if before_starting:
            self.setWindowTitle("A session is still running")
        self.pending = pending
        ui = self.ui
        ui.headingLabel.setText(
            f"{pending.team_name} already has a session running" if before_starting else "Resume the session?"
        )
        before = "Resume it, or end it and the new session starts. " if before_starting else ""
        self.message_label, self.count_gap_check, self.hint_label = ui.resumeMessage, ui.countGap, ui.resumeHint
        self.message_label.setText(before + pending.describe())
        self.count_gap_check.setText(f"&Count the time CoPDesk was closed: {closed_for_words(gap_seconds)}")
        self.count_gap_check.setVisible(gap_seconds > 0)
        # Closed for longer than the whole session was planned to last, the meeting has most likely ended.
        self.count_gap_check.setChecked(0 < gap_seconds <= max(pending.planned_total_seconds, 1.0))
        self.count_gap_check.toggled.connect(self._show_hint)
        saved = pending.last_saved
        self.end_button, self.earlier_button, self.resume_button = ui.endButton, ui.earlierButton, ui.resumeButton
        if saved:
            self.end_button.setText(f"&End it at {clock_time(saved)}")
        if pending.earlier is not None and saved:
            self._offer_earlier(pending.earlier, saved)
        self.end_button.clicked.connect(self._end)
        self.earlier_button.clicked.connect(self._end_earlier)
        self.resume_button.setEnabled(pending.can_resume)
        self.resume_button.setDefault(pending.can_resume)
        self.resume_button.clicked.connect(self._resume)
        ui.laterButton.clicked.connect(self.reject)
        self._show_hint()

    def showEvent(self, event: QShowEvent) -> None:
        """As tall as its words at its width: Qt measured them wrapped narrower, and left a blank band under the
        heading."""
        super().showEvent(event)
        if not event.spontaneous():
            fit_height_on_screen(self)

    def _offer_earlier(self, offer: IdleEnd, saved: datetime) -> None:
        """Both ends, with what each means: when it was last in use, or its last save (when CoPDesk closed)."""
        at, closed = clock_time(offer.at), clock_time(saved)
        self.message_label.setText(
            f"{self.message_label.text()} {offer.reason} End at {at} to end it then: its record and everyone's CPD "
            f"evidence count it until then. Ending at {closed} counts the time until CoPDesk closed as well."
        )
        self.earlier_button.setText(f"End &at {at}")
        self.earlier_button.setVisible(True)
        self.end_button.setText(f"&End at {closed}")

    @property
    def count_gap(self) -> bool:
        return not self.count_gap_check.isHidden() and self.count_gap_check.isChecked()

    def _show_hint(self) -> None:
        if not self.count_gap_check.isHidden() and self.count_gap_check.isChecked():
            text = (
                "The meeting went on: resuming adds that time to the timer and runs on, so it shows where the "
                "meeting is."
            )
        elif not self.count_gap_check.isHidden():
            text = "Resuming brings the timer back paused where it was saved, as if no time had passed."
        else:
            text = "Resuming brings the timer back paused where it was saved; press Space to carry on."
        self.hint_label.setText(text)

    def _resume(self) -> None:
        self.accept()
        self.resume_chosen.emit(self.pending.session.id)

    def _end(self) -> None:
        self.accept()
        self.end_chosen.emit(self.pending.session.id)

    def _end_earlier(self) -> None:
        self.accept()
        self.end_earlier_chosen.emit(self.pending.session.id)
