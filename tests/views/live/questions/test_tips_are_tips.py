"""A facilitator tip or listening technique is shown as guidance for the facilitator, never as the big question."""

from __future__ import annotations

from copdesk.core.question_bank import QuestionKind
from copdesk.views.live.questions.question_model import question_credit
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session


def test_a_tip_is_shown_as_a_tip_and_a_question_after_it_is_big_again(window: MainWindow) -> None:
    add_team(window)
    start_session(window)
    panel = window.question_panel
    question = next(q for q in panel.pool() if q.kind is QuestionKind.QUESTION and len(q.text) < 40)
    panel.show_question(question)  # whatever the draw at the start was, the screen shares a question now
    shared: list[str] = []
    window.live_session.question_shown.connect(shared.append)
    tip = next(q for q in panel.pool() if q.kind is QuestionKind.TIP)
    panel.show_question(tip)
    card = panel.card
    assert card.guidance_label.isVisible()
    assert card.guidance_label.text() == "A tip for you, the facilitator: not one to ask aloud"
    assert card.meta_label.toolTip().endswith(question_credit(tip)) and "tip for" not in card.meta_label.toolTip()
    assert card.text_label.property("role") != "big" and card.text_label.text() == tip.text
    assert card.text_label.accessibleName() == "Current tip for the facilitator"
    assert shared[-1] == ""  # and the shared screen never shows it
    panel.show_question(question)
    assert not card.guidance_label.isVisible() and card.text_label.property("role") == "big"
    assert shared[-1] == question.text
