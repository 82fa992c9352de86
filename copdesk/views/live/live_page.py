"""The Live page: timer and participation on the left, questions and notes on the right, in splitters.

It is a page of its own so that the main window can build it only when first needed (a session starts or
resumes, Live is chosen, notes are searched): nobody sees it at start-up (the Prepare view shows until a
session starts), and its panes and their modules would otherwise be a large part of start-up's time and
memory. ``MainWindow.ensure_live_page`` builds it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QWidget

from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.notes.notes_panel import NotesPanel
from copdesk.views.live.participation.participation_panel import ParticipationPanel
from copdesk.views.live.questions.question_panel import QuestionPanel
from copdesk.views.live.timer.timer_panel import TimerPanel
from copdesk.views.session.session_flow import SessionFlow

# The right column is 606 px high or more in a window 768 high (654 with no banner over the page); 640 high, 478 to
# 526. Below this, the question pane has less than its filter row and a two-line suggestion need beside the notes.
# A number, not the sum of the panes' least heights: those change with what shows (a suggestion, a long question,
# the identifier warning) and with the column short or not: at 1366x768 under the demo's banner, the sum beside a
# suggestion is 625 px in a column of 615, so the column would turn short, and back, as a suggestion came and went.
SHORT_COLUMN = 560


class LivePage(QWidget):
    def __init__(
        self, context: AppContext, live: LiveSession, flow: SessionFlow, current_team_id: Callable[[], int | None]
    ) -> None:
        """``current_team_id`` is the team chosen at the top of the window: note search keeps to it."""
        super().__init__()
        self.timer_panel = TimerPanel(context, flow.live_timer, flow.actions, flow.colours)
        self.question_panel = QuestionPanel(context, live)
        self.participation_panel = ParticipationPanel(context, live)
        self.notes_panel = NotesPanel(context, live, flow.actions.share_view, current_team_id)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 10)
        self.live_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.live_splitter.setObjectName("liveSplitter")
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.setObjectName("leftSplitter")
        self.left_splitter.addWidget(self.timer_panel)
        self.left_splitter.addWidget(self.participation_panel)
        self.right_splitter = QSplitter(Qt.Orientation.Vertical)
        self.right_splitter.setObjectName("rightSplitter")
        self.right_splitter.addWidget(self.question_panel)
        self.right_splitter.addWidget(self.notes_panel)
        for splitter in (self.left_splitter, self.right_splitter):
            splitter.setChildrenCollapsible(False)
            splitter.setHandleWidth(8)
        self.live_splitter.addWidget(self.left_splitter)
        self.live_splitter.addWidget(self.right_splitter)
        self.live_splitter.setChildrenCollapsible(False)
        self.live_splitter.setHandleWidth(8)
        self.live_splitter.setStretchFactor(0, 5)
        self.live_splitter.setStretchFactor(1, 6)
        outer.addWidget(self.live_splitter)
        # Its height says whether the column is short, and a pane's least height changing (the identifier warning
        # showing under the notes) whether the question pane gives way to the notes and the follow-up list folds.
        self.right_splitter.installEventFilter(self)
        self.notes_panel.follow_up.fold_while_shown(self.notes_panel.identifier_warning, self._notes_hold)
        self._short_column = False
        flow.actions.space_presses.watch(self)  # Space presses its buttons reached with Tab, not the timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.right_splitter:
            if isinstance(event, QResizeEvent):
                self._set_short(event.size().height() < SHORT_COLUMN)
            if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
                self._questions_give_way()
                self.notes_panel.follow_up.refit()
        return super().eventFilter(watched, event)

    def _set_short(self, short: bool) -> None:
        """A short right column (a window 640 high): both its panes stand closer to their edges, the question pane
        puts its filters behind a button, and the notes keep fewer lines to type in, so that beside a suggestion
        every list of the notes still shows a whole row."""
        if short == self._short_column:
            return
        self._short_column = short
        self.question_panel.short_column.set_short(short)
        self.notes_panel.set_short(short)
        for pane in (self.question_panel, self.notes_panel):
            pane.set_tight(short)

    def _questions_give_way(self) -> None:
        """While the identifier warning shows under the notes, in a column too short for both panes standing tall (at
        1366x768 under the demo's banner, beside a long question and a suggestion), the question pane stands as in a
        short column: its filters behind a button, the suggestion on one line, and the card from the question's first
        line, the rest scrolling. The notes keep their six lines; squeezed, they showed three and a half."""
        questions = self.question_panel.short_column
        if self._short_column:
            return
        tall = self.question_panel.minimumSizeHint().height() + questions.growth_standing_tall()
        notes = self.notes_panel.minimumSizeHint().height() + self.right_splitter.handleWidth()
        squeezed = self.right_splitter.height() < tall + notes
        questions.set_short(squeezed and not self.notes_panel.identifier_warning.isHidden())

    def _notes_hold(self, extra: int) -> bool:
        """Whether the notes pane, the question pane at its own least height, has room for its least height grown
        by ``extra``: the follow-up list folds for the identifier warning only when its row would not fit."""
        questions = self.question_panel.minimumSizeHint().height() + self.right_splitter.handleWidth()
        return self.right_splitter.height() - questions >= self.notes_panel.least_height(extra)

    @property
    def splitters(self) -> tuple[QSplitter, QSplitter, QSplitter]:
        return (self.live_splitter, self.left_splitter, self.right_splitter)

    def restore_state(self, settings: QSettings) -> None:
        for splitter in self.splitters:
            state = settings.value(f"splitter/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def save_state(self, settings: QSettings) -> None:
        for splitter in self.splitters:
            settings.setValue(f"splitter/{splitter.objectName()}", splitter.saveState())
