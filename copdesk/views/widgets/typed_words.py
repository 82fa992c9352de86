"""Words typed in an open window and not yet saved, found when CoPDesk is made to close (a log-off, a shutdown,
SIGTERM: :mod:`copdesk.shutdown`), so that they are kept in a file rather than lost: nobody is there to finish them.

A dialog that holds words of the facilitator's says what it holds (:class:`HoldsTypedWords`), leaving out words that
are stored already as they stand (a question that opened on an issue's title and was left as it was). Words that
only an act kept for Retry holds are the write guard's to give
(:meth:`copdesk.views.write_guard.WriteGuard.words_waiting`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple, Protocol, runtime_checkable

from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit, QWidget


class TypedWords(NamedTuple):
    where: str  # the window they were typed in, as the facilitator saw it titled
    words: str


# What an act kept for Retry holds: its words, or how to read them when asked, for an act that reads them from a
# dialog that may still change them (:meth:`copdesk.views.write_guard.WriteGuard.words_waiting`).
HeldWords = TypedWords | Callable[[], TypedWords | None]


@runtime_checkable
class HoldsTypedWords(Protocol):
    def typed_words(self) -> TypedWords | None:
        """The words typed here and not saved, or ``None`` when there are none (nothing typed, or all saved)."""


def typed_in(window: QWidget) -> TypedWords | None:
    """What ``window`` holds typed and not saved, if it is on screen and holds any."""
    typed = window.typed_words() if window.isVisible() and isinstance(window, HoldsTypedWords) else None
    return typed if typed is not None and typed.words.strip() else None


def field_lines(fields: Iterable[tuple[str, str]]) -> str:
    """A form's words as a file keeps them: one "name: value" line for each field that holds any."""
    return "\n".join(f"{name}: {value}" for name, value in fields if value.strip())


def being_typed(view: QAbstractItemView, column: int) -> tuple[int, str] | None:
    """The row and text of a cell being typed in ``column`` of ``view`` (its editor open on the current cell)."""
    index = view.currentIndex()
    editor = view.indexWidget(index) if index.isValid() and index.column() == column else None
    return (index.row(), editor.text()) if isinstance(editor, QLineEdit) else None


def drop_cell_edits(window: QWidget) -> None:
    """Close every cell editor open in ``window`` without saving what it holds: at a log-off those words are kept in
    a file (:func:`being_typed`), and an editor left open would save them as it lost focus, behind that file's back
    and after the write guard has stood down."""
    for view in window.findChildren(QAbstractItemView):
        editor = view.indexWidget(view.currentIndex())
        if editor is not None and view.state() == QAbstractItemView.State.EditingState:
            view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
