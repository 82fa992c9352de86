"""Tab reads a form as it is laid out: top to bottom, and left to right along a row, from the control that has the
focus as the form opens, its first. A facilitator on a Teams call fills the start dialog, an escalation, an action
and an export from the keyboard; a Tab that jumps back up the form, or a first key typed into the wrong field,
costs them the thread of the meeting.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionKind
from copdesk.sandbox import start_session as start_demo_session
from copdesk.views.live.notes.notes_panel import NotesPanel
from copdesk.views.session.start_session_dialog import StartSessionDialog
from copdesk.views.shell.main_window import MainWindow
from tests.views.demo_helpers import show_dialogs_instead_of_running, window_on_a_copy
from tests.views.tab_stops import tab_stops


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The window on the demo data, each modal dialog shown instead of run (it is read, then closed)."""

    show_dialogs_instead_of_running(monkeypatch)
    yield window_on_a_copy(qtbot, demo_db, tmp_path)


def opened_by(open_it: Callable[[], object]) -> QDialog:
    """The one dialog ``open_it`` opens."""
    before = {widget for widget in QApplication.topLevelWidgets() if widget.isVisible()}
    open_it()
    QApplication.processEvents()
    (dialog,) = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w not in before]
    assert isinstance(dialog, QDialog)
    return dialog


def place(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def comes_after(earlier: QRect, later: QRect) -> bool:
    """Whether ``later`` is read after ``earlier`` in one column: on a line below it, or beside it to its right."""
    below = later.top() >= earlier.center().y()
    beside = later.top() < earlier.bottom() and earlier.top() < later.bottom() and later.left() >= earlier.right()
    return below or beside


def column_of(places: list[QRect]) -> list[int]:
    """The column each place is in, counted from the left: columns are the widths no control crosses."""
    columns: list[list[int]] = []  # [left, right] of each, left to right
    for left, right in sorted((place.left(), place.right()) for place in places):
        if columns and left <= columns[-1][1]:
            columns[-1][1] = max(columns[-1][1], right)
        else:
            columns.append([left, right])
    return [next(i for i, (left, right) in enumerate(columns) if left <= place.left() <= right) for place in places]


def out_of_order(top: QWidget, stops: list[QWidget]) -> list[str]:
    """Each step of Tab that goes back a column, or up (or leftwards) within one."""
    places = [place(stop, top) for stop in stops]
    columns = column_of(places)
    steps = list(zip(stops, places, columns, strict=True))
    return [
        f"{earlier.accessibleName()!r} then {later.accessibleName()!r}"
        for (earlier, at, column), (later, next_at, next_column) in itertools.pairwise(steps)
        if next_column < column or (next_column == column and not comes_after(at, next_at))
    ]


def _start_dialog(window: MainWindow) -> QDialog:
    dialog = opened_by(window.session_flow.actions.start_session.trigger)
    assert isinstance(dialog, StartSessionDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    return dialog


def _ground_rules(window: MainWindow) -> QDialog:
    dialog = _start_dialog(window)
    assert isinstance(dialog, StartSessionDialog)
    dialog.set_present({member.display_name for member in dialog.members})
    assert dialog.go_to_ground_rules()
    return dialog


def _in_a_session(window: MainWindow, open_it: Callable[[NotesPanel], object]) -> QDialog:
    start_demo_session(window)
    notes = window.notes_panel
    notes.follow_up.table.selectRow(0)
    return opened_by(lambda: open_it(notes))


def _export(window: MainWindow, title: str) -> QDialog:
    (action,) = [action for action in window.menus["&Reports"].actions() if action.text() == title]
    return opened_by(action.trigger)


DIALOGS: dict[str, Callable[[MainWindow], QDialog]] = {
    "start dialog": _start_dialog,
    "start dialog, ground rules": _ground_rules,
    "new escalation": lambda window: _in_a_session(window, lambda notes: notes.escalations.new_escalation()),
    "reassign an action": lambda window: _in_a_session(window, lambda notes: notes.follow_up.reassign()),
    "new due date": lambda window: _in_a_session(window, lambda notes: notes.follow_up.redate()),
    "export session record": lambda window: _export(window, "Export session &record…"),
    "export quarterly self-assessment": lambda window: _export(window, "Export &quarterly self-assessment…"),
    "export CPD evidence": lambda window: _export(window, "Export &CPD peer reflection evidence…"),
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_tab_goes_down_the_dialog_from_its_first_control(window: MainWindow, name: str) -> None:
    dialog = DIALOGS[name](window)
    dialog.show()
    dialog.activateWindow()
    QApplication.processEvents()
    stops = tab_stops(dialog)
    assert len(stops) >= 3
    assert out_of_order(dialog, stops) == []
    # The ground rules are the start dialog's second page, not its opening: Start has the focus there, for Enter.
    first = "Start the session" if name == "start dialog, ground rules" else stops[0].accessibleName()
    focused = dialog.focusWidget()
    assert focused is not None and focused.accessibleName() == first


def test_tab_goes_along_the_action_row_then_down_to_the_actions_agreed(window: MainWindow) -> None:
    start_demo_session(window)
    editor = window.notes_panel.action_editor
    window.notes_panel.tabs.setCurrentWidget(editor)
    editor.undo_button.show()  # after a Remove: beside Remove, below the list
    QApplication.processEvents()
    stops = [stop for stop in tab_stops(window) if editor.isAncestorOf(stop)]
    assert [stop.accessibleName() for stop in stops][:4] == ["Action", "Owner", "Due date", "Add action"]
    assert out_of_order(window, stops) == []
