"""The window's session-record export never lets what the identifier check flagged leave the room unseen.

Typed in the live notes, "Mrs Patel" and "M14 5RT" are flagged under the editor; exporting the record then shows
them in a review first, redacts them by default (Enter), keeps them only by a deliberate choice, and the export
dialog's checkbox keeps them without asking.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from copdesk.views.reports.export_dialogs import SessionRecordDialog
from copdesk.views.reports.identifier_review import FOUND_COLUMN, IdentifierReviewDialog
from copdesk.views.reports.report_actions import ReportActions
from copdesk.views.shell.main_window import MainWindow
from tests.views.export_helpers import finish_export
from tests.views.live_helpers import add_team, start_session

TYPED = "Mrs Patel moved to M14 5RT last week."


@pytest.fixture
def ended(window: MainWindow) -> MainWindow:
    add_team(window)
    start_session(window)
    QTest.keyClicks(window.notes_panel.editor, TYPED)
    assert len(window.notes_panel.identifier_warning.check_now()) == 2  # flagged in the room, not removed
    assert window.session_flow.end_now() is not None
    return window


def _export(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, target: Path, *, keep_box: bool, answer: str | None
) -> list[IdentifierReviewDialog]:
    def fill(dialog: SessionRecordDialog) -> int:
        dialog.format.setCurrentIndex(dialog.format.findData("md"))
        dialog.ui.keepIdentifiersCheck.setChecked(keep_box)
        return QDialog.DialogCode.Accepted

    reviews: list[IdentifierReviewDialog] = []

    def review(dialog: IdentifierReviewDialog) -> int:
        reviews.append(dialog)
        dialog.show()
        if answer == "enter":
            QTest.keyClick(dialog, Qt.Key.Key_Return)
        elif answer == "keep":
            dialog.keep_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SessionRecordDialog, "exec", fill)
    monkeypatch.setattr(IdentifierReviewDialog, "exec", review)
    monkeypatch.setattr(ReportActions, "ask_save_path", lambda self, title, suggested, file_filter: target)
    window.reports.export_session_record()
    finish_export(window.reports)
    return reviews


def test_the_review_shows_what_was_flagged_and_enter_redacts(
    ended: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "record.md"
    reviews = _export(ended, monkeypatch, target, keep_box=False, answer="enter")
    assert len(reviews) == 1
    shown = [(r.where, r.kind_words, r.finding.text) for r in reviews[0].model.rows()]
    assert shown == [("Notes", "title and surname", "Mrs Patel"), ("Notes", "postcode", "M14 5RT")]
    table, model = reviews[0].table, reviews[0].model
    cells = [(model.index(r, c).data(), c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert all(table.fontMetrics().horizontalAdvance(text) < table.columnWidth(column) for text, column in cells)
    assert table.columnWidth(FOUND_COLUMN) == max(table.columnWidth(c) for c in range(model.columnCount()))
    text = target.read_text(encoding="utf-8")
    assert "Patel" not in text and "M14" not in text
    assert "2 possible identifiers redacted" in text


def test_keeping_them_is_a_deliberate_choice_and_said_in_the_record(
    ended: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "kept.md"
    assert len(_export(ended, monkeypatch, target, keep_box=False, answer="keep")) == 1
    text = target.read_text(encoding="utf-8")
    assert "Mrs Patel" in text and "M14 5RT" in text and "2 possible identifiers kept as typed" in text

    ticked = tmp_path / "ticked.md"
    assert _export(ended, monkeypatch, ticked, keep_box=True, answer=None) == []  # the checkbox asks nothing more
    assert "Mrs Patel" in ticked.read_text(encoding="utf-8")


def test_cancelling_the_review_writes_nothing(
    ended: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "none.md"
    assert len(_export(ended, monkeypatch, target, keep_box=False, answer=None)) == 1
    assert not target.exists()


def test_the_session_chooser_shows_a_whole_label_and_a_longer_one_in_its_tooltip(qtbot: QtBot) -> None:
    label = "Sunday 6 December 2026, 22:51: Reflective practice CoP (Falls at home)"
    longer = f"{label[:-1]}, and who decides what is safe enough)"
    dialog = SessionRecordDialog([(1, label), (2, longer)])
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.session_combo
    assert combo.fontMetrics().horizontalAdvance(label) < combo.width() - 30  # beside the arrow, nothing cut
    combo.setCurrentIndex(1)
    assert combo.toolTip() == longer


def test_a_topic_too_long_for_the_chooser_is_cut_between_words_and_whole_on_hover(qtbot: QtBot) -> None:
    """The box cut the text at its edge, inside a word and with no sign that more followed."""
    topic = (
        "Working with families where there are concerns about coercive control and financial exploitation of an "
        "older relative"
    )
    label = f"Thursday 26 November 2026, 10:00: Reflective practice CoP ({topic})"
    dialog = SessionRecordDialog([(1, label)])
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.session_combo
    shown = combo.shown_text()
    assert shown.endswith("…") and shown != label
    kept = shown.removesuffix("…")
    assert label.startswith(kept) and label[len(kept)] == " ", "cut where a word ends"
    assert combo.fontMetrics().horizontalAdvance(shown) < combo.width() - 30  # beside the arrow
    assert combo.toolTip() == label and combo.itemData(0, Qt.ItemDataRole.ToolTipRole) == label
