"""The roll-up across teams: many anonymised quarter summaries merged into one report for the consultant.

Each team exports its quarter as JSON (``copdesk.core.quarterly.summary_document``), which holds counts, dates
and issue titles with names taken out. The roll-up reads only those files, so it cannot contain what they do
not: no member, no note, no participation by person. It shows each team's rhythm side by side and, above all,
the barriers that recur across teams, which is what the Social Work Consultant can act on ("Respond to themes,
issues and barriers to service delivery", masterclass, roles).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, BinaryIO, TypeVar

from copdesk.core.charts import ChartSeries, chart_image, grouped_bars
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.quarterly import RECURRING_AFTER_MENTIONS, SUMMARY_FORMAT, SUMMARY_VERSION, quarter_label
from copdesk.core.report_text import Section, Table, sections_to_html
from copdesk.core.text import mean_text, name_key, name_sort_key, quoted
from copdesk.core.themes import shared_words, theme_words


class SummaryError(ValueError):
    """A file is not a summary this CoPDesk can read; the message names the file and is one line."""


@dataclass(frozen=True, slots=True)
class SummaryIssue:
    title: str
    status: IssueStatus
    mentions_in_quarter: int
    mentions_total: int
    recurring: bool


@dataclass(frozen=True, slots=True)
class SummaryEscalation:
    issue: str
    target: EscalationTarget
    response_overdue: bool


@dataclass(frozen=True, slots=True)
class TeamSummary:
    team: str
    quarter: str
    scheduled: dict[SessionKind, int]
    held: dict[SessionKind, int]
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


_ACTION_KEYS = ("raised", "completed", "dropped", "carried", "overdue")
# No count in a summary comes near a million: a session every day of a quarter is 92, a roster of 40 each speaking
# every minute of an hour is 2,400 contributions, an issue's mentions are counted in tens. A bigger count is damage,
# and one of thousands of digits would overflow the averages and the chart the roll-up draws from it.
_MAX_COUNT = 1_000_000
# A quarter as the summary writer spells it (``copdesk.store.quarterly.quarter_figures``), such as 2026Q3.
_QUARTER = re.compile(r"[1-9][0-9]{3}Q[1-4]")


def summary_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


SUMMARY_DOCUMENT: ExportDocument[dict[str, Any]] = ExportDocument(
    "quarter summary", ExportFormat("summary", "Anonymised summary for the roll-up (JSON)", ".json", summary_json)
)


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
    if len(document["balance"]) > len(attendance):  # the writer gives one per session held, at most
        raise ValueError("a balance for more sessions than were held")
    return TeamSummary(
        team=_team_name(document["team"]),
        quarter=_quarter(document["quarter"]),
        scheduled=scheduled,
        held=held,
        attendance=attendance,
        balance=tuple(_ratio(b["gini"]) for b in document["balance"] if _count(b["contributions"])),
        actions={key: _count(document["actions"][key]) for key in _ACTION_KEYS},
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


def _issue(entry: dict[str, Any]) -> SummaryIssue:
    """The writer lists an issue once it has been raised, counts the quarter's mentions among all those up to its
    end, and calls the issue recurring from its second mention."""
    issue = SummaryIssue(
        _text(entry["title"]),
        _one_of(IssueStatus, entry["status"], "issue status"),
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


def rollup_title(summaries: Sequence[TeamSummary]) -> str:
    quarters = sorted({s.quarter for s in summaries})
    return f"CoP roll-up across teams: {', '.join(quarter_label(q) for q in quarters)}"


def render_rollup_html(summaries: Sequence[TeamSummary]) -> str:
    return sections_to_html(rollup_title(summaries), rollup_sections(summaries))


def rollup_sections(summaries: Sequence[TeamSummary]) -> list[Section]:
    ordered = sorted(summaries, key=lambda s: (s.quarter, name_sort_key(s.team)))
    about = (
        f"{len(ordered)} team {'summary' if len(ordered) == 1 else 'summaries'}, merged from anonymised exports: "
        "no colleague is named, and participation appears only as each team's average balance."
    )
    return [
        Section("About this roll-up", 2, about, None),
        _sessions_by_team(ordered),
        _sessions_by_type(ordered),
        _actions_by_team(ordered),
        _shared_barriers(ordered),
        _recurring_by_team(ordered),
        _escalations(ordered),
        _shared_themes(ordered),
    ]


def _labels(summaries: Sequence[TeamSummary]) -> list[str]:
    """Team names, with the quarter only when the roll-up spans more than one."""
    if len({s.quarter for s in summaries}) == 1:
        return [s.team for s in summaries]
    return [f"{s.team} ({quarter_label(s.quarter)})" for s in summaries]


def _sessions_by_team(summaries: Sequence[TeamSummary]) -> Section:
    rows = []
    for s, label in zip(summaries, _labels(summaries), strict=True):
        average = mean_text(sum(s.attendance), len(s.attendance)) if s.attendance else "—"
        balance = f"{sum(s.balance) / len(s.balance):.2f}" if s.balance else "—"
        rows.append((label, str(sum(s.scheduled.values())), str(sum(s.held.values())), average, balance))
    svg = grouped_bars(
        _labels(summaries),
        [
            ChartSeries("Scheduled", tuple(float(sum(s.scheduled.values())) for s in summaries)),
            ChartSeries("Held", tuple(float(sum(s.held.values())) for s in summaries)),
        ],
    )
    chart = chart_image(svg, "Bar chart: sessions scheduled and held per team, as in the table above.")
    headers = ("Team", "Scheduled", "Held", "Average attendance", "Average balance (0 = even)")
    return Section("Sessions held against scheduled, by team", 2, "", Table(headers, tuple(rows)), chart)


def _sessions_by_type(summaries: Sequence[TeamSummary]) -> Section:
    scheduled: Counter[SessionKind] = Counter()
    held: Counter[SessionKind] = Counter()
    for s in summaries:
        scheduled.update(s.scheduled)
        held.update(s.held)
    rows = tuple(
        (kind.label, str(scheduled[kind]), str(held[kind])) for kind in SessionKind if scheduled[kind] or held[kind]
    )
    return Section("Sessions by type, all teams", 2, "", Table(("Type", "Scheduled", "Held"), rows))


def _actions_by_team(summaries: Sequence[TeamSummary]) -> Section:
    rows = tuple(
        (label, *(str(s.actions[key]) for key in _ACTION_KEYS))
        for s, label in zip(summaries, _labels(summaries), strict=True)
    )
    headers = ("Team", "Raised", "Completed", "Dropped", "Carried (times)", "Overdue")
    return Section("Actions, by team", 2, "", Table(headers, rows))


def _per_team(summaries: Sequence[TeamSummary], texts: Callable[[TeamSummary], Iterable[str]]) -> dict[str, set[str]]:
    """Each team's texts over all its quarters, under its name as its latest quarter spells it: a team rolled up
    for two quarters is still one team when teams are counted."""
    named = {s.team_key: s.team for s in sorted(summaries, key=lambda s: s.quarter)}
    gathered: dict[str, set[str]] = defaultdict(set)
    for s in summaries:
        gathered[named[s.team_key]].update(texts(s))
    return gathered


def _shared_barriers(summaries: Sequence[TeamSummary]) -> Section:
    """Issues of two or more teams that share words; words naming the same set of issues make one row."""
    raised = _per_team(summaries, lambda s: s.barrier_titles)
    shared = shared_words(list(raised.values()))
    by_issues: dict[frozenset[tuple[str, str]], list[str]] = defaultdict(list)
    for word in sorted(shared):
        where = frozenset(
            (team, title) for team, titles in raised.items() for title in titles if word in theme_words(title)
        )
        by_issues[where].append(word)
    rows = [
        (
            ", ".join(words),
            str(len({team for team, _ in where})),
            "\n".join(
                f"{t}: {title}" for t, title in sorted(where, key=lambda pair: (name_sort_key(pair[0]), pair[1]))
            ),
        )
        for where, words in by_issues.items()
    ]
    rows.sort(key=lambda row: (-int(row[1]), row[0]))
    lead = (
        "Issues and escalations of different teams that share their key words: the same barrier met in several places."
    )
    headers = ("Shared words", "Teams", "Issues raised")
    return Section("Recurring barriers across teams", 2, lead, Table(headers, tuple(rows)))


def _recurring_by_team(summaries: Sequence[TeamSummary]) -> Section:
    rows = tuple(
        (label, i.title, i.status.label, str(i.mentions_in_quarter), str(i.mentions_total))
        for s, label in zip(summaries, _labels(summaries), strict=True)
        for i in sorted(s.issues, key=lambda i: -i.mentions_total)
        if i.recurring
    )
    headers = ("Team", "Issue", "Status", "Raised this quarter", "Raised in all")
    return Section("Issues raised in more than one session", 2, "", Table(headers, rows))


def _escalations(summaries: Sequence[TeamSummary]) -> Section:
    rows = []
    for s, label in zip(summaries, _labels(summaries), strict=True):
        for target in EscalationTarget:
            raised = [e.response_overdue for e in s.escalations if e.target is target]
            if raised:
                rows.append((label, target.label, str(len(raised)), str(sum(raised))))
    headers = ("Team", "Escalated to", "Escalations", "Response overdue")
    return Section("Escalations, by team", 2, "", Table(headers, tuple(rows)))


def _shared_themes(summaries: Sequence[TeamSummary]) -> Section:
    words = shared_words(list(_per_team(summaries, lambda s: s.themes).values()))
    rows = tuple((word, str(count)) for word, count in sorted(words.items(), key=lambda item: (-item[1], item[0])))
    lead = "Themes (words from session topics and issue titles) that more than one team shared."
    return Section("Themes across teams", 2, lead, Table(("Theme", "Teams"), rows))


ROLLUP_DOCUMENT: ExportDocument[Sequence[TeamSummary]] = ExportDocument(
    "roll-up", ExportFormat("html", "Web page (HTML)", ".html", render_rollup_html)
)
