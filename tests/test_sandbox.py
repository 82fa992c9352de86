"""The sandbox the screenshot and benchmark scripts run the real window in: demo data, settings of its own."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.core.model import SessionStatus
from copdesk.sandbox import LAPTOP_SIZE, demo_database, laptop_window, sandbox_folder, start_session
from copdesk.store import sessions, teams


def test_a_script_runs_a_session_on_demo_data_and_leaves_nothing_behind(qtbot: QtBot) -> None:
    with sandbox_folder(prefix="copdesk-test-") as folder:
        db_path = demo_database(folder)
        window = laptop_window(db_path)
        qtbot.addWidget(window)
        assert (window.width(), window.height()) == LAPTOP_SIZE and window.isVisible()
        team = window.current_team()
        assert team is not None
        roster = [member.display_name for member in teams.list_members(window.context.db, team.id)]
        session_id = start_session(window, present=roster[:-1], topic="Working with risk")
        session = sessions.get_session(window.context.db, session_id)
        assert (session.status, session.topic) == (SessionStatus.LIVE, "Working with risk")
        assert len(sessions.attendee_ids(window.context.db, session_id)) == len(roster) - 1
        assert Path(paths.user_settings().fileName()).is_relative_to(folder)
        window.session_flow.shutdown()
        window.close()
    assert not folder.exists()
