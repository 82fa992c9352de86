"""A person's name that does not fit gives way by its last word first: "Priya L." before "Priya…"."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from pytestqt.qtbot import QtBot

from copdesk.views.widgets.labels import ELLIPSIS, fitted_apart, fitted_name


def metrics() -> QFontMetrics:
    return QFontMetrics(QFont("DejaVu Sans", 10))


def width_of(text: str) -> int:
    return metrics().horizontalAdvance(text)


def test_a_name_that_fits_is_whole(qtbot: QtBot) -> None:
    assert fitted_name("Priya Lindqvist", metrics(), width_of("Priya Lindqvist")) == "Priya Lindqvist"


def test_a_name_too_wide_keeps_its_first_names_and_the_last_ones_initial(qtbot: QtBot) -> None:
    room = width_of("Priya Lindqvist") - 1
    assert fitted_name("Priya Lindqvist", metrics(), room) == "Priya L."
    assert fitted_name("Mary Jane Achterberg", metrics(), width_of("Mary Jane A.")) == "Mary Jane A."


def test_too_narrow_for_the_initial_cuts_between_words(qtbot: QtBot) -> None:
    assert fitted_name("Priya Lindqvist", metrics(), width_of("Priya L.") - 1) == "Priya" + ELLIPSIS


def test_a_last_word_that_is_not_a_letter_is_never_halved(qtbot: QtBot) -> None:
    """An emoji (one of several code points), a bracket, a letter with marks after it (the conjunct "क्ष" is not
    "क") and a suffix ("Jr" is not the surname) are cut between words, never to their first code point."""
    for name in ("Zoë Ng 👩🏽‍💻", "Robin Achterberg (guest)", "Asha Devi क्षमा", "Sam Smith Jr"):
        shown = fitted_name(name, metrics(), width_of(name) - 2)
        assert shown.endswith(ELLIPSIS) and name.startswith(shown[: -len(ELLIPSIS)])


def test_one_long_word_is_elided(qtbot: QtBot) -> None:
    shown = fitted_name("Wolfeschlegelsteinhausen", metrics(), width_of("Wolfeschlegel"))
    assert shown.endswith(ELLIPSIS) and metrics().horizontalAdvance(shown) <= width_of("Wolfeschlegel")


def test_two_names_that_would_read_the_same_are_cut_where_they_differ(qtbot: QtBot) -> None:
    """ "Jonathan A." twice on a roster is a tally for the wrong person: telling them apart comes first."""
    names = ["Jonathan Adams", "Jonathan Allen", "Priya Lindqvist"]
    room = width_of("Jonathan Ad" + ELLIPSIS)
    assert fitted_name("Jonathan Adams", metrics(), room) == fitted_name("Jonathan Allen", metrics(), room)
    shown = [fitted_apart(name, names, metrics(), room) for name in names]
    assert shown[:2] == ["Jonathan Ad" + ELLIPSIS, "Jonathan Al" + ELLIPSIS]
    assert shown[2] == fitted_name("Priya Lindqvist", metrics(), room), "a name with no twin is fitted as before"
    narrow = width_of("Jonathan A.")  # too narrow to cut past the difference: the middle goes instead
    squeezed = [fitted_apart(name, names, metrics(), narrow) for name in names[:2]]
    assert squeezed[0] != squeezed[1] and all(ELLIPSIS in text for text in squeezed)
