"""Every live key works whichever CoPDesk window has the focus: the main window, the share-safe view or the mini
timer.

A facilitator who has just clicked the share-safe view (to drag it onto the shared screen) and presses Space
expects the timer to pause, as in the main window. Qt's window shortcuts only fire in the window they belong to,
so each of the other windows gets a stand-in for each live key: same keys, enabled and checked as the original,
and triggering the original, so what a key does stays defined in one place. The stand-ins are plain actions, never
widgets, so the share-safe view still has no child that could show anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget


def live_key_actions(window: QMainWindow, panes: Iterable[QWidget]) -> list[QAction]:
    """The window's keys (its own actions and its menus') and the panes' keys, each once."""
    found = list(window.actions())
    for menu in window.menuBar().findChildren(QMenu):
        found += menu.actions()
    for pane in panes:
        found += pane.actions()
    return [action for action in dict.fromkeys(found) if action.shortcuts() and not action.isSeparator()]


def mirror_shortcuts(actions: Iterable[QAction], other: QWidget) -> list[QAction]:
    """Give ``other`` a stand-in for each action with keys; returns the stand-ins."""
    stand_ins = []
    for original in actions:
        stand_in = QAction(original.text(), other)
        stand_in.setShortcuts(original.shortcuts())
        stand_in.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        stand_in.setAutoRepeat(original.autoRepeat())  # a key held acts once there too: held Space paused and resumed
        stand_in.triggered.connect(lambda _checked=False, original=original: original.trigger())

        def follow(stand_in: QAction = stand_in, original: QAction = original) -> None:
            stand_in.setEnabled(original.isEnabled())

        original.changed.connect(follow)
        follow()
        other.addAction(stand_in)
        stand_ins.append(stand_in)
    return stand_ins
