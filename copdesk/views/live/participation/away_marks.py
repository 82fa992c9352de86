"""Who is away from the live session now, and each mark of someone leaving or coming back, kept for Undo.

Each mark is a spell away in the store (:mod:`copdesk.store.time_away`): leaving begins one and coming back ends it,
so stepping out twice keeps both spells. Undo takes back the last mark: the spell it began goes, or the spell it
ended is open again. A spell keeps when it began and ended, so a session resumed after a restart has its marks
again, to be placed among the tally's other acts in the order they were made, and Undo still takes them back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from copdesk.core.model import Member
from copdesk.services import sessions as sessions_service
from copdesk.store import time_away
from copdesk.store.live_acts import Act, Place, Placing
from copdesk.views.context import AppContext


@dataclass(frozen=True, slots=True)
class AwayMark:
    """Someone marked as having left (``back_at`` None) or as back in the session at ``back_at``: the mark began or
    ended the spell away ``spell_id``, which began at ``left_at``."""

    member: Member
    spell_id: int
    left_at: datetime
    back_at: datetime | None

    @property
    def back(self) -> bool:
        return self.back_at is not None


class AwayMarks:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.left_at: dict[int, datetime] = {}  # who is away now, and since when (wall clock): their tile stays
        self.marks: list[AwayMark] = []  # in the order made: what Undo takes back

    def load(self, session_id: int, members: list[Member], placed: Placing) -> list[tuple[Place, AwayMark]]:
        """Take up a session's spells away (a resume after a restart): who is away now, and each mark with where
        ``placed`` puts it in the order made, in that order."""
        people = {member.id: member for member in members}
        made: list[tuple[Place, AwayMark]] = []
        for spell in time_away.spells(self.context.db, session_id):
            member = people[spell.member_id]
            left = AwayMark(member, spell.id, spell.left_at, None)
            made.append((placed(Act.LEFT, spell.id, spell.left_at), left))
            if spell.back_at is not None:
                back = AwayMark(member, spell.id, spell.left_at, spell.back_at)
                made.append((placed(Act.BACK, spell.id, spell.back_at), back))
        made.sort(key=lambda mark: mark[0])
        self.marks = [mark for _, mark in made]
        self.left_at = {}
        for mark in self.marks:
            self._show(mark)
        return made

    def came_back(self) -> dict[int, datetime]:
        """When each person last came back into the session, of those who did (wall clock)."""
        return {mark.member.id: mark.back_at for mark in self.marks if mark.back_at is not None}

    def clear(self) -> None:
        self.left_at = {}
        self.marks = []

    def add(self, mark: AwayMark) -> None:
        """A mark saved in the store: shown, and kept for Undo."""
        self._show(mark)
        self.marks.append(mark)

    def _show(self, mark: AwayMark) -> None:
        if mark.back:
            self.left_at.pop(mark.member.id, None)
        else:
            self.left_at[mark.member.id] = mark.left_at

    def take_back(self, session_id: int) -> AwayMark | None:
        """Undo the last mark: saved first, then shown (None while the disk refuses it, and it stays). Refused by the
        session (it ended), the mark is dropped and the ``ValueError`` says why."""
        mark = self.marks[-1]
        db, undo = self.context.db, sessions_service.undo_back if mark.back else sessions_service.undo_left
        try:
            saved = self.context.writes.run(lambda: undo(db, session_id, mark.spell_id))
        except ValueError:
            self.marks.pop()
            raise
        if saved is None:
            return None
        self.marks.pop()
        if mark.back:
            self.left_at[mark.member.id] = mark.left_at
        else:
            self.left_at.pop(mark.member.id, None)
        return mark
