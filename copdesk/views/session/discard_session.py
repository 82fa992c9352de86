""" "Discard this session…": a session started by accident or for practice goes, with all it recorded.

Offered from the Session menu and from the end-of-session question ("End and keep" or "Discard…"). It acts
on the live session, else on the team's latest session if it ended today; anything older is history and
is refused (:mod:`copdesk.store.discard` decides what goes, :func:`copdesk.services.sessions.discard_session`
deletes it in one transaction). A confirmation counts what will be deleted first. Discarding a live session
tears the live page down the way ending does (the timer stops, the panes flush and empty) and then deletes
it; the window returns to Prepare. Nothing is carried or written on the way: a refused discard leaves the
session exactly as it was. While what was typed in the live session cannot be saved, the live page is not torn
down at all: its text stays in its fields, with its Retry, rather than go to a file, and the discard is refused
(what refused the save, a full disk, a read-only folder or a lock, would refuse the deletion too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMessageBox

from copdesk.core.clock import from_utc_iso
from copdesk.core.dates import format_uk
from copdesk.services.sessions import discard_session
from copdesk.store.discard import DiscardPreview, DiscardRefused, discardable_session, preview_discard
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.timer.live_timer import LiveTimer
from copdesk.views.widgets.forms import MessageBox

TYPED_NOT_SAVED = (
    "What was typed in the live session could not be saved, so nothing was deleted and the session is as it was, "
    "its text still in the window. Once Retry (beside the text) has saved it, discard again."
)
NOTHING_TO_DISCARD = (
    "There is no session to discard: only the live session, or one that ended today, can be discarded. "
    "Older sessions are kept as history."
)


class SessionDiscard(QObject):
    discarded = Signal(int)  # the session id, once deleted: the window shows Prepare, reloaded

    def __init__(
        self,
        window: QMainWindow,
        context: AppContext,
        live: LiveSession,
        live_timer: LiveTimer,
        current_team_id: Callable[[], int | None],
    ) -> None:
        super().__init__(window)
        self.window, self.context, self.live, self.live_timer = window, context, live, live_timer
        self._current_team_id = current_team_id
        self.confirmation: QMessageBox | None = None
        self.message_box: QMessageBox | None = None
        self.action = QAction("&Discard this session…", window)
        self.action.setStatusTip("Delete the live session, or one that ended today, and everything recorded in it")
        self.action.triggered.connect(self.request)

    def request(self) -> QMessageBox:
        """Ask to discard the session this applies to, naming what goes; or say why there is none.

        What was typed but not yet saved is saved first, so the count asked about is the count deleted."""
        if self.live.is_live and not self.live.save_everything():
            return self._tell("The session was not discarded", TYPED_NOT_SAVED)
        try:
            preview = self._preview()
        except DiscardRefused as refused:
            return self._tell("Nothing to discard", str(refused))
        if preview is None:
            return self._tell("Nothing to discard", NOTHING_TO_DISCARD)
        box = MessageBox(
            QMessageBox.Icon.Warning,
            "Discard this session?",
            _heading(preview),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("discardConfirmation")
        box.setInformativeText(_consequences(preview))
        discard = box.addButton("&Discard session", QMessageBox.ButtonRole.DestructiveRole)
        discard.setAccessibleName("Discard the session and everything recorded in it")
        box.button(QMessageBox.StandardButton.Cancel).setAccessibleName("Cancel: keep the session")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        session_id = preview.session.id
        box.finished.connect(lambda _result: self.discard(session_id) if box.clickedButton() is discard else None)
        self.confirmation = box
        box.open()
        return box

    def discard(self, session_id: int) -> DiscardPreview | None:
        """Delete the session (a live one is torn down first, as ending does), then show Prepare."""
        was_live = self.live.session_id == session_id
        if was_live and not self.live.save_everything():  # the disk filled while the confirmation was open
            self._tell("The session was not discarded", TYPED_NOT_SAVED)
            return None
        if was_live:
            self.live.finish()  # the panes flush and empty, as when a session ends
            self.live_timer.detach()  # and no heartbeat writes to a session about to go
        kept = " It is kept as it was, and offered to resume when CoPDesk next starts." if was_live else ""
        now = self.context.now()
        try:
            done = self.context.writes.run(
                lambda: discard_session(self.context.db, session_id, now),
                key=("discard", session_id),
                kept=f"Nothing was deleted.{kept}",
            )
        except DiscardRefused as refused:
            self._tell("The session was not discarded", f"{refused} Nothing was deleted.{kept}")
            return None
        if done is None:
            return None
        self.discarded.emit(session_id)
        self.window.statusBar().showMessage(discarded_words(done.value), 8000)
        return done.value

    def _preview(self) -> DiscardPreview | None:
        now = self.context.now()
        if self.live.session_id is not None:
            return preview_discard(self.context.db, self.live.session_id, now)
        team_id = self._current_team_id()
        session = discardable_session(self.context.db, team_id, now) if team_id is not None else None
        return preview_discard(self.context.db, session.id, now) if session is not None else None

    def _tell(self, title: str, text: str) -> QMessageBox:
        box = MessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window)
        self.message_box = box
        box.open()
        return box


def discarded_words(preview: DiscardPreview) -> str:
    """The status line after a discard, in the confirmation's own words."""
    recorded = preview.in_words()
    if recorded == "nothing recorded yet":
        return "Session discarded: nothing had been recorded in it."
    return f"Session discarded, with everything recorded in it: {recorded}."


def _heading(preview: DiscardPreview) -> str:
    session = preview.session
    when = _local(session.started_at) or _local(session.planned_start)
    state = "live " if session.ended_at is None else ""
    title = f"the {state}{session.kind.label} session" + (f" of {format_uk(when.date())}" if when else "")
    return f"Discard {title}" + (f", “{session.topic}”?" if session.topic else "?")


def _consequences(preview: DiscardPreview) -> str:
    text = (
        f"This deletes it and everything recorded in it: {preview.in_words()}. It will not count as held, and "
        "the actions it followed up go back to how they were before it (none is counted as carried by it)."
    )
    if preview.changes:
        text += " Changes of owner or due date made in it stay as they are."
    return text + " This cannot be undone."


def _local(stamp: str | None) -> datetime | None:
    return from_utc_iso(stamp).astimezone() if stamp else None
