"""Labels every page uses: a quiet hint, the one-line message under a form, and a line that elides with its
whole text one hover away.

Wherever CoPDesk shortens text to fit (a label, a banner, a table cell, a tile, the agenda) it cuts between words
(:func:`elide_words`), never inside one, and the whole text is one hover away: "Follow up on…" reads as a
beginning, "Follow up o…ions" as a fault. A person's name gives way by its last word first (:func:`fitted_name`):
"Priya L." before "Priya…"."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from copdesk.views.widgets import theme

ELLIPSIS = "…"
NAME_SUFFIXES = frozenset({"jr", "jnr", "sr", "snr", "ii", "iii", "iv"})  # never a surname's initial


def elide_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` if it fits ``width`` pixels, else its longest run of whole words that fits with "…" after it.

    Only a first word too long for the room on its own is cut inside (there is no word boundary to cut at).
    """
    if metrics.horizontalAdvance(text) <= width:
        return text
    indent = text[: len(text) - len(text.lstrip())]  # kept: some lists line names up with it
    words = text.split()
    for count in range(len(words) - 1, 0, -1):
        candidate = indent + " ".join(words[:count]).rstrip(",;:·-–") + ELLIPSIS
        if metrics.horizontalAdvance(candidate) <= width:
            return candidate
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def fitted_name(name: str, metrics: QFontMetrics, width: int) -> str:
    """A person's ``name`` whole if it fits ``width`` pixels; else with its last word cut to an initial ("Priya L."),
    which still tells two Priyas apart; else cut between words as :func:`elide_words` cuts.

    The initial is used only when it is one whole letter: never half an emoji or a bracket, never a letter whose
    marks follow it (a conjunct of an Indic script would read as another letter), and never a suffix ("Jr").
    """
    if metrics.horizontalAdvance(name) <= width:
        return name
    words = name.split()
    last = words[-1] if len(words) > 1 else ""
    whole_letter = last[:1].isalpha() and not unicodedata.category(last[1:2] or "a").startswith("M")
    if whole_letter and last.casefold().rstrip(".") not in NAME_SUFFIXES:
        initialled = " ".join([*words[:-1], last[0] + "."])
        if metrics.horizontalAdvance(initialled) <= width:
            return initialled
    return elide_words(name, metrics, width)


def hint_label(text: str = "") -> QLabel:
    """A wrapped line in the quiet hint style: what a list holds, where a quote comes from."""
    label = QLabel(text)
    label.setWordWrap(True)
    theme.set_role(label, "hint")
    return label


def message_label() -> QLabel:
    """The line under a form where :func:`show_message` says what happened; empty until then."""
    label = QLabel()
    label.setWordWrap(True)
    return label


def show_message(label: QLabel, text: str, *, error: bool, warning: bool = False) -> None:
    """One line under a form: a reading in the hint style, something to notice in amber, or a problem in red."""
    label.setText(text)
    label.setProperty("level", "red" if error else "amber" if warning else "")
    theme.set_role(label, "" if error or warning else "hint")
    label.setVisible(bool(text))


class ElidedLabel(QLabel):
    """One line that ends in "…" when the pane is narrow; the whole text is in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(elide_words(self._full, self.fontMetrics(), max(self.contentsRect().width(), 40)))
