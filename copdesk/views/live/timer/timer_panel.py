"""The session timer pane (objectName ``timerPanel``): read at a glance, from across the desk.

It draws whatever :class:`~copdesk.views.live.timer.live_timer.LiveTimer` last computed and keeps no time itself.
Labels are only re-set when their text changes, so a repaint that changes nothing costs nothing.

Its banners (a laptop sleep, a failed save, a re-time or catching up after CoPDesk was closed) keep to one line,
or two for the re-time and catch-up notices, with the whole message on hover; room for all of them is part of the
pane's minimum height, so a banner takes its room from the pane's own agenda and disc, never from the
participation pane below, however long its message.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QLabel, QListView, QToolButton, QVBoxLayout, QWidget

from copdesk.core.date_names import clock_time, month_name
from copdesk.core.pacing import WarningLevel, format_clock, format_elapsed, format_minutes
from copdesk.core.timer import TimerStatus, TimerView
from copdesk.core.timer_journal import SleepEvent
from copdesk.views.context import AppContext
from copdesk.views.live.live_actions import LiveActions
from copdesk.views.live.timer.agenda_model import AgendaDelegate, AgendaModel
from copdesk.views.live.timer.live_timer import LiveTimer
from copdesk.views.live.timer.timer_disc import TimeDisc, TimerColours
from copdesk.views.widgets.banner import announce
from copdesk.views.widgets.elided_banner import ElidedBanner, wrap_and_elide
from copdesk.views.widgets.pane import Pane
from copdesk.views.widgets.short_captions import ShortCaptionRow

EMPTY_MESSAGE = "No session is running. Press Start session (F5) to follow the agenda with a timer."
HEADING_LINES = 2  # the segment's name: more would take the room of the digits under it


class HeadingLabel(QLabel):
    """The current segment's number and name, wrapped at words onto at most :data:`HEADING_LINES` lines; a name too
    long for them ends in "…" after a whole word, and the whole of it is the tooltip and accessible description.

    A name may be 80 characters, and the pane beside 30 tiles is short: wrapped freely, it took more lines than the
    pane had, and its first and last were cut through their letters.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self._full = ""
        self.lines = HEADING_LINES

    @property
    def full_text(self) -> str:
        """The whole of what the heading says, however it is cut to fit."""
        return self._full

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self.setToolTip(text)
            self.setAccessibleDescription(text)
            self._fit()

    def set_lines(self, lines: int) -> None:
        if lines != self.lines:
            self.lines = lines
            self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        lines = wrap_and_elide(self._full, self.fontMetrics(), max(self.contentsRect().width(), 40), self.lines)
        whole = " ".join(lines.split()) == " ".join(self._full.split())
        shown = self._full if whole else lines  # whole, it wraps as the label wraps it
        if shown != self.text():
            self.setText(shown)


def detail_line(view: TimerView) -> str:
    """Under the big digits: the segment's plan, then the whole session's elapsed and remaining time."""
    planned = format_minutes(view.segment_planned_seconds)
    segment = f"over the {planned} planned" if view.warning is WarningLevel.OVERRUN else f"left of {planned}"
    session_left = view.session_remaining_seconds
    left = f"{format_clock(session_left)} left" if session_left >= 0 else f"{format_clock(session_left)} past the end"
    return f"{segment}\nSession: {format_elapsed(view.session_elapsed_seconds)} in · {left}"


def status_line(view: TimerView) -> str:
    if view.status is TimerStatus.PAUSED:
        return f"Paused: press Space to resume. {view.schedule_status}."
    if view.status is TimerStatus.NOT_STARTED:
        return "Ready: press Space to start the first segment."
    return f"{view.schedule_status}."


class TimerPanel(Pane):
    def __init__(
        self,
        context: AppContext,
        live_timer: LiveTimer,
        actions: LiveActions,
        colours: TimerColours,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("timerPanel", "Timer", parent)
        self.context = context
        self.live_timer, self.end_action = live_timer, actions.end_session
        self.view: TimerView | None = None
        self.shown_sleep: SleepEvent | None = None
        self.shown_remaining_seconds: float | None = None  # the value the countdown label was last drawn from
        for action, name in (
            (actions.share_view, "Open the share-safe view"),
            (actions.mini_timer, "Show the mini timer"),
            (actions.help, "Show keyboard shortcuts"),
        ):
            self.header_tools.addWidget(self._tool_button(action, name, text_beside_icon=False))

        self.sleep_banner = ElidedBanner("warning")
        self.sleep_banner.setObjectName("sleepBanner")
        self.sleep_banner.closed.connect(live_timer.dismiss_sleep)
        self.notice_banner = ElidedBanner("info", lines=2)
        self.notice_banner.setObjectName("timerNotice")
        self.error_banner = ElidedBanner("error")
        self.error_banner.setObjectName("timerSaveError")
        live_timer.save_failed.connect(self.error_banner.show_message)
        live_timer.saved.connect(lambda _saved_at: self.error_banner.hide())
        live_timer.notice.connect(self.notice_banner.show_message)
        self.banners = (self.sleep_banner, self.notice_banner, self.error_banner)
        for banner in self.banners:
            self.body.addWidget(banner)

        self.content = QWidget()
        self.content_column = column = QVBoxLayout(self.content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        self.disc = TimeDisc(colours)
        self.segment_label = HeadingLabel()
        self.segment_label.setObjectName("segmentLabel")
        self.segment_label.setProperty("role", "heading")
        self.segment_label.setAccessibleName("Current segment")
        self.countdown_label = self._label("countdownLabel", "countdown")
        self.countdown_label.setAccessibleName("Time left in the segment")
        self.detail_label = self._label("timerDetail", "hint")
        self.schedule_label = self._label("scheduleStatus", "")
        self.schedule_label.setAccessibleName("Ahead or behind the plan")
        self.grid, self.compact = grid, False
        self._arrange()
        self.agenda_model = AgendaModel()
        self.agenda_view = QListView()
        self.agenda_view.setObjectName("agendaList")
        self.agenda_view.setAccessibleName("Agenda")
        self.agenda_view.setModel(self.agenda_model)
        self.agenda_view.setItemDelegate(AgendaDelegate(self.agenda_view))
        self.agenda_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.agenda_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.agenda_view.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.agenda_view.setMinimumWidth(200)
        grid.addWidget(self.agenda_view, 0, 2, 4, 1)
        grid.setColumnStretch(1, 4)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(3, 1)
        # In a window too narrow for the whole words (1024 wide), "Next", "Re-time" and "End", in place of words cut
        # through; the tooltips and accessible names keep them whole.
        self.button_row = ShortCaptionRow()
        self.button_row.row.setSpacing(6)
        for action, name, shorter in (
            (actions.pause, "Start, pause or resume the timer", None),
            (actions.next_segment, "Next segment", {"Next segment": "Next"}),
            (actions.add_time, "Add 5 minutes to this segment", None),
            (actions.retime, "Re-time the remaining segments", {"Re-time the rest": "Re-time"}),
        ):
            self.button_row.add(self._tool_button(action, name), short=shorter)
        self.button_row.row.addStretch(1)
        self.button_row.add(self._tool_button(actions.end_session, "End the session"), short={"End session": "End"})
        # Under the grid rather than across its columns: the width the buttons ask for is theirs alone, and a narrow
        # pane shares what it has between the disc, the words and the agenda, as a wide one does.
        column.addLayout(grid, 1)
        column.addWidget(self.button_row)
        self.body.addWidget(self.content, 1)
        self.content.installEventFilter(self)  # its height says whether the words have room beside the disc

        live_timer.refreshed.connect(self.show_view)
        self.show_view(None)

    def minimumSizeHint(self) -> QSize:
        """The least the pane needs with every banner shown, whichever are: showing one never moves the splitter."""
        hint = super().minimumSizeHint()
        spacing = max(self.body.spacing(), 0)
        shown = sum(b.minimumSizeHint().height() + spacing for b in self.banners if not b.isHidden())
        every = sum(b.reserved_height() + spacing for b in self.banners)
        return QSize(hint.width(), hint.height() - shown + every)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content and event.type() == QEvent.Type.Resize:
            room = self.content.height() - self.button_row.sizeHint().height() - self.content_column.spacing()
            if (room < self._words_height()) != self.compact:
                self.compact = not self.compact
                self._arrange()
        return super().eventFilter(watched, event)

    def _words_height(self) -> int:
        """The height the words need in their column beside the disc: the heading's lines, the digits, the detail's
        three lines (its column is narrow) and the schedule's line."""
        detail, schedule = self.detail_label.fontMetrics(), self.schedule_label.fontMetrics()
        heading = self.segment_label.fontMetrics().lineSpacing() * HEADING_LINES
        spacing = 3 * self.grid.verticalSpacing()
        return (
            heading
            + self.countdown_label.sizeHint().height()
            + 3 * detail.lineSpacing()
            + schedule.lineSpacing()
            + spacing
        )

    def _arrange(self) -> None:
        """The disc beside the words, which fill a column of their own; or, in a pane too short for that column
        (a window 640 high), a small disc beside the digits alone, with the heading on one line and the detail and
        schedule lines run across above and below them, in place of every line cut through its letters."""
        grid, disc = self.grid, self.disc
        words = (self.segment_label, self.countdown_label, self.detail_label, self.schedule_label)
        for widget in (disc, *words):
            grid.removeWidget(widget)
        if self.compact:
            disc.set_side(self.countdown_label.sizeHint().height())
            places = ((0, 0, 1, 2), (1, 1, 1, 1), (2, 0, 1, 2), (3, 0, 1, 2))
            grid.addWidget(disc, 1, 0)
        else:
            disc.set_side(None)
            places = ((0, 1, 1, 1), (1, 1, 1, 1), (2, 1, 1, 1), (3, 1, 1, 1))
            grid.addWidget(disc, 0, 0, 4, 1)
        for widget, (row, column, rows, columns) in zip(words, places, strict=True):
            grid.addWidget(widget, row, column, rows, columns)
        grid.setAlignment(self.schedule_label, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 0 if self.compact else 3)
        self.segment_label.set_lines(1 if self.compact else HEADING_LINES)

    @staticmethod
    def _label(name: str, role: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(role != "countdown")
        if role:
            label.setProperty("role", role)
        return label

    @staticmethod
    def _tool_button(action: QAction, accessible_name: str, *, text_beside_icon: bool = True) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setAccessibleName(accessible_name)
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text_beside_icon else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        return button

    def set_colours(self, colours: TimerColours) -> None:
        self.disc.set_colours(colours)

    def show_view(self, view: object) -> None:
        """Draw a :class:`TimerView`, or the empty state for ``None``."""
        self.view = view if isinstance(view, TimerView) else None
        if self.view is None:
            self.shown_remaining_seconds = None
            self.content.hide()
            for banner in self.banners:
                banner.hide()
            self.show_empty(EMPTY_MESSAGE)
            return
        view = self.view
        self.hide_empty()
        self.content.show()
        self.shown_remaining_seconds = view.segment_remaining_seconds
        self._say_changes(view)
        self._set_text(self.countdown_label, format_clock(view.segment_remaining_seconds))
        self._set_level(self.countdown_label, view.warning)
        self.segment_label.set_full_text(f"{view.segment_index + 1}. {view.segment_name}")
        self._set_text(self.detail_label, detail_line(view))
        self._set_text(self.schedule_label, status_line(view))
        self.disc.show_view(view)
        if self.agenda_model.show_agenda(view.agenda):
            self._keep_in_view(view.segment_index)
        if view.sleep is not None and (self.sleep_banner.isHidden() or view.sleep != self.shown_sleep):
            self._show_sleep(view.sleep)
        elif view.sleep is None and not self.sleep_banner.isHidden():
            self.sleep_banner.hide()

    def _show_sleep(self, sleep: SleepEvent) -> None:
        """A laptop sleep, said as it wakes: the timer held still through it (its clock stops while the computer
        sleeps). After a long one, when the session was last in use, with End (whose question offers to end it then,
        :mod:`copdesk.core.idle_end`). Never a question of its own: a meeting may be going on."""
        self.shown_sleep = sleep
        offer = self.live_timer.idle_end() if sleep.long else None
        if offer is None:
            self.sleep_banner.show_message(sleep.message)
            return
        used = offer.at.astimezone()  # the day as well: a long sleep is often a night
        words = (
            f"Slept {format_minutes(sleep.wall_gap_seconds)}; the timer held still. "
            f"Last in use at {clock_time(used)} on {used.day} {month_name(used, short=True)}."
        )
        self.sleep_banner.show_message(words, [("&End it…", self.end_action.trigger)])

    def _keep_in_view(self, current: int) -> None:
        """An agenda longer than the list scrolls: the segment running now, and the one after it where there is room,
        stay in view as the session moves down it (the list would otherwise stay on the first segments)."""
        model, view = self.agenda_model, self.agenda_view
        for row in (current + 1, current):
            if 0 <= row < model.rowCount():
                view.scrollTo(model.index(row), QAbstractItemView.ScrollHint.EnsureVisible)

    def _say_changes(self, view: TimerView) -> None:
        """What a glance at the pane tells, said to a screen reader as it happens: another segment, or its time up."""
        planned = format_minutes(view.segment_planned_seconds)
        segment = f"{view.segment_index + 1}. {view.segment_name}"
        if segment != self.segment_label.full_text:
            announce(self.segment_label, f"Segment {segment}, {planned}")
        elif view.warning is WarningLevel.OVERRUN and self.countdown_label.property("level") != view.warning.value:
            announce(self.countdown_label, f"{view.segment_name}: its {planned} are up")

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
            label.setAccessibleDescription(text)

    @staticmethod
    def _set_level(label: QLabel, level: WarningLevel) -> None:
        if label.property("level") != level.value:
            label.setProperty("level", level.value)
            label.style().unpolish(label)
            label.style().polish(label)
