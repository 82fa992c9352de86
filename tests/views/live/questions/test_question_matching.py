"""The question pane follows the meeting: each segment offers its own questions, and the room's signals (a
tension or low-energy marker, a quiet voice) bring up a marked suggestion. In the real window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copdesk.core.model import SegmentPhase
from copdesk.core.picker import SEGMENT_OFFERS
from copdesk.core.question_bank import PromptPhase, QuestionKind, SignalKind
from copdesk.views.shell.main_window import MainWindow
from tests.views.question_helpers import (
    AGENDA,
    REFLECTION_CATEGORIES,
    current,
    enter,
    panel_of,
    shown_texts,
    start_live,
)


@pytest.mark.parametrize(
    ("phase", "check"),
    [
        (SegmentPhase.PRESENTATION, lambda q: PromptPhase.CLARIFYING in q.phases and q.kind is not QuestionKind.TIP),
        (SegmentPhase.CLARIFYING, lambda q: PromptPhase.CLARIFYING in q.phases and q.kind is QuestionKind.QUESTION),
        (SegmentPhase.REFLECTION, lambda q: PromptPhase.EXPLORING in q.phases and q.category in REFLECTION_CATEGORIES),
        (SegmentPhase.CLOSING, lambda q: PromptPhase.CLOSING in q.phases and q.kind is QuestionKind.QUESTION),
    ],
)
def test_each_segment_offers_its_questions(window: MainWindow, phase: SegmentPhase, check: object) -> None:
    start_live(window)
    panel = panel_of(window)
    enter(window, phase)
    name = AGENDA[[p for _, p in AGENDA].index(phase)][0]
    assert panel.mode_label.full_text() == f"Live · {name}: {SEGMENT_OFFERS[phase]}"
    for _ in range(4):
        assert check(current(panel))  # type: ignore[operator]
        panel.next_question()


def test_a_repeated_announcement_of_the_same_segment_keeps_the_question(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    enter(window, SegmentPhase.REFLECTION)
    shown = current(panel)
    enter(window, SegmentPhase.REFLECTION)
    assert current(panel) == shown
    enter(window, SegmentPhase.CLOSING)
    assert current(panel) != shown


def test_closing_offers_the_learning_questions(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    enter(window, SegmentPhase.CLOSING)
    texts = {current(panel).text}
    while panel.picker.draw(panel.draw_filter()) is not None:
        texts.add(current(panel).text)
    assert "What did you learn that you will build into your practice?" in texts


def test_matching_can_be_turned_off(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    enter(window, SegmentPhase.CLOSING)
    panel.filters.match_segment.setChecked(False)
    assert "any question (not matched to the segment)" in panel.mode_label.full_text()
    phases: set[PromptPhase] = set()
    for _ in range(25):
        panel.next_question()
        phases.update(current(panel).phases)
    assert phases - {PromptPhase.CLOSING}


def test_a_tension_marker_brings_up_a_marked_suggestion(window: MainWindow, qtbot: QtBot) -> None:
    start_live(window)
    panel = panel_of(window)
    panel.next_question()
    before = current(panel)
    texts = shown_texts(window)
    window.live_session.marker_logged.emit("tension")
    assert panel.banner.isVisible()
    suggestion = panel.banner.current
    assert suggestion is not None
    assert SignalKind.TENSION in suggestion.question.signals
    assert suggestion.question.kind is QuestionKind.QUESTION  # questions to ask come before guidance
    assert panel.banner.headline_label.full_text().startswith("SUGGESTION · tension")
    assert suggestion.reason in panel.banner.reason_label.full_text()
    assert current(panel) == before and texts == []  # a suggestion is not the current question until chosen
    QTest.mouseClick(panel.banner.another_button, Qt.MouseButton.LeftButton)
    other = panel.banner.current
    assert other is not None and other.question != suggestion.question
    QTest.mouseClick(panel.banner.use_button, Qt.MouseButton.LeftButton)
    assert current(panel) == other.question
    assert texts == [other.question.text]
    assert not panel.banner.isVisible()


def test_a_quiet_voice_signal_suggests_inviting_the_group(window: MainWindow) -> None:
    start_live(window)
    panel = panel_of(window)
    window.live_session.room_signal.emit("quiet-voice")
    suggestion = panel.banner.current
    assert suggestion is not None and SignalKind.QUIET_VOICE in suggestion.question.signals
    assert "has not spoken" in panel.banner.headline_label.full_text()
    window.live_session.room_signal.emit("")
    assert not panel.banner.isVisible()


def test_same_issue_again_offers_the_remedy_the_masterclass_sets_beside_it(window: MainWindow) -> None:
    """The remedies card says matching prompts are offered: for the same issue again, that is true."""
    start_live(window)
    panel = panel_of(window)
    window.live_session.marker_logged.emit("repeated-issue")
    suggestion = panel.banner.current
    assert panel.banner.isVisible() and suggestion is not None
    assert suggestion.question.text.startswith("Vary the style and content of the CoP. Take any actions")
    assert panel.banner.reason_label.full_text() == (
        "Why: the masterclass sets it beside “Same issues raised with no resolution” (Masterclass, Handling challenges)"
    )


def test_a_link_the_masterclass_does_not_make_is_shown_as_copdesks(window: MainWindow) -> None:
    """Tension → Socratic clarification questions, low energy → the Weather model: CoPDesk's suggestions."""
    start_live(window)
    panel = panel_of(window)
    for signal, category in (("tension", "Clarification questions"), ("low-energy", "Weather model")):
        window.live_session.marker_logged.emit(signal)
        seen = set()
        for _ in range(len(panel.banner._suggestions)):
            current = panel.banner.current
            assert current is not None
            reason = panel.banner.reason_label.full_text()
            seen.add(current.question.category)
            if current.question.category == category:
                assert reason.startswith("CoPDesk's suggestion, drawn from the masterclass's"), reason
                assert "Why, from the masterclass" not in reason
            panel.banner.another()
        assert category in seen


def test_the_remedy_done_in_advance_says_so_and_is_no_opening_guidance(window: MainWindow) -> None:
    """The masterclass's remedy for a flat room is to speak to someone "in advance": offered when the room is low on
    energy, it says it is a step for the next session, and it is never drawn as guidance for the opening."""
    start_live(window)
    panel = panel_of(window)
    enter(window, SegmentPhase.OPENING)
    opening = {current(panel).id}
    while panel.picker.draw(panel.draw_filter()) is not None:
        opening.add(current(panel).id)
    assert "tips.challenges.1" not in opening and len(opening) > 1
    window.live_session.marker_logged.emit("low-energy")
    for _ in range(len(panel.banner._suggestions)):
        shown = panel.banner.current
        if shown is None or shown.question.id == "tips.challenges.1":
            break
        panel.banner.another()
    assert shown is not None and shown.question.text.startswith("Speak to a member of the team in advance")
    assert not panel.banner.note_label.isHidden()
    assert panel.banner.note_label.text() == "A step for planning the next session, not one to take now."
    QTest.mouseClick(panel.banner.use_button, Qt.MouseButton.LeftButton)
    assert current(panel).id == "tips.challenges.1"
    assert not panel.card.note_label.isHidden()
    assert panel.card.note_label.text() == panel.banner.note_label.text()
    panel.next_question()
    assert panel.card.note_label.isHidden() == (current(panel).note is None)
