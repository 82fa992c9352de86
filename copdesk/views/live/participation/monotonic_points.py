"""Where stored wall-clock moments fall on the monotonic clock the live tally counts in: a session resumed after a
restart places its ticks, markers and comings and goings by counting back from now."""

from __future__ import annotations

from datetime import datetime

from copdesk.core.clock import from_utc_iso
from copdesk.views.context import AppContext


def monotonic_at(context: AppContext, stamp: str) -> float:
    """Where a stored wall-clock stamp falls on the monotonic clock, counting back from now."""
    return monotonic_from(context, from_utc_iso(stamp))


def monotonic_from(context: AppContext, moment: datetime) -> float:
    """Where a wall-clock moment falls on the monotonic clock, counting back from now."""
    ago = (context.now() - moment).total_seconds()
    return context.monotonic() - max(0.0, ago)
