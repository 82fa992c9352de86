"""Taking back what a live session recorded: a link goes and the issue stays; an issue recorded by mistake goes
whole (mentions, escalations and its place in the search); an issue raised earlier is never deleted from here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk.core.model import EscalationTarget, Issue, Role, SessionKind
from copdesk.services import issues as service
from copdesk.store import issues, sessions, teams
from copdesk.store.recurring import held_in_session, issue_summary
from copdesk.store.search import search_notes

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def _session(db: Database, team_id: int, at: datetime) -> int:
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, at)
    sessions.start_session(db, session.id, at, ground_rules_agreed=True)
    return session.id


def _raised_earlier_and_again(db: Database, title: str) -> tuple[int, Issue, int]:
    """A team whose issue was raised a fortnight ago and again in today's live session: the team's id, the issue
    and the live session's id."""
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    earlier = _session(db, team.id, NOW - timedelta(days=14))
    issue = service.raise_issue(db, team.id, title, earlier, NOW - timedelta(days=14))
    sessions.end_session(db, earlier, NOW - timedelta(days=14, hours=-1))
    live = _session(db, team.id, NOW)
    service.raise_again(db, issue.id, live, "again", NOW)
    return team.id, issue, live


def test_remove_and_unlink_take_back_only_this_live_sessions_records(db: Database) -> None:
    team_id, old, live = _raised_earlier_and_again(db, "Interpreters at short notice")
    new = service.raise_issue(db, team_id, "Duty rota gaps", live, NOW)
    service.escalate(db, new.id, EscalationTarget.MANAGER, date(2026, 10, 8), None, live)
    assert held_in_session(db, live) == {old.id: "linked", new.id: "recorded"}

    with pytest.raises(ValueError, match="earlier session"):
        service.remove_issue(db, old.id, live)
    assert service.unlink(db, old.id, live).times_raised == 1
    removed = service.remove_issue(db, new.id, live)
    assert removed.title == "Duty rota gaps"
    assert held_in_session(db, live) == {}
    assert db.execute("SELECT count(*) FROM escalation").fetchone()[0] == 0
    assert search_notes(db, "rota") == []
    assert issue_summary(db, old.id).times_raised == 1

    kept = service.raise_issue(db, team_id, "Late referrals", live, NOW)
    sessions.end_session(db, live, NOW + timedelta(hours=1))
    with pytest.raises(ValueError, match="ended"):
        service.remove_issue(db, kept.id, live)
    assert issues.get_issue(db, kept.id).title == "Late referrals"


def test_an_issues_title_is_corrected_in_place_and_in_the_search(db: Database) -> None:
    _team_id, issue, _live = _raised_earlier_and_again(db, "Interpretters at short notice")
    fixed = service.retitle_issue(db, issue.id, "  Interpreters   at short notice ")
    assert (fixed.id, fixed.title) == (issue.id, "Interpreters at short notice")
    assert issue_summary(db, issue.id).times_raised == 2  # its mentions stay with it
    assert [hit.text for hit in search_notes(db, "Interpreters")] == ["Interpreters at short notice"]
    assert search_notes(db, "Interpretters") == []  # the old words are gone from the search too


def test_a_title_that_is_empty_too_long_or_another_open_issues_is_refused(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    live = _session(db, team.id, NOW)
    rota = service.raise_issue(db, team.id, "Duty rota gaps", live, NOW)
    lifts = service.raise_issue(db, team.id, "Lifts out of order", live, NOW)
    with pytest.raises(ValueError, match="needs its words"):
        service.retitle_issue(db, lifts.id, "   ")
    with pytest.raises(ValueError, match="301 characters long, over the 300"):
        service.retitle_issue(db, lifts.id, "x" * 301)
    with pytest.raises(ValueError, match="Another open issue is already called “Duty rota gaps”"):
        service.retitle_issue(db, lifts.id, "DUTY ROTA  gaps")
    assert issues.get_issue(db, lifts.id).title == "Lifts out of order"
    assert service.retitle_issue(db, rota.id, "duty rota gaps").title == "duty rota gaps"  # its own title, recased
    service.resolve_issue(db, rota.id, "New rota agreed", NOW)
    assert service.retitle_issue(db, lifts.id, "Duty rota gaps").title == "Duty rota gaps"  # that one is resolved


def test_retitling_an_issue_removed_meanwhile_is_refused_in_words(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    live = _session(db, team.id, NOW)
    issue = service.raise_issue(db, team.id, "Duty rota gpas", live, NOW)
    service.remove_issue(db, issue.id, live)
    with pytest.raises(ValueError, match="That issue is no longer there"):
        service.retitle_issue(db, issue.id, "Duty rota gaps")
