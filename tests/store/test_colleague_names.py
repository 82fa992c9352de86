"""A practitioner's CPD evidence takes out the colleagues' names the anonymised summary takes out: every team's, past
and present, names before a rename and names erased; the practitioner's own names stay in their own evidence."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from copdesk.core.model import NoteKind, Role, SessionKind
from copdesk.services.data_care import erase_member
from copdesk.store import actions, issues, notes, sessions, teams
from copdesk.store.cpd import cpd_evidence
from copdesk.store.quarterly import team_summary

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
TEXT = "Bea Kay supervision: Wu, Li Wu and DEV RANA, with Ash Lea"  # Ash Lea is the practitioner's name before
REDACTED = "[colleague] supervision: [colleague], [colleague] and [colleague], with Ash Lea"


def test_cpd_evidence_takes_out_what_the_anonymised_summary_takes_out(db: Database, db_path: Path) -> None:
    roster = [("Ash Lea", Role.PRACTITIONER), ("Bea Kay", Role.PRACTITIONER), ("Li Wu", Role.PRACTITIONER)]
    team = teams.create_team(db, "Harbour Team", roster, NOW)
    teams.create_team(db, "Quay Team", [("Dev Rana", Role.FACILITATOR)], NOW)
    ash, bea, li = teams.list_members(db, team.id)
    teams.rename_member(db, li.id, "Li Chen")
    ash = teams.rename_member(db, ash.id, "Ash Lee")
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    sessions.set_attendance(db, session.id, [ash.id, bea.id, li.id])
    sessions.start_session(db, session.id, NOW, ground_rules_agreed=True)
    sessions.update_session_details(db, session.id, topic=TEXT, presenter_id=None)
    notes.add_note(db, session.id, NoteKind.LEARNING, TEXT, NOW)
    actions.add_action(db, team.id, TEXT, NOW, origin_session_id=session.id, owner_member_id=ash.id)
    issues.add_issue(db, team.id, TEXT, session.id, NOW)
    sessions.end_session(db, session.id, NOW + timedelta(hours=1))
    erase_member(db, db_path, bea.id, NOW)

    (attended,) = cpd_evidence(db, team, ash, date(2026, 10, 1), date(2026, 12, 31)).sessions
    assert (attended.topic, attended.learning_points, attended.own_actions) == (REDACTED, (REDACTED,), (REDACTED,))
    summary = team_summary(db, team, "2026Q4", NOW)
    assert [issue["title"] for issue in summary["issues"]] == [REDACTED.replace("Ash Lea", "[colleague]")]
    assert "Ash" not in json.dumps(summary), "in the summary the practitioner is a colleague like any other"
