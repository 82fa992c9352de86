"""The mini timer: a small window that stays on top, for when the meeting app fills the screen.

Like the share-safe view it shows the timer only (it may well be on a shared screen), paints itself from the
same :class:`TimerView` readings, and has no way to reach anything else. Double-click it to bring the main
window back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from copdesk.core.pacing import format_clock
from copdesk.core.timer import TimerStatus, TimerView
from copdesk.views.live.timer.timer_disc import TimerColours, paint_disc
from copdesk.views.widgets.labels import elide_words


class MiniTimer(QWidget):
    closed = Signal()
    restore_requested = Signal()

    def __init__(self, colours: TimerColours) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        if sys.platform == "darwin":
            # A macOS tool window hides whenever another app is in front, which is exactly when it is wanted: Teams.
            self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # never takes the focus from the main window
        self.setObjectName("miniTimer")
        self.setWindowTitle("CoPDesk timer")
        self.setAccessibleName("Mini timer")
        self.setMinimumSize(200, 64)
        self.colours = colours
        self.view: TimerView | None = None
        self.countdown = ""
        self.caption = ""

    def sizeHint(self) -> QSize:
        return QSize(260, 84)

    def set_colours(self, colours: TimerColours) -> None:
        self.colours = colours
        self.update()

    def show_timer(self, view: object) -> None:
        self.view = view if isinstance(view, TimerView) else None
        if self.view is None:
            self.countdown, self.caption = "--:--", "No session is running"
        else:
            self.countdown = format_clock(self.view.segment_remaining_seconds)
            paused = " (paused)" if self.view.status is TimerStatus.PAUSED else ""
            self.caption = f"{self.view.segment_name}{paused}"
        self.setAccessibleDescription(f"{self.countdown}, {self.caption}")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colours.face)
        pad = 8.0
        side = self.height() - 2 * pad
        if self.view is not None:
            paint_disc(painter, QRectF(pad, pad, side, side), self.view, self.colours)
        left = pad * 2 + side
        text_area = QRectF(left, pad, self.width() - left - pad, side)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(int(side * 0.55), 12))
        painter.setFont(font)
        colour = self.colours.for_level(self.view.warning) if self.view is not None else self.colours.muted
        painter.setPen(colour)
        painter.drawText(
            text_area.adjusted(0, 0, 0, -side * 0.35),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self.countdown,
        )
        font.setBold(False)
        font.setPixelSize(max(int(side * 0.2), 10))
        painter.setFont(font)
        painter.setPen(self.colours.muted)
        caption_area = text_area.adjusted(0, side * 0.65, 0, 0)
        caption = elide_words(self.caption, painter.fontMetrics(), int(caption_area.width()))  # never inside a word
        painter.drawText(caption_area, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), caption)
        painter.end()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.restore_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
