from __future__ import annotations

import stat
from pathlib import Path

import pytest

from copdesk import paths
from copdesk.store.connection import open_database
from copdesk.store.location import companion_files

pytestmark = pytest.mark.posix_only  # Unix modes; Windows has none (copdesk/store/permissions.py)


def test_folder_is_private_and_files_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "new" / "nested" / "copdesk.db"
    opened = open_database(path, paths.migrations_dir())
    opened.db.execute("INSERT INTO setting (key, value) VALUES ('a', 'b')")
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    existing = [p for p in companion_files(path) if p.exists()]
    assert path in existing and len(existing) == 3  # db, -wal and -shm while open
    for file in existing:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    opened.db.close()


def test_existing_loose_permissions_are_tightened(db_path: Path) -> None:
    open_database(db_path, paths.migrations_dir()).db.close()
    db_path.chmod(0o644)
    opened = open_database(db_path, paths.migrations_dir())
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    opened.db.close()
