"""Every control a screen reader (NVDA, JAWS) can land on says what it is: on both pages and every tab of the
window, before and during a session, and in every dialog the menus and the panes open, each visible button, field,
list, table, combo, spin box, tick box and slider has an accessible name of words (never a bare "+", "…" or "×"),
and no two in one dialog, or one pane of the window, share a name, or the listener cannot tell which is which.

Walked on the real window over the fictional demo data: each menu item is triggered with a dialog's ``exec``
showing it instead, so every dialog opened is read as the facilitator's screen reader would find it. The questions
CoPDesk asks in a message box (Discard, End, closing the window with a session live or something unsaved, About,
leaving typed words, saving unsaved edits, a team not created) are read as well, and so are the questions it can
ask as it starts, before the window is there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSlider,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from copdesk.core.model import Role, SessionKind
from copdesk.sandbox import start_session as start_demo_session
from copdesk.store.backup_catalogue import BackupFile, BackupKind
from copdesk.store.recurring import unresolved_issues
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog
from copdesk.views.session.start_session_dialog import StartSessionDialog
from copdesk.views.shell.close_question import CLOSE_QUESTION, UNSAVED_QUESTION, UnsavedQuestion
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.shell.startup_dialogs import GuiStartupPrompts
from copdesk.views.widgets.forms import LEAVE_TYPED_WORDS, leaving_typed_words, unsaved_settled
from tests.views.demo_helpers import show_dialogs_instead_of_running, window_on_a_copy

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QSlider,
)
# Qt's own parts of a composite control (a combo's list and field, a spin box's field, a view's header and corner
# button) are named by Qt from the control they belong to.
QT_PARTS_OF = (QComboBox, QAbstractSpinBox, QAbstractItemView)
PANES = ("headerBar", "timerPanel", "questionPanel", "participationPanel", "notesPanel", "reviewPanel")
# Not opened from the menu: Quit and Dark theme open nothing.
LATER = ("&Quit", "&Dark theme")


@pytest.fixture
def window(qtbot: QtBot, demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """The window on the demo data, with every modal dialog and message box shown instead of run, and no file chooser
    or question of Qt's own making asked (each answers as if cancelled)."""

    show_dialogs_instead_of_running(monkeypatch)

    def shown(box: QMessageBox) -> int:
        box.show()
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", shown)
    for ask in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, ask, staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: ("", "")))
    yield window_on_a_copy(qtbot, demo_db, tmp_path)


def controls(top: QWidget) -> list[QWidget]:
    """The interactive controls of ``top``'s window that are on screen, without Qt's parts of them."""
    return [
        widget
        for widget in top.findChildren(QWidget)
        if isinstance(widget, INTERACTIVE)
        and not isinstance(widget, QHeaderView)
        and not isinstance(widget.parentWidget(), QT_PARTS_OF)
        and widget.window() is top.window()
        and widget.isVisible()
    ]


def said_of(widget: QWidget) -> str:
    return f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}"


def name_faults(where: str, top: QWidget) -> list[str]:
    """Each control of ``top`` without a name of words, and each name two of its controls share."""
    faults = []
    named: dict[str, list[QWidget]] = {}
    for widget in controls(top):
        name = widget.accessibleName().strip()
        if not any(character.isalpha() for character in name):
            faults.append(f"{where}: {said_of(widget)} has no name of words")
        else:
            named.setdefault(name.casefold(), []).append(widget)
    faults += [
        f"{where}: {len(same)} controls are all called {same[0].accessibleName()!r}"
        for same in named.values()
        if len(same) > 1
    ]
    return faults


def window_faults(where: str, window: MainWindow) -> list[str]:
    """The faults of each pane of the window on show, on each of its tabs; names are told apart within a pane."""
    QApplication.processEvents()
    faults = []
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()) if tabs.isVisible() else ():
            tabs.setCurrentIndex(index)
            page = tabs.widget(index)
            assert page is not None
            faults += name_faults(f"{where}, {tabs.tabText(index)!r} tab", page)
        tabs.setCurrentIndex(0)
    for name in PANES:
        pane = window.findChild(QWidget, name)
        if pane is not None and pane.isVisible():
            faults += name_faults(f"{where}, {name}", pane)
    return list(dict.fromkeys(faults))


class Walk:
    """What the walk found wrong, and the titles of the windows it opened (to show it reached them)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.faults: list[str] = []
        self.opened: set[str] = set()

    def opened_by(self, where: str, open_it: Callable[[], object]) -> None:
        """Read each window ``open_it`` opens, and close it again."""
        before = {widget for widget in QApplication.topLevelWidgets() if widget.isVisible()}
        open_it()
        QApplication.processEvents()
        for opened in QApplication.topLevelWidgets():
            if opened.isVisible() and opened not in before and opened is not self.window:
                self.opened.add(opened.windowTitle())
                self.faults += name_faults(f"{where} ({opened.windowTitle()})", opened)
                opened.close()
        overlay = self.window.session_flow.help_overlay
        if overlay.isVisible():
            self.opened.add("Keyboard shortcuts")
            self.faults += name_faults(f"{where}, keyboard shortcuts", overlay)
            overlay.hide()
        QApplication.processEvents()

    def every_menu_item(self, state: str) -> None:
        for menu in self.window.menus.values():
            for action in menu.actions():
                if not action.isSeparator() and action.isEnabled() and action.text() not in LATER:
                    self.opened_by(f"{state}: {menu.title()} ▸ {action.text()}", action.trigger)


def _ground_rules(window: MainWindow) -> None:
    dialog = window.session_flow.open_start_dialog()
    assert isinstance(dialog, StartSessionDialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.REFLECTIVE.value))
    dialog.set_present({member.display_name for member in dialog.members})
    assert dialog.go_to_ground_rules()
    dialog.show()


def _new_escalation(window: MainWindow) -> None:
    team = window.current_team()
    assert team is not None
    choices = unresolved_issues(window.context.db, team.id)
    NewEscalationDialog(window.context, team.id, choices, session_id=None, parent=window).show()


def _unsaved_question(window: MainWindow, tmp_path: Path) -> None:
    UnsavedQuestion(window, kept=tmp_path / "kept-notes.txt").show()


def _ready_made_questions(walk: Walk) -> None:
    """The questions :mod:`copdesk.views.widgets.forms` asks for many dialogs, and the refusal of a new team."""
    window = walk.window
    walk.opened_by("leaving typed words", lambda: leaving_typed_words(window, "Leave typed words", LEAVE_TYPED_WORDS))
    walk.opened_by("unsaved edits", lambda: unsaved_settled(window, "Unsaved edits", "Save the changes?", lambda: True))
    walk.opened_by("a team refused", lambda: window.team_actions.create("   ", (("Lee Park", Role.FACILITATOR),)))


def _questions_at_start(walk: Walk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each question :class:`GuiStartupPrompts` can ask before the window shows, over no window (each is kept
    until it is read: with no parent, it would go with the method that asked it)."""
    asked: list[QDialog] = []

    def shown(dialog: QDialog) -> int:
        asked.append(dialog)
        dialog.show()
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QDialog, "exec", shown)
    monkeypatch.setattr(QMessageBox, "exec", shown)
    prompts = GuiStartupPrompts(None)
    damaged = "copdesk.db is damaged (malformed)."
    backup = BackupFile(tmp_path / "auto-x.db", BackupKind.AUTOMATIC, datetime(2026, 3, 4, 9, 30, tzinfo=UTC))
    walk.opened_by("start: folder refused", lambda: prompts.location_refused("The folder is read-only.", tmp_path))
    walk.opened_by("start: damaged, a backup", lambda: prompts.database_damaged(damaged, backup))
    walk.opened_by("start: damaged, no backup", lambda: prompts.database_damaged(damaged, None))
    walk.opened_by("start: already open", lambda: prompts.already_open("CoPDesk is open on this database."))
    walk.opened_by("start: cannot open", lambda: prompts.cannot_open("The disk is full."))


def test_every_control_on_every_page_and_dialog_has_a_name_of_its_own(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    walk = Walk(window)
    for page, label in ((PREPARE_PAGE, "Prepare"), (LIVE_PAGE, "Live")):
        window.show_page(page)
        walk.faults += window_faults(f"{label} view", window)
    walk.every_menu_item("no session")
    walk.opened_by("start dialog, ground rules", lambda: _ground_rules(window))
    walk.opened_by("new escalation", lambda: _new_escalation(window))
    start_demo_session(window, topic="Least restrictive options after a fall")
    walk.faults += window_faults("Live view in a session", window)
    walk.every_menu_item("in a session")
    follow_up = window.notes_panel.follow_up
    follow_up.table.selectRow(0)
    walk.opened_by("reassign an action", follow_up.reassign)
    walk.opened_by("new due date", follow_up.redate)
    notes = window.notes_panel
    notes.issue_linker.table.selectRow(0)
    walk.opened_by("an issue's history", notes.issue_linker.open_history)
    notes.escalations.table.selectRow(0)
    walk.opened_by("an escalation's outcome", notes.escalations.record_outcome)
    walk.opened_by("new escalation in a session", notes.escalations.new_escalation)
    walk.opened_by("custom questions", window.question_panel.open_custom_questions)
    walk.opened_by("add people", window.participation_panel.open_add_people)
    walk.opened_by("close the window in a session", window.close)
    walk.opened_by("close the window with something unsaved", lambda: _unsaved_question(window, tmp_path))
    assert window.isVisible() and window.live_session.is_live, "each question was closed unanswered"
    walk.opened_by("end the session", window.session_flow.end_now)
    walk.opened_by("a report's message", lambda: window.reports._tell("No team yet", "Create a team first."))
    _ready_made_questions(walk)
    _questions_at_start(walk, tmp_path, monkeypatch)
    assert walk.faults == [], "\n".join(walk.faults)
    reached = {
        "New team",
        "Team members",
        "Start session",
        "Export session record",
        "Search notes",
        "Keyboard shortcuts",
        "Hand over to the co-facilitator",
        "Session summary",
        "Escalate an issue",
        "Discard this session?",
        "End the session?",
        CLOSE_QUESTION,
        UNSAVED_QUESTION,
        "About CoPDesk",
        "No team yet",
        "Choose where CoPDesk keeps its data",
        "Leave typed words",
        "Unsaved edits",
        "Team not created",
        "CoPDesk's data is damaged",
        "CoPDesk is already open",
        "CoPDesk cannot open its data",
    }
    assert reached <= walk.opened, sorted(walk.opened)
    assert len(walk.opened) >= 25, sorted(walk.opened)
