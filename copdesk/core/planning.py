"""The next session's plan and the people around the facilitator: presenter, co-facilitator, format, trigger warning.

The masterclass's remedy for a flat room is "Speak to a member of the team in advance to ask them to present
something of interest to them", and its planning points list the kinds of content a session can take and ask to
"Consider whether [trigger warnings] would be appropriate and offer suitable support". A plan records those
choices before the session; the start dialog takes it as its defaults, and a started session keeps
:class:`SessionRoles`. The rules of "who has not presented for a while" and "which formats the team has not used
lately" are here, so the Prepare view and its tests agree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from copdesk.core.dates import format_uk

MAX_PLAN_TEXT = 500
RECENT_SESSIONS = 6  # "lately": the team's last six sessions it ran itself


class PlanError(ValueError):
    """A plan that cannot be saved; the message is one line, fit to show as it is."""


@dataclass(frozen=True, slots=True)
class SessionRoles:
    """What a session keeps of its plan: who co-facilitates, the content's format, the trigger warning and support."""

    co_facilitator_id: int | None = None
    content_format: str | None = None  # a planning point's key ("present-case", "research", ...)
    trigger_warning: str = ""
    support: str = ""


@dataclass(frozen=True, slots=True)
class NextSessionPlan:
    presenter_id: int | None = None
    presenter_asked_on: date | None = None
    roles: SessionRoles = field(default_factory=SessionRoles)

    @property
    def is_empty(self) -> bool:
        return self.presenter_id is None and self.presenter_asked_on is None and self.roles == SessionRoles()


@dataclass(frozen=True, slots=True)
class PresenterTurn:
    """When a member of the team last presented; ``None`` when never (in the sessions CoPDesk holds)."""

    member_id: int
    name: str
    last_presented: date | None


@dataclass(frozen=True, slots=True)
class PlanMove:
    """The plan for a date the calendar now gives only to a session the team attends (a TM/SSW CoP, once the
    facilitator's own), moved at a start with its planning ticks to the team's next session it runs: ``to_day``,
    with ``to_kind`` its type's label, or ``None`` when the team has none scheduled."""

    team_name: str
    from_day: date
    to_day: date | None
    to_kind: str = ""

    def notice(self) -> str:
        """What the facilitator is told once, at the start that moved it: where the plan is now. The line opens with
        CoPDesk's words, so a team name written right to left never turns the whole line round."""
        where = (
            f"the {self.to_kind} on {format_uk(self.to_day)}"
            if self.to_day
            else "the next session the team runs (none is scheduled)"
        )
        return (
            f"The plan for {format_uk(self.from_day)}, a session {self.team_name} now attends, went "
            f"with its planning ticks to {where}: see Next session plan."
        )


def clean_plan_text(text: str, what: str) -> str:
    """One line of plain text: control characters refused (a paste from elsewhere), spaces evened out, a limit."""
    if any(unicodedata.category(ch) == "Cc" for ch in text if ch not in "\n\t"):
        raise PlanError(f"{what} contains an invisible control character; retype it without pasting.")
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_PLAN_TEXT:
        raise PlanError(f"{what} is {len(cleaned)} characters long; keep it to {MAX_PLAN_TEXT}.")
    return cleaned


def checked_plan(plan: NextSessionPlan, formats: Iterable[str]) -> NextSessionPlan:
    """The plan as it will be stored, or :class:`PlanError`: a known format, clean texts, an asked date only
    with a presenter to have asked."""
    roles = plan.roles
    if roles.content_format is not None and roles.content_format not in set(formats):
        raise PlanError(f"{roles.content_format!r} is not one of the masterclass's planning points.")
    if plan.presenter_asked_on is not None and plan.presenter_id is None:
        raise PlanError("Choose who will present before saying when they were asked.")
    if roles.co_facilitator_id is not None and roles.co_facilitator_id == plan.presenter_id:
        raise PlanError("The co-facilitator supports the facilitator; choose someone other than the presenter.")
    return NextSessionPlan(
        plan.presenter_id,
        plan.presenter_asked_on,
        SessionRoles(
            roles.co_facilitator_id,
            roles.content_format,
            clean_plan_text(roles.trigger_warning, "The trigger warning"),
            clean_plan_text(roles.support, "The support offered"),
        ),
    )


def presenters_due(turns: Iterable[PresenterTurn]) -> list[PresenterTurn]:
    """Who to ask next: never presented first (in roster order), then the longest since they last presented."""
    never = [turn for turn in turns if turn.last_presented is None]
    presented = sorted((turn for turn in turns if turn.last_presented is not None), key=_last_presented)
    return [*never, *presented]


def _last_presented(turn: PresenterTurn) -> date:
    return turn.last_presented or date.min


def formats_not_used(all_formats: Sequence[str], recent: Iterable[str | None]) -> list[str]:
    """The formats none of the recent sessions used, in the masterclass's order ("Vary the style and content")."""
    used = {key for key in recent if key}
    return [key for key in all_formats if key not in used]
