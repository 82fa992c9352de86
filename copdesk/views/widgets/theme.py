"""The calm, consistent look: one stylesheet template, two palettes, and the shipped SVG icons."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImageReader, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

SETTING = "theme"  # the palette last chosen (View ▸ Dark theme), in the user settings
LIGHT = "light"
DARK = "dark"
DRAWN_IN = LIGHT  # the shipped icons are drawn in this palette's colours; another palette's replace them
# Buttons a little slimmer than the theme's, for a pane short of height: the question pane's rows of buttons, and the
# notes pane's header in a window 640 high.
SLIM_BUTTONS = "QPushButton, QToolButton { padding-top: 2px; padding-bottom: 2px; min-height: 20px; }"
_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_icon_colours: dict[str, str] = {}  # a colour the shipped icons are drawn in, and the theme's in its place
_disabled_icon_colours: dict[str, str] = {}  # the same colours, and the theme's muted one for a disabled icon


def colours(resources: Path, palette: str) -> dict[str, str]:
    """The palette's named colours, for widgets that paint themselves (the timer disc, the share-safe view)."""
    table = tomllib.loads((resources / "style" / "palettes.toml").read_text(encoding="utf-8"))[palette]
    return {name: str(value) for name, value in table.items()}


def apply(widget: QWidget, resources: Path, palette: str) -> None:
    """The theme: the stylesheet on ``widget`` (the window, and so its dialogs), and the palette's colours as the
    application's Qt palette, for what the stylesheet leaves to the style to draw: scroll bars, the space between
    the Prepare view's cards, the calendar pop-up, dialogs of the system's. Without that palette those keep the
    system's colours: a white scroll bar in the dark theme, or dark ones in the light theme on a Windows set to
    dark mode."""
    named = colours(resources, palette)
    drawn = colours(resources, DRAWN_IN)
    _icon_colours.clear()
    _icon_colours.update({drawn[name].lower(): value for name, value in named.items()})
    _disabled_icon_colours.clear()
    _disabled_icon_colours.update({colour: named["muted"] for colour in _icon_colours})
    _ThemedSvg.themes_applied += 1
    QApplication.setPalette(_qt_palette(named))
    widget.setStyleSheet(_filled(resources, palette, named))  # repaints every widget, so their icons too


def stylesheet(resources: Path, palette: str) -> str:
    """The stylesheet with the palette's colours filled in."""
    return _filled(resources, palette, colours(resources, palette))


def _filled(resources: Path, palette: str, named: dict[str, str]) -> str:
    text = (resources / "style" / "copdesk.qss").read_text(encoding="utf-8")
    text = text.replace("@icons@", (resources / "icons").as_posix()).replace("@palette@", palette)
    for name, value in named.items():
        text = text.replace(f"@{name}@", value)
    return text


def _qt_palette(colours_by_name: dict[str, str]) -> QPalette:
    named = {name: QColor(value) for name, value in colours_by_name.items()}
    qt = QPalette(named["panel_alt"], named["window"])  # button and window; the bevel shades follow from them
    roles = QPalette.ColorRole
    for role, name in (
        (roles.WindowText, "text"),
        (roles.Text, "text"),
        (roles.ButtonText, "text"),
        (roles.Base, "panel"),
        (roles.AlternateBase, "panel_alt"),
        (roles.ToolTipBase, "panel"),
        (roles.ToolTipText, "text"),
        (roles.PlaceholderText, "muted"),
        (roles.Highlight, "selection"),
        (roles.HighlightedText, "text"),
        (roles.Link, "accent"),
        (roles.Accent, "accent"),
    ):
        qt.setColor(role, named[name])
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        qt.setColor(QPalette.ColorGroup.Disabled, role, named["muted"])
    return qt


def app_icon(resources: Path) -> QIcon:
    """CoPDesk's own icon, for the window and the taskbar: always in its own colours."""
    return QIcon(str(resources / "icons" / "copdesk.svg"))


def icon(resources: Path, name: str) -> QIcon:
    """A shipped icon in the theme's colours: drawn afresh in each theme, so a teal stroke made for the light
    theme's white buttons is the dark theme's lighter teal on its dark ones, and a disabled icon is muted."""
    return QIcon(_ThemedSvg((resources / "icons" / f"{name}.svg").read_bytes()))


class _ThemedSvg(QIconEngine):
    """Draws an SVG with each of its colours swapped for the theme's (:func:`apply` keeps the swaps)."""

    themes_applied = 0  # counted by apply, so an icon drawn in an earlier theme is drawn again

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._drawn: dict[tuple[int, int, float, QIcon.Mode, int], QPixmap] = {}  # each size is drawn once

    def _data(self, mode: QIcon.Mode) -> QByteArray:
        swaps = _disabled_icon_colours if mode is QIcon.Mode.Disabled else _icon_colours
        text = _HEX_COLOUR.sub(lambda found: swaps.get(found[0].lower(), found[0]), self._svg.decode("utf-8"))
        return QByteArray(text.encode("utf-8"))

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        """Drawn at the screen's own pixels (a laptop at 150% gets a sharp icon, not one blown up)."""
        key = (size.width(), size.height(), scale, mode, _ThemedSvg.themes_applied)
        if key not in self._drawn:
            self._drawn = {k: v for k, v in self._drawn.items() if k[-1] == key[-1]}  # an old theme's go
            self._drawn[key] = self._draw(size, mode, scale)
        return self._drawn[key]

    def _draw(self, size: QSize, mode: QIcon.Mode, scale: float) -> QPixmap:
        buffer = QBuffer()
        buffer.setData(self._data(mode))
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(size * scale)
        pixmap = QPixmap.fromImage(reader.read())
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        """A copy for an icon Qt detaches (an ``addPixmap`` on a copy of it). Qt owns what this returns but PySide
        does not hand it over, so it is kept here: without a reference it would be freed under Qt's feet."""
        copy = _ThemedSvg(self._svg)
        _CLONES.append(copy)
        return copy


_CLONES: list[_ThemedSvg] = []  # see _ThemedSvg.clone; no icon of CoPDesk's own is ever detached


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the stylesheet (``QLabel[role="hint"]``) and re-polish it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
