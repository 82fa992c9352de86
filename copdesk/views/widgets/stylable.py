"""Colours that a painted widget takes from the stylesheet, so custom painting follows the light and dark themes.

A widget declares ``accent = colour_property("accent", "#1f6f78")`` and keeps a ``colours`` dict; the stylesheet
then sets it with ``qproperty-accent: @accent@;`` and the palette files stay the one place colours are chosen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def colour_property(name: str, default: str) -> Any:  # a Qt Property, read as a QColor
    def getter(widget: QWidget) -> QColor:
        colours: dict[str, QColor] = widget.colours  # type: ignore[attr-defined]
        return colours.get(name, QColor(default))

    def setter(widget: QWidget, colour: QColor) -> None:
        widget.colours[name] = QColor(colour)  # type: ignore[attr-defined]
        (widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget).update()

    return Property(QColor, getter, setter)
