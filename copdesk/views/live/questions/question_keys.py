"""The question pane's keys: window-wide while the pane is on screen, named for screen readers and the F1 list.

Each key is a ``QAction`` on the pane, so the shortcut list (F1) and the other CoPDesk windows (the share-safe view,
the mini timer) find it as they find every other live key; the button that does the same names the key in its
tooltip.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton, QWidget

NEXT_KEYS = ("Q", "Ctrl+Right")
BACK_KEYS = ("Ctrl+Left",)
FAVOURITE_KEY = "Ctrl+D"
ASKED_KEY = "Ctrl+M"
SEARCH_KEY = "Ctrl+K"

# What each key does, as the shortcut list (F1) shows it.
_HELP = {
    "Next question": "Questions: the next question (a new draw, or forward after Back)",
    "Previous question": "Questions: back to the previous question",
    "Favourite": "Questions: star or unstar the current question",
    "Mark as asked": "Questions: mark the current question as asked, for the record (again to undo)",
    "Search questions": "Questions: search every question, the masterclass's and your own",
}

Slot = Callable[[], object]


def add_key(pane: QWidget, widget: QWidget, name: str, keys: tuple[str, ...], slot: Slot) -> None:
    """``keys`` do ``slot`` anywhere in the window while ``pane`` is shown; ``widget`` (the pane or its button) is
    named ``name`` for screen readers, and a button's tooltip names the keys."""
    widget.setAccessibleName(name)
    action = QAction(name, pane)
    action.setWhatsThis(_HELP.get(name, name))
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setAutoRepeat(False)  # a key held down acts once: Ctrl+M held a moment marked and unmarked
    action.triggered.connect(slot)
    pane.addAction(action)
    if widget is not pane:
        widget.setToolTip(f"{name} ({', '.join(keys)})")


def key_button(pane: QWidget, text: str, name: str, keys: tuple[str, ...], slot: Slot) -> QPushButton:
    """A button that does what its keys do."""
    button = QPushButton(text)
    add_key(pane, button, name, keys, slot)
    button.clicked.connect(slot)
    return button
