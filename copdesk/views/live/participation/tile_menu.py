"""A tile's menu in the participation pane (a right click, or the Menu key): mark someone as having left the session,
or back in it, and take back a mark of present made by mistake.

Each mark is saved through the window's write guard before the tiles change: a refusal of the disk waits for Retry,
which saves it as it was made (the time someone left, on this session only); one of the session's own (it ended
meanwhile, something of theirs was recorded) is said in the status bar. The live tally keeps each saved mark in the
order made, so Undo takes it back as it does a tally.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from datetime import datetime
from functools import partial
from typing import TypeVar

from PySide6.QtWidgets import QMenu, QWidget

from copdesk.core.date_names import clock_time
from copdesk.services.sessions import mark_back, mark_left, remove_attendee
from copdesk.store import sessions
from copdesk.views.context import AppContext
from copdesk.views.live.participation.away_marks import AwayMark
from copdesk.views.live.participation.live_tally import LiveTally
from copdesk.views.write_guard import Written

T = TypeVar("T")


class TileMenu:
    """Builds a tile's menu and saves what it marks. ``say`` puts a refusal of the session's own in the status bar;
    ``roster_changed`` shows the tiles afresh once someone is taken off."""

    def __init__(
        self, context: AppContext, tally: LiveTally, *, say: Callable[[str], None], roster_changed: Callable[[], None]
    ) -> None:
        self.context = context
        self.tally = tally
        self._say = say
        self._roster_changed = roster_changed

    def build(self, member_id: int, parent: QWidget) -> QMenu:
        """Mark them as having left the session, or back in it; and take back a mark of present made by mistake (it
        feeds the team's history and the person's CPD evidence), greyed with the reason once anything of theirs is
        recorded in the session."""
        session_id = self.tally.session_id
        assert session_id is not None
        name = self.tally.name_of(member_id)
        menu = QMenu(parent)
        left = self.tally.left_at.get(member_id)
        if left is None:
            leaving = menu.addAction(f"Left the session: {name} has gone")
            leaving.triggered.connect(partial(self.set_left, member_id, None))
        else:
            back = menu.addAction(f"Back in the session: {name} came back (marked as leaving at {clock_time(left)})")
            back.triggered.connect(partial(self.set_back, member_id))
        reason = sessions.why_attendance_stays(self.context.db, session_id, member_id)
        action = menu.addAction(f"Not here: {name} was marked present by mistake")
        if reason is None:
            action.triggered.connect(partial(self.remove_present, member_id))
        else:
            action.setEnabled(False)
            action.setToolTip(f"Still marked present: {reason}.")
            menu.setToolTipsVisible(True)
        return menu

    def set_left(self, member_id: int, at: datetime | None = None, session_id: int | None = None) -> bool:
        """They left the session at ``at`` (now, from the menu), for a while or for good: saved, then shown. A refusal
        of the disk waits for Retry with the time they left; one of the session's own (it ended meanwhile) is said in
        the status bar."""
        return self._save_away(member_id, self.context.now() if at is None else at, session_id, back=False)

    def set_back(self, member_id: int, at: datetime | None = None, session_id: int | None = None) -> bool:
        """They came back at ``at`` (now, from the menu): their time away ends there, and they are present again."""
        return self._save_away(member_id, self.context.now() if at is None else at, session_id, back=True)

    def _save_away(self, member_id: int, at: datetime, session_id: int | None, *, back: bool) -> bool:
        session_id = self.tally.session_id if session_id is None else session_id
        if session_id is None or session_id != self.tally.session_id or member_id not in self.tally.member_ids():
            return False
        db = self.context.db
        mark, retry = (mark_back, self.set_back) if back else (mark_left, self.set_left)
        saved = self._saved(
            partial(mark, db, session_id, member_id, at),
            partial(retry, member_id, at, session_id),
            ("away", session_id, member_id),
        )
        if saved is None:
            return False
        member, spell = self.tally.members[self.tally.member_ids().index(member_id)], saved.value
        self.tally.marked_away(AwayMark(member, spell.id, spell.left_at, spell.back_at if back else None))
        return True

    def remove_present(self, member_id: int, session_id: int | None = None) -> bool:
        """Take them off the session's attendance; the tiles show who is left. A refusal of the disk waits for Retry,
        which acts on this session only; one of the session's own (a contribution logged meanwhile, the session ended)
        is said in the status bar."""
        session_id = self.tally.session_id if session_id is None else session_id
        if session_id is None or session_id != self.tally.session_id:
            return False
        work, retry = (
            partial(remove_attendee, self.context.db, session_id, member_id),
            partial(self.remove_present, member_id, session_id),
        )
        saved = self._saved(work, retry, ("not present", session_id, member_id))
        if saved is None:
            return False
        self.tally.taken_off(member_id, saved.value)
        self._roster_changed()
        return True

    def _saved(self, work: Callable[[], T], retry: Callable[[], object], key: Hashable) -> Written[T] | None:
        """A change to the session's attendance, through the write guard: None when the disk refused it (it waits for
        ``retry``) or the session did (it ended meanwhile, something was recorded: said in the status bar)."""
        try:
            return self.context.writes.run(work, retry=retry, key=key)
        except ValueError as refused:
            self._say(str(refused))
            return None
