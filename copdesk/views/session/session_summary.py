"""The end-of-session summary: planned against actual for every segment, and the session's totals.

Everything shown is read back from SQLite after the session was saved, so the summary is also the proof
that it was: what it shows is what the record and the reports will use.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QWidget

from copdesk.core.clock import from_utc_iso
from copdesk.core.date_names import clock_time
from copdesk.core.model import Session
from copdesk.core.pacing import SegmentOutcome, finished_wording, format_minutes
from copdesk.core.text import counted
from copdesk.store import session_lifecycle, sessions, teams
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_session_summary import Ui_SessionSummaryDialog
from copdesk.views.session.feedback_box import FeedbackBox
from copdesk.views.widgets.forms import fit_height_on_screen
from copdesk.views.widgets.tables import WordElideDelegate
from copdesk.views.widgets.typed_words import TypedWords


class OutcomeColumn(IntEnum):
    SEGMENT = 0
    PLANNED = 1
    ACTUAL = 2
    DIFFERENCE = 3


_HEADERS = ("Segment", "Planned", "Actual", "Difference")


class OutcomeModel(QAbstractTableModel):
    def __init__(self, outcomes: list[SegmentOutcome]) -> None:
        super().__init__()
        self.outcomes = outcomes

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.outcomes)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OutcomeColumn)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        outcome = self.outcomes[index.row()]
        column = OutcomeColumn(index.column())
        if column is OutcomeColumn.SEGMENT:
            return outcome.name
        if column is OutcomeColumn.PLANNED:
            return format_minutes(outcome.planned_seconds)
        if column is OutcomeColumn.ACTUAL:
            return "—" if outcome.actual_seconds is None else format_minutes(outcome.actual_seconds)
        return outcome.difference_words


def totals_line(outcomes: list[SegmentOutcome]) -> str:
    planned = sum(o.planned_seconds for o in outcomes)
    actual = sum(o.actual_seconds or 0.0 for o in outcomes)
    not_reached = sum(o.actual_seconds is None for o in outcomes)
    if not_reached:
        segments = "segment was" if not_reached == 1 else "segments were"
        ran = f"Ended after {format_minutes(actual)} of the {format_minutes(planned)} planned"
        return f"{ran}; {not_reached} {segments} not reached."
    verdict = finished_wording(actual - planned).lower()
    return f"Ran {format_minutes(actual)} against {format_minutes(planned)} planned: {verdict}."


def counts_line(counts: session_lifecycle.SessionCounts) -> str:
    guests = f" ({counted(counts.guests, 'guest')})" if counts.guests else ""
    parts = [
        f"{counts.present} present{guests}",
        counted(counts.contributions, "contribution"),
        counted(counts.questions_asked, "question asked", "questions asked"),
        counted(counts.notes, "note"),
        counted(counts.actions_agreed, "action agreed", "actions agreed"),
    ]
    return " · ".join(parts)


class SessionSummaryDialog(QDialog):
    def __init__(self, context: AppContext, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionSummaryDialog()
        self.ui.setupUi(self)
        self.outcomes = session_lifecycle.segment_outcomes(context.db, session.id)
        self.counts = session_lifecycle.summary_counts(context.db, session.id)
        ui = self.ui
        team = teams.get_team(context.db, session.team_id).name
        topic = f": {session.topic}" if session.topic else ""
        ui.aboutLabel.setText(f"{team}, {session.kind.label}{topic}")
        self.totals_label, self.counts_label = ui.summaryTotals, ui.summaryCounts
        self.totals_label.setText(totals_line(self.outcomes))
        self.model = OutcomeModel(self.outcomes)
        ui.summaryTable.setModel(self.model)
        header = ui.summaryTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # times and differences whole
        header.setSectionResizeMode(OutcomeColumn.SEGMENT, QHeaderView.ResizeMode.Stretch)
        ui.summaryTable.setItemDelegate(WordElideDelegate(ui.summaryTable))  # a long segment name: whole on hover
        self.counts_label.setText(counts_line(self.counts))
        agreed = session.ground_rules_agreed_at
        ui.rulesLabel.setText(
            f"Ground rules agreed at {clock_time(from_utc_iso(agreed))}."
            if agreed
            else "Agreement to the ground rules was not recorded."
        )
        # A session run by others (Spotlight, Themed, TM/SSW): agreeing ground rules was never the facilitator's step.
        ui.rulesLabel.setVisible(agreed is not None or sessions.run_by_the_facilitator(context.db, session.id))
        self.feedback = FeedbackBox(context, session.id)
        ui.mainLayout.insertWidget(ui.mainLayout.count() - 1, self.feedback)  # above the buttons
        ui.closeButton.clicked.connect(self.accept)
        self.unadded_question: QMessageBox | None = None

    def showEvent(self, event: QShowEvent) -> None:
        """Opened as tall as every segment needs (the table asks for all its rows), while the screen has room: Qt
        opens a dialog at most two thirds of the screen tall, and on a 1366x768 laptop the last segments scrolled."""
        super().showEvent(event)
        if not event.spontaneous():
            fit_height_on_screen(self)

    def typed_words(self) -> TypedWords | None:
        """A feedback response typed and not added (:mod:`copdesk.views.widgets.typed_words`)."""
        typed = self.feedback.unadded_words()
        return None if typed is None else TypedWords(f"Feedback on the session {self.ui.aboutLabel.text()}", typed)

    def done(self, result: int) -> None:
        """Close (Escape too), but not over a response chosen or typed and not added: ask about it first."""
        if not self.feedback.has_unadded():
            super().done(result)
            return
        question = QMessageBox(
            QMessageBox.Icon.Question,
            "Feedback not added",
            "A feedback response is chosen or typed but not added.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        question.setObjectName("feedbackNotAdded")
        question.setInformativeText("Add it before closing the summary, or close without it.")
        add = question.addButton("&Add it and close", QMessageBox.ButtonRole.AcceptRole)
        leave = question.addButton("Close &without it", QMessageBox.ButtonRole.DestructiveRole)
        question.setDefaultButton(add)

        def answered() -> None:
            if question.clickedButton() is add and not self.feedback.add_response():
                return  # refused (too long, or the database would not take it): the dialog stays, saying why
            if question.clickedButton() in (add, leave):
                super(SessionSummaryDialog, self).done(result)

        question.finished.connect(answered)
        self.unadded_question = question
        question.open()
