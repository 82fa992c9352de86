"""The series editor (Schedule…): the team's CoP rhythm in plain words, with the next six dates previewed.

The facilitator picks a masterclass rhythm (type, weeks, day, time, first date, length), sees the next dates
at once, skips a date or adds a one-off, and saves. Edits live in a :class:`SeriesDraft` until Save, so bad
input shows one line in red and stores nothing. Saved rules are what every "next session" is read from.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QWidget

from copdesk.core.date_names import day_name, month_name
from copdesk.core.model import Series, SessionKind, Team
from copdesk.core.rule_text import ScheduleError
from copdesk.core.series_draft import (
    MISSING_REMEDY,
    SeriesDraft,
    default_draft,
    default_preset,
    missing_text,
    shared_days,
)
from copdesk.services.calendar import save_series, set_series_paused
from copdesk.store import series as series_store
from copdesk.store.schedule import local_wall_time, team_invitations
from copdesk.views.calendar.series_picker import SeriesListModel
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_series_dialog import Ui_SeriesDialog
from copdesk.views.widgets.forms import unsaved_settled

if TYPE_CHECKING:
    from copdesk.core.invitations import TeamInvitations

SAVE_OR_REVERT = "Save or revert the changes to this series first."
UNREADABLE = "This series' rule cannot be read: Save replaces it with the rhythm above, or pick another first."
PAUSED_DATES = "Paused: no session is held on these dates until you press Resume."
SEND_CANCELLATIONS = (
    "Invited calendars may still hold the sessions taken off: send the file from Reports ▸ Export cancellations for "
    "calendars…."
)


class SeriesDialog(QDialog):
    def __init__(self, context: AppContext, team: Team, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SeriesDialog()
        self.ui.setupUi(self)  # 960x640: room for a long rule in words, six dates and three changes
        self.context = context
        self.team = team
        self.setWindowTitle(f"Schedule: {team.name}")
        self.editing: Series | None = None
        self.adding = False  # a new series begun with Add series, not yet saved
        self.draft: SeriesDraft | None = None
        self.saved_draft: SeriesDraft | None = None  # as stored, or for a new series as first offered
        self._restoring_selection = False

        self.series_model = SeriesListModel()
        self._build_series_column()
        self._build_editor_column()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.reload()

    # -- construction -------------------------------------------------------------------------
    def _build_series_column(self) -> None:
        ui = self.ui
        self.series_view, self.empty_label = ui.seriesView, ui.emptyLabel
        self.add_button, self.pause_button = ui.addButton, ui.pauseButton
        self.series_view.setModel(self.series_model)
        self.series_view.selectionModel().currentChanged.connect(self._series_chosen)
        self.add_button.clicked.connect(self.add_series)
        self.pause_button.clicked.connect(self.toggle_paused)

    def _build_editor_column(self) -> None:
        ui = self.ui
        self.editor_heading, self.form, self.words_label = ui.editorHeading, ui.rhythmForm, ui.seriesInWords
        self.dates, self.message_label = ui.datesPanel, ui.seriesMessage
        self.revert_button, self.save_button = ui.revertButton, ui.saveButton
        self.form.rhythm_edited.connect(self._rhythm_edited)
        self.form.duration_edited.connect(self._duration_edited)
        self.dates.skip_requested.connect(self.skip_selected)
        self.dates.undo_requested.connect(self.undo_selected_change)
        self.dates.extra_requested.connect(self.add_extra)
        self.message_label.hide()
        self.revert_button.clicked.connect(self.revert)
        self.save_button.clicked.connect(self.save)
        ui.closeButton.clicked.connect(self.close)

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
            self.start_new_series(asked_for=False)

    def _series_chosen(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid() or self._restoring_selection:
            return
        chosen = self.series_model.series_at(current.row())
        if self.editing is not None and chosen.id == self.editing.id:
            return
        if self.dirty:
            self._restoring_selection = True
            self.series_view.setCurrentIndex(previous)
            self._restoring_selection = False
            self.show_message(SAVE_OR_REVERT)
            return
        self._open_series(chosen)

    def _open_series(self, chosen: Series) -> None:
        self.editing = chosen
        self.adding = False
        self.draft = self.saved_draft = SeriesDraft(chosen.kind, chosen.rule, chosen.duration_minutes)
        self.editor_heading.setText(chosen.kind.label + ("" if chosen.active else " (paused)"))
        self._show_draft()

    def add_series(self) -> None:
        """Add series: a new one to edit, asked about before closing drops it."""
        self.start_new_series(asked_for=True)

    def start_new_series(self, *, asked_for: bool) -> None:
        """A new series to edit: ``asked_for`` with Add series (then closing asks before it is dropped), else the
        blank one a team with no series starts from."""
        if self.dirty:
            self.show_message(SAVE_OR_REVERT)
            return
        used = {self.series_model.series_at(r).kind for r in range(self.series_model.rowCount())}
        kind = next((k for k in SessionKind if k not in used), SessionKind.REFLECTIVE)
        self.editing = None
        self.adding = asked_for
        self.draft = self.saved_draft = default_draft(self.now_local.date(), kind)
        self.series_view.clearSelection()
        self.editor_heading.setText("New series (not saved yet)")
        self._show_draft()

    def _show_draft(self) -> None:
        """Fill the picker from the draft; a rule the picker cannot show is described and kept as it is, with the
        picker offering its type's own rhythm from today to replace it."""
        assert self.draft is not None
        now = self.now_local
        offered = default_preset(now.date(), self.draft.kind)
        try:
            preset, extra = self.draft.preset(), self.draft.suggested_extra(now)
        except ScheduleError:  # a rule that cannot be read: said under the picker, and replaced by picking a rhythm
            preset, extra = None, SeriesDraft.from_preset(offered).suggested_extra(now)
        self.form.show_rhythm(preset or offered, self.draft.duration_minutes, now.date())
        self.dates.offer_extra_at(extra)
        self._refresh(custom=preset is None)

    def _refresh(self, *, custom: bool = False) -> None:
        draft = self.draft
        assert draft is not None
        try:
            words = draft.describe()
            preview, changes = draft.preview(self.now_local), draft.changes()
            missing = [missing_text(gap) for gap in draft.missing_in(preview, self.now_local)]
            missing += [MISSING_REMEDY] if missing else []
            editing_id = self.editing.id if self.editing is not None else None
            others = [self.series_model.series_at(row) for row in range(self.series_model.rowCount())]
            missing += shared_days(preview, [other for other in others if other.id != editing_id])
            if self.editing is not None and not self.editing.active:  # the dates it would hold, said to be on hold
                missing.insert(0, PAUSED_DATES)
        except ScheduleError as exc:
            self.words_label.setText(UNREADABLE)
            self.show_message(str(exc))
            preview, changes, missing = [], [], []
        else:
            prefix = "Custom rule (pick a rhythm above to replace it): " if custom else ""
            self.words_label.setText(f"<b>{prefix}{html.escape(words)}</b>")
        self.dates.show_dates(preview, changes, missing)  # with no date to come, its skips can still be undone
        self.pause_button.setEnabled(self.editing is not None)
        self.pause_button.setText("Res&ume" if self.editing and not self.editing.active else "&Pause")
        self.save_button.setEnabled(self._to_save() is not None)
        self.revert_button.setEnabled(self.dirty)

    def show_message(self, text: str, *, level: str = "red") -> None:
        self.message_label.setProperty("level", level)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    # -- edits --------------------------------------------------------------------------------
    def _rhythm_edited(self) -> None:
        if self.draft is None:
            return
        try:
            self.draft, dropped = self.draft.with_rhythm(self.form.preset())
        except ScheduleError as exc:
            self.show_message(str(exc))
            return
        self.show_message(" ".join(dropped), level="amber")
        self.dates.offer_extra_at(self.draft.suggested_extra(self.now_local))
        self._refresh()

    def _duration_edited(self, minutes: int) -> None:
        if self.draft is not None:
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
        moment = self.dates.chosen_date()
        if self.draft is None or moment is None:
            self.show_message("Choose a date in the list of next sessions, then skip it.")
            return
        draft = self.draft
        when = f"{day_name(moment, short=True)} {moment.day} {month_name(moment, short=True)}"
        self._apply(f"{when} will be skipped once you save.", lambda: draft.skip(moment))

    def add_extra(self) -> None:
        moment = self.dates.extra_moment()
        if self.draft is None or moment is None:
            return
        if moment <= self.now_local:
            self.show_message("A one-off session has to be in the future.")
            return
        draft = self.draft
        when = f"{day_name(moment, short=True)} {moment.day} {month_name(moment, short=True)}"
        self._apply(f"A one-off on {when} will be added once you save.", lambda: draft.add_extra(moment))
        if self.draft is not draft:  # added: offer the next free day, so a second click is not refused
            self.dates.offer_extra_at(self.draft.suggested_extra(self.now_local))

    def undo_selected_change(self) -> None:
        change = self.dates.chosen_change()
        if self.draft is None or change is None:
            self.show_message("Choose a skipped or extra date, then undo it.")
            return
        draft = self.draft
        self._apply("", lambda: draft.undo(change))

    def revert(self) -> None:
        if self.editing is None:
            self.draft = None
            self.reload()
        else:
            self._open_series(self.editing)
        self.show_message("")

    def _to_save(self) -> SeriesDraft | None:
        """What Save would store (None: nothing to save). A rule that cannot be read is replaced by the rhythm the
        picker shows, as offered or as changed, so Save needs no field changed and changed back first."""
        draft = self.draft
        if draft is None:
            return None
        try:
            draft.preview(self.now_local, 1)
        except ScheduleError:
            try:
                return draft.with_rhythm(self.form.preset())[0]
            except ScheduleError:
                return draft  # the picker's rhythm is refused too: Save says why
        return draft if self.dirty or self.editing is None else None

    def save(self) -> bool:
        """Store the draft; on any refusal nothing is written and the reason is shown."""
        draft = self._to_save()
        if draft is None:
            return True
        try:
            draft.preview(self.now_local, 1)
        except ScheduleError as exc:
            self.show_message(str(exc))
            return False
        team_id, series_id, now = self.team.id, self.editing.id if self.editing else None, self.context.now()
        before = self._invitations()
        saved = self.context.writes.run(
            lambda: save_series(
                self.context.db,
                team_id,
                series_id,
                kind=draft.kind,
                rule=draft.rule,
                duration_minutes=draft.duration_minutes,
                now=now,
            ),
            key=("series", team_id, series_id),
            kept="Your changes are still here: Save again once it can be written.",
        )
        if saved is None:
            self.show_message(self.context.writes.message)
            return False
        self.saved_draft = self.draft = draft
        self.reload(select_id=saved.value.id)
        if self._takes_off(before):
            self.show_message(f"Saved. {SEND_CANCELLATIONS}", level="amber")
        else:
            self.show_message("Saved.", level="")
        return True

    def _invitations(self) -> TeamInvitations:
        return team_invitations(self.context.db, self.team, self.context.now())

    def _takes_off(self, before: TeamInvitations) -> bool:
        """Whether the save or pause just made took off a meeting, or a date, that the invitation file made
        ``before`` it held: calendars may still hold it, and the cancellation file now cancels it. Only the files
        before and after are compared, not every earlier one, so the window is not held."""
        from copdesk.core.cancellations import taken_off  # icalendar: only once something is saved

        return bool(taken_off(before, self._invitations()))

    def toggle_paused(self) -> None:
        if self.editing is None:
            return
        if self.dirty:
            self.show_message(SAVE_OR_REVERT)
            return
        series_id, paused, team_id, now = self.editing.id, self.editing.active, self.team.id, self.context.now()
        before = self._invitations()
        if self.context.writes.run(lambda: set_series_paused(self.context.db, team_id, series_id, paused, now)) is None:
            self.show_message(self.context.writes.message)
            return
        self.reload(select_id=series_id)
        if self._takes_off(before):
            self.show_message(f"Paused. {SEND_CANCELLATIONS}", level="amber")
        else:
            self.show_message("Paused." if paused else "Resumed.", level="")

    def reject(self) -> None:
        """Close (the button, Esc or the title bar): unsaved changes are offered for saving first."""
        if self.adding:  # its suggested rhythm, kept as it is, is still a series never saved
            question = "Save the new series before closing?"
        else:
            question = "Save the changes to this series before closing?"
        if (self.dirty or self.adding) and not unsaved_settled(self, "Unsaved schedule", question, self.save):
            return
        super().reject()
