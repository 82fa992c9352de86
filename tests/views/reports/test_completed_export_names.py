"""An export named without its ending is written under the completed name ("invites" as invites.csv), which the save
dialog never asked about: a file there is replaced only once CoPDesk has asked, and what nothing may replace (a
folder, the data open) is refused without asking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from copdesk.output import ZERO_WIDTH_SPACE
from copdesk.store.location import shown
from copdesk.views.shell.main_window import MainWindow
from tests.views.export_helpers import finish_export
from tests.views.live_helpers import add_team

LAST_MONTHS = "last month's list"


def _answering(monkeypatch: pytest.MonkeyPatch, *buttons: str) -> list[str]:
    """Every question box is answered with the next of ``buttons``; what each asked is returned."""
    answers: Iterator[str] = iter(buttons)
    asked: list[str] = []

    def click(box: QMessageBox) -> int:
        asked.append(box.text().replace(ZERO_WIDTH_SPACE, ""))  # as it reads: the places it may wrap are unseen
        wanted = next(answers)
        next(b for b in box.buttons() if b.text() == wanted).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return asked


def _export_invite_list(window: MainWindow, monkeypatch: pytest.MonkeyPatch, *typed: Path) -> list[str]:
    """Reports ▸ Export the invite list, the save dialog answered with each of ``typed`` in turn; the names offered."""
    names = iter(typed)
    offered: list[str] = []

    def ask_save_path(_title: str, suggested: str, _filter: str) -> Path:
        offered.append(suggested)
        return next(names)

    monkeypatch.setattr(window.reports, "ask_save_path", ask_save_path)
    window.reports.export_invite_list()
    finish_export(window.reports)
    return offered


@pytest.fixture
def older(window: MainWindow, tmp_path: Path) -> Path:
    add_team(window)
    path = tmp_path / "invites.csv"
    path.write_text(LAST_MONTHS, encoding="utf-8")
    return path


def test_an_export_given_its_ending_asks_before_it_replaces_a_file_of_that_name(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, older: Path
) -> None:
    """The save dialog asked about "invites", not invites.csv, which was replaced unasked."""
    asked = _answering(monkeypatch, "Cancel")
    _export_invite_list(window, monkeypatch, tmp_path / "invites")
    assert asked == ["invites.csv is already there. Replace it?"]
    assert older.read_text(encoding="utf-8") == LAST_MONTHS
    assert window.reports.running_export is None

    asked = _answering(monkeypatch, "&Replace")
    _export_invite_list(window, monkeypatch, tmp_path / "invites")
    assert asked == ["invites.csv is already there. Replace it?"]
    assert "Ash Lee" in older.read_text(encoding="utf-8-sig")
    assert window.statusBar().currentMessage() == f"Exported {older}"


def test_choose_another_name_asks_the_save_dialog_again(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, older: Path
) -> None:
    _answering(monkeypatch, "Choose another &name…")
    offered = _export_invite_list(window, monkeypatch, tmp_path / "invites", tmp_path / "invites for October")
    assert offered[1] == str(older)  # the save dialog opens on the name it had not asked about
    assert older.read_text(encoding="utf-8") == LAST_MONTHS
    assert "Ash Lee" in (tmp_path / "invites for October.csv").read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("typed", ["invites.csv", "INVITES.CSV"])
def test_a_name_typed_with_its_ending_is_not_asked_about_twice(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, typed: str
) -> None:
    """The save dialog asked already (any question box here fails the test): the file is replaced."""
    add_team(window)
    older = tmp_path / typed
    older.write_text(LAST_MONTHS, encoding="utf-8")
    _export_invite_list(window, monkeypatch, older)
    assert [p.name for p in tmp_path.iterdir() if p.name.casefold().startswith("invites")] == [typed]
    assert "Ash Lee" in older.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("typed", ["invites.", "invites ", "invites.csv. "])
def test_a_name_with_trailing_dots_or_spaces_is_asked_about_as_windows_reads_it(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, older: Path, typed: str
) -> None:
    asked = _answering(monkeypatch, "Cancel")
    _export_invite_list(window, monkeypatch, tmp_path / typed)
    assert asked == ["invites.csv is already there. Replace it?"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("invites")] == ["invites.csv"]
    assert older.read_text(encoding="utf-8") == LAST_MONTHS


def test_a_link_of_the_completed_name_is_not_written_through_unasked(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_team(window)
    elsewhere = tmp_path / "elsewhere" / "supervision notes.txt"
    elsewhere.parent.mkdir()
    elsewhere.write_text("kept elsewhere", encoding="utf-8")
    (tmp_path / "invites.csv").symlink_to(elsewhere)
    asked = _answering(monkeypatch, "Cancel")
    _export_invite_list(window, monkeypatch, tmp_path / "invites")
    assert asked == [f"invites.csv is already there, as a link to {elsewhere}. Replace that file?"]
    assert elsewhere.read_text(encoding="utf-8") == "kept elsewhere"


def _refusals(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    told: list[tuple[str, str]] = []

    def read(box: QMessageBox) -> int:
        told.append((box.windowTitle(), box.text()))
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", read)
    return told


def test_a_folder_of_the_completed_name_is_refused_without_asking(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_team(window)
    folder = tmp_path / "invites.csv"
    folder.mkdir()
    told = _refusals(monkeypatch)
    _export_invite_list(window, monkeypatch, tmp_path / "invites")
    assert told == [("Not exported", f"{shown(folder)} is a folder; give the path of the file to write.")]
    assert window.reports.running_export is None and list(folder.iterdir()) == []


def test_the_open_database_is_never_written_even_through_a_link(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    add_team(window)
    db_path = window.context.db_path
    before = db_path.read_bytes()
    link = tmp_path / "invites.csv"
    link.symlink_to(db_path)
    told = _refusals(monkeypatch)
    _export_invite_list(window, monkeypatch, tmp_path / "invites")
    assert told == [("Not exported", f"{shown(link)} is the data CoPDesk has open: choose another name.")]
    assert db_path.read_bytes() == before and window.reports.running_export is None
