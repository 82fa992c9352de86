"""Search all notes (Ctrl+F): a match too long for its column ends in "…", never cut through a letter."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtGui import QColor, QFont, QFontMetricsF
from pytestqt.qtbot import QtBot

from copdesk.core.model import NoteKind, Role, SessionKind
from copdesk.store import notes, sessions, teams
from copdesk.views.live.notes.notes_search import MATCH_COLUMN, NotesSearchDialog, elide_runs
from copdesk.views.shell.main_window import MainWindow

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
LONG_RUN = "m" * 400  # no space to break at: ink runs to the very edge of the cell unless it is elided


def _width(runs: list[tuple[str, bool]], font: QFont) -> float:
    marked = QFont(font)
    marked.setWeight(QFont.Weight.DemiBold)
    return sum((QFontMetricsF(marked) if hit else QFontMetricsF(font)).horizontalAdvance(text) for text, hit in runs)


def test_runs_that_fit_are_left_as_they_are(qtbot: QtBot) -> None:
    runs = [("Check early what ", False), ("the", True), (" person wants", False)]
    assert elide_runs(runs, 2000, QFont()) == runs


def test_runs_too_wide_end_in_an_ellipsis_within_the_width_and_keep_their_marks(qtbot: QtBot) -> None:
    font = QFont()
    runs = [("Discussion of ", False), ("risk", True), (" and " + "least restrictive options " * 10, False)]
    elided = elide_runs(runs, 240, font)
    assert elided[-1] == ("…", False)
    assert elided[:2] == runs[:2]  # the match itself is kept, marked
    assert "".join(text for text, _ in elided[2:-1]) == runs[2][0][: len("".join(t for t, _ in elided[2:-1]))]
    assert _width(elided, font) <= 240
    assert _width(elide_runs(runs, 40, font), font) <= 40  # cut inside the marked word too


def test_the_match_column_is_elided_rather_than_clipped(qtbot: QtBot, window: MainWindow) -> None:
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, f"Carers {LONG_RUN}", NOW)
    dialog = NotesSearchDialog(window.context, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.query_edit.setText("carers")
    dialog.run_search()
    assert dialog.model.rowCount() == 1
    dialog.table.clearSelection()  # the cell's own background, not the selection's
    qtbot.wait(1)
    cell = dialog.table.visualRect(dialog.model.index(0, MATCH_COLUMN))
    image = dialog.table.viewport().grab().toImage()
    background = image.pixelColor(cell.left() + 1, cell.top() + 1)

    def inked(x: int) -> bool:
        return any(_differs(image.pixelColor(x, y), background) for y in range(cell.top() + 2, cell.bottom() - 1))

    assert any(inked(x) for x in range(cell.left(), cell.left() + 40)), "the match is drawn"
    assert not any(inked(x) for x in range(cell.right() - 3, cell.right())), "the text runs into the cell's edge"


def _differs(colour: QColor, background: QColor) -> bool:
    return abs(colour.lightness() - background.lightness()) > 60
