"""What ``copdesk.app`` hands to every view: the open store, the clocks and the shipped resources.

It also carries :attr:`AppContext.writes`, the one :class:`WriteGuard` every user-initiated write of the
window goes through, so a refused write is said in one place (the window's banner strip) whichever pane
made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.clock import MonotonicClock, WallClock
from copdesk.views.write_guard import WriteGuard


@dataclass(frozen=True)
class AppContext:
    db: Database
    db_path: Path
    monotonic: MonotonicClock
    now: WallClock
    resources: Path
    writes: WriteGuard = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "writes", WriteGuard())

    def resource(self, *parts: str) -> Path:
        return self.resources.joinpath(*parts)
