"""The live agenda as a list model (done, current, next and later segments, testable without a widget), and the
delegate that draws each row as a name, cut short if need be, with its minutes kept whole on the right.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from copdesk.core.pacing import format_minutes
from copdesk.core.timer import SegmentState, SegmentView
from copdesk.views.widgets.labels import elide_words

_MARKS = {
    SegmentState.DONE: "✓",
    SegmentState.CURRENT: "▶",
    SegmentState.NEXT: "›",
    SegmentState.LATER: " ",
    SegmentState.SKIPPED: "–",
}
_STATE_WORDS = {
    SegmentState.DONE: "done",
    SegmentState.CURRENT: "now",
    SegmentState.NEXT: "next",
    SegmentState.LATER: "later",
    SegmentState.SKIPPED: "not reached",
}


class AgendaRole(IntEnum):
    STATE = Qt.ItemDataRole.UserRole + 1
    NAME = Qt.ItemDataRole.UserRole + 2
    PLANNED_SECONDS = Qt.ItemDataRole.UserRole + 3
    ACTUAL_SECONDS = Qt.ItemDataRole.UserRole + 4
    LABEL = Qt.ItemDataRole.UserRole + 5  # mark and name
    MINUTES_TEXT = Qt.ItemDataRole.UserRole + 6  # planned minutes, or the minutes taken once done


def minutes_text(segment: SegmentView) -> str:
    """The right-hand figure: the plan, or for a closed segment (ticked) the time it really took."""
    if segment.state is SegmentState.DONE and segment.actual_seconds is not None:
        return format_minutes(segment.actual_seconds)
    return format_minutes(segment.planned_seconds)


def agenda_line(segment: SegmentView) -> str:
    """One row in words: mark, name and minutes; a closed segment also says how long it really took."""
    planned = format_minutes(segment.planned_seconds)
    if segment.state is SegmentState.DONE and segment.actual_seconds is not None:
        return f"{_MARKS[segment.state]} {segment.name} · {planned} (took {format_minutes(segment.actual_seconds)})"
    return f"{_MARKS[segment.state]} {segment.name} · {planned}"


class AgendaModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.segments: tuple[SegmentView, ...] = ()
        self._shown: tuple[tuple[SegmentState, str, int, float | None], ...] = ()

    def show_agenda(self, segments: tuple[SegmentView, ...]) -> bool:
        """Replace the rows only when what they show changed, not on every tick of the running segment; whether
        they were replaced."""
        shown = tuple(
            (s.state, s.name, s.planned_seconds, s.actual_seconds if s.state is SegmentState.DONE else None)
            for s in segments
        )
        if shown == self._shown:
            return False
        self.beginResetModel()
        self.segments, self._shown = segments, shown
        self.endResetModel()
        return True

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.segments):
            return None
        segment = self.segments[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return agenda_line(segment)
        if role == AgendaRole.LABEL:
            return f"{_MARKS[segment.state]} {segment.name}"
        if role == AgendaRole.MINUTES_TEXT:
            return minutes_text(segment)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{segment.name}, {format_minutes(segment.planned_seconds)}, {_STATE_WORDS[segment.state]}"
        if role == Qt.ItemDataRole.FontRole and segment.state is SegmentState.CURRENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == AgendaRole.STATE:
            return segment.state.value
        if role == AgendaRole.NAME:
            return segment.name
        if role == AgendaRole.PLANNED_SECONDS:
            return segment.planned_seconds
        if role == AgendaRole.ACTUAL_SECONDS:
            return segment.actual_seconds
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        names = {int(role): QByteArray(role.name.lower().encode()) for role in AgendaRole}
        return {**super().roleNames(), **names}


class AgendaDelegate(QStyledItemDelegate):
    """A segment's name and its minutes; a name too long for the list is cut between words (whole on hover)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shown: dict[int, tuple[str, str]] = {}  # row: (name, as drawn), for the text-fit check

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        done = index.data(AgendaRole.STATE) in (SegmentState.DONE.value, SegmentState.SKIPPED.value)
        painter.save()
        painter.setFont(option.font)
        role = QPalette.ColorRole.PlaceholderText if done else QPalette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        metrics = painter.fontMetrics()
        area: QRect = option.rect.adjusted(6, 0, -6, 0)
        minutes = str(index.data(AgendaRole.MINUTES_TEXT))
        minutes_width = metrics.horizontalAdvance(minutes)
        centred = Qt.AlignmentFlag.AlignVCenter
        painter.drawText(area, int(centred | Qt.AlignmentFlag.AlignRight), minutes)
        name = str(index.data(AgendaRole.LABEL))
        label = elide_words(name, metrics, area.width() - minutes_width - 10)
        self.shown[index.row()] = (name, label)
        painter.drawText(area, int(centred | Qt.AlignmentFlag.AlignLeft), label)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(120, size.height() + 2)
