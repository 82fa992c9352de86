from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.store import migrations
from copdesk.store.connection import open_database
from copdesk.store.errors import MigrationError
from tests.conftest import migrations_up_to

EXPECTED_TABLES = {
    "team", "member", "series", "agenda_template", "agenda_template_segment", "session", "segment",
    "attendance", "contribution", "marker", "note", "action", "action_review", "issue", "issue_mention",
    "escalation", "question_asked", "custom_question", "favourite", "audit", "setting",
}  # fmt: skip


def test_empty_database_migrates_to_latest(db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    tables = set(opened.db.table_names())
    assert tables >= EXPECTED_TABLES
    assert migrations.user_version(opened.db.conn) == migrations.latest_version(paths.migrations_dir())
    assert opened.created and opened.migrated_from is None
    opened.db.close()


def test_pragmas_are_applied(db_path: Path) -> None:
    opened = open_database(db_path, paths.migrations_dir())
    conn = opened.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    opened.db.close()


def _copy_migrations(tmp_path: Path) -> Path:
    target = tmp_path / "db"
    shutil.copytree(paths.migrations_dir(), target)
    return target


def test_failing_migration_leaves_previous_version_intact(tmp_path: Path, db_path: Path) -> None:
    directory = _copy_migrations(tmp_path)
    first = open_database(db_path, directory)
    version = migrations.user_version(first.db.conn)
    first.db.execute("INSERT INTO setting (key, value) VALUES ('kept', 'yes')")
    first.db.close()
    # The new migration creates a table, then fails: neither the table nor the version bump may stay.
    (directory / f"{version + 1:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (id INTEGER PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n", encoding="utf-8"
    )
    with pytest.raises(MigrationError, match=f"unchanged at version {version}"):
        open_database(db_path, directory)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone()[0] == 0
    assert conn.execute("SELECT value FROM setting WHERE key = 'kept'").fetchone()[0] == "yes"
    conn.close()


def test_existing_database_is_backed_up_before_migrating(tmp_path: Path, db_path: Path) -> None:
    directory = _copy_migrations(tmp_path)
    first = open_database(db_path, directory)
    version = migrations.user_version(first.db.conn)
    first.db.execute("INSERT INTO setting (key, value) VALUES ('before', 'migration')")
    first.db.close()
    (directory / f"{version + 5:04d}_add_column.sql").write_text(
        "ALTER TABLE team ADD COLUMN colour TEXT;\n", encoding="utf-8"
    )
    second = open_database(db_path, directory)
    assert second.migrated_from == version
    assert second.pre_migration_backup is not None and second.pre_migration_backup.exists()
    backup = sqlite3.connect(second.pre_migration_backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == version
    assert backup.execute("SELECT value FROM setting WHERE key = 'before'").fetchone()[0] == "migration"
    assert backup.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    backup.close()
    assert migrations.user_version(second.db.conn) == version + 5  # gaps in numbering are allowed
    second.db.close()


def test_misnamed_migration_file_is_an_error(tmp_path: Path) -> None:
    directory = _copy_migrations(tmp_path)
    (directory / "2_oops.sql").write_text("SELECT 1;", encoding="utf-8")
    with pytest.raises(MigrationError, match="misnamed"):
        migrations.discover(directory)


def test_failed_multi_step_upgrade_stays_at_its_starting_version(tmp_path: Path, db_path: Path) -> None:
    """Two pending steps, the second failing: the first must not stay applied (a version no release shipped)."""
    directory = _copy_migrations(tmp_path)
    first = open_database(db_path, directory)
    version = migrations.user_version(first.db.conn)
    first.db.close()
    (directory / f"{version + 1:04d}_good_step.sql").write_text(
        "ALTER TABLE team ADD COLUMN colour TEXT;\n", encoding="utf-8"
    )
    (directory / f"{version + 2:04d}_bad_step.sql").write_text(
        "INSERT INTO no_such_table VALUES (1);\n", encoding="utf-8"
    )
    with pytest.raises(MigrationError, match=f"unchanged at version {version}"):
        open_database(db_path, directory)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    assert "colour" not in {row[1] for row in conn.execute("PRAGMA table_info(team)")}
    conn.close()


def test_retried_upgrades_do_not_pile_up_pre_migration_copies(tmp_path: Path, db_path: Path) -> None:
    from copdesk.store.backup_catalogue import list_backups

    directory = _copy_migrations(tmp_path)
    first = open_database(db_path, directory)
    version = migrations.user_version(first.db.conn)
    first.db.close()
    (directory / f"{version + 1:04d}_bad_step.sql").write_text(
        "INSERT INTO no_such_table VALUES (1);\n", encoding="utf-8"
    )
    for attempt in range(3):
        with pytest.raises(MigrationError):
            open_database(db_path, directory, now=datetime(2026, 10, 8, 9, attempt, tzinfo=UTC))
    assert [b.path.name for b in list_backups(db_path)] == [f"pre-migration-v{version}-20261008T090000Z.db"]


def test_a_series_paused_before_pauses_were_kept_stays_paused_from_the_beginning(tmp_path: Path, db_path: Path) -> None:
    """0034 keeps when each series is paused; one paused before it has no known start, so every count leaves all
    its dates out, as before."""
    old = migrations_up_to(tmp_path, 33)
    now = datetime(2026, 8, 1, tzinfo=UTC)
    opened = open_database(db_path, old, now=now)
    conn = opened.db.conn
    conn.execute("INSERT INTO team (id, name, name_key, created_at) VALUES (1, 'T', 't', '2026-01-01T00:00:00+00:00')")
    for series_id, active in ((1, 1), (2, 0)):
        conn.execute(
            "INSERT INTO series (id, team_id, kind, rule, active, created_at) VALUES (?, 1, 'reflective', 'x', ?, ?)",
            [series_id, active, "2026-01-01T00:00:00+00:00"],
        )
    conn.commit()
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir(), now=now)
    rows = upgraded.db.execute("SELECT series_id, paused_at, resumed_at FROM series_pause").fetchall()
    upgraded.db.close()
    assert rows == [(2, None, None)]


def _no_drop_column(action: int, _database: str | None, _table: str | None, column: str | None, _where: object) -> int:
    """An SQLite before 3.35, which has no ``ALTER TABLE … DROP COLUMN``: SQLite names the column only for that."""
    dropping = action == sqlite3.SQLITE_ALTER_TABLE and column is not None
    return sqlite3.SQLITE_DENY if dropping else sqlite3.SQLITE_OK


def test_every_migration_runs_on_an_sqlite_without_drop_column(tmp_path: Path) -> None:
    """A Python 3.11 may bring an SQLite older than 3.35 (RHEL 9's has 3.34), where DROP COLUMN is a syntax error:
    CoPDesk could neither create a database there nor upgrade one to schema 38. The attendance table is made again
    without ``left_at`` instead, keeping its key, its index and what deleting a session or a member takes with it."""
    conn = sqlite3.connect(tmp_path / "copdesk.db")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.set_authorizer(_no_drop_column)
    migrations.apply(conn, migrations.discover(paths.migrations_dir()))
    conn.set_authorizer(None)
    assert migrations.user_version(conn) == migrations.latest_version(paths.migrations_dir())
    columns = conn.execute("PRAGMA table_info(attendance)").fetchall()
    assert [(row[1], row[5]) for row in columns] == [("session_id", 1), ("member_id", 2), ("arrived_at", 0)]
    assert {row[2]: row[6] for row in conn.execute("PRAGMA foreign_key_list(attendance)")} == {
        "session": "CASCADE",
        "member": "CASCADE",
    }
    assert "attendance_member" in {row[1] for row in conn.execute("PRAGMA index_list(attendance)")}
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_rhythm_kept_before_lengths_were_has_its_series_length(tmp_path: Path, db_path: Path) -> None:
    """0040 keeps each earlier rhythm's length; one kept before it takes its series' length, the one every
    invitation gave its meetings until then."""
    old = migrations_up_to(tmp_path, 39)
    now = datetime(2026, 8, 1, tzinfo=UTC)
    opened = open_database(db_path, old, now=now)
    conn = opened.db.conn
    conn.execute("INSERT INTO team (id, name, name_key, created_at) VALUES (1, 'T', 't', '2026-01-01T00:00:00+00:00')")
    for series_id, minutes in ((1, 90), (2, 60)):
        conn.execute(
            "INSERT INTO series (id, team_id, kind, rule, duration_minutes, created_at) "
            "VALUES (?, 1, 'reflective', 'x', ?, '2026-01-01T00:00:00+00:00')",
            [series_id, minutes],
        )
        conn.execute(
            "INSERT INTO series_rhythm (series_id, kind, rule, replaced_at) VALUES (?, 'themed', 'y', ?)",
            [series_id, "2026-02-01T00:00:00+00:00"],
        )
    conn.commit()
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir(), now=now)
    rows = upgraded.db.execute("SELECT series_id, duration_minutes FROM series_rhythm ORDER BY series_id").fetchall()
    with pytest.raises(sqlite3.IntegrityError):
        upgraded.db.execute("UPDATE series_rhythm SET duration_minutes = 2")
    upgraded.db.close()
    assert rows == [(1, 90), (2, 60)]


def test_escalations_responded_to_or_closed_before_their_days_were_kept_stay_undated(
    tmp_path: Path, db_path: Path
) -> None:
    """0041 keeps when an escalation is responded to and closed. One responded to or closed before it gets no day
    (none was kept): it is marked as having reached that status before the upgrade, so a report on an earlier quarter
    says its status then is not known, rather than the one it has now."""
    from copdesk.core.model import Team
    from copdesk.store.quarterly import quarter_figures

    old = migrations_up_to(tmp_path, 40)
    opened = open_database(db_path, old)
    conn = opened.db.conn
    conn.execute("INSERT INTO team (id, name, name_key, created_at) VALUES (1, 'T', 't', '2026-01-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO issue (id, team_id, title, status, created_at) VALUES (1, 1, 'Rota', 'escalated', ?)",
        ["2026-05-01T09:00:00+00:00"],
    )
    for status in ("awaiting", "responded", "closed"):
        conn.execute(
            "INSERT INTO escalation (issue_id, target, raised_on, status, outcome) VALUES (1, 'manager', ?, ?, ?)",
            ["2026-05-01", status, "Agreed a rota" if status != "awaiting" else None],
        )
    conn.commit()
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir())
    rows = upgraded.db.execute(
        "SELECT status, responded_at, closed_at, undated_before IS NOT NULL FROM escalation ORDER BY id"
    ).fetchall()
    assert rows == [("awaiting", None, None, 0), ("responded", None, None, 1), ("closed", None, None, 1)]
    figures = quarter_figures(upgraded.db, Team(1, "T"), "2026Q2", datetime.now(UTC))
    upgraded.db.close()
    assert [e.status_text for e in figures.escalations] == [
        "Awaiting a response",
        "Not known (now responded)",
        "Not known (now closed)",
    ]


def test_an_issue_whose_escalation_closed_on_a_day_not_kept_reads_not_known_beside_it(
    tmp_path: Path, db_path: Path
) -> None:
    """An escalation closed before 0041 reads Not known in a report on an earlier quarter (and in a record of a session
    held then): its issue read Open beside it, as if the escalation had been closed by then. It reads Not known too,
    unless another escalation of it was still open then, which makes it Escalated."""
    from copdesk.core.model import IssueStatus, Team
    from copdesk.store.quarterly import quarter_figures
    from copdesk.store.records import session_record

    opened = open_database(db_path, migrations_up_to(tmp_path, 40))
    conn = opened.db.conn
    conn.execute("INSERT INTO team (id, name, name_key, created_at) VALUES (1, 'T', 't', '2026-01-01T00:00:00+00:00')")
    conn.execute(
        "INSERT INTO session (id, team_id, kind, status, started_at, ended_at, created_at) VALUES "
        "(1, 1, 'reflective', 'ended', '2026-05-14T09:00:00+00:00', '2026-05-14T10:00:00+00:00', "
        "'2026-05-14T09:00:00+00:00')"
    )
    escalations = {1: ("Rota", ["closed"]), 2: ("Parking", ["closed", "awaiting"])}
    for issue_id, (title, statuses) in escalations.items():
        conn.execute(
            "INSERT INTO issue (id, team_id, title, status, created_at) VALUES (?, 1, ?, 'escalated', ?)",
            [issue_id, title, "2026-05-01T09:00:00+00:00"],
        )
        conn.execute(
            "INSERT INTO issue_mention (issue_id, session_id, at) VALUES (?, 1, '2026-05-14T09:30:00+00:00')",
            [issue_id],
        )
        for status in statuses:
            conn.execute(
                "INSERT INTO escalation (issue_id, target, raised_on, status) VALUES (?, 'manager', '2026-05-01', ?)",
                [issue_id, status],
            )
    conn.commit()
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir())
    figures = quarter_figures(upgraded.db, Team(1, "T"), "2026Q2", datetime.now(UTC))
    record = session_record(upgraded.db, 1)
    upgraded.db.close()
    assert [(i.title, i.status) for i in figures.issues] == [("Rota", None), ("Parking", IssueStatus.ESCALATED)]
    assert [(e.issue_title, e.status_text) for e in figures.escalations] == [
        ("Rota", "Not known (now closed)"),
        ("Parking", "Not known (now closed)"),
        ("Parking", "Awaiting a response"),
    ]
    assert [(i.title, i.status, i.status_known) for i in record.issues] == [
        ("Rota", "Not known (escalated or open)", False),  # so the record's issues say what Not known means
        ("Parking", "Escalated", True),
    ]


def test_names_stored_with_a_joiner_at_a_word_edge_are_written_as_today_and_never_merged(
    tmp_path: Path, db_path: Path
) -> None:
    """0042: an earlier CoPDesk kept "Sam Lee" with a joiner pasted after it under a key of its own, so "Sam Lee" typed
    today was taken for a second person who looks the same. Each stored name is written as today's rule writes it; one
    that would then be another's on its roster keeps a number, so both people stay, and the roster shows two."""
    from copdesk.core.model import Role
    from copdesk.services.data_care import erase_member
    from copdesk.store import teams

    old = migrations_up_to(tmp_path, 41)
    opened = open_database(db_path, old)
    conn = opened.db.conn
    made = "2026-01-01T00:00:00+00:00"
    for team_id, name in ((1, "Harbour Team"), (2, "Harbour Team\u200d"), (3, "\u200bRiverside Team")):
        key = name.casefold()
        conn.execute(
            "INSERT INTO team (id, name, name_key, created_at) VALUES (?, ?, ?, ?)", [team_id, name, key, made]
        )
    members = (
        (1, 1, "Sam Lee\u200d"),  # older than the Sam Lee typed since
        (2, 1, "Sam Lee"),
        (3, 1, "\u200cAsh Lee"),
        (4, 3, "Sam\u2060 Lee"),  # on another roster: no clash
        (5, 1, "Ana\u200dBel Ruiz"),  # a joiner within a word stays
    )
    for member_id, team_id, name in members:
        conn.execute(
            "INSERT INTO member (id, team_id, display_name, name_key, role, active, created_at) "
            "VALUES (?, ?, ?, ?, 'practitioner', 1, ?)",
            [member_id, team_id, name, name.casefold(), made],
        )
    conn.execute(
        "INSERT INTO action (team_id, text, owner_name, status, created_at) VALUES (1, 'Rota', ?, 'open', ?)",
        ["Bo Day\u200b", made],
    )
    for owner_id, owner_name, text in ((1, "Sam Lee\u200d", "Audit"), (2, "Sam Lee", "Supervision")):
        conn.execute(
            "INSERT INTO action (team_id, text, owner_member_id, owner_name, status, created_at) "
            "VALUES (1, ?, ?, ?, 'open', ?)",
            [text, owner_id, owner_name, made],
        )
    conn.execute(
        "INSERT INTO session (id, team_id, kind, status, created_at) VALUES (1, 1, 'reflective', 'live', ?)", [made]
    )
    conn.execute("INSERT INTO attendance_taken_off (session_id, guest_name) VALUES (1, ?)", ["Wren Kowalczyk\u200c"])
    conn.commit()
    opened.db.close()

    upgraded = open_database(db_path, paths.migrations_dir())
    db = upgraded.db
    try:
        assert db.execute("SELECT id, name, name_key FROM team ORDER BY id").fetchall() == [
            (1, "Harbour Team", "harbour team"),
            (2, "Harbour Team (2)", "harbour team (2)"),
            (3, "Riverside Team", "riverside team"),
        ]
        assert db.execute("SELECT id, display_name, name_key FROM member ORDER BY id").fetchall() == [
            (1, "Sam Lee (2)", "sam lee (2)"),
            (2, "Sam Lee", "sam lee"),
            (3, "Ash Lee", "ash lee"),
            (4, "Sam Lee", "sam lee"),
            (5, "Ana\u200dBel Ruiz", "ana\u200dbel ruiz"),
        ]
        former = db.execute("SELECT member_id, display_name FROM member_former_name ORDER BY member_id").fetchall()
        assert former == [(1, "Sam Lee\u200d"), (3, "\u200cAsh Lee"), (4, "Sam\u2060 Lee")]
        owners = "SELECT text, owner_member_id, owner_name FROM action ORDER BY id"
        assert db.execute(owners).fetchall() == [
            ("Rota", None, "Bo Day"),
            ("Audit", 1, "Sam Lee (2)"),  # the two Sam Lees told apart on their actions too
            ("Supervision", 2, "Sam Lee"),
        ]
        assert db.execute("SELECT guest_name FROM attendance_taken_off").fetchall() == [("Wren Kowalczyk",)]
        with pytest.raises(teams.DuplicateName):  # "Ash Lee" typed today is the Ash Lee on the roster
            teams.add_member(db, 1, "Ash Lee", Role.PRACTITIONER, datetime(2026, 2, 1, tzinfo=UTC))
        # Erasing the one numbered, as the facilitator is asked to (or renaming them), leaves the other Sam Lee's own.
        erase_member(db, upgraded.path, 1, datetime(2026, 2, 1, tzinfo=UTC))
        assert db.execute(owners).fetchall()[1:] == [("Audit", None, None), ("Supervision", 2, "Sam Lee")]
    finally:
        db.close()
