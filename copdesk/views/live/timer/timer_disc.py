"""The Time Timer-style disc: a coloured wedge for the time left in a segment, shrinking towards 12 o'clock.

Painted with QPainter so the timer pane, the mini timer and the share-safe view draw the same disc
from the same numbers, in the palette's colours (``theme.colours``), at any size.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from copdesk.core.pacing import WarningLevel
from copdesk.core.timer import TimerView

_FULL_CIRCLE = 360 * 16  # QPainter angles are in 1/16 of a degree
_TWELVE_O_CLOCK = 90 * 16
_LEAST_SIDE = 64  # beside the words; in a pane too short for them beside it, the disc is as high as the digits


@dataclass(frozen=True)
class TimerColours:
    background: QColor
    face: QColor
    rim: QColor
    text: QColor
    muted: QColor
    normal: QColor
    amber: QColor
    red: QColor
    red_soft: QColor

    @classmethod
    def from_palette(cls, palette: Mapping[str, str]) -> TimerColours:
        return cls(
            background=QColor(palette["window"]),
            face=QColor(palette["panel"]),
            rim=QColor(palette["border"]),
            text=QColor(palette["text"]),
            muted=QColor(palette["muted"]),
            normal=QColor(palette["accent"]),
            amber=QColor(palette["amber"]),
            red=QColor(palette["red"]),
            red_soft=QColor(palette["red_soft"]),
        )

    def for_level(self, level: WarningLevel) -> QColor:
        return {WarningLevel.AMBER: self.amber, WarningLevel.RED: self.red, WarningLevel.OVERRUN: self.red}.get(
            level, self.normal
        )


def overrun_fraction(view: TimerView) -> float:
    """How far past its plan the segment is, as a share of the plan (0 while on time, at most 1)."""
    if view.segment_remaining_seconds >= 0:
        return 0.0
    return min(-view.segment_remaining_seconds / max(view.segment_planned_seconds, 1), 1.0)


def paint_disc(painter: QPainter, area: QRectF, view: TimerView, colours: TimerColours) -> None:
    """Draw the disc for ``view`` in the largest square that fits ``area``."""
    side = min(area.width(), area.height())
    if side < 8:
        return
    square = QRectF(0, 0, side, side)
    square.moveCenter(area.center())
    ring = max(side * 0.06, 2.0)
    face = square.adjusted(ring, ring, -ring, -ring)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    overrun = overrun_fraction(view)
    painter.setPen(QPen(colours.rim, max(side * 0.012, 1.0)))
    painter.setBrush(colours.red_soft if overrun else colours.face)
    painter.drawEllipse(face)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.for_level(view.warning))
    wedge = face.adjusted(side * 0.05, side * 0.05, -side * 0.05, -side * 0.05)
    # Counter-clockwise from 12 o'clock, as on a Time Timer: the wedge shrinks back towards 12 as time runs.
    painter.drawPie(wedge, _TWELVE_O_CLOCK, round(view.fraction_left * _FULL_CIRCLE))
    _paint_ticks(painter, face, colours.muted)
    if overrun:
        painter.setPen(QPen(colours.red, ring, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = ring / 2
        painter.drawArc(square.adjusted(half, half, -half, -half), _TWELVE_O_CLOCK, -round(overrun * _FULL_CIRCLE))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.text)
    knob = side * 0.05
    painter.drawEllipse(face.center(), knob, knob)
    painter.restore()


def _paint_ticks(painter: QPainter, face: QRectF, colour: QColor) -> None:
    centre = face.center()
    radius = face.width() / 2
    painter.save()
    painter.translate(centre)
    for hour in range(12):
        length = radius * (0.12 if hour % 3 == 0 else 0.06)
        painter.setPen(QPen(colour, max(radius * (0.025 if hour % 3 == 0 else 0.015), 1.0)))
        painter.drawLine(QPointF(0, -radius), QPointF(0, -radius + length))
        painter.rotate(30)
    painter.restore()


class TimeDisc(QWidget):
    """The disc as a widget; it repaints only when what it would draw has changed."""

    def __init__(self, colours: TimerColours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeDisc")
        self.setAccessibleName("Time left in this segment, as a disc")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(_LEAST_SIDE, _LEAST_SIDE)
        self._largest = self.maximumSize()
        self.colours = colours
        self.view: TimerView | None = None
        self._drawn_key: tuple[object, ...] | None = None

    def sizeHint(self) -> QSize:
        return QSize(150, 150)

    def set_side(self, side: int | None) -> None:
        """A fixed side, or ``None``: as large as the room it is given."""
        if side is None:
            self.setMinimumSize(_LEAST_SIDE, _LEAST_SIDE)
            self.setMaximumSize(self._largest)
        else:
            self.setFixedSize(side, side)

    def set_colours(self, colours: TimerColours) -> None:
        self.colours = colours
        self.update()

    def show_view(self, view: TimerView | None) -> None:
        self.view = view
        # A quarter-degree step is below what anyone can see on a disc this size.
        key = (
            None
            if view is None
            else (round(view.fraction_left * 1440), round(overrun_fraction(view) * 1440), view.warning)
        )
        if key != self._drawn_key:
            self._drawn_key = key
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.view is None:
            return
        painter = QPainter(self)
        paint_disc(painter, QRectF(self.rect()), self.view, self.colours)
        painter.end()
