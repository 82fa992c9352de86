"""The share-safe view (objectName ``shareView``): the one window meant for the shared screen.

It shows the timer and the current question, in type big enough to read on a Teams call, and nothing else.
That is guaranteed by how it is built rather than by care later:

* it is a separate top-level window with no parent, so nothing laid out in the main window can reach it;
* its constructor takes colours only, and its only inputs are :meth:`show_timer` (a timer reading) and
  :meth:`show_question` (a string): it holds no database, no roster and no :class:`LiveSession`, so it has
  no way to find participation data, engagement markers or notes;
* it paints everything itself and has no child widgets; a widget that anyone parents to it later is hidden
  and deleted at once (:meth:`childEvent`), so a future edit cannot put a pane on the shared screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QChildEvent, QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from copdesk.core.pacing import format_clock, format_minutes
from copdesk.core.timer import TimerStatus, TimerView
from copdesk.views.live.timer.timer_disc import TimerColours, paint_disc

log = logging.getLogger(__name__)

NO_SESSION = "No session is running"
QUESTION_HEADING = "QUESTION"
_SMALLEST_PIXELS = 14


def share_lines(view: TimerView | None, question: str) -> dict[str, str]:
    """Every piece of text the view paints, by place; the test of what reaches the shared screen reads this."""
    if view is None:
        return {"segment": NO_SESSION, "countdown": "", "caption": "", "question": ""}
    if view.status is TimerStatus.FINISHED:
        caption = "Session finished"
    elif view.status is TimerStatus.PAUSED:
        caption = "Paused"
    elif view.segment_remaining_seconds < 0:
        caption = f"over the {format_minutes(view.segment_planned_seconds)} planned"
    else:
        caption = f"left of {format_minutes(view.segment_planned_seconds)}"
    return {
        "segment": view.segment_name,
        "countdown": format_clock(view.segment_remaining_seconds),
        "caption": caption,
        "question": question,
    }


class ShareView(QWidget):
    closed = Signal()

    def __init__(self, colours: TimerColours) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("shareView")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # never takes the focus from the main window
        self.setWindowTitle("CoPDesk: shared screen")
        self.setAccessibleName("Share-safe view: timer and current question")
        self.setMinimumSize(480, 270)
        self.resize(960, 540)
        self.colours = colours
        self.view: TimerView | None = None
        self.question = ""
        self._lines = share_lines(None, "")

    # -- inputs: the only two ---------------------------------------------------------------------
    def show_timer(self, view: object) -> None:
        self.view = view if isinstance(view, TimerView) else None
        self._relayout_text()

    def show_question(self, text: str) -> None:
        self.question = " ".join(str(text).split())
        self._relayout_text()

    def set_colours(self, colours: TimerColours) -> None:
        self.colours = colours
        self.update()

    def shown_text(self) -> list[str]:
        return [text for text in self._lines.values() if text]

    # -- guard ------------------------------------------------------------------------------------
    def childEvent(self, event: QChildEvent) -> None:
        child = event.child()
        if event.type() == QEvent.Type.ChildAdded and child.isWidgetType() and isinstance(child, QWidget):
            log.warning("A %s was put into the share-safe view and was removed.", type(child).__name__)
            child.installEventFilter(self)  # a later show() is undone before anything is painted
            child.hide()
            child.deleteLater()
        super().childEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.parent() is self:
            watched.hide()
            return True
        return super().eventFilter(watched, event)

    # -- painting -------------------------------------------------------------------------------
    def _relayout_text(self) -> None:
        self._lines = share_lines(self.view, self.question)
        self.setAccessibleDescription(". ".join(self.shown_text()))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        colours = self.colours
        painter.fillRect(self.rect(), colours.background)
        width, height = float(self.width()), float(self.height())
        margin = height * 0.05
        lines = self._lines
        top = QRectF(margin, margin, width - 2 * margin, height * 0.12)
        self._text(painter, top, lines["segment"], height * 0.065, bold=True, colour=colours.text)
        middle = QRectF(margin, top.bottom() + margin * 0.5, width - 2 * margin, height * 0.45)
        if self.view is not None:
            disc_side = middle.height()
            paint_disc(painter, QRectF(middle.left(), middle.top(), disc_side, disc_side), self.view, colours)
            digits = QRectF(middle.left() + disc_side + margin, middle.top(), middle.width() - disc_side - margin, 0)
            digits.setHeight(middle.height() * 0.72)
            self._text(
                painter,
                digits,
                lines["countdown"],
                height * 0.25,
                bold=True,
                colour=colours.for_level(self.view.warning),
            )
            caption = QRectF(digits.left(), digits.bottom(), digits.width(), middle.height() * 0.28)
            self._text(painter, caption, lines["caption"], height * 0.05, colour=colours.muted)
        if lines["question"]:
            label = QRectF(margin, middle.bottom() + margin * 0.6, width - 2 * margin, height * 0.05)
            self._text(painter, label, QUESTION_HEADING, height * 0.035, bold=True, colour=colours.muted)
            painter.fillRect(QRectF(margin, label.top() - margin * 0.3, width - 2 * margin, 1.5), colours.rim)
            bottom = QRectF(margin, label.bottom() + margin * 0.2, width - 2 * margin, height - label.bottom() - margin)
            self._text(painter, bottom, lines["question"], height * 0.07, colour=colours.text, wrap=True)
        painter.end()

    @staticmethod
    def _text(
        painter: QPainter,
        area: QRectF,
        text: str,
        pixels: float,
        *,
        colour: QColor,
        bold: bool = False,
        wrap: bool = False,
    ) -> None:
        """Draw one piece of text in ``area``; long text shrinks (down to a floor) and is clipped, never spills."""
        if not text:
            return
        font = QFont(painter.font())
        font.setBold(bold)
        painter.setPen(colour)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if wrap:
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        size = max(int(pixels), _SMALLEST_PIXELS)
        while True:
            font.setPixelSize(size)
            painter.setFont(font)
            needed = painter.boundingRect(area, int(flags), text)
            if size <= _SMALLEST_PIXELS or (needed.height() <= area.height() and needed.width() <= area.width()):
                break
            size = max(int(size * 0.85), _SMALLEST_PIXELS)
        if not wrap:
            text = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(area.width()))
        painter.save()
        painter.setClipRect(area)
        painter.drawText(area, int(flags), text)
        painter.restore()

    # -- keyboard -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closed.emit()
        super().closeEvent(event)
