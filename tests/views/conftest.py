"""GUI fixtures: the real window, built through the public factory on a fresh database per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from copdesk.app import create_window
from copdesk.sandbox import demo_database
from copdesk.views.shell.main_window import MainWindow
from tests.conftest import FakeClock


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, fake_clock: FakeClock) -> Iterator[MainWindow]:
    win = create_window(db_path, clock=fake_clock)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win


@pytest.fixture
def clocked_window(qtbot: QtBot, db_path: Path, fake_clock: FakeClock) -> Iterator[MainWindow]:
    """The real window on the fake monotonic *and* wall clocks, for what compares the two (sleep, schedules)."""
    win = create_window(db_path, clock=fake_clock, now=fake_clock.now)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    yield win


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional demo data, written once for a module's tests, which each open a copy of it."""
    return demo_database(tmp_path_factory.mktemp("demo"))
