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

import shiboken6
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


class _Dialog(HoldsTypedWords, Protocol):
    def isVisible(self) -> bool: ...


def rereads(dialog: _Dialog) -> Callable[[], TypedWords | None]:
    """What an act kept for Retry holds when its Retry re-reads ``dialog`` (``WriteGuard.run(..., words=)``): the
    words as the dialog holds them when asked, so a log-off keeps what the Retry would have saved. None while the
    dialog is on screen, since it holds them itself then, nor once it is gone with its window."""

    def read() -> TypedWords | None:
        return None if not shiboken6.isValid(dialog) or dialog.isVisible() else dialog.typed_words()

    return read


def typed_in(window: QWidget) -> TypedWords | None:
    """What ``window`` holds typed and not saved, if it is on screen and holds any."""
    typed = window.typed_words() if window.isVisible() and isinstance(window, HoldsTypedWords) else None
    return typed if typed is not None and typed.words.strip() else None


def field_lines(fields: Iterable[tuple[str, str]]) -> str:
    """A form's words as a file keeps them: one "name: value" line for each field that holds any."""
    return "\n".join(f"{name}: {value}" for name, value in fields if value.strip())


_TYPED_COLUMN = "typedWordsColumn"  # a view's column whose open editor its dialog keeps at a log-off


def keeps_typing(view: QAbstractItemView, column: int) -> None:
    """Say that the dialog holding ``view`` keeps the words being typed in ``column`` at a log-off (it reads them
    with :func:`being_typed`), so :func:`settle_cell_edits` closes that editor without saving them."""
    view.setProperty(_TYPED_COLUMN, column)


def being_typed(view: QAbstractItemView) -> tuple[int, str] | None:
    """The row and text of a cell being typed in the column of ``view`` its dialog keeps (:func:`keeps_typing`):
    its editor open on the current cell."""
    index = view.currentIndex()
    kept = index.isValid() and index.column() == view.property(_TYPED_COLUMN)
    editor = view.indexWidget(index) if kept else None
    return (index.row(), editor.text()) if isinstance(editor, QLineEdit) else None


def settle_cell_edits(window: QWidget) -> None:
    """Close every cell editor open in ``window``, as a log-off begins. One whose words its dialog keeps in a file
    (:func:`keeps_typing`) closes without saving them: left open, it would save them as it lost focus, behind that
    file's back and after the write guard has stood down. Any other saves what it holds now, as Enter would, while
    a save refused (a full disk) is still kept for Retry with its words, and so in the file too."""
    for view in window.findChildren(QAbstractItemView):
        index = view.currentIndex()
        editor = view.indexWidget(index)
        if editor is None or view.state() != QAbstractItemView.State.EditingState:
            continue
        if index.column() != view.property(_TYPED_COLUMN):
            view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
