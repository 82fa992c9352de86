"""The question pane giving way to the identifier warning under the notes (at 1366x768 under the demo's banner): it
stands short or tall by what the column holds, whatever came first, and a resize with the warning settles.

Standing short, the pane works out what it would need standing tall from its parts' own hints; it used the height
last measured standing tall, so a suggestion dismissed while it stood short kept it short for a suggestion gone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk.core.model import MarkerKind
from copdesk.sandbox import start_session as start_demo_session
from copdesk.views.shell.main_window import MainWindow
from tests.views.demo_helpers import window_on_a_copy
from tests.views.live.test_live_layout_pressure import _heights, long_question_beside_a_suggestion
from tests.views.text_fit_states import LAPTOP, SMALLEST


def _settled() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _long_question_on_the_demo(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> MainWindow:
    window = window_on_a_copy(qtbot, demo_db, tmp_path)
    start_demo_session(window)
    long_question_beside_a_suggestion(window, qtbot)
    _settled()
    return window


def _warn(window: MainWindow) -> None:
    window.notes_panel.editor.setPlainText("Met Mrs Smith")
    assert window.notes_panel.identifier_warning.check_now()


def _dismiss(window: MainWindow) -> None:
    window.question_panel.banner.dismiss()


def _offer(window: MainWindow) -> None:
    window.live_session.room_signal.emit("tension")


@pytest.mark.parametrize(
    ("first", "then", "short"),
    [(_warn, _dismiss, False), (_dismiss, _warn, False), (_dismiss, _offer, True), (_offer, _dismiss, False)],
    ids=["warned-then-dismissed", "dismissed-then-warned", "dismissed-then-offered", "offered-again-then-dismissed"],
)
def test_the_question_pane_stands_as_the_column_says_whichever_came_first(
    qtbot: QtBot,
    demo_db: Path,
    tmp_path: Path,
    first: Callable[[MainWindow], None],
    then: Callable[[MainWindow], None],
    short: bool,
) -> None:
    """Beside a long question, the warning and the suggestion together leave the question pane too little room
    standing tall; the warning with no suggestion leaves it enough. The warning shown, then the suggestion dismissed,
    kept the pane short; the other way round, it stood tall."""
    window = _long_question_on_the_demo(qtbot, demo_db, tmp_path)
    if first is not _warn and then is not _warn:
        _warn(window)
        _settled()
    first(window)
    _settled()
    then(window)
    _settled()
    panel = window.question_panel
    assert window.demo.banner.isVisible() and window.size().toTuple() == LAPTOP
    assert panel.short_column.short is short and panel.filters.isVisible() is not short


def test_standing_short_the_pane_knows_its_least_height_standing_tall(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    """What the pane works out standing short is what it measures once it stands tall: beside a suggestion or not,
    with a long question or the remedies in the card's place, 768 high or 640."""
    window = _long_question_on_the_demo(qtbot, demo_db, tmp_path)
    panel = window.question_panel
    column = panel.short_column
    states: list[Callable[[], object]] = [
        lambda: None,
        panel.banner.dismiss,
        lambda: window.participation_panel.mark_room(MarkerKind.REPEATED_ISSUE),
    ]
    for size in (LAPTOP, SMALLEST):
        window.resize(*size)
        for state in states:
            state()
            column.set_short(True)
            _settled()
            worked_out = panel.minimumSizeHint().height() + column.growth_standing_tall()
            column.set_short(False)
            _settled()
            assert column.growth_standing_tall() == 0
            assert panel.minimumSizeHint().height() == worked_out, (size, state)


def test_resizing_between_a_laptop_and_the_smallest_size_with_the_warning_settles(
    qtbot: QtBot, demo_db: Path, tmp_path: Path
) -> None:
    """Between 1366x768 and 1024x640, the warning shown and taken away, beside a suggestion and a long question: each
    step ends with the panes at heights they keep, and the question pane short or tall as it was set."""
    window = _long_question_on_the_demo(qtbot, demo_db, tmp_path)
    panel, warning = window.question_panel, window.notes_panel.identifier_warning
    for size in (SMALLEST, LAPTOP) * 3:
        for warned in (True, False):
            window.resize(*size)
            if warned:
                _warn(window)
            else:
                warning.remove_current()
            _heights(window)  # the suggestion's lines follow its width a round of layouts later
            heights = _heights(window)
            short = panel.short_column.short
            for _ in range(5):
                QApplication.processEvents()
            assert _heights(window) == heights and panel.short_column.short is short, (size, warned)
            assert short is (size == SMALLEST or warned), (size, warned)
