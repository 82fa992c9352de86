"""A one-line field holds as many characters as the core counts (code points: an emoji is one), where Qt's own
``setMaxLength`` counts UTF-16 units (an emoji is two): an 80-character name with an emoji in it lost its last letter
when its cell opened, and a paste to the limit could end in half an emoji. Every limited field goes through
:func:`~copdesk.views.widgets.forms.hold_characters`."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from copdesk.core.model import Role
from copdesk.core.text import MAX_NAME_LENGTH
from copdesk.store import teams
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.team.team_members_dialog import MemberColumn
from copdesk.views.widgets.forms import hold_characters
from tests.views.team.test_team_members import open_from_menu, row_of

ROOT = Path(__file__).resolve().parents[3]
EMOJI_NAME = ("Priya Ramanathan-Okonkwo " * 4)[:78] + "🌻Z"  # 80 characters, 81 UTF-16 units


def _field(qtbot: QtBot, most: int) -> tuple[QLineEdit, list[bool]]:
    field = QLineEdit()
    qtbot.addWidget(field)
    cut: list[bool] = []
    hold_characters(field, most).cut.connect(lambda: cut.append(True))
    return field, cut


def test_a_name_of_the_most_characters_with_an_emoji_is_kept_whole(qtbot: QtBot) -> None:
    field, cut = _field(qtbot, MAX_NAME_LENGTH)
    assert len(EMOJI_NAME) == MAX_NAME_LENGTH < len(EMOJI_NAME.encode("utf-16-le")) // 2
    field.setText(EMOJI_NAME)
    assert field.text() == EMOJI_NAME and not cut


def test_a_paste_past_the_limit_keeps_whole_characters_and_says_so(qtbot: QtBot) -> None:
    field, cut = _field(qtbot, 10)
    field.setText("Kai Moss ")  # 9 characters: room for one more
    field.setCursorPosition(len(field.text()))
    QGuiApplication.clipboard().setText("🌻🌻🌻")
    field.paste()
    assert field.text() == "Kai Moss 🌻" and cut == [True]  # one whole emoji, never half of one
    assert field.cursorPosition() == len("Kai Moss ") + 2  # after it, in UTF-16 units as Qt counts


def test_a_paste_in_the_middle_loses_its_own_end_not_the_words_after_it(qtbot: QtBot) -> None:
    field, cut = _field(qtbot, 13)
    field.setText("Book room")
    field.setCursorPosition(len("Book "))
    QGuiApplication.clipboard().setText("the big ")
    field.paste()
    assert field.text() == "Book the room" and cut == [True]  # "the " kept, "big " left out
    assert field.cursorPosition() == len("Book the ")


def test_a_members_name_with_an_emoji_opens_whole_in_its_cell(window: MainWindow) -> None:
    teams.create_team(window.context.db, "Harbour Team", [(EMOJI_NAME, Role.FACILITATOR)], window.context.now())
    window.reload_teams()
    dialog = open_from_menu(window)
    dialog.table.setCurrentIndex(dialog.model.index(row_of(dialog, EMOJI_NAME), MemberColumn.NAME))
    dialog.table.edit(dialog.table.currentIndex())
    [field] = [each for each in dialog.table.viewport().findChildren(QLineEdit) if each.isVisible()]
    assert field.text() == EMOJI_NAME and dialog.error_label.text() == ""
    dialog.close()


def test_no_field_is_limited_by_qts_count_of_utf16_units() -> None:
    """``setMaxLength`` (or a form's maxLength) would bring the fault back."""
    sources = [p for p in (ROOT / "copdesk").rglob("*.py") if "forms" not in p.parts and p.name != "forms.py"]
    using = [p.name for p in sources if re.search(r"\.setMaxLength\(", p.read_text(encoding="utf-8"))]
    forms = [p.name for p in (ROOT / "ui").glob("*.ui") if 'name="maxLength"' in p.read_text(encoding="utf-8")]
    assert using == [] and forms == []


def _field_of_whole_words(qtbot: QtBot, most: int, held: str) -> QLineEdit:
    field = QLineEdit(held)
    qtbot.addWidget(field)
    hold_characters(field, most, whole_words=True)
    field.setCursorPosition(len(held))
    return field


def test_a_paste_cut_in_a_word_keeps_none_of_that_word(qtbot: QtBot) -> None:
    field = _field_of_whole_words(qtbot, 45, "")
    QGuiApplication.clipboard().setText("Waiting lists for occupational therapy assessments")
    field.paste()
    assert field.text() == "Waiting lists for occupational therapy"  # never "… therapy assess"
    field = _field_of_whole_words(qtbot, 12, "Care")
    QGuiApplication.clipboard().setText("givers and family")
    field.paste()
    assert field.text() == "Caregivers"


def test_a_word_cut_never_takes_what_the_field_held_or_a_paste_of_one_word(qtbot: QtBot) -> None:
    field = _field_of_whole_words(qtbot, 15, "Book room")
    field.setCursorPosition(len("Book "))
    QGuiApplication.clipboard().setText("the biggest ")
    field.paste()
    assert field.text() == "Book the room"
    field = _field_of_whole_words(qtbot, 15, "Long waits")
    QGuiApplication.clipboard().setText("forOTassessments")
    field.paste()
    assert field.text() == "Long waitsforOT"  # the paste is one word: its start is kept, and "waits" stays
