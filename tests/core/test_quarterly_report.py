"""The quarterly self-assessment's renderers: every format, hostile text, charts that leak nothing."""

from __future__ import annotations

import base64
import csv
import io
import re
from dataclasses import replace
from datetime import date

import pytest

from copdesk.core.feedback import Feedback, summarise
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.participation import HistoryPoint
from copdesk.core.quarterly import (
    ActionTally,
    HeldSession,
    KindTally,
    OverdueAction,
    QuarterEscalation,
    QuarterFigures,
    QuarterIssue,
    quarter_label,
    recent_quarters,
    summary_document,
)
from copdesk.core.quarterly_report import REPORT_DOCUMENT, csv_rows

SCRIPT = "<script>alert('x')</script>"
QUOTES = "\"quoted\" & 'single'"
RTL = "\u202ekcatta\u202c and \u200fmark"
FORMULA = '=HYPERLINK("http://evil","x")'


def _figures(topic: str = "Hospital discharge home", title: str = "Discharge delays") -> QuarterFigures:
    return QuarterFigures(
        team_name=f"Team {QUOTES}",
        quarter="2026Q3",
        first_day=date(2026, 7, 1),
        last_day=date(2026, 9, 30),
        as_of=date(2026, 10, 5),
        kinds=(KindTally(SessionKind.REFLECTIVE, 6, 6, 5), KindTally(SessionKind.SPOTLIGHT, 3, 3, 3, attended=True)),
        sessions=(
            HeldSession(date(2026, 7, 9), SessionKind.REFLECTIVE, topic, 6, True),
            HeldSession(date(2026, 7, 23), SessionKind.REFLECTIVE, "Carers and discharge", 8, True),
        ),
        balance=(
            HistoryPoint(date(2026, 7, 9), 6, 20, 0.41, 0.3),
            HistoryPoint(date(2026, 7, 23), 8, 0, 0.0, 0.0),
        ),
        actions=ActionTally(4, 2, 1, 3, (OverdueAction(FORMULA, date(2026, 8, 1), 2),)),
        issues=(QuarterIssue(title, IssueStatus.OPEN, 2, 3, date(2026, 5, 14)),),
        escalations=(
            QuarterEscalation(
                title,
                EscalationTarget.MANAGER,
                date(2026, 7, 9),
                date(2026, 7, 30),
                EscalationStatus.AWAITING,
                EscalationStatus.AWAITING,
            ),
        ),
    )


def test_html_escapes_hostile_text_everywhere() -> None:
    page = REPORT_DOCUMENT.render(_figures(topic=f"{SCRIPT} {RTL}", title=QUOTES), "html")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&quot;quoted&quot; &amp; &#x27;single&#x27;" in page
    assert "\u202ekcatta" in page and 'dir="auto"' in page  # kept, but inside an element that isolates it
    assert "href" not in page and not re.search(r'src="(?!data:image/svg\+xml;base64,)', page)  # nothing fetched


def test_charts_are_self_contained_images_with_escaped_labels() -> None:
    page = REPORT_DOCUMENT.render(_figures(), "html")
    images = re.findall(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]+)">', page)
    assert len(images) == 3  # sessions, attendance, balance (one tallied session)
    for encoded, alt in images:
        svg = base64.b64decode(encoded).decode("utf-8")
        assert svg.startswith("<svg") and "<script" not in svg and "href" not in svg
        assert alt.startswith(("Bar chart", "Column chart"))
    sessions_svg = base64.b64decode(images[0][0]).decode()
    assert "Reflective practice CoP" in sessions_svg and ">6<" in sessions_svg and ">5<" in sessions_svg


def test_markdown_has_the_figures_and_no_charts() -> None:
    text = REPORT_DOCUMENT.render(_figures(), "md")
    assert text.startswith("# Facilitator's CoP self-assessment: Team \"quoted\" \\& 'single', Q3 2026\n")
    assert "| Reflective practice CoP | 6 | 6 | 5 |" in text
    assert "data:image" not in text
    assert "Overdue on Wednesday 30 September 2026 | 1 |" in text
    assert "1 issue was raised this quarter; 1 has come up in more than one session." in text


def test_csv_is_long_form_and_defuses_formulas() -> None:
    rows = list(csv.reader(io.StringIO(REPORT_DOCUMENT.render(_figures(title=FORMULA), "csv"))))
    assert rows[0] == ["section", "item", "measure", "value"]
    assert ["sessions", "Reflective practice CoP", "held", "5"] in rows
    assert ["attendance", "2026-07-23", "Reflective practice CoP", "8"] in rows
    assert ["actions", "", "overdue", "1"] in rows
    titles = {row[1] for row in rows if row[0] == "issues"}
    assert titles == {"'" + FORMULA}


def test_balance_rows_say_when_nothing_was_tallied() -> None:
    text = REPORT_DOCUMENT.render(_figures(), "md")
    assert "| Thursday 9 July 2026 | 6 | 20 | 0\\.41 | Uneven |" in text
    assert "| Thursday 23 July 2026 | 8 | 0 | — | Not tallied |" in text


def test_escalation_response_overdue_is_flagged() -> None:
    assert "Awaiting a response \\(overdue on Wednesday 30 September 2026\\)" in REPORT_DOCUMENT.render(
        _figures(), "md"
    )


def test_a_response_is_overdue_on_the_day_actions_are() -> None:
    """A third-quarter report run on 5 October said "overdue" of a response due on 1 October, after the quarter's
    end, while it counted the actions overdue on 30 September."""
    due_after_the_quarter = QuarterEscalation(
        "Discharge delays",
        EscalationTarget.MANAGER,
        date(2026, 9, 10),
        date(2026, 10, 1),
        *[EscalationStatus.AWAITING] * 2,
    )
    past = replace(_figures(), escalations=(due_after_the_quarter,))
    assert not past.response_overdue(due_after_the_quarter)
    assert summary_document(past, str)["escalations"][0]["response_overdue"] is False
    text = REPORT_DOCUMENT.render(past, "md")
    assert "| Awaiting a response |" in text
    assert "Each status is as it stood on Wednesday 30 September 2026, the quarter's end." in text
    current = replace(past, quarter="2026Q4", first_day=date(2026, 10, 1), last_day=date(2026, 12, 31))
    assert current.response_overdue(due_after_the_quarter)  # in the quarter: judged on the report's date
    text = REPORT_DOCUMENT.render(current, "md")
    assert "Awaiting a response \\(overdue on Monday 5 October 2026\\)" in text
    assert "Overdue on Monday 5 October 2026 | 1 |" in text
    assert "Each status is as it stood on Monday 5 October 2026, the date of this report." in text


def test_a_status_not_kept_for_the_quarters_end_reads_not_known_and_the_lead_says_why() -> None:
    """A past quarter's report gave an escalation's status on the day it was run; where CoPDesk did not yet keep the
    day of a response or a closing, it says it cannot tell, rather than give today's status as the quarter's."""
    undated = QuarterEscalation(
        "Discharge delays", EscalationTarget.MANAGER, date(2026, 7, 9), None, None, EscalationStatus.CLOSED
    )
    figures = replace(_figures(), escalations=(undated,))
    text = REPORT_DOCUMENT.render(figures, "md")
    assert "| Not known \\(now closed\\) |" in text
    assert "Where it reads Not known, it was responded to or closed before CoPDesk kept those dates" in text
    assert "Not known" not in REPORT_DOCUMENT.render(_figures(), "md")
    assert summary_document(figures, str)["escalations"][0]["status"] is None
    assert ("escalations", "Discharge delays", "Manager", "Not known (now closed)") in set(csv_rows(figures))


def test_an_issue_status_not_known_at_the_quarters_end_reads_so_and_the_lead_says_why() -> None:
    """An issue whose escalation was closed on a day not kept read Open beside that escalation's Not known: it may
    have been escalated still. It reads Not known, the issues' lead says why, and the summary gives no status."""
    figures = replace(_figures(), issues=(QuarterIssue("Discharge delays", None, 2, 3, date(2026, 5, 14)),))
    text = REPORT_DOCUMENT.render(figures, "md")
    assert "| Discharge delays | Not known \\(escalated or open\\) |" in text
    assert "Where a status reads Not known, an escalation of the issue was closed before CoPDesk kept that date" in text
    assert "Where a status reads Not known" not in REPORT_DOCUMENT.render(_figures(), "md")
    assert summary_document(figures, str)["issues"][0]["status"] is None
    assert ("issues", "Discharge delays", "status", "Not known (escalated or open)") in set(csv_rows(figures))


def test_the_spreadsheet_says_what_not_known_means_beside_the_issues_and_escalations_it_lists() -> None:
    """Only the Markdown and HTML leads said why a status read Not known: the spreadsheet, which has no leads, gave the
    words alone. A row now says what each means; a quarter with every status known has no such row."""
    undated = QuarterEscalation(
        "Discharge delays", EscalationTarget.MANAGER, date(2026, 7, 9), None, None, EscalationStatus.CLOSED
    )
    issue = QuarterIssue("Discharge delays", None, 2, 3, date(2026, 5, 14))
    rows = list(csv_rows(replace(_figures(), issues=(issue,), escalations=(undated,))))
    meanings = [row for row in rows if row[2] == "meaning"]
    assert meanings == [
        (
            "issues",
            "Not known (escalated or open)",
            "meaning",
            "Not known: an escalation of the issue was closed before CoPDesk kept that date, so whether it was "
            "still escalated then is not known.",
        ),
        (
            "escalations",
            "Not known (now closed)",
            "meaning",
            "Not known: it was responded to or closed before CoPDesk kept those dates, so only its status now can "
            "be given.",
        ),
    ]
    assert rows.index(meanings[0]) == rows.index(("issues", "Discharge delays", "status", issue.status_text)) + 1
    assert "meaning" not in REPORT_DOCUMENT.render(_figures(), "csv")


def test_themes_come_from_topics_and_issue_titles() -> None:
    themes = _figures().themes()
    assert [(t.word, t.texts) for t in themes] == [("discharge", 3)]


def test_summary_is_anonymised_through_the_cleaner() -> None:
    document = summary_document(
        _figures(title="Sam Okafor's waiting list"), lambda text: text.replace("Sam Okafor", "[x]")
    )
    assert document["issues"][0]["title"] == "[x]'s waiting list"
    assert document["escalations"][0]["issue"] == "[x]'s waiting list"
    assert document["sessions"] == [
        {"kind": "reflective", "scheduled": 6, "due_so_far": 6, "held": 5, "run_by_others": False},
        {"kind": "spotlight", "scheduled": 3, "due_so_far": 3, "held": 3, "run_by_others": True},
    ]
    assert [s["run_by_the_team"] for s in document["attendance"]] == [True, True]
    assert "topic" not in str(document) and "Hospital" not in str(document)


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown report format"):
        REPORT_DOCUMENT.render(_figures(), "docx")


def test_quarter_words() -> None:
    assert quarter_label("2026Q3") == "Q3 2026"
    assert recent_quarters(date(2026, 2, 10), 3) == ["2026Q1", "2025Q4", "2025Q3"]


def test_sessions_the_team_attends_are_counted_as_attended_not_held() -> None:
    figures = replace(
        _figures(),
        kinds=(KindTally(SessionKind.REFLECTIVE, 6, 6, 5), KindTally(SessionKind.SPOTLIGHT, 3, 3, 2, attended=True)),
    )
    text = REPORT_DOCUMENT.render(figures, "md")
    assert "5 held by the team of 6 on its calendar; 2 attended of 3 run by others" in text
    assert "| Spotlight session | 3 | 3 | — | 2 |" in text and "| Reflective practice CoP | 6 | 6 | 5 | — |" in text
    rows = list(csv.reader(io.StringIO(REPORT_DOCUMENT.render(figures, "csv"))))
    assert ["sessions", "Spotlight session", "attended", "2"] in rows
    assert ["sessions", "Reflective practice CoP", "held", "5"] in rows


def test_a_team_that_only_attends_is_not_said_to_have_held_0_of_0() -> None:
    figures = replace(_figures(), kinds=(KindTally(SessionKind.SPOTLIGHT, 3, 3, 2, attended=True),))
    text = REPORT_DOCUMENT.render(figures, "md")
    assert "held by the team of" not in text
    assert "\n2 attended of 3 run by others \\(Spotlight sessions" in text


def test_the_average_attendance_at_a_half_is_rounded_up_as_by_hand() -> None:
    """4, 4, 4 and 5 attended: 4.25, which a reader checking it makes "4.3" (the float formatted is "4.2")."""
    held = [
        HeldSession(date(2026, 7, day), SessionKind.REFLECTIVE, "Topic", n, True)
        for day, n in ((2, 4), (9, 4), (16, 4), (23, 5))
    ]
    text = REPORT_DOCUMENT.render(replace(_figures(), sessions=tuple(held)), "md")
    assert "4\\.3 attended on average \\(from 4 to 5\\)" in text


def test_a_quarter_with_nothing_on_the_calendar_says_so_without_claiming_there_is_no_schedule() -> None:
    """A quarter from before the team's series began is not a team with no schedule."""
    figures = replace(_figures(), kinds=(KindTally(SessionKind.REFLECTIVE, 0, 0, 0),), sessions=())
    text = REPORT_DOCUMENT.render(figures, "md")
    assert "0 held by the team of 0 on its calendar. Nothing was on the team's calendar this quarter;" in text
    assert "File ▸ Schedule…" in text and "has no schedule set" not in text


def test_an_issue_still_unresolved_from_an_earlier_quarter_is_listed_and_said() -> None:
    figures = replace(
        _figures(), issues=(QuarterIssue("Delays getting OT assessments", IssueStatus.OPEN, 0, 4, date(2026, 5, 14)),)
    )
    text = REPORT_DOCUMENT.render(figures, "md")
    assert "No issues were raised this quarter, and 1 earlier one is still unresolved; 1 has come up" in text
    assert "| Delays getting OT assessments | Open | 0 | 4 |" in text


def test_the_report_is_the_facilitators_self_assessment_first_then_the_figures() -> None:
    figures = replace(
        _figures(),
        self_assessment=(("What went well this quarter", "Cases every session"),),
        feedback=summarise([Feedback(5, "More time"), Feedback(3, "")]),
    )
    text = REPORT_DOCUMENT.render(figures, "md")
    assert text.startswith("# Facilitator's CoP self-assessment:")
    assert "The facilitator's self-assessment of" in text and "with the figures that support it" in text
    assert text.index("Cases every session") < text.index("Feedback from sessions") < text.index("## Attendance")
    assert "2 responses, 4.0 out of 5 on average" in text and "One thing to change: More time" in text
    assert "Not written yet" in REPORT_DOCUMENT.render(_figures(), "md")
    rows = list(csv.reader(io.StringIO(REPORT_DOCUMENT.render(figures, "csv"))))
    assert ["self_assessment", "What went well this quarter", "text", "Cases every session"] in rows
    assert ["feedback", "", "to_change", "More time"] in rows
