"""Taking back what a live session recorded: a link goes and the issue stays; an issue recorded by mistake goes
whole (mentions, escalations and its place in the search); an issue raised earlier is never deleted from here."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlite_utils import Database

from copdesk.core.model import EscalationTarget, Role, SessionKind
from copdesk.services import issues as service
from copdesk.store import issues, sessions, teams
from copdesk.store.recurring import held_in_session, issue_summary
from copdesk.store.search import search_notes

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)


def _session(db: Database, team_id: int, at: datetime) -> int:
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, at)
    sessions.start_session(db, session.id, at, ground_rules_agreed=True)
    return session.id


def test_remove_and_unlink_take_back_only_this_live_sessions_records(db: Database) -> None:
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    earlier = _session(db, team.id, NOW - timedelta(days=14))
    old = service.raise_issue(db, team.id, "Interpreters at short notice", earlier, NOW - timedelta(days=14))
    sessions.end_session(db, earlier, NOW - timedelta(days=14, hours=-1))
    live = _session(db, team.id, NOW)
    service.raise_again(db, old.id, live, "again", NOW)
    new = service.raise_issue(db, team.id, "Duty rota gaps", live, NOW)
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

    kept = service.raise_issue(db, team.id, "Late referrals", live, NOW)
    sessions.end_session(db, live, NOW + timedelta(hours=1))
    with pytest.raises(ValueError, match="ended"):
        service.remove_issue(db, kept.id, live)
    assert issues.get_issue(db, kept.id).title == "Late referrals"
