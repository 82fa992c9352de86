"""The issue-history dialog opens its escalation dialog on demand: that module is not loaded to paint Prepare."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QDialog

from copdesk.core.model import Role, SessionKind
from copdesk.store import issues, sessions, teams
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog
from copdesk.views.prepare.issue_history import IssueHistoryDialog
from copdesk.views.shell.main_window import MainWindow

EARLIER = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)


def test_escalate_opens_the_escalation_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], EARLIER)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, EARLIER, planned_start=EARLIER)
    issue = issues.add_issue(db, team.id, "OT delays", session.id, EARLIER, "Two discharges waited")
    opened: list[NewEscalationDialog] = []

    def answer(dialog: NewEscalationDialog) -> int:
        opened.append(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(NewEscalationDialog, "exec", answer)
    history = IssueHistoryDialog(window.context, issue.id, session_id=None, parent=window)
    history.escalate()
    assert len(opened) == 1 and not history.changed
    history.close()


def test_the_prepare_sections_do_not_load_the_dialogs() -> None:
    code = (
        "import sys; import copdesk.views.prepare.review_sections; "
        "print('copdesk.views.live.notes.escalation_dialog' in sys.modules)"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "False"
