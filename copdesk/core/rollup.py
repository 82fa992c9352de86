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
from typing import Any

from copdesk.core.charts import ChartSeries, chart_image, grouped_bars
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.model import EscalationTarget, SessionKind
from copdesk.core.quarterly import quarter_label
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
