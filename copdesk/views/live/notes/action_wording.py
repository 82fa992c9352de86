"""An action's words corrected where the action is listed: a double-click (or F2) on them, Enter to save.

A typo, or a name that should not be in the team's record, no longer means removing the action and agreeing it
again (which would lose its owner, due date and history; once it has been followed up it cannot be removed at
all). The same action keeps all of that; only its words change, through the one write guard. The follow-up list,
the actions agreed in this session and the Prepare view's open actions all offer it. Words saved that look like an
identifier are said in amber under the list, as the Action field's warning says them (it never blocks a save).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem, QTableView, QWidget

from copdesk.core.input_limits import MAX_ITEM_CHARACTERS
from copdesk.core.privacy import find_identifiers
from copdesk.services.follow_ups import reword_action
from copdesk.views.context import AppContext
from copdesk.views.live.notes.action_models import ActionRow
from copdesk.views.widgets.forms import hold_characters
from copdesk.views.widgets.identifier_warning import looks_like
from copdesk.views.widgets.names_in_a_line import in_a_line
from copdesk.views.widgets.row_model import RowTableModel
from copdesk.views.widgets.tables import WordElideDelegate
from copdesk.views.widgets.typed_words import TypedWords

ACTION_COLUMN = 0
HOW = "Double-click an action's words (or press F2) to correct them; Enter saves, Esc leaves them."
KEPT = "The words you typed are kept: Retry saves them."
CORRECT_AGAIN = "Double-click the words to correct them again."


class Say(Protocol):
    """Says a message under the list: a reading, something to notice (``warning``) or a problem (``error``)."""

    def __call__(self, text: str, /, *, error: bool, warning: bool = False) -> None: ...


def correct_in_place(table: QTableView, model: RowTableModel[ActionRow], context: AppContext, say: Say) -> None:
    """Let the Action column of ``table`` be edited: the words are saved by :func:`reword_action`, and ``say`` tells
    the outcome (a refusal, such as empty words, keeps the action as it was)."""

    def commit(row: ActionRow, typed: str) -> ActionRow | None:
        if " ".join(typed.split()) == row.text:
            return None  # nothing changed: nothing to save or to say
        words = _save(row, typed)
        return None if words is None else replace(row, text=words)

    def _save(row: ActionRow, typed: str) -> str | None:
        try:
            saved = context.writes.run(
                lambda: reword_action(context.db, row.action_id, typed),
                retry=lambda: _retried(row, typed),
                key=("reword", row.action_id),
                kept=KEPT,
                words=TypedWords(f"The action “{row.text}”, its words corrected", typed),
            )
        except ValueError as exc:
            say(str(exc), error=True)
            return None
        if saved is None:
            return None  # the write guard's banner says why, and offers Retry
        words = saved.value.text
        flagged = looks_like(find_identifiers(words))
        say(
            f"Now reads: {in_a_line(words)}" + (f"\n{flagged} {CORRECT_AGAIN}" if flagged else ""),
            error=False,
            warning=bool(flagged),
        )
        return words

    def _retried(row: ActionRow, typed: str) -> None:
        """Saved by Retry, after the edit has closed: the row, if it is still listed, shows the new words."""
        words = _save(row, typed)
        listed = [position for position, shown in enumerate(model.rows()) if shown.action_id == row.action_id]
        if words is not None and listed:
            model.replace_row(listed[0], replace(model.row_at(listed[0]), text=words))

    model.edit_column(ACTION_COLUMN, commit)
    table.setItemDelegateForColumn(ACTION_COLUMN, _WordingDelegate(table, say))
    table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed)
    table.setAccessibleDescription(HOW)


class _WordingDelegate(WordElideDelegate):
    """The Action cell's editor holds what an action holds, and says so when a paste is cut, as the Action field
    does: only the start of it is kept."""

    def __init__(self, table: QTableView, say: Say) -> None:
        super().__init__(table)
        self._say = say

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            hold_characters(editor, MAX_ITEM_CHARACTERS).cut.connect(
                lambda: self._say(
                    f"An action holds at most {MAX_ITEM_CHARACTERS:,} characters: the rest was not taken. Put the "
                    "detail in the notes.",
                    error=True,
                )
            )
        return editor
