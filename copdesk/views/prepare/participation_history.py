"""The team's attendance and balance over recent sessions: a small QPainter chart for the Prepare view.

Team level only: each session is a bar (how many attended) and a point (the Gini coefficient of its
contributions), and no person is named or ranked anywhere in it. A sentence under the chart reads the
latest session in plain words, and every figure is also in the chart's tooltip and accessible text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QHelpEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from copdesk.core.date_names import month_name
from copdesk.core.dates import format_uk
from copdesk.core.model import Team
from copdesk.core.participation import EVEN_GINI_THRESHOLD, HistoryPoint, balance_in_words, participation_history
from copdesk.core.text import counted, mean_text
from copdesk.store import participation
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.widgets.stylable import colour_property

RECENT_SESSIONS = 10
EMPTY_TEXT = "Attendance and balance appear here once the team has held a session."


def describe_point(point: HistoryPoint) -> str:
    if not point.contributions:
        return f"{format_uk(point.held_on)}: {point.attendance} attended, no contributions tallied (no balance to show)"
    share = round(point.top_share * 100)
    return (
        f"{format_uk(point.held_on)}: {point.attendance} attended, {point.contributions} contributions,"
        f" balance of voices {point.gini:.2f} (0 = even), the most active 20% made {share}%"
    )


class HistoryChart(QWidget):
    """Bars for attendance (left scale), a line for the Gini coefficient (right scale, 0 = even)."""

    bar_colour = colour_property("bar_colour", "#dcefef")
    bar_edge_colour = colour_property("bar_edge_colour", "#5b6673")  # a soft bar alone is faint on a dark panel
    line_colour = colour_property("line_colour", "#1f6f78")
    text_colour = colour_property("text_colour", "#5b6673")
    grid_colour = colour_property("grid_colour", "#d5dae0")
    even_colour = colour_property("even_colour", "#eef1f4")

    def __init__(self, parent: QWidget | None = None) -> None:
        self.colours: dict[str, QColor] = {}
        super().__init__(parent)
        self.setObjectName("participationHistoryChart")
        self.setAccessibleName("Attendance and balance over recent sessions")
        self.setMinimumHeight(170)
        self.points: list[HistoryPoint] = []

    def show_points(self, points: Sequence[HistoryPoint]) -> None:
        self.points = list(points)
        self.setAccessibleDescription("; ".join(describe_point(point) for point in self.points))
        self.update()

    # -- geometry -------------------------------------------------------------------------------
    def _plot_rect(self) -> QRectF:
        metrics = QFontMetrics(self._small_font())
        left = metrics.horizontalAdvance("30") + 10
        right = metrics.horizontalAdvance("0.00") + 10
        top = metrics.height() + 8  # the legend
        bottom = metrics.height() + 6  # the dates
        return QRectF(self.rect()).adjusted(left, top, -right, -bottom)

    def _slot(self, plot: QRectF, index: int) -> QRectF:
        width = plot.width() / max(1, len(self.points))
        return QRectF(plot.left() + index * width, plot.top(), width, plot.height())

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.85)
        return font

    # -- painting -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._small_font())
        plot = self._plot_rect()
        most = max(1, *(point.attendance for point in self.points))
        even_top = plot.bottom() - plot.height() * EVEN_GINI_THRESHOLD
        painter.fillRect(QRectF(plot.left(), even_top, plot.width(), plot.bottom() - even_top), self.even_colour)
        self._paint_scales(painter, plot, most)
        self._paint_bars(painter, plot, most)
        self._paint_line(painter, plot)
        self._paint_legend(painter, plot)
        painter.end()

    def _paint_scales(self, painter: QPainter, plot: QRectF, most: int) -> None:
        painter.setPen(QPen(self.grid_colour, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.setPen(self.text_colour)
        align_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        align_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for value, y in ((most, plot.top()), (0, plot.bottom())):
            painter.drawText(QRectF(0, y - 8, plot.left() - 6, 16), align_right, str(value))
        even_y = plot.bottom() - plot.height() * EVEN_GINI_THRESHOLD
        for gini_value, y in ((1.0, plot.top()), (EVEN_GINI_THRESHOLD, even_y)):
            label_rect = QRectF(plot.right() + 6, y - 8, self.width() - plot.right(), 16)
            painter.drawText(label_rect, align_left, f"{gini_value:.2f}")
        metrics = QFontMetrics(painter.font())
        step = max(1, -(-metrics.horizontalAdvance(" 30 Sept ") // max(1, int(self._slot(plot, 0).width()))))
        for index, point in enumerate(self.points):
            if (len(self.points) - 1 - index) % step:
                continue  # the latest session is always labelled; older ones as space allows
            slot = self._slot(plot, index)
            label = f"{point.held_on.day} {month_name(point.held_on, short=True)}"
            painter.drawText(
                QRectF(slot.left() - 20, plot.bottom() + 2, slot.width() + 40, metrics.height() + 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                label,
            )

    def _paint_bars(self, painter: QPainter, plot: QRectF, most: int) -> None:
        painter.setPen(QPen(self.bar_edge_colour, 1))
        painter.setBrush(self.bar_colour)
        for index, point in enumerate(self.points):
            slot = self._slot(plot, index)
            height = plot.height() * point.attendance / most
            width = min(slot.width() * 0.6, 36.0)
            bar = QRectF(slot.center().x() - width / 2, plot.bottom() - height, width, height)
            painter.drawRoundedRect(bar, 3, 3)

    def balance_centres(self, plot: QRectF) -> list[QPointF | None]:
        """Where each session's balance is drawn; ``None`` for a session whose contributions were not tallied (a
        Spotlight, say): with nothing counted there is no balance, and a 0 would read as "even"."""
        return [
            QPointF(self._slot(plot, i).center().x(), plot.bottom() - plot.height() * point.gini)
            if point.contributions
            else None
            for i, point in enumerate(self.points)
        ]

    def _paint_line(self, painter: QPainter, plot: QRectF) -> None:
        centres = self.balance_centres(plot)
        path = QPainterPath()
        for previous, centre in zip([None, *centres], centres, strict=False):
            if centre is None:
                continue  # the line breaks where a session has no balance
            if previous is None:
                path.moveTo(centre)
            else:
                path.lineTo(centre)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self.line_colour, 2))
        painter.drawPath(path)
        painter.setBrush(self.line_colour)
        for centre in centres:
            if centre is not None:
                painter.drawEllipse(centre, 3.5, 3.5)

    def _paint_legend(self, painter: QPainter, plot: QRectF) -> None:
        metrics = QFontMetrics(painter.font())
        x, y = plot.left(), 2.0
        for colour, edge, text in (
            (self.bar_colour, QPen(self.bar_edge_colour, 1), "Attended"),
            (self.line_colour, QPen(Qt.PenStyle.NoPen), "Balance of voices (0 = even; shaded: evenly spread)"),
        ):
            painter.setPen(edge)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y + 3, 10, metrics.height() - 6), 2, 2)
            painter.setPen(self.text_colour)
            painter.drawText(QPointF(x + 14, y + metrics.ascent()), text)
            x += 14 + metrics.horizontalAdvance(text) + 16

    # -- tooltips -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.point_at(event.pos().x())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), describe_point(self.points[index]), self)
            return True
        return super().event(event)

    def point_at(self, x: float) -> int | None:
        plot = self._plot_rect()
        if not self.points or not plot.left() <= x < plot.right():
            return None
        return min(len(self.points) - 1, int((x - plot.left()) / (plot.width() / len(self.points))))


class ParticipationHistory(QWidget):
    """The chart and its plain-words reading, for the current team; refreshed when a session ends."""

    def __init__(self, context: AppContext, live: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.team: Team | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chart = HistoryChart()
        layout.addWidget(self.chart, 1)
        self.reading = QLabel()
        self.reading.setObjectName("participationHistoryReading")
        self.reading.setWordWrap(True)
        layout.addWidget(self.reading)
        hint = QLabel("Team level only, never a ranking of people. Only you see this.")
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        live.ended.connect(lambda _session_id: self.refresh())
        self.show_team(None)

    def show_team(self, team: Team | None) -> None:
        self.team = team
        self.refresh()

    def refresh(self) -> None:
        recent = participation.team_history(self.context.db, self.team.id, RECENT_SESSIONS) if self.team else []
        points = participation_history(recent)
        self.chart.show_points(points)
        self.chart.setVisible(bool(points))
        if not points:
            self.reading.setText(EMPTY_TEXT)
            return
        latest = max(recent, key=lambda session: session.held_on)
        counts = latest.counts_with_silent()
        words = balance_in_words(counts) if sum(counts) else "no contributions were tallied"
        average = mean_text(sum(point.attendance for point in points), len(points))
        over = f" over the last {len(points)} sessions" if len(points) > 1 else ""
        untallied = sum(1 for point in points if not point.contributions)
        gaps = (
            f" The balance line leaves out {counted(untallied, 'session')} with no contributions tallied."
            if untallied
            else ""
        )
        self.reading.setText(
            f"Last session, {format_uk(latest.held_on)}: {latest.attendance} attended; {words[0].lower()}{words[1:]}."
            f" Average attendance{over}: {average}.{gaps}"
        )
