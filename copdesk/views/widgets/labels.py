"""Labels every page uses: a quiet hint, the one-line message under a form, and a line that elides with its
whole text one hover away.

Wherever CoPDesk shortens text to fit (a label, a banner, a table cell, a tile, the agenda) it cuts between words
(:func:`elide_words`), never inside one, and the whole text is one hover away: "Follow up on…" reads as a
beginning, "Follow up o…ions" as a fault. A person's name gives way by its last word first (:func:`fitted_name`):
"Priya L." before "Priya…". The one exception is two names that would then read the same on a roster
(:func:`fitted_apart`): telling people apart comes before whole words.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from copdesk.views.widgets import theme
from copdesk.views.widgets.names_in_a_line import RIGHT_TO_LEFT

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


def fitted_apart(name: str, others: Iterable[str], metrics: QFontMetrics, width: int) -> str:
    """``name`` fitted as :func:`fitted_name` fits it, unless another of ``others`` would then read the same
    ("Jonathan A." for Adams and for Allen: a tally for the wrong person): then cut just past where the two differ
    ("Jonathan Ad…"), inside a word if it must, or, too wide for that, with its middle left out ("Jona…Adams")."""
    fitted = fitted_name(name, metrics, width)
    twins = [other for other in others if other != name and fitted_name(other, metrics, width) == fitted]
    if not twins:
        return fitted
    shared = max(_shared_start(name, other) for other in twins)
    apart = name[: shared + 1].rstrip() + ELLIPSIS
    if shared + 1 < len(name) and metrics.horizontalAdvance(apart) <= width:
        return apart
    return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)


def _shared_start(one: str, other: str) -> int:
    """How many characters two names have in common at their start."""
    pairs = zip(one, other, strict=False)
    return next((at for at, (a, b) in enumerate(pairs) if a != b), min(len(one), len(other)))


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


def left_to_right(message: str) -> str:
    """``message`` (CoPDesk's words, in English) laid out left to right when it starts with a name written right to
    left: a label takes its direction from its first letter, so "سارا احمدی is already on this team's roster." was
    set from the right, its full stop first. A left-to-right mark before it keeps the name in its place."""
    for character in message:
        direction = unicodedata.bidirectional(character)
        if direction in RIGHT_TO_LEFT:
            return "\u200e" + message
        if direction == "L":
            break
    return message


def show_message(label: QLabel, text: str, *, error: bool, warning: bool = False) -> None:
    """One line under a form: a reading in the hint style, something to notice in amber, or a problem in red."""
    label.setText(left_to_right(text))
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
