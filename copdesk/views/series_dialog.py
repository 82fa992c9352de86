"""The series editor (Schedule…): the team's CoP rhythm in plain words, with the next six dates previewed.

The facilitator picks a masterclass rhythm (type, weeks, day, time, first date, length), sees the next dates
at once, skips a date or adds a one-off, and saves. Edits live in a :class:`SeriesDraft` until Save, so bad
input shows one line in red and stores nothing. Saved rules are what every "next session" is read from.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTime,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.model import Series, SessionKind, Team
from copdesk.core.schedule import WEEKDAY_NAMES, Preset, ReflectiveWeeks, ScheduleError, describe
from copdesk.core.series_draft import (
    PRESET_WORDS,
    Change,
    SeriesDraft,
    change_text,
    default_draft,
    preview_text,
)
from copdesk.store import series as series_store
from copdesk.store.schedule import local_wall_time
from copdesk.views.context import AppContext

_WEEK_CHOICES = (
    (ReflectiveWeeks.SECOND, "2nd week"),
    (ReflectiveWeeks.FOURTH, "4th week"),
    (ReflectiveWeeks.SECOND_AND_FOURTH, "2nd and 4th weeks"),
)
_ModelIndex = QModelIndex | QPersistentModelIndex
NO_CHANGES = "None: every date follows the rhythm."


class SeriesListModel(QAbstractListModel):
    """The team's series, paused ones included, each in plain words."""

    SeriesRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._series: list[Series] = []

    def set_series(self, found: list[Series]) -> None:
        self.beginResetModel()
        self._series = list(found)
        self.endResetModel()

    def series_at(self, row: int) -> Series:
        return self._series[row]

    def row_of(self, series_id: int) -> int:
        return next((row for row, s in enumerate(self._series) if s.id == series_id), -1)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._series)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        found = self._series[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            try:
                words = describe(found.rule)
            except ScheduleError:
                words = "rule needs fixing"
            return f"{found.kind.label}{'' if found.active else ' (paused)'}\n{words}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return found.rule
        if role == self.SeriesRole:
            return found.id
        return None


class SeriesDialog(QDialog):
    def __init__(self, context: AppContext, team: Team, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.team = team
        self.setObjectName("seriesDialog")
        self.setWindowTitle(f"Schedule: {team.name}")
        self.resize(960, 600)
        self.editing: Series | None = None
        self.draft: SeriesDraft | None = None
        self.saved_draft: SeriesDraft | None = None  # as stored, or for a new series as first offered
        self._loading = False

        self.series_model = SeriesListModel()
        self.preview_model = QStringListModel()
        self.changes_model = QStringListModel()
        self._preview_dates: list[datetime] = []
        self._changes: list[Change] = []

        outer = QHBoxLayout(self)
        outer.addLayout(self._build_series_column(), 1)
        outer.addLayout(self._build_editor_column(), 2)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.reload()

    # -- construction -------------------------------------------------------------------------
    def _build_series_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        heading = QLabel("SERIES")
        heading.setProperty("role", "paneTitle")
        column.addWidget(heading)
        self.series_view = QListView()
        self.series_view.setAccessibleName("The team's series")
        self.series_view.setModel(self.series_model)
        self.series_view.setWordWrap(True)
        self.series_view.setSpacing(3)
        self.series_view.selectionModel().currentChanged.connect(self._series_chosen)
        column.addWidget(self.series_view, 1)
        self.empty_label = QLabel("No series yet. Add one: the masterclass suggests a rhythm for each type.")
        self.empty_label.setProperty("role", "emptyState")
        self.empty_label.setWordWrap(True)
        column.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add series")
        self.add_button.setAccessibleName("Add a series")
        self.add_button.clicked.connect(self.start_new_series)
        self.pause_button = QPushButton("&Pause")
        self.pause_button.setAccessibleName("Pause or resume the chosen series")
        self.pause_button.clicked.connect(self.toggle_paused)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.pause_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        return column

    def _build_editor_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.editor_heading = QLabel()
        self.editor_heading.setProperty("role", "heading")
        column.addWidget(self.editor_heading)
        form = QFormLayout()
        self.kind_combo = QComboBox()
        for kind in SessionKind:
            self.kind_combo.addItem(f"{kind.label}: {PRESET_WORDS[kind]}", kind)
        self.weeks_combo = QComboBox()
        for weeks, words in _WEEK_CHOICES:
            self.weeks_combo.addItem(words, weeks)
        self.weeks_label = QLabel("&Weeks")
        self.day_combo = QComboBox()
        for day, name in enumerate(WEEKDAY_NAMES[:5]):
            self.day_combo.addItem(name, day)
        self.time_edit = QTimeEdit()
        self.time_edit.setDisplayFormat("HH:mm")
        self.first_date_edit = QDateEdit()
        self.first_date_edit.setCalendarPopup(True)
        self.first_date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.duration_spin = QSpinBox()
        self.duration_spin.setRange(5, 480)
        self.duration_spin.setSingleStep(15)
        self.duration_spin.setSuffix(" min")
        for label, widget, name in (
            ("&Type", self.kind_combo, "Session type"),
            (self.weeks_label, self.weeks_combo, "Weeks of the month"),
            ("&Day", self.day_combo, "Day of the week"),
            ("T&ime", self.time_edit, "Start time"),
            ("Starting &from", self.first_date_edit, "Starting from"),
            ("&Length", self.duration_spin, "Length in minutes"),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
            if isinstance(label, QLabel):
                label.setBuddy(widget)
        column.addLayout(form)
        for combo in (self.kind_combo, self.weeks_combo, self.day_combo):
            combo.currentIndexChanged.connect(self._rhythm_edited)
        self.time_edit.timeChanged.connect(self._rhythm_edited)
        self.first_date_edit.dateChanged.connect(self._rhythm_edited)
        self.duration_spin.valueChanged.connect(self._duration_edited)

        self.words_label = QLabel()
        self.words_label.setWordWrap(True)
        self.words_label.setObjectName("seriesInWords")
        column.addWidget(self.words_label)
        column.addLayout(self._build_dates_boxes(), 1)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("seriesMessage")
        self.message_label.hide()
        column.addWidget(self.message_label)
        column.addLayout(self._build_buttons())
        return column

    def _build_dates_boxes(self) -> QHBoxLayout:
        row = QHBoxLayout()
        upcoming = QGroupBox("Next 6 sessions")
        left = QVBoxLayout(upcoming)
        self.preview_view = QListView()
        self.preview_view.setAccessibleName("Next 6 sessions")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        left.addWidget(self.preview_view, 1)
        self.skip_button = QPushButton("S&kip the chosen date")
        self.skip_button.setAccessibleName("Skip the chosen date")
        self.skip_button.clicked.connect(self.skip_selected)
        left.addWidget(self.skip_button)
        changed = QGroupBox("Skipped and one-off dates")
        right = QVBoxLayout(changed)
        self.changes_view = QListView()
        self.changes_view.setAccessibleName("Skipped and one-off dates")
        self.changes_view.setModel(self.changes_model)
        self.changes_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        right.addWidget(self.changes_view, 1)
        self.undo_change_button = QPushButton("&Undo the chosen change")
        self.undo_change_button.setAccessibleName("Restore a skipped date or remove a one-off")
        self.undo_change_button.clicked.connect(self.undo_selected_change)
        right.addWidget(self.undo_change_button)
        extra = QHBoxLayout()
        self.extra_edit = QDateTimeEdit()
        self.extra_edit.setCalendarPopup(True)
        self.extra_edit.setDisplayFormat("ddd d MMM yyyy HH:mm")
        self.extra_edit.setAccessibleName("Date and time of a one-off session")
        self.extra_button = QPushButton("Add &one-off")
        self.extra_button.setAccessibleName("Add a one-off session")
        self.extra_button.clicked.connect(self.add_extra)
        extra.addWidget(self.extra_edit, 1)
        extra.addWidget(self.extra_button)
        right.addLayout(extra)
        row.addWidget(upcoming, 1)
        row.addWidget(changed, 1)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.revert_button = QPushButton("&Revert")
        self.revert_button.setAccessibleName("Revert unsaved changes")
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton("&Save")
        self.save_button.setProperty("primary", True)
        self.save_button.setAccessibleName("Save this series")
        self.save_button.clicked.connect(self.save)
        close_button = QPushButton("Close")
        close_button.setAccessibleName("Close the schedule")
        close_button.clicked.connect(self.close)
        row.addStretch(1)
        for button in (self.revert_button, self.save_button, close_button):
            row.addWidget(button)
        return row

    # -- state --------------------------------------------------------------------------------
    @property
    def now_local(self) -> datetime:
        return local_wall_time(self.context.now())

    @property
    def dirty(self) -> bool:
        return self.draft is not None and self.draft != self.saved_draft

    def reload(self, select_id: int | None = None) -> None:
        found = series_store.series_for_team(self.context.db, self.team.id, include_inactive=True)
        self.series_model.set_series(found)
        self.empty_label.setVisible(not found)
        row = self.series_model.row_of(select_id) if select_id is not None else (0 if found else -1)
        if row >= 0:
            self.series_view.setCurrentIndex(self.series_model.index(row))
            self._open_series(self.series_model.series_at(row))
        else:
            self.start_new_series()

    def _series_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid() or self._loading:
            return
        chosen = self.series_model.series_at(current.row())
        if self.editing is not None and chosen.id == self.editing.id:
            return
        if self.dirty:
            self._loading = True
            self.series_view.setCurrentIndex(previous)
            self._loading = False
            self.show_message("Save or revert the changes to this series first.")
            return
        self._open_series(chosen)

    def _open_series(self, chosen: Series) -> None:
        self.editing = chosen
        self.draft = self.saved_draft = SeriesDraft(chosen.kind, chosen.rule, chosen.duration_minutes)
        self.editor_heading.setText(chosen.kind.label + ("" if chosen.active else " (paused)"))
        self._show_draft()

    def start_new_series(self) -> None:
        if self.dirty:
            self.show_message("Save or revert the changes to this series first.")
            return
        used = {self.series_model.series_at(r).kind for r in range(self.series_model.rowCount())}
        kind = next((k for k in SessionKind if k not in used), SessionKind.REFLECTIVE)
        self.editing = None
        self.draft = self.saved_draft = default_draft(self.now_local.date(), kind)
        self.series_view.clearSelection()
        self.editor_heading.setText("New series (not saved yet)")
        self._show_draft()

    def _show_draft(self) -> None:
        """Fill the picker from the draft; a rule the picker cannot show is described and kept as it is."""
        assert self.draft is not None
        self._loading = True
        try:
            preset = self.draft.preset()
        except ScheduleError:
            preset = None
        if preset is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(preset.kind))
            self.weeks_combo.setCurrentIndex(self.weeks_combo.findData(preset.reflective_weeks))
            self.day_combo.setCurrentIndex(preset.weekday)
            self.time_edit.setTime(QTime(preset.start.hour, preset.start.minute))
            first = preset.first_date
            self.first_date_edit.setDate(QDate(first.year, first.month, first.day))
        self.duration_spin.setValue(self.draft.duration_minutes)
        today = self.now_local.date()
        self.extra_edit.setDateTime(QDateTime(QDate(today.year, today.month, today.day), self.time_edit.time()))
        self._loading = False
        self._refresh(custom=preset is None)

    def _refresh(self, *, custom: bool = False) -> None:
        draft = self.draft
        assert draft is not None
        is_reflective = self.chosen_kind() is SessionKind.REFLECTIVE
        self.weeks_combo.setVisible(is_reflective)
        self.weeks_label.setVisible(is_reflective)
        try:
            words = draft.describe()
            preview = draft.preview(self.now_local)
        except ScheduleError as exc:
            self.words_label.setText("This series' rule cannot be read; pick a rhythm above to replace it.")
            self.show_message(str(exc))
            preview = []
        else:
            prefix = "Custom rule (pick a rhythm above to replace it): " if custom else ""
            self.words_label.setText(f"<b>{prefix}{words}</b>")
        self._preview_dates = [entry.moment for entry in preview]
        self.preview_model.setStringList([preview_text(entry) for entry in preview] or ["No sessions to come."])
        self._changes = draft.changes() if preview else []
        self.changes_model.setStringList([change_text(change) for change in self._changes] or [NO_CHANGES])
        self.undo_change_button.setEnabled(bool(self._changes))
        self.pause_button.setEnabled(self.editing is not None)
        self.pause_button.setText("Res&ume" if self.editing and not self.editing.active else "&Pause")
        self.save_button.setEnabled(self.dirty or self.editing is None)
        self.revert_button.setEnabled(self.dirty)

    def show_message(self, text: str, *, level: str = "red") -> None:
        self.message_label.setProperty("level", level)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # -- edits --------------------------------------------------------------------------------
    def chosen_kind(self) -> SessionKind:
        # Qt hands item data back as plain str, so the enum is rebuilt from its value.
        return SessionKind(self.kind_combo.currentData())

    def current_preset(self) -> Preset:
        start = self.time_edit.time()
        first = self.first_date_edit.date().toPython()
        assert isinstance(first, date)
        return Preset(
            kind=self.chosen_kind(),
            weekday=int(self.day_combo.currentData()),
            start=time(start.hour(), start.minute()),
            first_date=first,
            duration_minutes=self.duration_spin.value(),
            reflective_weeks=ReflectiveWeeks(self.weeks_combo.currentData()),
        )

    def _rhythm_edited(self) -> None:
        if self._loading or self.draft is None:
            return
        try:
            self.draft, dropped = self.draft.with_rhythm(self.current_preset())
        except ScheduleError as exc:
            self.show_message(str(exc))
            return
        self.show_message(" ".join(dropped), level="amber")
        self._refresh()

    def _duration_edited(self, minutes: int) -> None:
        if not self._loading and self.draft is not None:
            self.draft = self.draft.with_duration(minutes)
            self._refresh()

    def _apply(self, change: str, edit: Callable[[], SeriesDraft]) -> None:
        """Run one draft edit; on a refusal show the reason and keep the draft as it was."""
        try:
            self.draft = edit()
        except ScheduleError as exc:
            self.show_message(str(exc))
            return
        self.show_message(change, level="amber")
        self._refresh()

    def skip_selected(self) -> None:
        row = self.preview_view.currentIndex().row()
        if self.draft is None or not 0 <= row < len(self._preview_dates):
            self.show_message("Choose a date in the list of next sessions, then skip it.")
            return
        moment = self._preview_dates[row]
        draft = self.draft
        self._apply(
            f"{moment:%a} {moment.day} {moment:%b} will be skipped once you save.", lambda: draft.skip(moment.date())
        )

    def add_extra(self) -> None:
        if self.draft is None:
            return
        picked = self.extra_edit.dateTime().toPython()
        if not isinstance(picked, datetime):
            return
        moment = picked.replace(second=0, microsecond=0)
        if moment <= self.now_local:
            self.show_message("A one-off session has to be in the future.")
            return
        draft = self.draft
        self._apply(
            f"A one-off on {moment:%a} {moment.day} {moment:%b} will be added once you save.",
            lambda: draft.add_extra(moment),
        )

    def undo_selected_change(self) -> None:
        row = self.changes_view.currentIndex().row()
        if self.draft is None or not 0 <= row < len(self._changes):
            self.show_message("Choose a skipped or extra date, then undo it.")
            return
        draft, change = self.draft, self._changes[row]
        self._apply("", lambda: draft.undo(change))

    def revert(self) -> None:
        if self.editing is None:
            self.draft = None
            self.reload()
        else:
            self._open_series(self.editing)
        self.show_message("")

    def save(self) -> bool:
        """Store the draft; on any refusal nothing is written and the reason is shown."""
        draft = self.draft
        if draft is None or not (self.dirty or self.editing is None):
            return True
        try:
            draft.preview(self.now_local, 1)
        except ScheduleError as exc:
            self.show_message(str(exc))
            return False
        db = self.context.db
        if self.editing is None:
            saved = series_store.add_series(
                db, self.team.id, draft.kind, draft.rule, self.context.now(), draft.duration_minutes
            )
        else:
            saved = series_store.update_series(
                db, self.editing.id, kind=draft.kind, rule=draft.rule, duration_minutes=draft.duration_minutes
            )
        self.saved_draft = self.draft
        self.reload(select_id=saved.id)
        self.show_message("Saved.", level="")
        return True

    def toggle_paused(self) -> None:
        if self.editing is None:
            return
        if self.dirty:
            self.show_message("Save or revert the changes to this series first.")
            return
        series_store.set_series_active(self.context.db, self.editing.id, not self.editing.active)
        self.reload(select_id=self.editing.id)

    def reject(self) -> None:
        """Close (the button, Esc or the title bar): unsaved changes are offered for saving first."""
        if self.dirty:
            answer = QMessageBox.question(
                self,
                "Unsaved schedule",
                "Save the changes to this series before closing?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()
