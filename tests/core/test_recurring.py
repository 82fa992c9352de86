"""Safe FTS queries from typed text, the recurring flag, and the escalation lifecycle rules."""

from __future__ import annotations

from datetime import date

import pytest

from copdesk.core.fts import match_all, match_any, split_highlights
from copdesk.core.model import EscalationStatus, IssueStatus
from copdesk.core.recurring import (
    EscalationDays,
    check_escalation_update,
    escalation_status_on,
    is_flagged,
    is_recurring,
    next_statuses,
    recurring_challenge,
    status_on,
)


def test_typed_text_becomes_quoted_terms_with_the_last_word_a_prefix() -> None:
    assert match_any("Waiting for the OT assess") == '"waiting" OR "ot" OR "assess"*'
    assert match_any("Waiting for the OT assess ") == '"waiting" OR "ot" OR "assess"'
    assert match_all("carers assessment") == '"carers" "assessment"*'
    assert match_any("the and for") is None
    assert match_any("") is None and match_all("   ") is None


@pytest.mark.parametrize("typed", ['say "hi', "NEAR(a b)", "xray AND -yoke", "col:value", "^start", "{alpha beta}"])
def test_fts_syntax_in_typed_text_is_quoted_away(typed: str) -> None:
    for query in (match_any(typed), match_all(typed)):
        assert query is not None
        # Only quoted words, OR and the trailing star remain: nothing FTS5 could read as an operator.
        stripped = query.replace(" OR ", " ").replace("*", "")
        assert all(term.startswith('"') and term.endswith('"') for term in stripped.split())


def test_highlight_runs() -> None:
    assert split_highlights("a \x02b\x03 c") == [("a ", False), ("b", True), (" c", False)]


def test_flag_at_the_threshold_and_never_once_resolved() -> None:
    assert not is_flagged(2, IssueStatus.OPEN, 3)
    assert is_flagged(3, IssueStatus.OPEN, 3)
    assert is_flagged(5, IssueStatus.ESCALATED, 3)
    assert not is_flagged(9, IssueStatus.RESOLVED, 3)
    assert not is_recurring(1, IssueStatus.OPEN) and is_recurring(2, IssueStatus.PARKED)


def test_advice_quotes_the_masterclass_and_names_the_sections() -> None:
    challenge = recurring_challenge()
    assert challenge.name.text == "Same issues raised with no resolution"
    texts = " ".join(remedy.text.text for remedy in challenge.remedies)
    assert "escalating to the Practice Supervisor or Manager" in texts and "My VIEWS form" in texts
    assert "Vary the style and content of the CoP. Take any actions to a different arena" in texts
    assert [remedy.text.section for remedy in challenge.remedies] == [
        "Handling challenges",
        "Facilitation role in a CoP",
    ]
    assert [remedy.offered_by_copdesk for remedy in challenge.remedies] == [False, True]


def test_escalation_lifecycle_rules() -> None:
    assert next_statuses(EscalationStatus.AWAITING) == (EscalationStatus.RESPONDED, EscalationStatus.CLOSED)
    assert next_statuses(EscalationStatus.CLOSED) == ()
    assert check_escalation_update(EscalationStatus.AWAITING, EscalationStatus.RESPONDED, " Yes,  agreed ") == (
        "Yes, agreed"
    )
    assert check_escalation_update(EscalationStatus.AWAITING, EscalationStatus.CLOSED, "") is None
    assert check_escalation_update(EscalationStatus.CLOSED, EscalationStatus.CLOSED, "note") == "note"
    with pytest.raises(ValueError, match="what the response was"):
        check_escalation_update(EscalationStatus.AWAITING, EscalationStatus.RESPONDED, "")
    with pytest.raises(ValueError, match="cannot go back"):
        check_escalation_update(EscalationStatus.RESPONDED, EscalationStatus.AWAITING, "x")


def test_status_on_a_day_is_the_one_the_issue_had_then() -> None:
    day = date(2026, 6, 30)
    assert status_on(day, IssueStatus.RESOLVED, date(2026, 7, 1), None) is IssueStatus.OPEN
    assert status_on(day, IssueStatus.RESOLVED, date(2026, 7, 1), date(2026, 6, 1)) is IssueStatus.ESCALATED
    assert status_on(day, IssueStatus.RESOLVED, date(2026, 6, 30), date(2026, 6, 1)) is IssueStatus.RESOLVED
    assert status_on(day, IssueStatus.ESCALATED, None, date(2026, 7, 1)) is IssueStatus.OPEN
    # A status whose day was not kept stays as it is.
    assert status_on(day, IssueStatus.RESOLVED, None, None) is IssueStatus.RESOLVED
    assert status_on(day, IssueStatus.ESCALATED, None, None) is IssueStatus.ESCALATED
    assert status_on(day, IssueStatus.OPEN, None, None) is IssueStatus.OPEN


AWAITING, RESPONDED, CLOSED = EscalationStatus.AWAITING, EscalationStatus.RESPONDED, EscalationStatus.CLOSED
QUARTER_END = date(2026, 9, 30)


@pytest.mark.parametrize(
    ("now", "days", "then"),
    [
        (AWAITING, EscalationDays(None, None), AWAITING),
        (RESPONDED, EscalationDays(date(2026, 9, 30), None), RESPONDED),  # responded on the quarter's last day
        (RESPONDED, EscalationDays(date(2026, 10, 1), None), AWAITING),  # responded the day after: awaiting then
        (CLOSED, EscalationDays(date(2026, 8, 3), date(2026, 10, 5)), RESPONDED),  # closed since
        (CLOSED, EscalationDays(None, date(2026, 10, 5)), AWAITING),  # closed since with no response
        (CLOSED, EscalationDays(None, date(2026, 9, 2)), CLOSED),
        # Responded to or closed before CoPDesk kept the days (undated, by 1 November): not known on 30 September...
        (RESPONDED, EscalationDays(None, None, date(2026, 11, 1)), None),
        (CLOSED, EscalationDays(None, None, date(2026, 11, 1)), None),
        (CLOSED, EscalationDays(None, date(2026, 11, 20), date(2026, 11, 1)), None),  # responded undated, closed since
        # ... and known on a day after they were kept from
        (RESPONDED, EscalationDays(None, None, date(2026, 9, 12)), RESPONDED),
        (CLOSED, EscalationDays(None, None, date(2026, 9, 12)), CLOSED),
        (CLOSED, EscalationDays(None, date(2026, 10, 20), date(2026, 9, 12)), RESPONDED),
        (AWAITING, EscalationDays(None, None, date(2026, 11, 1)), AWAITING),
    ],
)
def test_an_escalations_status_at_a_quarters_end_is_the_one_it_had_then_or_not_known(
    now: EscalationStatus, days: EscalationDays, then: EscalationStatus | None
) -> None:
    """A past quarter's report said "Responded" or "Closed" of an escalation still awaiting a response at its end."""
    assert escalation_status_on(QUARTER_END, now, days) is then
