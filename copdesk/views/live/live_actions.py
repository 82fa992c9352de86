"""Every live-session command as a QAction, so a button, a menu entry and a shortcut are the same thing.

The shortcuts are window-wide, but each action is enabled only when it can act (Space, N, +, R only while a
session is live), and a disabled shortcut lets the key through: on the Prepare page Space still presses the
focused button. Text fields keep their letters too, because Qt gives a focused editor first refusal of any
printable key. A button, tick box or drop-down list reached with Tab gets that refusal of Space too
(:class:`SpacePresses`), so tabbing to *Low energy* and pressing Space marks it rather than pausing the meeting's
clock; after a click on one, Space is the timer's as before. The help overlay lists these actions (and any other
shortcut of the window) from the actions themselves, so it cannot fall out of date.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from copdesk.core.timer import TimerStatus
from copdesk.views.context import AppContext
from copdesk.views.widgets import theme

ADD_MINUTES = 5


class LiveActions:
    def __init__(self, context: AppContext, window: QWidget) -> None:
        self._context = context
        self._window = window
        self.start_session = self._make(
            "&Start session…", ["F5"], "Start a session: team, type, who is present, ground rules", "start"
        )
        self.pause = self._make("&Pause", ["Space"], "Start, pause or resume the timer", "pause")
        self.next_segment = self._make("&Next segment", ["N"], "Close this segment and start the next", "next")
        self.add_time = self._make(
            f"&+{ADD_MINUTES} min", ["+", "="], f"Give the current segment {ADD_MINUTES} more minutes"
        )
        self.retime = self._make("&Re-time the rest", ["R"], "Re-time the remaining segments to finish on time")
        self.end_session = self._make("&End session…", ["Ctrl+E"], "End the session, save it and see the summary")
        self.share_view = self._make(
            "S&hare-safe view",
            ["Ctrl+Shift+S"],
            "Open the window to share: the timer and current question only",
            "share",
        )
        self.mini_timer = self._make(
            "&Mini timer", ["Ctrl+T"], "Show a small timer that stays on top of other windows", "mini-timer"
        )
        self.edit_agendas = self._make("&Agenda templates…", ["Ctrl+Shift+A"], "Edit this team's agenda for each type")
        # "?" is typed with Shift on most layouts, and Qt then matches "Shift+?", not "?": both open the help.
        self.help = self._make(
            "&Keyboard shortcuts", ["F1", "?", "Shift+?"], "Show or hide this list of shortcuts", "help"
        )
        for action in (self.share_view, self.mini_timer):
            action.setCheckable(True)
        self.timer_actions = (self.pause, self.next_segment, self.add_time, self.retime, self.end_session)
        self.space_presses = SpacePresses(window)
        self.show_status(None)

    def _make(self, text: str, keys: list[str], description: str, icon: str | None = None) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setToolTip(f"{description} ({' or '.join(keys)})")
        action.setStatusTip(description)
        action.setWhatsThis(description)
        if icon:
            action.setIcon(theme.icon(self._context.resources, icon))
        self._window.addAction(action)
        return action

    def show_status(self, status: TimerStatus | None) -> None:
        """Enable what can act now and name the Space action for what it will do."""
        live = status is not None and status is not TimerStatus.FINISHED
        for action in self.timer_actions:
            action.setEnabled(live)
        self.start_session.setEnabled(status is None)
        self.pause.setText(
            "&Resume" if status is TimerStatus.PAUSED else "&Start" if status is TimerStatus.NOT_STARTED else "&Pause"
        )
        self.pause.setIcon(theme.icon(self._context.resources, "pause" if status is TimerStatus.RUNNING else "start"))


class SpacePresses(QObject):
    """Space on a button, tick box or drop-down list reached from the keyboard presses it, as in any other window,
    instead of reaching the timer's Space shortcut (which Qt would otherwise give the key first).

    Only one reached from the keyboard (Tab): a click also leaves the focus on what was clicked, on Windows and
    Linux, and the Space pressed next is then the timer's, as it always was. Each widget is watched from when it
    takes the focus, wherever it was built, and lets Qt know it wants Space for itself (the ``ShortcutOverride`` a
    text field answers for every printable key).
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        self._keyboard_focus: QWidget | None = None  # the widget that took the focus other than by a click
        application.focusChanged.connect(self._focus_moved)  # ends with this object, so with its window

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        clicked = QApplication.mouseButtons() != Qt.MouseButton.NoButton  # the focus moves as the press is handled
        self._keyboard_focus = None if clicked else new
        if isinstance(new, QAbstractButton | QComboBox):
            new.installEventFilter(self)  # once: installing it again only moves it to the front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and watched is self._keyboard_focus
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()  # the widget takes the key, as a text field takes its letters
        return False
