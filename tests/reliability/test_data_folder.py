"""A missing or unwritable data folder: a clear message and a choice of another location (GUI), or one line (CLI).

chmod does not stop root, and CI runs as root, so the read-only folder is simulated through
``os.access`` (what CoPDesk consults) there; as another user the real chmod variant runs too.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.startup import open_for_gui
from copdesk.views.shell.startup_dialogs import DataLocationDialog, GuiStartupPrompts
from tests.cli.conftest import CallCli, one_line_error
from tests.conftest import running_as_root
from tests.reliability.conftest import NOW, FakePrompts


@pytest.fixture
def read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "readonly"
    folder.mkdir()
    if running_as_root() or os.name != "posix":  # modes do not stop root, and Windows has none
        real_access = os.access
        monkeypatch.setattr(
            os, "access", lambda p, mode, **kw: False if Path(p) == folder else real_access(p, mode, **kw)
        )
    else:
        folder.chmod(0o500)
    yield folder
    folder.chmod(0o700)


@pytest.mark.posix_only
def test_missing_folder_is_created_private(tmp_path: Path) -> None:
    db_path = tmp_path / "new" / "nested" / "copdesk.db"
    started = open_for_gui(db_path, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    started.opened.db.close()
    started.lock.release()


def test_unwritable_folder_asks_for_another_location(read_only_folder: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "copdesk.db"
    prompts = FakePrompts(location=elsewhere)
    started = open_for_gui(read_only_folder / "copdesk.db", prompts, migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None and started.opened.path == elsewhere
    assert [what for what, _ in prompts.asked] == ["location"]
    message = prompts.asked[0][1]
    # Said without the command line's "Choose another location with --db.": the dialog has a button to choose one.
    assert message == f"Cannot write to {read_only_folder}: the folder is read-only."
    assert list(read_only_folder.iterdir()) == []
    started.opened.db.close()
    started.lock.release()


def test_folder_that_cannot_be_created_asks_then_quits(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    prompts = FakePrompts(location=None)
    assert (
        open_for_gui(blocker / "data" / "copdesk.db", prompts, migrations_dir=paths.migrations_dir(), now=NOW) is None
    )
    assert [what for what, _ in prompts.asked] == ["location"] and "is a file" in prompts.asked[0][1]
    assert blocker.read_text(encoding="utf-8") == "a file where the data folder should be"


def test_location_dialog_offers_a_folder_chooser(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QPushButton

    chosen = tmp_path / "mine"
    chosen.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(chosen))
    dialog = DataLocationDialog("Cannot write to /x: the folder is read-only.", tmp_path / "x" / "copdesk.db")
    qtbot.addWidget(dialog)
    dialog.show()
    choose = next(b for b in dialog.findChildren(QPushButton) if b.text() == "&Choose a folder…")
    choose.click()
    assert dialog.chosen == chosen / paths.DATABASE_FILENAME
    assert dialog.result() == DataLocationDialog.DialogCode.Accepted


def test_a_folder_refused_before_the_window_is_asked_about_in_the_app_s_look_and_words(
    qtbot: QtBot, read_only_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Asked before the window (and so its stylesheet) exists, the dialog's heading was plain text and its buttons the
    system's; its advice spoke of --db and COPDESK_DB, which a facilitator never types."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QLabel

    shown: list[DataLocationDialog] = []

    def read(dialog: DataLocationDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.resize(640, dialog.sizeHint().height())
        dialog.show()
        shown.append(dialog)
        return int(DataLocationDialog.DialogCode.Rejected)

    monkeypatch.setattr(DataLocationDialog, "exec", read)
    assert (
        open_for_gui(
            read_only_folder / "copdesk.db", GuiStartupPrompts(), migrations_dir=paths.migrations_dir(), now=NOW
        )
        is None
    )
    dialog = shown[0]
    heading, message = dialog.ui.headingLabel, dialog.message_label
    assert heading.font().weight() > QFont.Weight.Medium and heading.font().pointSizeF() > message.font().pointSizeF()
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "--db" not in said and "COPDESK_DB" not in said and "read-only" in said


def test_cli_says_so_in_one_line(call_cli: CallCli, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = call_cli("demo", "--db", str(blocker / "copdesk.db"))  # demo creates the database it fills
    assert "is a file, not a folder" in one_line_error(result)


@pytest.mark.posix_only
@pytest.mark.skipif(running_as_root(), reason="root ignores chmod; the os.access variant above covers it")
def test_cli_read_only_folder_for_real(call_cli: CallCli, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = call_cli("demo", "--db", str(folder / "copdesk.db"))
    finally:
        folder.chmod(0o700)
    assert "read-only" in one_line_error(result)


def test_synced_or_network_data_folder_is_warned_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from copdesk import startup

    synced = tmp_path / "Dropbox" / "CoPDesk" / "copdesk.db"
    started = open_for_gui(synced, FakePrompts(), migrations_dir=paths.migrations_dir(), now=NOW)
    assert started is not None and started.location_warning is not None
    assert "synced by Dropbox" in started.location_warning and "\n" not in started.location_warning
    started.opened.db.close()
    started.lock.release()

    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(
        f"27 1 254:1 / / rw - ext4 /dev/vda1 rw\n40 27 0:50 / {tmp_path} rw - cifs //server/team rw\n", encoding="utf-8"
    )
    monkeypatch.setattr(startup, "MOUNTINFO", mountinfo)
    monkeypatch.setattr(sys, "platform", "linux")
    assert "network filesystem (cifs)" in (startup.location_warning(tmp_path / "local" / "copdesk.db") or "")
    mountinfo.write_text("27 1 254:1 / / rw - ext4 /dev/vda1 rw\n", encoding="utf-8")
    assert startup.location_warning(tmp_path / "local" / "copdesk.db") is None
