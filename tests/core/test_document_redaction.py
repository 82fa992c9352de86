"""The quarterly self-assessment and CPD evidence leave the room with what the identifier check flags replaced, in
every text a facilitator or a colleague typed, and say how many; themes never count a placeholder as a word."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from copdesk.core.cpd import CPD_DOCUMENT, AttendedSession, CpdEvidence
from copdesk.core.feedback import FeedbackSummary
from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.quarterly import (
    ActionTally,
    HeldSession,
    OverdueAction,
    QuarterEscalation,
    QuarterFigures,
    QuarterIssue,
)
from copdesk.core.quarterly_report import REPORT_DOCUMENT, csv_rows
from copdesk.core.redaction import redact_cpd, redact_quarter
from copdesk.core.themes import find_themes, theme_words

NHS = "943 476 5919"  # a valid check digit
FLAGGED = (NHS, "M14 5RT", "Mrs Okafor", "DOB 12/03/1941")


def _quarter() -> QuarterFigures:
    return QuarterFigures(
        team_name="Harbour Team",
        quarter="2026Q3",
        first_day=date(2026, 7, 1),
        last_day=date(2026, 9, 30),
        as_of=date(2026, 10, 5),
        kinds=(),
        sessions=(HeldSession(date(2026, 7, 9), SessionKind.REFLECTIVE, "Moving to M14 5RT", 6, True),),
        balance=(),
        actions=ActionTally(1, 0, 0, 0, (OverdueAction(f"Ring about {NHS}", date(2026, 8, 1), 1),)),
        issues=(QuarterIssue("Mrs Okafor's package", IssueStatus.OPEN, 1, 1, date(2026, 7, 9)),),
        escalations=(
            QuarterEscalation(
                "Mrs Okafor again",
                EscalationTarget.MANAGER,
                date(2026, 7, 9),
                None,
                EscalationStatus.AWAITING,
                EscalationStatus.AWAITING,
            ),
        ),
        self_assessment=(("What went well", "Discussed DOB 12/03/1941 safely"),),
        feedback=FeedbackSummary(1, (0, 0, 0, 1, 0), (f"Less about {NHS}",)),
    )


def test_every_typed_text_of_the_quarter_is_redacted_and_counted() -> None:
    figures = redact_quarter(_quarter())
    assert figures.identifiers_redacted == 6
    texts = (
        figures.sessions[0].topic,
        figures.actions.overdue[0].text,
        figures.issues[0].title,
        figures.escalations[0].issue_title,
        figures.self_assessment[0][1],
        figures.feedback.changes[0],
    )
    assert not [text for text in texts if any(found in text for found in FLAGGED)]
    assert texts[0] == "Moving to [postcode removed]" and texts[3] == "[name removed] again"
    assert redact_quarter(figures) == figures  # placeholders are not flagged again


@pytest.mark.parametrize("file_format", REPORT_DOCUMENT.keys)
def test_the_quarterly_report_says_how_many_in_every_format(file_format: str) -> None:
    figures = redact_quarter(_quarter())
    text = str(REPORT_DOCUMENT.render(figures, file_format))
    assert not [found for found in FLAGGED if found in text]
    if file_format == "csv":
        assert ("report", "Harbour Team", "identifiers_redacted", "6") in list(csv_rows(figures))
    else:
        assert "6 possible identifiers redacted" in text


def test_a_quarter_with_nothing_flagged_says_nothing_about_it() -> None:
    clean = replace(
        _quarter(),
        sessions=(),
        actions=ActionTally(0, 0, 0, 0, ()),
        issues=(),
        escalations=(),
        self_assessment=(("What went well", "Everyone spoke"),),
        feedback=FeedbackSummary(0, (0,) * 5, ()),
    )
    figures = redact_quarter(clean)
    assert figures == clean and figures.identifiers_redacted == 0
    assert "identifier" not in str(REPORT_DOCUMENT.render(figures, "md"))


def test_cpd_evidence_is_redacted_and_says_how_many() -> None:
    session = AttendedSession(
        datetime(2026, 7, 9, 10),
        SessionKind.REFLECTIVE,
        "Visit to M14 5RT",
        60,
        False,
        (f"Check {NHS}",),
        ("Ask Mrs Okafor",),
    )
    evidence = redact_cpd(CpdEvidence("Ash Lee", "Harbour Team", date(2026, 7, 1), date(2026, 9, 30), (session,)))
    assert evidence.identifiers_redacted == 3
    for file_format in ("md", "html"):
        text = str(CPD_DOCUMENT.render(evidence, file_format))
        assert not [found for found in FLAGGED if found in text]
        assert "3 possible identifiers redacted" in text


def test_themes_do_not_count_placeholders_as_words() -> None:
    assert theme_words("Delays at [postcode removed] for [colleague] and [NHS number removed]") == {"delay"}
    themes = find_themes(["Housing for [name removed]", "Housing again, [name removed]", "[colleague] [colleague]"])
    assert [theme.word for theme in themes] == ["housing"]
