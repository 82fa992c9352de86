"""Retention, erasure and the audit log: deleted data is gone from the file, its -wal and the backups,
and the audit log holds metadata only."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from copdesk import paths
from copdesk.core.model import ActionStatus, NoteKind, ReviewOutcome, SessionKind
from copdesk.services.data_care import apply_retention, erase_member, preview_retention
from copdesk.store import actions, notes, participation, sessions, teams
from copdesk.store.audit import recent_events, record_event
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import BackupKind, list_backups, new_backup_path
from copdesk.store.connection import open_database
from copdesk.store.location import companion_files
from tests.cli.conftest import CallCli, one_line_error
from tests.reliability.conftest import NOW, fill

OLD_SECRET = "Zephyrine-old-case-detail"
NEW_TEXT = "Recent reflection on supervision"


def _raw(path: Path) -> bytes:
    return b"".join(file.read_bytes() for file in companion_files(path) if file.exists())


def _backup(db: Database, db_path: Path, days_ago: int) -> Path:
    return backup_to(db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=days_ago)))


@pytest.fixture
def history(db_path: Path) -> Database:
    """Three sessions 3 years ago (one note holds a marker text), three recent ones, and backups in between."""
    db = open_database(db_path, paths.migrations_dir(), now=NOW).db
    team_id = fill(db, start=NOW - timedelta(days=3 * 365))
    old = sessions.list_sessions(db)[0]
    notes.add_note(db, old.id, NoteKind.NOTE, OLD_SECRET, NOW - timedelta(days=3 * 365))
    closed = actions.add_action(db, team_id, "Closed long ago", NOW, origin_session_id=old.id)
    actions.review_action(db, closed.id, old.id, ReviewOutcome.DONE, NOW - timedelta(days=3 * 365))
    _backup(db, db_path, days_ago=2 * 365)  # holds only old data: to be deleted
    recent = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, NOW - timedelta(days=10))
    sessions.start_session(db, recent.id, NOW - timedelta(days=10), ground_rules_agreed=True)
    notes.add_note(db, recent.id, NoteKind.NOTE, NEW_TEXT, NOW - timedelta(days=10))
    sessions.end_session(db, recent.id, NOW - timedelta(days=10))
    _backup(db, db_path, days_ago=5)  # holds both: to be cleaned
    return db


def test_retention_deletes_old_sessions_everywhere(history: Database, db_path: Path) -> None:
    assert OLD_SECRET.encode() in _raw(db_path)
    preview = preview_retention(history, 12, NOW)
    assert (preview.sessions, preview.actions) == (3, 1)
    open_before = {a.text for a in actions.actions_for_team(history, 1, ActionStatus.OPEN)}

    report = apply_retention(history, db_path, 12, NOW)

    assert report.counts is not None and (report.counts.sessions, report.counts.actions) == (3, 1)
    assert (len(report.copies.deleted), len(report.copies.cleaned), report.complete) == (1, 1, True)
    assert [s.topic for s in sessions.list_sessions(history)] == [""]  # only the recent one
    assert {a.text for a in actions.actions_for_team(history, 1, ActionStatus.OPEN)} == open_before
    assert history.execute("SELECT count(*) FROM note WHERE text = ?", [NEW_TEXT]).fetchone()[0] == 1
    assert history.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # secure_delete and the TRUNCATE checkpoint: the words are not left in free pages or in the -wal.
    assert OLD_SECRET.encode() not in _raw(db_path)
    wal = companion_files(db_path)[1]
    assert not wal.exists() or wal.stat().st_size == 0
    (kept,) = list_backups(db_path)
    assert OLD_SECRET.encode() not in kept.path.read_bytes()
    conn = sqlite3.connect(kept.path)
    assert conn.execute("SELECT count(*) FROM note WHERE text = ?", [NEW_TEXT]).fetchone()[0] == 1
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    conn.close()
    event = recent_events(history, 1)[0]
    assert event["event"] == "deleted" and "3 sessions" in str(event["detail"])
    assert OLD_SECRET not in str(event["detail"])


def test_retention_through_the_cli_asks_for_yes(call_cli: CallCli, history: Database, db_path: Path) -> None:
    history.close()
    before = db_path.read_bytes()
    dry = call_cli("retention", "--months", "12", "--db", str(db_path))
    assert dry.returncode == 0 and "sessions: 3 · closed actions: 1" in dry.stdout and "--yes" in dry.stdout
    assert db_path.read_bytes() == before
    bad = call_cli("retention", "--months", "0", "--db", str(db_path))
    assert "between 1 and" in one_line_error(bad)
    done = call_cli("retention", "--months", "12", "--yes", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Deleted, from before" in done.stdout and "sessions: 3" in done.stdout
    assert OLD_SECRET.encode() not in _raw(db_path)


def test_erasing_a_member(history: Database, db_path: Path) -> None:
    zoe = next(m for m in teams.list_members(history, 1) if m.display_name == "Zoë Quinn")
    owned = actions.add_action(history, 1, "Zoë to bring the case study", NOW, owner_member_id=zoe.id)
    free_text = actions.add_action(history, 1, "Free-text owner", NOW, owner_name="zoë QUINN")
    presented = sessions.create_session(history, 1, SessionKind.SPOTLIGHT, NOW, presenter_id=zoe.id)
    history.execute("UPDATE action_review SET detail = 'reassigned to Zoë Quinn'")
    _backup(history, db_path, days_ago=1)
    assert "Zoë Quinn".encode() in _raw(db_path)

    report = erase_member(history, db_path, zoe.id, NOW)

    assert report.counts is not None and report.complete
    assert (report.counts.contributions, report.counts.attendances, report.counts.actions_unassigned) == (3, 3, 2)
    assert history.execute("SELECT count(*) FROM contribution WHERE member_id = ?", [zoe.id]).fetchone()[0] == 0
    assert history.execute("SELECT count(*) FROM attendance WHERE member_id = ?", [zoe.id]).fetchone()[0] == 0
    assert history.execute("SELECT count(*) FROM member WHERE id = ?", [zoe.id]).fetchone()[0] == 0
    for action in (owned, free_text):
        kept = actions.get_action(history, action.id)
        assert kept.text == action.text and kept.owner_member_id is None and kept.owner_name is None
    assert sessions.get_session(history, presented.id).presenter_id is None
    assert history.execute("SELECT count(*) FROM action_review WHERE detail LIKE '%Quinn%'").fetchone()[0] == 0
    assert b"quinn" not in _raw(db_path).lower()  # display name, name key and free-text owner alike
    for backup in list_backups(db_path):
        assert b"quinn" not in backup.path.read_bytes().lower(), backup.path.name
    event = recent_events(history, 1)[0]
    assert event["event"] == "erased" and event["entity"] == "member"
    assert "Quinn" not in str(event["detail"]) and "Zo" not in str(event["detail"])
    assert history.execute("PRAGMA foreign_key_check").fetchall() == []


def test_erase_through_the_cli_matches_names_casefolded_and_nfc(
    call_cli: CallCli, history: Database, db_path: Path
) -> None:
    history.close()
    decomposed = unicodedata.normalize("NFD", "ZOË  quinn")  # another way to type the same name
    dry = call_cli("erase", "--team", "harbour team", "--member", decomposed, "--db", str(db_path))
    assert dry.returncode == 0 and "Would erase Zoë Quinn" in dry.stdout
    missing = call_cli("erase", "--team", "Harbour Team", "--member", "Nobody", "--db", str(db_path))
    assert "Nobody called 'Nobody'" in one_line_error(missing)
    control = call_cli("erase", "--team", "Harbour Team", "--member", "Zoë\x07Quinn", "--db", str(db_path))
    assert "control character" in one_line_error(control)
    done = call_cli("erase", "--team", "Harbour Team", "--member", decomposed, "--yes", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "Erased Zoë Quinn: contributions: 3 · attendances: 3" in done.stdout
    again = call_cli("erase", "--team", "Harbour Team", "--member", "zoë quinn", "--yes", "--db", str(db_path))
    assert again.returncode == 0 and again.stderr == "", "asking again is told it is done, not 'nobody called'"
    assert (
        again.stdout.strip()
        == "Someone called zoë quinn was erased already; nobody of that name is on Harbour Team's roster."
    )


@pytest.mark.posix_only
def test_erasing_through_a_second_name_for_the_database_cleans_its_backups(
    call_cli: CallCli, history: Database, db_path: Path, tmp_path: Path
) -> None:
    """A symbolic link to the database is the database: its backups are the real file's, and are cleaned."""
    history.close()
    assert any(b"Quinn" in backup.path.read_bytes() for backup in list_backups(db_path))
    link = tmp_path / "shortcut.db"
    link.symlink_to(db_path)
    done = call_cli("erase", "--team", "Harbour Team", "--member", "Zoë Quinn", "--yes", "--db", str(link))
    assert done.returncode == 0, done.stderr
    assert "backups cleaned: 0" not in done.stdout, done.stdout
    for backup in list_backups(db_path):
        assert b"quinn" not in backup.path.read_bytes().lower(), backup.path.name
    assert not (tmp_path / "backups").exists()


def test_audit_log_never_holds_note_text(history: Database, db_path: Path) -> None:
    """Every audited operation runs; no audit column ever contains a word of any note."""
    texts = [str(row[0]) for row in history.execute("SELECT text FROM note").fetchall()]
    zoe = next(m for m in teams.list_members(history, 1) if m.display_name == "Zoë Quinn")
    participation.add_contribution(history, sessions.list_sessions(history)[-1].id, zoe.id, NOW)
    erase_member(history, db_path, zoe.id, NOW)
    apply_retention(history, db_path, 12, NOW)
    record_event(history, "exported", "session", 1, NOW, "md")
    rows = history.execute("SELECT at, event, entity, entity_id, detail FROM audit").fetchall()
    assert len(rows) >= 3
    audit_text = " ".join(str(value) for row in rows for value in row)
    for text in texts:
        for word in text.split():
            if len(word) > 4 and not word.isdigit():
                assert word not in audit_text, word


@pytest.mark.posix_only
def test_creations_and_exports_are_audited_without_names_and_exports_are_private(db_path: Path, tmp_path: Path) -> None:
    import os
    import stat
    import subprocess
    import sys

    from tests.reliability.conftest import ROOT, child_env, make_database

    make_database(db_path)
    out = tmp_path / "exports"
    out.mkdir()

    def cli(*args: str) -> None:
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args, "--db", str(db_path)],
            check=True,
            env=child_env(),
            preexec_fn=lambda: os.umask(0o022),  # a permissive shell: CoPDesk's own umask must win
            capture_output=True,
        )

    cli("export", "1", "--format", "md", "-o", str(out / "record.md"))
    cli("cpd", "--team", "Harbour Team", "--member", "Zoë Quinn", "--from", "2026-01-01", "--to", "2026-12-31",
        "-o", str(out / "cpd-zoe-quinn.md"))  # fmt: skip
    for file in out.iterdir():
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file.name
    conn = sqlite3.connect(db_path)
    rows = conn.execute("SELECT event, entity, entity_id, detail FROM audit ORDER BY id").fetchall()
    conn.close()
    assert ("created", "team", 1, "") in rows
    assert [r for r in rows if r[0] == "created" and r[1] == "session"] == [
        ("created", "session", n, "reflective") for n in (1, 2, 3)
    ]
    zoe_id = 3  # the third member created: Ash Lee, Bo Day, Zoë Quinn, Noor Haddad
    assert rows[-2:] == [("exported", "session", 1, "md"), ("exported", "cpd evidence", zoe_id, "md")]
    assert not any("Quinn" in str(value) or "record.md" in str(value) for row in rows for value in row)
