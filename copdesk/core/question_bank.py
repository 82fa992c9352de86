"""The question bank: decks of questions read from TOML, validated strictly, and written back.

Decks are data that facilitators may edit or import, so every problem is reported as a
:class:`DeckError` whose message names the file, the entry and the field, and nothing half-read is
ever returned. ``tomllib`` only reads TOML, so :func:`deck_to_toml` writes it, escaping by hand.
"""

from __future__ import annotations

import re
import stat
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from copdesk.core.provenance import Origin

MAX_DECK_BYTES = 1024 * 1024

_E = TypeVar("_E", bound=StrEnum)

_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]*")


class PromptPhase(StrEnum):
    """When in a discussion a prompt helps; agenda segments map onto these (see ``picker.phase_questions``)."""

    CLARIFYING = "clarifying"
    EXPLORING = "exploring"
    CLOSING = "closing"


class QuestionKind(StrEnum):
    """Questions are asked aloud; techniques and tips are guidance for the facilitator only."""

    QUESTION = "question"
    TECHNIQUE = "technique"
    TIP = "tip"


class SignalKind(StrEnum):
    """What the room looks like, as far as the picker may react to it."""

    QUIET_VOICE = "quiet-voice"
    TENSION = "tension"
    LOW_ENERGY = "low-energy"
    REPEATED_ISSUE = "repeated-issue"


class DeckError(ValueError):
    """A deck that cannot be used; the message is fit to show the user as it is."""


@dataclass(frozen=True, slots=True)
class Question:
    """One bank entry. ``source`` names the masterclass section, so every shipped word can be traced.

    ``origin`` says whose words ``text`` is: the masterclass's, verbatim, or CoPDesk's (a custom question has
    none: it is the facilitator's). ``derived_from`` holds the masterclass text a CoPDesk prompt was written
    from. ``signal_source`` quotes the masterclass text behind offering the entry for the room ``signals`` it
    lists, from ``signal_section``; ``signal_origin`` says whether the masterclass itself makes that link (a
    remedy it sets beside the challenge) or CoPDesk does. ``caution`` quotes the masterclass too, from
    ``caution_section``. Each quotation is a whole item of the masterclass (a list item, a line), except a
    ``signal_source`` with ``signal_source_part_of``: the opening words of the item it is deliberately part of.
    """

    id: str
    text: str
    category: str
    model: str
    source: str
    phases: tuple[PromptPhase, ...]
    kind: QuestionKind = QuestionKind.QUESTION
    funnel_level: int | None = None
    caution: str | None = None
    signals: tuple[SignalKind, ...] = ()
    signal_source: str | None = None
    derived_from: str | None = None
    note: str | None = None
    origin: Origin | None = None
    signal_origin: Origin | None = None
    signal_section: str | None = None
    caution_section: str | None = None
    signal_source_part_of: str | None = None


_REQUIRED_TEXT = ("id", "text", "category", "model", "source")
_OPTIONAL_TEXT = (
    "caution",
    "caution_section",
    "signal_source",
    "signal_source_part_of",
    "signal_section",
    "derived_from",
    "note",
)
_ORIGIN_FIELDS = ("origin", "signal_origin")
_KNOWN_FIELDS = frozenset(
    (*_REQUIRED_TEXT, *_OPTIONAL_TEXT, *_ORIGIN_FIELDS, "phases", "kind", "funnel_level", "signals")
)
_FIELD_ORDER = (
    *_REQUIRED_TEXT,
    "origin",
    "kind",
    "phases",
    "funnel_level",
    "caution",
    "caution_section",
    "signals",
    "signal_source",
    "signal_source_part_of",
    "signal_section",
    "signal_origin",
    "derived_from",
    "note",
)


def parse_deck(text: str, *, origin: str) -> list[Question]:
    """Read one deck. ``origin`` (usually the file name) starts every error message."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_DECK_BYTES:
        raise DeckError(f"{origin}: the deck is {_megabytes(size)}; the limit is 1 MB.")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DeckError(f"{origin}: not valid TOML: {exc}.") from None
    unknown = sorted(set(document) - {"question"})
    if unknown:
        raise DeckError(f"{origin}: unknown top-level key {unknown[0]!r}; entries go in [[question]] tables.")
    entries = document.get("question", [])
    if not isinstance(entries, list):
        raise DeckError(f"{origin}: 'question' must be an array of tables, written [[question]].")
    questions: list[Question] = []
    first_entry: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        question = _parse_entry(entry, where=f"{origin}: entry {number}")
        if question.id in first_entry:
            raise DeckError(
                f"{origin}: duplicate id {question.id!r} (entries {first_entry[question.id]} and {number})."
            )
        first_entry[question.id] = number
        questions.append(question)
    return questions


def read_deck(path: Path) -> list[Question]:
    """Read a deck file, refusing an oversized one from its size on disk before reading a byte, and anything but a
    plain file (a pipe would wait for a writer, a device such as ``/dev/zero`` never end), so the window never
    freezes on what was chosen."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise DeckError(f"{path.name}: not a file a deck can be read from; choose a .toml file.")
        with path.open("rb") as handle:
            raw = handle.read(MAX_DECK_BYTES + 1)  # never more, should the file grow while it is read
        if len(raw) > MAX_DECK_BYTES:
            raise DeckError(f"{path.name}: the deck is {_megabytes(path.stat().st_size)}; the limit is 1 MB.")
        text = raw.decode("utf-8-sig")  # Notepad may start a UTF-8 file with a byte-order mark
    except UnicodeDecodeError:
        raise DeckError(f"{path.name}: not UTF-8 text; save the deck as UTF-8.") from None
    except OSError as exc:
        raise DeckError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
    return parse_deck(text, origin=path.name)


@dataclass(frozen=True)
class Bank:
    """All decks together. Ids are unique across decks because the asked log and favourites store only ids."""

    questions: tuple[Question, ...]
    _by_id: dict[str, Question] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Question] = {}
        for question in self.questions:
            if question.id in by_id:
                raise DeckError(f"duplicate id {question.id!r}: ids must be unique across all decks.")
            by_id[question.id] = question
        object.__setattr__(self, "_by_id", by_id)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def __len__(self) -> int:
        return len(self.questions)

    def get(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    @property
    def categories(self) -> list[str]:
        """In first-seen order, which is deck order, so menus read like the masterclass."""
        return list(dict.fromkeys(question.category for question in self.questions))

    @property
    def models(self) -> list[str]:
        return list(dict.fromkeys(question.model for question in self.questions))


def load_bank(directory: Path) -> Bank:
    """Load every ``*.toml`` deck in ``directory``, in file-name order so the bank order is stable.

    A missing folder is an error rather than an empty bank, because it means a broken install.
    """
    if not directory.is_dir():
        raise DeckError(f"{directory}: the question folder is missing.")
    questions: list[Question] = []
    deck_of: dict[str, str] = {}
    for path in sorted(directory.glob("*.toml")):
        for question in read_deck(path):
            unsaid = question.origin is None or (question.signals and question.signal_origin is None)
            if unsaid or (question.caution and question.caution_section is None):
                raise DeckError(
                    f"{path.name}: {question.id!r} does not say whose words it is (origin, signal_origin, "
                    "caution_section)."
                )
            if question.id in deck_of:
                raise DeckError(f"{path.name}: duplicate id {question.id!r} (already in {deck_of[question.id]}).")
            deck_of[question.id] = path.name
            questions.append(question)
    return Bank(tuple(questions))


def deck_to_toml(questions: Iterable[Question], *, header: str = "") -> str:
    """Write a deck that :func:`parse_deck` reads back equal, field for field."""
    lines = [f"# {_escape(line, _NO_ESCAPES)}".rstrip() for line in header.splitlines()]
    for question in questions:
        if lines:
            lines.append("")
        lines.append("[[question]]")
        values = _entry_values(question)
        lines.extend(f"{key} = {_toml_value(values[key])}" for key in _FIELD_ORDER if key in values)
    return "\n".join(lines) + "\n" if lines else ""


def _entry_values(question: Question) -> dict[str, str | int | list[str]]:
    values: dict[str, str | int | list[str]] = {
        "id": question.id,
        "text": question.text,
        "category": question.category,
        "model": question.model,
        "source": question.source,
        "kind": question.kind.value,
        "phases": [phase.value for phase in question.phases],
    }
    if question.funnel_level is not None:
        values["funnel_level"] = question.funnel_level
    if question.signals:
        values["signals"] = [signal.value for signal in question.signals]
    for key in (*_OPTIONAL_TEXT, *_ORIGIN_FIELDS):
        optional: str | None = getattr(question, key)
        if optional is not None:
            values[key] = str(optional)
    return values


def _toml_value(value: str | int | list[str]) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml_string(item) for item in value) + "]"
    if isinstance(value, int):
        return str(value)
    return _toml_string(value)


_NO_ESCAPES: Mapping[str, str] = {}
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def _toml_string(value: str) -> str:
    return '"' + _escape(value) + '"'


def _escape(value: str, named: Mapping[str, str] = _ESCAPES) -> str:
    """Basic-string escaping. TOML forbids raw control characters (and DEL) even in comments, so
    header comments pass through here too, with ``named`` empty because quotes need no escape there."""
    out = []
    for char in value:
        if char in named:
            out.append(named[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04X}")
        elif 0xD800 <= ord(char) <= 0xDFFF:
            raise DeckError(f"cannot write a lone surrogate (U+{ord(char):04X}) to TOML; retype the text.")
        else:
            out.append(char)
    return "".join(out)


def _parse_entry(entry: object, *, where: str) -> Question:
    if not isinstance(entry, dict):
        raise DeckError(f"{where} is not a table; write each entry under [[question]].")
    unknown = sorted(set(entry) - _KNOWN_FIELDS)
    if unknown:
        raise DeckError(
            f"{where} has unknown field {unknown[0]!r}; known fields are {', '.join(sorted(_KNOWN_FIELDS))}."
        )
    where = f"{where} ({entry['id']!r})" if isinstance(entry.get("id"), str) else where
    required = {key: _required_text(entry, key, where=where) for key in _REQUIRED_TEXT}
    optional = {key: _optional_text(entry, key, where=where) for key in _OPTIONAL_TEXT}
    if not _ID_PATTERN.fullmatch(required["id"]):
        raise DeckError(f"{where}: id must use only a-z, 0-9, '.', '_' and '-', starting with a letter or digit.")
    if "phases" not in entry:
        raise DeckError(f"{where} is missing the field 'phases'.")
    phases = tuple(_members(entry["phases"], PromptPhase, "phase", where=where))
    if not phases:
        raise DeckError(f"{where}: 'phases' is empty; list at least one of {_choices(PromptPhase)}.")
    signals = tuple(_members(entry.get("signals", []), SignalKind, "signal", where=where))
    if signals and optional["signal_source"] is None:
        raise DeckError(f"{where} lists signals but no 'signal_source' saying which masterclass text supports them.")
    if optional["signal_source_part_of"] is not None and optional["signal_source"] is None:
        raise DeckError(f"{where} has 'signal_source_part_of' but no 'signal_source' it is about.")
    return Question(
        id=required["id"],
        text=required["text"],
        category=required["category"],
        model=required["model"],
        source=required["source"],
        phases=phases,
        kind=_member(entry.get("kind", QuestionKind.QUESTION.value), QuestionKind, "kind", where=where),
        funnel_level=_funnel_level(entry.get("funnel_level"), where=where),
        caution=optional["caution"],
        signals=signals,
        signal_source=optional["signal_source"],
        derived_from=optional["derived_from"],
        note=optional["note"],
        origin=_optional_member(entry.get("origin"), Origin, "origin", where=where),
        signal_origin=_optional_member(entry.get("signal_origin"), Origin, "signal_origin", where=where),
        signal_section=optional["signal_section"],
        caution_section=optional["caution_section"],
        signal_source_part_of=optional["signal_source_part_of"],
    )


def _required_text(entry: Mapping[str, object], key: str, *, where: str) -> str:
    text = _optional_text(entry, key, where=where)
    if text is None:
        raise DeckError(f"{where} is missing the field {key!r}.")
    return text


def _optional_text(entry: Mapping[str, object], key: str, *, where: str) -> str | None:
    if key not in entry:
        return None
    value = entry[key]
    if not isinstance(value, str):
        raise DeckError(f"{where}: field {key!r} must be a string, in double quotes.")
    if not value.strip():
        raise DeckError(f"{where}: field {key!r} is empty.")
    return value


def _members(value: object, enum: type[_E], what: str, *, where: str) -> Iterator[_E]:
    if not isinstance(value, list):
        raise DeckError(f"{where}: {what}s must be a list, such as [{_choices(enum)}].")
    for item in value:
        yield _member(item, enum, what, where=where)


def _member(value: object, enum: type[_E], what: str, *, where: str) -> _E:
    for member in enum:
        if member.value == value:
            return member
    raise DeckError(f"{where}: unknown {what} {value!r}; use {_choices(enum)}.")


def _optional_member(value: object, enum: type[_E], what: str, *, where: str) -> _E | None:
    return None if value is None else _member(value, enum, what, where=where)


def _funnel_level(value: object, *, where: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 3:
        raise DeckError(f"{where}: funnel_level must be 1 (broad), 2 or 3 (specific), not {value!r}.")
    return value


def _choices(enum: type[StrEnum]) -> str:
    return ", ".join(member.value for member in enum)


def _megabytes(size: int) -> str:
    """A size over the limit as it reads plainly: in bytes when it would round to the limit itself ("1.0 MB")."""
    return f"{size / MAX_DECK_BYTES:.1f} MB" if size >= 1.05 * MAX_DECK_BYTES else f"{size:,} bytes"
