"""The review pack's rules: overdue, which issues are listed and flagged, their order, the JSON keys."""

from __future__ import annotations

from datetime import date, datetime

from copdesk.core.model import EscalationStatus, EscalationTarget, IssueStatus, SessionKind
from copdesk.core.review import (
    ActionFact,
    EscalationFact,
    IssueSummary,
    UpcomingSession,
    build_review_pack,
    review_to_json,
    review_to_text,
)

TODAY = date(2026, 10, 8)


def _issue(issue_id: int, times: int, first: date, status: IssueStatus = IssueStatus.OPEN) -> IssueSummary:
    return IssueSummary(issue_id, f"Issue {issue_id}", status, times, first, date(2026, 10, 1), False)


def _pack(**overrides: object) -> dict[str, object]:
    arguments: dict[str, object] = {
        "today": TODAY,
        "next_session": UpcomingSession(
            datetime(2026, 10, 22, 10, 0), SessionKind.REFLECTIVE, datetime(2026, 10, 22, 11, 30)
        ),
        "actions": [],
        "issues": [],
        "escalations": [],
        "quiet_last_session": [],
        "unused_questions": [],
        "threshold": 3,
        **overrides,
    }
    return arguments


def test_overdue_actions_come_first_and_today_is_not_overdue() -> None:
    actions = [
        ActionFact(1, "Due later", "Ash", date(2026, 10, 20), date(2026, 9, 24), 0),
        ActionFact(2, "No date", None, None, None, 0),
        ActionFact(3, "Due today", "Bo", TODAY, date(2026, 9, 24), 1),
        ActionFact(4, "Late", "Cy", date(2026, 10, 7), date(2026, 9, 10), 3),
    ]
    pack = build_review_pack("Harbour Team", **_pack(actions=actions))  # type: ignore[arg-type]
    assert [(a.id, a.overdue) for a in pack.open_actions] == [(4, True), (3, False), (1, False), (2, False)]


def test_recurring_issues_are_listed_sorted_and_flagged() -> None:
    issues = [
        _issue(1, 1, date(2026, 5, 1)),  # raised once: not recurring
        _issue(2, 2, date(2026, 6, 1)),
        _issue(3, 3, date(2026, 7, 1)),
        _issue(4, 3, date(2026, 4, 1)),  # as often as 3, but older: first
        _issue(5, 9, date(2026, 1, 1), IssueStatus.RESOLVED),
        _issue(6, 4, date(2026, 8, 1), IssueStatus.ESCALATED),
    ]
    pack = build_review_pack("Harbour Team", **_pack(issues=issues))  # type: ignore[arg-type]
    assert [(i.id, i.flagged) for i in pack.recurring_issues] == [(6, True), (4, True), (3, True), (2, False)]
    lines = review_to_text(pack)
    assert lines[lines.index("\nRecurring issues (4):") + 1] == (
        "  - Issue 6 [raised 4× since Sat 1 Aug 2026; escalated] FLAGGED. “Vary the style and content of the CoP. "
        "Take any actions to a different arena as CoPs are reflective spaces.” (Masterclass, Handling challenges)"
    )
    assert lines[lines.index("\nRecurring issues (4):") + 4] == "  - Issue 2 [raised 2× since Mon 1 Jun 2026; open]"


def test_escalated_in_json_is_the_status_and_ever_escalated_says_whether_it_ever_was() -> None:
    """``escalated`` was true for good once an issue had been escalated, while its status read "open" again after its
    escalations were closed, in the same entry and on the screen."""
    issues = [
        IssueSummary(1, "All closed", IssueStatus.OPEN, 3, date(2026, 6, 1), date(2026, 10, 1), True),
        IssueSummary(2, "Awaiting", IssueStatus.ESCALATED, 3, date(2026, 6, 1), date(2026, 10, 1), True),
        IssueSummary(3, "Never", IssueStatus.OPEN, 3, date(2026, 6, 1), date(2026, 10, 1), False),
    ]
    data = review_to_json(build_review_pack("Harbour Team", **_pack(issues=issues)))  # type: ignore[arg-type]
    assert [(i["id"], i["status"], i["escalated"], i["ever_escalated"]) for i in data["recurring_issues"]] == [
        (1, "open", False, True),
        (2, "escalated", True, True),
        (3, "open", False, False),
    ]


def test_only_escalations_awaiting_a_response_are_listed() -> None:
    def escalation(escalation_id: int, status: EscalationStatus, due: date | None) -> EscalationFact:
        return EscalationFact(escalation_id, 1, "Issue 1", EscalationTarget.MANAGER, date(2026, 9, 1), due, status)

    facts = [
        escalation(1, EscalationStatus.AWAITING, date(2026, 10, 30)),
        escalation(2, EscalationStatus.RESPONDED, date(2026, 9, 15)),
        escalation(3, EscalationStatus.AWAITING, date(2026, 9, 15)),
        escalation(4, EscalationStatus.CLOSED, None),
    ]
    pack = build_review_pack("Harbour Team", **_pack(escalations=facts))  # type: ignore[arg-type]
    assert [(e.id, e.overdue) for e in pack.escalations_awaiting] == [(3, True), (1, False)]


def test_json_has_exactly_the_documented_keys() -> None:
    pack = build_review_pack(
        "Harbour Team",
        **_pack(  # type: ignore[arg-type]
            actions=[ActionFact(1, "Share", "Ash", date(2026, 10, 1), date(2026, 9, 24), 2)],
            issues=[_issue(2, 3, date(2026, 6, 1))],
            quiet_last_session=["Bo Day"],
        ),
    )
    data = review_to_json(pack)
    assert list(data) == [
        "team",
        "next_session",
        "next_session_starts_at",
        "next_session_ends_at",
        "open_actions",
        "recurring_issues",
        "escalations_awaiting",
        "quiet_last_session",
        "quiet_last_session_count",
    ]
    assert data["next_session"] == "2026-10-22"
    assert (data["next_session_starts_at"], data["next_session_ends_at"]) == ("2026-10-22T10:00", "2026-10-22T11:30")
    assert data["open_actions"] == [
        {
            "id": 1,
            "text": "Share",
            "owner": "Ash",
            "due": "2026-10-01",
            "origin_session_date": "2026-09-24",
            "times_carried": 2,
            "overdue": True,
        }
    ]
    assert set(data["recurring_issues"][0]) == {
        "id", "title", "times_raised", "first_raised", "last_raised", "status", "escalated", "ever_escalated"
    }  # fmt: skip
    assert data["quiet_last_session"] is None and data["quiet_last_session_count"] == 1  # no names unless asked
    assert review_to_json(pack, names=True)["quiet_last_session"] == ["Bo Day"]
    assert "Bo Day" not in "\n".join(review_to_text(pack)) and "Bo Day" in "\n".join(review_to_text(pack, names=True))
    text = "\n".join(review_to_text(pack))
    assert "carried 2×" in text and "OVERDUE" in text and "Thu 22 Oct 2026, 10:00 to 11:30" in text
    assert build_review_pack("Harbour Team", **_pack(next_session=None)).next_session is None  # type: ignore[arg-type]


def test_the_next_session_reads_with_its_end_as_on_the_prepare_view() -> None:
    """The text gave the start alone ("Thu 22 Oct 2026 at 10:00"), where Prepare reads "10:00 to 11:30"."""
    lines = review_to_text(build_review_pack("Harbour Team", **_pack()))  # type: ignore[arg-type]
    assert lines[1] == "Next session: Thu 22 Oct 2026, 10:00 to 11:30, Reflective practice CoP"
