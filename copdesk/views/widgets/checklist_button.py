"""A compact multi-choice filter: a button whose menu is a checklist that stays open while you tick.

The Live page has no room for two lists of seventeen categories, and a combo box chooses only one,
while the picker balances across every category the facilitator selects.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from copdesk.core.text import shortened

# A longer name is cut short on the button (the menu shows it whole), so the filter row keeps its width.
_LONGEST_NAME = 22


class _StayOpenMenu(QMenu):
    """Ticking a box keeps the menu open, so several can be ticked in one go."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class ChecklistButton(QToolButton):
    """``selection_changed`` fires with the ticked names; none ticked means "all"."""

    selection_changed = Signal()

    def __init__(self, noun: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The arrow sits beside the text, as on a combo box, rather than in the bottom corner.
        self.setStyleSheet(
            "QToolButton { padding-left: 8px; padding-right: 22px; }"
            "QToolButton::menu-indicator { subcontrol-origin: padding; subcontrol-position: center right; right: 6px; }"
        )
        self.setAccessibleName(f"{noun} filter")
        self.setToolTip(f"Draw only from the ticked {noun.lower()}; none ticked means all of them.")
        self._menu = _StayOpenMenu(self)
        self.setMenu(self._menu)
        self._options: dict[str, QAction] = {}
        self.set_options([], [])

    def set_options(self, shipped: Iterable[str], own: Iterable[str]) -> None:
        """Rebuild the list, keeping what was ticked where it still exists."""
        ticked = self.selected()
        self._menu.clear()
        self._options.clear()
        clear = self._menu.addAction(f"All {self.noun.lower()}")
        clear.triggered.connect(self.clear)
        for heading, names in (("From the masterclass", list(shipped)), ("Your own", list(own))):
            if not names:
                continue
            self._menu.addSection(heading)
            for name in names:
                action = self._menu.addAction(name)
                action.setCheckable(True)
                action.setChecked(name in ticked)
                action.toggled.connect(self._changed)
                self._options[name] = action
        self._update_text()

    def selected(self) -> frozenset[str]:
        return frozenset(name for name, action in self._options.items() if action.isChecked())

    def option(self, name: str) -> QAction:
        return self._options[name]

    def set_selected(self, names: Iterable[str]) -> None:
        wanted = set(names)
        for name, action in self._options.items():
            action.blockSignals(True)
            action.setChecked(name in wanted)
            action.blockSignals(False)
        self._changed()

    def clear(self) -> None:
        self.set_selected(())

    def _changed(self) -> None:
        self._update_text()
        self.selection_changed.emit()

    def _update_text(self) -> None:
        ticked = [name for name, action in self._options.items() if action.isChecked()]
        if not ticked:
            self.setText(self.noun)  # all of them: the tooltip says so
        elif len(ticked) == 1:
            self.setText(f"{self.noun}: {shortened(ticked[0], _LONGEST_NAME)}")
        else:
            self.setText(f"{self.noun}: {len(ticked)} of {len(self._options)}")
        self.setAccessibleDescription(self.text())
