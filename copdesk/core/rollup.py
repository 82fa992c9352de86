"""The roll-up across teams: many anonymised quarter summaries merged into one report for the consultant.

Each team exports its quarter as JSON (``copdesk.core.quarterly.summary_document``), which holds counts, dates
and issue titles with names taken out. The roll-up reads only those files, so it cannot contain what they do
not: no member, no note, no participation by person. It shows each team's rhythm side by side and, above all,
the barriers that recur across teams, which is what the Social Work Consultant can act on ("Respond to themes,
issues and barriers to service delivery", masterclass, roles). Each file is read and checked by
``copdesk.core.summary_file`` first.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from copdesk.core.charts import ChartSeries, chart_image, grouped_bars
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.model import EscalationTarget, SessionKind
from copdesk.core.quarterly import RUN_BY_OTHERS, quarter_label
from copdesk.core.recurring import ISSUES_NOT_KNOWN_LEAD, issue_status_then_text
from copdesk.core.report_text import Section, Table, sections_to_html
from copdesk.core.summary_file import ACTION_KEYS, TeamSummary
from copdesk.core.text import mean_text, name_sort_key
from copdesk.core.themes import shared_words, theme_words


def summary_json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


SUMMARY_DOCUMENT: ExportDocument[dict[str, Any]] = ExportDocument(
    "quarter summary", ExportFormat("summary", "Anonymised summary for the roll-up (JSON)", ".json", summary_json)
)


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


_SESSIONS_LEAD = f"Sessions each team held itself, and those it attended that were {RUN_BY_OTHERS}."


class _TeamSessions(NamedTuple):
    """A team's sessions scheduled and held by it, and those run by others, scheduled and attended."""

    own_scheduled: int
    held: int
    others_scheduled: int
    attended: int


def _team_sessions(s: TeamSummary) -> _TeamSessions | None:
    """``None`` for an earlier CoPDesk's summary, which did not say who ran each session."""
    if s.split is None:
        return None
    own = sum(s.split.held_by_the_team.values())
    # A TM/SSW CoP the team ran as its own (as CoPDesk ran them once) was one of its own on its calendar, not one
    # scheduled for others to run that it missed.
    ran_of_others = sum(
        min(n, s.scheduled.get(kind, 0))
        for kind, n in s.split.held_by_the_team.items()
        if kind in s.split.run_by_others
    )
    others = sum(n for kind, n in s.scheduled.items() if kind in s.split.run_by_others) - ran_of_others
    return _TeamSessions(sum(s.scheduled.values()) - others, own, others, sum(s.held.values()) - own)


def _sessions_lead(summaries: Sequence[TeamSummary]) -> str:
    """An earlier CoPDesk's summary counts what a team held and attended together: said so, never guessed apart."""
    labels = [label for s, label in zip(summaries, _labels(summaries), strict=True) if s.split is None]
    if not labels:
        return _SESSIONS_LEAD
    one = len(labels) == 1
    names = labels[0] if one else f"{', '.join(labels[:-1])} and {labels[-1]}"
    return (
        f"{_SESSIONS_LEAD} {'The summary' if one else 'The summaries'} of {names} {'was' if one else 'were'} made by "
        "an earlier CoPDesk, which did not say which sessions a team ran itself and which it attended: "
        f"{'its' if one else 'their'} sessions held or attended are counted together, not split."
    )


def _sessions_by_team(summaries: Sequence[TeamSummary]) -> Section:
    rows = []
    counts = [_team_sessions(s) for s in summaries]
    for s, label, c in zip(summaries, _labels(summaries), counts, strict=True):
        average = mean_text(sum(s.attendance), len(s.attendance)) if s.attendance else "—"
        balance = f"{sum(s.balance) / len(s.balance):.2f}" if s.balance else "—"
        if c is None:
            held, attended = (
                f"{sum(s.held.values())} held or attended of {sum(s.scheduled.values())} scheduled",
                "Not split",
            )
        else:
            held, attended = (
                f"{c.held} of {c.own_scheduled} scheduled",
                f"{c.attended} of {c.others_scheduled} scheduled",
            )
        rows.append((label, held, attended, average, balance))
    charted = [(label, c) for label, c in zip(_labels(summaries), counts, strict=True) if c is not None]
    chart = ""
    if charted:  # a team whose sessions are not split has no bar to draw without guessing
        series = [
            ChartSeries("Held by the team", tuple(float(c.held) for _, c in charted)),
            ChartSeries("Attended", tuple(float(c.attended) for _, c in charted)),
        ]
        alt = "Bar chart: sessions held by the team and attended (run by others) per team, as in the table above."
        chart = chart_image(grouped_bars([label for label, _ in charted], series), alt)
    headers = (
        "Team",
        "Held by the team",
        "Attended (run by others)",
        "Average attendance",
        "Average balance (0 = even)",
    )
    title = "Sessions held or attended against scheduled, by team"
    return Section(title, 2, _sessions_lead(summaries), Table(headers, tuple(rows)), chart)


def _sessions_by_type(summaries: Sequence[TeamSummary]) -> Section:
    scheduled: Counter[SessionKind] = Counter()
    held: Counter[SessionKind] = Counter()
    attended: Counter[SessionKind] = Counter()
    not_split: Counter[SessionKind] = Counter()
    for s in summaries:
        scheduled.update(s.scheduled)
        if s.split is None:
            not_split.update(s.held)
        else:
            held.update(s.split.held_by_the_team)
            attended.update({kind: n - s.split.held_by_the_team.get(kind, 0) for kind, n in s.held.items()})
    counts = [held, attended, *([not_split] if any(s.split is None for s in summaries) else [])]
    rows = tuple(
        (kind.label, str(scheduled[kind]), *(str(c[kind]) for c in counts))
        for kind in SessionKind
        if scheduled[kind] or any(c[kind] for c in counts)
    )
    headers = ("Type", "Scheduled", "Held by the team", "Attended (run by others)", "Held or attended (not split)")[
        : 2 + len(counts)
    ]
    return Section("Sessions by type, all teams", 2, _sessions_lead(summaries), Table(headers, rows))


def _actions_by_team(summaries: Sequence[TeamSummary]) -> Section:
    rows = tuple(
        (label, *(str(s.actions[key]) for key in ACTION_KEYS))
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
    """Each status is the one at its team's quarter's end; where a team's CoPDesk could not know it, the lead says
    why, as the team's own report does."""
    recurring = [
        (label, i)
        for s, label in zip(summaries, _labels(summaries), strict=True)
        for i in sorted(s.issues, key=lambda i: -i.mentions_total)
        if i.recurring
    ]
    rows = tuple(
        (label, i.title, issue_status_then_text(i.status), str(i.mentions_in_quarter), str(i.mentions_total))
        for label, i in recurring
    )
    lead = ISSUES_NOT_KNOWN_LEAD if any(i.status is None for _, i in recurring) else ""
    headers = ("Team", "Issue", "Status", "Raised this quarter", "Raised in all")
    return Section("Issues raised in more than one session", 2, lead, Table(headers, rows))


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
