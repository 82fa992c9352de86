"""The facilitator's quarterly self-assessment, with its supporting figures, as HTML (with charts), Markdown and
CSV, from :class:`QuarterFigures`. The facilitator's own words and the feedback's summary come first; the figures
(sessions held or attended, attendance, balance, actions, issues, escalations, themes) follow as evidence.

HTML and Markdown share one list of sections (``copdesk.core.report_text``), so both escape every typed word the
same way; the CSV is long-form (one figure per row) so a spreadsheet can pivot it however the consultant likes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from copdesk.core.charts import ChartSeries, ReferenceLine, chart_image, columns, grouped_bars
from copdesk.core.date_names import long_date, month_name
from copdesk.core.export_formats import ExportDocument, ExportFormat
from copdesk.core.feedback import USEFULNESS
from copdesk.core.participation import EVEN_GINI_THRESHOLD, HistoryPoint
from copdesk.core.quarterly import RUN_BY_OTHERS, QuarterFigures, quarter_label
from copdesk.core.record import NO_VALUE, redacted_words
from copdesk.core.recurring import ESCALATION_NOT_KNOWN_WHY, ISSUE_NOT_KNOWN, ISSUE_NOT_KNOWN_WHY, ISSUES_NOT_KNOWN_LEAD
from copdesk.core.report_text import Section, Table, sections_to_html, sections_to_markdown
from copdesk.core.text import counted, csv_safe, mean_text

NOT_WRITTEN = (
    "Not written yet. Write it in CoPDesk (Reports ▸ Write the self-assessment…): what went well, what was harder, "
    "what you will change, and the support you would like."
)
CSV_HEADERS = ("section", "item", "measure", "value")


def report_title(figures: QuarterFigures) -> str:
    return f"Facilitator's CoP self-assessment: {figures.team_name}, {quarter_label(figures.quarter)}"


def render_html(figures: QuarterFigures) -> str:
    return sections_to_html(report_title(figures), report_sections(figures, charts=True))


def render_markdown(figures: QuarterFigures) -> str:
    return sections_to_markdown(report_title(figures), report_sections(figures, charts=False))


def report_sections(figures: QuarterFigures, *, charts: bool) -> list[Section]:
    return [
        _about(figures),
        _assessment(figures),
        _feedback(figures),
        _sessions(figures, charts),
        _attendance(figures, charts),
        _balance(figures, charts),
        *_actions(figures),
        _issues(figures),
        _escalations(figures),
        _themes(figures),
    ]


def _about(figures: QuarterFigures) -> Section:
    lead = (
        f"The facilitator's self-assessment of {figures.team_name}'s Communities of Practice, "
        f"{long_date(figures.first_day)} to {long_date(figures.last_day)}, with the figures that support it "
        f"(as of {long_date(figures.as_of)}). Participation is shown for the team as a whole: no colleague is "
        "named or ranked, and feedback is anonymous."
    )
    if figures.identifiers_redacted:
        lead += f" Identifiers: {redacted_words(figures.identifiers_redacted)}, in the typed texts it draws on."
    return Section("About this report", 2, lead, None)


def _assessment(figures: QuarterFigures) -> Section:
    """The facilitator's own words, heading by heading: the point of the report, so it comes first."""
    if not figures.self_assessment:
        return Section("The facilitator's self-assessment", 2, NOT_WRITTEN, None)
    rows = tuple((heading, text) for heading, text in figures.self_assessment)
    return Section("The facilitator's self-assessment", 2, "", Table(("Heading", "In the facilitator's words"), rows))


def _feedback(figures: QuarterFigures) -> Section:
    summary = figures.feedback
    rows = tuple(
        (f"{score}: {words}", str(count))
        for (score, words), count in zip(USEFULNESS.items(), summary.ratings, strict=True)
    )
    lead = f"Anonymous, typed in at the end of sessions. {summary.in_words()}"
    if summary.changes:
        lead += " One thing to change: " + "; ".join(summary.changes)
    return Section(
        "Feedback from sessions", 2, lead, Table(("How useful", "Responses"), rows) if summary.rated else None
    )


def _sessions(figures: QuarterFigures, charts: bool) -> Section:
    rows = tuple(
        (
            t.kind.label,
            str(t.scheduled),
            str(t.due_so_far),
            NO_VALUE if t.attended else str(t.held),
            str(t.held) if t.attended else NO_VALUE,
        )
        for t in figures.kinds
    )
    run = [t for t in figures.kinds if not t.attended]
    others = [t for t in figures.kinds if t.attended]
    parts = []
    attended = any(t.scheduled or t.held for t in others)
    if (
        any(t.scheduled or t.held for t in run) or not attended
    ):  # a team whose calendar is all run by others: no "0 of 0"
        parts.append(f"{sum(t.held for t in run)} held by the team of {sum(t.scheduled for t in run)} on its calendar")
    if attended:
        parts.append(f"{sum(t.held for t in others)} attended of {sum(t.scheduled for t in others)} {RUN_BY_OTHERS}")
    lead = "; ".join(parts) + "."
    if not sum(t.scheduled for t in figures.kinds):
        lead += (
            " Nothing was on the team's calendar this quarter; if the team has no schedule yet, set one up with "
            "File ▸ Schedule… in CoPDesk."
        )
    chart = ""
    if charts and rows:
        svg = grouped_bars(
            [t.kind.label for t in figures.kinds],
            [
                ChartSeries("Scheduled", tuple(float(t.scheduled) for t in figures.kinds)),
                ChartSeries("Held or attended", tuple(float(t.held) for t in figures.kinds)),
            ],
        )
        chart = chart_image(svg, "Bar chart: sessions scheduled, and held or attended, per type, as in the table.")
    table = Table(("Type", "Scheduled", "Due so far", "Held by the team", "Attended"), rows)
    return Section("Sessions held or attended against scheduled", 2, lead, table, chart)


def _attendance(figures: QuarterFigures, charts: bool) -> Section:
    sessions = figures.sessions
    rows = tuple((long_date(s.held_on), s.kind.label, s.topic, str(s.attendance)) for s in sessions)
    counts = [s.attendance for s in sessions]
    lead = ""
    if counts:
        average = mean_text(sum(counts), len(counts))
        lead = f"{average} attended on average (from {min(counts)} to {max(counts)}); {_trend(counts[0], counts[-1])}."
    chart = ""
    if charts and counts:
        labels = [f"{s.held_on.day} {month_name(s.held_on, short=True)}" for s in sessions]
        svg = columns(labels, [float(c) for c in counts])
        chart = chart_image(svg, "Column chart: attendance at each session in date order, as in the table above.")
    table = Table(("Date", "Type", "Topic", "Attended"), rows)
    return Section("Attendance trend", 2, lead, table, chart)


def _balance(figures: QuarterFigures, charts: bool) -> Section:
    points = figures.balance
    rows = tuple(
        (long_date(p.held_on), str(p.attendance), str(p.contributions), _gini_text(p), _reading(p)) for p in points
    )
    lead = (
        "How evenly the conversation was shared, for the team as a whole: 0 means everyone contributed equally, "
        f"values towards 1 mean a few voices carried it; below {EVEN_GINI_THRESHOLD:g} reads as even."
    )
    tallied = [p for p in points if p.contributions]
    chart = ""
    if charts and tallied:
        svg = columns(
            [f"{p.held_on.day} {month_name(p.held_on, short=True)}" for p in tallied],
            [p.gini for p in tallied],
            maximum=1.0,
            reference=ReferenceLine(EVEN_GINI_THRESHOLD, f"even below {EVEN_GINI_THRESHOLD:g}"),
            value_format="{:.2f}",
        )
        chart = chart_image(svg, "Column chart: balance of contributions per session (0 is even), as in the table.")
    table = Table(("Date", "Attended", "Contributions", "Balance (0 = even)", "Reading"), rows)
    return Section("Participation balance (team level)", 2, lead, table, chart)


def _actions(figures: QuarterFigures) -> list[Section]:
    tally = figures.actions
    rows = (
        ("Raised", str(tally.raised)),
        ("Completed", str(tally.completed)),
        ("Dropped", str(tally.dropped)),
        ("Carried to a later session (times)", str(tally.carried)),
        (f"Overdue on {long_date(figures.cutoff)}", str(len(tally.overdue))),
    )
    overdue = tuple((a.text, long_date(a.due), str(a.times_carried)) for a in tally.overdue)
    return [
        Section("Actions", 2, "", Table(("Actions", "Count"), rows)),
        Section("Overdue actions", 3, "", Table(("Action", "Due", "Times carried"), overdue)),
    ]


def _issues(figures: QuarterFigures) -> Section:
    issues = sorted(figures.issues, key=lambda i: (not i.recurring, -i.mentions_total, i.title.casefold()))
    rows = tuple(
        (
            i.title,
            i.status_text,
            str(i.mentions_in_quarter),
            str(i.mentions_total),
            long_date(i.first_raised),
            "Yes" if i.recurring else "No",
        )
        for i in issues
    )
    recurring = sum(1 for i in issues if i.recurring)
    earlier = sum(1 for i in issues if not i.mentions_in_quarter)
    lead = f"{counted(len(issues) - earlier, 'issue was', 'issues were', none='No')} raised this quarter"
    if earlier:
        lead += f", and {counted(earlier, 'earlier one is', 'earlier ones are')} still unresolved"
    lead += f"; {counted(recurring, 'has', 'have')} come up in more than one session."
    if any(i.status is None for i in issues):
        lead += f" {ISSUES_NOT_KNOWN_LEAD}"
    headers = ("Issue", "Status", "Raised this quarter", "Raised in all", "First raised", "Recurring")
    return Section("Recurring issues and barriers", 2, lead if issues else "", Table(headers, rows))


def _escalations(figures: QuarterFigures) -> Section:
    """Each status as it stood on the day the overdue actions are judged on (the quarter's end, or the report's date in
    the quarter), not on the day the report is run; where CoPDesk had not yet kept the day of a response or a closing,
    the status then is not known, and the lead says so rather than guess."""
    overdue = f" (overdue on {long_date(figures.cutoff)})"
    rows = tuple(
        (
            e.issue_title,
            e.target.label,
            long_date(e.raised),
            NO_VALUE if e.response_due is None else long_date(e.response_due),
            e.status_text + (overdue if figures.response_overdue(e) else ""),
        )
        for e in figures.escalations
    )
    end = "the quarter's end" if figures.cutoff == figures.last_day else "the date of this report"
    lead = (
        "Those raised this quarter, and earlier ones not closed by its end: awaiting a response, or responded to and "
        f"not yet closed. Each status is as it stood on {long_date(figures.cutoff)}, {end}."
    )
    if any(e.status is None for e in figures.escalations):
        lead += f" Where it reads Not known, {ESCALATION_NOT_KNOWN_WHY}."
    table = Table(("Issue", "To", "Raised", "Response due", "Status"), rows)
    return Section("Escalations", 2, lead if rows else "", table)


def _themes(figures: QuarterFigures) -> Section:
    themes = figures.themes()
    rows = tuple((t.word, str(t.texts), "; ".join(t.examples)) for t in themes)
    lead = "Words that came up in two or more session topics or issue titles this quarter."
    return Section("Themes", 2, lead, Table(("Theme", "Times", "Where it came up"), rows))


def render_csv(figures: QuarterFigures) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(tuple(csv_safe(cell) for cell in row) for row in csv_rows(figures))
    return buffer.getvalue()


def csv_rows(figures: QuarterFigures) -> Iterable[tuple[str, str, str, str]]:
    yield "report", figures.team_name, "quarter", figures.quarter
    yield "report", figures.team_name, "as_of", figures.as_of.isoformat()
    yield "report", figures.team_name, "identifiers_redacted", str(figures.identifiers_redacted)
    for heading, text in figures.self_assessment:
        yield "self_assessment", heading, "text", text
    summary = figures.feedback
    yield "feedback", "", "responses", str(summary.responses)
    for score, count in enumerate(summary.ratings, start=1):
        yield "feedback", str(score), "rated", str(count)
    for change in summary.changes:
        yield "feedback", "", "to_change", change
    for t in figures.kinds:
        yield from (
            ("sessions", t.kind.label, name, str(value))
            for name, value in zip(
                ("scheduled", "due_so_far", "attended" if t.attended else "held"),
                (t.scheduled, t.due_so_far, t.held),
                strict=True,
            )
        )
    for s in figures.sessions:
        yield "attendance", s.held_on.isoformat(), s.kind.label, str(s.attendance)
    for p in figures.balance:
        yield "balance", p.held_on.isoformat(), "contributions", str(p.contributions)
        yield "balance", p.held_on.isoformat(), "gini", f"{p.gini:.3f}"
    a = figures.actions
    for name, value in (("raised", a.raised), ("completed", a.completed), ("dropped", a.dropped)):
        yield "actions", "", name, str(value)
    yield "actions", "", "carried", str(a.carried)
    yield "actions", "", "overdue", str(len(a.overdue))
    for i in figures.issues:
        yield "issues", i.title, "mentions_in_quarter", str(i.mentions_in_quarter)
        yield "issues", i.title, "mentions_total", str(i.mentions_total)
        yield "issues", i.title, "status", i.status_text
    if any(i.status is None for i in figures.issues):  # a spreadsheet has no lead: the words are explained in a row
        yield "issues", ISSUE_NOT_KNOWN, "meaning", f"Not known: {ISSUE_NOT_KNOWN_WHY}."
    for e in figures.escalations:
        yield "escalations", e.issue_title, e.target.label, e.status_text
    for unknown in sorted({e.status_text for e in figures.escalations if e.status is None}):
        yield "escalations", unknown, "meaning", f"Not known: {ESCALATION_NOT_KNOWN_WHY}."
    for theme in figures.themes():
        yield "themes", theme.word, "texts", str(theme.texts)


def _gini_text(point: HistoryPoint) -> str:
    return f"{point.gini:.2f}" if point.contributions else NO_VALUE


def _reading(point: HistoryPoint) -> str:
    if not point.contributions:
        return "Not tallied"
    return "Even" if point.gini < EVEN_GINI_THRESHOLD else "Uneven"


def _trend(first: int, last: int) -> str:
    if last > first:
        return f"up from {first} at the first session to {last} at the last"
    if last < first:
        return f"down from {first} at the first session to {last} at the last"
    return f"{first} at both the first and the last session"


REPORT_DOCUMENT: ExportDocument[QuarterFigures] = ExportDocument(
    "report",
    ExportFormat("html", "Web page with charts (HTML)", ".html", render_html),
    ExportFormat("csv", "Spreadsheet (CSV)", ".csv", render_csv),
    ExportFormat("md", "Markdown", ".md", render_markdown),
)
