"""The top of the notes pane: "Follow up on agreed actions" from earlier sessions of the team.

Every open action agreed in an earlier session is listed once (see ``store.carry_over``). Each can be
marked done, carried, dropped, reassigned or given a new due date; each of those is a recorded review,
and a slip can be undone. Its words can be corrected in place (:mod:`action_wording`). Whatever is still open when
the session ends is carried.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import date, datetime
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from copdesk.core.dates import format_uk, passed_note
from copdesk.core.model import Action, ReviewOutcome
from copdesk.services.follow_ups import reassign_follow_up, redate_follow_up, review_follow_up, undo_review
from copdesk.store.actions import get_action
from copdesk.store.carry_over import follow_up_actions
from copdesk.store.teams import list_members
from copdesk.views.context import AppContext
from copdesk.views.live.notes.action_editor import ChangeActionDialog, next_session_day
from copdesk.views.live.notes.action_models import ActionRole, action_model, follow_up_rows
from copdesk.views.live.notes.action_wording import correct_in_place
from copdesk.views.live.notes.item_form import keep_words_readable
from copdesk.views.widgets import theme
from copdesk.views.widgets.labels import show_message
from copdesk.views.widgets.names_in_a_line import in_a_line
from copdesk.views.widgets.short_captions import ShortCaptionRow
from copdesk.views.widgets.tables import CompactTable, configure_table
from copdesk.views.widgets.whole_rows import WholeRows

TITLE = "Follow up on agreed actions"
SHORT_TITLE = "Follow up"  # beside the review buttons the whole title would not fit: it is the tooltip
REASSIGN, REDATE = "reassign", "redate"
SHORT_CAPTIONS = {REASSIGN: "Owner…", REDATE: "Date…"}  # in a narrow pane, beside the toggle's arrow and count
VISIBLE_ROWS = 3
UNLIMITED = 16_777_215  # Qt's largest widget size
SPACING = 4  # between the heading, the list and its message


class FollowUpBox(QWidget):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpBox")
        self.context = context
        self.team_id: int | None = None
        self.session_id: int | None = None
        self._marked: list[int] = []  # the actions marked in this session, in order, for Undo
        self.compact = False
        self._behind_tab = False  # folded while a quick item's tab needs the room
        self._short = False  # in a short column (a window 640 high)
        self._warning: QWidget | None = None  # folded while it shows in a short column, if short of room
        self._holds: Callable[[int], bool] = lambda _extra: True  # room for the notes' least (fold_while_shown)
        self._shown_at_click = False  # shown at a click while folded, until the warning or the tab changes
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACING)

        # In a narrow pane the heading says less, on one line: the toggle its arrow and the count to review, "(2)", and
        # two buttons "Owner…" and "Date…", their whole words on hover and for a screen reader (ShortCaptionRow).
        self.heading = ShortCaptionRow()
        self.heading.row.setSpacing(4)
        self.toggle = QToolButton()
        self.toggle.setObjectName("followUpToggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setText(SHORT_TITLE)
        self.toggle.setAccessibleName(TITLE)
        self.toggle.setToolTip("Show or hide the actions to follow up")
        self.toggle.clicked.connect(self._toggle_clicked)
        self.toggle.toggled.connect(self._show_content)
        self.heading.add(self.toggle, short={})
        self.heading.row.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        for key, caption, shortcut, slot in (
            ("done", "&Done", "Ctrl+Alt+D", lambda: self.review(ReviewOutcome.DONE)),
            ("carry", "&Carry", "Ctrl+Alt+C", lambda: self.review(ReviewOutcome.CARRIED)),
            ("drop", "Dr&op", "Ctrl+Alt+R", lambda: self.review(ReviewOutcome.DROPPED)),
            (REASSIGN, "Reassign…", "", self.reassign),
            (REDATE, "New date…", "", self.redate),
            ("undo", "Undo", "Ctrl+Alt+Z", self.undo),
        ):
            plain = caption.replace("&", "").rstrip("…")
            button = QPushButton(caption)
            button.setObjectName(f"followUp_{key}")
            button.setAccessibleName(f"{plain} (selected action)")
            button.setStyleSheet("QPushButton { padding: 2px 8px; }")
            if shortcut:
                button.setShortcut(QKeySequence(shortcut))
            which = "the selected action, or else the last one marked" if key == "undo" else "the selected action"
            button.setToolTip(f"{plain}: {which}" + (f" ({shortcut})" if shortcut else ""))
            button.setWhatsThis(f"Follow-up: {plain.lower()}, {which}")  # as F1 lists its key
            button.clicked.connect(slot)
            self.heading.add(button, short={caption: SHORT_CAPTIONS[key]} if key in SHORT_CAPTIONS else None)
            self.buttons[key] = button
        layout.addWidget(self.heading)

        self.model = action_model("This session", self)
        self.table = CompactTable()
        self.table.setAccessibleName("Actions agreed in earlier sessions")  # the toggle above has TITLE
        self.table.setModel(self.model)
        configure_table(self.table)
        keep_words_readable(self.table)
        correct_in_place(self.table, self.model, context, self._say)
        self.whole_rows = WholeRows(self.table)
        layout.addWidget(self.whole_rows)
        self.message = QLabel()
        theme.set_role(self.message, "hint")
        self.message.hide()
        layout.addWidget(self.message)
        self.empty = QLabel("Nothing to follow up from earlier sessions.")
        theme.set_role(self.empty, "hint")
        layout.addWidget(self.empty)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)

    # -- loading ------------------------------------------------------------------------------------
    def set_session(self, team_id: int, session_id: int) -> None:
        self.team_id, self.session_id = team_id, session_id
        self._marked = []
        self._say("")
        self.reload()
        if self.model.rowCount():
            self.table.selectRow(0)

    def reload(self) -> None:
        row = self.table.currentIndex().row()
        if self.session_id is None:
            self.model.set_rows([])
        else:
            today = self.context.now().astimezone().date()
            self.model.set_rows(follow_up_rows(follow_up_actions(self.context.db, self.session_id), today))
        count = self.model.rowCount()
        to_review = sum(1 for r in self.model.rows() if r.review_id is None)
        still = f"({to_review})" if to_review else ""
        self.heading.captions[self.toggle] = {f"{SHORT_TITLE} {still}".strip(): still}
        self.toggle.setText(f"{SHORT_TITLE} {still}".strip())
        self.toggle.setAccessibleDescription(f"{to_review} of {count} still to review")
        self.toggle.setToolTip(f"{TITLE}: {to_review} of {count} still to review. Click to show or hide them.")
        # As tall as its rows, up to a few, when there is room; more scroll, because the pane shares the screen
        # with the notes. Pressed for room (a long question above), it gives way down to one row, never the notes.
        self.whole_rows.show_rows(1, min(count, VISIBLE_ROWS))
        self._show_content()
        if 0 <= row < count:
            self.table.selectRow(row)
        self._update_buttons()

    def set_compact(self, compact: bool) -> None:
        """Fold to the heading line while a quick item needs the room; the user's own choice is kept."""
        self._behind_tab = compact
        self._fold()

    def set_short(self, short: bool) -> None:
        self._short = short
        self._fold()

    def fold_while_shown(self, warning: QWidget, holds: Callable[[int], bool]) -> None:
        """In a short column, folded too while ``warning`` (the identifier warning under the notes) shows and the
        notes pane cannot hold its least height (the warning whole, the notes' lines) with the list's row: beside a
        suggestion under the demo's banner, the row left the notes a line and a half, and cut the warning's second
        line. ``holds(extra)`` says whether the pane has room for its least height grown by ``extra``. It unfolds
        once the warning goes, or the room comes, or at a click on its heading."""
        self._warning, self._holds = warning, holds
        warning.installEventFilter(self)

    def refit(self) -> None:
        """The room beside the notes changed: fold or unfold for the warning (:meth:`fold_while_shown`), unless a
        click on its heading showed it since the warning came."""
        if not self._shown_at_click:
            self._refold()

    def _fold(self) -> None:
        self._shown_at_click = False
        self._refold()

    def _refold(self) -> None:
        self.compact = self._behind_tab or self._cramped()
        self._show_content()

    def _cramped(self) -> bool:
        warned = self._short and self._warning is not None and not self._warning.isHidden()
        return warned and not self._holds(self._unfolded_extra())

    def _unfolded_extra(self) -> int:
        """What showing the list adds to the pane's least height as it stands: nothing while it shows, else its
        heading with the buttons and one row over the folded heading line. Measured so, the same room gives the
        same answer folded or not, and folding never asks to unfold."""
        if not self.compact or not self.model.rowCount():
            return 0
        heading = max(widget.minimumSizeHint().height() for widget in (self.toggle, *self.buttons.values()))
        shown = heading + SPACING + self.whole_rows.minimumSizeHint().height()
        return shown - min(self.minimumSizeHint().height(), self.maximumHeight())

    def _toggle_clicked(self) -> None:
        """A click on the heading of a list folded for the room shows it: the click had turned the toggle off first,
        and the list stayed folded until a second click."""
        if self.compact:
            self.compact, self._shown_at_click = False, True
            self.toggle.setChecked(True)
            self._show_content()

    def _show_content(self) -> None:
        expanded = self.toggle.isChecked() and not self.compact
        has_rows = self.model.rowCount() > 0
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded and has_rows else Qt.ArrowType.RightArrow)
        self.whole_rows.setVisible(expanded and has_rows)
        for button in self.buttons.values():
            button.setVisible(expanded and has_rows)
        self.message.setVisible(expanded and has_rows and bool(self.message.text()))
        # With nothing to follow up (a team's first session) the one line saying so stands alone: a heading above
        # it would share that line's height with it, and the two would be drawn over each other.
        self.heading.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        # Folded, it is its heading line and no more, even when the pane is short of room for everything: the
        # tab that needs the room gets it (a layout short of room otherwise shares the shortfall out).
        folded = self.toggle.sizeHint().height() if has_rows else self.empty.sizeHint().height()
        self.setMaximumHeight(UNLIMITED if expanded and has_rows else folded)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Given a height between two rows, the list shows the whole rows that fit, and the pixels over stayed in a
        blank band under it: the box gives them back, so it ends at its last row and the notes below take them. The
        box gets its room back when the pane's size changes (:meth:`eventFilter`) or the list is shown again."""
        super().resizeEvent(event)
        spare = self.whole_rows.height() - self.table.height()
        if spare > 0 and self.whole_rows.isVisible():
            self.setMaximumHeight(self.height() - spare)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.whole_rows.isVisible():
            self.setMaximumHeight(UNLIMITED)  # as tall as its rows again, where the pane now has the room
        if watched is self._warning and event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._fold()
        return super().eventFilter(watched, event)

    def event(self, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and event.type() == QEvent.Type.ParentAboutToChange:
            parent.removeEventFilter(self)
        elif parent is not None and event.type() == QEvent.Type.ParentChange:
            parent.installEventFilter(self)
        return super().event(event)

    def _update_buttons(self) -> None:
        """Only what makes sense for the selected action: a carried or closed one cannot be again. Done, Carry and
        Drop stay pressable on a settled row, to say why they change nothing (a dead button says nothing)."""
        index = self.table.currentIndex()
        closed = not index.isValid() or bool(index.data(ActionRole.CLOSED))
        for key in ("done", "carry", "drop"):
            self.buttons[key].setEnabled(index.isValid())
        for key in ("reassign", "redate"):
            self.buttons[key].setEnabled(not closed)
        selected = index.isValid() and index.data(ActionRole.REVIEW_ID) is not None
        self.buttons["undo"].setEnabled(selected or self._last_marked_row() is not None)

    # -- reviewing ----------------------------------------------------------------------------------
    def _selected(self) -> Action | None:
        index = self.table.currentIndex()
        if not index.isValid() or self.session_id is None:
            self._say("Select an action first.", error=True)
            return None
        return get_action(self.context.db, int(index.data(ActionRole.ACTION_ID)))

    def review(self, outcome: ReviewOutcome) -> None:
        action = self._selected()
        if action is None or self.session_id is None:
            return
        row = self.model.row_at(self.table.currentIndex().row())
        if row.review_id is not None:
            self._say(
                f"Nothing changed: “{in_a_line(row.text)}” is already marked {row.state.lower()} in this session. "
                "Press Undo first to choose again.",
                error=True,
            )
            return
        self._review(action.id, self.session_id, outcome, self.context.now())

    def _review(self, action_id: int, session_id: int, outcome: ReviewOutcome, now: datetime) -> None:
        def write() -> None:
            review_follow_up(self.context.db, action_id, session_id, outcome, now)
            self._marked.append(action_id)

        self._write(
            write,
            retry=partial(self._review, action_id, session_id, outcome, now),
            key=("review", action_id, session_id),
        )

    def reassign(self) -> None:
        action = self._selected()
        if action is None or self.session_id is None:
            return
        dialog = self._dialog(action, change_owner=True)
        if dialog.exec() != ChangeActionDialog.DialogCode.Accepted:
            return
        member_id, name = dialog.owner
        self._reassign(action.id, self.session_id, self.context.now(), member_id, name)

    def _reassign(
        self, action_id: int, session_id: int, now: datetime, member_id: int | None, name: str | None
    ) -> None:
        self._write(
            lambda: reassign_follow_up(
                self.context.db, action_id, session_id, now, owner_member_id=member_id, owner_name=name
            ),
            retry=partial(self._reassign, action_id, session_id, now, member_id, name),
            key=("reassign", action_id, session_id),
        )

    def redate(self) -> None:
        action = self._selected()
        if action is None or self.session_id is None:
            return
        dialog = self._dialog(action, change_owner=False)
        if dialog.exec() != ChangeActionDialog.DialogCode.Accepted:
            return
        self._redate(action.id, self.session_id, self.context.now(), dialog.due)

    def _redate(self, action_id: int, session_id: int, now: datetime, due: date | None) -> None:
        passed = passed_note(due, now.astimezone().date())
        self._write(
            lambda: redate_follow_up(self.context.db, action_id, session_id, now, due=due),
            retry=partial(self._redate, action_id, session_id, now, due),
            key=("redate", action_id, session_id),
            said=f"New due date {format_uk(due)}{passed}." if due is not None and passed else "",
        )

    def _dialog(self, action: Action, *, change_owner: bool) -> ChangeActionDialog:
        now = self.context.now()
        team_id = self.team_id if self.team_id is not None else action.team_id
        return ChangeActionDialog(
            action,
            members=list_members(self.context.db, team_id) if change_owner else (),
            change_owner=change_owner,
            today=now.astimezone().date(),
            next_session=next_session_day(self.context.db, team_id, now),
            parent=self,
        )

    def undo(self) -> None:
        """Undo the selected action's outcome, or else the last one marked in this session (selecting it)."""
        index = self.table.currentIndex()
        review_id = index.data(ActionRole.REVIEW_ID) if index.isValid() else None
        if review_id is None:
            row = self._last_marked_row()
            if row is None:
                return
            self.table.selectRow(row)
            review_id = self.model.row_at(row).review_id
        if review_id is not None:
            self._undo(int(review_id))

    def _last_marked_row(self) -> int | None:
        """The row of the last action marked Done, Carried or Dropped here and still marked, if any."""
        rows = self.model.rows()
        for action_id in reversed(self._marked):
            found = next((i for i, row in enumerate(rows) if row.action_id == action_id), None)
            if found is not None and rows[found].review_id is not None:
                return found
        return None

    def _undo(self, review_id: int) -> None:
        self._write(
            lambda: undo_review(self.context.db, review_id),
            retry=partial(self._undo, review_id),
            key=("undo", review_id),
        )

    def _write(
        self, write: Callable[[], object], *, retry: Callable[[], object], key: Hashable, said: str = ""
    ) -> None:
        """Every review goes through the window's write guard: a refused one changes nothing here, and waits."""
        try:
            saved = self.context.writes.run(write, retry=retry, key=key)
        except ValueError as exc:
            self._say(str(exc), error=True)
            return
        if saved is not None:
            self._after(said)

    def _say(self, message: str, *, error: bool = False, warning: bool = False) -> None:
        """Feedback under the list, shown only while there is something to say."""
        show_message(self.message, message, error=error, warning=warning)
        self.message.setVisible(bool(message) and self.table.isVisible())

    def _after(self, said: str = "") -> None:
        """The list shows the outcome itself; any earlier complaint no longer applies."""
        self.reload()
        self._say(said)
        self.changed.emit()
