"""The live session's engagement markers: each about the room, never a person, with its store row, kept for Undo in the
order made. A marker pressed by mistake on a shared screen is taken back as a tick is: its row goes first."""

from __future__ import annotations

from collections.abc import Callable

from copdesk.core.model import MarkerKind
from copdesk.services import participation as log
from copdesk.store.participation import MarkerRow
from copdesk.views.context import AppContext


class RoomMarkers:
    def __init__(self, context: AppContext) -> None:
        self.context = context
        self.marks: list[tuple[MarkerKind, float]] = []  # each kind, and when (monotonic), in the order made
        self._row_ids: list[int] = []  # the store row of each, index for index

    def load(self, rows: list[MarkerRow], monotonic_at: Callable[[str], float]) -> None:
        """Take up a session's markers (a resume after a restart), placing each stored stamp on the monotonic clock."""
        self.marks = [(row.kind, monotonic_at(row.at)) for row in rows]
        self._row_ids = [row.id for row in rows]

    def clear(self) -> None:
        self.marks = []
        self._row_ids = []

    def add(self, kind: MarkerKind, moment: float, row_id: int) -> None:
        """A marker saved in the store as ``row_id``."""
        self.marks.append((kind, moment))
        self._row_ids.append(row_id)

    def take_back(self, _session_id: int) -> MarkerKind | None:
        """Undo the last: its row is deleted first (None while the disk refuses it: still counted, as still stored)."""
        row_id = self._row_ids[-1]
        if self.context.writes.run(lambda: log.undo_marker(self.context.db, row_id)) is None:
            return None
        kind, _ = self.marks.pop()
        self._row_ids.pop()
        return kind

    def count(self, kind: MarkerKind) -> int:
        return sum(1 for marker_kind, _ in self.marks if marker_kind == kind)
