"""The live session's participation state: the core tally, kept in step with the store row by row.

Every act is written the moment it is made and Undo takes back the last, in the order made: a tick or a marker
(:mod:`~copdesk.views.live.participation.room_markers`) whose row it deletes, a mark of someone leaving or coming back
(:mod:`~copdesk.views.live.participation.away_marks`), or someone taken off as marked present by mistake, whom it puts
back (:mod:`~copdesk.views.live.participation.taken_off`); so a crash loses nothing and leaves nothing taken back. Each
write goes through the window's write guard and the tally changes only once it is saved: a refused tick is not counted
(Retry saves and counts it, at the moment it was made), and a refused undo leaves the tick counted. A talk-time stint is
written as a plain tick when it starts and gets its duration when it stops, so a crash mid-stint still keeps the count.
Times in the tally are monotonic (differences only); the store keeps wall-clock stamps, and :meth:`LiveTally.load`
converts them back when a session is resumed after a restart, with who came late or had left and when, and who was taken
off by mistake, and places every act in the order made (kept in the store: :mod:`copdesk.store.live_acts`), so Undo
takes them back in that order as it would have before the restart. Latecomers keep their tiles after the others', in the
order they came, so no number key moves.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import partial

from PySide6.QtCore import QObject, Signal

from copdesk.core.clock import from_utc_iso
from copdesk.core.model import MarkerKind, Member
from copdesk.core.participation import CONTRIBUTIONS, Contribution, Measure, Tally, quiet_members
from copdesk.core.picker import RoomSignal, room_signal
from copdesk.core.text import NameSortKey, name_sort_key
from copdesk.services import participation as log
from copdesk.store import live_acts, participation, sessions, teams
from copdesk.views.context import AppContext
from copdesk.views.live.participation.away_marks import AwayMark, AwayMarks
from copdesk.views.live.participation.monotonic_points import monotonic_at, monotonic_from
from copdesk.views.live.participation.quiet_setting import stored_quiet_minutes
from copdesk.views.live.participation.room_markers import RoomMarkers
from copdesk.views.live.participation.taken_off import Removals


class Act(Enum):
    """What Undo can take back, in the order made."""

    TICK = "tick"
    MARKER = "marker"
    REMOVAL = "removal"
    AWAY = "away"


class LiveTally(QObject):
    """One session's roster, contributions and markers; :attr:`changed` fires after every change."""

    changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self.members: list[Member] = []
        self.tally = Tally(context.monotonic)
        self.room = RoomMarkers(context)  # the markers about the room, in the order made
        self.session_start = context.monotonic()
        self.quiet_after_minutes = stored_quiet_minutes(context)
        self._row_ids: list[int] = []  # the store row of each tally entry, index for index
        self._acts: list[Act] = []  # in the order made: what Undo takes back
        self.removals = Removals(context)  # each person taken off as present by mistake, kept for Undo
        self.away = AwayMarks(context)  # who has left the session, and each mark of leaving or coming back
        self._arrived: dict[int, str] = {}  # who was marked present after the start, and when (a stored stamp)
        self._arrival_order: dict[int, int] = {}  # the place of each of them in the order marked present
        self._stint_index: int | None = None  # the entry of the running stint, to save its duration

    # -- loading --------------------------------------------------------------------------------
    def load(self, session_id: int) -> None:
        """Take up a session: its attendees, and anything already recorded (a resume after a restart)."""
        db = self.context.db
        self.session_id = session_id
        self._read_arrivals(session_id)
        self.members = self._present_members(session_id)
        rows = participation.contributions(db, session_id)
        placed = live_acts.placing(db, session_id)
        self._row_ids = [row.id for row in rows]
        self.tally = Tally(
            self.context.monotonic,
            [Contribution(row.member_id, monotonic_at(self.context, row.at), row.duration_seconds) for row in rows],
        )
        self._stint_index = None
        marker_rows = participation.markers(db, session_id)
        self.room.load(marker_rows, partial(monotonic_at, self.context))
        made = [(placed(live_acts.Act.TICK, r.id, from_utc_iso(r.at)), Act.TICK) for r in rows]
        made += [(placed(live_acts.Act.MARKER, r.id, from_utc_iso(r.at)), Act.MARKER) for r in marker_rows]
        made += [(place, Act.AWAY) for place, _ in self.away.load(session_id, self.members, placed)]
        session = sessions.get_session(db, session_id)
        made += [(place, Act.REMOVAL) for place, _ in self.removals.load(session_id, session.team_id, placed)]
        self._acts = [act for _, act in sorted(made, key=lambda a: a[0])]
        started_at = session.started_at
        self.session_start = monotonic_at(self.context, started_at) if started_at else self.context.monotonic()
        self.changed.emit()

    def reload_roster(self) -> None:
        """Pick up people marked present after the start, keeping the tally.

        Latecomers join at the end, in name order among themselves, so the number keys 1-9 keep meaning the
        people they meant before; their quiet time counts from when they came.
        """
        if self.session_id is None:
            return
        self._read_arrivals(self.session_id)
        present = {member.id: member for member in self._present_members(self.session_id)}
        staying = [present.pop(member.id) for member in self.members if member.id in present]
        self.members = staying + list(present.values())
        kept = iter(self.removals.keep_stored(self.session_id))  # someone taken off and added again: no Undo left
        self._acts = [act for act in self._acts if act is not Act.REMOVAL or next(kept)]
        self.changed.emit()

    def finish(self) -> None:
        """Close a running stint so its duration is saved, then forget the session."""
        self.stop_speaking()
        self.session_id = None
        self.members = []
        self.tally = Tally(self.context.monotonic)
        self.room.clear()
        self._row_ids = []
        self._acts = []
        self.removals.clear()
        self.away.clear()
        self._arrived, self._arrival_order = {}, {}
        self.changed.emit()

    def _present_members(self, session_id: int) -> list[Member]:
        """Those there from the start in name order, then latecomers in the order marked present (each batch in name
        order), two batches of the same second too: the order the tiles took during the session, so the number keys
        mean the same people after a resume as before it."""
        db = self.context.db
        present = (teams.get_member(db, member_id) for member_id in sessions.attendee_ids(db, session_id))
        return sorted(present, key=self._tile_key)

    def _tile_key(self, member: Member) -> tuple[int, NameSortKey]:
        return self._arrival_order.get(member.id, -1), name_sort_key(member.display_name)

    def _read_arrivals(self, session_id: int) -> None:
        self._arrived = sessions.arrivals(self.context.db, session_id)
        self._arrival_order = {member_id: place for place, member_id in enumerate(self._arrived)}

    # -- recording ------------------------------------------------------------------------------
    @property
    def is_live(self) -> bool:
        return self.session_id is not None

    def log(self, member_id: int) -> bool:
        """One contribution, saved before the display changes; False (nothing counted) when it was refused."""
        if self.session_id is None:
            return False
        return self._log_at(self.session_id, member_id, self.context.monotonic(), self.context.now())

    def _log_at(self, session_id: int, member_id: int, moment: float, wall: datetime) -> bool:
        """The tick made at ``moment`` (monotonic) and ``wall``; a retry replays it with its own time."""
        if self.session_id != session_id:
            return False
        saved = self.context.writes.run(
            lambda: log.log_contribution(self.context.db, session_id, member_id, wall),
            retry=partial(self._log_at, session_id, member_id, moment, wall),
        )
        if saved is None:
            return False
        self.tally.log_contribution(member_id, at=moment)
        self._row_ids.append(saved.value)
        self._acts.append(Act.TICK)
        self.changed.emit()
        return True

    def toggle_speaking(self, member_id: int) -> None:
        """Talk-time mode: the speaker's second press stops them; anyone else's press hands over the turn.

        The new speaker's row is saved first; if that is refused, the turn does not change (Retry counts
        the press as a contribution at the moment it was made).
        """
        session_id = self.session_id
        if session_id is None:
            return
        if self.tally.speaker == member_id:
            self.stop_speaking()
            return
        moment, wall = self.context.monotonic(), self.context.now()
        saved = self.context.writes.run(
            lambda: log.log_contribution(self.context.db, session_id, member_id, wall),
            retry=partial(self._log_at, session_id, member_id, moment, wall),
        )
        if saved is None:
            return
        self._save_duration(self.tally.start_speaking(member_id))
        self._stint_index = len(self._row_ids)
        self._row_ids.append(saved.value)
        self._acts.append(Act.TICK)
        self.changed.emit()

    def stop_speaking(self) -> None:
        if self.tally.speaker is None:
            return
        self._save_duration(self.tally.stop_speaking())
        self.changed.emit()

    def last_act(self) -> MarkerKind | int | Member | AwayMark | None:
        """What Undo would take back: the kind of a marker, the member id of a contribution, the person taken off, or
        the mark of someone leaving or coming back."""
        if not self._acts:
            return None
        if self._acts[-1] is Act.MARKER:
            return self.room.marks[-1][0]
        if self._acts[-1] is Act.AWAY:
            return self.away.marks[-1]
        return (
            self.removals.removed[-1].member
            if self._acts[-1] is Act.REMOVAL
            else self.tally.contributions[-1].member_id
        )

    def undo(self) -> Contribution | MarkerKind | Member | AwayMark | None:
        """Take back the last contribution (a running stint is cancelled) or marker, whichever was made last: its row
        is deleted first, and the count changes only once that is saved, so the display and the store never
        disagree. A marker pressed by mistake on a shared screen goes as a tick does, someone taken off as marked
        present by mistake comes back (:meth:`_take_back`), and a mark of leaving or coming back is taken back."""
        if not self._acts or self.session_id is None:
            return None
        if self._acts[-1] is not Act.TICK:
            return self._take_back(self.session_id)
        row_id = self._row_ids[-1]
        deleted = self.context.writes.run(lambda: log.undo_contribution(self.context.db, row_id))
        if deleted is None:
            return None  # still counted, as it is still stored; Undo again once the database takes writes
        undone = self.tally.undo_last()
        self._row_ids.pop()
        self._acts.pop()
        if self._stint_index == len(self._row_ids):
            self._stint_index = None
        self.changed.emit()
        return undone

    def taken_off(self, member_id: int, taken_off_id: int) -> None:
        """Someone marked present by mistake was taken off the attendance (kept in the store as ``taken_off_id``):
        their tile goes, and Undo puts them back."""
        index = self.member_ids().index(member_id)
        self.removals.add(self.members.pop(index), taken_off_id)
        self._acts.append(Act.REMOVAL)
        self.changed.emit()

    @property
    def left_at(self) -> dict[int, datetime]:
        """Who has left the session (for a while or for good), and when (wall clock): their tile stays."""
        return self.away.left_at

    def marked_away(self, mark: AwayMark) -> None:
        """Saved: they left (their tile stays, so no number key moves; they no longer count as quiet, and a talk-time
        stint of theirs ends), or they are back in the session. Undo takes it back."""
        self.away.add(mark)
        if not mark.back and self.tally.speaker == mark.member.id:
            self.stop_speaking()
        self._acts.append(Act.AWAY)
        self.changed.emit()

    def _take_back(self, session_id: int) -> MarkerKind | Member | AwayMark | None:
        """Take back the last marker, mark of leaving or coming back, or removal (someone taken off comes back on the
        tile they had, as the tiles keep the order of :meth:`_present_members`: no contribution is logged, since none
        could be when they were taken off and Undo took back any since, so no number key moves). Refused by the
        session (it ended, or a guest of the same name was added since), the act is dropped and the ``ValueError``
        says why; refused by the disk, it stays, as it is still stored."""
        take_back: Callable[[int], MarkerKind | Member | AwayMark | None] = {
            Act.MARKER: self.room.take_back,
            Act.AWAY: self.away.take_back,
            Act.REMOVAL: self.removals.put_back,
        }[self._acts[-1]]
        try:
            undone = take_back(session_id)
        except ValueError:
            self._acts.pop()
            self.changed.emit()
            raise
        if undone is None:
            return None
        self._acts.pop()
        if isinstance(undone, Member):
            self._read_arrivals(session_id)
            self.members.insert(bisect_right([self._tile_key(m) for m in self.members], self._tile_key(undone)), undone)
        self.changed.emit()
        return undone

    def add_marker(self, kind: MarkerKind) -> bool:
        """A marker about the room: the store has no column for a person, and none is passed. False if refused."""
        if self.session_id is None:
            return False
        return self._add_marker_at(self.session_id, kind, self.context.monotonic(), self.context.now())

    def _add_marker_at(self, session_id: int, kind: MarkerKind, moment: float, wall: datetime) -> bool:
        if self.session_id != session_id:
            return False
        saved = self.context.writes.run(
            lambda: log.log_marker(self.context.db, session_id, kind, wall),
            retry=partial(self._add_marker_at, session_id, kind, moment, wall),
        )
        if saved is None:
            return False
        self.room.add(kind, moment, saved.value)
        self._acts.append(Act.MARKER)
        self.changed.emit()
        return True

    def set_quiet_after_minutes(self, minutes: int) -> None:
        """Applied at once; saved for next time through the write guard (Retry saves the latest choice)."""
        self.quiet_after_minutes = minutes
        self.changed.emit()
        self.context.writes.run(
            lambda: log.set_quiet_after_minutes(self.context.db, minutes),
            retry=partial(self.set_quiet_after_minutes, minutes),
            key="quiet after minutes",
        )

    def _save_duration(self, ended: Contribution | None) -> None:
        if ended is None or self._stint_index is None:
            return
        self._write_duration(self._row_ids[self._stint_index], ended.duration or 0)
        self._stint_index = None

    def _write_duration(self, row_id: int, seconds: float) -> None:
        """A stint's length; refused, the row still counts as a tick, and Retry adds the length."""
        self.context.writes.run(
            lambda: log.end_stint(self.context.db, row_id, seconds),
            retry=partial(self._write_duration, row_id, seconds),
            key=("duration", row_id),
        )

    # -- reading --------------------------------------------------------------------------------
    @property
    def quiet_after_seconds(self) -> float:
        return 60.0 * self.quiet_after_minutes

    def member_ids(self) -> list[int]:
        return [member.id for member in self.members]

    def name_of(self, member_id: int) -> str:
        return next(member.display_name for member in self.members if member.id == member_id)

    def values(self, measure: Measure) -> list[float]:
        """One figure per person present, zeros included, for the balance metrics."""
        if measure is CONTRIBUTIONS:
            counts = self.tally.counts()
            return [float(counts.get(member_id, 0)) for member_id in self.member_ids()]
        seconds = self.tally.talk_seconds()
        return [seconds.get(member_id, 0.0) for member_id in self.member_ids()]

    def still_here(self) -> list[int]:
        """The people present who have not left, in tile order."""
        return [member_id for member_id in self.member_ids() if member_id not in self.left_at]

    def quiet_ids(self) -> list[int]:
        """Present, still here, and not heard for the configured while (or at all since the start).

        Nobody, while no contribution has been logged at all: then the room has not been tallied yet, and every
        tile turning amber at once would say nothing about anyone (the balance line says "No contributions
        logged yet" instead)."""
        if not self.tally.last_heard_at():
            return []
        now = self.context.monotonic()
        return quiet_members(self.still_here(), self._quiet_from(), self.session_start, now, self.quiet_after_seconds)

    def silent_for(self, member_id: int) -> float:
        """Seconds since this person was last heard (or since the start, or since they came in late or back)."""
        heard = self._quiet_from().get(member_id, self.session_start)
        return max(0.0, self.context.monotonic() - heard)

    def _quiet_from(self) -> dict[int, float]:
        """When each person was last heard, or came in (late, or back after leaving) if that was later: a colleague
        who has just walked in has not been quiet for the whole session."""
        since = dict(self.tally.last_heard_at())
        came = [(member_id, monotonic_at(self.context, stamp)) for member_id, stamp in self._arrived.items()]
        came += [(member_id, monotonic_from(self.context, at)) for member_id, at in self.away.came_back().items()]
        for member_id, moment in came:
            since[member_id] = max(since.get(member_id, moment), moment)
        return since

    def marker_count(self, kind: MarkerKind) -> int:
        return self.room.count(kind)

    def room_signal(self) -> RoomSignal | None:
        if self.session_id is None:
            return None
        heard = self.tally.last_heard_at()
        return room_signal(
            self.still_here() if heard else [],  # nobody tallied yet: no quiet voice to suggest a prompt for
            self._quiet_from().items(),
            self.room.marks,
            self.context.monotonic(),
            session_start=self.session_start,
            quiet_after_seconds=self.quiet_after_seconds,
        )
