"""Who was taken off the live session's attendance as marked present by mistake, kept for Undo in the order taken off.

Each is kept in the store with when they had come (:mod:`copdesk.store.live_acts`), so a session resumed after a
restart puts them back as Undo would have before it: a member as themselves, and a guest added for this session alone,
who left the team's roster with it, under the same name.
"""

from __future__ import annotations

from typing import NamedTuple

from copdesk.core.model import Member, Role
from copdesk.services import sessions as sessions_service
from copdesk.store import live_acts, teams
from copdesk.store.live_acts import Act, Place, Placing, TakenOff
from copdesk.views.context import AppContext


class Removal(NamedTuple):
    """Someone taken off as marked present by mistake, and the store row that keeps them for Undo."""

    member: Member
    taken_off_id: int


class Removals:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.removed: list[Removal] = []  # in the order taken off: what Undo puts back

    def load(self, session_id: int, team_id: int, placed: Placing) -> list[tuple[Place, Removal]]:
        """Take up those taken off a session (a resume after a restart), each with where ``placed`` puts it in the
        order made."""
        self.removed = [self._removal(row, team_id) for row in live_acts.taken_off(self.context.db, session_id)]
        return [(placed(Act.TAKEN_OFF, removal.taken_off_id, None), removal) for removal in self.removed]

    def _removal(self, row: TakenOff, team_id: int) -> Removal:
        if row.member_id is not None:
            return Removal(teams.get_member(self.context.db, row.member_id), row.id)
        return Removal(Member(0, team_id, row.guest_name or "", Role.GUEST), row.id)

    def clear(self) -> None:
        self.removed = []

    def keep_stored(self, session_id: int) -> list[bool]:
        """Drop those the store no longer keeps (marked present again with Add person…); for each kept before, in
        order, whether it stays."""
        stored = {row.id for row in live_acts.taken_off(self.context.db, session_id)}
        staying = [removal.taken_off_id in stored for removal in self.removed]
        self.removed = [removal for removal in self.removed if removal.taken_off_id in stored]
        return staying

    def add(self, member: Member, taken_off_id: int) -> None:
        """Taken off, and kept in the store as ``taken_off_id``: Undo puts them back."""
        self.removed.append(Removal(member, taken_off_id))

    def put_back(self, session_id: int) -> Member | None:
        """Undo the last: present again, saved first (None while the disk refuses it, and it stays), as the member now
        present (a guest added again has an id of their own). Refused by the session (it ended, or a guest of the same
        name was added since), it is dropped and the ``ValueError`` says why."""
        db, removal = self.context.db, self.removed[-1]
        try:
            saved = self.context.writes.run(
                lambda: sessions_service.put_back_attendee(db, session_id, removal.taken_off_id, self.context.now())
            )
        except ValueError:
            self.removed.pop()
            raise
        if saved is None:
            return None
        self.removed.pop()
        return teams.get_member(db, saved.value)
