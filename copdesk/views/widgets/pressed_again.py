"""One press, one act: a press that comes again within a double-click's time of the last one that acted is that
press again (a double click on a button, a key that bounced), not a second request.

Next segment, +5 min, Undo in the participation pane and the room markers each count once per press: a second
segment closed before anyone saw it, 10 minutes given for 5, two tallies taken back or two markers logged for one
would all be silent mistakes in the meeting's record. A held key is the actions' own (``setAutoRepeat(False)``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QGuiApplication


class PressedAgain:
    """Remembers when each kind of press last acted, on the given monotonic clock (the fake one in tests)."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._acted_at: dict[str, float] = {}  # monotonic seconds of the last press of each kind that acted

    def pressed_again(self, what: str) -> bool:
        """Whether this press of ``what`` is the last one again, to be ignored; otherwise it acts, and is remembered."""
        now, last = self._clock(), self._acted_at.get(what)
        repeat_within = QGuiApplication.styleHints().mouseDoubleClickInterval() / 1000
        if last is not None and 0 <= now - last < repeat_within:
            return True
        self._acted_at[what] = now
        return False

    def once(self, what: str, act: Callable[[], object]) -> Callable[[], None]:
        """A slot for a button's ``clicked`` that does ``act`` unless the press is the last one again."""

        def act_once() -> None:
            if not self.pressed_again(what):
                act()

        return act_once
