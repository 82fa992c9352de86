"""Agreeing an action in a session: text, an owner from the roster (or anyone typed), and a due date.

Due dates go through :func:`copdesk.core.dates.parse_due` and are echoed back in the UK form as they
are typed, so "next friday" is never misunderstood silently. A date that is not a real date is refused
with the parser's message, and nothing is saved. A date that has passed is taken (an action agreed last
week may be recorded late) with an amber "that date has passed", as typed and again once saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from functools import partial

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from sqlite_utils import Database

from copdesk.core.dates import DueDateError, format_uk, parse_due, passed_note
from copdesk.core.model import Action, Member
from copdesk.core.text import InvalidName, clean_name, name_key, shortened
from copdesk.services.follow_ups import agree_action, put_back_action, remove_action
from copdesk.store.carry_over import actions_agreed_in
from copdesk.store.schedule import next_session_date
from copdesk.views.context import AppContext
from copdesk.views.forms.ui_change_action import Ui_ChangeActionDialog
from copdesk.views.live.notes.action_models import CARRIED_COLUMN, STATE_COLUMN, ActionRow, action_model
from copdesk.views.live.notes.action_wording import correct_in_place
from copdesk.views.live.notes.item_form import QuickItemForm, item_field, item_table, list_with_buttons
from copdesk.views.widgets.forms import (
    EXAMPLE,
    WideEnoughFor,
    WordsPlaceholder,
    hold_characters,
    may_leave,
    name_standard_buttons,
    place_field,
)
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.names_in_a_line import in_a_line
from copdesk.views.widgets.typed_words import TypedWords
from copdesk.views.widgets.wrapping_row import WrappingRow
from copdesk.views.write_guard import KEPT_TYPED

DUE_EXAMPLES = ("3/11/2026", "friday", "in 2 weeks", "next session")
DUE_PLACEHOLDER = f"Due: {', '.join(DUE_EXAMPLES)}"
WHAT_WAS_AGREED = "What was agreed"
DUE_TEXT_LENGTH = 80  # far more than any way of saying a date


def next_session_day(db: Database, team_id: int, now: datetime) -> date | None:
    """What "next session" means for a due date typed today: the first session the team runs on a later day.

    Today's own session is the one being held (it may have started a few minutes early), never the next.
    """
    end_of_today = datetime.combine(now.astimezone().date(), time.max).astimezone()
    return next_session_date(db, team_id, end_of_today)


class OwnerField(QComboBox):
    """The roster to pick from, and free text for anyone else (a partner agency, "the whole team")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setAccessibleName("Owner")
        self.setToolTip("Who will do it: pick from the roster or type a name")
        self._members: list[Member] = []

    def set_members(self, members: Sequence[Member]) -> None:
        self._members = list(members)
        self.clear()
        self.addItem("")
        for member in self._members:
            self.addItem(member.display_name, member.id)
        self.setCurrentIndex(0)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText("Owner")

    def owner(self) -> tuple[int | None, str | None]:
        """(member id, name) for a roster member; (None, name) for anyone else; raises InvalidName on junk."""
        typed = self.currentText()
        if not typed.strip():
            return None, None
        name = clean_name(typed, what="The owner's name")
        member = next((m for m in self._members if name_key(m.display_name) == name_key(name)), None)
        return (member.id, member.display_name) if member else (None, name)

    def set_owner(self, name: str | None) -> None:
        self.setEditText(name or "")


class DueField(QLineEdit):
    """A due date typed the way people say it, echoed back (or refused) as they type."""

    def __init__(self, echo: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.echo = echo
        self.setAccessibleName("Due date")
        self.setToolTip(DUE_PLACEHOLDER)
        WordsPlaceholder(self, "Due date")
        hold_characters(self, DUE_TEXT_LENGTH)
        WideEnoughFor(self, "Due date", *DUE_EXAMPLES)  # never "D…", and "next session" whole
        self.today = date.today()
        self.next_session: date | None = None
        self.textChanged.connect(self._show_reading)

    def due(self) -> date | None:
        return parse_due(self.text(), today=self.today, next_session=self.next_session)

    def _show_reading(self) -> None:
        try:
            due = self.due()
        except DueDateError as exc:
            show_message(self.echo, str(exc), error=True)
            return
        passed = passed_note(due, self.today)
        show_message(self.echo, f"Due {format_uk(due)}{passed}" if due else "", error=False, warning=bool(passed))


class ActionEditor(QuickItemForm):
    """The Action quick item: a one-line form, and the actions agreed so far in this session."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.form
        self.text_edit = item_field("Action", f"{WHAT_WAS_AGREED}{EXAMPLE}Share the carers' checklist")
        self.say_when_cut(self.text_edit)
        self.owner_field = OwnerField()
        self.owner_field.setMinimumWidth(150)
        self.due_field = DueField(self.message)
        self.add_button = QPushButton("Add action")
        self.add_button.setAccessibleName("Add action")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_action)
        for edit in (self.text_edit, self.due_field):
            edit.returnPressed.connect(self.add_action)
        WideEnoughFor(self.text_edit, WHAT_WAS_AGREED)
        self.row = WrappingRow(self.text_edit, [(self.owner_field, 1), (self.due_field, 1), (self.add_button, 0)])
        layout.addWidget(self.row)
        self.identifier_warning = IdentifierWarning(self.text_edit)  # never blocks: the action still saves
        layout.addWidget(self.identifier_warning)
        layout.addWidget(self.message)

        self.model = action_model("Agreed", self)
        self.table = item_table(self.model, "Actions agreed in this session")
        for column in (CARRIED_COLUMN, STATE_COLUMN):  # agreed in this session: never carried yet, all "This session"
            self.table.setColumnHidden(column, True)
        correct_in_place(self.table, self.model, context, partial(show_message, self.message))
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the selected action")
        self.remove_button.setToolTip("Remove an action added by mistake")
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button = QPushButton("&Undo")
        self.undo_button.setAccessibleName("Put back the action just removed")
        self.undo_button.clicked.connect(self.put_back)
        self.undo_button.hide()
        self._removed: Action | None = None  # what Undo puts back
        layout.addLayout(list_with_buttons(self.table, self.remove_button, self.undo_button), 1)

    def set_session(self, team_id: int, session_id: int, members: Sequence[Member]) -> None:
        self.team_id, self.session_id = team_id, session_id
        self._offer_undo(None)
        self.owner_field.set_members(members)
        self._refresh_dates()
        self.clear_form()
        self.reload()

    def _refresh_dates(self) -> None:
        """What "today" and "next session" mean for the due date, read when they are needed."""
        if self.team_id is not None:
            now = self.context.now()
            self.due_field.today = now.astimezone().date()
            self.due_field.next_session = next_session_day(self.context.db, self.team_id, now)

    def clear_form(self) -> None:
        self.text_edit.clear()
        self.owner_field.set_owner(None)
        self.due_field.clear()
        show_message(self.message, "", error=False)

    def reload(self) -> None:
        if self.session_id is None:
            self.model.set_rows([])
            return
        self.model.set_rows([_agreed_row(a) for a in actions_agreed_in(self.context.db, self.session_id)])
        self.remove_button.setEnabled(self.model.rowCount() > 0)

    def add_action(self) -> Action | None:
        """Save the action, or say what is wrong and save nothing."""
        if self.team_id is None or self.session_id is None:
            return None
        text = " ".join(self.text_edit.text().split())
        if not text:
            show_message(self.message, "Type what was agreed first.", error=True)
            self.text_edit.setFocus()
            return None
        self._refresh_dates()
        try:
            member_id, owner = self.owner_field.owner()
        except InvalidName as exc:
            show_message(self.message, str(exc), error=True)
            self.owner_field.setFocus()
            return None
        try:
            due = self.due_field.due()
        except DueDateError as exc:
            show_message(self.message, str(exc), error=True)
            self.due_field.setFocus()
            return None
        team_id, session_id, now = self.team_id, self.session_id, self.context.now()
        saved = self.context.writes.run(
            lambda: agree_action(
                self.context.db,
                team_id,
                text,
                now,
                origin_session_id=session_id,
                owner_member_id=member_id,
                owner_name=owner,
                due=due,
            ),
            retry=self.add_action,
            kept=KEPT_TYPED,
        )
        if saved is None:
            return None  # the text, owner and due date stay for Retry
        action = saved.value
        self.clear_form()
        self._offer_undo(None)  # Undo was for a removal, not for this
        passed = passed_note(due, now.astimezone().date())
        when = f", due {format_uk(due)}{passed}" if due else ""
        whose = f" ({in_a_line(owner)})" if owner else ""
        added = f"Added: {in_a_line(text)}{whose}{when}"
        show_message(self.message, added, error=False, warning=bool(passed))
        self.text_edit.setFocus()
        self.reload()
        self.changed.emit()
        return action

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.message, "Select the action to remove.", error=True)
            return
        self._remove(self.model.row_at(index.row()))

    def _remove(self, row: ActionRow) -> None:
        try:
            removed = self.context.writes.run(
                lambda: remove_action(self.context.db, row.action_id), retry=partial(self._remove, row)
            )
        except ValueError as exc:
            show_message(self.message, str(exc), error=True)
            return
        if removed is None:
            return
        show_message(self.message, f"Removed: {in_a_line(row.text)}", error=False)
        self._offer_undo(removed.value)
        self.reload()
        self.changed.emit()

    def put_back(self) -> None:
        """Undo the last Remove: the same words, owner, due date and session."""
        removed = self._removed
        if removed is None:
            return
        saved = self.context.writes.run(
            lambda: put_back_action(self.context.db, removed, self.context.now()), retry=self.put_back
        )
        if saved is None:
            return
        self._offer_undo(None)
        show_message(self.message, f"Put back: {in_a_line(removed.text)}", error=False)
        self.reload()
        self.table.selectRow(self.model.rowCount() - 1)
        self.changed.emit()

    def _offer_undo(self, removed: Action | None) -> None:
        self._removed = removed
        self.undo_button.setVisible(removed is not None)
        if removed is not None:
            self.undo_button.setToolTip(f"Put back “{shortened(removed.text, 60)}”")


def _agreed_row(action: Action) -> ActionRow:
    return ActionRow(action.id, action.text, action.owner_name, action.due, action.times_carried, False, "This session")


class ChangeActionDialog(QDialog):
    """Reassign an action, or give it a new due date: one field, checked before the dialog closes."""

    def __init__(
        self,
        action: Action,
        *,
        members: Sequence[Member] = (),
        change_owner: bool,
        today: date,
        next_session: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ChangeActionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle("Reassign action" if change_owner else "New due date")
        self.change_owner = change_owner
        self.owner: tuple[int | None, str | None] = (action.owner_member_id, action.owner_name)
        self.due: date | None = action.due
        ui = self.ui
        ui.headingLabel.setText(action.text)
        self.message = ui.messageLabel
        self.owner_field = OwnerField()
        self.owner_field.set_members(members)
        self.owner_field.set_owner(action.owner_name)
        self.due_field = DueField(self.message)
        self.due_field.today, self.due_field.next_session = today, next_session
        self.due_field.setText(format_uk(action.due) if action.due else "")
        self._opened_on = self._typed()  # what the field held as it opened: stored already, so no one's typing
        if change_owner:  # one question per dialog: the other row goes
            place_field(ui.form, ui.ownerLabel, self.owner_field, after=None)
            ui.form.removeRow(ui.dueLabel)
        else:
            place_field(ui.form, ui.dueLabel, self.due_field, after=None)
            ui.form.removeRow(ui.ownerLabel)
            self.due_field.selectAll()
        name_standard_buttons(ui.buttonBox)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.resize(460, self.sizeHint().height())

    def _typed(self) -> str:
        return self.owner_field.currentText() if self.change_owner else self.due_field.text()

    def typed_words(self) -> TypedWords | None:
        """The new owner or due date typed and not saved (:mod:`copdesk.views.widgets.typed_words`)."""
        typed = self._typed()
        if typed == self._opened_on:
            return None
        what = "New owner" if self.change_owner else "New due date"
        return TypedWords(f"{self.windowTitle()}: {self.ui.headingLabel.text()}", f"{what}: {typed}")

    def reject(self) -> None:
        """Cancel, Esc or the title bar: a name or date typed, however short, is left only when the facilitator says
        so."""
        if may_leave(self, self.typed_words()):
            super().reject()

    def accept(self) -> None:
        try:
            if self.change_owner:
                self.owner = self.owner_field.owner()
            else:
                self.due = self.due_field.due()
        except (DueDateError, InvalidName) as exc:
            show_message(self.message, str(exc), error=True)
            return
        super().accept()
