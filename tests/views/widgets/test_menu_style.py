"""A menu item that cannot act now looks it: greyed and in italics, in both palettes, so a facilitator does not
press End session in an empty room and wonder why nothing happens."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAction, QColor, QImage
from PySide6.QtWidgets import QMenu, QStyleFactory
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.views.widgets import theme


def _ink(image: QImage, row: QRect, *, dark_text: bool) -> int:
    """How far the item's text stands out from the menu: its darkest pixel on a light menu, brightest on dark."""
    values = [
        QColor(image.pixel(x, y)).lightness()
        for x in range(4, image.width() - 4)
        for y in range(row.top(), row.bottom())
    ]
    return 255 - min(values) if dark_text else max(values)


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK])
def test_a_disabled_menu_item_is_drawn_apart_from_an_enabled_one(qtbot: QtBot, palette: str) -> None:
    menu = QMenu()
    qtbot.addWidget(menu)
    menu.setStyle(QStyleFactory.create("Fusion"))  # the app's style (copdesk.app.run_gui)
    theme.apply(menu, paths.asset_dir("resources"), palette)  # as the window applies it
    enabled, disabled = QAction("End session…", menu), QAction("End session…", menu)
    disabled.setEnabled(False)
    menu.addActions([enabled, disabled])
    menu.popup(QPoint(0, 0))
    qtbot.waitExposed(menu)
    image = menu.grab().toImage()
    dark_text = palette == theme.LIGHT
    strong = _ink(image, menu.actionGeometry(enabled), dark_text=dark_text)
    faint = _ink(image, menu.actionGeometry(disabled), dark_text=dark_text)
    assert strong - faint >= 30, (strong, faint)
    menu.close()


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK])
def test_a_ticked_item_with_an_icon_is_framed(qtbot: QtBot, palette: str) -> None:
    """An item with an icon shows no tick: Session ▸ Share-safe view looked the same open or closed."""
    resources = paths.asset_dir("resources")
    menu = QMenu()
    qtbot.addWidget(menu)
    menu.setStyle(QStyleFactory.create("Fusion"))
    theme.apply(menu, resources, palette)
    ticked, unticked = (QAction(theme.icon(resources, "share"), "Share-safe view", menu) for _ in range(2))
    for action in (ticked, unticked):
        action.setCheckable(True)
    ticked.setChecked(True)
    menu.addActions([ticked, unticked])
    menu.popup(QPoint(0, 0))
    qtbot.waitExposed(menu)
    image = menu.grab().toImage()
    accent = QColor(theme.colours(resources, palette)["accent_soft"]).name()

    def framed(action: QAction) -> bool:
        row = menu.actionGeometry(action)
        return any(
            image.pixelColor(x, y).name() == accent
            for x in range(row.left(), row.left() + 30)
            for y in range(row.top(), row.bottom())
        )

    assert framed(ticked) and not framed(unticked)
    menu.close()
