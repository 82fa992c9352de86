"""Windows refuses a rename while another program holds the file (a virus scanner looking at a file just written,
a search indexer, a sync client): a ``PermissionError`` that lasts a moment. Simulated here on any system, with
``sys.platform`` set to ``win32`` and ``os.replace`` refusing the first tries, as Windows does; CoPDesk's renames
try again for a moment (:func:`copdesk.store.permissions.replace_file`) instead of losing the kept words or the
backup."""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from copdesk.store import permissions
from copdesk.store.backup import backup_to
from copdesk.store.backup_catalogue import backup_if_changed
from copdesk.store.connection import backup_folder
from copdesk.store.kept_notes import KEPT_FOLDER, keep_text, kept_files

NOW = datetime(2026, 12, 5, 14, 30, 5, tzinfo=UTC)
SHARING_VIOLATION = "The process cannot access the file because it is being used by another process"


@dataclass
class Scanner:
    """Holds each file renamed for its first ``refusals`` tries, as a virus scanner holds a file just closed."""

    refusals: int
    tries: list[Path] = field(default_factory=list)
    pauses: list[float] = field(default_factory=list)

    def install(self, monkeypatch: pytest.MonkeyPatch, platform: str = "win32") -> None:
        real_replace = os.replace

        def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
            self.tries.append(Path(target))
            if self.tries.count(Path(target)) <= self.refusals:
                raise PermissionError(13, SHARING_VIOLATION, str(source))
            real_replace(source, target)

        monkeypatch.setattr(sys, "platform", platform)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr("copdesk.store.permissions.time.sleep", self.pauses.append)


def test_words_kept_at_a_log_off_survive_a_scanner_holding_their_new_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanner = Scanner(refusals=3)
    scanner.install(monkeypatch)

    kept = keep_text(tmp_path, "What Zoë said about the referral.", "Notes of the session, as typed.", NOW)

    assert kept_files(tmp_path) == [kept]
    assert kept.read_bytes().decode("utf-8").endswith("What Zoë said about the referral.")
    assert [path.name for path in (tmp_path / KEPT_FOLDER).iterdir()] == [kept.name], "no temporary file is left"
    assert scanner.pauses == list(permissions.RENAME_PAUSES[:3])


def test_a_backup_survives_a_scanner_holding_the_copy_just_verified(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = sqlite3.connect(tmp_path / "copdesk.db")
    source.execute("CREATE TABLE note (text TEXT)")
    source.execute("INSERT INTO note VALUES ('kept')")
    source.commit()
    Scanner(refusals=2).install(monkeypatch)

    destination = backup_to(source, tmp_path / "backups" / "copdesk.db" / "auto-20261205T143005Z.db")
    source.close()

    copy = sqlite3.connect(destination)
    assert copy.execute("SELECT text FROM note").fetchall() == [("kept",)]
    copy.close()


def test_a_file_held_for_longer_is_refused_after_the_pauses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "new").write_text("new", encoding="utf-8")
    scanner = Scanner(refusals=len(permissions.RENAME_PAUSES) + 1)
    scanner.install(monkeypatch)

    with pytest.raises(PermissionError):
        permissions.replace_file(tmp_path / "new", tmp_path / "old")
    assert scanner.pauses == list(permissions.RENAME_PAUSES)
    assert (tmp_path / "new").read_text(encoding="utf-8") == "new"


def test_elsewhere_a_refused_rename_is_a_real_refusal_given_up_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "new").write_text("new", encoding="utf-8")
    scanner = Scanner(refusals=1)
    scanner.install(monkeypatch, platform="darwin")

    with pytest.raises(PermissionError):
        permissions.replace_file(tmp_path / "new", tmp_path / "old")
    assert scanner.pauses == [] and len(scanner.tries) == 1


def test_an_old_backup_held_open_is_left_for_the_next_rotation_and_the_new_one_is_not_called_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "copdesk.db"
    source = sqlite3.connect(db_path)
    source.execute("CREATE TABLE note (text TEXT)")
    source.commit()
    folder = backup_folder(db_path)
    folder.mkdir(parents=True)
    weekly = [
        folder / f"auto-{datetime(2026, 1, 5, 9, tzinfo=UTC) + timedelta(weeks=n):%Y%m%dT%H%M%SZ}.db" for n in range(12)
    ]
    for path in weekly:
        path.write_bytes(b"")
    held, old = weekly[:2]  # the oldest two, outside the 7 days and 4 weeks kept
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path == held:
            raise PermissionError(13, SHARING_VIOLATION, str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    taken = backup_if_changed(source, db_path, "changed", NOW)
    source.close()

    assert taken is not None and taken.is_file()
    assert held.exists() and not old.exists()
