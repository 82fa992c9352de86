"""The "forgot to start" prompt: a scheduled session's start passed while CoPDesk was open and nothing started.

The planned start comes from the team's series (``copdesk.store.schedule.next_session``, the one source of
"next session"). Only a start that passes *while the window is open* counts, so opening CoPDesk in the
afternoon does not nag about the morning; each start is mentioned once, as a banner, never a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from copdesk.core.date_names import clock_time
from copdesk.core.schedule import NextSession
from copdesk.store import schedule, teams
from copdesk.views.context import AppContext

CHECK_INTERVAL_MS = 30_000


def reminder_text(team_name: str, due: NextSession, now: datetime) -> str:
    planned = due.moment.astimezone()
    return (
        f"{team_name}'s {due.kind.label} was planned to start at {planned:%H:%M} "
        f"and it is now {clock_time(now)}. Start it when the group is ready."
    )


class StartReminder(QObject):
    due = Signal(str)  # the gentle words to show

    def __init__(
        self,
        context: AppContext,
        team_id: Callable[[], int | None],
        is_live: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._team_id = team_id
        self._is_live = is_live
        self.watch_from = context.now()  # starts before this (the window opening) are not "forgotten"
        self._check_timer = QTimer(self)
        self._check_timer.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._check_timer.setInterval(CHECK_INTERVAL_MS)
        self._check_timer.timeout.connect(self.check)
        self._check_timer.start()

    def stop(self) -> None:
        """The window is closing: its database is about to close too, so nothing is checked any more."""
        self._check_timer.stop()

    @property
    def watching(self) -> bool:
        return self._check_timer.isActive()

    def check(self) -> NextSession | None:
        """Remind about the team's scheduled start if it has passed since the last check and nothing is live."""
        team_id = self._team_id()
        if team_id is None:
            return None
        now = self.context.now()
        found: NextSession | None = None
        # Only the latest start that passed counts: after a long sleep, older ones are history, not reminders.
        while (passed := schedule.next_session(self.context.db, team_id, self.watch_from)) is not None:
            if passed.moment.astimezone() > now:
                break
            found, self.watch_from = passed, passed.moment.astimezone()
        if found is None or self._is_live():
            return None
        self.due.emit(reminder_text(teams.get_team(self.context.db, team_id).name, found, now))
        return found
