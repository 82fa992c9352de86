"""Erasure and retention reach every copy CoPDesk made, match people by identity and by whole names, and can always
be finished: tried through the command line, as a facilitator (or an adversary) would.

Each test looks at the raw bytes of every file under the data folder, -wal included: an erased name must not be
anywhere, whatever SQLite or an interrupted run left behind. Where another program holds the database open, and for
what succeeds, the command runs as a process of its own (``run_cli``); a refusal runs in this process (``call_cli``).
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from copdesk import paths
from copdesk.core.model import Role
from copdesk.restoring import restored_or_as_it_was
from copdesk.startup import open_for_gui
from copdesk.store import issues, pending_care, scrub, sessions, teams
from copdesk.store.backup import backup_to, being_written
from copdesk.store.backup_catalogue import BackupKind, new_backup_path
from copdesk.store.connection import open_database, restoring_file
from copdesk.store.errors import StoreError
from copdesk.store.location import rollback_journal
from copdesk.store.recovery import restore_database
from tests.cli.conftest import CallCli, CliOutcome, RunCli
from tests.reliability.conftest import NOW, FakePrompts, corrupt, make_database


def files_holding(folder: Path, *needles: bytes) -> list[str]:
    """Every file under ``folder`` whose raw bytes hold any of ``needles`` (case-insensitive), by relative name."""
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes().lower()
            if any(needle.lower() in data for needle in needles):
                found.append(str(path.relative_to(folder)))
    return found


def take_backup(db_path: Path, days_ago: int = 1) -> Path:
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    try:
        return backup_to(opened.db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=days_ago)))
    finally:
        opened.db.close()


def sql(db_path: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute(statement, params).fetchall()
        conn.commit()
        return rows
    finally:
        conn.close()


def _copy_elsewhere(call_cli: CallCli, db_path: Path, tmp_path: Path) -> Path:
    """A copy made with ``backup -o`` outside CoPDesk's folders, as on a memory stick: no erasure reaches it."""
    outside = tmp_path / "elsewhere" / "before.db"
    outside.parent.mkdir()
    assert call_cli("backup", "-o", str(outside), "--db", str(db_path)).returncode == 0
    return outside


def erase(cli: Callable[..., CliOutcome], db_path: Path, name: str, *extra: str) -> tuple[int, str, str]:
    """``erase --yes`` of ``name`` in Harbour Team, in a subprocess (``run_cli``) or in this process (``call_cli``)."""
    result = cli("erase", "--team", "Harbour Team", "--member", name, "--yes", "--db", str(db_path), *extra)
    return result.returncode, result.stdout, result.stderr


def test_a_member_renamed_after_a_backup_is_erased_from_it_old_name_included(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path)
    rename = "UPDATE member SET display_name = ?, name_key = ? WHERE name_key = ?"
    sql(db_path, rename, "Zoe Qinnet", "zoe qinnet", "zoë quinn")
    take_backup(db_path)  # taken under the old, misspelt name
    sql(db_path, rename, "Zoë Quinn", "zoë quinn", "zoe qinnet")
    zoe = int(sql(db_path, "SELECT id FROM member WHERE display_name = 'Zoë Quinn'")[0][0])

    code, out, err = erase(run_cli, db_path, "Zoë Quinn")

    assert code == 0, err
    assert "backups cleaned: 1" in out
    assert files_holding(db_path.parent, b"Qinnet", b"Quinn") == []
    (backup,) = (db_path.parent / "backups").rglob("auto-*.db")
    assert sql(backup, "SELECT count(*) FROM contribution WHERE member_id = ?", zoe) == [(0,)]


def test_a_damaged_backup_is_named_and_skipped_and_the_others_are_cleaned(call_cli: CallCli, db_path: Path) -> None:
    make_database(db_path)
    good_old, damaged, good_new = (take_backup(db_path, days_ago=days) for days in (3, 2, 1))
    corrupt(damaged, "overwritten-page")

    code, _out, err = erase(call_cli, db_path, "Zoë Quinn")

    assert code == 1 and len(err.strip().splitlines()) == 1, err
    assert damaged.name in err and "Traceback" not in err
    assert files_holding(db_path.parent, b"Quinn") == [str(damaged.relative_to(db_path.parent))]
    assert good_old.is_file() and good_new.is_file()
    # The rerun finishes it: the damaged copy is deleted on request, and the command says it finished.
    code, out, err = erase(call_cli, db_path, "Zoë Quinn", "--delete-damaged")
    assert code == 0, err
    assert "Finished an earlier erasure" in out
    assert files_holding(db_path.parent, b"Quinn") == []


def _copy_refused(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _check_unreadable(path: Path) -> None:
    cause = sqlite3.OperationalError("disk I/O error")
    raise StoreError(f"The backup {path.name} could not be verified ({cause}).") from cause


@pytest.mark.parametrize(
    ("target", "refusal"),
    [(shutil, _copy_refused), (scrub, _check_unreadable)],
    ids=["its copy refused by a full disk", "its check unreadable for now"],
)
def test_a_backup_that_could_not_be_cleaned_this_time_is_never_deleted_as_damaged_and_a_rerun_cleans_it(
    call_cli: CallCli, db_path: Path, monkeypatch: pytest.MonkeyPatch, target: object, refusal: Callable[..., None]
) -> None:
    make_database(db_path)
    sound = take_backup(db_path)
    monkeypatch.setattr(target, "copyfile" if target is shutil else "verify", refusal)

    code, _out, err = erase(call_cli, db_path, "Zoë Quinn", "--delete-damaged")

    assert code == 1 and f"Not cleaned this time, so the data is still in: backups/copdesk.db/{sound.name} (" in err
    assert "damaged" not in err and "run this again" in err and "Traceback" not in err
    assert sound.is_file() and b"Quinn" in sound.read_bytes()
    monkeypatch.undo()
    code, out, err = erase(call_cli, db_path, "Zoë Quinn")
    assert code == 0 and "Finished an earlier erasure" in out, err
    assert files_holding(db_path.parent, b"Quinn") == []


def test_an_sqlite_file_no_erasure_can_be_applied_to_counts_as_damaged_and_can_be_deleted(
    call_cli: CallCli, db_path: Path
) -> None:
    """Not a full disk or a lock: retrying would fail for ever, so it is offered for deletion as damaged."""
    make_database(db_path)
    stranger = take_backup(db_path)
    sql(stranger, "DROP TABLE contribution")

    code, _out, err = erase(call_cli, db_path, "Zoë Quinn")
    assert code == 1 and "Too damaged to be cleaned" in err and stranger.name in err, err
    code, out, err = erase(call_cli, db_path, "Zoë Quinn", "--delete-damaged")
    assert code == 0 and "Finished an earlier erasure" in out, err
    assert not stranger.exists() and files_holding(db_path.parent, b"Quinn") == []


def test_a_backup_a_newer_copdesk_saved_is_never_called_cleaned_nor_deleted_as_damaged(
    call_cli: CallCli, db_path: Path
) -> None:
    """Its tables may hold the person where this CoPDesk does not look: it was cleaned of the tables known here and
    reported as cleaned. It is sound, so ``--delete-damaged`` must not delete it either."""
    make_database(db_path)
    newer = take_backup(db_path)
    (version,) = sql(newer, "PRAGMA user_version")[0]
    sql(newer, "CREATE TABLE member_story (member_name TEXT)")
    sql(newer, "INSERT INTO member_story VALUES ('Zoë Quinn')")
    sql(newer, f"PRAGMA user_version = {version + 1}")

    code, _out, err = erase(call_cli, db_path, "Zoë Quinn", "--delete-damaged")

    assert code == 1 and f"Not cleaned this time, so the data is still in: backups/copdesk.db/{newer.name} (" in err
    assert f"a newer CoPDesk saved it (its data is version {version + 1})" in err and "Traceback" not in err, err
    assert newer.is_file() and sql(newer, "SELECT count(*) FROM member_story") == [(1,)]
    assert files_holding(db_path.parent, "Zoë Quinn".encode()) == [str(newer.relative_to(db_path.parent))]


def test_a_copy_taken_before_an_erasure_restores_without_the_erased_and_names_the_old_sessions_it_brings_back(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    """A copy kept outside CoPDesk's folders is out of any erasure's reach; restored, it must not bring back the
    erased member, and the redaction list comes with it. Old sessions a deletion removed are the facilitator's to
    delete again (a restore may be how a mistaken deletion is undone): the restore says they are back."""
    make_database(db_path, start=NOW - timedelta(days=800))
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0
    assert call_cli("retention", "--months", "24", "--yes", "--db", str(db_path)).returncode == 0
    assert sql(db_path, "SELECT count(*) FROM session") == [(0,)]

    restored = call_cli("restore", str(outside), "--db", str(db_path))

    assert restored.returncode == 0, restored.stderr
    assert "The erasure made in the data it replaced was made again in it too." in restored.stdout
    assert "It holds sessions from before " in restored.stdout and "delete them again" in restored.stdout
    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(0,)]
    assert sql(db_path, "SELECT count(*) FROM session") == [(3,)]
    assert sql(db_path, "SELECT count(*) FROM erased_name WHERE whole = 1") == [(2,)]  # as written, and unaccented
    assert sql(db_path, "SELECT count(*) FROM pending_care WHERE finished_at IS NULL") == [(0,)]
    assert files_holding(db_path.parent, b"Quinn") == []  # the live file, its -wal and every backup
    assert b"Quinn" in outside.read_bytes()  # what CoPDesk never made is never changed
    again = call_cli("restore", str(outside), "--db", str(db_path))  # and a second time, the same
    assert again.returncode == 0 and files_holding(db_path.parent, b"Quinn") == []


def test_a_crash_in_a_restore_leaves_the_database_as_it_was_never_the_erased_back(
    call_cli: CallCli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0

    def crash(*_args: object) -> int:
        raise KeyboardInterrupt  # stands in for the process ending while the erasures are recorded

    monkeypatch.setattr(pending_care.CareHistory, "carry_into", crash)
    with pytest.raises(KeyboardInterrupt):
        restore_database(outside, db_path, paths.migrations_dir(), NOW)

    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(0,)]
    assert files_holding(db_path.parent, b"Quinn") == []  # nor a half-made copy left beside the backups


def test_a_restore_stopped_once_the_copy_is_in_place_never_brings_the_erased_back(
    call_cli: CallCli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The erasures were only recorded in the copy, and made once it had taken the database's place: a process
    killed between the two left the erased member in the database, for any command that reads to export."""
    make_database(db_path)
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0

    def killed(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt  # stands in for the process ending just after the copy took the database's place

    from copdesk.services import data_care

    monkeypatch.setattr(data_care, "finish_pending_care", killed)
    assert call_cli("restore", str(outside), "--db", str(db_path)).returncode != 0

    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(0,)]
    assert sql(db_path, "SELECT count(*) FROM pending_care WHERE finished_at IS NULL") == [(1,)], "copies: still to do"
    live = [name for name in files_holding(db_path.parent, b"Quinn") if not name.startswith("backups")]
    assert live == [], "neither the database nor its -wal holds the name"


@pytest.mark.parametrize(("kind", "readable"), [("overwritten-page", True), ("random-bytes", False)])
def test_a_restore_over_a_damaged_database_makes_its_erasures_again_or_says_it_could_not(
    call_cli: CallCli, db_path: Path, tmp_path: Path, kind: str, readable: bool
) -> None:
    """Read from the damaged file where SQLite can; where it cannot, the restore says to erase them again."""
    make_database(db_path)
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0
    corrupt(db_path, kind)

    restored = call_cli("restore", str(outside), "--db", str(db_path))

    assert restored.returncode == 0, restored.stderr
    erased = sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(0,)]
    said = "could not be read" in restored.stdout and "erase them again" in restored.stdout
    assert (erased, said) == (readable, not readable)


def _in_use(*_args: object) -> None:
    raise PermissionError(13, "Access is denied")  # a virus scanner reading the file just written


@pytest.mark.parametrize(("kind", "readable"), [("overwritten-page", True), ("random-bytes", False)])
def test_a_restore_whose_last_rename_went_through_only_as_the_data_reopened_is_said_and_its_erasures_made(
    qapp: QApplication,
    call_cli: CallCli,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
    readable: bool,
) -> None:
    """The ready backup's rename refused once the damaged file was moved aside, and let through a moment later: the
    window reopened on the restored data saying the restore had failed, and showed what the replaced data's
    erasures had removed until the next start."""
    make_database(db_path)
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0
    corrupt(db_path, kind)
    monkeypatch.setattr("copdesk.store.recovery.put_in_place", _in_use)
    monkeypatch.setattr("copdesk.store.recovery._move_back", lambda *_args: False)  # the damaged file stays aside

    opened, notices, warnings = restored_or_as_it_was(outside, db_path)

    try:
        erased = opened.db.execute("SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'").fetchone() == (0,)
    finally:
        opened.db.close()
    assert opened.restore_finished and warnings == []
    assert notices[0].startswith(f"Restored {outside.name}. The damaged database is kept in quarantine/.")
    assert (erased, "erase them again" in notices[0]) == (readable, not readable)


def test_an_erasure_finished_before_erasures_were_kept_is_made_again_from_the_audit_log(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    make_database(db_path)
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0
    sql(db_path, "DELETE FROM pending_care")  # as an earlier CoPDesk left it: the audit log and the names only
    sql(db_path, "UPDATE audit SET at = '2020-01-01T00:00:00+00:00'")  # a clock set back: time decides nothing

    restored = call_cli("restore", str(outside), "--db", str(db_path))

    assert restored.returncode == 0 and "made again in it too" in restored.stdout, restored.stderr
    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(0,)]
    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Bo Day'") == [(1,)]  # only the erased


def test_an_id_given_again_to_someone_new_of_the_same_name_is_never_erased_by_a_restore(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    make_database(db_path)
    erased_id = sql(db_path, "SELECT id FROM member WHERE display_name = 'Noor Haddad'")[0][0]
    assert erase(call_cli, db_path, "Noor Haddad")[0] == 0
    sql(db_path, "DELETE FROM pending_care")  # only the audit log and the names, as an earlier CoPDesk kept them
    opened = open_database(db_path, paths.migrations_dir())
    rejoined = teams.add_member(opened.db, 1, "Noor Haddad", Role.PRACTITIONER, datetime.now(UTC) + timedelta(days=1))
    opened.db.close()
    assert rejoined.id == erased_id  # SQLite gives the highest id again once its row is deleted
    copy = tmp_path / "after.db"
    assert call_cli("backup", "-o", str(copy), "--db", str(db_path)).returncode == 0

    restored = call_cli("restore", str(copy), "--db", str(db_path))

    assert restored.returncode == 0 and "made again" not in restored.stdout, restored.stderr
    assert sql(db_path, "SELECT id FROM member WHERE display_name = 'Noor Haddad'") == [(erased_id,)]


def test_a_restore_refused_over_a_damaged_database_moves_nothing(
    call_cli: CallCli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    outside = _copy_elsewhere(call_cli, db_path, tmp_path)
    corrupt(db_path, "overwritten-page")
    before = db_path.read_bytes()

    def disk_full(*_args: object) -> None:
        raise StoreError("The backup to x failed (the disk is full); nothing was replaced.")

    monkeypatch.setattr("copdesk.store.recovery.backup_to", disk_full)
    refused = call_cli("restore", str(outside), "--db", str(db_path))

    assert refused.returncode == 1 and "the database was left as it was" in refused.stderr, refused.stderr
    assert "could not be copied" in refused.stderr
    assert db_path.read_bytes() == before and not (db_path.parent / "quarantine").exists()


def test_the_damage_recovery_at_a_start_carries_the_erasures_of_the_damaged_database(
    call_cli: CallCli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    backup = take_backup(db_path)

    def locked(copy: Any, _deletion: object) -> bool:
        raise scrub.CopyNotCleaned(copy.path, "database is locked")

    monkeypatch.setattr(scrub, "_clean", locked)  # the backup keeps her until a later run cleans it
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 1
    monkeypatch.undo()
    corrupt(db_path, "overwritten-page")

    started = open_for_gui(db_path, FakePrompts(damage="restore"), migrations_dir=paths.migrations_dir(), now=NOW)

    assert started is not None
    assert started.opened.db.execute("SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'").fetchone() == (0,)
    started.opened.db.close()
    started.lock.release()
    assert b"Quinn" not in backup.read_bytes()


@pytest.mark.parametrize("while_copying", [False, True])
def test_a_restore_left_half_made_by_a_crash_is_deleted_at_the_next_start(
    call_cli: CallCli, db_path: Path, while_copying: bool
) -> None:
    """Killed while the backup was being copied in, the restore left the copy's own hidden file and its journal,
    which no start deleted."""
    make_database(db_path)
    leftover = being_written(restoring_file(db_path)) if while_copying else restoring_file(db_path)
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"what a backup held: Quinn")
    journal = rollback_journal(leftover)
    journal.write_bytes(b"Quinn")

    assert call_cli("check", "--db", str(db_path)).returncode == 0  # a command leaves it to the window
    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None
    started.opened.db.close()
    started.lock.release()
    assert not leftover.exists() and not journal.exists()


def test_a_restore_of_another_databases_file_takes_none_of_this_ones_erasures(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    make_database(db_path)
    other = tmp_path / "other" / "copdesk.db"
    other.parent.mkdir()
    make_database(other, start=NOW - timedelta(days=60))  # the same names, but a team of its own: not a copy
    assert erase(call_cli, db_path, "Zoë Quinn")[0] == 0

    restored = call_cli("restore", str(other), "--db", str(db_path))

    assert restored.returncode == 0 and "made again" not in restored.stdout, restored.stderr
    assert sql(db_path, "SELECT count(*) FROM member WHERE display_name = 'Zoë Quinn'") == [(1,)]
    assert sql(db_path, "SELECT count(*) FROM pending_care") == [(0,)]


def test_an_erasure_stopped_by_another_reader_is_finished_by_a_rerun(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path)
    take_backup(db_path)
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM member").fetchone()  # another program, holding a read snapshot

    code, _out, err = erase(run_cli, db_path, "Zoë Quinn")
    assert code == 1 and "another program" in err.lower(), err
    reader.close()

    code, _out, err = erase(run_cli, db_path, "Zoë Quinn")
    assert code == 0, err
    assert "Nobody called" not in err
    assert files_holding(db_path.parent, b"Quinn") == []


def test_every_copy_is_cleaned_quarantined_legacy_nested_and_leftovers(run_cli: RunCli, tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "harbour.db"  # not the default name: its legacy backups are not listed
    make_database(db_path)
    backups = db_path.parent / "backups"
    own = take_backup(db_path)
    nested = backups / "harbour.db" / "kept by hand" / own.name
    legacy = backups / "auto-20240101T000000Z.db"
    quarantined = db_path.parent / "quarantine" / "20260101T000000Z-harbour.db"
    partial = own.with_name(f".{own.name}.partial")
    scrubbing = own.with_name(f".{own.name}.scrubbing")
    for copy in (nested, legacy, quarantined, partial, scrubbing):
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(own, copy)

    code, out, err = erase(run_cli, db_path, "Zoë Quinn")

    assert code == 0, err
    assert files_holding(db_path.parent, b"Quinn") == []
    assert not partial.exists() and not scrubbing.exists()
    assert "backups cleaned: 4" in out  # own, nested, legacy and quarantined


def test_the_report_counts_every_kind_of_text_that_still_names_the_member(call_cli: CallCli, db_path: Path) -> None:
    """Free text is the facilitator's to edit, never rewritten: the report is the only pointer to where the name
    still is, so it counts every kind of text, not the notes alone."""
    make_database(db_path)
    day, when = NOW.date().isoformat(), NOW.isoformat()
    sql(db_path, "UPDATE note SET text = 'Zoë Quinn said this' WHERE id = 1")
    sql(db_path, "UPDATE action SET text = 'ZOË QUINN to book the hospital team' WHERE id = 1")  # any case
    sql(db_path, "UPDATE session SET topic = 'Zoë Quinn presents', support_offered = 'Ask Zoë Quinn' WHERE id = 2")
    sql(db_path, "UPDATE session SET trigger_warning = 'Zoë Quinn shares a bereavement' WHERE id = 3")
    sql(db_path, "INSERT INTO session_plan (team_id, session_day, support, updated_at) VALUES (1, ?, ?, ?)",
        day, "Zoë Quinn is free after the session", when)  # fmt: skip
    sql(db_path, "INSERT INTO issue (id, team_id, title, status, created_at) VALUES (1, 1, ?, 'open', ?)",
        "Zoë Quinn cannot get OT slots", when)  # fmt: skip
    sql(db_path, "INSERT INTO issue_mention (issue_id, session_id, text, at) VALUES (1, 2, ?, ?)",
        "raised again by Zoë Quinn", when)  # fmt: skip
    sql(db_path, "INSERT INTO escalation (issue_id, target, raised_on, status, outcome) VALUES (1, 'manager', ?, "
        "'closed', 'Zoë Quinn was told to wait')", day)  # fmt: skip
    sql(db_path, "INSERT INTO self_assessment (team_id, quarter, heading, text, updated_at) VALUES (1, '2026Q3', "
        "'harder', 'Covering for Zoë Quinn', ?)", when)  # fmt: skip
    sql(db_path, "INSERT INTO note (session_id, kind, text, created_at, updated_at) VALUES (2, 'learning', "
        "'Zoë Quinnell is someone else', ?, ?)", when, when)  # fmt: skip
    sql(db_path, "INSERT INTO session_feedback (session_id, usefulness, to_change, created_at) VALUES (3, 4, ?, ?)",
        "More time for Zoë Quinn's case", when)  # fmt: skip

    preview = call_cli("erase", "--team", "Harbour Team", "--member", "Zoë Quinn", "--db", str(db_path))

    assert preview.returncode == 0, preview.stderr
    assert (
        "Texts that still mention the name (CoPDesk never rewrites your words): notes: 1, issues raised again: 1, "
        "actions: 1, issues: 1, escalation outcomes: 1, sessions: 2, plans: 1, feedback: 1 and self-assessments: 1"
        in preview.stdout
    ), preview.stdout


def test_erasing_al_leaves_alex_morgan_alone(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path)
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    team = teams.find_team(opened.db, "Harbour Team")
    assert team is not None
    teams.add_member(opened.db, team.id, "Al", Role.PRACTITIONER, NOW)
    opened.db.close()
    for action_id, detail in ((1, "reassigned to Alex Morgan"), (2, "reassigned to Al")):
        sql(db_path, "INSERT INTO action_review (action_id, session_id, outcome, detail, at) "
            "VALUES (?, 3, 'reassigned', ?, ?)", action_id, detail, NOW.isoformat())  # fmt: skip
    sql(db_path, "UPDATE note SET text = 'Alex Morgan will follow up with the family'")

    preview = run_cli("erase", "--team", "Harbour Team", "--member", "Al", "--db", str(db_path))
    assert preview.returncode == 0 and "Texts that still mention the name" not in preview.stdout, preview.stdout
    code, _out, err = erase(run_cli, db_path, "Al")

    assert code == 0, err
    details = sorted(str(row[0]) for row in sql(db_path, "SELECT detail FROM action_review"))
    assert "reassigned to Alex Morgan" in details and "reassigned to Al" not in details


def test_the_anonymised_summary_never_names_an_erased_or_former_member(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path)
    opened = open_database(db_path, paths.migrations_dir(), now=NOW)
    db = opened.db
    team = teams.find_team(db, "Harbour Team")
    assert team is not None
    other = teams.create_team(db, "Quay Team", [("Jane Doe", Role.PRACTITIONER)], NOW)
    session = sessions.list_sessions(db, team.id)[-1]
    for title in ("Zoë Quinn's caseload review", "Jane Doe at Ward 7", "Cover from Bo Dayton"):
        issues.add_issue(db, team.id, title, session.id, NOW - timedelta(days=60))
    bo = next(m for m in teams.list_members(db, team.id) if m.display_name == "Bo Day")
    db.close()
    sql(db_path, "UPDATE member SET display_name = 'Bo Dayton', name_key = 'bo dayton' WHERE id = ?", bo.id)
    sql(db_path, "UPDATE member SET display_name = 'Bo Day', name_key = 'bo day' WHERE id = ?", bo.id)
    assert other.name == "Quay Team"
    assert erase(run_cli, db_path, "Zoë Quinn")[0] == 0

    out = db_path.parent / "summary.json"
    result = run_cli("summary", "--team", "Harbour Team", "--quarter", "2026Q3", "-o", str(out), "--db", str(db_path))

    assert result.returncode == 0, result.stderr
    titles = [issue["title"] for issue in json.loads(out.read_text(encoding="utf-8"))["issues"]]
    assert len(titles) == 3
    text = " ".join(titles)
    for name in ("Zoë", "Quinn", "Jane", "Doe", "Dayton"):
        assert name not in text, titles


@pytest.mark.parametrize("kind", ["erase", "retention"])
def test_a_dry_run_says_an_earlier_run_is_pending_and_changes_nothing(
    run_cli: RunCli, db_path: Path, kind: str
) -> None:
    make_database(db_path)
    take_backup(db_path)
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM member").fetchone()
    if kind == "erase":
        assert erase(run_cli, db_path, "Zoë Quinn")[0] == 1
    else:
        args = ("retention", "--months", "1", "--yes", "--db", str(db_path))
        assert run_cli(*args).returncode == 1
    reader.close()
    before = sorted((p.name, p.stat().st_size) for p in db_path.parent.rglob("*") if p.is_file())
    dry = run_cli("retention", "--months", "600", "--db", str(db_path))
    assert dry.returncode == 0 and "stopped part-way" in dry.stdout
    assert sorted((p.name, p.stat().st_size) for p in db_path.parent.rglob("*") if p.is_file()) == before


def test_retention_reaches_quarantined_and_nested_copies(run_cli: RunCli, db_path: Path) -> None:
    make_database(db_path, start=NOW - timedelta(days=3 * 365))
    sql(db_path, "UPDATE note SET text = 'Zephyrine old case detail'")
    own = take_backup(db_path, days_ago=1)
    quarantined = db_path.parent / "quarantine" / "20260101T000000Z-copdesk.db"
    nested = db_path.parent / "backups" / "copdesk.db" / "old" / own.name
    for copy in (quarantined, nested):
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(own, copy)

    result = run_cli("retention", "--months", "12", "--yes", "--db", str(db_path))

    assert result.returncode == 0, result.stderr
    assert files_holding(db_path.parent, b"Zephyrine") == []


def _link(link: Path, target: Path) -> None:
    """A symbolic link, or the test skipped where the platform (or a Windows account without the right) has none."""
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        link.symlink_to(target)
    except (OSError, NotImplementedError) as exc:
        pytest.skip(f"no symbolic links here ({exc})")


@pytest.mark.parametrize("care", ["erase", "retention"])
def test_a_linked_file_in_quarantine_is_never_followed_by_erasure_nor_retention(
    call_cli: CallCli, db_path: Path, tmp_path: Path, care: str
) -> None:
    """A link there is no file CoPDesk set aside: it may point anywhere (an archive on another drive, the database
    itself). It was cleaned as a file, through the link, as a link among the backups never is."""
    make_database(db_path, start=NOW - timedelta(days=3 * 365))
    own = take_backup(db_path, days_ago=500)
    archive = tmp_path / "archive" / "20250101T000000Z-copdesk.db"
    archive.parent.mkdir()
    shutil.copyfile(own, archive)
    os.utime(archive, (old_enough := (NOW - timedelta(days=450)).timestamp(), old_enough))
    before = archive.read_bytes()
    quarantine = db_path.parent / "quarantine"
    _link(quarantine / archive.name, archive)
    _link(quarantine / "20250102T000000Z-copdesk.db", db_path)
    links = sorted(quarantine.iterdir())

    if care == "erase":
        code, out, err = erase(call_cli, db_path, "Zoë Quinn")
        assert code == 0 and "backups cleaned: 1" in out, err
    else:
        said = call_cli("retention", "--months", "12", "--db", str(db_path))
        assert said.returncode == 0 and "damaged files set aside" not in said.stdout, said.stdout
        done = call_cli("retention", "--months", "12", "--yes", "--db", str(db_path))
        assert done.returncode == 0 and "deleted: 1" in done.stdout, done.stderr
    assert archive.read_bytes() == before, "the file linked to is left as it was"
    assert sorted(quarantine.iterdir()) == links and all(link.is_symlink() for link in links)


@pytest.mark.parametrize("leading_to", ["an archive", "nothing"])
def test_a_real_wal_beside_a_linked_quarantined_database_is_a_wal_whose_database_is_gone(
    call_cli: CallCli, db_path: Path, tmp_path: Path, leading_to: str
) -> None:
    """The link is left as it is, but the -wal and -shm CoPDesk moved there with the database are its own files, and
    SQLite, which follows a link, keeps the -wal of the file it leads to beside that file: this -wal is one whose
    database is gone. It was named damaged (to be deleted on request) only while the link led nowhere; while it led to
    a file, the -wal, with the pages it holds, was left out of every erasure. Now it is named damaged either way, and
    goes, with its -shm, on request."""
    make_database(db_path)
    name = "20250101T000000Z-copdesk.db"
    archive = tmp_path / "archive" / name
    archive.parent.mkdir()
    shutil.copyfile(take_backup(db_path), archive)
    before = archive.read_bytes()
    quarantine = db_path.parent / "quarantine"
    link = quarantine / name
    _link(link, archive if leading_to == "an archive" else tmp_path / "gone.db")
    wal, shm = quarantine / f"{name}-wal", quarantine / f"{name}-shm"
    wal.write_bytes(b"frames of pages that held Zo\xc3\xab Quinn")
    shm.write_bytes(bytes(32768))

    code, _out, err = erase(call_cli, db_path, "Zoë Quinn")
    assert code == 1 and f"quarantine/{wal.name}" in err and "damaged" in err, err
    assert wal.is_file() and shm.is_file()
    code, out, err = erase(call_cli, db_path, "Zoë Quinn", "--delete-damaged")
    assert code == 0 and "Finished an earlier erasure" in out, err
    assert not wal.exists() and not shm.exists()
    assert link.is_symlink() and archive.read_bytes() == before, "the link, and the file it leads to, are left"


def test_a_linked_wal_beside_a_quarantined_database_is_neither_read_as_its_own_nor_removed(
    call_cli: CallCli, db_path: Path, tmp_path: Path
) -> None:
    """A link there is none CoPDesk made, where a -wal is as where a database is: it was read as the database's own
    -wal when the database was cleaned, then deleted with it."""
    make_database(db_path)
    name = "20250101T000000Z-copdesk.db"
    quarantined = db_path.parent / "quarantine" / name
    quarantined.parent.mkdir()
    shutil.copyfile(take_backup(db_path), quarantined)
    elsewhere = tmp_path / "elsewhere" / "team.db-wal"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(b"another program's file")
    link = quarantined.with_name(f"{name}-wal")
    _link(link, elsewhere)

    code, _out, err = erase(call_cli, db_path, "Zoë Quinn")

    assert code == 0, err
    assert b"Quinn" not in quarantined.read_bytes(), "the quarantined database is cleaned all the same"
    assert link.is_symlink() and elsewhere.read_bytes() == b"another program's file"


def test_a_dry_run_of_retention_counts_the_backups_it_would_delete_whole(call_cli: CallCli, db_path: Path) -> None:
    """Backups from before the cut-off are deleted whole, not cleaned: the dry run says how many, as it does the
    sessions, and the run deletes that many."""
    make_database(db_path, start=NOW - timedelta(days=3 * 365))
    old = [take_backup(db_path, days_ago=days) for days in (500, 400)]
    take_backup(db_path, days_ago=1)
    quarantined = db_path.parent / "quarantine" / "20250101T000000Z-copdesk.db"
    quarantined.parent.mkdir()
    shutil.copyfile(old[0], quarantined)
    os.utime(quarantined, (old_enough := (NOW - timedelta(days=450)).timestamp(), old_enough))

    said = call_cli("retention", "--months", "12", "--db", str(db_path))

    assert said.returncode == 0, said.stderr
    assert "backups deleted whole: 2 · damaged files set aside, deleted whole: 1." in said.stdout
    done = call_cli("retention", "--months", "12", "--yes", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    assert "deleted: 3" in done.stdout and not any(path.exists() for path in (*old, quarantined))


def test_the_next_start_finishes_a_pending_erasure(db_path: Path, run_cli: RunCli) -> None:
    from copdesk.startup import open_for_gui
    from tests.reliability.conftest import FakePrompts

    make_database(db_path)
    take_backup(db_path)
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM member").fetchone()
    assert erase(run_cli, db_path, "Zoë Quinn")[0] == 1
    reader.close()

    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)

    assert started is not None
    assert any("now finished" in notice for notice in started.notices), started.notices
    started.opened.db.close()
    started.lock.release()
    assert files_holding(db_path.parent, b"Quinn") == []
