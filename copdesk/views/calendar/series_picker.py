"""The parts of the series editor: the list of series, the rhythm form and the dates panel.

They only show and collect; :class:`copdesk.views.calendar.series_dialog.SeriesDialog` decides what an edit means.
"""

from __future__ import annotations

from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtWidgets import QLabel, QWidget

from copdesk.core.date_names import DAY_NAMES
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import Series, SessionKind
from copdesk.core.rule_text import ScheduleError
from copdesk.core.schedule import Preset, ReflectiveWeeks
from copdesk.core.schedule_words import describe, week_counting
from copdesk.core.series_draft import PREVIEW_COUNT, Change, PreviewDate, change_text, preview_text
from copdesk.views.forms.ui_dates_panel import Ui_DatesPanel
from copdesk.views.forms.ui_rhythm_form import Ui_RhythmForm
from copdesk.views.widgets.row_model import ModelIndex

NO_CHANGES = "None: every date follows the rhythm. Choose a date on the left to skip it, or add a one-off below."
NO_DATES = "No sessions to come."
_WEEK_CHOICES = (
    (ReflectiveWeeks.SECOND, "2nd week"),
    (ReflectiveWeeks.FOURTH, "4th week"),
    (ReflectiveWeeks.SECOND_AND_FOURTH, "2nd and 4th weeks"),
)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


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

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._series)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
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


def first_date_range(today: date, kept: date | None) -> tuple[date, date]:
    """The first dates a series may be given: from the start of this quarter to a year ahead, and its own first date
    if it was saved with another. A series counts its dates from its first one in every quarter's figures: one
    started in 2000 by a slip of the calendar made each past quarter show sessions planned but never held."""
    earliest = date(today.year, (today.month - 1) // 3 * 3 + 1, 1)
    latest = today + relativedelta(years=1)
    if kept is None:
        return earliest, latest
    return min(earliest, kept), max(latest, kept)


class RhythmForm(QWidget):
    """Type, weeks, day, time, start and length, in the masterclass's words."""

    rhythm_edited = Signal()
    duration_edited = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RhythmForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.kind_combo, self.weeks_combo, self.weeks_label = ui.kindCombo, ui.weeksCombo, ui.weeksLabel
        self.day_combo, self.time_edit, self.first_date_edit = ui.dayCombo, ui.timeEdit, ui.firstDateEdit
        self.duration_spin, self.counting_label = ui.durationSpin, ui.weekCounting
        self.owner_label = ui.whoRunsIt  # who runs the type, in the masterclass's words
        self._whole = [_WholeLines(label) for label in (self.owner_label, self.counting_label)]
        for kind in SessionKind:  # the masterclass's own words for when each type falls, as written
            when = shipped_texts().session_type(kind).when
            self.kind_combo.addItem(f"{kind.label}: “{when.text}”", kind.value)
            self.kind_combo.setItemData(self.kind_combo.count() - 1, when.credit(), Qt.ItemDataRole.ToolTipRole)
        for weeks, words in _WEEK_CHOICES:
            self.weeks_combo.addItem(words, weeks.value)
        for day, name in enumerate(DAY_NAMES[:5]):
            self.day_combo.addItem(name, day)
        for combo in (self.kind_combo, self.weeks_combo, self.day_combo):
            combo.currentIndexChanged.connect(self._rhythm_changed)
        self.time_edit.timeChanged.connect(self._rhythm_changed)
        self.first_date_edit.dateChanged.connect(self._rhythm_changed)
        self.duration_spin.valueChanged.connect(self.duration_edited)

    def chosen_kind(self) -> SessionKind:
        # Qt hands item data back as plain str, so the enum is rebuilt from its value.
        return SessionKind(self.kind_combo.currentData())

    def preset(self) -> Preset:
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

    def show_rhythm(self, preset: Preset, duration_minutes: int, today: date) -> None:
        """Fill the form without announcing edits."""
        self.blockSignals(True)
        for widget in (self.kind_combo, self.weeks_combo, self.day_combo, self.time_edit, self.first_date_edit):
            widget.blockSignals(True)
        earliest, latest = first_date_range(today, preset.first_date)
        self.first_date_edit.setDateRange(_qdate(earliest), _qdate(latest))
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(preset.kind.value))
        self.weeks_combo.setCurrentIndex(self.weeks_combo.findData(preset.reflective_weeks.value))
        self.day_combo.setCurrentIndex(preset.weekday)
        self.time_edit.setTime(QTime(preset.start.hour, preset.start.minute))
        self.first_date_edit.setDate(_qdate(preset.first_date))
        self.duration_spin.blockSignals(True)
        self.duration_spin.setValue(duration_minutes)
        for widget in (self.kind_combo, self.weeks_combo, self.day_combo, self.time_edit, self.first_date_edit):
            widget.blockSignals(False)
        self.duration_spin.blockSignals(False)
        self.blockSignals(False)
        self._show_weeks()

    def _rhythm_changed(self) -> None:
        self._show_weeks()
        self.rhythm_edited.emit()

    def _show_weeks(self) -> None:
        """Who runs the type; weeks are only asked for reflective practice ("2nd and/or 4th week")."""
        self.owner_label.setText(shipped_texts().session_type(self.chosen_kind()).who_runs_it_quoted())
        is_reflective = self.chosen_kind() is SessionKind.REFLECTIVE
        self.weeks_combo.setVisible(is_reflective)
        self.weeks_label.setVisible(is_reflective)
        weeks = ReflectiveWeeks(self.weeks_combo.currentData())
        self.counting_label.setText(week_counting(self.chosen_kind(), int(self.day_combo.currentData()), weeks))
        for whole in self._whole:
            whole.fit()


class _WholeLines(QObject):
    """A wrapped label never shorter than its lines at the width it has: a dialog short of room (a series with
    several changed dates) squeezed the form's notes, and cut their last line through ("…Roles and responsibilities
    2025)"). The dialog grows instead, as far as the screen lets it."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.label = label
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
        return False

    def fit(self) -> None:
        label = self.label
        if not label.isVisible():  # laid out at its width only once shown
            return
        label.setMinimumHeight(0)  # Qt's height for a width is never less than the minimum height
        label.setMinimumHeight(label.heightForWidth(label.width()))


class DatesPanel(QWidget):
    """The next six dates (skip one), and the dates that differ from the rhythm (undo one, add a one-off).

    Both lists are as tall as what they hold, so an empty list of changes is one line that says so, not a box.
    """

    skip_requested = Signal()
    undo_requested = Signal()
    extra_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DatesPanel()
        self.ui.setupUi(self)
        ui = self.ui
        self.preview_model = QStringListModel()
        self.changes_model = QStringListModel()
        self.preview_dates: list[datetime] = []
        self.changes: list[Change] = []
        self.preview_view, self.changes_view = ui.previewView, ui.changesView
        for view, model in ((self.preview_view, self.preview_model), (self.changes_view, self.changes_model)):
            view.max_rows = PREVIEW_COUNT
            view.setModel(model)
        self.missing_label, self.no_changes_label = ui.missingLabel, ui.noChangesLabel
        self.no_changes_label.setText(NO_CHANGES)
        self.skip_button, self.undo_button, self.extra_edit = ui.skipButton, ui.undoButton, ui.extraEdit
        self.skip_button.clicked.connect(self.skip_requested.emit)
        self.undo_button.clicked.connect(self.undo_requested.emit)
        ui.addOneOffButton.clicked.connect(self.extra_requested.emit)

    def show_dates(self, preview: list[PreviewDate], changes: list[Change], missing: list[str]) -> None:
        """Show the coming dates, the months without a 4th-week session among them, and the changes."""
        self.preview_dates = [entry.moment for entry in preview]
        self.preview_model.setStringList([preview_text(entry) for entry in preview] or [NO_DATES])
        self.missing_label.setText("\n".join(missing))
        self.missing_label.setVisible(bool(missing))
        self.changes = changes
        self.changes_model.setStringList([change_text(change) for change in changes])
        self.preview_view.updateGeometry()
        self.changes_view.updateGeometry()
        self.changes_view.setVisible(bool(changes))
        self.undo_button.setVisible(bool(changes))
        self.no_changes_label.setVisible(not changes)

    def offer_extra_at(self, moment: datetime) -> None:
        self.extra_edit.setDateTime(QDateTime(_qdate(moment.date()), QTime(moment.hour, moment.minute)))

    def chosen_date(self) -> datetime | None:
        row = self.preview_view.currentIndex().row()
        return self.preview_dates[row] if 0 <= row < len(self.preview_dates) else None

    def chosen_change(self) -> Change | None:
        row = self.changes_view.currentIndex().row()
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def extra_moment(self) -> datetime | None:
        picked = self.extra_edit.dateTime().toPython()
        return picked.replace(second=0, microsecond=0) if isinstance(picked, datetime) else None
