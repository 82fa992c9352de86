"""Run as a child process by the kill -9 test: writes acknowledged commits until it is killed.

Each commit is one transaction holding a note and an action with the same text; only after the commit
returns is its text printed (the acknowledgement). The parent kills this process at a random moment.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from copdesk import paths
from copdesk.core.model import NoteKind, SessionKind
from copdesk.store import actions, notes, sessions, teams
from copdesk.store.connection import open_database
from copdesk.store.safe_write import guarded_write


def main(db_path: str, trial: str) -> None:
    now = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
    db = open_database(Path(db_path), paths.migrations_dir(), now=now).db
    team = teams.find_team(db, "Harbour Team") or teams.create_team(db, "Harbour Team", [], now)
    live = sessions.live_sessions(db)
    session = live[0] if live else sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now)
    if not live:
        sessions.start_session(db, session.id, now, ground_rules_agreed=True)
    print("ready", flush=True)
    for number in range(1_000_000):
        text = f"ack-{trial}-{number} " + "words " * (number % 50)
        with guarded_write(db):
            notes.add_note(db, session.id, NoteKind.NOTE, text, now)
            actions.add_action(db, team.id, text, now, origin_session_id=session.id)
        sys.stdout.write(f"{text.split()[0]}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
