"""One issue's life in a dialog: every session it was raised in, the masterclass's advice once it is
flagged, its escalations, and the ways forward (escalate, record an outcome, resolve with a note); its title, and
once it is resolved how, can be corrected here too (a typo, or a name that should not be in the team's record).

Words a question refuses (empty, too long, another open issue's title) are asked for again, with why and with the
words as typed, so nothing typed is lost to a refusal."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLineEdit,
    QWidget,
)

from copdesk.core.model import TextSource
from copdesk.core.recurring import advice_text, is_flagged, raised_text
from copdesk.core.review import IssueSummary
from copdesk.services.corrections import CHANGED_SINCE, correct_words
from copdesk.services.issues import resolve_issue, retitle_issue
from copdesk.store import issues
from copdesk.store.recurring import (
    issue_history,
    issue_summary,
    recurring_threshold,
    unresolved_issues,
)
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_issue_history import Ui_IssueHistoryDialog
from copdesk.views.live.notes.issue_models import escalation_model, escalation_rows, history_model
from copdesk.views.widgets.forms import name_standard_buttons
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.tables import configure_table

TITLE_PROMPT = "The title, as the team will find it when it comes up again:"
RESOLVE = "&Resolve…"
CORRECT_RESOLUTION = "Correct the &resolution…"
RESOLUTION_CHANGED = (
    "The resolution was changed elsewhere while this was open: the history now shows it as it is. "
    "OK saves your words over it; Cancel keeps it."
)


class IssueHistoryDialog(QDialog):
    def __init__(
        self, context: AppContext, issue_id: int, *, session_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_IssueHistoryDialog()
        self.ui.setupUi(self)
        self.context = context
        self.issue_id = issue_id
        self.session_id = session_id
        self.changed = False
        ui = self.ui
        self.heading, self.flag, self.flag_label = ui.headingLabel, ui.flagFrame, ui.flagLabel
        self.history_table, self.escalation_table, self.message = ui.historyTable, ui.escalationTable, ui.messageLabel
        self.escalate_button, self.outcome_button = ui.escalateButton, ui.outcomeButton
        self.resolve_button, self.title_button = ui.resolveButton, ui.titleButton
        self.resolution_view = ui.resolutionView
        QWidget.setTabOrder(self.history_table, self.resolution_view)  # the history first: the reason it is opened
        self.history = history_model(self)
        self.history_table.setModel(self.history)
        configure_table(self.history_table)
        header = self.history_table.horizontalHeader()
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, header.ResizeMode.Stretch)
        self.escalations = escalation_model(self)
        self.escalation_table.setModel(self.escalations)
        configure_table(self.escalation_table)
        self.escalation_table.doubleClicked.connect(self.record_outcome)
        self.escalate_button.clicked.connect(self.escalate)
        self.outcome_button.clicked.connect(self.record_outcome)
        self.resolve_button.clicked.connect(self.resolve_or_correct)
        self.title_button.clicked.connect(self.edit_title)
        ui.closeBox.rejected.connect(self.reject)
        name_standard_buttons(ui.closeBox)
        self.reload()

    def reload(self) -> None:
        summary = issue_summary(self.context.db, self.issue_id)
        self.summary: IssueSummary = summary
        self.setWindowTitle(f"Issue: {summary.title}")
        status = summary.status.label.lower()
        self.heading.setText(f"{summary.title}\nRaised {raised_text(summary.times_raised)}; {status}")
        self.resolution_view.setPlainText(summary.resolution or "")  # in a box of its own: it may run to paragraphs
        self.resolution_view.setVisible(summary.resolution is not None)
        self.ui.resolutionLabel.setVisible(summary.resolution is not None)
        flagged = is_flagged(summary.times_raised, summary.status, recurring_threshold(self.context.db))
        self.flag.setVisible(flagged)
        self.flag_label.setText(advice_text(summary.times_raised) if flagged else "")
        self.history.set_rows(issue_history(self.context.db, self.issue_id))
        today = self.context.now().astimezone().date()
        found = [(e, summary.title) for e in issues.escalations_for_issue(self.context.db, self.issue_id)]
        self.escalations.set_rows(escalation_rows(found, today))
        open_issue = summary.resolution is None
        self.escalate_button.setEnabled(open_issue)
        self.resolve_button.setText(RESOLVE if open_issue else CORRECT_RESOLUTION)
        self.resolve_button.setToolTip(
            "Resolve this issue with a note" if open_issue else "Correct the words of how this issue was resolved"
        )
        self.outcome_button.setEnabled(bool(found))

    def escalate(self) -> None:
        from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog  # not needed to paint Prepare

        team_id = issues.get_issue(self.context.db, self.issue_id).team_id
        dialog = NewEscalationDialog(
            self.context,
            team_id,
            unresolved_issues(self.context.db, team_id),
            session_id=self.session_id,
            chosen_issue_id=self.issue_id,
            parent=self,
        )
        if dialog.exec() == NewEscalationDialog.DialogCode.Accepted and dialog.escalation is not None:
            self._changed(f"Escalated to the {dialog.escalation.target.label}.")

    def record_outcome(self) -> None:
        index = self.escalation_table.currentIndex()
        if not index.isValid():
            if self.escalations.rowCount() != 1:
                show_message(self.message, "Select the escalation first.", error=True)
                return
            index = self.escalations.index(0, 0)
        from copdesk.views.live.notes.escalation_dialog import UpdateEscalationDialog

        row = self.escalations.row_at(index.row())
        escalation = issues.get_escalation(self.context.db, row.escalation_id)
        dialog = UpdateEscalationDialog(self.context, escalation, row.issue_title, parent=self)
        if dialog.exec() == UpdateEscalationDialog.DialogCode.Accepted:
            self._changed(f"Escalation {dialog.escalation.status.label.lower()}.")

    def edit_title(self) -> None:
        def ask(label: str, typed: str) -> tuple[str, bool]:
            return QInputDialog.getText(self, "Edit the issue's title", label, QLineEdit.EchoMode.Normal, typed)

        title = self.summary.title
        save = partial(self._retitle, self.issue_id)
        self._ask_until_taken(ask, TITLE_PROMPT, title, save, lambda typed: " ".join(typed.split()) == title)

    def _ask_until_taken(
        self,
        ask: Callable[[str, str], tuple[str, bool]],
        prompt: str,
        typed: str,
        save: Callable[[str], str | None],
        unchanged: Callable[[str], bool] = lambda _typed: False,
    ) -> None:
        """Ask with ``prompt``, opening on ``typed``, and ``save`` what is given; refused, ask again with why and the
        words as typed. Cancel, or words that would store as they are (``unchanged``), leave it as it was."""
        why = ""
        while True:
            typed, accepted = ask(f"{why}\n\n{prompt}" if why else prompt, typed)
            if not accepted or unchanged(typed):
                return
            refused = save(typed)
            if refused is None:
                return
            why = refused

    def _retitle(self, issue_id: int, title: str) -> str | None:
        return self._save(
            lambda: retitle_issue(self.context.db, issue_id, title),
            retry=partial(self._retitle, issue_id, title),
            key=("retitle", issue_id),
            kept="The title you typed is kept: Retry saves it.",
            done="Title changed.",
        )

    def resolve_or_correct(self) -> None:
        """Resolve an open issue with a note; once it is resolved, correct that note."""
        if self.summary.resolution is None:
            self.resolve()
        else:
            self.correct_resolution()

    def resolve(self) -> None:
        def ask(label: str, typed: str) -> tuple[str, bool]:
            return QInputDialog.getMultiLineText(self, "Resolve issue", label, typed)

        prompt = f"How was “{self.summary.title}” resolved? The team will look back on this."
        self._ask_until_taken(ask, prompt, "", partial(self._resolve, self.issue_id))

    def _resolve(self, issue_id: int, note: str) -> str | None:
        now = self.context.now()
        return self._save(
            lambda: resolve_issue(self.context.db, issue_id, note, now),
            retry=partial(self._resolve, issue_id, note),
            key=("resolve", issue_id),
            kept="The resolution you typed is kept: Retry saves it.",
            done="Resolved.",
        )

    def correct_resolution(self) -> None:
        """Only the words change: the issue stays resolved, on the day it was."""

        def ask(label: str, typed: str) -> tuple[str, bool]:
            return QInputDialog.getMultiLineText(self, "Correct the resolution", label, typed)

        prompt = f"How “{self.summary.title}” was resolved, as the team will look back on it:"
        save = partial(self._correct_resolution, self.issue_id)
        self._ask_until_taken(ask, prompt, self.summary.resolution or "", save, self._reads_as_shown)

    def _reads_as_shown(self, typed: str) -> bool:
        return typed.strip() == (self.summary.resolution or "")

    def _correct_resolution(self, issue_id: int, typed: str) -> str | None:
        """Correct the words this dialog shows; changed elsewhere meanwhile, it shows them as they are now and says
        so, and saving the words typed again puts them over those."""
        was, now = self.summary.resolution or "", self.context.now()
        refused = self._save(
            lambda: correct_words(self.context.db, TextSource.RESOLUTION, issue_id, typed, now, was=was),
            retry=partial(self._correct_resolution, issue_id, typed),
            key=("resolution", issue_id),
            kept="The resolution you corrected is kept: Retry saves it.",
            done="Resolution corrected.",
        )
        if refused == CHANGED_SINCE:
            self.reload()
            refused = RESOLUTION_CHANGED
            show_message(self.message, refused, error=True)
        return refused

    def _save(
        self, write: Callable[[], object], *, retry: Callable[[], object], key: Hashable, kept: str, done: str
    ) -> str | None:
        """Through the window's write guard: a write that cannot happen now (a full disk) keeps what was typed for
        Retry (the question that took it has closed); saved, ``done`` says so. Returns why it was refused when what
        was typed can never be saved as it is (``ValueError``), else ``None``."""
        try:
            saved = self.context.writes.run(write, retry=retry, key=key, kept=kept)
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return str(exc)
        if saved is None:
            show_message(self.message, self.context.writes.message, error=True)
            return None
        self._changed(done)
        return None

    def _changed(self, message: str) -> None:
        self.changed = True
        show_message(self.message, message, error=False)
        self.reload()
