"""The main window's safeguards: its banner strip, and the File menu's data-care entries.

The banner strip under the header carries what start-up had to say (a restored backup, a backup that
could not be made, a data folder inside a synced or network folder, shown once per folder), every
write the panes could not save (a full disk, a read-only or locked database), with Retry, and a fault of
CoPDesk's own that was caught and logged (:mod:`copdesk.crash_log`). The menu
entries open the restore, retention and erasure dialogs. They are refused while a session is live:
the hour in progress must not have its data pulled from under it.

A restore needs the live database closed, which only the composition root can do, so this class
asks for it with :attr:`Safeguards.restore_requested` instead of restoring itself.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QVBoxLayout, QWidget

from copdesk import paths
from copdesk.store import migrations
from copdesk.store.location import shown
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.widgets.banner import Banner, show_write_failures
from copdesk.views.widgets.completed_names import completed, in_the_way

if TYPE_CHECKING:
    from copdesk.views.data_care.care_dialog import DataCareDialog
    from copdesk.views.widgets.background import BackgroundJob

WARNED_LOCATIONS_KEY = "warnings/unsafeDataFolder"
COPY_FILTER = "CoPDesk data (*.db)"
LIVE_REFUSAL = "End the live session first: its data cannot change under it."


class Safeguards(QObject):
    restore_requested = Signal(object)  # the Path of a verified backup
    data_changed = Signal()  # retention or an erasure changed what the panes show

    def __init__(
        self,
        context: AppContext,
        live_session: LiveSession,
        parent: QWidget,
        *,
        current_team_id: Callable[[], int | None],
        finish_background_work: Callable[[], bool],
    ) -> None:
        """``finish_background_work``: the window's (:meth:`MainWindow.finish_background_work`), which data care waits
        for first; whether the window is still open after it."""
        super().__init__(parent)
        self.context = context
        self.live_session = live_session
        self.host = parent
        self.current_team_id = current_team_id
        self.finish_background_work = finish_background_work
        self.current_dialog: QDialog | None = None
        self._copying: BackgroundJob | None = None  # a copy being saved (save_a_copy)
        self._caring: DataCareDialog | None = None  # the Erase or Delete old sessions dialog last opened
        self.banner_area = QWidget()
        self.banner_area.setObjectName("bannerArea")
        layout = QVBoxLayout(self.banner_area)
        layout.setContentsMargins(10, 8, 10, 0)
        layout.setSpacing(6)
        self.notice_banner = Banner("info")
        self.warning_banner = Banner("warning")
        self.location_banner = Banner("warning")
        self.write_banner = Banner("error", closable=False)  # until what was refused is saved
        self.write_banner.setObjectName("writeRefused")
        self.fault_banner = Banner("error")
        self.fault_banner.setObjectName("faultBanner")
        show_write_failures(context.writes, self.write_banner)
        context.writes.failed.connect(self._fit)
        context.writes.recovered.connect(self._fit)
        for banner in self._banners():
            layout.addWidget(banner)
            banner.closed.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        """Take no room at all when no banner is showing."""
        showing = any(not b.isHidden() for b in self._banners())
        self.banner_area.setVisible(showing)

    def _banners(self) -> tuple[Banner, ...]:
        return (self.notice_banner, self.warning_banner, self.location_banner, self.write_banner, self.fault_banner)

    # -- start-up ------------------------------------------------------------------------------
    def show_startup(self, notices: list[str], warnings: list[str], location_warning: str | None) -> None:
        if notices:
            self.notice_banner.show_message(" ".join(notices))
        if warnings:
            self.warning_banner.show_message(" ".join(warnings))
        if location_warning:
            self._warn_location_once(location_warning)
        self._fit()

    def show_late_warning(self, warning: object) -> None:
        """A problem from start-up work finished after the window appeared (the automatic backup), if any."""
        if warning:
            self.show_startup([], [str(warning)], None)

    def show_fault(self, message: str) -> None:
        """A fault caught by the crash log, in one line; the same line again changes nothing (no relayout, so a
        fault raised while painting cannot feed itself)."""
        if self.fault_banner.isHidden() or self.fault_banner.label.text() != message:
            self.fault_banner.show_message(message)
            self._fit()

    def _warn_location_once(self, message: str) -> None:
        settings = paths.user_settings()
        folder = str(self.context.db_path.parent)
        warned = settings.value(WARNED_LOCATIONS_KEY, [])
        warned_list = [str(w) for w in warned] if isinstance(warned, list) else [str(warned)] if warned else []
        if folder in warned_list:
            return
        self.location_banner.show_message(message)
        settings.setValue(WARNED_LOCATIONS_KEY, [*warned_list, folder])
        settings.sync()

    # -- menu ----------------------------------------------------------------------------------
    def add_menu_actions(self, menu: QMenu) -> None:
        entries = (
            ("Save a &copy of your data…", self.save_a_copy),
            ("&Restore from backup…", self.restore_from_backup),
            ("&Delete old sessions…", self.delete_old_sessions),
            ("&Erase a member's data…", self.erase_member_data),
        )
        for text, slot in entries:
            action = QAction(text, self.host)
            action.triggered.connect(slot)
            menu.addAction(action)

    def _refuse_while_live(self) -> bool:
        """Refuse data care during a session; otherwise let the start-up backup finish first, so the backups
        listed for a restore are all there, and a deletion meant to reach every backup reaches that one too."""
        if self.live_session.is_live:
            self.warning_banner.show_message(LIVE_REFUSAL)
            self._fit()
            return True
        return not self.finish_background_work()  # a log-off may close the window while it waits

    def _open(self, dialog: QDialog) -> QDialog:
        """Window-modal and non-blocking, so the meeting's window keeps painting (and tests can click)."""
        self.current_dialog = dialog
        dialog.open()
        return dialog

    def close_dialog(self) -> None:
        """The window is closing: the dialog opened last closes with it, and a count or a check under way in its
        worker is given up and its thread waited for, so none outlives the window. Rejected rather than closed: a
        log-off hides every dialog first (:func:`copdesk.shutdown.save_and_quit`), and a hidden dialog's close would
        not finish it. One at work stays (the window waits for the work, :meth:`work_under_way`)."""
        if self.current_dialog is not None:
            self.current_dialog.reject()

    def save_a_copy(self) -> None:
        """A verified copy of the data in a file of the facilitator's choosing (a memory stick, a shared drive),
        written in a worker thread, so a long copy never stops the window; allowed mid-session, as it only reads."""
        if self._copying is not None:
            self.warning_banner.show_message("A copy of your data is being saved; wait for it to finish.")
            self._fit()
            return
        when = f"{self.context.now().astimezone():%Y-%m-%d-%H%M}"  # a second copy that day is not refused as a database
        chosen = self.ask_copy_path(str(Path.home() / f"copdesk-copy-{when}.db"))
        if chosen is None:
            return
        # Named "monday" or "monday.txt", the copy was missing from Restore's "Choose a file…", which lists *.db.
        path = completed(chosen, ".db", lambda ending: ending.lower() == ".db")
        there = in_the_way(chosen, path, self.context.db_path)
        if there is not None:  # a copy never replaces a file the save dialog did not ask about: most are databases
            self.warning_banner.show_message(
                there.never or f"{shown(path)} is there already: choose another name for the copy."
            )
            self._fit()
            return
        from copdesk.views.widgets.background import BackgroundJob

        db_path = self.context.db_path
        self._copying = BackgroundJob(
            lambda: _saved_copy(db_path, path), "copdesk-save-a-copy", self, doing="saving the copy of your data"
        )
        self._copying.done.connect(self._copy_saved)
        self._copying.start()

    def ask_copy_path(self, suggested: str) -> Path | None:
        """Where to save the copy; None when the facilitator cancels (tests replace this to answer for them)."""
        chosen, _ = QFileDialog.getSaveFileName(self.host, "Save a copy of your data", suggested, COPY_FILTER)
        return Path(chosen) if chosen else None

    def work_under_way(self) -> list[BackgroundJob]:
        """A copy being saved, and an erasure or a deletion of old sessions under way: whoever closes the window (or
        restores) waits for them, as the instance lock must stay held and the data open until they end."""
        jobs = [self._copying] if self._copying is not None else []
        if self._caring is not None and self._caring.work_under_way is not None:
            jobs.append(self._caring.work_under_way)
        return jobs

    def _copy_saved(self, outcome: tuple[bool, str]) -> None:
        """``_saved_copy``'s answer, delivered on the GUI thread."""
        self._copying = None
        saved, said = outcome
        if saved:
            self.notice_banner.show_message(
                f"Saved a verified copy of your data as {said}. It holds your notes and colleagues' names: keep it "
                "as safe as this laptop. Erasures and deletions of old sessions made later do not reach it."
            )
        else:
            self.warning_banner.show_message(f"The copy was not saved: {said}")
        self._fit()

    def restore_from_backup(self) -> None:
        if self._refuse_while_live():
            return
        from copdesk.views.data_care.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.context.db_path, migrations.latest_version(paths.migrations_dir()), self.host)
        dialog.accepted.connect(lambda: self._restore_chosen(dialog.chosen))
        self._open(dialog)

    def _restore_chosen(self, chosen: Path | None) -> None:
        if chosen is not None:
            self.restore_requested.emit(chosen)

    def delete_old_sessions(self) -> None:
        if self._refuse_while_live():
            return
        from copdesk.views.data_care.data_care_dialogs import RetentionDialog

        dialog = RetentionDialog(self.context, self.host)
        dialog.changed.connect(self.data_changed)
        self._caring = dialog
        self._open(dialog)

    def erase_member_data(self) -> None:
        if self._refuse_while_live():
            return
        team_id = self.current_team_id()
        if team_id is None:
            self.warning_banner.show_message("Choose a team first: erasure works on one team's roster.")
            self._fit()
            return
        from copdesk.views.data_care.data_care_dialogs import EraseMemberDialog

        dialog = EraseMemberDialog(self.context, team_id, self.host)
        dialog.changed.connect(self.data_changed)
        self._caring = dialog
        self._open(dialog)


def _saved_copy(db_path: Path, output: Path) -> tuple[bool, str]:
    """In the worker: (True, where it was written), or (False, why not)."""
    from copdesk.services.data_care import save_a_copy
    from copdesk.store.errors import StoreError

    try:
        return True, save_a_copy(db_path, output, paths.migrations_dir())
    except StoreError as exc:
        return False, exc.message
