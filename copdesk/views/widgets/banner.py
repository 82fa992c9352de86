"""Banners: messages that sit in the layout instead of popping up, so the meeting is never interrupted.

A :class:`Banner` is a strip (``QFrame[banner="warning"|"error"|"info"]``) with a message, a few
action buttons and a close button. :func:`show_write_failures` puts what a
:class:`~copdesk.views.write_guard.WriteGuard` refused into a banner with *Retry*; a later successful
write hides it. :class:`SaveGuard` is that guard for one autosave: when the disk is full (or the
database is busy or read-only) it keeps the text where it is, and Retry or the next autosave saves it.

A banner appears where nobody's focus is, so a screen reader would not say it: :func:`announce` has it said as it
shows (an error at once, interrupting; anything else when the reader is next quiet).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from copdesk.views.write_guard import WriteGuard

Action = tuple[str, Callable[[], object]]


def announce(widget: QObject, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``text`` (about ``widget``) now, wherever the focus is; ``urgent`` interrupts it."""
    event = QAccessibleAnnouncementEvent(widget, text)
    if urgent:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


class Banner(QFrame):
    closed = Signal()

    def __init__(self, level: str = "warning", parent: QWidget | None = None, *, closable: bool = True) -> None:
        super().__init__(parent)
        self.setProperty("banner", level)
        self.setAccessibleName("Message")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.setSpacing(8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.label, 1)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(6)
        row.addLayout(self._buttons)
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Dismiss this message")
        self.close_button.setToolTip("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        self.close_button.setVisible(closable)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def set_level(self, level: str) -> None:
        self.setProperty("banner", level)
        self.style().unpolish(self)
        self.style().polish(self)

    def show_message(self, text: str, actions: Sequence[Action] = ()) -> None:
        fresh = self.isHidden() or self.accessibleDescription() != text  # said again only when it says more
        self.label.setText(text)
        self.setAccessibleDescription(text)
        while (item := self._buttons.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for caption, slot in actions:
            button = QPushButton(caption)
            button.setAccessibleName(caption.replace("&", "").rstrip("…"))
            button.clicked.connect(slot)
            self._buttons.addWidget(button)
        self.show()
        if fresh:
            announce(self, text, urgent=self.property("banner") == "error")

    def buttons(self) -> list[QPushButton]:
        found = []
        for index in range(self._buttons.count()):
            item = self._buttons.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QPushButton):
                found.append(widget)
        return found

    def button(self, caption: str) -> QPushButton:
        return next(b for b in self.buttons() if b.text().replace("&", "") == caption)

    def dismiss(self) -> None:
        self.hide()
        self.closed.emit()

    def attach_below(self, widget: QWidget) -> Banner:
        """Insert this banner just after ``widget`` in its parent's box layout (how panes adopt one late)."""
        parent = widget.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QBoxLayout) and (index := layout.indexOf(widget)) >= 0:
            layout.insertWidget(index + 1, self)
        return self


def show_write_failures(guard: WriteGuard, banner: Banner) -> None:
    """The guard's refusals in ``banner``, with Retry while an act is waiting; hidden once all are saved."""

    def failed(message: str) -> None:
        banner.set_level("error")
        waiting = guard.waiting
        more = f" ({waiting} changes are waiting.)" if waiting > 1 else ""
        banner.show_message(message + more, [("&Retry", guard.retry)] if guard.failing else [])

    guard.failed.connect(failed)
    guard.recovered.connect(banner.hide)


class SaveGuard(QObject):
    """Runs one save (an autosave); a refused write becomes a banner with Retry, and the text stays put."""

    def __init__(self, banner: Banner, save: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self._save = save
        self.writes = WriteGuard(self)
        show_write_failures(self.writes, banner)

    @property
    def failing(self) -> bool:
        return self.writes.failing

    def run(self) -> bool:
        """Save now; return whether it worked. Callers keep their unsaved state when it did not."""
        return self.writes.run(self._save, retry=self.run, key=self, kept="What you typed is still here.") is not None
