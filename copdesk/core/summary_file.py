"""A team's quarter summary as the roll-up reads it back (``copdesk.core.quarterly.summary_document`` writes it):
read no further than a summary can reach, parsed, and checked figure by figure, so a file ``summary`` could not have
written (a figure of the wrong kind, figures that contradict each other, a team's quarter given twice) is refused in
one line naming the file, before anything is merged."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, BinaryIO, TypeVar

from copdesk.core.masterclass import shipped_texts
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.quarterly import RECURRING_AFTER_MENTIONS, SUMMARY_FORMAT, SUMMARY_VERSION
from copdesk.core.text import name_key, quoted


class SummaryError(ValueError):
    """A file is not a summary this CoPDesk can read; the message names the file and is one line."""


@dataclass(frozen=True, slots=True)
class SummaryIssue:
    title: str
    status: IssueStatus | None  # None: not known at the quarter's end (``copdesk.core.quarterly.QuarterIssue``)
    mentions_in_quarter: int
    mentions_total: int
    recurring: bool


@dataclass(frozen=True, slots=True)
class SummaryEscalation:
    issue: str
    target: EscalationTarget
    response_overdue: bool


@dataclass(frozen=True, slots=True)
class SessionsSplit:
    """Which sessions a team ran itself and which it attended, run by others: ``run_by_others`` are the types whose
    scheduled sessions others run, and ``held_by_the_team`` counts, by type, the sessions held that the team ran (a
    TM/SSW CoP may be either, by when it was held); the rest of those held it attended."""

    run_by_others: frozenset[SessionKind]
    held_by_the_team: dict[SessionKind, int]


@dataclass(frozen=True, slots=True)
class TeamSummary:
    team: str
    quarter: str
    scheduled: dict[SessionKind, int]
    held: dict[SessionKind, int]  # held or attended
    split: SessionsSplit | None  # None: a summary by an earlier CoPDesk, which did not say who ran each session
    attendance: tuple[int, ...]
    balance: tuple[float, ...]
    actions: dict[str, int]
    issues: tuple[SummaryIssue, ...]
    escalations: tuple[SummaryEscalation, ...]
    themes: tuple[str, ...]

    @property
    def team_key(self) -> str:
        """Which team this is. A summary carries no identity but the team's name, so it is compared as CoPDesk
        compares team names (``copdesk.core.text.name_key``): two quarters of "North" are one team."""
        return name_key(self.team)

    @property
    def barrier_titles(self) -> tuple[str, ...]:
        """What the team raised as a barrier this quarter: its issues, and the issues it has escalated."""
        return tuple(dict.fromkeys([*(i.title for i in self.issues), *(e.issue for e in self.escalations)]))


ACTION_KEYS = ("raised", "completed", "dropped", "carried", "overdue")
# No count in a summary comes near a million: a session every day of a quarter is 92, a roster of 40 each speaking
# every minute of an hour is 2,400 contributions, an issue's mentions are counted in tens. A bigger count is damage,
# and one of thousands of digits would overflow the averages and the chart the roll-up draws from it.
_MAX_COUNT = 1_000_000
# A quarter as the summary writer spells it (``copdesk.store.quarterly.quarter_figures``), such as 2026Q3.
_QUARTER = re.compile(r"[1-9][0-9]{3}Q[1-4]")


# A real summary is a few kilobytes (the demo's busiest quarter: 3 KB). Even a team with 1,000 issues still open,
# each escalated and titled with the full 300 characters, all emoji, writes 2.7 MB. 8 MB leaves room above that,
# while a file of hundreds of megabytes (255 MB took minutes and gigabytes to read) is refused before it is read.
MAX_SUMMARY_BYTES = 8 * 2**20


def summary_text(stream: BinaryIO, source: str) -> str:
    """A summary file's text, read no further than a summary can reach; a byte-order mark (Notepad's) is dropped."""
    data = stream.read(MAX_SUMMARY_BYTES + 1)
    if len(data) > MAX_SUMMARY_BYTES:
        limit = f"{MAX_SUMMARY_BYTES // 2**20} MB"
        raise SummaryError(
            f"{source} is larger than any quarter summary ({limit} at most); check it is the right file."
        )
    return data.decode("utf-8-sig")


def read_summary(text: str, source: str) -> TeamSummary:
    """Parse and check one summary; anything unexpected is a :class:`SummaryError` naming ``source``."""
    try:
        document = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        raise SummaryError(f"{source} is not JSON ({exc.msg} at line {exc.lineno}).") from exc
    except RecursionError as exc:
        raise SummaryError(f"{source} is nested too deeply to be a quarter summary.") from exc
    except ValueError as exc:  # NaN, Infinity, 1e999, or an integer of thousands of digits
        raise SummaryError(f"{source} holds a number no quarter summary has ({str(exc)[:60]}).") from exc
    if not isinstance(document, dict) or document.get("format") != SUMMARY_FORMAT:
        raise SummaryError(f"{source} is not a CoPDesk quarter summary (make one with 'copdesk-cli summary').")
    try:
        version = _count(document["version"])  # a whole number: Python takes JSON's true for 1
        summary = _team_summary(document) if version == SUMMARY_VERSION else None
    except (KeyError, TypeError, ValueError) as exc:
        raise SummaryError(f"{source} is a damaged summary ({type(exc).__name__}: {exc}).") from exc
    if summary is None:
        raise SummaryError(f"{source} is a summary version this CoPDesk cannot read; update CoPDesk.")
    return summary


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is out of range")
    return value


def _team_summary(document: dict[str, Any]) -> TeamSummary:
    scheduled, held, attendance = _sessions(document)
    split = _split(document)
    if len(document["balance"]) > len(attendance):  # the writer gives one per session held, at most
        raise ValueError("a balance for more sessions than were held")
    return TeamSummary(
        team=_team_name(document["team"]),
        quarter=_quarter(document["quarter"]),
        scheduled=scheduled,
        held=held,
        split=split,
        attendance=attendance,
        balance=tuple(_ratio(b["gini"]) for b in document["balance"] if _count(b["contributions"])),
        actions={key: _count(document["actions"][key]) for key in ACTION_KEYS},
        issues=tuple(_issue(i) for i in document["issues"]),
        escalations=tuple(_escalation(e) for e in document["escalations"]),
        themes=tuple(_text(t["word"]) for t in document["themes"]),
    )


def _sessions(document: dict[str, Any]) -> tuple[dict[SessionKind, int], dict[SessionKind, int], tuple[int, ...]]:
    """Sessions scheduled and held, by type, and the attendance of each session held. The writer lists each type
    once (a second entry would silently replace the first), counts as due only sessions on the calendar, and gives
    the attendance of every session it counts as held and of no other. It may count more held than scheduled: a
    session run outside the team's series."""
    scheduled: dict[SessionKind, int] = {}
    held: dict[SessionKind, int] = {}
    for entry in document["sessions"]:
        kind = _one_of(SessionKind, entry["kind"], "session type")
        if kind in scheduled:
            raise ValueError("a session type listed twice")
        scheduled[kind], held[kind] = _count(entry["scheduled"]), _count(entry["held"])
        if _count(entry["due_so_far"]) > scheduled[kind]:
            raise ValueError("more sessions due than scheduled")
    attended = [
        (_one_of(SessionKind, a["kind"], "session type"), _count(a["attended"])) for a in document["attendance"]
    ]
    if Counter(kind for kind, _ in attended) != Counter(held):
        raise ValueError("the attendance of other sessions than those held")
    return scheduled, held, tuple(count for _, count in attended)


def _split(document: dict[str, Any]) -> SessionsSplit | None:
    """Who ran the sessions, as a summary written since the keys were added says for every type and every session,
    and an earlier one for none; a session of a type the team runs was run by the team."""
    sessions, attendance = document["sessions"], document["attendance"]
    said = [*("run_by_others" in entry for entry in sessions), *("run_by_the_team" in entry for entry in attendance)]
    if said and not any(said):  # an earlier CoPDesk's
        return None
    if not all(said):
        raise ValueError("who ran the sessions given for some and not others")
    said_by_others = {
        _one_of(SessionKind, entry["kind"], "session type"): _flag(entry["run_by_others"]) for entry in sessions
    }
    if any(shipped_texts().is_attended(kind) is not by_others for kind, by_others in said_by_others.items()):
        raise ValueError("a session type said to be run by others that is not, or the other way round")
    others = frozenset(kind for kind, by_others in said_by_others.items() if by_others)
    by_the_team: Counter[SessionKind] = Counter()
    for entry in attendance:
        kind = _one_of(SessionKind, entry["kind"], "session type")
        if not _flag(entry["run_by_the_team"]):
            if kind not in others:
                raise ValueError("a session run by others of a type the team runs")
        elif kind in others and kind is not SessionKind.TM_SSW:  # only a TM/SSW CoP was ever run as the team's own
            raise ValueError(f"a {kind.label} said to be run by the team")
        else:
            by_the_team[kind] += 1
    return SessionsSplit(others, dict(by_the_team))


def _issue(entry: dict[str, Any]) -> SummaryIssue:
    """The writer lists an issue once it has been raised, counts the quarter's mentions among all those up to its
    end, and calls the issue recurring from its second mention."""
    issue = SummaryIssue(
        _text(entry["title"]),
        None if entry["status"] is None else _one_of(IssueStatus, entry["status"], "issue status"),
        _count(entry["mentions_in_quarter"]),
        _count(entry["mentions_total"]),
        _flag(entry["recurring"]),
    )
    if issue.mentions_total == 0:
        raise ValueError("an issue never raised")
    if issue.mentions_in_quarter > issue.mentions_total:
        raise ValueError("an issue raised more often in the quarter than in all")
    if issue.recurring is not (issue.mentions_total >= RECURRING_AFTER_MENTIONS):
        raise ValueError("an issue whose 'recurring' disagrees with its mentions")
    return issue


def _escalation(entry: dict[str, Any]) -> SummaryEscalation:
    """Only an escalation still awaiting a response can have it overdue."""
    escalation = SummaryEscalation(
        _text(entry["issue"]),
        _one_of(EscalationTarget, entry["to"], "escalation target"),
        _flag(entry["response_overdue"]),
    )
    if (
        escalation.response_overdue
        and _one_of(EscalationStatus, entry["status"], "escalation status") is not EscalationStatus.AWAITING
    ):
        raise ValueError("a response overdue for an escalation not awaiting one")
    return escalation


_Choice = TypeVar("_Choice", bound=StrEnum)


def _one_of(choices: type[_Choice], value: object, what: str) -> _Choice:
    """One of the words the writer uses; another is quoted cut short, so a damaged file cannot flood the message."""
    try:
        return choices(_text(value))
    except ValueError:
        raise ValueError(f"an unknown {what}, {quoted(str(value))}") from None


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= _MAX_COUNT:
        raise ValueError(f"expected a count from 0 to {_MAX_COUNT:,}")
    return value


def _ratio(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise ValueError("expected a ratio from 0 to 1")
    return float(value)


def _flag(value: object) -> bool:
    """Only JSON's true and false: Python would take the text "false", or any number but 0, as true."""
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, found {type(value).__name__}")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    try:  # JSON may spell half of a character ("\ud800"), which no file can be written with
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(f"text with half a character in it (U+{ord(value[exc.start]):04X})") from exc
    return value


def _team_name(value: object) -> str:
    """The team is how the roll-up tells summaries apart; CoPDesk never saves a team without a name."""
    name = _text(value)
    if not name.strip():
        raise ValueError("a team with no name")
    return name


def _quarter(value: object) -> str:
    quarter = _text(value)
    if _QUARTER.fullmatch(quarter) is None:
        raise ValueError("expected a quarter like 2026Q3")
    return quarter


def check_distinct(summaries: Sequence[tuple[str, TeamSummary]]) -> None:
    """The same team's quarter given twice would count its sessions twice."""
    seen: dict[tuple[str, str], str] = {}
    for source, summary in summaries:
        key = (summary.team_key, summary.quarter)
        if key in seen:
            raise SummaryError(
                f"{source} repeats {quoted(summary.team, 60)} {summary.quarter}, already read from {seen[key]}."
            )
        seen[key] = source
