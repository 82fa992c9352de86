"""What Tab reaches in a window, in the order it reaches them: for the tests of the keyboard's path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def tab_stops(top: QWidget) -> list[QWidget]:
    """What Tab reaches in ``top``'s window, in the order it reaches them."""
    stops: list[QWidget] = []
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        if (
            takes_tab
            and widget.window() is top
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusProxy() is None
            and widget not in stops
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops
