"""The words on the Live page are a social worker's, not a statistician's or a developer's: each plain label has a
one-line tooltip that says what it does."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from copdesk.views.shell.main_window import MainWindow
from tests.views.participation_helpers import click_tile, start_live_session

JARGON = ("Gini", "Funnel", "Models", "Match segment")


def _texts(root: QWidget) -> list[str]:
    found = [w.text() for w in root.findChildren(QLabel) if w.isVisible()]
    found += [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]
    return found


def test_no_jargon_on_the_live_page_and_each_plain_word_is_explained(window: MainWindow) -> None:
    start_live_session(window, present=4)
    for row in range(2):
        click_tile(window, row)
    window.participation_panel._refresh()
    shown = " ".join(_texts(window))
    assert not [word for word in JARGON if word in shown]
    filters = window.question_panel.filters
    for button, words in (
        (filters.model_button, "Reflective models"),
        (filters.funnel_button, "Broad to specific"),
        (filters.match_segment, "Suits this part"),
    ):
        assert button.text().startswith(words) and button.toolTip() and "\n" not in button.toolTip()
    balance = window.participation_panel.balance_label
    assert "balance of voices" in balance.full_text() and "0 when everyone contributed equally" in balance.toolTip()
