"""The Learning, Parked and Escalation quick items of the notes pane.

Parked items go where the masterclass says such business belongs: its "CoPs reflective practice is NOT... / This
should happen elsewhere IN..." table, quoted whole from ``resources/prompts/reflective_practice.toml``.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from copdesk.core.masterclass import arena_label, shipped_texts
from copdesk.core.model import Note, NoteKind, ParkedDestination
from copdesk.services.notes import add_note, remove_note
from copdesk.store.issues import get_escalation
from copdesk.store.notes import notes
from copdesk.store.recurring import team_escalations, unresolved_issues
from copdesk.views.context import AppContext
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog, UpdateEscalationDialog
from copdesk.views.live.notes.folding_quote import FoldingQuote
from copdesk.views.live.notes.issue_models import escalation_model, escalation_rows
from copdesk.views.live.notes.item_form import QuickItemForm, item_field, item_table, list_with_buttons
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.names_in_a_line import in_a_line
from copdesk.views.widgets.row_model import Column, RowTableModel
from copdesk.views.widgets.wrapping_row import WrappingRow
from copdesk.views.write_guard import KEPT_TYPED


def not_for_a_cop() -> str:
    """The masterclass's list of what a CoP is not, quoted, for the Parked tab's hint line."""
    cop = shipped_texts().what_a_cop_is
    listed = "; ".join(arena.not_this.text for arena in cop.arenas)
    return f"“{cop.not_heading.text}” {listed} ({cop.not_heading.credit()}). Park it for its arena."


def arenas_text() -> str:
    """The masterclass's table, row by row, quoted: what a CoP is not, and where it should happen instead. Its two
    column headings are two quotations, each in its own quotation marks."""
    cop = shipped_texts().what_a_cop_is
    rows = "\n".join(f"• {arena.not_this.text} → {arena.elsewhere.text}" for arena in cop.arenas)
    return f"{cop.not_heading.shown()} / {cop.elsewhere_heading.shown()}\n{rows}\n({cop.not_heading.credit()})"


_PROMPTS = {
    NoteKind.LEARNING: ("Learning point", "What the group learned, e.g. Check early what the person wants"),
    NoteKind.PARKED: ("Parked item", "What belongs elsewhere, e.g. The level of one person's package of care"),
}
QUOTE_BESIDE_BUTTONS = 240  # px the escalation route's quotation needs beside the buttons, or they go under it


def _note_model(kind: NoteKind, parent: QWidget) -> RowTableModel[Note]:
    columns = [Column[Note](_PROMPTS[kind][0], lambda n: n.text)]
    if kind is NoteKind.PARKED:
        columns.append(Column[Note]("Take it to", lambda n: arena_label(n.destination) if n.destination else "—"))
    return RowTableModel[Note](columns, {}, parent)


class NoteItemsEditor(QuickItemForm):
    """Add learning points (or parked items, with their destination) and see this session's."""

    def __init__(self, context: AppContext, kind: NoteKind, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.kind = kind
        layout = self.form
        row = QHBoxLayout()
        label, placeholder = _PROMPTS[kind]
        self.text_edit = item_field(label, placeholder)
        self.say_when_cut(self.text_edit)
        self.text_edit.returnPressed.connect(self.add_item)
        row.addWidget(self.text_edit, 1)
        self.destination = QComboBox()
        self.destination.setAccessibleName("Take it to")
        self.destination.addItem("Take it to…", None)
        for destination in ParkedDestination:
            self.destination.addItem(arena_label(destination), destination.value)
        self.destination.setVisible(kind is NoteKind.PARKED)
        row.addWidget(self.destination)
        self.add_button = QPushButton("Add point" if kind is NoteKind.LEARNING else "Park it")
        self.add_button.setAccessibleName(f"Add {label.lower()}")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add_item)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.identifier_warning = IdentifierWarning(self.text_edit)  # never blocks: the item still saves
        layout.addWidget(self.identifier_warning)
        if kind is NoteKind.PARKED:
            hint = FoldingQuote(not_for_a_cop())
            hint.setToolTip(arenas_text())
            layout.addWidget(hint)
        layout.addWidget(self.message)
        self.model = _note_model(kind, self)
        self.table = item_table(self.model, f"{label}s of this session")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove the selected {label.lower()}")
        self.remove_button.clicked.connect(self.remove_selected)
        layout.addLayout(list_with_buttons(self.table, self.remove_button), 1)

    def set_session(self, session_id: int) -> None:
        self.session_id = session_id
        self.text_edit.clear()
        self.destination.setCurrentIndex(0)
        show_message(self.message, "", error=False)
        self.reload()

    def reload(self) -> None:
        found = notes(self.context.db, self.session_id, self.kind) if self.session_id is not None else []
        self.model.set_rows(found)
        self.remove_button.setEnabled(bool(found))

    def add_item(self) -> Note | None:
        if self.session_id is None:
            return None
        text = " ".join(self.text_edit.text().split())
        if not text:
            show_message(self.message, f"Type the {_PROMPTS[self.kind][0].lower()} first.", error=True)
            return None
        destination: ParkedDestination | None = None
        if self.kind is NoteKind.PARKED:
            chosen = self.destination.currentData()
            if chosen is None:
                show_message(self.message, "Choose where to take it: a CoP is not the place to decide it.", error=True)
                self.destination.setFocus()
                return None
            destination = ParkedDestination(chosen)
        session_id, now = self.session_id, self.context.now()
        saved = self.context.writes.run(
            lambda: add_note(self.context.db, session_id, self.kind, text, now, destination),
            retry=self.add_item,
            kept=KEPT_TYPED,
        )
        if saved is None:
            return None  # the text and the destination stay for Retry
        note = saved.value
        self.text_edit.clear()
        self.destination.setCurrentIndex(0)
        where = f" (take it to: {arena_label(destination)})" if destination else ""
        show_message(self.message, f"Added: {in_a_line(text)}{where}", error=False)
        self.text_edit.setFocus()
        self.reload()
        self.changed.emit()
        return note

    def remove_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.message, "Select the item to remove.", error=True)
            return
        self._remove(self.model.row_at(index.row()))

    def _remove(self, note: Note) -> None:
        removed = self.context.writes.run(
            lambda: remove_note(self.context.db, note.id), retry=partial(self._remove, note)
        )
        if removed is not None:
            show_message(self.message, f"Removed: {in_a_line(note.text)}", error=False)
            self.reload()
            self.changed.emit()


class EscalationsEditor(QuickItemForm):
    """The Escalation quick item: the team's escalations, raising a new one and recording outcomes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.form
        route = shipped_texts().escalation
        route_hint = FoldingQuote(route.with_credit())
        route_hint.setMinimumWidth(QUOTE_BESIDE_BUTTONS)
        self.new_button = QPushButton("Ne&w escalation…")
        self.new_button.setAccessibleName("New escalation")
        self.new_button.clicked.connect(self.new_escalation)
        self.outcome_button = QPushButton("Record &outcome…")
        self.outcome_button.setAccessibleName("Record the outcome of the selected escalation")
        self.outcome_button.clicked.connect(self.record_outcome)
        # The quotation beside the buttons while it has the room to wrap in a few lines; in a narrow pane the buttons
        # go under it, so it wraps across the pane's width instead of down a column taller than the tab.
        self.top = WrappingRow(
            route_hint, [(self.new_button, 0), (self.outcome_button, 0)], alignment=Qt.AlignmentFlag.AlignTop
        )
        layout.addWidget(self.top)
        self.message.hide()
        layout.addWidget(self.message)
        self.model = escalation_model(self)
        self.table = item_table(self.model, "The team's escalations")
        self.table.doubleClicked.connect(self.record_outcome)
        layout.addWidget(self.table, 1)

    def set_session(self, team_id: int, session_id: int) -> None:
        self.team_id, self.session_id = team_id, session_id
        show_message(self.message, "", error=False)
        self.reload()

    def reload(self) -> None:
        if self.team_id is None:
            return
        today = self.context.now().astimezone().date()
        self.model.set_rows(escalation_rows(team_escalations(self.context.db, self.team_id), today))
        self.outcome_button.setEnabled(self.model.rowCount() > 0)

    def new_escalation(self) -> None:
        if self.team_id is None:
            return
        choices = unresolved_issues(self.context.db, self.team_id)
        if not choices:
            show_message(
                self.message, "Record the issue first (Issue tab); an escalation is about an issue.", error=True
            )
            return
        dialog = NewEscalationDialog(self.context, self.team_id, choices, session_id=self.session_id, parent=self)
        if dialog.exec() == NewEscalationDialog.DialogCode.Accepted and dialog.escalation is not None:
            show_message(self.message, f"Escalated to the {dialog.escalation.target.label}.", error=False)
            self.reload()
            self.changed.emit()

    def record_outcome(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            show_message(self.message, "Select the escalation first.", error=True)
            return
        row = self.model.row_at(index.row())
        escalation = get_escalation(self.context.db, row.escalation_id)
        dialog = UpdateEscalationDialog(self.context, escalation, row.issue_title, parent=self)
        if dialog.exec() == UpdateEscalationDialog.DialogCode.Accepted:
            show_message(self.message, f"{dialog.escalation.status.label}: {in_a_line(row.issue_title)}", error=False)
            self.reload()
            self.changed.emit()
