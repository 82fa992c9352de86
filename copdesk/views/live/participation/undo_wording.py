"""What the participation pane's Undo would take back, in words for its tooltip: the last act the tally holds."""

from __future__ import annotations

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import MarkerKind, Member
from copdesk.views.live.participation.away_marks import AwayMark
from copdesk.views.live.participation.live_tally import LiveTally


def undo_description(tally: LiveTally) -> str:
    last = tally.last_act()
    if last is None:
        return "Nothing to undo (Ctrl+Z)"
    if isinstance(last, MarkerKind):
        return f"Undo the room marker {shipped_texts().challenge(last).button} (Ctrl+Z)"
    if isinstance(last, Member):
        return f"Put {last.display_name} back as present (Ctrl+Z)"
    if isinstance(last, AwayMark):
        done = "came back" if last.back else "left the session"
        return f"Take back that {last.member.display_name} {done} (Ctrl+Z)"
    names = {member.id: member.display_name for member in tally.members}
    return f"Undo {names.get(last, 'the last')}'s last contribution (Ctrl+Z)"
