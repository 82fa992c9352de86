"""What every quick-item form of the notes pane is made of, so the Action, Issue, Learning, Parked and Escalation
tabs (and the dialogs and lists beside them) look and behave alike.

:class:`QuickItemForm` is a tab's frame: the session it records into, ``changed``, its column layout and the
one-line message under the form. :func:`item_field` is the one-line text field, :func:`item_table` a compact
read-only list (its words readable however narrow the pane, :func:`keep_words_readable`), and
:func:`list_with_buttons` sets a list beside its Remove button.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from copdesk.core.input_limits import MAX_ITEM_CHARACTERS
from copdesk.views.context import AppContext
from copdesk.views.widgets.forms import CharacterLimit, WordsPlaceholder, hold_characters, say_when_cut
from copdesk.views.widgets.labels import message_label, show_message
from copdesk.views.widgets.tables import CompactTable, configure_table

WORDS_LEAST = 120  # px a list's first column (its words) keeps in a narrow pane: a word or two, then "…"


def item_field(
    accessible_name: str, placeholder: str, max_length: int = MAX_ITEM_CHARACTERS, *, whole_words: bool = False
) -> QLineEdit:
    """The one-line text field a quick item is typed into (``whole_words``: see
    :class:`~copdesk.views.widgets.forms.CharacterLimit`)."""
    field = QLineEdit()
    field.setAccessibleName(accessible_name)
    WordsPlaceholder(field, placeholder)
    hold_characters(field, max_length, whole_words=whole_words)
    return field


def item_table(model: QAbstractItemModel, accessible_name: str, *, least_rows: int = 1) -> CompactTable:
    """A list of ``model`` in the notes pane's look (:func:`configure_table`). In a tab short of room (a 1024×640
    window with a suggestion shown) the list gives way to the form above it, down to its column headings and
    ``least_rows`` whole rows, the rest scrolling (:class:`CompactTable`)."""
    table = CompactTable(least_rows=least_rows)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    configure_table(table)
    keep_words_readable(table)
    return table


def keep_words_readable(table: QTableView) -> None:
    """The list's first column (its words) stretches over the room the other columns leave it, as before, and never
    gets narrower than :data:`WORDS_LEAST`: in a narrow pane the other columns, sized to their contents, left it
    a few pixels ("Circulate the…" drawn as "…"); now its words show up to a whole word, and the other columns are
    scrolled to."""
    _WordsColumn(table)


class _WordsColumn(QObject):
    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._other_resized)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def _other_resized(self, section: int, _old: int, _new: int) -> None:
        if section != 0:
            self.fit()

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(1, header.count()) if not header.isSectionHidden(i))
        roomy = self.table.viewport().width() - others >= WORDS_LEAST
        mode = QHeaderView.ResizeMode.Stretch if roomy else QHeaderView.ResizeMode.Fixed
        if header.sectionResizeMode(0) != mode:
            header.setSectionResizeMode(0, mode)
        if not roomy and header.sectionSize(0) != WORDS_LEAST:
            header.resizeSection(0, WORDS_LEAST)


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
        self.cut_said: tuple[str, str] | None = None  # the words a cut said, and what the field then held

    def say_when_cut(self, field: QLineEdit) -> None:
        """Say so in ``message`` when a paste would take ``field`` past what it holds (:func:`say_when_cut`). The
        words are kept in :attr:`cut_said`, for a tab whose message follows the typing to say until the next edit."""
        limit = field.validator()
        assert isinstance(limit, CharacterLimit), "item_field holds its characters"

        def say(text: str) -> None:
            self.cut_said = (text, limit.held)
            show_message(self.message, text, warning=True, error=False)

        say_when_cut(field, say, "Put the detail in the notes.")
