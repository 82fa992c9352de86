"""The app's window builds its Live page only when first needed: a session starting or resuming, Live, Ctrl+F.

``build_live_page=False`` is how ``run_gui`` builds the window; whatever needs the Live page finds every pane,
and nothing is lost on quitting before it was built.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.app import window_for
from copdesk.core.model import Role, SessionKind
from copdesk.store import notes, sessions, teams
from copdesk.store.connection import open_database
from copdesk.views.live.notes.notes_panel import NotesPanel
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock


@pytest.fixture
def lazy_window(qtbot: QtBot, db_path: Path, fake_clock: FakeClock) -> Iterator[MainWindow]:
    opened = open_database(db_path, paths.migrations_dir())
    team = teams.create_team(opened.db, "Harbour Team", [("Ash Lee", Role.PRACTITIONER)], fake_clock.now())
    teams.create_team(opened.db, "Quay Team", [("Bo Day", Role.PRACTITIONER)], fake_clock.now())
    win = window_for(opened, clock=fake_clock, now=fake_clock.now, build_live_page=False)
    qtbot.addWidget(win)
    win.reload_teams(team.id)
    yield win


def _live_page_built(window: MainWindow) -> bool:
    return window.findChild(NotesPanel, "notesPanel") is not None


def test_the_live_page_is_not_built_until_needed(qtbot: QtBot, lazy_window: MainWindow) -> None:
    painted: list[bool] = []
    lazy_window.first_painted.connect(lambda: painted.append(_live_page_built(lazy_window)))
    lazy_window.resize(1366, 768)
    lazy_window.show()
    lazy_window.repaint()
    qtbot.waitUntil(lambda: bool(painted))
    qtbot.wait(50)
    assert painted == [False]
    assert not _live_page_built(lazy_window)  # nor after: its memory is spent only if a session is run
    assert lazy_window.pages.currentIndex() == PREPARE_PAGE


def test_a_session_started_or_resumed_reaches_the_notes(
    qtbot: QtBot, lazy_window: MainWindow, fake_clock: FakeClock
) -> None:
    db = lazy_window.context.db
    team_id = lazy_window.current_team_id()
    assert team_id is not None
    session = sessions.create_session(db, team_id, SessionKind.REFLECTIVE, fake_clock.now())
    notes.save_session_text(db, session.id, "Left from before the crash.", fake_clock.now())
    assert not _live_page_built(lazy_window)

    lazy_window.live_session.begin(session.id, team_id)  # what a resume or a start does

    assert lazy_window.notes_panel.session_id == session.id
    assert lazy_window.notes_panel.editor.toPlainText() == "Left from before the crash."


def test_choosing_live_or_searching_notes_builds_the_page(qtbot: QtBot, lazy_window: MainWindow) -> None:
    lazy_window.show_page(LIVE_PAGE)
    assert _live_page_built(lazy_window)
    assert lazy_window.pages.currentWidget() is lazy_window.ensure_live_page()


def test_quitting_before_the_live_page_exists_keeps_the_saved_splitters(
    qtbot: QtBot, db_path: Path, fake_clock: FakeClock
) -> None:
    first = window_for(open_database(db_path, paths.migrations_dir()), clock=fake_clock)
    qtbot.addWidget(first)
    first.show()
    first.live_splitter.setSizes([300, 900])
    sizes = first.live_splitter.sizes()
    first.close()
    first.context.db.close()

    second = window_for(open_database(db_path, paths.migrations_dir()), clock=fake_clock, build_live_page=False)
    qtbot.addWidget(second)
    second.show()
    second.close()  # the Live page was never built: its saved layout must survive
    second.context.db.close()
    assert paths.user_settings().value("splitter/liveSplitter") is not None

    third = window_for(open_database(db_path, paths.migrations_dir()), clock=fake_clock)
    qtbot.addWidget(third)
    third.show()
    assert third.live_splitter.sizes() == sizes
    third.context.db.close()
