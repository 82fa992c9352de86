"""The dark theme reaches what the style draws: scroll bars, the gaps between panes, tick boxes, icons, buttons that
cannot act, and the attendance chart.

The stylesheet colours what it names; scroll bars and the space between the Prepare view's cards are drawn from
the application's palette, which stayed light (a white scroll bar down a dark window), and the style's outline of
an empty tick box is darker than the dark panels it sits on (boxes nobody could see). Both palettes are checked on
the real window over the demo data.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QApplication, QHBoxLayout, QPushButton, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.sandbox import laptop_window
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets import theme


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


def _inked(image: QImage) -> set[str]:
    """The colours of an icon's solid pixels (its antialiased edges left out)."""
    return {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() == 255
    }


def test_the_icons_take_each_themes_colours(window: MainWindow) -> None:
    """The shipped icons are drawn in the light theme's teal: on the dark theme's buttons that was 2.25:1, the share
    and mini-timer buttons all but blank. Each theme now draws them in its own accent, and a disabled one muted."""
    share = window.session_flow.actions.share_view.icon()
    size = QSize(24, 24)
    for palette in (theme.DARK, theme.LIGHT, theme.DARK):  # the same icon, redrawn at each switch
        window.toggle_dark(palette == theme.DARK)
        named = theme.colours(paths.asset_dir("resources"), palette)
        assert _inked(share.pixmap(size).toImage()) == {named["accent"]}, palette
        assert _inked(share.pixmap(size, QIcon.Mode.Disabled).toImage()) == {named["muted"]}, palette


def test_a_sharp_icon_on_a_scaled_screen(window: MainWindow) -> None:
    """A laptop at 150%: the icon is drawn at the screen's pixels, not a small one blown up."""
    pixmap = window.session_flow.actions.share_view.icon().pixmap(QSize(24, 24), 1.5)
    assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (36, 36, 1.5)


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK])
def test_a_button_that_cannot_act_is_flat(qtbot: QtBot, palette: str) -> None:
    """Greyed text alone left a disabled button filled and framed like one that acts (Link as raised again)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QHBoxLayout(holder)
    enabled, disabled = QPushButton("Reassign…"), QPushButton("Reassign…")
    disabled.setEnabled(False)
    layout.addWidget(enabled)
    layout.addWidget(disabled)
    holder.setStyle(QStyleFactory.create("Fusion"))
    theme.apply(holder, paths.asset_dir("resources"), palette)
    holder.show()
    qtbot.waitExposed(holder)
    named = theme.colours(paths.asset_dir("resources"), palette)

    image = holder.grab().toImage()

    def fill(button: QPushButton) -> str:  # inside the frame, before the text
        return image.pixelColor(button.x() + 5, button.y() + button.height() // 2).name()

    assert fill(enabled) == named["panel_alt"]
    assert fill(disabled) == image.pixelColor(1, 1).name() == named["window"], "the window behind shows through"


def test_the_attendance_bars_are_framed_on_the_dark_panel(window: MainWindow) -> None:
    """The bars' soft fill was 1.6:1 on the dark panel; their edge now stands out from it."""
    window.toggle_dark(True)
    window.show_page(0)
    chart = window.participation_history.chart
    scroll = window.review_panel.scroll_area
    scroll.ensureWidgetVisible(chart)
    QApplication.processEvents()
    assert chart.isVisible() and chart.points
    image = chart.grab().toImage()
    plot = chart._plot_rect()
    slot = chart._slot(plot, len(chart.points) - 1)
    width = min(slot.width() * 0.6, 36.0)
    edge_x = round(slot.center().x() - width / 2)
    y = round(plot.bottom() - 4)
    panel = lightness(theme.colours(paths.asset_dir("resources"), theme.DARK)["panel"])
    edge = max(QColor(image.pixel(x, y)).lightness() for x in (edge_x - 1, edge_x, edge_x + 1))
    assert edge - panel > 60, f"the bar's edge is {edge - panel} above the panel"


def test_a_themed_icon_detached_by_qt_still_draws(window: MainWindow) -> None:
    """Qt copies an icon's engine when a copy of the icon is changed (addPixmap): the copy PySide made was freed
    at once and drawing it crashed the process."""
    copied = QIcon(window.session_flow.actions.share_view.icon())
    copied.addPixmap(QPixmap(8, 8))
    gc.collect()
    assert not copied.pixmap(QSize(24, 24)).isNull()
