"""Session ▸ Hand over to the co-facilitator…: the co-facilitator takes the timer, the notes, or both, on this laptop.

The masterclass has the co-facilitator "Support/ facilitate reflective practice discussions" and the facilitator
"Work with Co-Facilitator…". On one laptop that means passing the keyboard mid-session, so a hand-over first saves
everything typed and any change still waiting (nothing is lost when someone else takes over), never touches the
timer (it runs on), records the co-facilitator with the session if one is named now, and then says on the Timer
and Notes panes who has them. Handing back is the same dialog with nothing ticked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout, QWidget

from copdesk.core.model import Role
from copdesk.core.text import name_sort_key, shortened
from copdesk.services.planning import change_session_roles
from copdesk.store import sessions, teams, time_away
from copdesk.store.planning import session_roles
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.widgets.forms import name_standard_buttons
from copdesk.views.widgets.labels import hint_label
from copdesk.views.widgets.pane import Pane

if TYPE_CHECKING:
    from copdesk.views.live.notes.notes_panel import NotesPanel

MINIMUM_WIDTH = 460  # the words over the choices in two lines, not three in a narrow box with its buttons pressed
HOLDER_NAME_LENGTH = 28  # of a co-facilitator's name in a pane's title, which shares its line with the tools
NOT_HANDED_OVER = (
    "Not handed over: something typed could not be saved yet. Free some space (or make the database writable), "
    "press Retry, then hand over."
)


class HandOverDialog(QDialog):
    def __init__(self, people: list[tuple[int, str]], chosen: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handOverDialog")
        self.setWindowTitle("Hand over to the co-facilitator")
        self.setMinimumWidth(MINIMUM_WIDTH)
        layout = QVBoxLayout(self)
        self.about = hint_label(
            "Everything typed is saved first and the timer keeps running. Tick what the co-facilitator takes over; "
            "untick both to take it back."
        )
        layout.addWidget(self.about)
        form = QFormLayout()
        self.person = QComboBox()
        self.person.setAccessibleName("Co-facilitator")
        for member_id, name in people:
            self.person.addItem(name, member_id)
        self.person.setCurrentIndex(max(self.person.findData(chosen), 0))
        form.addRow("&Co-facilitator", self.person)
        self.timer = QCheckBox("Takes over the &timer")
        self.timer.setAccessibleName("The co-facilitator takes over the timer")
        self.notes = QCheckBox("Takes over the &notes")
        self.notes.setAccessibleName("The co-facilitator takes over the notes")
        form.addRow("", self.timer)
        form.addRow("", self.notes)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        name_standard_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(MINIMUM_WIDTH, self.heightForWidth(MINIMUM_WIDTH))  # as tall as its words at that width


class HandOver:
    """The menu action and what it does; ``panes`` gives the Timer and Notes panes (built with the Live page)."""

    def __init__(
        self, context: AppContext, live: LiveSession, window: QWidget, panes: Callable[[], tuple[Pane, NotesPanel]]
    ) -> None:
        self.context, self.live, self.window, self.panes = context, live, window, panes
        self.dialog: HandOverDialog | None = None
        self.holder: dict[str, str] = {}  # pane ("timer", "notes") -> who has it, when not the facilitator
        self.action = QAction("&Hand over to the co-facilitator…", window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.action.setAutoRepeat(False)  # a key held down opens one dialog, as every key of the window acts once
        self.action.setEnabled(False)
        self.action.triggered.connect(self.open)
        live.started.connect(self._started)
        live.ended.connect(lambda _session_id: self._show({}))

    def _started(self, session_id: int) -> None:
        # Nobody co-facilitates a session others run.
        self.action.setEnabled(sessions.run_by_the_facilitator(self.context.db, session_id))
        self._show({})

    def people(self) -> list[tuple[int, str]]:
        """The team's own people present today and still in the room (guests aside, and anyone who has left), the
        session's co-facilitator role first."""
        session_id, team_id = self.live.session_id, self.live.team_id
        if session_id is None or team_id is None:
            return []
        db = self.context.db
        present = set(sessions.attendee_ids(db, session_id)) - set(time_away.away_now(db, session_id))
        members = [m for m in teams.list_members(db, team_id) if m.id in present and m.role is not Role.GUEST]
        members.sort(key=lambda m: (m.role is not Role.CO_FACILITATOR, name_sort_key(m.display_name)))
        return [(m.id, m.display_name) for m in members]

    def open(self) -> HandOverDialog | None:
        session_id = self.live.session_id
        if session_id is None:
            return None
        dialog = HandOverDialog(
            self.people(), session_roles(self.context.db, session_id).co_facilitator_id, self.window
        )
        dialog.timer.setChecked("timer" in self.holder)
        dialog.notes.setChecked("notes" in self.holder)
        dialog.accepted.connect(
            lambda: self.hand_over(dialog.person.currentData(), dialog.timer.isChecked(), dialog.notes.isChecked())
        )
        self.dialog = dialog
        dialog.open()
        return dialog

    def hand_over(self, member_id: int | None, timer: bool, notes: bool) -> bool:
        """Save everything, record the co-facilitator, then say who has the timer and the notes."""
        session_id = self.live.session_id
        if session_id is None or member_id is None:
            return False
        writes = self.context.writes
        if not self.live.save_everything() or not writes.retry():  # Retry saves it all, then hands over
            writes.refuse(NOT_HANDED_OVER, retry=lambda: self.hand_over(member_id, timer, notes), key=HandOver)
            return False
        roles = session_roles(self.context.db, session_id)
        if roles.co_facilitator_id != member_id:
            changed = replace(roles, co_facilitator_id=member_id)
            if writes.run(lambda: change_session_roles(self.context.db, session_id, changed)) is None:
                return False
        name = teams.get_member(self.context.db, member_id).display_name
        self._show({pane: name for pane, taken in (("timer", timer), ("notes", notes)) if taken})
        return True

    def _show(self, holder: dict[str, str]) -> None:
        self.holder = holder
        timer_pane, notes_pane = self.panes()
        for pane, key, title, verb in ((timer_pane, "timer", "Timer", "kept"), (notes_pane, "notes", "Notes", "taken")):
            name = holder.get(key)
            held = f"{title} · {verb} by {{}} (co-facilitator)" if name else title
            # A long name is cut, never the pane's own word or the role: the whole of it is in the tooltip.
            pane.title_label.setText(held.format(shortened(name or "", HOLDER_NAME_LENGTH)).upper())
            pane.title_label.setToolTip(held.format(name))
        if "notes" in holder:
            notes_pane.editor.setFocus()
