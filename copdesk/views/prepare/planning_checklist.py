"""The Prepare view's planning checklist: the masterclass's "Points to consider when planning a team CoP".

Each point can be ticked while planning; ticks are kept in the database per team and per upcoming
session (``store.review.planning_ticks``), so the next session starts with a fresh list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from enum import IntEnum
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from copdesk.core.dates import format_uk
from copdesk.core.masterclass import PlanningPoint, shipped_texts
from copdesk.core.model import Team
from copdesk.core.review import ReviewPack
from copdesk.services.calendar import tick_planning_prompt
from copdesk.store.planning import next_run_session
from copdesk.store.review import planning_ticks
from copdesk.views.context import AppContext
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.row_model import ModelIndex

CHECKBOX_ROOM = 32  # the tick box and its margins, left of each point's text
CHECKLIST_HEIGHT = 120  # the rest of the time it is as tall as its wrapped lines (see PlanningSection)


class ChecklistRole(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1


class PlanningChecklistModel(QAbstractListModel):
    """The masterclass's planning points, each tickable; ticks are saved per team and upcoming session."""

    def __init__(self, save: Callable[[str, bool], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self.prompts: Sequence[PlanningPoint] = shipped_texts().planning
        self._ticked: set[str] = set()

    def set_ticked(self, ticked: set[str]) -> None:
        self.beginResetModel()
        self._ticked = set(ticked)
        self.endResetModel()

    def ticked(self) -> set[str]:
        return set(self._ticked)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.prompts)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        prompt = self.prompts[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return prompt.text.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if prompt.key in self._ticked else Qt.CheckState.Unchecked
        if role == ChecklistRole.KEY:
            return prompt.key
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self.prompts[index.row()].key
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self._save(key, ticked)
        self._ticked = self._ticked | {key} if ticked else self._ticked - {key}
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class PlanningSection(QWidget):
    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.team_id: int | None = None
        self.session_day: date | None = None
        self.kind_label = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = hint_label()
        layout.addWidget(self.summary)
        self.model = PlanningChecklistModel(self._save, self)
        self.list = QListView()
        self.list.setAccessibleName("Planning checklist for the next session")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(1)
        self.list.setMinimumHeight(CHECKLIST_HEIGHT)
        self.model.dataChanged.connect(self._count)
        layout.addWidget(self.list, 1)
        layout.addWidget(hint_label(f"Quoted from the {shipped_texts().planning[0].text.credit()}."))

    def show_pack(self, pack: ReviewPack, team: Team) -> None:
        self.team_id = team.id
        # The session the team runs, as the plan beside it: not a session it attends first (Spotlight, Themed, TM/SSW).
        upcoming = next_run_session(self.context.db, team.id, self.context.now())
        self.session_day = upcoming.moment.date() if upcoming else None
        self.kind_label = upcoming.kind.label if upcoming else ""
        self.model.set_ticked(planning_ticks(self.context.db, team.id, self.session_day))
        self._count()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped lines change with the width: keep every point in view, with no scroll bar."""
        super().resizeEvent(event)
        metrics = self.list.fontMetrics()
        width = max(100, self.list.viewport().width() - CHECKBOX_ROOM)
        flags = Qt.TextFlag.TextWordWrap
        rows = sum(
            metrics.boundingRect(0, 0, width, 10_000, flags, prompt.text.text).height() + 2 * self.list.spacing()
            for prompt in self.model.prompts
        )
        self.list.setFixedHeight(max(CHECKLIST_HEIGHT, rows + 2 * self.list.frameWidth() + 2))

    def _save(self, key: str, ticked: bool) -> None:
        if self.team_id is not None:
            self._tick(self.team_id, self.session_day, key, ticked)

    def _tick(self, team_id: int, day: date | None, key: str, ticked: bool) -> None:
        """Refused, the tick stays on screen and Retry saves it."""
        self.context.writes.run(
            lambda: tick_planning_prompt(self.context.db, team_id, day, key, ticked),
            retry=partial(self._tick, team_id, day, key, ticked),
            key=("planning tick", team_id, day, key),
            kept="The tick is kept: Retry saves it.",
        )

    def _count(self) -> None:
        # Named as the plan beside it names it: the "Next session" above may be a Spotlight the team attends first.
        done, total = len(self.model.ticked()), self.model.rowCount()
        if self.session_day is None:
            self.summary.setText(f"{done} of {total} considered for the next session the team runs (none scheduled).")
            return
        session = f"the {self.kind_label} on {format_uk(self.session_day)}"
        self.summary.setText(f"{done} of {total} considered for {session} (kept for it only).")
