"""Domain records shared by ``store`` (which persists them) and ``views`` (which show them).

The string values of the enums are what the database stores; the CHECK constraints in
``db/0001_initial.sql`` list the same values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Role(StrEnum):
    FACILITATOR = "facilitator"
    CO_FACILITATOR = "co-facilitator"
    PRACTITIONER = "practitioner"
    STUDENT_ASYE = "student-asye"
    PARTNER = "partner"
    GUEST = "guest"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    Role.FACILITATOR: "Facilitator",
    Role.CO_FACILITATOR: "Co-facilitator",
    Role.PRACTITIONER: "Practitioner",
    Role.STUDENT_ASYE: "Student / ASYE",
    Role.PARTNER: "Partner",
    Role.GUEST: "Guest",
}


class SessionKind(StrEnum):
    """The four CoP session types of the masterclass ("Different CoP sessions")."""

    REFLECTIVE = "reflective"
    SPOTLIGHT = "spotlight"
    THEMED = "themed"
    TM_SSW = "tm-ssw"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    SessionKind.REFLECTIVE: "Reflective practice CoP",
    SessionKind.SPOTLIGHT: "Spotlight session",
    SessionKind.THEMED: "Themed discussion",
    SessionKind.TM_SSW: "Team Manager / SSW CoP",
}


class SessionStatus(StrEnum):
    PLANNED = "planned"
    LIVE = "live"
    ENDED = "ended"


class SegmentPhase(StrEnum):
    """What an agenda segment is for; the question picker matches prompts to it."""

    OPENING = "opening"  # welcome, ground rules
    REVIEW = "review"  # actions from last time
    PRESENTATION = "presentation"  # case presentation, spotlight talk
    CLARIFYING = "clarifying"  # clarifying questions
    REFLECTION = "reflection"  # reflective discussion
    CLOSING = "closing"  # learning, actions, close


class MarkerKind(StrEnum):
    """Engagement markers describe the room, never a person (the three masterclass challenges)."""

    LOW_ENERGY = "low-energy"
    TENSION = "tension"
    REPEATED_ISSUE = "repeated-issue"


class NoteKind(StrEnum):
    NOTE = "note"
    LEARNING = "learning"
    PARKED = "parked"

    @property
    def label(self) -> str:
        return {"note": "Notes", "learning": "Learning point", "parked": "Parked"}[self.value]


class TextSource(StrEnum):
    """Each kind of the facilitator's words that note search finds, and that can be corrected where it is found:
    the three kinds of note, what was said when an issue was raised (a mention), an issue's title and how it was
    resolved, an action's words and an escalation's outcome."""

    NOTE = "note"
    LEARNING = "learning"
    PARKED = "parked"
    MENTION = "mention"
    ISSUE_TITLE = "issue-title"
    RESOLUTION = "resolution"
    ACTION = "action"
    ESCALATION = "escalation"


class ParkedDestination(StrEnum):
    """Where the masterclass says non-reflective business belongs ("CoPs reflective practice is NOT...").

    The names, in the masterclass's words, are in ``resources/prompts/reflective_practice.toml``
    (:func:`copdesk.core.masterclass.arena_label`).
    """

    QA_PANELS = "qa-panels"
    MDT = "mdt"
    TEAM_MEETING = "team-meeting"
    SUPERVISION = "supervision"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class ReviewOutcome(StrEnum):
    CARRIED = "carried"
    DONE = "done"
    DROPPED = "dropped"
    REASSIGNED = "reassigned"
    REDATED = "redated"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    ReviewOutcome.CARRIED: "Carried",
    ReviewOutcome.DONE: "Done",
    ReviewOutcome.DROPPED: "Dropped",
    ReviewOutcome.REASSIGNED: "Reassigned",
    ReviewOutcome.REDATED: "New due date",
}


class IssueStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"
    ESCALATED = "escalated"
    PARKED = "parked"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class EscalationTarget(StrEnum):
    PRACTICE_SUPERVISOR = "practice-supervisor"
    MANAGER = "manager"
    MY_VIEWS = "my-views"

    @property
    def label(self) -> str:
        return _TARGET_LABELS[self]


# The masterclass's escalation routes ("Facilitation role in a CoP").
_TARGET_LABELS = {
    EscalationTarget.PRACTICE_SUPERVISOR: "Practice Supervisor",
    EscalationTarget.MANAGER: "Manager",
    EscalationTarget.MY_VIEWS: "My VIEWS form",
}


class EscalationStatus(StrEnum):
    AWAITING = "awaiting"
    RESPONDED = "responded"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return "Awaiting a response" if self is EscalationStatus.AWAITING else self.value.capitalize()


@dataclass(frozen=True, slots=True)
class Team:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Member:
    id: int
    team_id: int
    display_name: str
    role: Role
    active: bool = True


@dataclass(frozen=True, slots=True)
class Series:
    id: int
    team_id: int
    kind: SessionKind
    rule: str
    duration_minutes: int
    active: bool = True


@dataclass(frozen=True, slots=True)
class Session:
    id: int
    team_id: int
    kind: SessionKind
    topic: str
    planned_start: str | None
    status: SessionStatus
    started_at: str | None = None
    ended_at: str | None = None
    presenter_id: int | None = None
    series_id: int | None = None
    ground_rules_agreed_at: str | None = None
    last_saved_at: str | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    id: int
    session_id: int
    position: int
    name: str
    phase: str
    planned_seconds: int
    actual_start: str | None = None
    actual_end: str | None = None
    actual_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    session_id: int
    kind: NoteKind
    text: str
    destination: ParkedDestination | None = None


@dataclass(frozen=True, slots=True)
class Action:
    id: int
    team_id: int
    origin_session_id: int | None
    text: str
    owner_member_id: int | None
    owner_name: str | None
    due: date | None
    status: ActionStatus
    times_carried: int = 0


@dataclass(frozen=True, slots=True)
class Issue:
    id: int
    team_id: int
    title: str
    status: IssueStatus
    resolution: str | None = None


@dataclass(frozen=True, slots=True)
class Escalation:
    id: int
    issue_id: int
    target: EscalationTarget
    raised_on: date
    response_due: date | None
    status: EscalationStatus
    outcome: str | None = None
