from __future__ import annotations

import os
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


@pytest.fixture
def windows_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Qt's answers on Windows, where the roaming and the local AppData are two folders."""
    from PySide6.QtCore import QStandardPaths

    folders = {
        "AppDataLocation": tmp_path / "AppData" / "Roaming" / "copdesk",
        "AppLocalDataLocation": tmp_path / "AppData" / "Local" / "copdesk",
    }

    def writable_location(location: QStandardPaths.StandardLocation) -> str:
        return str(folders[location.name])

    monkeypatch.setattr(QStandardPaths, "writableLocation", staticmethod(writable_location))
    return folders


def test_the_default_is_the_local_app_data_not_the_roaming_one(windows_profile: dict[str, Path]) -> None:
    assert paths.resolve_db_path(None, {}) == windows_profile["AppLocalDataLocation"] / "copdesk.db"


def test_a_database_in_the_earlier_roaming_default_is_found_and_used(windows_profile: dict[str, Path]) -> None:
    earlier = windows_profile["AppDataLocation"] / "copdesk.db"
    earlier.parent.mkdir(parents=True)
    earlier.write_bytes(b"SQLite format 3\x00")
    assert paths.resolve_db_path(None, {}) == earlier


def test_a_database_in_the_local_default_wins_over_an_earlier_one(windows_profile: dict[str, Path]) -> None:
    for name in ("AppDataLocation", "AppLocalDataLocation"):
        windows_profile[name].mkdir(parents=True)
        (windows_profile[name] / "copdesk.db").write_bytes(b"SQLite format 3\x00")
    assert paths.resolve_db_path(None, {}) == windows_profile["AppLocalDataLocation"] / "copdesk.db"


def test_settings_are_kept_in_the_tests_own_folder_never_the_registry_or_a_plist(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = paths.user_settings()
    assert settings.format() == QSettings.Format.IniFormat  # not NativeFormat, which is the registry on Windows
    assert Path(settings.fileName()).is_relative_to(Path(os.environ["HOME"]))


@pytest.mark.posix_only
def test_a_database_path_that_is_a_symbolic_link_is_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "data" / "copdesk.db"
    real.parent.mkdir()
    link = tmp_path / "shortcut.db"
    link.symlink_to(real)  # dangling until the database is created: followed all the same
    assert paths.resolve_db_path(str(link)) == real
    assert paths.resolve_db_path(None, {paths.ENVIRONMENT_VARIABLE: str(link)}) == real
    assert paths.resolve_db_path(str(real)) == real


def test_two_names_are_one_file_only_when_the_file_system_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copdesk.store.location import same_file

    one, other = tmp_path / "one.db", tmp_path / "other.db"
    one.write_bytes(b"a")
    other.write_bytes(b"b")
    assert same_file(one, tmp_path / "." / "one.db") and not same_file(one, other)
    assert not same_file(one, tmp_path / "missing.db")
    if hasattr(os, "link"):
        linked = tmp_path / "linked.db"
        os.link(one, linked)
        assert same_file(one, linked)
    real_stat = Path.stat

    def numberless(path: Path, **kwargs: object) -> os.stat_result:  # a share that numbers every file 0
        info = list(real_stat(path))
        info[1] = 0  # st_ino
        return os.stat_result(info)

    monkeypatch.setattr(Path, "stat", numberless)
    assert not same_file(one, other), "file numbers of 0 say nothing"
