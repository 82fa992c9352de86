"""Choosing the next question, matching prompts to the agenda, and reacting to the room.

Every rule here is pure: randomness comes from an injected :class:`random.Random` and time from
monotonic numbers the caller passes, so a seeded test replays a whole meeting exactly.

Rotation across sessions needs no state of its own: ``seen_before`` maps a question id to how many
times the team has been asked it, which the store derives from its asked log with
:func:`times_seen_from_log`. Drawing only among the least-seen questions of a category means a
team meets every question of that category before any of them comes round again. The rule works
on what the filter shows, so a search or favourites filter that hides part of a category rotates
within the part it shows.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from copdesk.core.model import MarkerKind, SegmentPhase
from copdesk.core.question_bank import PromptPhase, Question, QuestionKind, SignalKind
from copdesk.core.text import straight_quotes

BROADEST, MOST_SPECIFIC = 1, 3
# A question with no funnel level is neither broad nor specific, so a funnel never stalls on one.
_UNLEVELLED = 2


@dataclass(frozen=True, slots=True)
class QuestionFilter:
    """What the facilitator narrowed the bank to. An empty set means "no restriction" for that field.

    ``favourites`` is the team's favourite ids when "favourites only" is on, else ``None``: the
    favourites live in the store, and the filter only needs to know which ids pass. ``kinds``
    defaults to questions alone, because techniques and tips are guidance to read, not to ask.
    """

    categories: frozenset[str] = frozenset()
    models: frozenset[str] = frozenset()
    search: str = ""
    favourites: frozenset[str] | None = None
    phases: frozenset[PromptPhase] = frozenset()
    kinds: frozenset[QuestionKind] = frozenset({QuestionKind.QUESTION})

    def matches(self, question: Question) -> bool:
        needle = _searchable(self.search.strip())
        return (
            (not self.categories or question.category in self.categories)
            and (not self.models or question.model in self.models)
            and (not self.kinds or question.kind in self.kinds)
            and (not self.phases or not self.phases.isdisjoint(question.phases))
            and (self.favourites is None or question.id in self.favourites)
            and (
                not needle
                or any(needle in _searchable(field) for field in (question.text, question.category, question.model))
            )
        )

    def apply(self, questions: Iterable[Question]) -> list[Question]:
        return [question for question in questions if self.matches(question)]


def _searchable(text: str) -> str:
    """``text`` as a search compares it: case folded, and curly quotes as straight ones (a Mac or a phone types
    "didn’t", the bank says "didn't")."""
    return straight_quotes(text.casefold())


# Why each segment gets what it gets:
# - opening: the welcome and ground rules come before any case is heard, so the facilitator sees the
#   guidance ("Set ground rules at the start ...", the questioning tips) rather than questions, and only the
#   guidance for a discussion from its start (offered while clarifying): Brookfield's points of critical
#   reflection are for the reflection, not for before a case is heard;
# - review: the masterclass gives no questions for reviewing last time's actions, so the picker
#   offers every question rather than guess;
# - presentation: while a case is presented the facilitator listens, so the active-listening
#   techniques join the clarifying questions; clarifying: the clarifying questions alone;
# - reflection: exploring questions (reflective, Socratic, Weather, systems theory);
# - closing: the learning questions ("What did you learn ...", "What would you do differently ...").
_SEGMENT_FILTERS: dict[SegmentPhase, tuple[frozenset[PromptPhase], frozenset[QuestionKind]]] = {
    SegmentPhase.OPENING: (frozenset({PromptPhase.CLARIFYING}), frozenset({QuestionKind.TIP})),
    SegmentPhase.REVIEW: (frozenset(), frozenset({QuestionKind.QUESTION})),
    SegmentPhase.PRESENTATION: (
        frozenset({PromptPhase.CLARIFYING}),
        frozenset({QuestionKind.QUESTION, QuestionKind.TECHNIQUE}),
    ),
    SegmentPhase.CLARIFYING: (frozenset({PromptPhase.CLARIFYING}), frozenset({QuestionKind.QUESTION})),
    SegmentPhase.REFLECTION: (frozenset({PromptPhase.EXPLORING}), frozenset({QuestionKind.QUESTION})),
    SegmentPhase.CLOSING: (frozenset({PromptPhase.CLOSING}), frozenset({QuestionKind.QUESTION})),
}


# What each segment offers, in words for the facilitator; kept beside the filters they describe.
SEGMENT_OFFERS: dict[SegmentPhase, str] = {
    SegmentPhase.OPENING: "guidance for the opening: ground rules and questioning tips",
    SegmentPhase.REVIEW: "any question",
    SegmentPhase.PRESENTATION: "clarifying questions and active-listening techniques",
    SegmentPhase.CLARIFYING: "clarifying questions",
    SegmentPhase.REFLECTION: "reflective, Socratic, Weather-model and systems prompts",
    SegmentPhase.CLOSING: "learning questions",
}


def phase_questions(phase: SegmentPhase, base: QuestionFilter | None = None) -> QuestionFilter:
    """The facilitator's own filter (``base``) narrowed to what suits the current agenda segment.

    A base that asks for every kind (a category or model ticked, such as Brookfield's points, which are guidance)
    keeps asking for it: the segment narrows when in the discussion, not what the facilitator chose to see."""
    phases, kinds = _SEGMENT_FILTERS[phase]
    chosen = base or QuestionFilter()
    return replace(chosen, phases=phases, kinds=kinds if chosen.kinds else frozenset())


def times_seen_from_log(asked_ids: Iterable[str]) -> dict[str, int]:
    """The rotation state of one team, from the ids in its asked log (one entry per time asked)."""
    return dict(Counter(asked_ids))


def not_yet_used(questions: Iterable[Question], times_seen: Mapping[str, int]) -> list[Question]:
    """For planning: the questions this team has never been asked."""
    return [question for question in questions if times_seen.get(question.id, 0) == 0]


def choose_next(
    pool: Sequence[Question],
    *,
    asked: Iterable[str],
    drawn_per_category: Mapping[str, int],
    seen_before: Mapping[str, int],
    rng: random.Random,
    funnel_target: int | None = None,
) -> Question | None:
    """The draw rule, in priority order; ``None`` once everything in ``pool`` was asked this session.

    1. never a question already asked this session;
    2. the category drawn least this session, so the selected categories stay balanced;
    3. within it, only the least-seen questions, which keeps the cross-session rotation exact;
    4. in funnel mode, the level nearest ``funnel_target``, preferring narrower to broader;
    5. a random choice among what is left.
    Rotation outranks the funnel because a broken rotation cannot be repaired later, while the
    funnel is a preference for one meeting.
    """
    asked_ids = set(asked)
    by_category: dict[str, list[Question]] = {}
    for question in pool:
        if question.id not in asked_ids:
            by_category.setdefault(question.category, []).append(question)
    if not by_category:
        return None
    fewest = min(drawn_per_category.get(category, 0) for category in by_category)
    category = rng.choice([name for name in by_category if drawn_per_category.get(name, 0) == fewest])
    candidates = by_category[category]
    least_seen = min(seen_before.get(question.id, 0) for question in candidates)
    shortlist = [question for question in candidates if seen_before.get(question.id, 0) == least_seen]
    if funnel_target is not None:
        target = funnel_target

        def distance(question: Question) -> tuple[bool, int]:
            level = funnel_level(question)
            return level < target, abs(level - target)

        nearest = min(distance(question) for question in shortlist)
        shortlist = [question for question in shortlist if distance(question) == nearest]
    return rng.choice(shortlist)


def funnel_level(question: Question) -> int:
    return question.funnel_level if question.funnel_level is not None else _UNLEVELLED


class Picker:
    """One session's draws: what was asked (for no-repeat and the asked log) and where "back" points.

    ``asked`` restores a session resumed after a crash; ``seen_before`` is the team's rotation state,
    and may include this session's asks or not: a question asked this session is never a candidate,
    so the draw comes out the same either way.
    In funnel mode each draw aims one level narrower than the last, from broad to specific, and
    :meth:`restart_funnel` goes back to broad when the group moves on to a new case.
    """

    def __init__(
        self,
        questions: Iterable[Question],
        *,
        rng: random.Random,
        seen_before: Mapping[str, int] | None = None,
        asked: Sequence[str] = (),
        funnel: bool = False,
    ) -> None:
        self._questions = tuple(questions)
        by_id = {question.id: question for question in self._questions}
        self._rng = rng
        self._seen_before = dict(seen_before or {})
        self._asked_ids = list(asked)
        # Ids no longer in the bank (a deleted custom question) still count as asked but cannot be shown.
        self._history = [by_id[question_id] for question_id in asked if question_id in by_id]
        self._cursor = len(self._history) - 1
        self._funnel_start = 0
        self.funnel = funnel

    @property
    def asked_ids(self) -> tuple[str, ...]:
        """In draw order: what the store appends to the asked log."""
        return tuple(self._asked_ids)

    @property
    def current(self) -> Question | None:
        return self._history[self._cursor] if self._cursor >= 0 else None

    @property
    def can_go_back(self) -> bool:
        return self._cursor > 0

    @property
    def can_go_forward(self) -> bool:
        """True after :meth:`back`: "next" then walks forward through what was already shown before drawing anew."""
        return self._cursor < len(self._history) - 1

    def draw(self, question_filter: QuestionFilter | None = None) -> Question | None:
        """The next question, now counted as asked; ``None`` when the filter leaves nothing new."""
        question = choose_next(
            (question_filter or QuestionFilter()).apply(self._questions),
            asked=self._asked_ids,
            drawn_per_category=Counter(question.category for question in self._history),
            seen_before=self._seen_before,
            rng=self._rng,
            funnel_target=self._funnel_target() if self.funnel else None,
        )
        if question is not None:
            self._asked_ids.append(question.id)
            self._history.append(question)
            self._cursor = len(self._history) - 1
        return question

    def show(self, question: Question) -> Question:
        """Make a question picked by hand (from a search or a suggestion) the current one.

        It counts as drawn, so :meth:`draw` never offers it again this session; one already in the
        history is shown where it is rather than added twice, so the category balance stays true.
        """
        for index in range(len(self._history) - 1, -1, -1):
            if self._history[index].id == question.id:
                self._cursor = index
                return self._history[index]
        if question.id not in self._asked_ids:
            self._asked_ids.append(question.id)
        self._history.append(question)
        self._cursor = len(self._history) - 1
        return question

    def set_questions(self, questions: Iterable[Question]) -> None:
        """Swap the pool (a custom question added, edited or hidden) keeping the session's history and cursor.

        A question edited since it was drawn shows its new wording; one that left the pool stays in
        the history, because the group has already heard it.
        """
        self._questions = tuple(questions)
        by_id = {question.id: question for question in self._questions}
        self._history = [by_id.get(question.id, question) for question in self._history]

    def remaining(self, question_filter: QuestionFilter | None = None) -> list[Question]:
        """What :meth:`draw` could still offer this session under the filter."""
        asked = set(self._asked_ids)
        return [q for q in (question_filter or QuestionFilter()).apply(self._questions) if q.id not in asked]

    def back(self) -> Question | None:
        """Show the previous question again; it stays asked, because the group has heard it."""
        if self._cursor > 0:
            self._cursor -= 1
        return self.current

    def forward(self) -> Question | None:
        if self._cursor < len(self._history) - 1:
            self._cursor += 1
        return self.current

    def restart_funnel(self) -> None:
        self._funnel_start = len(self._history)

    def _funnel_target(self) -> int:
        since_start = self._history[self._funnel_start :]
        if not since_start:
            return BROADEST
        return min(funnel_level(since_start[-1]) + 1, MOST_SPECIFIC)


@dataclass(frozen=True, slots=True)
class RoomSignal:
    """Something the facilitator may want to respond to. Facilitator-only: never for the shared screen.

    ``member_ids`` names the quiet voices (longest quiet first) and is empty for the room-level
    signals, because engagement markers describe the room and never a person. ``since`` is the
    monotonic time of the marker, or when the longest silence began, so a pane can tell a signal it
    has already shown from a new one.
    """

    kind: SignalKind
    since: float
    member_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A bank entry offered because of a room signal; ``reason`` is the quoted text behind the offer (the entry's
    ``signal_origin`` says whether the masterclass or CoPDesk makes the link)."""

    question: Question
    signal: SignalKind
    reason: str


# Tension first: the masterclass asks the facilitator to step in when the room stops feeling safe.
# Low energy next, as it usually explains quiet voices; individual quiet voices last.
_MARKER_SIGNALS = ((MarkerKind.TENSION, SignalKind.TENSION), (MarkerKind.LOW_ENERGY, SignalKind.LOW_ENERGY))


def signal_for_marker(kind: MarkerKind) -> SignalKind:
    """The signal an engagement marker raises at once. A repeated issue offers the masterclass's remedy for it; it
    does not stay on as a room signal (the notes pane links the issue), so :func:`room_signal` leaves it out."""
    return {**dict(_MARKER_SIGNALS), MarkerKind.REPEATED_ISSUE: SignalKind.REPEATED_ISSUE}[kind]


def room_signal(
    present_member_ids: Iterable[int],
    contributions: Iterable[tuple[int, float]],
    markers: Iterable[tuple[MarkerKind, float]],
    now: float,
    *,
    session_start: float,
    quiet_after_seconds: float = 15 * 60,
    marker_fresh_seconds: float = 5 * 60,
) -> RoomSignal | None:
    """The one signal most worth a prompt right now, or ``None``.

    All times are monotonic seconds. A marker is fresh for ``marker_fresh_seconds`` after it was
    placed. A present member is a quiet voice once ``quiet_after_seconds`` have passed since the
    later of ``session_start`` and their last contribution.
    """
    marker_list = [(kind, at) for kind, at in markers if 0 <= now - at <= marker_fresh_seconds]
    for marker_kind, signal_kind in _MARKER_SIGNALS:
        fresh = [at for kind, at in marker_list if kind == marker_kind]
        if fresh:
            return RoomSignal(signal_kind, since=max(fresh))
    last_heard = dict.fromkeys(present_member_ids, session_start)
    for member_id, at in contributions:
        if member_id in last_heard and at <= now:
            last_heard[member_id] = max(last_heard[member_id], at)
    quiet = sorted((at, member_id) for member_id, at in last_heard.items() if now - at >= quiet_after_seconds)
    if not quiet:
        return None
    return RoomSignal(SignalKind.QUIET_VOICE, since=quiet[0][0], member_ids=tuple(member for _, member in quiet))


_KIND_ORDER = {QuestionKind.QUESTION: 0, QuestionKind.TECHNIQUE: 1, QuestionKind.TIP: 2}


def suggested_prompts(signal: RoomSignal, bank: Iterable[Question]) -> list[Suggestion]:
    """Entries the bank marks for this signal: questions to ask first, then guidance for the facilitator."""
    matching = [question for question in bank if signal.kind in question.signals]
    matching.sort(key=lambda question: _KIND_ORDER[question.kind])
    return [Suggestion(question, signal.kind, question.signal_source or "") for question in matching]
