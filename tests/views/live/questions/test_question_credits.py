"""The question card and list say whose words a prompt is: the masterclass's (quoted, with its section), CoPDesk's
(the systems-theory prompts, written from its points), or the facilitator's own."""

from __future__ import annotations

from copdesk.core.question_bank import Bank
from copdesk.views.live.questions.question_model import question_credit
from copdesk.views.shell.main_window import MainWindow


def test_the_card_credits_each_prompt_to_whoever_wrote_it(window: MainWindow, bank: Bank) -> None:
    card = window.question_panel.card
    systems = bank.get("systems.4")
    socratic = bank.get("socratic.clarification.1")
    assert systems is not None and socratic is not None
    card.show_question(systems, prompt="")
    assert card.meta_label.full_text().endswith("CoPDesk's prompt, drawn from the masterclass's Systems theory")
    assert "source: masterclass" not in card.meta_label.full_text()
    card.show_question(socratic, prompt="")
    assert card.meta_label.full_text().endswith("Masterclass, Socratic questioning")
    systems_prompts = [q for q in bank if q.category == "Systems theory"]
    assert len(systems_prompts) == 11
    assert all(question_credit(q).startswith("CoPDesk's prompt") for q in systems_prompts)
    assert all(question_credit(q).startswith("Masterclass, ") for q in bank if q.category != "Systems theory")
