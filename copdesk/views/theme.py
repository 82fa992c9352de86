"""The calm, consistent look: one stylesheet template, two palettes, and the shipped SVG icons."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

LIGHT = "light"
DARK = "dark"


def stylesheet(resources: Path, palette: str) -> str:
    """The stylesheet with the palette's colours filled in."""
    style_dir = resources / "style"
    colours = tomllib.loads((style_dir / "palettes.toml").read_text(encoding="utf-8"))[palette]
    text = (style_dir / "copdesk.qss").read_text(encoding="utf-8")
    for name, value in colours.items():
        text = text.replace(f"@{name}@", value)
    return text


def icon(resources: Path, name: str) -> QIcon:
    return QIcon(str(resources / "icons" / f"{name}.svg"))


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the stylesheet (``QLabel[role="hint"]``) and re-polish it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
