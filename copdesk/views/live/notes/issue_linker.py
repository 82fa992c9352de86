"""The Issue quick item: record an issue or barrier, or link it to an earlier one as "raised again".

While the issue is typed, the team's earlier unresolved issues that match are suggested, best first
(SQLite FTS5, ``store.search``), so the same barrier is not recorded afresh every month. An issue that
has come back often enough without a resolution is flagged with the masterclass's advice; its whole
history, its escalations and its resolution are one click away (:class:`IssueHistoryDialog`).

A suggestion only says that some words are shared, so linking is always the facilitator's own act: a
click on a suggestion, or Down/Up from the text to choose one, then Enter or Link. Enter on text with
no suggestion chosen records a new issue. A link made by mistake is undone with Undo link, right after,
which takes the mention out of the earlier issue's history and puts the text back in the field.
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

from copdesk.core.recurring import is_flagged
from copdesk.core.review import IssueSummary
from copdesk.core.text import name_key
from copdesk.services.issues import raise_again, raise_issue, unlink
from copdesk.store.recurring import issue_summary, issues_raised_in, recurring_threshold, unresolved_issues
from copdesk.store.search import suggest_issues
from copdesk.views.context import AppContext
from copdesk.views.live.notes.issue_models import IssueRole, issue_model, raised_text, suggestion_rows
from copdesk.views.live.notes.item_form import QuickItemForm, item_field, item_table
from copdesk.views.prepare.issue_history import IssueHistoryDialog, advice_text, short_advice
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import show_message
from copdesk.views.write_guard import KEPT_TYPED

MAX_TITLE_LENGTH = 300
SUGGEST_DELAY_MS = 150
VISIBLE_ROWS = 2  # at least this many rows stay visible however short the pane


class IssueLinker(QuickItemForm):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, spacing=4)
        self.current: IssueSummary | None = None
        self._chosen_id: int | None = None  # the suggestion the facilitator chose; none is chosen for them
        self.last_link: tuple[int, int, str] | None = None  # (issue, session, text) of the link Undo takes back
        layout = self.form

        row = QHBoxLayout()
        self.title_edit = item_field(
            "Issue or barrier", "Issue or barrier, e.g. Waiting weeks for OT assessments", MAX_TITLE_LENGTH
        )
        self.title_edit.textChanged.connect(self._typed)
        self.title_edit.returnPressed.connect(self._enter)
        self.title_edit.setToolTip("Enter records a new issue; ↓ (or a click) chooses an earlier one to link")
        self.title_edit.installEventFilter(self)
        self.link_button = QPushButton("Link as raised a&gain")
        self.link_button.setAccessibleName("Link the selected earlier issue as raised again")
        self.link_button.setProperty("primary", True)
        self.link_button.clicked.connect(self.link_selected)
        self.new_button = QPushButton("Record as ne&w")
        self.new_button.setAccessibleName("Record as a new issue")
        self.new_button.clicked.connect(self.record_new)
        self.history_button = QPushButton("&History…")
        self.history_button.setAccessibleName("History, escalations and resolution of the selected issue")
        self.history_button.setToolTip("Every time it was raised, its escalations; escalate or resolve it")
        self.history_button.clicked.connect(self.open_history)
        row.addWidget(self.title_edit, 1)
        for button in (self.link_button, self.new_button, self.history_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.identifier_warning = IdentifierWarning(self.title_edit)
        layout.addWidget(self.identifier_warning)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        self.undo_button = QPushButton("&Undo link")
        self.undo_button.setAccessibleName("Undo the link just made")
        self.undo_button.clicked.connect(self.undo_link)
        self.undo_button.hide()
        message_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(message_row)

        self.model = issue_model(self)
        self.table = item_table(self.model, "Earlier unresolved issues")
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setMinimumHeight(header + VISIBLE_ROWS * self.table.verticalHeader().defaultSectionSize() + 2)
        self.table.doubleClicked.connect(self.link_selected)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

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
        self._forget_link()
        self._chosen_id = None
        self._show_issue(None)
        self.refresh_suggestions()

    def show_recurring(self) -> None:
        """ "Same issue again": every unresolved issue of the team, most raised first, ready to link."""
        self.title_edit.clear()
        self.refresh_suggestions()
        if self.model.rowCount():
            self._choose(0)  # "Same issue again" was the facilitator's word: the most raised is ready to link
            show_message(self.message, "Same issue again? Select it and press Link (or double-click it).", error=False)
        else:
            show_message(self.message, "No earlier unresolved issue yet: type it and record it as new.", error=False)
        self.title_edit.setFocus()

    def _typed(self) -> None:
        if self.title_edit.text().strip():
            self._forget_link()  # the next issue is being typed: Undo was for the one before
        self._suggest_timer.start()
        self._update_buttons()

    def refresh_suggestions(self) -> None:
        self._suggest_timer.stop()
        if self.team_id is None:
            return
        db, typed = self.context.db, self.title_edit.text()
        threshold = recurring_threshold(db)
        if typed.strip():
            found = suggest_issues(db, self.team_id, typed, session_id=self.session_id)
            rows = suggestion_rows(found, threshold)
            lead = (
                "Earlier unresolved issues like this: choose one (↓ or a click) to link it; Enter alone records "
                "a new issue."
                if rows
                else "No earlier issue matches."
            )
        else:
            linked = {s.id for s in issues_raised_in(db, self.session_id)} if self.session_id else set()
            rows = suggestion_rows([s for s in unresolved_issues(db, self.team_id) if s.id not in linked], threshold)
            lead = "The team's unresolved issues, most raised first:" if rows else "No earlier unresolved issues."
        chosen = self._chosen_id
        self.model.set_rows(rows)
        show_message(self.message, f"{lead} {self._session_summary()}", error=False)
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
        """Down and Up in the text choose among the suggestions; Up past the first, or Esc, chooses none."""
        if watched is self.title_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None:
                self._step(step)
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
        raised = issues_raised_in(self.context.db, self.session_id) if self.session_id else []
        return f"({len(raised)} raised in this session.)" if raised else ""

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
        self.link_button.setEnabled(self.table.currentIndex().isValid())
        self.new_button.setEnabled(bool(self.title_edit.text().strip()))
        self.history_button.setEnabled(self.current is not None)

    # -- recording ----------------------------------------------------------------------------------
    def _enter(self) -> None:
        if self.table.currentIndex().isValid():
            self.link_selected()
        else:
            self.record_new()

    def link_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or self.session_id is None:
            show_message(self.message, "Select the earlier issue this one repeats.", error=True)
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
        self.last_link = (issue_id, session_id, text)
        self.undo_button.setToolTip(f"Take back the link to “{summary.title}”: the text comes back to the field")
        self.undo_button.show()

    def undo_link(self) -> None:
        """Take back the link just made: its mention goes, and the text is back in the field to record as new."""
        if self.last_link is None:
            return
        issue_id, session_id, text = self.last_link
        try:
            saved = self.context.writes.run(lambda: unlink(self.context.db, issue_id, session_id), retry=self.undo_link)
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if saved is None:
            return
        self._forget_link()
        if not self.title_edit.text().strip():
            self.title_edit.setText(text)
        self._chosen_id = None
        self.refresh_suggestions()
        self._show_issue(None)
        show_message(
            self.message,
            f"Undone: not linked to “{saved.value.title}”. The text is back: Enter records it as a new issue.",
            error=False,
        )
        self.title_edit.setFocus()
        self.changed.emit()

    def _forget_link(self) -> None:
        self.last_link = None
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
        self._forget_link()
        self._recorded(issue_summary(self.context.db, saved.value.id), f"Recorded: {title}.", typed)

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
        dialog.exec()
        if dialog.changed:
            self.refresh_suggestions()
            self._show_issue(issue_summary(self.context.db, self.current.id))
            self.changed.emit()
