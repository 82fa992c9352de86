"""The window's frame paints before the database is opened, with only what it needs loaded; after it, the data.

Start-up runs: location and lock (a second instance is told before any window), the frame shown and painted,
then the file checked and opened (a damaged file is asked about over the frame), then the panes. A SIGTERM
while the data opens, or while a first question is open, still ends the app.
"""

from __future__ import annotations

import json
import linecache
import signal
import sqlite3
import sys
import uuid
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk import app, qt_start
from copdesk.instance_lock import lock_path
from copdesk.views.shell.main_window import MainWindow
from tests.reliability.conftest import app_child, make_database, run_child

# Runs in a child, so that what is loaded is the start-up's own doing: the data's opening is refused at once,
# after the loaded modules are printed.
MODULES_AT_OPENING = r"""
import json, sys
import copdesk.app
import copdesk.startup

def refuse(*args, **kwargs):
    print(json.dumps(sorted(sys.modules)), flush=True)
    return None

copdesk.startup.open_claimed = refuse
sys.exit(copdesk.app.run_gui(["--db", sys.argv[1]]))
"""

# The real start-up up to the moment the Prepare view's first screenful is built (its first paint comes next):
# the modules loaded by then, and the files whose source text is kept in memory.
AT_THE_FIRST_SCREENFUL = r"""
import json, linecache, os, sys
import copdesk.app

real_window_for = copdesk.app.window_for

def window_for(*args, **kwargs):
    real_window_for(*args, **kwargs)
    print(json.dumps({"modules": sorted(sys.modules), "sources_kept": sorted(linecache.cache)}), flush=True)
    os._exit(0)

copdesk.app.window_for = window_for  # nothing of Qt loaded before the app loads it, as from main.py
sys.exit(copdesk.app.run_gui(["--db", sys.argv[1]]))
"""

SIGTERM_WHILE_OPENING = r"""
import sys, time
import copdesk.store.connection as connection

real_open = connection.open_database

def slow_open(*args, **kwargs):
    print("opening", flush=True)
    time.sleep(2)  # the SIGTERM comes in here; the handler runs, then the opening goes on
    return real_open(*args, **kwargs)

connection.open_database = slow_open
from copdesk.app import run_gui
sys.exit(run_gui(["--db", sys.argv[1]]))
"""

SIGTERM_AT_FIRST_RUN = r"""
import sys
from copdesk.app import run_gui
from copdesk.views.shell.first_run import FirstRunDialog
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def when_asking():
    if any(isinstance(w, FirstRunDialog) and w.isVisible() for w in QApplication.topLevelWidgets()):
        print("asking", flush=True)
    else:
        QTimer.singleShot(20, when_asking)

QTimer.singleShot(0, when_asking)
sys.exit(run_gui(["--db", sys.argv[1]]))
"""


def test_the_frame_shows_before_the_data_is_opened(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    seen: list[tuple[bool, str]] = []

    def opening(*_args: Any, **_kwargs: Any) -> None:
        (frame,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.append((frame.is_open(), frame.statusBar().currentMessage()))
        # refused: the user would have been told

    monkeypatch.setattr("copdesk.startup.open_claimed", opening)
    assert app.run_gui(["--db", str(db_path)]) == 1
    assert seen == [(False, f"Opening {db_path}…")]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_frame_paints_without_the_store_or_the_panes_loaded(db_path: Path) -> None:
    make_database(db_path)
    result = run_child(MODULES_AT_OPENING, str(db_path))
    assert result.returncode == 1, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert {"copdesk.views.shell.main_window", "copdesk.instance_lock"} <= loaded  # the frame, and the lock
    heavy = {
        "sqlite3",
        "sqlite_utils",
        "dateutil",
        "copdesk.store.connection",
        "copdesk.views.prepare.review_panel",
        "copdesk.views.session.session_flow",
        "copdesk.views.live.live_page",
    }
    assert heavy.isdisjoint(loaded)
    # A dialog's generated form names dozens of Qt classes, each made on first use: none is loaded for a start
    # that asks nothing.
    assert [name for name in loaded if name.startswith("copdesk.views.forms.")] == []


def _at_the_first_screenful(db_path: Path) -> dict[str, list[str]]:
    make_database(db_path)
    result = run_child(AT_THE_FIRST_SCREENFUL, str(db_path))
    assert result.returncode == 0, result.stderr
    seen: dict[str, list[str]] = json.loads(result.stdout.splitlines()[-1])
    return seen


def test_the_prepare_view_paints_before_what_only_the_rest_needs_is_loaded(db_path: Path) -> None:
    loaded = set(_at_the_first_screenful(db_path)["modules"])
    assert {"copdesk.views.prepare.review_panel", "copdesk.views.prepare.review_sections"} <= loaded
    later = {
        "copdesk.views.prepare.sections_below",  # added just after the first paint
        "copdesk.views.prepare.participation_history",
        "copdesk.views.prepare.issue_history",  # a dialog
        "copdesk.views.session.session_flow",
        "copdesk.views.reports.report_actions",
        "copdesk.store.quarterly",  # the quarter's report
        "copdesk.services.data_care",  # only when an erasure or a deletion was left part-done
    }
    assert later.isdisjoint(loaded)
    assert [name for name in loaded if name.startswith("copdesk.views.forms.")] == []


@pytest.mark.posix_only
def test_sigterm_while_the_data_opens_ends_the_app_once_it_is_open(db_path: Path) -> None:
    make_database(db_path)
    with app_child(SIGTERM_WHILE_OPENING, str(db_path)) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "opening"
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=30) == 0  # the window stays closed: no event loop is started
    assert not lock_path(db_path).exists()  # released on the way out
    assert sqlite3.connect(db_path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_start_up_keeps_no_source_text_of_the_modules_it_loads(db_path: Path) -> None:
    # PySide's own check would keep every line of every module loaded after it (about 7 MB from the checkout).
    # What PySide reads while it loads itself (its own package, enum.py) comes before the app can ask otherwise.
    kept = [Path(name) for name in _at_the_first_screenful(db_path)["sources_kept"]]
    assert len(kept) <= 5, kept
    copdesk_folder = Path(app.__file__).parent
    assert [path for path in kept if copdesk_folder in path.parents] == []
    libraries = {"sqlite_utils", "dateutil", "click", "pluggy", "tomllib", "sqlite3", "json", "zipfile"}
    assert [path for path in kept if libraries & set(path.parts)] == []


def test_pyside_still_tells_the_modules_that_use_it_from_those_that_do_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setitem(vars(feature), "_mod_uses_pyside", feature._mod_uses_pyside)  # PySide's own, after the test
    qt_start.spare_pyside_source_reads()
    check = feature._mod_uses_pyside
    qt_start.spare_pyside_source_reads()  # a second start in one process
    assert check.__module__ == "copdesk.qt_start" and feature._mod_uses_pyside is check
    uses, plain, zipped = (f"{kind}_{uuid.uuid4().hex}" for kind in ("uses_qt", "plain", "zipped_qt"))
    qt_source = "from PySide6.QtCore import QObject\n"
    (tmp_path / f"{uses}.py").write_text(qt_source, encoding="utf-8")
    (tmp_path / f"{plain}.py").write_text("VALUE = 'no Qt here'\n", encoding="utf-8")
    archive = tmp_path / "modules.zip"  # a module whose .py is no file of its own: PySide's own check answers
    with zipfile.ZipFile(archive, "w") as modules:
        modules.writestr(f"{zipped}.py", qt_source)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.syspath_prepend(str(archive))
    try:
        for name in (uses, plain, zipped):
            __import__(name)  # as an import statement does: through PySide's import hook
        assert [feature.pyside_feature_dict[name] for name in (uses, plain, zipped)] == [0, -1, 0]
    finally:
        for name in (uses, plain, zipped):
            sys.modules.pop(name, None)
    assert {str(tmp_path / f"{name}.py") for name in (uses, plain)}.isdisjoint(linecache.cache)


@pytest.mark.posix_only
def test_sigterm_while_the_first_run_question_is_open_ends_the_app(tmp_path: Path) -> None:
    db_path = tmp_path / "data" / "copdesk.db"  # new: the first-run question is asked
    with app_child(SIGTERM_AT_FIRST_RUN, str(db_path)) as child:
        assert child.stdout is not None and child.stdout.readline().strip() == "asking"
        child.send_signal(signal.SIGTERM)
        assert child.wait(timeout=20) == 0
