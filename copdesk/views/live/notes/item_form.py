"""What every quick-item form of the notes pane is made of, so the Action, Issue, Learning, Parked and Escalation
tabs (and the dialogs and lists beside them) look and behave alike.

:class:`QuickItemForm` is a tab's frame: the session it records into, ``changed``, its column layout and the
one-line message under the form. :func:`item_field` is the one-line text field, :func:`item_table` a compact
read-only list, and :func:`list_with_buttons` sets a list beside its Remove button.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from copdesk.core.input_limits import MAX_ITEM_CHARACTERS
from copdesk.views.context import AppContext
from copdesk.views.widgets.forms import WordsPlaceholder, hold_characters, say_when_cut
from copdesk.views.widgets.labels import message_label, show_message
from copdesk.views.widgets.tables import configure_table


def item_field(accessible_name: str, placeholder: str, max_length: int = MAX_ITEM_CHARACTERS) -> QLineEdit:
    """The one-line text field a quick item is typed into."""
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    WordsPlaceholder(field, placeholder)
    hold_characters(field, max_length)
    return field


def item_table(model: QAbstractItemModel, accessible_name: str) -> QTableView:
    """A list of ``model`` in the notes pane's look (:func:`configure_table`)."""
    table = QTableView()
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    configure_table(table)
    return table


def list_with_buttons(table: QTableView, *buttons: QPushButton) -> QHBoxLayout:
    """The list, taking the room, with the buttons for its selected row (Remove, History…) beside it at the top."""
    row = QHBoxLayout()
    row.addWidget(table, 1)
    column = QVBoxLayout()
    for button in buttons:
        column.addWidget(button)
    column.addStretch(1)
    row.addLayout(column)
    return row


class QuickItemForm(QWidget):
    """A quick-item tab: the team and session it records into, ``changed`` after each change, and ``message``.

    ``form`` is the tab's column; a subclass adds its rows and puts ``message`` where it belongs.
    """

    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, spacing: int = 6) -> None:
        super().__init__(parent)
        self.context = context
        self.team_id: int | None = None
        self.session_id: int | None = None
        self.form = QVBoxLayout(self)
        self.form.setContentsMargins(0, 4, 0, 0)
        self.form.setSpacing(spacing)
        self.message = message_label()

    def say_when_cut(self, field: QLineEdit) -> None:
        """Say so in ``message`` when a paste would take ``field`` past what it holds (:func:`say_when_cut`)."""
        say_when_cut(
            field,
            lambda text: show_message(self.message, text, warning=True, error=False),
            "Put the detail in the notes.",
        )
