"""The ground rules read out at the start of every session, and what the masterclass says about them.

The masterclass says "Set ground rules at the start" (Handling challenges) but gives no rules of its own, so the
rules are CoPDesk's suggestions, shipped as ``resources/prompts/ground_rules.toml`` with their origin: the screen
shows the masterclass's sentence as a quotation and the rules as CoPDesk's. The last rule promises support only
when the facilitator planned some for the session, and a trigger warning planned with it is given before the
rules (the masterclass's "Trigger warnings: Consider whether these would be appropriate and offer suitable
support"): the rules are built for a session with :meth:`GroundRules.for_session` and
:meth:`GroundRules.warning_line`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from copdesk.core.provenance import Attributed, ProvenanceError, parse_attributed

SUPPORT_SLOT = "{support}"
TRIGGER_WARNING_SLOT = "{trigger_warning}"
_SENTENCE_ENDS = (".", "!", "?", "…")


class GroundRulesError(ValueError):
    """The shipped prompt is unreadable; the message names what to fix."""


@dataclass(frozen=True, slots=True)
class GroundRules:
    heading: str
    intro: str
    basis: Attributed  # the masterclass's own sentence about ground rules
    rules: tuple[Attributed, ...]
    support: Attributed  # added to the last rule when support was planned; holds ``{support}``
    trigger_warning: Attributed  # said before the rules when a trigger warning was planned; holds the slot

    def for_session(self, support: str | None) -> tuple[str, ...]:
        """The rules as read out: the last one says what support is offered only when some was planned."""
        texts = [rule.text for rule in self.rules]
        planned = _sentence(support)
        if planned and texts:
            texts[-1] = f"{texts[-1]} {self.support.text.replace(SUPPORT_SLOT, planned)}"
        return tuple(texts)

    def warning_line(self, trigger_warning: str | None) -> str:
        """The trigger warning to give before the rules, or "" when none was planned."""
        planned = _sentence(trigger_warning)
        return self.trigger_warning.text.replace(TRIGGER_WARNING_SLOT, planned) if planned else ""

    def as_plain_text(self, support: str | None = None, trigger_warning: str | None = None) -> str:
        """The heading, any trigger warning and the numbered rules, to paste into the meeting chat: all the group
        needs to read them."""
        rules = self.for_session(support)
        warning = self.warning_line(trigger_warning)
        numbered = (f"{number}. {text}" for number, text in enumerate(rules, 1))
        return "\n".join([self.heading, *([warning] if warning else []), *numbered])


def _sentence(typed: str | None) -> str:
    """What the facilitator typed, on one line and ending as a sentence ends ("" for nothing)."""
    text = " ".join((typed or "").split())
    return text if not text or text.endswith(_SENTENCE_ENDS) else f"{text}."


def load_ground_rules(path: Path) -> GroundRules:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise GroundRulesError(f"{path.name}: {error}") from None
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise GroundRulesError(f"{path.name}: there are no [[rules]].")
    fields = [data.get(key) for key in ("heading", "intro")]
    if not all(isinstance(value, str) and value.strip() for value in fields):
        raise GroundRulesError(f"{path.name}: heading and intro are both needed.")
    try:
        rules = tuple(parse_attributed(raw, f"{path.name}: rule {n}") for n, raw in enumerate(raw_rules, start=1))
        basis = parse_attributed(data.get("basis"), f"{path.name}: basis")
        support = parse_attributed(data.get("support"), f"{path.name}: support")
        warning = parse_attributed(data.get("trigger_warning"), f"{path.name}: trigger_warning")
    except ProvenanceError as error:
        raise GroundRulesError(str(error)) from None
    if SUPPORT_SLOT not in support.text:
        raise GroundRulesError(f"{path.name}: the support line needs {SUPPORT_SLOT} where the planned support goes.")
    if TRIGGER_WARNING_SLOT not in warning.text:
        raise GroundRulesError(
            f"{path.name}: the trigger_warning line needs {TRIGGER_WARNING_SLOT} where the planned warning goes."
        )
    heading, intro = (str(value).strip() for value in fields)
    return GroundRules(heading, intro, basis, rules, support, warning)
