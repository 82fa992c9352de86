"""A healthy database on a network share or a mapped drive opens; it is never reported as damaged.

On Windows ``Path.resolve()`` turns a mapped drive (``Z:\\copdesk.db``) into its share's UNC path
(``\\\\server\\share\\copdesk.db``), and ``as_uri()`` then puts the server in the URI's authority
(``file://server/share/copdesk.db``), which SQLite refuses. This machine has no Windows shares, so both are made on
POSIX: a path that starts with exactly two slashes is a valid name for the same file here (POSIX leaves ``//`` to
the system, and Linux reads it as ``/``), so :class:`SharePath` stands for the UNC path, writing its URI as
Windows' pathlib does, and :class:`MappedDrivePath` resolves to it as Windows resolves a mapped drive.
"""

from __future__ import annotations

import sqlite3
import sys
import uuid
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from copdesk import paths
from copdesk.startup import open_for_gui
from copdesk.store.backup_catalogue import list_backups, verify_restorable
from copdesk.store.connection import open_database
from copdesk.store.migrations import latest_version
from copdesk.store.recovery import restore_database
from copdesk.store.uri import sqlite_uri
from tests.reliability.conftest import NOW, FakePrompts, make_database


class SharePath(type(Path())):  # type: ignore[misc]
    """A UNC path (``//server/share/…``) whose ``as_uri()`` is what Windows' pathlib writes for one."""

    def as_uri(self) -> str:
        return PureWindowsPath(str(self).replace("/", "\\")).as_uri()

    def resolve(self, strict: bool = False) -> Path:
        return unc_like(Path(super().resolve(strict)))  # a share's path resolves to itself


def unc_like(path: Path) -> Path:
    """The same file, named the way a share names it: ``//…`` (Windows: ``\\\\server\\share\\…``)."""
    return SharePath("//" + str(path.absolute()).lstrip("/"))


class MappedDrivePath(type(Path())):  # type: ignore[misc]
    """A path on a mapped drive: it resolves to the UNC form, as ``Path.resolve()`` does on Windows."""

    def resolve(self, strict: bool = False) -> Path:
        return unc_like(Path(super().resolve(strict)))


def test_the_simulated_share_path_has_the_uri_sqlite_refuses(tmp_path: Path) -> None:
    assert unc_like(tmp_path / "copdesk.db").as_uri().startswith("file://tmp/")
    assert sqlite_uri(unc_like(tmp_path / "copdesk.db")).startswith("file:////tmp/")


def test_the_uri_of_a_unc_path_keeps_the_server_out_of_the_authority() -> None:
    share = PureWindowsPath(r"\\fileserver\Social Care\CoP team\copdesk.db")
    assert sqlite_uri(share, mode="ro") == "file:////fileserver/Social%20Care/CoP%20team/copdesk.db?mode=ro"


def test_the_uri_of_a_mapped_drive_keeps_its_letter() -> None:
    assert sqlite_uri(PureWindowsPath(r"Z:\CoPDesk\copdesk.db")) == "file:///Z:/CoPDesk/copdesk.db"
    assert sqlite_uri(PureWindowsPath(r"C:\Users\Łukasz\AppData\Local\copdesk\copdesk.db")).startswith(
        "file:///C:/Users/%C5%81ukasz/AppData/"
    )


def test_a_relative_pure_path_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="absolute"):
        sqlite_uri(PurePosixPath("copdesk.db"))


@pytest.mark.parametrize("name", ["copdesk.db", "team #2 ?50% (ok).db", "Zoë & Łukasz.db"])
def test_a_file_with_awkward_characters_opens_read_only_through_its_uri(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(sqlite_uri(path, mode="ro", immutable=1), uri=True)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
    conn.close()


def test_a_database_on_a_mapped_drive_opens_and_is_not_called_damaged(db_path: Path) -> None:
    make_database(db_path)
    mapped = MappedDrivePath(db_path)
    prompts = FakePrompts(damage="quit")

    started = open_for_gui(mapped, prompts, migrations_dir=paths.migrations_dir(), now=NOW)

    assert prompts.asked == []  # no "damaged" question, so no quarantine offered
    assert started is not None
    assert started.opened.db.execute("SELECT count(*) FROM note").fetchone()[0] == 3
    started.opened.db.close()
    started.lock.release()
    assert not (db_path.parent / "quarantine").exists()


def test_a_database_on_a_unc_path_opens_backs_up_and_restores(db_path: Path) -> None:
    make_database(db_path)
    share = unc_like(db_path)
    opened = open_database(share, paths.migrations_dir(), now=NOW)  # the read-only check goes through the URI
    opened.db.close()
    prompts = FakePrompts()
    started = open_for_gui(share, prompts, migrations_dir=paths.migrations_dir(), now=NOW)  # takes a backup
    assert started is not None and prompts.asked == []
    started.opened.db.close()
    started.lock.release()
    (backup,) = list_backups(share)
    assert verify_restorable(MappedDrivePath(backup.path), latest_version(paths.migrations_dir())) >= 1
    restored = restore_database(MappedDrivePath(backup.path), MappedDrivePath(db_path), paths.migrations_dir(), NOW)
    assert restored.opened.db.execute("SELECT count(*) FROM team").fetchone()[0] == 1
    restored.opened.db.close()


@pytest.mark.skipif(sys.platform != "win32", reason="a real UNC path needs Windows")
def test_a_database_reached_through_the_machines_own_admin_share_opens(tmp_path: Path) -> None:
    """On Windows (CI's runner included) ``\\\\localhost\\C$\\…`` is a real UNC path to a local file."""
    local = tmp_path / f"unc-{uuid.uuid4().hex}" / "copdesk.db"
    make_database(local)
    drive, rest = local.drive, str(local)[len(local.drive) :]
    share = Path(rf"\\localhost\{drive[0]}$" + rest)
    if not share.exists():
        pytest.skip("the administrative share is not reachable on this machine")
    opened = open_database(share, paths.migrations_dir(), now=NOW)
    assert opened.db.execute("SELECT count(*) FROM team").fetchone()[0] == 1
    opened.db.close()


def test_a_mapped_network_drive_is_recognised_on_windows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    from copdesk.startup import DRIVE_REMOTE, windows_drive_is_remote

    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return DRIVE_REMOTE if root == "Z:\\" else 3  # 3: a fixed local disk

    folder = PureWindowsPath(r"Z:\CoPDesk")
    assert not windows_drive_is_remote(folder, drive_type)  # not Windows: never asked
    monkeypatch.setattr(sys, "platform", "win32")
    assert windows_drive_is_remote(folder, drive_type)
    assert not windows_drive_is_remote(PureWindowsPath(r"C:\Users\sam\AppData\Local\copdesk"), drive_type)
    assert asked == ["Z:\\", "C:\\"]


def test_data_on_a_network_drive_gets_one_line_about_the_wal_and_a_local_folder(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copdesk import startup

    monkeypatch.setattr(startup, "windows_drive_is_remote", lambda folder: True)
    warning = startup.location_warning(db_path)
    assert warning is not None and "\n" not in warning
    assert "is on a network drive" in warning and "write-ahead log" in warning
    assert str(paths.default_data_dir()) in warning  # the local folder to move to


def test_data_on_a_unc_share_is_warned_about_too() -> None:
    from copdesk.core.data_location import unsafe_location_reason

    assert unsafe_location_reason(PureWindowsPath(r"\\fileserver\home$\sam\AppData\Roaming\copdesk"), None) == (
        "is on a network share"
    )
