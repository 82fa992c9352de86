"""Reports ▸ Export session record before the team has held a session: the facilitator is told what to do next."""

from __future__ import annotations

import pytest

from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team


def test_a_team_without_sessions_is_told_how_to_hold_one(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    add_team(window)
    told: list[str] = []
    monkeypatch.setattr(window.reports, "_tell", lambda title, text: told.append(text))
    window.reports.export_session_record()
    assert told == ["Harbour Team has no sessions to export yet: start one with Start session… (F5)."]
