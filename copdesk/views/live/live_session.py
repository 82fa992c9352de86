"""The few signals routed between panes while a session is live.

``MainWindow`` owns one :class:`LiveSession` and hands it to each pane. Panes never hold each
other: the timer announces segments, the question pane announces the current question (which the
share-safe view shows), the participation pane announces room signals (which the picker answers),
and the notes pane listens for the end of the session to flush what was typed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class LiveSession(QObject):
    starting = Signal(int)  # session id, before ``started``: the window makes sure every pane exists to hear it
    started = Signal(int)  # session id: panes load that session
    ending = Signal(int)  # about to end: flush everything typed, stop timers
    ended = Signal(int)  # ended and saved: panes return to their empty state
    segment_changed = Signal(int, str)  # position, SegmentPhase value
    question_shown = Signal(str)  # the current question's text, for the share-safe view
    room_signal = Signal(str)  # a core RoomSignal kind ('quiet-voice', 'tension', 'low-energy'), '' when none
    marker_logged = Signal(str)  # a MarkerKind value
    marker_taken_back = Signal(str)  # a MarkerKind value: Undo took back a marker pressed by mistake
    repeated_issue_requested = Signal()  # "Same issue again": open the recurring-issue linking in the notes
    remedies_requested = Signal(str, str)  # a MarkerKind value and what happens next: the question pane shows them

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None
        self.team_id: int | None = None
        self.segment_position: int | None = None
        self.segment_phase: str | None = None
        self._savers: list[Callable[[], bool]] = []
        self._typed_not_added: list[tuple[Callable[[], list[str]], Callable[[], None]]] = []

    @property
    def is_live(self) -> bool:
        return self.session_id is not None

    def begin(self, session_id: int, team_id: int) -> None:
        self.session_id, self.team_id = session_id, team_id
        self.segment_position = self.segment_phase = None
        self.starting.emit(session_id)
        self.started.emit(session_id)

    def enter_segment(self, position: int, phase: str) -> None:
        self.segment_position, self.segment_phase = position, phase
        self.segment_changed.emit(position, phase)

    def add_saver(self, save: Callable[[], bool]) -> None:
        """``save`` saves what a pane holds unsaved (typed text) and says whether it could: asked before ending."""
        self._savers.append(save)

    def save_everything(self) -> bool:
        """Ask every pane to save now; False when something could not be (its pane says why and keeps it)."""
        return all([save() for save in self._savers])  # a list: every pane tries, even after one failed

    def watch_typed_not_added(self, describe: Callable[[], list[str]], keep: Callable[[], None]) -> None:
        """``describe`` names what a pane holds typed but not added as an item (an action not yet added): that is
        no one's to save unasked, so the end and close questions name it instead. ``keep`` keeps it in what the
        pane saves anyway, for a close nobody is there to answer (:meth:`keep_typed_not_added`)."""
        self._typed_not_added.append((describe, keep))

    def typed_not_added(self) -> list[str]:
        """What every pane holds typed but not added, each as a question names it."""
        return [item for describe, _ in self._typed_not_added for item in describe()]

    def keep_typed_not_added(self) -> None:
        """A log-off or SIGTERM (:mod:`copdesk.shutdown`) asks nobody: each pane keeps what it holds typed but not
        added in its saved text, so no word typed is lost."""
        for _, keep in self._typed_not_added:
            keep()

    def finish(self) -> None:
        """Tell panes to flush, then that the session is over. Callers save the session between the two."""
        if self.session_id is None:
            return
        session_id = self.session_id
        self.ending.emit(session_id)
        self.session_id = self.team_id = None
        self.segment_position = self.segment_phase = None
        self.ended.emit(session_id)
