"""What ``copdesk.app`` hands to every view: the open store, the clocks and the shipped resources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.clock import MonotonicClock, WallClock


@dataclass(frozen=True)
class AppContext:
    db: Database
    db_path: Path
    monotonic: MonotonicClock
    now: WallClock
    resources: Path

    def resource(self, *parts: str) -> Path:
        return self.resources.joinpath(*parts)
