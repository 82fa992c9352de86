"""The examples in the quick-item fields (Action, Issue, Learning, Parked) read whole at any width: Qt cut a
placeholder wherever the field ended ("What was agreed, e.g. Share the c…"). Too long, the example goes, whole, and
the words it illustrates stay ("What was agreed"); only a field too narrow for those is cut, between words."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from copdesk.views.live.notes.action_editor import DUE_EXAMPLES, WHAT_WAS_AGREED
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.forms import EXAMPLE, WordsPlaceholder, text_room
from copdesk.views.widgets.labels import ELLIPSIS
from tests.views.live_helpers import add_team, start_session


def _fields(window: MainWindow) -> list[QLineEdit]:
    notes = window.notes_panel  # in the order of their tabs, after Notes
    return [
        notes.action_editor.text_edit,
        notes.issue_linker.title_edit,
        notes.learning.text_edit,
        notes.parked.text_edit,
    ]


def _whole(shown: str, full: str) -> bool:
    """Whether ``shown`` is the placeholder whole, its words before the example, or a run of those words and "…"."""
    what = full.partition(EXAMPLE)[0]
    if shown in (full, what):
        return True
    start = shown.removesuffix(ELLIPSIS)
    return shown.endswith(ELLIPSIS) and what.startswith(start) and not what[len(start)].isalnum()


@pytest.mark.parametrize("width", [1366, 1024])
def test_each_example_reads_whole_in_the_live_window(window: MainWindow, width: int) -> None:
    add_team(window)
    start_session(window)
    window.resize(width, 768)
    notes = window.notes_panel
    for index, field in enumerate(_fields(window), start=1):
        notes.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        fitting = field.findChild(WordsPlaceholder)
        assert fitting is not None
        shown = field.placeholderText()
        assert field.fontMetrics().horizontalAdvance(shown) <= fitting.room(), shown
        assert _whole(shown, fitting.text), shown
    if width == 1366:  # the Issue field has room for its example on a laptop screen
        assert notes.issue_linker.title_edit.placeholderText() == "Issue or barrier, e.g. Long waits for OT"


@pytest.mark.parametrize("width", [500, 300, 200, 150, 90])
def test_a_narrower_field_gives_up_the_example_then_whole_words(qtbot: QtBot, width: int) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    fitting = WordsPlaceholder(field, "What was agreed, e.g. Share the carers' checklist")
    field.resize(width, field.sizeHint().height())
    field.show()
    shown = field.placeholderText()
    assert _whole(shown, fitting.text), shown
    assert field.fontMetrics().horizontalAdvance(shown) <= fitting.room()


@pytest.mark.parametrize("width", [1366, 1024])
def test_the_due_date_field_reads_whole_beside_or_under_the_action(window: MainWindow, width: int) -> None:
    """In a 1024-wide window the four controls of the Action form shared one line, and the due date read "D…":
    the owner, due date and Add action go under the action's words when they no longer fit beside them."""
    add_team(window)
    start_session(window)
    window.resize(width, 768)
    notes = window.notes_panel
    notes.tabs.setCurrentIndex(notes.ACTION_TAB)
    QApplication.processEvents()
    editor = notes.action_editor
    due = editor.due_field
    assert due.placeholderText() == "Due date"
    assert all(due.fontMetrics().horizontalAdvance(way) <= text_room(due) for way in DUE_EXAMPLES)
    assert editor.text_edit.placeholderText().startswith(WHAT_WAS_AGREED)
    assert editor.row.wrapped() == (width == 1024)  # on a laptop screen, one line as before
    shown = [editor.text_edit, editor.owner_field, due, editor.add_button]
    boxes = [QRect(widget.mapTo(window, QPoint()), widget.size()) for widget in shown]
    assert all(widget.isVisible() and window.rect().contains(box) for widget, box in zip(shown, boxes, strict=True))
    assert not any(one.intersects(other) for at, one in enumerate(boxes) for other in boxes[at + 1 :])
