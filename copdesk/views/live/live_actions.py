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
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

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
            "Share-safe &view",  # H is Hand over's, in the Session menu
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
        action.setAutoRepeat(False)  # a key held down acts once: held N would run through the whole agenda
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
            # Letters of their own in the Session menu: R is Re-time the rest's, S Start session's.
            "Res&ume" if status is TimerStatus.PAUSED else "S&tart" if status is TimerStatus.NOT_STARTED else "&Pause"
        )
        self.pause.setIcon(theme.icon(self._context.resources, "pause" if status is TimerStatus.RUNNING else "start"))


class SpacePresses(QObject):
    """Space on a button, tick box or drop-down list reached from the keyboard presses it, as in any other window,
    instead of reaching the timer's Space shortcut (which Qt would otherwise give the key first).

    Only one reached from the keyboard (Tab, Shift+Tab): a click also leaves the focus on what was clicked, on
    Windows and Linux, and the Space pressed next is then the timer's, as it always was. :meth:`watch` is handed
    the window's parts as they are built; each widget watched lets Qt know it wants Space for itself while it has
    the keyboard's focus (the ``ShortcutOverride`` a text field answers for every printable key).
    """

    _FROM_THE_KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._keyboard_focus: QObject | None = None  # the watched widget that has the focus from the keyboard

    def watch(self, *parts: QWidget) -> None:
        """Watch every button, tick box and drop-down list of ``parts`` (each one only once, however often)."""
        for part in parts:
            found: list[QWidget] = [*part.findChildren(QAbstractButton), *part.findChildren(QComboBox)]
            for widget in [part, *found] if isinstance(part, QAbstractButton | QComboBox) else found:
                widget.installEventFilter(self)  # installing it again only moves it to the front

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFocusEvent):
            if event.type() == QEvent.Type.FocusIn:
                self._keyboard_focus = watched if event.reason() in self._FROM_THE_KEYBOARD else None
            elif watched is self._keyboard_focus:
                self._keyboard_focus = None
        elif (
            event.type() == QEvent.Type.ShortcutOverride
            and watched is self._keyboard_focus
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()  # the widget takes the key, as a text field takes its letters
        return False
