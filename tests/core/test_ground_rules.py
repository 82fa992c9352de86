"""The shipped ground rules: CoPDesk's own, each marked so, and support promised only when it was planned."""

from __future__ import annotations

from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.ground_rules import GroundRulesError, load_ground_rules
from copdesk.core.provenance import Origin


def test_the_rules_are_copdesks_and_only_the_masterclass_sentence_is_quoted() -> None:
    """The masterclass says only "Set ground rules at the start" and never mentions confidentiality."""
    prompt = load_ground_rules(paths.resource_path("prompts", "ground_rules.toml"))
    assert prompt.heading == "Ground rules"
    assert prompt.basis.origin is Origin.MASTERCLASS and prompt.basis.text.startswith("Set ground rules at the start")
    assert len(prompt.rules) == 5 and all(rule.origin is Origin.COPDESK for rule in prompt.rules)
    assert any("anonymously" in rule.text for rule in prompt.rules), "CoPDesk's privacy rule is missing"
    words = " ".join(rule.text for rule in prompt.rules)
    assert "scrutinise a colleague" not in words, "the old rule 3 shifted the masterclass's 'packages of care'"
    assert "peer support and challenge" in words and "scrutinising packages of care" in words
    assert "Cascading management information".casefold() in words.casefold()


def test_support_is_promised_only_when_the_facilitator_planned_some() -> None:
    prompt = load_ground_rules(paths.resource_path("prompts", "ground_rules.toml"))
    plain = prompt.for_session(None)
    assert "support" not in plain[-1].casefold()
    assert prompt.for_session("   ") == plain
    planned = prompt.for_session("Kai (Practice Supervisor) is free for a chat after the session")
    assert planned[:-1] == plain[:-1]
    assert planned[-1].endswith(
        "Support offered for this session: Kai (Practice Supervisor) is free for a chat after the session."
    )
    assert prompt.as_plain_text("Time out is fine").splitlines()[-1].endswith("Time out is fine.")
    assert prompt.for_session("Ask Kai!")[-1].endswith("Ask Kai!"), "a sentence that ends is left as typed"


def test_a_planned_trigger_warning_is_given_before_the_rules() -> None:
    """The masterclass: "Trigger warnings: Consider whether these would be appropriate and offer suitable support".
    The support reached the rules; the warning itself was shown nowhere when the session started."""
    prompt = load_ground_rules(paths.resource_path("prompts", "ground_rules.toml"))
    assert prompt.trigger_warning.origin is Origin.COPDESK
    assert prompt.warning_line("  ") == ""
    line = prompt.warning_line("The case  involves a death by suicide")
    assert line == "Trigger warning for this session: The case involves a death by suicide."
    chat = prompt.as_plain_text("Kai is free after", "The case involves a death by suicide").splitlines()
    assert chat[:2] == ["Ground rules", line] and chat[2].startswith("1. ")
    assert prompt.as_plain_text().splitlines()[1].startswith("1. "), "no warning planned, no line"


@pytest.mark.parametrize(
    "text",
    [
        "heading = 'x'\nintro = 'y'\n",
        "heading = 'x'\nintro = 'y'\n[[rules]]\ntext = 'a'\n",
        "heading = ''\nintro = 'y'\n[[rules]]\ntext = 'a'\norigin = 'copdesk'\n",
        "heading = 'x'\nintro = 'y'\n[[rules]]\ntext = 'a'\norigin = 'copdesk'\n"
        "[basis]\ntext = 'b'\norigin = 'masterclass'\n",
        "heading = 'x'\nintro = 'y'\n[[rules]]\ntext = 'a'\norigin = 'copdesk'\n"
        "[basis]\ntext = 'b'\norigin = 'masterclass'\n[support]\ntext = 'S {support}'\norigin = 'copdesk'\n"
        "[trigger_warning]\ntext = 'no slot'\norigin = 'copdesk'\n",
        "not toml at all [",
    ],
)
def test_a_broken_prompt_is_refused_with_the_file_name(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ground_rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GroundRulesError, match=r"ground_rules\.toml"):
        load_ground_rules(path)
