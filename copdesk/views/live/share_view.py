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
from typing import NamedTuple

from PySide6.QtCore import QChildEvent, QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from copdesk.core.pacing import format_clock, format_minutes
from copdesk.core.timer import TimerStatus, TimerView
from copdesk.views.live.timer.timer_disc import TimerColours, paint_disc
from copdesk.views.widgets.labels import ELLIPSIS, elide_words

log = logging.getLogger(__name__)

NO_SESSION = "No session is running"
QUESTION_HEADING = "QUESTION"
SMALLEST_PIXELS = 14


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


def wrapped_words(text: str, metrics: QFontMetrics, area: QRectF, flags: int) -> str:
    """``text`` if its lines fit ``area``, else its longest run of whole words that fits with "…" after it: a long
    question on a small shared screen ends between words, where it was cut through its last line at the foot."""

    def fits(candidate: str) -> bool:
        return metrics.boundingRect(area.toAlignedRect(), flags, candidate).height() <= area.height()

    if fits(text):
        return text
    words = text.split()
    fitting, too_many = 0, len(words)  # the most words known to fit, and the fewest known not to
    while too_many - fitting > 1:
        middle = (fitting + too_many) // 2
        fitting, too_many = (middle, too_many) if fits(_cut_after(words, middle)) else (fitting, middle)
    return _cut_after(words, fitting) if fitting else ELLIPSIS


def _cut_after(words: list[str], count: int) -> str:
    return " ".join(words[:count]).rstrip(",;:·-–") + ELLIPSIS


class SharePlaces(NamedTuple):
    """Where each piece goes in a share-safe view of a given size."""

    margin: float
    segment: QRectF
    disc: QRectF
    countdown: QRectF
    caption: QRectF
    heading: QRectF | None
    question: QRectF | None


def share_layout(width: float, height: float, *, with_question: bool) -> SharePlaces:
    """The segment's name across the top, then the disc with the countdown and its caption beside it, then the
    question under a rule. With no question shown, the timer takes the room it would have had, so the shared
    screen has no empty half."""
    margin = height * 0.05
    inner = width - 2 * margin
    segment = QRectF(margin, margin, inner, height * 0.12)
    timer_top = segment.bottom() + margin * 0.5
    timer_height = height * 0.45 if with_question else height - timer_top - 1.5 * margin
    side = min(timer_height, inner * 0.45)  # a tall, narrow window leaves the digits their room
    disc = QRectF(margin, timer_top + (timer_height - side) / 2, side, side)
    digits_left = disc.right() + margin
    digits_height = min(side * 0.72, height * 0.36)  # beside a bigger disc, the digits stay this size
    caption_height = digits_height * 0.39
    digits_top = timer_top + (timer_height - digits_height - caption_height) / 2  # centred beside the disc
    countdown = QRectF(digits_left, digits_top, width - margin - digits_left, digits_height)
    caption = QRectF(digits_left, countdown.bottom(), countdown.width(), caption_height)
    if not with_question:
        return SharePlaces(margin, segment, disc, countdown, caption, None, None)
    heading = QRectF(margin, timer_top + timer_height + margin * 0.6, inner, height * 0.05)
    question = QRectF(margin, heading.bottom() + margin * 0.2, inner, height - heading.bottom() - margin)
    return SharePlaces(margin, segment, disc, countdown, caption, heading, question)


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
        self.setToolTip(self.question)  # whole, where a long one is cut short at the foot of a small window
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
        lines = self._lines
        places = share_layout(float(self.width()), float(self.height()), with_question=bool(lines["question"]))
        self._text(
            painter, places.segment, lines["segment"], places.segment.height() * 0.54, bold=True, colour=colours.text
        )
        if self.view is not None:
            paint_disc(painter, places.disc, self.view, colours)
            level = colours.for_level(self.view.warning)
            self._text(
                painter, places.countdown, lines["countdown"], places.countdown.height() * 0.77, bold=True, colour=level
            )
            self._text(painter, places.caption, lines["caption"], places.caption.height() * 0.4, colour=colours.muted)
        if places.question is not None and places.heading is not None:
            heading = places.heading
            self._text(painter, heading, QUESTION_HEADING, heading.height() * 0.7, bold=True, colour=colours.muted)
            rule = QRectF(heading.left(), heading.top() - places.margin * 0.3, heading.width(), 1.5)
            painter.fillRect(rule, colours.rim)
            question_pixels = self.height() * 0.07
            self._text(painter, places.question, lines["question"], question_pixels, colour=colours.text, wrap=True)
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
        size = max(int(pixels), SMALLEST_PIXELS)
        while True:
            font.setPixelSize(size)
            painter.setFont(font)
            needed = painter.boundingRect(area, int(flags), text)
            if size <= SMALLEST_PIXELS or (needed.height() <= area.height() and needed.width() <= area.width()):
                break
            size = max(int(size * 0.85), SMALLEST_PIXELS)
        if wrap:
            text = wrapped_words(text, painter.fontMetrics(), area, int(flags))
        else:
            text = elide_words(text, painter.fontMetrics(), int(area.width()))  # never inside a word
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
