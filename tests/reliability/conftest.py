"""Fixtures for fault tests: populated databases, the five kinds of damage, and child processes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.clock import to_utc_iso
from copdesk.core.model import NoteKind, Role, SessionKind
from copdesk.startup import DamageChoice
from copdesk.store import actions, notes, participation, sessions, teams
from copdesk.store.backup_catalogue import BackupFile
from copdesk.store.connection import open_database
from copdesk.store.location import companion_files
from tests.cli.conftest import call_cli, run_cli  # noqa: F401  (the CLI's own fixtures, for one-line-error checks here)

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
PAGE = 4096

# Fictional people only.
MEMBERS = ("Ash Lee", "Bo Day", "Zoë Quinn", "Noor Haddad")
EMOJI_RTL_NOTE = "Family 👨‍👩‍👧 said «شكرا» and „תודה“ — ok 🌱"


def fill(
    db: Database, *, sessions_count: int = 3, start: datetime = NOW - timedelta(days=90), raw_actions: bool = False
) -> int:
    """A team with members and a few ended sessions with notes, contributions and actions; return the team id.

    ``raw_actions`` inserts the actions as bare rows, for a database of an older schema that today's reads of an
    action (which count its carries in a view added later) cannot read back."""
    team = teams.create_team(db, "Harbour Team", [(name, Role.PRACTITIONER) for name in MEMBERS], start)
    members = teams.list_members(db, team.id)
    for number in range(sessions_count):
        when = start + timedelta(days=14 * number)
        session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, when, planned_start=when)
        sessions.set_attendance(db, session.id, [m.id for m in members])
        sessions.start_session(db, session.id, when, ground_rules_agreed=True)
        for member in members:
            participation.add_contribution(db, session.id, member.id, when + timedelta(minutes=5))
        notes.add_note(db, session.id, NoteKind.NOTE, f"Session {number}: {EMOJI_RTL_NOTE}", when)
        text, owner = f"Share the reading list {number}", members[number % len(members)].id
        if raw_actions:
            row = {"team_id": team.id, "origin_session_id": session.id, "text": text, "owner_member_id": owner}
            db.table("action").insert({**row, "created_at": to_utc_iso(when)})
        else:
            actions.add_action(db, team.id, text, when, origin_session_id=session.id, owner_member_id=owner)
        sessions.end_session(db, session.id, when + timedelta(hours=1))
    return team.id


def make_database(path: Path, **kwargs: object) -> None:
    opened = open_database(path, paths.migrations_dir(), now=NOW)
    fill(opened.db, **kwargs)  # type: ignore[arg-type]
    opened.db.close()


CORRUPTIONS = ("overwritten-page", "truncated", "zero-bytes", "random-bytes", "text-file")


def corrupt(path: Path, kind: str) -> None:
    """Damage an existing database the way disks and people do."""
    if kind == "overwritten-page":
        with path.open("r+b") as handle:
            handle.seek(2 * PAGE)
            handle.write(b"\xde\xad\xbe\xef" * (PAGE // 4))
    elif kind == "truncated":
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.truncate(size // 2 // PAGE * PAGE + 100)
    elif kind == "zero-bytes":
        path.write_bytes(b"")
    elif kind == "random-bytes":
        path.write_bytes(os.urandom(3 * PAGE))
    elif kind == "text-file":
        path.write_text("Minutes of the team meeting\n" * 200, encoding="utf-8")
    else:  # pragma: no cover
        raise ValueError(kind)


LEAVE_WAL_CHILD = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("PRAGMA wal_autocheckpoint = 0")
conn.execute("INSERT INTO setting (key, value) VALUES ('left-in-the-wal', 'yes')")
conn.commit()
os._exit(0)  # no close, no checkpoint: the commit stays in the -wal, as after a crash
"""


def leave_wal_and_shm(path: Path) -> None:
    """Leave a real -wal (holding a commit) and -shm beside the database, as an unclean exit does."""
    result = run_child(LEAVE_WAL_CHILD, str(path))
    assert result.returncode == 0, result.stderr
    assert all(file.exists() for file in companion_files(path)), "the child should have left -wal and -shm"


def child_env() -> dict[str, str]:
    """This checkout on the path, offscreen; home and data folders are the test's own (tests/conftest.py)."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def run_child(script: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=child_env(),
        timeout=timeout,
        check=False,
    )


@contextmanager
def app_child(script: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """``script`` (the app, or part of it) running in a child process, its output piped; killed if still running
    when the block ends, so a failed assertion never leaves a window waiting."""
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=child_env(),
        cwd=ROOT,
    )
    try:
        yield child
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    yield opened.db
    opened.db.close()


class FakePrompts:
    """Answers :class:`copdesk.startup.StartupPrompts` the way a test says, and records what was asked."""

    def __init__(self, damage: str = "quit", location: Path | None = None) -> None:
        self.damage = DamageChoice(damage)
        self.location = location
        self.asked: list[tuple[str, str]] = []
        self.offered_backup: BackupFile | None = None

    def location_refused(self, message: str, path: Path) -> Path | None:
        self.asked.append(("location", message))
        chosen, self.location = self.location, None  # answer once, then quit
        return chosen

    def already_open(self, message: str) -> None:
        self.asked.append(("already-open", message))

    def database_damaged(self, message: str, backup: BackupFile | None) -> DamageChoice:
        self.asked.append(("damaged", message))
        self.offered_backup = backup
        return self.damage

    def cannot_open(self, message: str) -> None:
        self.asked.append(("cannot-open", message))
