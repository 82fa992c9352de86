"""The issue-history dialog at its smallest reads whole: its heading (the title and how often it was raised) and the
masterclass's notice for a recurring issue were cut after a line or two, the window's layout not asking its wrapped
words their height."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.recurring import is_flagged
from copdesk.store.recurring import issue_summary, recurring_threshold
from copdesk.views.prepare.issue_history import IssueHistoryDialog
from tests.views.demo_helpers import window_on_a_copy
from tests.views.text_fit import check_window


def _laid_out() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def test_a_recurring_issues_history_at_its_smallest_shows_every_word(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    window = window_on_a_copy(qtbot, demo_db, tmp_path)
    db = window.context.db
    flagged = [
        issue_id
        for (issue_id,) in db.execute("SELECT id FROM issue ORDER BY id").fetchall()
        if is_flagged((summary := issue_summary(db, issue_id)).times_raised, summary.status, recurring_threshold(db))
    ]
    assert flagged, "the demo has a recurring issue"
    dialog = IssueHistoryDialog(window.context, flagged[0], session_id=None, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    for width in (1, 900):  # as small as it lets itself be, and wider, where the words take fewer lines
        dialog.resize(width, 1)
        _laid_out()
        assert dialog.flag.isVisible() and dialog.heading.text()
        report = check_window(dialog)
        assert report.problems == [], "\n".join(report.problems)
    dialog.close()
