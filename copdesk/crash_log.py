"""What CoPDesk does with a fault of its own: a log for whoever fixes it, never a word of the notes.

``COPDESK_DEBUG`` (set to anything but empty or ``0``) asks for the whole traceback, message included, on
stderr: for a developer or an IT colleague reproducing a fault on purpose, who chooses to see what it quotes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

DEBUG_VARIABLE = "COPDESK_DEBUG"


def debug_requested(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``COPDESK_DEBUG`` asks for whole tracebacks."""
    value = (os.environ if environ is None else environ).get(DEBUG_VARIABLE, "").strip()
    return value not in ("", "0")
