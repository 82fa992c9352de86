"""The calm, consistent look: one stylesheet template, two palettes, and the shipped SVG icons."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QWidget

LIGHT = "light"
DARK = "dark"


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
    QApplication.setPalette(_qt_palette(named))
    widget.setStyleSheet(_filled(resources, palette, named))


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


def icon(resources: Path, name: str) -> QIcon:
    return QIcon(str(resources / "icons" / f"{name}.svg"))


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the stylesheet (``QLabel[role="hint"]``) and re-polish it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
