"""A record exported before its session ended says so: first in the record, in every format, and in the command's
output, so that an incomplete record is not filed or sent on as the record of the meeting."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.model import Role, SessionKind
from copdesk.store import notes, sessions, teams
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
LIVE_NOTE = "Still live when exported: this record may be incomplete. Export it again once the session has ended."
PLANNED_NOTE = "Planned, not held: nothing has been recorded in it."


@pytest.fixture
def three_sessions(tmp_path: Path) -> Path:
    """Session 1 ended, session 2 live with a note typed so far, session 3 planned for next week."""
    path = tmp_path / "copdesk.db"
    db = open_database(path, paths.migrations_dir()).db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    ended = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW - timedelta(days=14))
    sessions.start_session(db, ended.id, NOW - timedelta(days=14), ground_rules_agreed=True)
    sessions.end_session(db, ended.id, NOW - timedelta(days=14, hours=-1))
    live = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    sessions.start_session(db, live.id, NOW, ground_rules_agreed=True)
    notes.save_session_text(db, live.id, "The first half of the discussion", NOW)
    sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW + timedelta(days=7))
    db.close()
    return path


@pytest.mark.parametrize(
    ("session_id", "status", "said"), [("1", "ended", None), ("2", "live", LIVE_NOTE), ("3", "planned", PLANNED_NOTE)]
)
def test_a_record_of_a_session_not_ended_says_so_in_the_file_and_the_output(
    call_cli: CallCli, three_sessions: Path, session_id: str, status: str, said: str | None
) -> None:
    for file_format in ("md", "html", "json"):
        out = three_sessions.parent / f"record-{session_id}.{file_format}"
        result = call_cli("export", session_id, "--db", str(three_sessions), "--format", file_format, "-o", str(out))
        assert result.returncode == 0, result.stderr
        text = out.read_text(encoding="utf-8")
        if file_format == "json":
            assert json.loads(text)["status"] == status
        elif said is None:
            assert "Still live" not in text and "not held" not in text
        else:
            assert said in text.replace("\\", "")  # Markdown escapes its full stops
            assert text.index("Status") < text.index("Harbour Team", text.index("Detail"))  # read first
        assert (said in result.stdout) if said else ("Still live" not in result.stdout)
