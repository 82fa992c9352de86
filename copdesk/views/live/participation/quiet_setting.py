"""The *Quiet* minutes: how long someone present may go without a contribution before their tile shows them as quiet,
chosen in the participation pane and kept for next time."""

from __future__ import annotations

from copdesk.store import settings
from copdesk.views.context import AppContext

QUIET_MINUTES_LIMIT = 60


def stored_quiet_minutes(context: AppContext) -> int:
    """The saved threshold, or the default when the stored text is not a sensible number of minutes."""
    try:
        minutes = settings.get_int_setting(context.db, settings.QUIET_AFTER_MINUTES)
    except ValueError:
        minutes = 0
    return minutes if 1 <= minutes <= QUIET_MINUTES_LIMIT else int(settings.DEFAULTS[settings.QUIET_AFTER_MINUTES])
