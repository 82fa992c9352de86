"""The shipped ground-rules prompt: every rule present and attributed to its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.ground_rules import GroundRulesError, load_ground_rules


def test_the_shipped_prompt_loads_and_every_rule_names_its_source() -> None:
    prompt = load_ground_rules(paths.resource_path("prompts", "ground_rules.toml"))
    assert prompt.heading == "Ground rules and confidentiality"
    assert "set ground rules at the start" in prompt.source
    assert len(prompt.rules) >= 4
    assert all(rule.source.startswith("Masterclass:") for rule in prompt.rules)
    assert any("anonymously" in rule.text for rule in prompt.rules), "the confidentiality rule is missing"


@pytest.mark.parametrize(
    "text",
    [
        "heading = 'x'\nintro = 'y'\nsource = 'z'\n",
        "heading = 'x'\nintro = 'y'\nsource = 'z'\n[[rules]]\ntext = 'a'\n",
        "heading = ''\nintro = 'y'\nsource = 'z'\n[[rules]]\ntext = 'a'\nsource = 'b'\n",
        "not toml at all [",
    ],
)
def test_a_broken_prompt_is_refused_with_the_file_name(tmp_path: Path, text: str) -> None:
    path = tmp_path / "ground_rules.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GroundRulesError, match=r"ground_rules\.toml"):
        load_ground_rules(path)
