"""Drop-down buttons (combo boxes, date pickers) are drawn flat like the spin boxes' steps, in both palettes.

Fusion draws a styled combo box's drop-down with a bevel whose shadow is darker than anything else in the box
(a dark line beside the arrow). The stylesheet replaces it with a hairline and the shipped arrow icon, so no
pixel inside the button is darker than the field behind it or the arrow itself.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyleFactory, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from copdesk import paths
from copdesk.views.widgets import theme

ARROW = QColor("#808080")  # resources/icons/spin-down.svg
BUTTON_WIDTH = 20  # copdesk.qss: the drop-down is 20 pixels wide, as the spin boxes' steps are


def _darkest_in_drop_down(qtbot: QtBot, palette: str, editor: QWidget) -> int:
    host = QWidget()
    qtbot.addWidget(host)
    host.setStyle(QStyleFactory.create("Fusion"))  # the app's style (copdesk.app.run_gui)
    theme.apply(host, paths.asset_dir("resources"), palette)  # as the window applies it
    layout = QVBoxLayout(host)
    layout.addWidget(QLineEdit())  # takes the focus, so the editor's border is its plain one
    layout.addWidget(editor)
    host.resize(300, 90)
    host.show()
    qtbot.waitExposed(host)
    image = editor.grab().toImage()
    inside = range(image.width() - BUTTON_WIDTH + 1, image.width() - 3), range(3, image.height() - 3)
    return min(QColor(image.pixel(x, y)).lightness() for x in inside[0] for y in inside[1])


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK])
@pytest.mark.parametrize("kind", ["combo", "date"])
def test_no_dark_bevel_beside_the_arrow(qtbot: QtBot, palette: str, kind: str) -> None:
    editor: QWidget
    if kind == "combo":
        editor = QComboBox()
        editor.addItems(["Thursday", "Friday"])
    else:
        editor = QDateEdit()
        editor.setCalendarPopup(True)
    field = QColor(theme.colours(paths.asset_dir("resources"), palette)["panel"])
    floor = min(field.lightness(), ARROW.lightness())
    assert _darkest_in_drop_down(qtbot, palette, editor) >= floor - 2


def test_the_drop_down_arrow_is_the_shipped_icon() -> None:
    text = theme.stylesheet(paths.asset_dir("resources"), theme.LIGHT)
    arrows = re.findall(r"QComboBox::down-arrow[^{]*\{[^}]*url\(\"([^\"]+)\"\)", text)
    assert [Path(found).name for found in arrows] == ["spin-down.svg"] and Path(arrows[0]).is_file()
