"""The keyboard-shortcuts overlay (F1) on a laptop screen: its list has more rows than fit, so it scrolls, and its
foot is a whole row, never a half row cut through its words, however tall the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from copdesk.views.shell.main_window import MainWindow


@pytest.mark.parametrize("height", [768, 700, 640])
def test_the_shortcut_list_shows_whole_rows_to_its_foot(window: MainWindow, height: int) -> None:
    window.resize(1366, height)
    overlay = window.session_flow.help_overlay
    overlay.open()
    QApplication.processEvents()
    table = overlay.table
    shown = table.viewport().height()
    assert shown < table.model().rowCount() * table.rowHeight(0)  # it scrolls: there is a foot to cut
    last = table.rowAt(shown - 1)
    assert table.rowViewportPosition(last) + table.rowHeight(last) == shown
    assert overlay.card.geometry().contains(table.mapTo(overlay, table.rect().bottomRight()))
