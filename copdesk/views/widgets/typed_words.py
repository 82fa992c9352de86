"""Words typed in an open window and not yet saved, found when CoPDesk is made to close (a log-off, a shutdown,
SIGTERM: :mod:`copdesk.shutdown`), so that they are kept in a file rather than lost: nobody is there to finish them.

A dialog that holds words of the facilitator's says what it holds (:class:`HoldsTypedWords`); a question asked with
:class:`~PySide6.QtWidgets.QInputDialog` (an issue's title, its resolution) is read as it stands.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol, runtime_checkable

from PySide6.QtWidgets import QApplication, QInputDialog


class TypedWords(NamedTuple):
    where: str  # the window they were typed in, as the facilitator saw it titled
    words: str


@runtime_checkable
class HoldsTypedWords(Protocol):
    def typed_words(self) -> TypedWords | None:
        """The words typed here and not saved, or ``None`` when there are none (nothing typed, or all saved)."""


def typed_in_open_windows(app: QApplication) -> list[TypedWords]:
    """What every window on screen holds typed and not saved, in the order of the windows."""
    found: list[TypedWords] = []
    for window in app.topLevelWidgets():
        if not window.isVisible():
            continue
        if isinstance(window, HoldsTypedWords):
            typed = window.typed_words()
        elif isinstance(window, QInputDialog) and window.inputMode() is QInputDialog.InputMode.TextInput:
            question = window.labelText().split("\n\n")[-1].rstrip(":")  # after why it was asked again, if it was
            typed = TypedWords(f"{window.windowTitle()} ({question})", window.textValue())
        else:
            continue
        if typed is not None and typed.words.strip():
            found.append(typed)
    return found
