"""When a live session was last in use, offered as its end for a session left running: overnight, or across a sleep.

A facilitator who closes the lid on a live session (or walks away from it) and ends it the next morning would
otherwise end a session of 17 hours: in its record, in the quarterly figures and in every attendee's CPD evidence,
which counts a session's minutes towards their hours. So the end question (and, on waking, the Live view's banner)
also offers to end it when it was last in use, and says both times.

*Last in use* is the last thing recorded in the session (a contribution, a marker, a note or item typed, a question
shown, someone marked present late, leaving or coming back, a segment's end) or done on its timer (start, Space, N,
+5 min, re-time). It is not the moment the laptop went to sleep: a laptop left alone sleeps by itself after its idle
time (Windows' defaults are 15 minutes on battery and 30 on mains), which would then count towards everyone's hours,
while a meeting that goes on is recorded as it goes (N at each segment, the learning and actions at the close), so
its last record is minutes from its end. A few minutes too few is the safer error in CPD evidence, and the question
shows both times.

It is offered when the laptop slept for :data:`LONG_SLEEP_SECONDS` or more (half a one-hour session: longer than
any break in one, so a facilitator back from a 10- or 20-minute break is told the laptop slept, as before, and
asked nothing), or when the session is :data:`PAST_THE_AGENDA_SECONDS` past its agenda's end and has not been used
for :data:`UNUSED_SECONDS` (an hour leaves room for a session that overran by choice, and a facilitator still
recording things at the end is not asked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from copdesk.core.date_names import time_on_day
from copdesk.core.pacing import format_minutes

LONG_SLEEP_SECONDS = 30 * 60
PAST_THE_AGENDA_SECONDS = 60 * 60
UNUSED_SECONDS = 30 * 60


@dataclass(frozen=True, slots=True)
class IdleEnd:
    """The end offered instead of now: ``at``, when the session was last in use (aware datetimes)."""

    at: datetime
    now: datetime
    agenda_end: datetime
    slept_seconds: float | None  # the long sleep that brought the offer; None when it was left unused past its agenda

    @property
    def at_words(self) -> str:
        return time_on_day(self.at.astimezone())

    @property
    def now_words(self) -> str:
        return time_on_day(self.now.astimezone())

    @property
    def reason(self) -> str:
        """Why it is offered, in one sentence with the times: said in the end question and the wake banner."""
        if self.slept_seconds is not None:
            return (
                f"The laptop slept for {format_minutes(self.slept_seconds)}; "
                f"the session was last in use at {self.at_words}."
            )
        return (
            f"The session was last in use at {self.at_words}; "
            f"its agenda ended at {time_on_day(self.agenda_end.astimezone())}."
        )


def offered_end(
    *, started: datetime, planned_seconds: float, now: datetime, last_used: datetime, slept_seconds: float | None
) -> IdleEnd | None:
    """The end to offer besides now, or None. ``slept_seconds`` is a sleep since ``last_used`` not yet dismissed."""
    agenda_end = started + timedelta(seconds=planned_seconds)
    if slept_seconds is not None and slept_seconds >= LONG_SLEEP_SECONDS:
        return IdleEnd(last_used, now, agenda_end, slept_seconds)
    far_past = (now - agenda_end).total_seconds() >= PAST_THE_AGENDA_SECONDS
    if far_past and (now - last_used).total_seconds() >= UNUSED_SECONDS:
        return IdleEnd(last_used, now, agenda_end, None)
    return None
