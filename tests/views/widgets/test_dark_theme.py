"""The dark theme reaches what the style draws: scroll bars, the gaps between panes, and tick boxes.

The stylesheet colours what it names; scroll bars and the space between the Prepare view's cards are drawn from
the application's palette, which stayed light (a white scroll bar down a dark window), and the style's outline of
an empty tick box is darker than the dark panels it sits on (boxes nobody could see). Both palettes are checked on
the real window over the demo data.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.sandbox import demo_database, laptop_window
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets import theme


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_database(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path) -> Iterator[MainWindow]:
    win = laptop_window(demo_db)
    qtbot.addWidget(win)
    qtbot.waitUntil(win.is_open)
    yield win
    win.toggle_dark(False)  # the theme is remembered: the next window starts light


def lightness(colour: QColor | str) -> int:
    return QColor(colour).lightness()


def shades(image: QImage, area: QRect) -> list[int]:
    """The lightness of every pixel of ``area``."""
    xs, ys = range(area.left(), area.right() + 1), range(area.top(), area.bottom() + 1)
    return [QColor(image.pixel(x, y)).lightness() for x in xs for y in ys]


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK])
def test_the_prepare_scroll_bar_and_the_gaps_take_the_palette(window: MainWindow, palette: str) -> None:
    window.toggle_dark(palette == theme.DARK)
    QApplication.processEvents()
    named = theme.colours(paths.asset_dir("resources"), palette)
    bar = window.review_panel.scroll_area.verticalScrollBar()
    assert bar.isVisible(), "the demo's Prepare view is taller than the window"
    image = bar.grab().toImage()
    every = shades(image, image.rect())
    shade = sum(every) / len(every)
    # Within a third of the way from the window's colour towards the far end: a dark bar on dark, light on light.
    window_shade = lightness(named["window"])
    assert abs(shade - window_shade) < 255 / 3, f"scroll bar lightness {shade:.0f}, window {window_shade}"
    holder = window.review_panel.scroll_area.widget()
    assert holder is not None and abs(lightness(holder.palette().window().color()) - window_shade) < 16


def test_an_empty_tick_box_shows_on_the_dark_panel(window: MainWindow) -> None:
    window.toggle_dark(True)
    QApplication.processEvents()
    view = window.review_panel.review_sections.planning.list
    first = view.model().index(0, 0)
    assert view.isVisible() and first.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    image = view.viewport().grab().toImage()
    row = view.visualRect(first)
    box = QRect(row.left(), row.top(), 22, row.height()).intersected(image.rect())  # the box, not the text after it
    panel = lightness(theme.colours(paths.asset_dir("resources"), theme.DARK)["panel"])
    brightest = max(shades(image, box))
    assert brightest - panel > 80, f"the empty box's outline is {brightest - panel} above the panel"
