"""Nothing the identifier check flags leaves the room by default: `export` redacts it in every format, says how
many, and writes it as typed only with --keep-identifiers; `report` and `cpd` always redact it, and say how many."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.core.model import NoteKind, Role, SessionKind
from copdesk.store import actions, feedback, issues, notes, sessions, teams
from copdesk.store.connection import open_database
from tests.cli.conftest import RunCli
from tests.pdf_text import pdf_text

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
FLAGGED = ("Mrs Patel", "M14 5RT", "943 476 5919", "DOB 12/03/1941")


@pytest.fixture
def flagged_db(tmp_path: Path) -> Path:
    """A session whose notes, learning point, action and issue each hold something the check flags."""
    path = tmp_path / "copdesk.db"
    db = open_database(path, paths.migrations_dir()).db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    sessions.start_session(db, session.id, NOW, ground_rules_agreed=True)
    notes.save_session_text(db, session.id, "Mrs Patel moved to M14 5RT last week.", NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, "Check 943 476 5919 is not written down", NOW)
    actions.add_action(db, team.id, "Call about DOB 12/03/1941 form", NOW, origin_session_id=session.id)
    issues.add_issue(db, team.id, "Mrs Patel's package again", session.id, NOW)
    sessions.end_session(db, session.id, NOW + timedelta(hours=1))
    db.close()
    return path


def _text(path: Path) -> str:
    """The words of the file: the PDF's ligatures ("ﬁ") undone, Markdown's escapes taken out."""
    text = pdf_text(path.read_bytes()) if path.suffix == ".pdf" else path.read_text(encoding="utf-8")
    return " ".join(unicodedata.normalize("NFKC", text).replace("\\", "").split())


@pytest.mark.parametrize("file_format", ["md", "html", "json", "pdf"])
def test_every_format_redacts_and_says_how_many(run_cli: RunCli, flagged_db: Path, file_format: str) -> None:
    out = flagged_db.parent / f"record.{file_format}"
    result = run_cli("export", "1", "--db", str(flagged_db), "--format", file_format, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "5 possible identifiers redacted" in result.stdout
    text = _text(out)
    assert not [found for found in FLAGGED if found in text]
    assert "[name removed]" in text and "[postcode removed]" in text
    if file_format == "json":
        document = json.loads(text)
        assert (document["identifiers_redacted"], document["identifiers_kept"]) == (5, 0)
    else:
        assert "5 possible identifiers redacted" in text


def test_keep_identifiers_writes_them_deliberately_and_says_so(run_cli: RunCli, flagged_db: Path) -> None:
    out = flagged_db.parent / "record.md"
    result = run_cli("export", "1", "--db", str(flagged_db), "--format", "md", "-o", str(out), "--keep-identifiers")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert all(found in text for found in FLAGGED)
    assert "5 possible identifiers kept as typed, by the facilitator's choice" in text
    assert "kept as typed" in result.stdout


# -- the quarterly self-assessment and CPD evidence: always redacted, and they say how many -----------------------
@pytest.fixture
def flagged_quarter_db(flagged_db: Path) -> Path:
    """The flagged session, attended by Ash Lee, with flagged words in its topic, an overdue action Ash owns, the
    quarter's self-assessment and a feedback answer."""
    db = open_database(flagged_db, paths.migrations_dir()).db
    (ash,) = teams.list_members(db, 1)
    sessions.update_session_details(db, 1, topic="Moving to M14 5RT", presenter_id=None)
    sessions.set_attendance(db, 1, [ash.id])
    actions.add_action(
        db, 1, "Ring about 943 476 5919", NOW, origin_session_id=1, owner_member_id=ash.id, due=date(2026, 10, 20)
    )
    feedback.save_self_assessment(db, 1, "2026Q4", {"went-well": "Talked about Mrs Patel safely"}, NOW)
    feedback.add_feedback(db, 1, 4, "Less about DOB 12/03/1941", NOW)
    db.close()
    return flagged_db


@pytest.mark.parametrize("file_format", ["md", "html", "csv"])
def test_the_quarterly_report_redacts_every_typed_text(
    run_cli: RunCli, flagged_quarter_db: Path, file_format: str
) -> None:
    out = flagged_quarter_db.parent / f"quarter.{file_format}"
    args = ("report", "--db", str(flagged_quarter_db), "--team", "Harbour Team", "--quarter", "2026Q4")
    result = run_cli(*args, "--format", file_format, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Identifiers: 5 possible identifiers redacted" in result.stdout
    text = _text(out)
    assert not [found for found in (*FLAGGED, "Mrs Patel") if found in text]
    assert "[name removed] package again" in text  # the issue's title (the CSV has no topics or action texts)
    if file_format != "csv":
        assert "[postcode removed]" in text and "[NHS number removed]" in text  # the topic, the overdue action
    assert ("identifiers_redacted,5" if file_format == "csv" else "5 possible identifiers redacted") in text


@pytest.mark.parametrize("file_format", ["md", "pdf"])
def test_cpd_evidence_redacts_every_typed_text(run_cli: RunCli, flagged_quarter_db: Path, file_format: str) -> None:
    out = flagged_quarter_db.parent / f"cpd.{file_format}"
    args = ("cpd", "--db", str(flagged_quarter_db), "--team", "Harbour Team", "--member", "Ash Lee")
    result = run_cli(*args, "--from", "2026-10-01", "--to", "2026-12-31", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Identifiers: 3 possible identifiers redacted" in result.stdout
    text = _text(out)
    assert "Ash Lee" in text and "[postcode removed]" in text
    assert not [found for found in FLAGGED if found in text]
    assert "3 possible identifiers redacted" in text
