from __future__ import annotations

from pathlib import Path

import pytest

from copdesk import paths


def test_command_line_wins_over_environment(tmp_path: Path) -> None:
    chosen = paths.resolve_db_path(str(tmp_path / "cli.db"), {"COPDESK_DB": str(tmp_path / "env.db")})
    assert chosen == tmp_path / "cli.db"


def test_environment_wins_over_default(tmp_path: Path) -> None:
    assert paths.resolve_db_path(None, {"COPDESK_DB": str(tmp_path / "env.db")}) == tmp_path / "env.db"


def test_default_is_the_app_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.resolve_db_path(None, {}) == tmp_path / "share" / "copdesk" / "copdesk.db"


def test_shipped_folders_are_found() -> None:
    assert (paths.migrations_dir() / "0001_initial.sql").is_file()
    assert paths.resource_path("style", "copdesk.qss").is_file()
