"""The live roster as a Qt list model with named roles, and the type-to-filter proxy in front of it.

The model reads a :class:`LiveTally` and adds nothing of its own, so what the tiles show and what the
tests read through the roles are the same figures.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from copdesk.core.date_names import clock_time
from copdesk.core.model import Role
from copdesk.core.participation import CONTRIBUTIONS, TALK_TIME, Measure
from copdesk.core.text import counted
from copdesk.views.live.participation.live_tally import LiveTally
from copdesk.views.widgets.row_model import ModelIndex

# Short enough for a one-line tile in the compact layout.
ROLE_BADGES: dict[Role, str] = {
    Role.FACILITATOR: "Fac",
    Role.CO_FACILITATOR: "Co-fac",
    Role.PRACTITIONER: "Prac",
    Role.STUDENT_ASYE: "ASYE",
    Role.PARTNER: "Partner",
    Role.GUEST: "Guest",
}


class RosterRole(IntEnum):
    ROLE = Qt.ItemDataRole.UserRole + 13  # the Role value
    MEMBER_ID = Qt.ItemDataRole.UserRole + 1
    NAME = Qt.ItemDataRole.UserRole + 2
    ROLE_LABEL = Qt.ItemDataRole.UserRole + 3
    ROLE_BADGE = Qt.ItemDataRole.UserRole + 4
    COUNT = Qt.ItemDataRole.UserRole + 5
    TALK_SECONDS = Qt.ItemDataRole.UserRole + 6
    BAR = Qt.ItemDataRole.UserRole + 7  # 0..1: count against the busiest person, or share of talk time
    FIGURE = Qt.ItemDataRole.UserRole + 8  # the number beside the bar, as text
    QUIET = Qt.ItemDataRole.UserRole + 9
    SILENT_MINUTES = Qt.ItemDataRole.UserRole + 10
    SPEAKING = Qt.ItemDataRole.UserRole + 11
    SHORTCUT = Qt.ItemDataRole.UserRole + 12  # "1".."9" for the first nine visible tiles, else ""
    LEFT_AT = Qt.ItemDataRole.UserRole + 14  # "13:40" when they left the session, else ""


def format_talk(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}:{secs:02d}"


class RosterModel(QAbstractListModel):
    """One row per person present, in name order; the measure decides what the bar shows."""

    def __init__(self, live: LiveTally, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.live = live
        self.measure: Measure = CONTRIBUTIONS
        self._members = list(live.members)
        live.changed.connect(self.refresh)

    def set_measure(self, measure: Measure) -> None:
        self.measure = measure
        self.refresh()

    def refresh(self) -> None:
        """Reset when the roster itself changed (someone joined, or was renamed), else repaint every tile (a live
        bar moves everyone's)."""
        if self._members != self.live.members:
            self.beginResetModel()
            self._members = list(self.live.members)
            self.endResetModel()
        elif self._members:
            self.dataChanged.emit(self.index(0), self.index(len(self._members) - 1))

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._members)

    def roleNames(self) -> dict[int, QByteArray]:
        names = {role.value: QByteArray(role.name.lower().encode()) for role in RosterRole}
        return {**super().roleNames(), **names}

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._members):
            return None
        member = self._members[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, RosterRole.NAME):
            return member.display_name
        if role == RosterRole.MEMBER_ID:
            return member.id
        if role == RosterRole.ROLE:
            return member.role.value
        if role == RosterRole.ROLE_LABEL:
            return member.role.label
        if role == RosterRole.ROLE_BADGE:
            return ROLE_BADGES[member.role]
        if role == RosterRole.COUNT:
            return self.live.tally.counts().get(member.id, 0)
        if role == RosterRole.TALK_SECONDS:
            return self.live.tally.talk_seconds().get(member.id, 0.0)
        if role == RosterRole.BAR:
            return self._bar(member.id)
        if role == RosterRole.FIGURE:
            return self._figure(member.id)
        if role == RosterRole.QUIET:
            return member.id in self.live.quiet_ids()
        if role == RosterRole.SILENT_MINUTES:
            return int(self.live.silent_for(member.id) // 60)
        if role == RosterRole.SPEAKING:
            return self.live.tally.speaker == member.id
        if role == RosterRole.LEFT_AT:
            left = self.live.left_at.get(member.id)
            return "" if left is None else clock_time(left)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._description(index)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _bar(self, member_id: int) -> float:
        if self.measure is TALK_TIME:
            return self.live.tally.talk_share().get(member_id, 0.0)
        counts = self.live.tally.counts()
        busiest = max(counts.values(), default=0)
        return counts.get(member_id, 0) / busiest if busiest else 0.0

    def _figure(self, member_id: int) -> str:
        if self.measure is TALK_TIME:
            seconds = self.live.tally.talk_seconds().get(member_id, 0.0)
            return format_talk(seconds) if seconds else "–"
        return str(self.live.tally.counts().get(member_id, 0))

    def _description(self, index: ModelIndex) -> str:
        member = self._members[index.row()]
        count = self.live.tally.counts().get(member.id, 0)
        parts = [member.display_name, member.role.label, counted(count, "contribution")]
        if self.measure is TALK_TIME:
            parts.append(f"talk time {format_talk(self.live.tally.talk_seconds().get(member.id, 0.0))}")
        left = self.live.left_at.get(member.id)
        if left is not None:
            parts.append(f"left the session at {clock_time(left)}")
        elif self.live.tally.speaker == member.id:
            parts.append("speaking now")
        elif member.id in self.live.quiet_ids():
            parts.append(f"not heard for {int(self.live.silent_for(member.id) // 60)} minutes")
        return ", ".join(parts)


class RosterFilter(QSortFilterProxyModel):
    """Type-to-filter by name; the first nine rows left visible carry the number keys 1-9."""

    def __init__(self, source: RosterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setFilterRole(RosterRole.NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == RosterRole.SHORTCUT:
            return str(index.row() + 1) if index.isValid() and index.row() < 9 else ""
        return super().data(index, role)

    def member_at(self, row: int) -> int | None:
        """The member behind visible row ``row`` (0-based), if there is one."""
        if not 0 <= row < self.rowCount():
            return None
        return int(self.data(self.index(row, 0), RosterRole.MEMBER_ID))
