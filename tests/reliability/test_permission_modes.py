"""Owner-only modes on every platform: set where they exist, left alone on Windows, and never fatal.

Windows before Python 3.13 has no ``os.fchmod``; deleting it here makes this machine behave the same. A mode that
cannot be set (a file owned by someone else, a share that ignores modes) is simulated with a ``chmod`` that raises.
"""

from __future__ import annotations

import os
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.crash_log import log_path
from copdesk.startup import open_for_gui
from copdesk.startup_backup import StartupBackup
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import (
    STATE_FILE,
    BackupKind,
    backup_due,
    files_fingerprint,
    list_backups,
    new_backup_path,
)
from copdesk.store.connection import backup_folder, open_database
from copdesk.store.permissions import make_private, open_private
from tests.reliability.conftest import NOW, FakePrompts, make_database


def _old_automatic_backups(db_path: Path, days: int) -> None:
    """Backups as if CoPDesk had started once a day for ``days`` days, up to yesterday."""
    opened = open_database(db_path, paths.migrations_dir())
    for day in range(days, 0, -1):
        backup_to(opened.db.conn, new_backup_path(db_path, BackupKind.AUTOMATIC, NOW - timedelta(days=day)))
    opened.db.close()


def test_automatic_backup_without_os_fchmod_is_recorded_and_rotates(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    _old_automatic_backups(db_path, 40)
    monkeypatch.delattr(os, "fchmod", raising=False)  # Windows, Python 3.11 and 3.12
    fingerprint = files_fingerprint(db_path)

    assert StartupBackup(db_path, fingerprint, NOW).take() is None  # no warning: it worked

    assert (backup_folder(db_path) / STATE_FILE).is_file()
    assert not backup_due(db_path, fingerprint)  # so the next start adds no other backup
    automatic = [b for b in list_backups(db_path) if b.kind is BackupKind.AUTOMATIC]
    assert automatic[0].taken_at == NOW
    assert len(automatic) <= 7 + 4  # the 40 old ones were rotated, not left to pile up


@pytest.mark.skipif(sys.platform == "win32", reason="a link needs a privilege on Windows")
def test_a_link_planted_where_the_backup_record_is_written_is_never_written_through(db_path: Path) -> None:
    make_database(db_path)
    victim = db_path.parent / "notes-of-mine.txt"
    victim.write_text("Words of mine, not CoPDesk's.", encoding="utf-8")
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{STATE_FILE}.partial").symlink_to(victim)
    fingerprint = files_fingerprint(db_path)

    assert StartupBackup(db_path, fingerprint, NOW).take() is None

    assert victim.read_text(encoding="utf-8") == "Words of mine, not CoPDesk's."
    assert not (folder / STATE_FILE).is_symlink() and not backup_due(db_path, fingerprint)
    link = db_path.parent / "link.txt"
    link.symlink_to(victim)
    with pytest.raises(OSError):
        os.close(open_private(link))
    assert victim.read_text(encoding="utf-8") == "Words of mine, not CoPDesk's."


def test_a_fault_in_the_backup_reaches_the_banner_instead_of_ending_the_thread(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)

    def broken(*_args: object) -> None:
        raise AttributeError("module 'os' has no attribute 'fchmod'")

    monkeypatch.setattr("copdesk.store.backup_catalogue.backup_if_changed", broken)
    warning = StartupBackup(db_path, files_fingerprint(db_path), NOW).take()
    assert warning is not None and warning.startswith("The automatic backup could not be made")
    assert "fchmod" not in warning and "AttributeError" in log_path(db_path.parent).read_text(encoding="utf-8")


def test_on_windows_no_mode_is_set_and_nothing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.delattr(os, "fchmod", raising=False)

    def no_chmod(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("Windows has no Unix modes to set")

    monkeypatch.setattr(Path, "chmod", no_chmod)
    monkeypatch.setattr(os, "chmod", no_chmod)
    target = tmp_path / "state.json"
    target.write_text("{}", encoding="utf-8")
    assert make_private(target) is None
    os.close(open_private(tmp_path / "other.json"))


def test_a_mode_that_cannot_be_set_is_reported_and_the_data_still_opens(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    os.chmod(db_path, 0o644)  # as a copy from elsewhere arrives

    def refused(self: Path, mode: int, **_kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted", str(self))

    monkeypatch.setattr(Path, "chmod", refused)
    monkeypatch.setattr(os, "chmod", refused)
    monkeypatch.delattr(os, "fchmod", raising=False)

    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)

    assert started is not None
    (warning,) = started.warnings
    assert "could not make copdesk.db readable by you alone" in warning and "\n" not in warning
    assert list_backups(db_path)  # the start-up backup was still taken
    started.opened.db.close()
    started.lock.release()
