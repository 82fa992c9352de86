"""Never put words in the masterclass's mouth: every shipped text says whose it is, and every quotation is exact.

Each entry with a ``text`` in ``resources/**/*.toml`` (questions, tips, prompts, ground rules, remedies, challenge
names and descriptions, agenda notes, planning points, contacts) has ``origin = "masterclass"`` and is then found
word for word in the masterclass (whitespace, quotes and dashes normalised), or ``origin = "copdesk"``. The
sections they name, and the masterclass words CoPDesk's prompts and links quote (``derived_from`` in a question
deck, ``signal_source``, ``caution``), are checked the same way. The Python source is checked too: a masterclass
sentence in a string constant would be words the screen attributes to the masterclass outside ``resources/``.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from copdesk.core.provenance import Origin, is_verbatim, normalise, reference_text
from tests.masterclass_reference import read_reference

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
# Fields of a question deck that quote the masterclass (a CoPDesk prompt's source point, the reason for a link).
QUOTED_FIELDS = ("caution", "signal_source")
SECTION_FIELDS = ("section", "derived_from", "source", "signal_section")
# Shorter strings are labels ("Practice Supervisor", "Manager") rather than words spoken for the masterclass.
SENTENCE_LENGTH = 20
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # the palettes' "text" is a colour, not words


def _entries(value: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every table holding a ``text``, however deep, with a path naming it for the failure message."""
    if isinstance(value, dict):
        if isinstance(value.get("text"), str) and not COLOUR.fullmatch(value["text"]):
            yield where, value
        for key, item in value.items():
            yield from _entries(item, f"{where}.{key}")
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield from _entries(item, f"{where}[{number}]")


def shipped_texts() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(RESOURCES.rglob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        found += list(_entries(document, str(path.relative_to(ROOT))))
    return found


ENTRIES = shipped_texts()


@pytest.fixture(scope="module")
def reference() -> str:
    return reference_text(read_reference())


def test_every_shipped_text_says_whose_words_it_is() -> None:
    unmarked = [where for where, entry in ENTRIES if entry.get("origin") not in {o.value for o in Origin}]
    assert unmarked == []
    assert len(ENTRIES) > 150, "the walk found the shipped texts"


@pytest.mark.parametrize(("where", "entry"), ENTRIES, ids=[where for where, _ in ENTRIES])
def test_a_masterclass_text_is_verbatim_and_a_copdesk_one_names_a_real_section(
    reference: str, where: str, entry: dict[str, Any]
) -> None:
    if entry["origin"] == Origin.MASTERCLASS:
        assert is_verbatim(entry["text"], reference), f"{where}: not in the masterclass word for word"
        assert entry.get("section") or entry.get("source"), f"{where}: a quotation names the section it is from"
    else:
        assert "section" not in entry, f"{where}: CoPDesk's words draw on a section (derived_from), not quote it"
    for field in SECTION_FIELDS:
        if not isinstance(entry.get(field), str):
            continue
        if field == "derived_from" and ".question[" in where:
            assert is_verbatim(entry[field], reference), f"{where}: the point a prompt was written from is quoted"
        else:
            _assert_sections(reference, where, entry[field])
    for field in QUOTED_FIELDS:
        if isinstance(entry.get(field), str):
            assert is_verbatim(entry[field], reference), f"{where}: {field} is not the masterclass's words"


def _assert_sections(reference: str, where: str, section: str) -> None:
    """A section is named as the masterclass heads it; "Roles and responsibilities: Facilitator" names both."""
    for part in section.split(": "):
        assert is_verbatim(part, reference), f"{where}: no section {part!r} in the masterclass"


def test_the_counts_of_quotations_and_copdesk_texts() -> None:
    """69 questions, prompts and tips and 8 planning points are the masterclass's; 11 systems prompts are CoPDesk's."""
    by_origin = {origin: [where for where, entry in ENTRIES if entry["origin"] == origin] for origin in Origin}
    questions = [where for where in by_origin[Origin.MASTERCLASS] if where.startswith("resources/questions/")]
    planning = [where for where in by_origin[Origin.MASTERCLASS] if where.startswith("resources/prompts/planning")]
    systems = [where for where in by_origin[Origin.COPDESK] if where.startswith("resources/questions/")]
    assert (len(questions), len(planning), len(systems)) == (69, 8, 11)


def _string_constants(path: Path) -> Iterator[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


def test_no_python_string_speaks_for_the_masterclass(reference: str) -> None:
    """Text the window attributes to the masterclass lives in resources/, where its origin is checked."""
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for path in sorted((ROOT / "copdesk").rglob("*.py"))
        if "forms" not in path.parts
        for line, text in _string_constants(path)
        if len(normalise(text)) >= SENTENCE_LENGTH and is_verbatim(text, reference)
    ]
    assert found == []


def test_normalising_evens_out_quotes_dashes_and_spacing() -> None:
    assert normalise("Ask  “Why” – but\nbe aware") == normalise('Ask "Why" - but be aware')
    assert reference_text("- **Verbal Reinforcement** – positive [My VIEWS](#) form") == (
        "-Verbal Reinforcement-positive My VIEWS form"
    )


def test_a_missing_reference_fails_in_ci_and_is_skipped_elsewhere(tmp_path: Path) -> None:
    missing = tmp_path / "cop-facilitation-masterclass.txt"
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        read_reference(missing, {"CI": "true"})
    with pytest.raises(pytest.skip.Exception):
        read_reference(missing, {})
