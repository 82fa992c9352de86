"""The ground-rules and confidentiality prompt read out at the start of every session.

It is shipped as ``resources/prompts/ground_rules.toml`` so each rule can name the part of the masterclass
it comes from, and so a team's Practice Supervisor can read exactly what CoPDesk asks the group to agree.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


class GroundRulesError(ValueError):
    """The shipped prompt is unreadable; the message names what to fix."""


@dataclass(frozen=True, slots=True)
class GroundRule:
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class GroundRules:
    heading: str
    intro: str
    source: str
    rules: tuple[GroundRule, ...]

    def as_plain_text(self) -> str:
        """The heading and numbered rules, to paste into the meeting chat: all the group needs to read them."""
        return "\n".join([self.heading, *(f"{number}. {rule.text}" for number, rule in enumerate(self.rules, 1))])


def load_ground_rules(path: Path) -> GroundRules:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise GroundRulesError(f"{path.name}: {error}") from None
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise GroundRulesError(f"{path.name}: there are no [[rules]].")
    rules = []
    for number, raw in enumerate(raw_rules, start=1):
        if not isinstance(raw, dict) or not _text(raw.get("text")) or not _text(raw.get("source")):
            raise GroundRulesError(f"{path.name}: rule {number} needs text and source.")
        rules.append(GroundRule(str(raw["text"]).strip(), str(raw["source"]).strip()))
    fields = [data.get(key) for key in ("heading", "intro", "source")]
    if not all(_text(value) for value in fields):
        raise GroundRulesError(f"{path.name}: heading, intro and source are all needed.")
    heading, intro, source = (str(value).strip() for value in fields)
    return GroundRules(heading, intro, source, tuple(rules))


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())
