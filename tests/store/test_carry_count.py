""" "Times carried" has one owner, the view ``action_carry`` (migration 0010), and the automatic carry at the end of
a session is a column of its own, moved there from the old free text."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from copdesk import paths
from copdesk.core.model import ReviewOutcome, SessionKind
from copdesk.services.follow_ups import review_follow_up
from copdesk.services.sessions import end_session
from copdesk.store import actions, migrations, sessions, teams
from copdesk.store.connection import open_database

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
OLD_WORDS = "still open at the end of the session"


def test_the_old_automatic_carries_become_the_column(tmp_path: Path) -> None:
    """A database from before 0010, with one carry made by the end of a session and one by the button."""
    conn = sqlite3.connect(tmp_path / "old.db")
    before = [m for m in migrations.discover(paths.migrations_dir()) if m.version < 10]
    migrations.apply(conn, before)
    conn.executescript(
        """
        INSERT INTO team (id, name, name_key, created_at) VALUES (1, 'Harbour Team', 'harbour team', '2026-01-01');
        INSERT INTO session (id, team_id, kind, status, created_at) VALUES (1, 1, 'reflective', 'ended', '2026-01-01');
        INSERT INTO session (id, team_id, kind, status, created_at) VALUES (2, 1, 'reflective', 'ended', '2026-02-01');
        INSERT INTO action (id, team_id, text, status, created_at) VALUES (1, 1, 'Share it', 'open', '2026-01-01');
        """
    )
    conn.execute(
        "INSERT INTO action_review (action_id, session_id, outcome, detail, at) VALUES (1, 1, 'carried', ?, 'a')",
        [OLD_WORDS],
    )
    conn.execute(
        "INSERT INTO action_review (action_id, session_id, outcome, detail, at) VALUES (1, 2, 'carried', '', 'b')"
    )
    conn.commit()
    conn.close()

    opened = open_database(tmp_path / "old.db", paths.migrations_dir())
    rows = list(opened.db.query("SELECT automatic, detail FROM action_review ORDER BY id"))
    carries = list(opened.db.query("SELECT session_id, carry_number, automatic FROM action_carry ORDER BY review_id"))
    opened.db.close()

    assert rows == [{"automatic": 1, "detail": None}, {"automatic": 0, "detail": ""}]
    assert carries == [
        {"session_id": 1, "carry_number": 1, "automatic": 1},
        {"session_id": 2, "carry_number": 2, "automatic": 0},
    ]


def test_ending_carries_automatically_and_the_button_does_not(db_path: Path) -> None:
    db = open_database(db_path, paths.migrations_dir()).db
    team = teams.create_team(db, "Harbour Team", [], NOW)
    first = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    sessions.start_session(db, first.id, NOW, ground_rules_agreed=True)
    chosen = actions.add_action(db, team.id, "Book the room", NOW, origin_session_id=first.id)
    left = actions.add_action(db, team.id, "Share the list", NOW, origin_session_id=first.id)
    end_session(db, first.id, NOW + timedelta(hours=1), NOW)
    second = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW + timedelta(days=14))
    sessions.start_session(db, second.id, NOW + timedelta(days=14), ground_rules_agreed=True)
    review_follow_up(db, chosen.id, second.id, ReviewOutcome.CARRIED, NOW + timedelta(days=14))
    end_session(db, second.id, NOW + timedelta(days=14, hours=1), NOW + timedelta(days=14, hours=1))

    automatic = {int(r["action_id"]): bool(r["automatic"]) for r in db.query("SELECT * FROM action_carry")}
    assert automatic == {chosen.id: False, left.id: True}
    assert actions.get_action(db, left.id).times_carried == 1
    db.close()
