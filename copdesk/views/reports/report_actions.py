"""The main window's calendar and report entries: Schedule… and the exports, each behind a menu item.

Every export asks what to export (``copdesk.views.reports.export_dialogs``), then where (a file dialog), then writes
through ``copdesk.output`` (QSaveFile) in a worker thread, with progress and Cancel (``export_job``): a failed
write leaves any existing file as it was and says why in one line, a cancelled one writes nothing. One export
runs at a time, and its audit line is written once the file is whole. The content comes from the same ``core``
and ``store`` functions the CLI uses, so GUI and CLI agree.
Each flow imports what it needs when it runs: nothing here is needed before the window first paints.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import SessionStatus, Team
from copdesk.store import sessions, teams
from copdesk.views.context import AppContext
from copdesk.views.widgets.forms import tell

if TYPE_CHECKING:
    from copdesk.core.export_formats import ExportFormat
    from copdesk.core.record import SessionRecord
    from copdesk.views.reports.export_job import ExportRun
    from copdesk.views.reports.self_assessment_dialog import SelfAssessmentDialog

D = TypeVar("D")

NO_TEAM = "Create a team first (File ▸ New team…)."
CANCEL_ITEM = "Export ca&ncellations for calendars (iCalendar)…"
SLUG_LENGTH = 50  # a name's part of a suggested file name, in characters (up to 4 bytes each in UTF-8)
# A session not ended is marked in the list of records to export: its record is incomplete, or empty.
_NOT_ENDED = {SessionStatus.LIVE: " · live now", SessionStatus.PLANNED: " · planned, not held"}


class InUseAnswer(Enum):
    """The choices when the file to replace is held by another program."""

    TRY_AGAIN = "try again"
    OTHER_NAME = "choose another name"
    CANCEL = "cancel"


class ReportActions(QObject):
    schedule_changed = Signal()  # the series editor closed: "next session" may have moved
    exported = Signal(str)  # a one-line confirmation for the status bar
    export_finished = Signal()  # an export ended: written, failed or cancelled

    def __init__(self, context: AppContext, parent: QWidget, *, current_team: Callable[[], Team | None]) -> None:
        super().__init__(parent)
        self.context = context
        self.host = parent
        self.current_team = current_team
        self.self_assessment_dialog: SelfAssessmentDialog | None = None
        self.running_export: ExportRun | None = None

    # -- menus ----------------------------------------------------------------------------------
    def add_schedule_action(self, menu: QMenu) -> QAction:
        return self._action(menu, "&Schedule…", self.open_schedule, QKeySequence("Ctrl+Shift+K"))

    def fill_reports_menu(self, menu: QMenu) -> None:
        self._action(menu, "Export session &record…", self.export_session_record, QKeySequence("Ctrl+Shift+E"))
        self._action(menu, "Write the &self-assessment…", self.write_self_assessment)
        self._action(menu, "Export &quarterly self-assessment…", self.export_quarterly_report)
        self._action(menu, "Export &CPD peer reflection evidence…", self.export_cpd_evidence)
        menu.addSeparator()
        self._action(menu, "Export the sessions for &invitations (iCalendar)…", self.export_invitation_calendar)
        self._action(menu, "Export the invite &list (CSV)…", self.export_invite_list)
        self._action(menu, CANCEL_ITEM, self.export_cancellations)

    def _action(
        self, menu: QMenu, text: str, slot: Callable[[], object], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self.host)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setAutoRepeat(False)  # a key held down opens one dialog, as every key of the window acts once
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- flows ----------------------------------------------------------------------------------
    def open_schedule(self) -> None:
        from copdesk.views.calendar.series_dialog import SeriesDialog

        team = self._team()
        if team is not None:
            SeriesDialog(self.context, team, self.host).exec()
            self.schedule_changed.emit()

    def export_session_record(self) -> None:
        from copdesk.core.record import record_title
        from copdesk.views.reports.export_dialogs import SessionRecordDialog

        team = self._team()
        if team is None:
            return
        held = [s for s in sessions.list_sessions(self.context.db, team.id) if s.started_at or s.planned_start]
        if not held:
            self._tell(
                "No sessions yet", f"{team.name} has no sessions to export yet: start one with Start session… (F5)."
            )
            return
        choices = [
            (s.id, self._session_label(s.started_at or s.planned_start or "", s.kind.label, s.topic, s.status))
            for s in reversed(held)
        ]
        dialog = SessionRecordDialog(choices, self.host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        record = self._reviewed_record(dialog.session_id, dialog.names_check.isChecked(), dialog.keep_identifiers)
        if record is None:
            return
        stem = f"session-record-{record.date:%Y-%m-%d}"
        choice = dialog.chosen_format
        self._save(choice, stem, record, record_title(record), ("session", dialog.session_id, choice.key))

    def write_self_assessment(self) -> SelfAssessmentDialog | None:
        """The facilitator's own words for a quarter, which the exported report opens with."""
        from copdesk.core.quarterly import recent_quarters
        from copdesk.store.schedule import local_wall_time
        from copdesk.views.reports.self_assessment_dialog import SelfAssessmentDialog

        team = self._team()
        if team is None:
            return None
        today = local_wall_time(self.context.now()).date()
        dialog = SelfAssessmentDialog(self.context, team, recent_quarters(today), self.host)
        self.self_assessment_dialog = dialog
        dialog.open()
        return dialog

    def _reviewed_record(self, session_id: int, with_names: bool, keep: bool) -> SessionRecord | None:
        """The record as it will leave the room: what the identifier check flags is shown first, and redacted
        unless the facilitator keeps it (None: they cancelled)."""
        from copdesk.core.redaction import flagged_in_record, share_safe
        from copdesk.store.records import session_record
        from copdesk.views.reports.identifier_review import IdentifierChoice, IdentifierReviewDialog

        typed = session_record(self.context.db, session_id, with_names=with_names, keep_identifiers=True)
        flagged = flagged_in_record(typed)
        if flagged and not keep:
            review = IdentifierReviewDialog(flagged, self.host)
            if review.exec() != QDialog.DialogCode.Accepted or review.choice is None:
                return None
            keep = review.choice is IdentifierChoice.KEEP
        return share_safe(typed, keep=keep)

    def export_quarterly_report(self) -> None:
        from copdesk.core.quarterly import recent_quarters
        from copdesk.core.quarterly_report import report_title
        from copdesk.core.rollup import SUMMARY_DOCUMENT
        from copdesk.store.quarterly import feedback_naming_colleagues, quarter_figures, team_summary
        from copdesk.store.schedule import local_wall_time
        from copdesk.views.reports.export_dialogs import QuarterReportDialog
        from copdesk.views.reports.identifier_review import NamedInFeedbackDialog

        team = self._team()
        if team is None:
            return
        today = local_wall_time(self.context.now()).date()
        dialog = QuarterReportDialog(recent_quarters(today), self.host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        stem = f"{_slug(team.name)}-{dialog.quarter}"
        choice = dialog.chosen_format
        if choice in SUMMARY_DOCUMENT.formats:
            document = team_summary(self.context.db, team, dialog.quarter, self.context.now())
            self._save(choice, f"{stem}-summary", document, "CoP quarter summary", ("quarter summary", team.id, "json"))
            return
        figures = quarter_figures(self.context.db, team, dialog.quarter, self.context.now())
        named = feedback_naming_colleagues(self.context.db, figures)
        if named and NamedInFeedbackDialog(named, self.host).exec() != QDialog.DialogCode.Accepted:
            return
        audit = ("quarterly report", team.id, choice.key)
        self._save(choice, stem, figures, report_title(figures), audit, redacted=figures.identifiers_redacted)

    def export_cpd_evidence(self) -> None:
        from copdesk.core.cpd import cpd_title
        from copdesk.store.cpd import cpd_evidence
        from copdesk.store.schedule import local_wall_time
        from copdesk.views.reports.export_dialogs import CpdDialog

        team = self._team()
        if team is None:
            return
        members = teams.list_members(self.context.db, team.id, include_inactive=True)
        if not members:
            self._tell("Nobody on the roster", f"{team.name} has nobody on its roster yet.")
            return
        today = local_wall_time(self.context.now()).date()
        dialog = CpdDialog(members, today, self.host)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        member = teams.get_member(self.context.db, dialog.member_id)
        first, last = dialog.period
        evidence = cpd_evidence(self.context.db, team, member, first, last)
        stem = f"cpd-{_slug(member.display_name)}-{first.isoformat()}-to-{last.isoformat()}"
        choice = dialog.chosen_format
        audit = ("cpd evidence", member.id, choice.key)
        self._save(choice, stem, evidence, cpd_title(evidence), audit, redacted=evidence.identifiers_redacted)

    def export_invitation_calendar(self) -> ExportRun | None:
        """The team's series as an .ics file for Business Support: Outlook imports each as a recurring meeting."""
        return self._export_invitations("ics", "cop-sessions")

    def export_invite_list(self) -> ExportRun | None:
        """Who to invite, with their roles: names only, never participation."""
        return self._export_invitations("csv", "invite-list")

    def _export_invitations(self, key: str, name: str) -> ExportRun | None:
        from copdesk.core.invitations import INVITATIONS_DOCUMENT
        from copdesk.store.schedule import team_invitations

        team = self._team()
        if team is None:
            return None
        invitations = team_invitations(self.context.db, team, self.context.now())
        if key == "ics" and not invitations.series:
            self._tell("No sessions scheduled", f"{team.name} has no series yet: set its rhythm with File ▸ Schedule….")
            return None
        choice = INVITATIONS_DOCUMENT.get(key)
        title = f"{choice.label}, {team.name}"  # the save dialog says which of the two files it is
        return self._save(choice, f"{_slug(team.name)}-{name}", invitations, title, ("invitations", team.id, key))

    def export_cancellations(self) -> ExportRun | None:
        """An .ics with METHOD:CANCEL for the meetings taken off the team's calendar, after saying what it is for."""
        from copdesk.core.cancellations import CANCELLATIONS_DOCUMENT, WHAT_TO_DO, cancelled_meetings
        from copdesk.core.text import counted
        from copdesk.store.schedule import team_invitations

        team = self._team()
        if team is None:
            return None
        invitations = team_invitations(self.context.db, team, self.context.now())
        cancelled = len(cancelled_meetings(invitations))
        if not cancelled:
            self._tell("Nothing to cancel", f"No meetings of {team.name} have been taken off its calendar.")
            return None
        sessions_off = counted(cancelled, "session")
        self._tell("Cancellations", f"The file cancels {sessions_off} taken off {team.name}'s calendar. {WHAT_TO_DO}")
        choice = CANCELLATIONS_DOCUMENT.get("cancel")
        stem = f"{_slug(team.name)}-cancelled-sessions"
        return self._save(choice, stem, invitations, f"{choice.label}, {team.name}", ("invitations", team.id, "cancel"))

    # -- helpers --------------------------------------------------------------------------------
    def _audit(self, what: str, entity_id: int | None, file_format: str, now: datetime) -> None:
        """The audit line for a file just written; refused, the file stays written and Retry adds the line."""
        from copdesk.services.exports import note_export

        self.context.writes.run(
            lambda: note_export(self.context.db, what, entity_id, file_format, now),
            retry=partial(self._audit, what, entity_id, file_format, now),
            key=("audit export", what, entity_id, file_format),
            kept="The file was saved; only its line in the audit log is waiting.",
        )

    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> Path | None:
        """Where to write; None when the facilitator cancels (tests replace this to answer for them)."""
        chosen, _ = QFileDialog.getSaveFileName(self.host, title, suggested, file_filter)
        return Path(chosen) if chosen else None

    def _save(
        self,
        choice: ExportFormat[D],
        stem: str,
        document: D,
        title: str,
        audit: tuple[str, int | None, str],
        *,
        redacted: int = 0,
        to: Path | None = None,
        suggested: Path | None = None,
    ) -> ExportRun | None:
        """Ask where (offering ``suggested``, else ``stem`` in the home folder), or write ``to`` without asking, in a
        worker thread; the audit line (what, which one, format) once the file is whole. ``redacted``: how many
        possible identifiers the document replaced, said with "Exported". A name given without its ending is
        completed, and a file of the completed name is replaced only once asked (:mod:`completed_names`). A file
        another program holds (Excel on a CSV) is offered again: try again once it is closed, or choose another name."""
        from copdesk.core.record import redacted_words
        from copdesk.views.reports.export_job import ExportRun, ExportWorker, Outcome
        from copdesk.views.widgets.completed_names import ReplaceAnswer, ask_to_replace, completed, in_the_way

        if self.running_export is not None:
            self._tell("An export is running", "Wait for the export that is running to finish, or cancel it.")
            return None
        offered = suggested or Path.home() / f"{stem}{choice.suffix}"
        chosen = to or self.ask_save_path(f"Export: {title}", str(offered), choice.file_filter)
        if chosen is None:
            return None
        path = completed(chosen, choice.suffix, choice.named_by)
        there = in_the_way(chosen, path, self.context.db_path)
        if there is not None and there.never:
            tell(self.host, QMessageBox.Icon.Warning, "Not exported", there.never)
            return None
        answer = ReplaceAnswer.REPLACE if there is None else ask_to_replace(self.host, there)
        if answer is ReplaceAnswer.OTHER_NAME:
            return self._save(choice, stem, document, title, audit, redacted=redacted, suggested=path)
        if answer is ReplaceAnswer.CANCEL:
            return None
        worker = ExportWorker(path, choice, document, title)
        run = self.running_export = ExportRun(worker, self.host)

        def finished(outcome: Outcome) -> None:
            self.running_export = None
            if outcome is Outcome.WRITTEN:
                self._audit(*audit, self.context.now())
                self.exported.emit(f"Exported {path}" + (f": {redacted_words(redacted)}" if redacted else ""))
            elif outcome is Outcome.CANCELLED:
                self.exported.emit(f"Export cancelled: {path.name} was not written.")
            elif worker.in_use:
                answer = self.ask_when_in_use(worker.error)
                if answer is not InUseAnswer.CANCEL:
                    again = path if answer is InUseAnswer.TRY_AGAIN else None
                    self._save(choice, stem, document, title, audit, redacted=redacted, to=again, suggested=path)
            else:
                tell(self.host, QMessageBox.Icon.Warning, "Not exported", worker.error)
            self.export_finished.emit()

        run.done.connect(finished)
        run.start()
        return run

    def ask_when_in_use(self, message: str) -> InUseAnswer:
        """What to do about a file another program holds (tests replace this to answer for them)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Not exported", message, QMessageBox.StandardButton.Cancel, self.host
        )
        again = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
        other = box.addButton("Choose another name…", QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(again)
        box.exec()
        clicked = box.clickedButton()
        if clicked is again:
            return InUseAnswer.TRY_AGAIN
        return InUseAnswer.OTHER_NAME if clicked is other else InUseAnswer.CANCEL

    def finish_exports(self) -> None:
        """The window is closing: an export still running is cancelled (no file) and waited for."""
        if self.running_export is not None:
            self.running_export.wait()

    def _team(self) -> Team | None:
        team = self.current_team()
        if team is None:
            self._tell("No team yet", NO_TEAM)
        return team

    def _tell(self, title: str, text: str) -> None:
        tell(self.host, QMessageBox.Icon.Information, title, text)

    @staticmethod
    def _session_label(stamp: str, kind_label: str, topic: str, status: SessionStatus) -> str:
        from copdesk.core.record import format_local_datetime

        held = from_utc_iso(stamp).astimezone()
        state = _NOT_ENDED.get(status, "")
        return f"{format_local_datetime(held)}: {kind_label}" + (f" ({topic})" if topic else "") + state


def _slug(text: str) -> str:
    """A file-name-safe version of a name for the file suggested: its letters with their accents and vowel signs, in
    any script ("प्रिया", not "प-र-य"), digits and hyphens, in NFC, and at most :data:`SLUG_LENGTH` characters, so the
    name stays within the 255 bytes a Mac's or Linux's file names hold however many bytes each letter takes."""
    folded = unicodedata.normalize("NFC", text.casefold())
    kept = "".join(c if c.isalnum() or c == "_" or unicodedata.category(c)[0] == "M" else "-" for c in folded)
    return re.sub("-+", "-", kept).strip("-")[:SLUG_LENGTH].rstrip("-") or "copdesk"
