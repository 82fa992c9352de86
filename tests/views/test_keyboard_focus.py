"""A facilitator running the session from the keyboard can always see where the focus is, and a screen reader can
always say what it is on: every stop of the Tab chain, in the window's two views and in the dialogs a session
uses, changes visibly when it takes the focus (in both themes) and has a name, and a label named for a screen
reader still lets it read the label's words.

Checked on the real window over the fictional demo data, with the pixels the focus changes counted: a change of
a few pixels (a text cursor, a border drawn one pixel wider in the colour it already had) is not one anybody sees.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFormLayout, QLabel, QLayoutItem, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from copdesk.core.model import SessionKind
from copdesk.sandbox import start_session as start_demo_session
from copdesk.views.calendar.series_dialog import SeriesDialog
from copdesk.views.data_care.data_care_dialogs import EraseMemberDialog, RetentionDialog
from copdesk.views.session.start_session_dialog import StartSessionDialog
from copdesk.views.shell.header_bar import PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets import theme
from tests.views.demo_helpers import window_on_a_copy
from tests.views.tab_stops import tab_stops

SEEN_CHANGE = 48  # a colour channel moves at least this far (of 255)
SEEN_PIXELS = 40  # and at least this many pixels do: more than a text cursor's


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path, tmp_path: Path) -> Iterator[MainWindow]:
    win = window_on_a_copy(qtbot, demo_db, tmp_path)
    yield win
    win.toggle_dark(False)  # the theme is remembered: the next window starts light


def _seen_pixels(before: QImage, after: QImage) -> int:
    first = array("I", bytes(before.convertToFormat(QImage.Format.Format_RGB32).constBits()))
    second = array("I", bytes(after.convertToFormat(QImage.Format.Format_RGB32).constBits()))

    def far(a: int, b: int) -> bool:
        return any(abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)) >= SEEN_CHANGE for shift in (0, 8, 16))

    return sum(1 for a, b in zip(first, second, strict=True) if a != b and far(a, b))


def _scrolled_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and (inner := parent.widget()) is not None and inner.isAncestorOf(widget):
            parent.ensureWidgetVisible(widget, 12, 12)
        parent = parent.parentWidget()
    QApplication.processEvents()


def focus_unseen(top: QWidget) -> list[str]:
    """The tab stops of ``top`` whose look hardly changes as they take the focus."""
    top.activateWindow()
    QApplication.processEvents()
    unseen = []
    for stop in tab_stops(top):
        _scrolled_into_view(stop)
        area = QRect(stop.mapTo(top, QPoint(0, 0)), stop.size()).adjusted(-3, -3, 3, 3)
        stop.clearFocus()
        if (focused := QApplication.focusWidget()) is not None:
            focused.clearFocus()
        QApplication.processEvents()
        before = top.grab(area).toImage()
        stop.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        after = top.grab(area).toImage()
        if _seen_pixels(before, after) < SEEN_PIXELS:
            unseen.append(f"{type(stop).__name__} {stop.objectName()!r} {stop.accessibleName()!r}")
    return unseen


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says the widget is: its accessible name, else what Qt derives (a button's caption, a
    buddy label's text)."""
    face = QAccessible.queryAccessibleInterface(widget)
    return widget.accessibleName() or (face.text(QAccessible.Text.Name) if face is not None else "")


def _live(window: MainWindow) -> QWidget:
    start_demo_session(window, topic="Least restrictive options after a fall")
    return window


def _prepare(window: MainWindow) -> QWidget:
    window.show_page(PREPARE_PAGE)
    return window


def _opened(dialog: QDialog | None) -> QWidget:
    assert dialog is not None
    dialog.show()
    return dialog


def _start_dialog(window: MainWindow) -> QWidget:
    """The start dialog for a session the facilitator runs, with the plan's fields (the demo's next is a Spotlight)."""
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    return _opened(dialog)


def _ground_rules(window: MainWindow) -> QWidget:
    dialog = _start_dialog(window)
    assert isinstance(dialog, StartSessionDialog)
    dialog.set_present({member.display_name for member in dialog.members})
    assert dialog.go_to_ground_rules()
    return dialog


def _series(window: MainWindow) -> QWidget:
    team = window.current_team()
    assert team is not None
    return _opened(SeriesDialog(window.context, team, window))


def _erase(window: MainWindow) -> QWidget:
    """The Erase dialog with a member chosen and the box ticked, so every stop is there (Erase among them)."""
    window.safeguards.erase_member_data()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, EraseMemberDialog)
    dialog.member_combo.setCurrentIndex(0)
    return _ticked(dialog)


def _retention(window: MainWindow) -> QWidget:
    window.safeguards.delete_old_sessions()
    dialog = window.safeguards.current_dialog
    assert isinstance(dialog, RetentionDialog)
    return _ticked(dialog)


def _ticked(dialog: EraseMemberDialog | RetentionDialog) -> QWidget:
    """The dialog opened with its box ticked: it can be ticked once what would go is counted, in a worker thread."""
    for _ in range(1000):
        if dialog.confirm.isEnabled():
            break
        QTest.qWait(5)
    dialog.confirm.setChecked(True)
    return _opened(dialog)


VIEWS: dict[str, Callable[[MainWindow], QWidget]] = {
    "Prepare view": _prepare,
    "Live view": _live,
    "start dialog": _start_dialog,
    "ground rules": _ground_rules,
    "agenda editor": lambda window: _opened(window.session_flow.open_agenda_editor()),
    "series editor": _series,
    "team members": lambda window: _opened(window.team_actions.open_members()),
    "self-assessment": lambda window: _opened(window.reports.write_self_assessment()),
    "resources": lambda window: _opened(window.help_actions.open_resources()),
    "erase a member's data": _erase,
    "delete old sessions": _retention,
}


@pytest.mark.parametrize("palette", [theme.LIGHT, theme.DARK])
@pytest.mark.parametrize("view", list(VIEWS))
def test_every_tab_stop_shows_that_it_has_the_focus(window: MainWindow, view: str, palette: str) -> None:
    window.toggle_dark(palette == theme.DARK)
    top = VIEWS[view](window)
    assert len(tab_stops(top)) > 3
    unseen = focus_unseen(top)
    assert unseen == [], "\n".join(unseen)


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_tab_stop_has_a_name_a_screen_reader_can_say(window: MainWindow, view: str) -> None:
    top = VIEWS[view](window)
    unnamed = [f"{type(stop).__name__} {stop.objectName()!r}" for stop in tab_stops(top) if not spoken_name(stop)]
    assert unnamed == [], "\n".join(unnamed)


@pytest.mark.parametrize("view", list(VIEWS))
def test_a_label_given_a_name_still_lets_a_screen_reader_read_its_words(window: MainWindow, view: str) -> None:
    """A label's accessible name takes the place of its text: the words themselves must then be its description,
    or a screen reader says "Current question" and never the question."""
    top = VIEWS[view](window)
    QApplication.processEvents()
    unread = []
    for label in top.findChildren(QLabel):
        face = QAccessible.queryAccessibleInterface(label)
        if label.isVisible() and label.text() and label.accessibleName() and face is not None:
            heard = face.text(QAccessible.Text.Name) + " " + face.text(QAccessible.Text.Description)
            if label.text() not in heard:
                unread.append(f"{label.objectName()!r} {label.accessibleName()!r}: {label.text()!r}")
    assert unread == [], "\n".join(unread)


def _row_widgets(item: QLayoutItem | None) -> list[QWidget]:
    """The widgets of one form row, left to right (a field may be a row of widgets of its own)."""
    if item is None:
        return []
    if (widget := item.widget()) is not None:
        return [widget]
    inner = item.layout()
    return [each for index in range(inner.count()) for each in _row_widgets(inner.itemAt(index))] if inner else []


@pytest.mark.parametrize("view", list(VIEWS))
def test_tab_goes_down_each_form_row_by_row(window: MainWindow, view: str) -> None:
    """Tab went from Support offered, the plan's last row, up to Presenter, its first."""
    top = VIEWS[view](window)
    stops = tab_stops(top)
    for form in top.findChildren(QFormLayout):
        fields = [
            widget
            for row in range(form.rowCount())
            for role in (QFormLayout.ItemRole.SpanningRole, QFormLayout.ItemRole.FieldRole)
            for widget in _row_widgets(form.itemAt(row, role))
            if widget in stops
        ]
        reached = [stops.index(field) for field in fields]
        assert reached == sorted(reached), [field.accessibleName() for field in sorted(fields, key=stops.index)]
