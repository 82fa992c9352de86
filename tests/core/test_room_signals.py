"""Reacting to the room: who has not spoken, fresh engagement markers, and the prompts suggested for each signal."""

from __future__ import annotations

import pytest

from copdesk.core.model import MarkerKind
from copdesk.core.picker import RoomSignal, room_signal, signal_for_marker, suggested_prompts
from copdesk.core.provenance import Origin
from copdesk.core.question_bank import Bank, QuestionKind, SignalKind
from tests.conftest import FakeClock

ALEX, SAM, JO = 1, 2, 3


def test_quiet_voice_after_fifteen_minutes(fake_clock: FakeClock) -> None:
    start = fake_clock()
    fake_clock.advance(10 * 60)
    contributions = [(ALEX, fake_clock())]
    fake_clock.advance(5 * 60 - 1)
    assert room_signal([ALEX, SAM], contributions, [], fake_clock(), session_start=start) is None
    fake_clock.advance(1)
    signal = room_signal([ALEX, SAM], contributions, [], fake_clock(), session_start=start)
    assert signal == RoomSignal(SignalKind.QUIET_VOICE, since=start, member_ids=(SAM,))
    fake_clock.advance(10 * 60)
    signal = room_signal([ALEX, SAM, JO], contributions, [], fake_clock(), session_start=start)
    assert signal is not None
    assert signal.member_ids == (SAM, JO, ALEX)  # longest quiet first


def test_only_present_members_and_past_contributions_count(fake_clock: FakeClock) -> None:
    start = fake_clock()
    fake_clock.advance(20 * 60)
    now = fake_clock()
    contributions = [(SAM, now - 60), (JO, now + 60)]
    signal = room_signal([SAM, JO], contributions, [], now, session_start=start)
    assert signal is not None
    assert signal.member_ids == (JO,)
    assert room_signal([], contributions, [], now, session_start=start) is None


def test_fresh_markers_outrank_quiet_voices(fake_clock: FakeClock) -> None:
    start = fake_clock()
    fake_clock.advance(20 * 60)
    now = fake_clock()
    low, tense = (MarkerKind.LOW_ENERGY, now - 60), (MarkerKind.TENSION, now - 4 * 60)
    assert room_signal([SAM], [], [low], now, session_start=start) == RoomSignal(SignalKind.LOW_ENERGY, since=now - 60)
    assert room_signal([SAM], [], [low, tense], now, session_start=start) == RoomSignal(
        SignalKind.TENSION, since=now - 4 * 60
    )


def test_stale_and_other_markers_are_ignored(fake_clock: FakeClock) -> None:
    start = fake_clock()
    fake_clock.advance(6 * 60)
    now = fake_clock()
    markers = [
        (MarkerKind.TENSION, now - 5 * 60 - 1),
        (MarkerKind.REPEATED_ISSUE, now),
        (MarkerKind.LOW_ENERGY, now + 1),
    ]
    assert room_signal([SAM], [(SAM, now)], markers, now, session_start=start) is None
    assert (
        room_signal([SAM], [], [(MarkerKind.TENSION, now - 60)], now, session_start=start, marker_fresh_seconds=30)
        is None
    )
    assert room_signal([SAM], [], [], now, session_start=start, quiet_after_seconds=6 * 60) is not None


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (SignalKind.QUIET_VOICE, "Can anyone share an example of where they have been able to work creatively"),
        (SignalKind.TENSION, "Could you put that another way?"),
        (SignalKind.LOW_ENERGY, "Sunshine – what went well? What felt good?"),
    ],
)
def test_suggestions_for_each_signal(bank: Bank, kind: SignalKind, expected: str) -> None:
    suggestions = suggested_prompts(RoomSignal(kind, since=0.0), bank)
    assert any(s.question.text.startswith(expected) for s in suggestions)
    assert all(s.signal is kind and kind in s.question.signals and s.reason for s in suggestions)
    order = [s.question.kind for s in suggestions]
    assert order == sorted(order, key=[QuestionKind.QUESTION, QuestionKind.TECHNIQUE, QuestionKind.TIP].index)
    assert order[-1] is QuestionKind.TIP


def test_tension_suggests_stepping_in_to_clarify(bank: Bank) -> None:
    suggestions = suggested_prompts(RoomSignal(SignalKind.TENSION, since=0.0), bank)
    tips = [s for s in suggestions if s.question.kind is QuestionKind.TIP]
    assert [s.question.id for s in tips] == ["tips.challenges.2"]
    assert tips[0].reason == "Defensiveness or Tension within CoPs"


@pytest.mark.parametrize(
    ("marker", "signal"),
    [(MarkerKind.TENSION, SignalKind.TENSION), (MarkerKind.LOW_ENERGY, SignalKind.LOW_ENERGY)],
)
def test_markers_raise_their_signal(marker: MarkerKind, signal: SignalKind) -> None:
    assert signal_for_marker(marker) is signal


def test_the_same_issue_again_offers_the_masterclass_remedy_placed_beside_it(bank: Bank) -> None:
    """The card says matching prompts are offered: the picker offers the third remedy block, whole."""
    signal = signal_for_marker(MarkerKind.REPEATED_ISSUE)
    assert signal is SignalKind.REPEATED_ISSUE
    offered = suggested_prompts(RoomSignal(signal, since=0.0), bank)
    assert [s.question.text for s in offered] == [
        "Vary the style and content of the CoP. Take any actions to a different arena as CoPs are reflective spaces."
    ]
    assert offered[0].question.signal_origin is Origin.MASTERCLASS
    assert offered[0].reason == "Same issues raised with no resolution"


def test_links_the_masterclass_does_not_make_are_marked_as_copdesks(bank: Bank) -> None:
    """Tension to Socratic clarification, low energy to the Weather model: CoPDesk's links, not the masterclass's."""
    for question in bank:
        if question.category in {"Clarification questions", "Weather model"}:
            assert question.signal_origin is Origin.COPDESK, question.id
        if question.signal_origin is Origin.MASTERCLASS:
            assert question.category == "Handling challenges", question.id
    weather = [q for q in bank if q.category == "Weather model"]
    assert all("Vary the style" not in (q.signal_source or "") for q in weather), "the third remedy is the same issue's"
