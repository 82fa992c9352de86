"""Never put words in the masterclass's mouth: every shipped text says whose it is, and every quotation is exact.

Each entry with a ``text`` in ``resources/**/*.toml`` (questions, tips, prompts, ground rules, remedies, challenge
names and descriptions, agenda notes, planning points, contacts) has ``origin = "masterclass"`` or ``origin =
"copdesk"``. A masterclass text, and every masterclass word CoPDesk's prompts and links quote (``derived_from`` in a
question deck, ``signal_source``, ``caution``), must be found word for word (whitespace, quotes and dashes
normalised) in the section it names, and must be a whole item of that section: a list item, a line, a table cell,
one question of a Socratic example cell. A deliberate part of an item (the "when" of a line that also says who runs
the session, a caption without its colon, a first sentence) says which item it is part of by the item's opening
words: ``part_of`` in ``resources/prompts/``, ``signal_source_part_of`` in a question deck; it stops where the
item pauses (a full stop, a colon, a dash, a link), never inside a clause. A link the masterclass is said to make
is one its challenges file sets. Every section an entry names (``section``, ``source``, ``derived_from``,
``signal_section``, ``caution_section``) must be a heading of the masterclass, spelled as it heads it. The Python
source is checked too: a masterclass sentence in a string constant would be words the screen attributes to the
masterclass outside ``resources/``.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from copdesk.core.provenance import Origin, is_verbatim, normalise, reference_text
from tests.masterclass_reference import read_reference

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SECTION_FIELDS = ("section", "derived_from", "source", "signal_section", "caution_section")
# Shorter strings are labels ("Practice Supervisor", "Manager") rather than words spoken for the masterclass.
SENTENCE_LENGTH = 20
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")  # the palettes' "text" is a colour, not words

# How the reference is cut into sections. It is the slides' text, one slide after another. A slide opens with the
# masterclass's banner line, and the first line after it is the slide's heading. The slides that divide the
# masterclass into parts, and the closing "Any questions", have no banner and nothing else that marks them in the
# text (a divider's heading stands alone, as the last line of many slides does), so they are named here; each
# must stand alone on a line. A section runs from its heading to the next heading; a heading used by more than one
# slide ("Handling challenges") gathers all of them. The title slide before the first banner is no section.
BANNER = re.compile(r"(Communities of Practice|CoP) Facilitation Masterclass")
UNBANNERED_SLIDES = (
    "Purpose of CoPs",
    "Roles and responsibilities within CoPs",
    "Role of CoP facilitator in Team CoPs",
    "Planning a Team CoP and encouraging conversational flow",
    "Tools and techniques",
    "Handling challenges",
    "Any questions",
    "Useful resources",
)
# Within a section, each line is an item, and so is each cell of a table row (cells are split by a tab, or open a
# list with "<ul"). A Socratic example cell is a list whose items the text export ran together: each question is an
# item, and a one-word question ("Why?", "Different?") follows up the question before it and belongs to it.
_CELL = re.compile(r"\t|<ul[^>]*>")
_QUESTION_END = re.compile(r"(?<=\?) +")
_FOLLOW_UP = re.compile(r"\w+\?")
_LIST_MARKER = re.compile(r"^-\s+")


def masterclass_sections(raw: str) -> dict[str, list[str]]:
    """Each section's items (normalised, as :func:`normalise` leaves a quotation), by the section's heading."""
    lines = [line.strip() for line in raw.splitlines()]
    headings = {number for number, line in enumerate(lines) if line in UNBANNERED_SLIDES}
    for number, line in enumerate(lines):
        if BANNER.fullmatch(line):
            headings.add(next(after for after in range(number + 1, len(lines)) if lines[after]))
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, line in enumerate(lines):
        if number in headings:
            current = sections.setdefault(line, [])
        elif current is not None and line and not BANNER.fullmatch(line):
            current.extend(_items(line))
    return sections


def _items(line: str) -> Iterator[str]:
    for cell in _CELL.split(line):
        pieces: list[str] = []
        for piece in _QUESTION_END.split(cell.strip()) if "<ul" in line else [cell.strip()]:
            if pieces and _FOLLOW_UP.fullmatch(piece):
                pieces[-1] += f" {piece}"
            else:
                pieces.append(piece)
        yield from (item for item in (reference_text(_LIST_MARKER.sub("", piece)) for piece in pieces) if item)


def _link_captions(raw: str) -> tuple[str, ...]:
    return tuple(reference_text(caption) for caption in re.findall(r"\[([^\]]*)\]\([^)]*\)", raw))


# A part stops where the masterclass pauses: at a full stop, a colon or a dash (normalised to "-"), or where a link's
# caption starts or ends ("MCC Policy Portal" before its link). Only a line's closing phrase may start mid-sentence
# ("every 3 months" of "Schedule and co-ordinate TM/SSW CoPs every 3 months").
_PAUSE = re.compile(r"[.:;?!-]")


def is_whole_part(part: str, item: str, captions: tuple[str, ...] | None = None) -> bool:
    """Whether ``part`` (in ``item``) is whole clauses of it, or its closing phrase: never cut inside a clause."""
    captions = _link_captions(read_reference()) if captions is None else captions
    starts, ends = {0}, {len(item)}
    for pause in _PAUSE.finditer(item):
        ends |= {pause.start(), pause.end()}
        starts.add(pause.end() + len(item[pause.end() :]) - len(item[pause.end() :].lstrip()))
    for caption in (caption for caption in captions if caption and caption in item):
        at = item.index(caption)
        starts |= {at, at + len(caption) + (item[at + len(caption) : at + len(caption) + 1] == " ")}
        ends |= {at, at - (item[at - 1 : at] == " "), at + len(caption)}
    for start in (found.start() for found in re.finditer(re.escape(part), item)):
        end = start + len(part)
        closing_phrase = end == len(item) and item[start - 1 : start] == " "
        if end in ends and (start in starts or closing_phrase):
            return True
    return False


class Quotation(NamedTuple):
    where: str
    text: str
    section: str | None
    part_of: str | None = None  # the opening words of the item it is deliberately part of; None: a whole item


def _quotations(where: str, entry: dict[str, Any]) -> Iterator[Quotation]:
    """The masterclass words an entry quotes, each with the section it names and the item it is part of, if any."""
    if entry["origin"] == Origin.MASTERCLASS:
        yield Quotation(where, entry["text"], entry.get("section") or entry.get("source"), entry.get("part_of"))
    if ".question[" in where and isinstance(entry.get("derived_from"), str):
        yield Quotation(f"{where}.derived_from", entry["derived_from"], entry["source"])
    if isinstance(entry.get("signal_source"), str):
        section = entry.get("signal_section") or entry["source"]
        yield Quotation(f"{where}.signal_source", entry["signal_source"], section, entry.get("signal_source_part_of"))
    if isinstance(entry.get("caution"), str):
        yield Quotation(f"{where}.caution", entry["caution"], entry.get("caution_section"))


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


def shipped_texts(root: Path = RESOURCES) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(root.rglob("*.toml")):
        document = tomllib.loads(path.read_text(encoding="utf-8"))
        found += list(_entries(document, str(path.relative_to(root.parent))))
    return found


ENTRIES = shipped_texts()


@pytest.fixture(scope="module")
def reference() -> str:
    return reference_text(read_reference())


@pytest.fixture(scope="module")
def sections() -> dict[str, list[str]]:
    return masterclass_sections(read_reference())


def test_every_shipped_text_says_whose_words_it_is() -> None:
    unmarked = [where for where, entry in ENTRIES if entry.get("origin") not in {o.value for o in Origin}]
    assert unmarked == []
    assert len(ENTRIES) > 150, "the walk found the shipped texts"


@pytest.mark.parametrize(("where", "entry"), ENTRIES, ids=[where for where, _ in ENTRIES])
def test_a_masterclass_text_is_a_whole_item_of_its_section_and_every_section_named_is_real(
    sections: dict[str, list[str]], where: str, entry: dict[str, Any]
) -> None:
    assert problems(sections, where, entry) == []


def problems(sections: dict[str, list[str]], where: str, entry: dict[str, Any]) -> list[str]:
    """What is wrong with one entry's words or sections, as failure messages; none for a sound entry."""
    found = []
    if entry["origin"] == Origin.COPDESK and "section" in entry:
        found.append(f"{where}: CoPDesk's words draw on a section (derived_from), not quote it")
    for field in SECTION_FIELDS:
        named = entry.get(field)
        quoted = field == "derived_from" and ".question[" in where
        if isinstance(named, str) and not quoted and named not in sections:
            found.append(f"{where}: {field} {named!r} is no section of the masterclass")
    for quotation in _quotations(where, entry):
        items = sections.get(quotation.section or "")
        text = normalise(quotation.text)
        if items is None:
            found.append(f"{quotation.where}: a quotation names the section it is from (not {quotation.section!r})")
        elif quotation.part_of is not None:
            whole = {item for item in items if item.startswith(normalise(quotation.part_of))}
            if len(whole) != 1 or text not in next(iter(whole)) or text in whole:
                found.append(
                    f"{quotation.where}: not part of the one item of {quotation.section!r} that opens "
                    f"{quotation.part_of!r} (items opening so: {sorted(whole)})"
                )
            elif not is_whole_part(text, next(iter(whole))):
                found.append(f"{quotation.where}: cut inside a clause of the item that opens {quotation.part_of!r}")
        elif text not in items:
            within = any(text in item for item in items)
            why = "only part of an item (part_of says which, if deliberate)" if within else "not word for word"
            found.append(f"{quotation.where}: {why} in {quotation.section!r}")
    return found


# Changes that once passed unnoticed: a point cut short, a purpose line cut short, the Spotlight's "when" swapped
# for the Themed one, a question's section and a link's section changed, a section that the masterclass lacks.
MISQUOTED = [
    ("prompts/planning.toml.point[6]", {"text": "Invite another professional or agency to discuss their role"}),
    ("prompts/reflective_practice.toml.purpose[1]", {"text": "Provide a safe space for practitioners to learn"}),
    ("prompts/session_types.toml.type[1].when", {"text": "3rd week of alternate months"}),
    ("questions/reflective.toml.question[1]", {"source": "Socratic questioning"}),
    ("questions/weather.toml.question[1]", {"signal_section": "Active listening"}),
    ("prompts/self_assessment.toml.heading[1]", {"derived_from": "Roles and responsibilities"}),
    ("prompts/contacts.toml.entry[4].title", {"part_of": "Feedback to senior colleagues"}),
    # A deliberate part cut shorter still lies inside its item: it must stop where the masterclass pauses.
    ("prompts/session_types.toml.type[1].when", {"text": "1st full week"}),
    ("prompts/session_types.toml.type[2].about", {"text": "Facilitated regular group reflection"}),
    ("prompts/ground_rules.toml.basis", {"text": "Set ground rules at the start and be prepared to step in"}),
    ("prompts/contacts.toml.entry[3].detail", {"text": "Manchester Adult Policies, Procedures and Practice"}),
    ("questions/weather.toml.question[1]", {"signal_source": "Low energy within a CoP, with limited volunteering"}),
]


@pytest.mark.parametrize(("where", "change"), MISQUOTED, ids=[where for where, _ in MISQUOTED])
def test_a_cut_short_swapped_or_misplaced_quotation_is_caught(
    sections: dict[str, list[str]], where: str, change: dict[str, str]
) -> None:
    entry = dict(ENTRIES)[f"resources/{where}"]
    assert problems(sections, where, entry) == []
    assert problems(sections, where, {**entry, **change}) != []


def test_copdesks_own_words_never_say_what_the_masterclass_asks() -> None:
    """The masterclass is quoted, never paraphrased under its name: CoPDesk's words may draw on a section (their credit
    says which), but never tell the reader what the masterclass asks, says or suggests."""
    speaking_for = re.compile(r"\bmasterclass (asks|says|suggests|recommends|requires|wants)\b", re.IGNORECASE)
    own = [(where, entry["text"]) for where, entry in ENTRIES if entry["origin"] == Origin.COPDESK]
    found = [where for where, text in own if speaking_for.search(text)]
    assert found == []


def test_a_link_said_to_be_the_masterclass_s_is_a_remedy_it_sets_beside_that_challenge() -> None:
    """A prompt offered for a room marker "because the masterclass sets it beside" a challenge must be one of the
    remedies the challenges file sets beside that challenge, for that marker: the two files cannot drift apart."""
    challenges = tomllib.loads((RESOURCES / "prompts" / "challenges.toml").read_text(encoding="utf-8"))["challenge"]
    beside = {
        (challenge["marker"], challenge["name"]["text"]): {
            normalise(remedy["text"]) for remedy in challenge["remedies"] if "offered_by" not in remedy
        }
        for challenge in challenges
    }
    linked = [(where, entry) for where, entry in ENTRIES if entry.get("signal_origin") == Origin.MASTERCLASS]
    assert len(linked) == 3, "the walk found the masterclass's own links"
    for where, entry in linked:
        remedies = [beside.get((signal, entry["signal_source"]), set()) for signal in entry["signals"]]
        assert all(normalise(entry["text"]) in found for found in remedies), where


def test_the_reference_is_cut_into_its_sections() -> None:
    sections = masterclass_sections(read_reference())
    assert list(sections)[:3] == ["Introduction and icebreaker", "Outline of today's session", "Purpose of CoPs"]
    assert set(UNBANNERED_SLIDES) <= set(sections)
    assert "Roles and responsibilities 2025" in sections and "Roles and responsibilities" not in sections
    assert "Schedule and co-ordinate TM/SSW CoPs every 3 months" in sections["Roles and responsibilities 2025"]
    assert sections["Roles and responsibilities within CoPs"] == []
    assert "If that happened, what else would happen as a result? Why?" in sections["Socratic questioning"]
    assert "Could that really happen or probably happen?" in sections["Socratic questioning"]
    assert "Scrutinising Packages of Care" in sections["Reflective Practice (primary focus of CoPs)"]
    assert (
        "Speak to a member of the team in advance to ask them to present something of interest to them."
        in (sections["Handling challenges"])
    )
    assert sections["Any questions"][-1] == "adultsocialworkconsultants@manchester.gov.uk"


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
