"""Every compact list (the Prepare view's, the dialogs', the notes pane's) keeps room for its column headings as the
stylesheet draws them and a whole row: its least height was read from the headings before the style applied, 46 px
where the styled headings and one row take 58, and the one row showed cut."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QTableView, QWidget, QWidgetItem
from pytestqt.qtbot import QtBot

from copdesk.views.live.notes.notes_search import NotesSearchDialog
from copdesk.views.prepare.issue_history import IssueHistoryDialog
from copdesk.views.reports.identifier_review import IdentifierReviewDialog, NamedInFeedbackDialog
from copdesk.views.shell.header_bar import PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.views.demo_helpers import window_on_a_copy


def assert_headings_and_rows_at_least(table: QTableView, rows: int = 1) -> None:
    """At the least height its layout gives it, ``table`` shows its headings as styled and ``rows`` whole rows."""
    header = table.horizontalHeader()
    assert header.height() > header.fontMetrics().height() + 6, "the headings as styled, with their padding"
    least = QWidgetItem(table).minimumSize().height()  # as its layout reads it
    chrome = table.height() - table.viewport().height()  # the headings, the frame, any scroll bar under them
    assert least - chrome >= rows * table.verticalHeader().defaultSectionSize(), table.accessibleName()


def _laid_out() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _lists_shown(widget: QWidget) -> list[QTableView]:
    return [table for table in widget.findChildren(QTableView) if table.isVisible()]


def test_each_list_of_the_prepare_view_keeps_its_headings_and_a_whole_row(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    window = window_on_a_copy(qtbot, demo_db, tmp_path)
    window.show_page(PREPARE_PAGE)
    window.review_panel.add_the_rest()
    _laid_out()
    tables = _lists_shown(window.review_panel)
    assert len(tables) >= 4, [table.accessibleName() for table in tables]
    for table in tables:
        assert_headings_and_rows_at_least(table)


def _shown_small(qtbot: QtBot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(1, 1)  # as small as its layout lets it be
    _laid_out()
    return dialog


def test_each_list_of_the_dialogs_beside_them_keeps_its_headings_and_a_whole_row(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    window: MainWindow = window_on_a_copy(qtbot, demo_db, tmp_path)
    issue_id = window.context.db.execute("SELECT id FROM issue ORDER BY id LIMIT 1").fetchone()[0]
    dialogs = [
        IssueHistoryDialog(window.context, issue_id, session_id=None, parent=window),
        NotesSearchDialog(window.context, window.current_team_id, window.session_flow.actions.share_view, window),
        IdentifierReviewDialog([], window),
        NamedInFeedbackDialog([], window),
    ]
    for dialog in dialogs:
        tables = _lists_shown(_shown_small(qtbot, dialog))
        assert tables, dialog.objectName()
        for table in tables:
            assert_headings_and_rows_at_least(table)
        dialog.close()
