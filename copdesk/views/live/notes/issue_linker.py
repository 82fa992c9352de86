"""The Issue quick item: record an issue or barrier, or link it to an earlier one as "raised again".

While the issue is typed, the team's earlier unresolved issues that match are suggested, best first
(SQLite FTS5, ``store.search``), so the same barrier is not recorded afresh every month. An issue that
has come back often enough without a resolution is flagged with the masterclass's advice; its whole
history, its escalations and its resolution are one click away (:class:`IssueHistoryDialog`).

A suggestion only says that some words are shared, so linking is always the facilitator's own act: a
click on a suggestion, or Down/Up from the text to choose one, then Enter or Link. Recording a new issue is
an act of its own too: Enter with nothing chosen never records, it asks (Record it as new, or choose an
earlier one), because a stray Enter must not leave an issue in the record and the search for good.

The issues this session already holds (recorded here, or linked as raised again) are offered too, marked so,
and choosing one adds nothing: the same barrier is never recorded twice in one meeting. While the session is
live, Undo takes back the issue or link just made, and Remove from this session takes back any the session
holds: a link goes (the earlier issue stays), an issue recorded here is deleted with its mentions.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from copdesk.core.input_limits import MAX_ISSUE_TITLE_CHARACTERS
from copdesk.core.recurring import advice_text, is_flagged, raised_text, short_advice
from copdesk.core.review import IssueSummary
from copdesk.core.text import name_key
from copdesk.services.issues import raise_again, raise_issue, remove_issue, unlink
from copdesk.store.recurring import held_in_session, issue_summary, recurring_threshold, unresolved_issues
from copdesk.store.search import suggest_issues
from copdesk.views.context import AppContext
from copdesk.views.live.notes.issue_models import IssueRole, issue_model, suggestion_rows
from copdesk.views.live.notes.item_form import QuickItemForm, item_field, item_table, list_with_buttons
from copdesk.views.live.notes.new_issue_choice import NewIssueChoice
from copdesk.views.prepare.issue_history import IssueHistoryDialog
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import show_message
from copdesk.views.write_guard import KEPT_TYPED

SUGGEST_DELAY_MS = 150
VISIBLE_ROWS = 2  # at least this many rows stay visible however short the pane


class IssueLinker(QuickItemForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, spacing=4)
        self.current: IssueSummary | None = None
        self._chosen_id: int | None = None  # the suggestion the facilitator chose; none is chosen for them
        self.last_act: tuple[int, int, str] | None = None  # (issue, session, text) of what Undo takes back
        layout = self.form

        row = QHBoxLayout()
        self.title_edit = item_field(
            "Issue or barrier", "Issue or barrier, e.g. Long waits for OT", MAX_ISSUE_TITLE_CHARACTERS, whole_words=True
        )
        self.say_when_cut(self.title_edit)
        self.title_edit.textChanged.connect(self._typed)
        self.title_edit.returnPressed.connect(self._enter)
        self.title_edit.setToolTip("↓ (or a click) chooses an earlier issue to link; Record as new records a new one")
        self.title_edit.installEventFilter(self)
        self.link_button = QPushButton("Link as raised a&gain")
        self.link_button.setAccessibleName("Link the selected earlier issue as raised again")
        self.link_button.setProperty("primary", True)
        self.link_button.clicked.connect(self.link_selected)
        self.new_button = QPushButton("Record as ne&w")
        self.new_button.setAccessibleName("Record as a new issue")
        self.new_button.clicked.connect(self.record_new)
        self.history_button = QPushButton("Histor&y…")
        self.history_button.setAccessibleName("History, escalations and resolution of the selected issue")
        self.history_button.setToolTip("Every time it was raised, its escalations; escalate or resolve it")
        self.history_button.clicked.connect(self.open_history)
        row.addWidget(self.title_edit, 1)
        for button in (self.link_button, self.new_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.identifier_warning = IdentifierWarning(self.title_edit)
        layout.addWidget(self.identifier_warning)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setAccessibleName("Undo the issue or link just recorded")
        self.undo_button.clicked.connect(self.undo_last)
        self.undo_button.hide()
        self.remove_button = QPushButton("Re&move from this session")
        self.remove_button.setAccessibleName("Remove the selected issue from this session")
        self.remove_button.setToolTip("Takes back a link, or deletes an issue recorded by mistake in this session")
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.hide()
        for button in (self.undo_button, self.remove_button):
            message_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(message_row)
        self.choice = NewIssueChoice(self.record_new, self.cancel_choice)
        layout.addWidget(self.choice)

        self.model = issue_model(self)
        self.table = item_table(self.model, "Earlier unresolved issues", least_rows=VISIBLE_ROWS)
        self.table.doubleClicked.connect(self.link_selected)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        layout.addLayout(list_with_buttons(self.table, self.history_button), 1)  # about the issue selected there

        self.flag = QFrame()
        self.flag.setObjectName("issueFlag")
        self.flag.setProperty("banner", "warning")
        flag_layout = QHBoxLayout(self.flag)
        flag_layout.setContentsMargins(8, 4, 8, 4)
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        flag_layout.addWidget(self.flag_label, 1)
        self.flag.hide()
        layout.addWidget(self.flag)

        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self.refresh_suggestions)

    # -- loading ------------------------------------------------------------------------------------
    def set_session(self, team_id: int, session_id: int) -> None:
        self.team_id, self.session_id = team_id, session_id
        self.title_edit.clear()
        self._forget_last()
        self.choice.hide()
        self._chosen_id = None
        self._show_issue(None)
        self.refresh_suggestions()

    def show_recurring(self) -> None:
        """ "Same issue again": the issues this session holds, then the team's other unresolved ones."""
        self.title_edit.clear()
        self.refresh_suggestions()
        rows = self.model.rows()
        held = [i for i, row in enumerate(rows) if row.today]
        others = [i for i, row in enumerate(rows) if not row.today]
        if held:
            self._choose(held[-1])  # the one just raised is the likeliest "again": choosing it adds nothing
            title = rows[held[-1]].title
            more = " Another? Choose it below and press Link." if others else ""
            text = f"Same issue again: “{title}” is already in this session's record, nothing more to add.{more}"
        elif others:
            self._choose(0)  # "Same issue again" was the facilitator's word: the most raised is ready to link
            text = "Same issue again? Select it and press Link (or double-click it)."
        else:
            text = "No earlier unresolved issue yet: type it and press Record as new."
        show_message(self.message, text, error=False)
        self.title_edit.setFocus()

    def _typed(self) -> None:
        if self.cut_said is not None and self.title_edit.text() != self.cut_said[1]:
            self.cut_said = None  # edited since: the suggestions' line no longer says what a paste left out
        if self.title_edit.text().strip():
            self._forget_last()  # the next issue is being typed: Undo was for the one before
        self.choice.hide()
        self._suggest_timer.start()
        self._update_buttons()

    def refresh_suggestions(self) -> None:
        self._suggest_timer.stop()
        if self.team_id is None:
            return
        db, typed = self.context.db, self.title_edit.text()
        threshold = recurring_threshold(db)
        held = held_in_session(db, self.session_id) if self.session_id else {}
        if typed.strip():
            rows = suggestion_rows(suggest_issues(db, self.team_id, typed), threshold, held)
            lead = (
                "Issues like this: choose one (↓ or a click) to link it, or press Record as new."
                if rows
                else "No earlier issue matches: press Record as new to record it."
            )
        else:
            found = unresolved_issues(db, self.team_id)
            found.sort(key=lambda s: list(held).index(s.id) if s.id in held else len(held))  # this session's first
            rows = suggestion_rows(found, threshold, held)
            lead = "This session's issues, then the team's unresolved ones:" if rows else "No unresolved issues yet."
        chosen = self._chosen_id
        self.model.set_rows(rows)
        cut = f"{self.cut_said[0]} " if self.cut_said is not None else ""
        show_message(self.message, f"{cut}{lead} {self._session_summary()}", error=False, warning=bool(cut))
        self._choose(next((i for i, row in enumerate(rows) if row.issue_id == chosen), None))
        self._update_buttons()

    def _choose(self, row: int | None) -> None:
        """Make ``row`` the chosen suggestion, or choose none (Enter then records a new issue)."""
        if row is None:
            self.table.clearSelection()
            self.table.setCurrentIndex(QModelIndex())
            self._chosen_id = None
        else:
            self.table.selectRow(row)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down and Up in the text choose among the suggestions; Up past the first, or Esc, chooses none (Esc
        first puts away the question Enter asked)."""
        if watched is self.title_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self._step(step)
                return True
            if event.key() == Qt.Key.Key_Escape and self.choice.isVisible():
                self.cancel_choice()
                return True
            if event.key() == Qt.Key.Key_Escape and self.table.currentIndex().isValid():
                self._choose(None)
                return True
        return super().eventFilter(watched, event)

    def _step(self, step: int) -> None:
        if self._suggest_timer.isActive():
            self.refresh_suggestions()  # choose among the suggestions for what is typed now
        count = self.model.rowCount()
        if count:
            target = self.table.currentIndex().row() + step if self.table.currentIndex().isValid() else step - 1
            self._choose(min(target, count - 1) if target >= 0 else None)

    def _session_summary(self) -> str:
        raised = len(held_in_session(self.context.db, self.session_id)) if self.session_id else 0
        return f"({raised} raised in this session.)" if raised else ""

    def _chosen_today(self) -> str:
        """ "recorded" or "linked" when the chosen row is an issue this session already holds, else ""."""
        index = self.table.currentIndex()
        return str(index.data(IssueRole.TODAY) or "") if index.isValid() else ""

    def _selection_changed(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._chosen_id = int(index.data(IssueRole.ISSUE_ID))
            self._show_issue(issue_summary(self.context.db, self._chosen_id))
        else:
            self._chosen_id = None
        self._update_buttons()

    def _show_issue(self, summary: IssueSummary | None) -> None:
        """The selected (or just recorded) issue: flagged when it keeps coming back unresolved."""
        self.current = summary
        flagged = summary is not None and is_flagged(
            summary.times_raised, summary.status, recurring_threshold(self.context.db)
        )
        if summary is not None and flagged:
            self.flag_label.setText(short_advice(summary.times_raised))
            self.flag.setToolTip(advice_text(summary.times_raised))
        self.flag.setVisible(flagged)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen, today = self.table.currentIndex().isValid(), self._chosen_today()
        self.link_button.setEnabled(chosen and not today)
        self.new_button.setEnabled(bool(self.title_edit.text().strip()))
        self.history_button.setEnabled(self.current is not None)
        self.remove_button.setVisible(bool(today))

    # -- recording ----------------------------------------------------------------------------------
    def _enter(self) -> None:
        """Enter links the issue chosen; with none chosen it asks, and never records a new issue by itself."""
        if self.table.currentIndex().isValid():
            self.link_selected()
            return
        title = " ".join(self.title_edit.text().split())
        if not title:
            show_message(self.message, "Type the issue or barrier first.", error=True)
            return
        self.choice.ask(title, earlier=self.model.rowCount() > 0)

    def cancel_choice(self) -> None:
        self.choice.hide()
        self.title_edit.setFocus()

    def link_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.session_id is None:
            show_message(self.message, "Select the earlier issue this one repeats.", error=True)
            return
        if self._chosen_today():
            title = str(self.model.row_at(index.row()).title)
            show_message(self.message, f"“{title}” is already in this session's record: nothing added.", error=False)
            return
        self._link(int(index.data(IssueRole.ISSUE_ID)), self.session_id, self.title_edit.text(), self.context.now())

    def _link(self, issue_id: int, session_id: int, text: str, now: datetime) -> None:
        try:
            saved = self.context.writes.run(
                lambda: raise_again(self.context.db, issue_id, session_id, text, now),
                retry=partial(self._link, issue_id, session_id, text, now),
                key=("link", issue_id, session_id),
                kept=KEPT_TYPED,
            )
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if saved is None:
            return
        summary = saved.value
        self._recorded(summary, f"Linked as raised again: {summary.title} ({raised_text(summary.times_raised)}).", text)
        self._remember(issue_id, session_id, text, f"Take back the link to “{summary.title}”")

    def _remember(self, issue_id: int, session_id: int, text: str, tip: str) -> None:
        self.last_act = (issue_id, session_id, text)
        self.undo_button.setToolTip(f"{tip}: the text comes back to the field")
        self.undo_button.show()

    def undo_last(self) -> None:
        """Take back the issue or link just made; the text is back in the field."""
        if self.last_act is not None:
            self._take_back(*self.last_act)

    def remove_selected(self) -> None:
        """Take back the chosen issue of this session: its link, or the issue itself if it was recorded here."""
        index = self.table.currentIndex()
        if index.isValid() and self._chosen_today() and self.session_id is not None:
            row = self.model.row_at(index.row())
            self._take_back(row.issue_id, self.session_id, row.title)

    def _take_back(self, issue_id: int, session_id: int, text: str) -> None:
        recorded = held_in_session(self.context.db, session_id).get(issue_id) == "recorded"

        def act() -> str:
            db = self.context.db
            return (remove_issue(db, issue_id, session_id) if recorded else unlink(db, issue_id, session_id)).title

        try:
            saved = self.context.writes.run(act, retry=partial(self._take_back, issue_id, session_id, text))
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if saved is None:
            return
        self._forget_last()
        if not self.title_edit.text().strip():
            self.title_edit.setText(text)
        self._chosen_id = None
        self.refresh_suggestions()
        self._show_issue(None)
        what = "removed from the record" if recorded else "no longer linked to this session"
        show_message(self.message, f"Undone: “{saved.value}” {what}. The text is back in the field.", error=False)
        self.title_edit.setFocus()
        self.changed.emit()

    def _forget_last(self) -> None:
        self.last_act = None
        self.undo_button.hide()

    def record_new(self) -> None:
        if self.team_id is None or self.session_id is None:
            return
        typed = self.title_edit.text()
        title = " ".join(typed.split())
        if not title:
            show_message(self.message, "Type the issue or barrier first.", error=True)
            return
        same = next(
            (s for s in unresolved_issues(self.context.db, self.team_id) if name_key(s.title) == name_key(title)), None
        )
        self.choice.hide()
        if same is not None:
            show_message(self.message, f"“{same.title}” is already open: link it as raised again.", error=True)
            return
        team_id, session_id, now = self.team_id, self.session_id, self.context.now()
        saved = self.context.writes.run(
            lambda: raise_issue(self.context.db, team_id, title, session_id, now),
            retry=self.record_new,
            kept=KEPT_TYPED,
        )
        if saved is None:
            return
        self._recorded(issue_summary(self.context.db, saved.value.id), f"Recorded as a new issue: {title}.", typed)
        self._remember(saved.value.id, session_id, typed, f"Take back “{title}”, recorded just now")

    def _recorded(self, summary: IssueSummary, message: str, typed: str) -> None:
        """Saved: the field is emptied for the next issue (unless something else was typed there meanwhile)."""
        if self.title_edit.text() == typed:
            self.title_edit.clear()
        self._chosen_id = None
        self.refresh_suggestions()
        self._show_issue(summary)
        show_message(self.message, message, error=False)
        self.changed.emit()

    def open_history(self) -> None:
        if self.current is None:
            return
        dialog = IssueHistoryDialog(self.context, self.current.id, session_id=self.session_id, parent=self)
        dialog.saved.connect(self._history_saved)  # also for a Retry once it has closed
        dialog.exec()

    def _history_saved(self) -> None:
        self.refresh_suggestions()
        if self.current is not None:
            self._show_issue(issue_summary(self.context.db, self.current.id))
        self.changed.emit()
