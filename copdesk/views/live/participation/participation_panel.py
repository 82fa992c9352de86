"""The participation tracker pane (objectName ``participationPanel``): facilitator-only.

One click on a tile logs a contribution and leaves the focus on the roster, ready for the keys; Enter logs the
current tile. The number keys, 0 and Ctrl+Z act only while the focus is inside the pane, and a name filter box picks
a person in a larger group (:mod:`copdesk.views.live.participation.roster_keys`). Letters on the roster itself stay
with the window (N, Q and the like). A tile's menu (a right click, or the Menu key) marks someone as having left the
session (their tile stays, greyed, so no number key moves) or back in it, and takes back a mark of present made by
mistake, until anything of theirs is recorded (:mod:`copdesk.views.live.participation.tile_menu`); Undo takes back
the last of these, as it does a tally.
"""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from copdesk.core.date_names import clock_time
from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind, Member, NoteKind
from copdesk.core.participation import CONTRIBUTIONS, TALK_TIME, Measure, balance_in_words, gini
from copdesk.services.notes import add_note
from copdesk.store import sessions
from copdesk.views.context import AppContext
from copdesk.views.live.live_session import LiveSession
from copdesk.views.live.participation.add_people_dialog import AddPeopleDialog
from copdesk.views.live.participation.away_marks import AwayMark
from copdesk.views.live.participation.control_rows import ControlRows
from copdesk.views.live.participation.engagement_markers import MarkerBar
from copdesk.views.live.participation.live_tally import LiveTally
from copdesk.views.live.participation.quiet_setting import QUIET_MINUTES_LIMIT
from copdesk.views.live.participation.roster_keys import RosterKeys
from copdesk.views.live.participation.roster_model import RosterFilter, RosterModel, RosterRole
from copdesk.views.live.participation.roster_view import RosterView
from copdesk.views.live.participation.tile_menu import TileMenu
from copdesk.views.live.participation.undo_from_field import UndoFromField
from copdesk.views.live.participation.undo_wording import undo_description
from copdesk.views.widgets.labels import ElidedLabel
from copdesk.views.widgets.pane import Pane
from copdesk.views.widgets.pressed_again import PressedAgain

REPAINT_MS = 1000
REPEATED_ISSUE_NOTE = "The same issue was raised again (marked from the participation pane)."
PRIVACY_LINE = "Only you see this: who spoke, to invite quiet voices in. Markers name no one."
GINI_MEANING = (
    "Balance of voices: 0 when everyone contributed equally, near 1 when one person did almost everything "
    "(statisticians call it the Gini coefficient)."
)
REFUSAL_SHOWN_MS = 10_000  # a refused removal's reason, in the status bar


class ParticipationPanel(Pane):
    def __init__(self, context: AppContext, live: LiveSession, parent: QWidget | None = None) -> None:
        super().__init__("participationPanel", "Participation", parent)
        self.context = context
        self.live = live
        self.tally = LiveTally(context, self)
        self.model = RosterModel(self.tally, self)
        self.visible_roster = RosterFilter(self.model, self)
        self.tile_menu = TileMenu(context, self.tally, say=self._say, roster_changed=self.reload_roster)
        self._signal_key: tuple[str, float] | None = None
        self._presses = PressedAgain(context.monotonic)  # a double click on Undo or a marker acts once
        self.undo_from_field = UndoFromField(self.undo_last, self)
        self._last_time_shown: tuple[object, ...] = ()
        self._build()
        self.tally.changed.connect(self._refresh)
        self.repaint_timer = QTimer(self)
        self.repaint_timer.setInterval(REPAINT_MS)
        self.repaint_timer.timeout.connect(self._tick)
        live.started.connect(self._session_started)
        live.ending.connect(self._session_ending)
        live.ended.connect(self._session_ended)
        self._show_idle()

    # -- construction -------------------------------------------------------------------------
    def _build(self) -> None:
        self.body.setSpacing(4)
        self.roster = RosterView()
        self.keys = RosterKeys(
            self,
            self.roster,
            self.visible_roster,
            choose=self.choose,
            stop=self.tally.stop_speaking,
            undo=self.undo_last,
        )
        self.count_button = QPushButton("Count")
        self.count_button.setAccessibleName("Bars show contribution counts")
        self.talk_button = QPushButton("Talk time")
        self.talk_button.setAccessibleName("Talk-time mode: press a name when they start and again when they stop")
        self.talk_button.setToolTip("Press a name when they start speaking and again when they stop (or press 0).")
        self.mode_group = QButtonGroup(self)
        for button in (self.count_button, self.talk_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
        self.count_button.setChecked(True)
        self.mode_group.buttonToggled.connect(self._mode_changed)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setAccessibleName("Stop timing the current speaker")
        self.stop_button.setToolTip("Stop timing the current speaker (0)")
        self.stop_button.clicked.connect(self.tally.stop_speaking)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setAccessibleName("Undo the last contribution or room marker")
        self.undo_button.clicked.connect(self._presses.once("undo", self.undo_last))
        self.add_button = QPushButton("Add person…")
        self.add_button.setObjectName("addPersonButton")
        self.add_button.setAccessibleName("Add person: mark a latecomer or a guest present")
        self.add_button.setToolTip("Mark someone present who arrived late, or add a guest on the spot.")
        self.add_button.clicked.connect(self.open_add_people)
        self.add_people_dialog: AddPeopleDialog | None = None
        self.marker_bar = MarkerBar(self._presses)
        self.marker_bar.marked.connect(self.mark_room)
        self.quiet_spin = QSpinBox()
        self.quiet_spin.setRange(1, QUIET_MINUTES_LIMIT)
        self.quiet_spin.setPrefix("Quiet ")
        self.quiet_spin.setSuffix(" min")
        self.quiet_spin.setAccessibleName("Minutes without contributing before the quiet-voice cue")
        self.quiet_spin.setToolTip("Anyone present and not heard for this long is marked as a quiet voice.")
        self.quiet_spin.setValue(self.tally.quiet_after_minutes)
        self.quiet_spin.valueChanged.connect(self.tally.set_quiet_after_minutes)
        modes = (self.count_button, self.talk_button, self.stop_button, self.undo_button, self.add_button)
        self.controls = ControlRows(self.title_label, self.keys.filter_edit, modes, self.marker_bar, self.quiet_spin)
        while self.header_tools.count():  # the title and its stretch: the controls' lines hold the title now
            self.header_tools.takeAt(0)
        self.header_tools.addWidget(self.controls)
        outer = self.layout()
        assert outer is not None
        outer.setSpacing(4)  # the room markers, last of the controls, sit as close to the tiles as before

        self.live_area = QWidget()
        column = QVBoxLayout(self.live_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        self.roster.setModel(self.visible_roster)
        self.roster.member_chosen.connect(self.choose)
        self.roster.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.roster.customContextMenuRequested.connect(self._open_tile_menu)
        column.addWidget(self.roster, 1)
        self.nobody_label = QLabel("Nobody is marked present. Take attendance when you start the session.")
        self.nobody_label.setProperty("role", "emptyState")
        self.nobody_label.setWordWrap(True)
        column.addWidget(self.nobody_label, 1)
        self.balance_label = ElidedLabel()
        self.balance_label.setObjectName("balanceLabel")
        column.addWidget(self.balance_label)
        self.privacy_label = ElidedLabel()
        self.privacy_label.setObjectName("participationPrivacy")
        self.privacy_label.setProperty("role", "hint")
        self.privacy_label.set_full_text(PRIVACY_LINE)
        column.addWidget(self.privacy_label)
        self.body.addWidget(self.live_area, 1)

    # -- session lifecycle --------------------------------------------------------------------
    def _session_started(self, session_id: int) -> None:
        if not sessions.run_by_the_facilitator(self.context.db, session_id):  # nobody's to track in one others run
            kind = sessions.get_session(self.context.db, session_id).kind
            owner = shipped_texts().session_type(kind)
            self._show_idle()
            self.show_empty(
                f"{kind.label}, {owner.owner.with_credit()}: the team attends, so participation is not "
                "tracked. Record what was learned in the notes."
            )
            return
        self.tally.load(session_id)
        self.keys.filter_edit.clear()
        self.roster.set_roster_size(len(self.tally.members))
        self._signal_key = None
        self.hide_empty()
        self.live_area.show()
        self.repaint_timer.start()
        self._refresh()
        QTimer.singleShot(0, self, self.make_room)  # once the Live page is shown and laid out

    def _session_ending(self, _session_id: int) -> None:
        """Save a running stint's duration before the session is closed."""
        self.repaint_timer.stop()
        self.tally.stop_speaking()

    def _session_ended(self, _session_id: int) -> None:
        self.tally.finish()
        self._show_idle()
        self._publish_room_signal()

    @property
    def _header_widgets(self) -> tuple[QWidget, ...]:
        return (
            self.keys.filter_edit,
            self.count_button,
            self.talk_button,
            self.stop_button,
            self.undo_button,
            self.add_button,
            self.marker_bar,
            self.quiet_spin,
        )

    def _show_idle(self) -> None:
        self.live_area.hide()
        if self.add_people_dialog is not None:
            self.add_people_dialog.put_away()
        for widget in self._header_widgets:
            widget.hide()
        self.keys.follow(live=False, talk=False, can_undo=False, present=0)
        self.show_empty("Who is present and who has spoken appears here once a session starts. Only you see it.")

    def reload_roster(self) -> None:
        """After someone is marked present (or renamed) mid-session: show them without losing the tally."""
        if not self.tally.is_live:
            return
        self.tally.reload_roster()
        self.roster.set_roster_size(len(self.tally.members))
        QTimer.singleShot(0, self, self.make_room)  # not called if the pane has gone meanwhile

    def open_add_people(self) -> AddPeopleDialog | None:
        """The latecomer and guest picker, window-modal without a nested event loop; saving reloads the tiles."""
        session_id = self.tally.session_id
        if session_id is None:
            return None
        dialog = AddPeopleDialog(self.context, session_id, self)
        dialog.accepted.connect(self.reload_roster)
        self.add_people_dialog = dialog
        dialog.open()
        return dialog

    def make_room(self) -> None:
        """Grow to the height at which the tiles are comfortable, taken from the pane beside in the splitter.

        A splitter keeps the sizes it was given (or the facilitator's own) and only enforces minimums, so a
        roster that grows at the start would otherwise get its smallest tiles while the timer keeps room to
        spare. The other pane is never taken below its own minimum.
        """
        splitter = self.parentWidget()
        if not isinstance(splitter, QSplitter) or splitter.orientation() is not Qt.Orientation.Vertical:
            return
        # Lay out what is pending first (the Live page may only just be shown), so the roster's width is real.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        sizes = splitter.sizes()
        mine = splitter.indexOf(self)
        wanted = self.sizeHint().height() - sizes[mine]
        for index, size in enumerate(sizes):
            other = splitter.widget(index)
            if index == mine or wanted <= 0 or other is None:
                continue
            given = max(0, min(wanted, size - other.minimumSizeHint().height()))
            sizes[index] -= given
            sizes[mine] += given
            wanted -= given
        splitter.setSizes(sizes)

    # -- recording ------------------------------------------------------------------------------
    @property
    def measure(self) -> Measure:
        return TALK_TIME if self.talk_button.isChecked() else CONTRIBUTIONS

    def choose(self, member_id: int) -> None:
        """A click, Enter or number key on a person: a tick, or in talk-time mode a change of speaker. Someone who has
        left is refused in the status bar, with the way back: a stray key never logs for an empty chair."""
        left = self.tally.left_at.get(member_id)
        if left is not None:
            self._say(
                f"{self.tally.name_of(member_id)} left the session at {clock_time(left)}, so nothing was logged. If "
                "they are back, choose Back in the session from their tile's menu (right-click, or the Menu key)."
            )
            return
        if self.measure is TALK_TIME:
            self.tally.toggle_speaking(member_id)
        else:
            self.tally.log(member_id)

    def undo_last(self) -> None:
        """The last tally or marker goes, or the last person taken off comes back. A marker's remedies and the prompt
        it offered go with it (the question pane hears it), and the room's signal is told afresh, so a signal that
        still stands is offered again."""
        try:
            undone = self.tally.undo()
        except ValueError as refused:
            self._say(str(refused))
            return
        if isinstance(undone, Member):
            self.reload_roster()
        elif isinstance(undone, AwayMark):
            self._publish_room_signal()
        elif isinstance(undone, MarkerKind):
            self.live.marker_taken_back.emit(undone.value)
            self._signal_key = None
            self._publish_room_signal()

    def _open_tile_menu(self, position: QPoint) -> None:
        index = self.roster.indexAt(position)
        index = index if index.isValid() else self.roster.currentIndex()  # the Menu key: the tile with the focus
        member_id = index.data(RosterRole.MEMBER_ID) if index.isValid() else None
        if member_id is not None and self.tally.is_live:
            menu = self.tile_menu.build(int(member_id), self)
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # made afresh for each right click
            menu.popup(self.roster.viewport().mapToGlobal(position))  # not a nested loop: the timer keeps ticking

    def _say(self, refused: str) -> None:
        """A refusal of the session's own, in the status bar."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(refused, REFUSAL_SHOWN_MS)

    def mark_room(self, kind: MarkerKind) -> None:
        """Save the marker (no person), tell the picker, and have the question pane show the remedies."""
        if not self.tally.is_live or not self.tally.add_marker(kind):
            return  # refused: the banner strip says so, and Retry saves it with the time it was marked
        self.live.marker_logged.emit(kind.value)
        follow_up = "Matching prompts are now offered in the question picker."
        if kind is MarkerKind.REPEATED_ISSUE:
            if self.live.receivers(SIGNAL("repeated_issue_requested()")) == 0:
                self._note_repeated_issue()
                follow_up += " A note records that the issue came up again."
            else:
                follow_up += " Link it to the earlier issue in the notes (Issue tab)."
            self.live.repeated_issue_requested.emit()
            self.undo_from_field.watch(self.window().focusWidget())  # the notes' Issue field, where it takes you
        self.live.remedies_requested.emit(kind.value, follow_up)

    def _note_repeated_issue(self) -> None:
        """Until the notes pane offers recurring-issue linking, the record still says the issue returned."""
        session_id, now = self.tally.session_id, self.context.now()
        if session_id is not None:
            self.context.writes.run(
                lambda: add_note(self.context.db, session_id, NoteKind.NOTE, REPEATED_ISSUE_NOTE, now)
            )

    # -- display --------------------------------------------------------------------------------
    def _mode_changed(self) -> None:
        self.tally.stop_speaking()
        self.model.set_measure(self.measure)
        self._refresh()

    def _tick(self) -> None:
        """Time passes without any click: silences grow and a running stint lengthens.

        The tiles read the clock as they paint, so only a repaint is needed, and only when what is shown
        has moved on (a new minute of silence, a second of the current speaker's time). An idle pane makes
        no Qt calls at all: besides saving work, PySide6 6.12.0 on Python 3.11 drops a reference to None or
        True on each call that returns one (upstream PYSIDE-3474), so calls made every second add up.
        """
        shown = self._time_shown()
        if shown != self._last_time_shown:
            self._refresh()

    def _time_shown(self) -> tuple[object, ...]:
        """Everything on screen that the clock alone changes."""
        quiet = tuple(self.tally.quiet_ids())
        minutes = tuple(int(self.tally.silent_for(member_id) // 60) for member_id in quiet)
        speaker = self.tally.tally.speaker
        talk = int(self.tally.tally.talk_seconds().get(speaker, 0)) if speaker is not None else None
        return quiet, minutes, talk, self.tally.room_signal()

    def _refresh(self) -> None:
        self._last_time_shown = self._time_shown()
        live = self.tally.is_live
        present = len(self.tally.members)
        talk = self.measure is TALK_TIME
        can_undo = live and self.tally.last_act() is not None
        self.keys.follow(live=live, talk=talk, can_undo=can_undo, present=present)
        shown_when_live = (self.count_button, self.talk_button, self.undo_button, self.add_button, self.marker_bar)
        for widget in (*shown_when_live, self.quiet_spin):
            widget.setVisible(live)
        self.stop_button.setVisible(live and talk)
        self.stop_button.setEnabled(self.tally.tally.speaker is not None)
        self.undo_button.setEnabled(can_undo)
        self.undo_button.setToolTip(undo_description(self.tally))
        self.roster.setVisible(present > 0)
        self.nobody_label.setVisible(live and present == 0)
        self.marker_bar.show_counts({kind: self.tally.marker_count(kind) for kind in MarkerKind})
        self.controls.fit()
        values = self.tally.values(self.measure)
        words = balance_in_words(values, measure=self.measure)
        self.balance_label.set_full_text(f"{words} · balance of voices {gini(values):.2f}" if sum(values) else words)
        self.balance_label.setToolTip(f"{self.balance_label.full_text()}\n{GINI_MEANING}")
        self.roster.viewport().update()
        self._publish_room_signal()

    def _publish_room_signal(self) -> None:
        """Tell the picker when the room's signal changes: a new marker, or a different quiet voice."""
        signal = self.tally.room_signal()
        key = None if signal is None else (signal.kind.value, signal.since)
        if key != self._signal_key:
            self._signal_key = key
            self.live.room_signal.emit(signal.kind.value if signal else "")
