"""The participation pane's keys: 1-9 log the numbered tile, 0 stops the talk-time speaker and Ctrl+Z undoes, and
beyond the number keys (groups of ten or more) a name filter box is the quick way to a person.

The keys are shortcuts of the pane alone (``WidgetWithChildrenShortcut``), so they act only while the focus is
inside it; text fields win over them. "/" on the roster opens the filter box, where letters filter the roster and a
digit or Enter logs one of the matches, because that box exists only to pick a person; Esc or Down hands the keys
back to the roster. What a key does (log, stop, undo) is the pane's, called back.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from copdesk.views.live.participation.roster_model import RosterFilter
from copdesk.views.live.participation.roster_view import RosterView

FILTER_ABOVE = 9  # beyond the number keys, a name filter is the quick way to a person
NUMBER_KEYS_HELP = "Participation: log a contribution for the person with that number"


class FilterBox(QLineEdit):
    """The name filter box, never narrower than its placeholder: squeezed by the pane's buttons (talk time shows Stop
    too), it showed "Fi…"."""

    def minimumSizeHint(self) -> QSize:
        hint, metrics = super().minimumSizeHint(), self.fontMetrics()
        # Qt sizes the box for 17 "x"s with its frame, padding and clear button around them: the rest is that room.
        room = self.sizeHint().width() - 17 * metrics.horizontalAdvance("x")
        return QSize(max(hint.width(), room + metrics.horizontalAdvance(self.placeholderText())), hint.height())


class RosterKeys(QObject):
    def __init__(
        self,
        pane: QWidget,
        roster: RosterView,
        visible_roster: RosterFilter,
        *,
        choose: Callable[[int], None],
        stop: Callable[[], None],
        undo: Callable[[], None],
    ) -> None:
        super().__init__(pane)
        self.roster, self.visible_roster, self._choose = roster, visible_roster, choose
        self.filter_edit = FilterBox()
        self.filter_edit.setObjectName("rosterFilter")
        self.filter_edit.setPlaceholderText("Find (/)")
        self.filter_edit.setToolTip(
            "Type part of a name, then Enter for the first match or 1-9 for a numbered one; Esc returns to the tiles."
        )
        self.filter_edit.setAccessibleName("Filter the people present by name")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(140)
        self.filter_edit.textChanged.connect(visible_roster.setFilterFixedString)
        self.filter_edit.installEventFilter(self)
        roster.find_requested.connect(self.focus_filter)
        self.number_actions: list[QAction] = []
        for number in range(1, 10):
            action = QAction(f"Participation: log a contribution for the person numbered {number}", pane)
            action.setWhatsThis(NUMBER_KEYS_HELP)  # one row for the nine keys in the shortcut list
            action.setShortcut(QKeySequence(str(number)))
            action.triggered.connect(partial(self.choose_number, number))
            self.number_actions.append(action)
        self.stop_action = QAction("Participation: stop timing the speaker", pane)
        self.stop_action.setShortcut(QKeySequence("0"))
        self.stop_action.triggered.connect(stop)
        self.undo_action = QAction("Participation: undo the last contribution or room marker", pane)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(undo)
        for action in (*self.number_actions, self.stop_action, self.undo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setAutoRepeat(False)  # a key held down acts once: a held 1 logged a tally for every repeat
            pane.addAction(action)

    def follow(self, *, live: bool, talk: bool, can_undo: bool, present: int) -> None:
        """The keys that can act now are enabled, and the filter box is shown for more people than number keys."""
        self.filter_edit.setVisible(live and present > FILTER_ABOVE)
        for action in self.number_actions:
            action.setEnabled(live)
        self.stop_action.setEnabled(live and talk)
        self.undo_action.setEnabled(can_undo)

    def choose_number(self, number: int) -> None:
        """The person on the numbered tile, as the filter shows them, chosen as a click would."""
        member_id = self.visible_roster.member_at(number - 1)
        if member_id is not None:
            self._choose(member_id)

    def focus_filter(self) -> None:
        if self.filter_edit.isVisible():
            self.filter_edit.setFocus()
            self.filter_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filter_edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._filter_key(event)
        return super().eventFilter(watched, event)

    def _filter_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self._chose_from_filter(key - Qt.Key.Key_0)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._chose_from_filter(1)
            return True
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Down):
            if key == Qt.Key.Key_Escape:
                self.filter_edit.clear()
            self.roster.setFocus()
            self.roster.setCurrentIndex(self.visible_roster.index(0, 0))
            return True
        return False

    def _chose_from_filter(self, number: int) -> None:
        """Log the numbered match, then clear the filter and hand the keys back to the roster."""
        if self.visible_roster.member_at(number - 1) is None:
            return
        self.choose_number(number)
        self.filter_edit.clear()
        self.roster.setFocus()
