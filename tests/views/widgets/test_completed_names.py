"""A name CoPDesk completes with its ending is checked before anything is written: the save dialog never asked
about the completed name, so what is there by that name is asked about, or refused, here."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from copdesk.output import ZERO_WIDTH_SPACE
from copdesk.store.location import shown
from copdesk.views.reports.export_dialogs import RECORD_FORMATS, REPORT_FORMATS
from copdesk.views.widgets.completed_names import InTheWay, ReplaceAnswer, ask_to_replace, completed, in_the_way


@pytest.mark.parametrize(
    ("typed", "suffix", "written"),
    [
        ("report", ".html", "report.html"),
        ("report.HTML", ".html", "report.HTML"),
        ("REPORT.PDF", ".pdf", "REPORT.PDF"),  # an upper-case ending is the ending
        ("report.pdf", ".html", "report.pdf.html"),  # HTML in a .pdf: no PDF reader would open it
        ("Q3.2026", ".html", "Q3.2026.html"),
        ("notes.markdown", ".md", "notes.markdown"),
        ("record.txt", ".pdf", "record.txt.pdf"),
        # Windows takes trailing dots and spaces off a name: "report." is report, "report.pdf. " is report.pdf.
        ("report.", ".pdf", "report.pdf"),
        ("report ", ".pdf", "report.pdf"),
        ("report.pdf. ", ".pdf", "report.pdf"),
        ("...", ".pdf", "....pdf"),  # nothing left once they are off: the name is kept whole
    ],
)
def test_the_file_written_ends_as_its_format_does(typed: str, suffix: str, written: str) -> None:
    choice = next(f for f in (*RECORD_FORMATS, *REPORT_FORMATS) if f.suffix == suffix)
    assert completed(Path("/exports") / typed, choice.suffix, choice.named_by) == Path("/exports") / written


@pytest.fixture
def data_open(db_path: Path) -> Path:
    """The data CoPDesk has open (a database file: how it is opened is no matter here), in a folder of its own."""
    db_path.parent.mkdir()
    with sqlite3.connect(db_path) as made:
        made.execute("CREATE TABLE team (name TEXT)")
    return db_path


def test_nothing_there_or_a_name_typed_whole_is_not_asked_about(tmp_path: Path, data_open: Path) -> None:
    """The save dialog asked about a name typed with its ending: asking again would be asking twice."""
    assert in_the_way(tmp_path / "report", tmp_path / "report.pdf", data_open) is None
    typed = tmp_path / "REPORT.PDF"
    typed.write_text("last month's report", encoding="utf-8")
    assert in_the_way(typed, completed(typed, ".pdf", lambda ending: ending.lower() == ".pdf"), data_open) is None


def test_a_file_of_the_completed_name_is_asked_about(tmp_path: Path, data_open: Path) -> None:
    older = tmp_path / "report.pdf"
    older.write_text("last month's report", encoding="utf-8")
    for typed in ("report", "report.", "report.pdf. "):  # on Linux and a Mac, "report.pdf." is another file
        assert in_the_way(tmp_path / typed, older, data_open) == InTheWay(older, tmp_path / typed, None, "")
    assert InTheWay(older, tmp_path / "report", None, "").question == "report.pdf is already there. Replace it?"


def test_the_same_file_by_another_name_was_asked_about(tmp_path: Path, data_open: Path) -> None:
    """On Windows "report.pdf." is report.pdf, which the save dialog found and asked about; a hard link is the
    same here: one file by two names."""
    older = tmp_path / "report.pdf"
    older.write_text("last month's report", encoding="utf-8")
    os.link(older, tmp_path / "report.pdf.")
    assert in_the_way(tmp_path / "report.pdf.", older, data_open) is None


def test_a_folder_of_the_completed_name_is_refused_unasked(tmp_path: Path, data_open: Path) -> None:
    (tmp_path / "report.pdf").mkdir()
    there = in_the_way(tmp_path / "report", tmp_path / "report.pdf", data_open)
    assert there is not None
    assert there.never == f"{shown(tmp_path / 'report.pdf')} is a folder; give the path of the file to write."


def test_a_link_of_the_completed_name_is_asked_about_naming_the_file_it_leads_to(
    tmp_path: Path, data_open: Path
) -> None:
    """Written through, the link would replace a file elsewhere that its name does not show."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "supervision notes.txt").write_text("kept elsewhere", encoding="utf-8")
    link = tmp_path / "report.pdf"
    link.symlink_to(elsewhere / "supervision notes.txt")
    there = in_the_way(tmp_path / "report", link, data_open)
    assert there == InTheWay(link, tmp_path / "report", elsewhere / "supervision notes.txt", "")
    assert there.question == (
        f"report.pdf is already there, as a link to {elsewhere / 'supervision notes.txt'}. Replace that file?"
    )


def test_a_link_of_the_completed_name_to_no_file_asks_to_write_there(tmp_path: Path, data_open: Path) -> None:
    """It asked to replace a file that was not there; Replace then made one where the link leads."""
    link, old = tmp_path / "report.pdf", tmp_path / "old.pdf"
    link.symlink_to(old)
    there = in_the_way(tmp_path / "report", link, data_open)
    assert there is not None
    assert there.question == f"report.pdf is already there, as a link to {old}, where no file is. Write it?"
    assert not there.replaces


def test_a_link_round_in_a_circle_of_the_completed_name_is_refused_unasked(tmp_path: Path, data_open: Path) -> None:
    """Reading where it leads raised, and the export or the copy stopped with a fault in place of a message."""
    loop = tmp_path / "report.pdf"
    loop.symlink_to(tmp_path / "report.pdf")
    there = in_the_way(tmp_path / "report", loop, data_open)
    assert there is not None
    assert there.never == f"{shown(loop)} is a link that leads round in a circle; give the path of a real file."


@pytest.mark.parametrize("how", ["itself", "through a link"])
def test_the_data_open_is_never_written(tmp_path: Path, data_open: Path, how: str) -> None:
    """Not even after asking: a copy named "copdesk" beside it, or an export whose name links to it."""
    path = data_open
    if how == "through a link":
        path = tmp_path / "report.pdf"
        path.symlink_to(data_open)
    there = in_the_way(path.with_suffix(""), path, data_open)
    assert there is not None and there.never == f"{shown(path)} is the data CoPDesk has open: choose another name."


def test_a_database_of_the_completed_name_is_refused_unasked(tmp_path: Path, data_open: Path) -> None:
    other = tmp_path / "monday.db"
    other.write_bytes(data_open.read_bytes())
    there = in_the_way(tmp_path / "monday", other, data_open)
    assert there is not None and there.never.startswith(f"{shown(other)} is a database; CoPDesk will not overwrite it.")


@pytest.mark.parametrize(
    ("button", "answer"),
    [
        ("&Replace", ReplaceAnswer.REPLACE),
        ("Choose another &name…", ReplaceAnswer.OTHER_NAME),
        ("Cancel", ReplaceAnswer.CANCEL),
        (None, ReplaceAnswer.CANCEL),  # Esc
    ],
)
def test_the_question_replaces_only_on_replace(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, button: str | None, answer: ReplaceAnswer
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    asked: list[tuple[str, str, str]] = []

    def click(box: QMessageBox) -> int:
        default = box.defaultButton()
        text, informative = (words.replace(ZERO_WIDTH_SPACE, "") for words in (box.text(), box.informativeText()))
        asked.append((text, informative, default.text() if default else ""))  # nothing to see where a path breaks
        if button is not None:
            next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    there = InTheWay(tmp_path / "report.pdf", tmp_path / "report", None, "")
    assert ask_to_replace(host, there) is answer
    assert asked == [
        (
            "report.pdf is already there. Replace it?",
            f"CoPDesk completed the name you gave, “report”. The file is in {tmp_path}.",
            "Choose another &name…",  # Enter, pressed out of habit, replaces nothing
        )
    ]


def test_the_question_names_every_button_for_a_screen_reader(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    names: list[set[str]] = []

    def shown_then_cancelled(box: QMessageBox) -> int:
        box.show()
        names.append({b.accessibleName() for b in box.buttons()})
        box.close()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown_then_cancelled)
    ask_to_replace(host, InTheWay(tmp_path / "report.pdf", tmp_path / "report", None, ""))
    assert names == [{"Replace", "Choose another name…", "Cancel: keep the file, export nothing"}]


@pytest.mark.parametrize(
    "leads_to",
    [
        "C:\\Users\\alex.morgan\\OneDrive_NorthsideCouncil\\AdultSocialCare_NorthsideCommunityTeam"
        "\\CommunityOfPractice_Records_2026\\report-final.pdf",  # a Windows path: nowhere to break, for Qt
        "/srv/" + "CommunityOfPracticeRecords" * 5 + ".pdf",  # one name of 130 characters
    ],
    ids=["windows-path", "one-long-name"],
)
def test_the_question_wraps_a_long_link_target_inside_the_box(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leads_to: str
) -> None:
    """A link's target of 130 characters and more with no space ran past the box's right edge, cut. The zero-width
    spaces it now breaks at are never selected and copied into a name typed next."""
    host = QWidget()
    qtbot.addWidget(host)
    there = InTheWay(tmp_path / "report.pdf", tmp_path / "report", Path(leads_to), "")
    texts: list[str] = []

    def shown_then_cancelled(box: QMessageBox) -> int:
        box.show()
        for label in box.findChildren(QLabel):
            if label.text():
                texts.append(label.text().replace(ZERO_WIDTH_SPACE, ""))
                room = QRect(0, 0, label.width(), 10_000)
                used = label.fontMetrics().boundingRect(room, Qt.TextFlag.TextWordWrap, label.text())
                assert used.width() <= label.width() and label.geometry().right() < box.width(), label.text()
                assert label.heightForWidth(label.width()) <= label.height(), label.text()
                assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction, "none copied"
        box.close()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown_then_cancelled)
    ask_to_replace(host, there)
    assert texts[0] == there.question and leads_to in texts[0], "the path whole, with nothing to see where it breaks"
