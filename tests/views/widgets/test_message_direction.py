"""A message under a form is CoPDesk's words, in English: it reads left to right even when it starts with a name
written right to left, which a label would otherwise take its direction from."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from copdesk.views.widgets.labels import left_to_right, message_label, show_message


@pytest.mark.parametrize(
    ("message", "shown"),
    [
        ("سارا احمدی is already on this team's roster.", "\u200eسارا احمدی is already on this team's roster."),
        ("“דנה לוי” is listed twice.", "\u200e“דנה לוי” is listed twice."),  # neutral quotes first: the name decides
        ("Ash Lee is already on this team's roster.", "Ash Lee is already on this team's roster."),
        ("Nobody called 'سارا' is on Harbour Team's roster.", "Nobody called 'سارا' is on Harbour Team's roster."),
        ("", ""),
    ],
)
def test_a_message_is_set_left_to_right_only_where_a_name_would_turn_it(message: str, shown: str) -> None:
    assert left_to_right(message) == shown


def test_a_message_under_a_form_starting_with_a_right_to_left_name_reads_left_to_right(qtbot: QtBot) -> None:
    label = message_label()
    qtbot.addWidget(label)
    show_message(label, "سارا احمدی is already on this team's roster.", error=True)
    assert label.text().startswith("\u200e")
