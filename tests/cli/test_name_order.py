"""The CLI lists names as a person files them: the record exported with names, and who was quiet last time."""

from __future__ import annotations

import json
from pathlib import Path

from copdesk import paths
from copdesk.store.connection import open_database
from tests.cli.conftest import CallCli
from tests.names_in_order import IN_ORDER, held_session, make_team


def test_the_export_and_the_review_list_names_as_a_person_files_them(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    try:
        session_id = held_session(opened.db, make_team(opened.db))
    finally:
        opened.db.close()
    out = tmp_path / "record.json"
    exported = call_cli("export", str(session_id), "--db", str(db_path), "--format", "json", "-o", str(out), "--names")
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["attendee_names"] == list(IN_ORDER)
    review = call_cli("review", "--db", str(db_path), "--json", "--names")
    assert review.returncode == 0, review.stderr
    assert json.loads(review.stdout)["quiet_last_session"] == [name for name in IN_ORDER if name != "Zara Ahmed"]
