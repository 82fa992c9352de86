"""The calm, consistent look: one stylesheet template, two palettes, and the shipped SVG icons."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

LIGHT = "light"
DARK = "dark"


def colours(resources: Path, palette: str) -> dict[str, str]:
    """The palette's named colours, for widgets that paint themselves (the timer disc, the share-safe view)."""
    table = tomllib.loads((resources / "style" / "palettes.toml").read_text(encoding="utf-8"))[palette]
    return {name: str(value) for name, value in table.items()}


def stylesheet(resources: Path, palette: str) -> str:
    """The stylesheet with the palette's colours filled in."""
    text = (resources / "style" / "copdesk.qss").read_text(encoding="utf-8")
    text = text.replace("@icons@", (resources / "icons").as_posix())
    for name, value in colours(resources, palette).items():
        text = text.replace(f"@{name}@", value)
    return text


def icon(resources: Path, name: str) -> QIcon:
    return QIcon(str(resources / "icons" / f"{name}.svg"))


def set_role(widget: QWidget, role: str) -> None:
    """Tag a widget for the stylesheet (``QLabel[role="hint"]``) and re-polish it."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
