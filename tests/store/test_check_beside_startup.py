"""The integrity check before opening runs in a worker thread beside the caller's start-up work (``meanwhile``).

Whatever the check finds still decides: a damaged file is refused unchanged, and nothing is written before
the check has passed.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.store import connection
from copdesk.store.connection import open_database
from copdesk.store.errors import CorruptDatabaseError
from copdesk.store.opening_checks import inspect_existing
from tests.reliability.conftest import corrupt, make_database


def test_the_check_runs_while_the_start_up_work_does(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_database(db_path)
    start_up_running = threading.Event()
    checked_in: list[str] = []

    def inspect_once_start_up_runs(path: Path, latest: int) -> int:
        assert start_up_running.wait(timeout=10), "the check waited for the start-up work to finish"
        checked_in.append(threading.current_thread().name)
        return inspect_existing(path, latest)

    monkeypatch.setattr(connection, "inspect_existing", inspect_once_start_up_runs)
    opened = open_database(db_path, paths.migrations_dir(), meanwhile=start_up_running.set)
    assert checked_in == ["copdesk-integrity-check"]
    assert opened.db.execute("SELECT count(*) FROM team").fetchone()[0] == 1
    opened.db.close()


def test_a_damaged_file_is_refused_unchanged_after_the_start_up_work(db_path: Path) -> None:
    make_database(db_path)
    corrupt(db_path, "overwritten-page")
    before = db_path.read_bytes()
    ran: list[bool] = []
    with pytest.raises(CorruptDatabaseError):
        open_database(db_path, paths.migrations_dir(), meanwhile=lambda: ran.append(True))
    assert ran == [True]
    assert db_path.read_bytes() == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_a_failing_start_up_step_waits_for_the_check_and_is_raised(db_path: Path) -> None:
    make_database(db_path)

    def broken() -> None:
        raise RuntimeError("start-up step failed")

    with pytest.raises(RuntimeError, match="start-up step failed"):
        open_database(db_path, paths.migrations_dir(), meanwhile=broken)
    assert not any(thread.name == "copdesk-integrity-check" for thread in threading.enumerate())


def test_a_new_file_has_nothing_to_check(db_path: Path) -> None:
    ran: list[bool] = []
    opened = open_database(db_path, paths.migrations_dir(), meanwhile=lambda: ran.append(True))
    assert opened.created and ran == []
    opened.db.close()
