"""An action's words corrected where it is listed (a double-click or F2, then Enter): in the follow-up list, in
the actions agreed this session and in the Prepare view. The action keeps its owner, due date and history."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView

from copdesk.core.model import SessionKind
from copdesk.store import actions, sessions
from copdesk.views.live.notes.action_wording import CORRECT_AGAIN, HOW
from copdesk.views.shell.header_bar import LIVE_PAGE, PREPARE_PAGE
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.typed_words import TypedWords
from tests.views.live_helpers import add_team, start_session

TYPO = "Shair the carers' checklist"
FIXED = "Share the carers' checklist"


def _agreed_earlier(window: MainWindow) -> int:
    """A team whose session a fortnight ago agreed an action with a typo (owner and due date set); its id."""
    db, now = window.context.db, window.context.now()
    team = add_team(window)
    then = now - timedelta(days=14)
    earlier = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, then)
    sessions.start_session(db, earlier.id, then, ground_rules_agreed=True)
    action = actions.add_action(
        db, team.id, TYPO, then, origin_session_id=earlier.id, owner_name="Bo Day", due=date(2027, 1, 8)
    )
    sessions.end_session(db, earlier.id, then + timedelta(hours=1))
    return action.id


def _edit(table: QTableView, row: int, words: str, *, by_double_click: bool = False) -> None:
    """Open the Action cell's editor as a facilitator does, replace its words, press Enter."""
    index = table.model().index(row, 0)
    table.setCurrentIndex(index)
    if by_double_click:  # a first click, then the second as a double-click, as the mouse sends them
        centre = table.visualRect(index).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    else:
        QTest.keyClick(table, Qt.Key.Key_F2)
    [editor] = [field for field in table.viewport().findChildren(QLineEdit) if field.isVisible()]  # one open
    assert editor.text() == table.model().index(row, 0).data()
    editor.setText(words)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits what Enter saves in a queued call
    assert table.state() is QTableView.State.NoState  # the editor closed


def test_the_follow_up_list_corrects_an_actions_words_in_place(window: MainWindow) -> None:
    action_id = _agreed_earlier(window)
    start_session(window)
    box = window.notes_panel.follow_up
    assert box.table.accessibleDescription() == HOW
    _edit(box.table, 0, f"  {FIXED} ")
    saved = actions.get_action(window.context.db, action_id)
    assert (saved.text, saved.owner_name, saved.due) == (FIXED, "Bo Day", date(2027, 1, 8))
    assert box.model.row_at(0).text == FIXED and box.model.index(0, 1).data() == "Bo Day"
    assert box.message.text() == f"Now reads: {FIXED}" and box.message.property("level") == ""
    assert box.table.currentIndex().row() == 0  # still selected: Done, Carry and the rest apply to it


def test_empty_words_are_refused_and_the_action_stays_as_it_was(window: MainWindow) -> None:
    action_id = _agreed_earlier(window)
    start_session(window)
    box = window.notes_panel.follow_up
    _edit(box.table, 0, "   ")
    assert actions.get_action(window.context.db, action_id).text == TYPO
    assert box.model.row_at(0).text == TYPO
    assert box.message.text() == "The action needs its words; nothing was changed."
    assert box.message.property("level") == "red"


def test_unchanged_words_write_nothing_and_say_nothing(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    _agreed_earlier(window)
    start_session(window)
    box = window.notes_panel.follow_up
    writes: list[object] = []
    monkeypatch.setattr(window.context.writes, "run", lambda *args, **kwargs: writes.append(args))
    _edit(box.table, 0, TYPO + " ")
    assert writes == [] and box.message.text() == ""


def test_an_action_agreed_in_this_session_is_corrected_with_a_double_click(window: MainWindow) -> None:
    add_team(window)
    session = start_session(window)
    editor = window.notes_panel.action_editor
    editor.text_edit.setText("Book the rom for the away day")
    editor.owner_field.set_owner("Ash Lee")
    action = editor.add_action()
    assert action is not None
    window.notes_panel.tabs.setCurrentWidget(editor)  # its list shows under the Action tab
    _edit(editor.table, 0, "Book the room for the away day", by_double_click=True)
    saved = actions.get_action(window.context.db, action.id)
    assert (saved.text, saved.owner_name, saved.origin_session_id) == (
        "Book the room for the away day",
        "Ash Lee",
        session.id,
    )
    assert editor.message.text() == "Now reads: Book the room for the away day"


def test_the_prepare_view_corrects_an_open_actions_words(window: MainWindow) -> None:
    action_id = _agreed_earlier(window)
    window.review_panel.refresh()
    section = window.review_panel.review_sections.actions
    assert "double-click an action's words to correct them" in section.summary.text()
    _edit(section.table, 0, FIXED)
    assert actions.get_action(window.context.db, action_id).text == FIXED
    assert section.model.row_at(0).text == FIXED
    assert section.message.isVisibleTo(section) and section.message.text() == f"Now reads: {FIXED}"
    _edit(section.table, 0, " ")
    assert section.message.text() == "The action needs its words; nothing was changed."
    assert actions.get_action(window.context.db, action_id).text == FIXED
    window.review_panel.refresh()  # the next look at the data: the old message no longer applies
    assert not section.message.isVisibleTo(section)


def test_a_refused_correction_waits_for_retry_and_then_shows(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    action_id = _agreed_earlier(window)
    start_session(window)
    box = window.notes_panel.follow_up
    db = window.context.db
    real_execute, full = db.execute, [True]

    def execute(sql: str, parameters: Any = None) -> Any:
        if full[0] and sql.lstrip().upper().startswith("UPDATE"):
            raise sqlite3.OperationalError("database or disk is full")
        return real_execute(sql) if parameters is None else real_execute(sql, parameters)

    monkeypatch.setattr(db, "execute", execute)
    _edit(box.table, 0, FIXED)
    banner = window.safeguards.write_banner
    assert banner.isVisible() and "disk is full" in banner.label.text()
    assert "The words you typed are kept: Retry saves them." in banner.label.text()
    assert box.model.row_at(0).text == TYPO and actions.get_action(db, action_id).text == TYPO
    assert window.context.writes.words_waiting() == [TypedWords(f"The action “{TYPO}”, its words corrected", FIXED)]
    full[0] = False
    banner.button("Retry").click()
    assert actions.get_action(db, action_id).text == FIXED
    assert box.model.row_at(0).text == FIXED


def test_a_paste_longer_than_an_action_holds_is_cut_and_said(window: MainWindow) -> None:
    _agreed_earlier(window)
    start_session(window)
    box = window.notes_panel.follow_up
    index = box.model.index(0, 0)
    box.table.setCurrentIndex(index)
    QTest.keyClick(box.table, Qt.Key.Key_F2)
    [editor] = [field for field in box.table.viewport().findChildren(QLineEdit) if field.isVisible()]
    QGuiApplication.clipboard().setText("word " * 1000)  # 5,000 characters
    editor.selectAll()
    editor.paste()
    assert len(editor.text()) == 2000
    assert box.message.text().startswith("An action holds at most 2,000 characters: the rest was not taken.")
    assert box.message.property("level") == "red"


def test_the_live_lists_show_a_correction_made_in_the_prepare_view_meanwhile(window: MainWindow) -> None:
    action_id = _agreed_earlier(window)
    start_session(window)
    window.show_page(PREPARE_PAGE)
    window.review_panel.refresh()
    section = window.review_panel.review_sections.actions
    _edit(section.table, 0, FIXED)
    assert actions.get_action(window.context.db, action_id).text == FIXED
    window.show_page(LIVE_PAGE)
    assert window.notes_panel.follow_up.model.row_at(0).text == FIXED


@pytest.mark.parametrize("where", ["follow-up", "prepare"])
def test_words_saved_that_look_like_an_identifier_are_said_in_amber_and_still_saved(
    window: MainWindow, where: str
) -> None:
    action_id = _agreed_earlier(window)
    if where == "follow-up":
        start_session(window)
        table, message = window.notes_panel.follow_up.table, window.notes_panel.follow_up.message
    else:
        window.review_panel.refresh()
        section = window.review_panel.review_sections.actions
        table, message = section.table, section.message
    words = "Ring Mrs Okafor about the carers' checklist, NHS 943 476 5919"
    _edit(table, 0, words)
    assert actions.get_action(window.context.db, action_id).text == words  # a warning never blocks the save
    assert message.text() == (
        f"Now reads: {words}\n“Mrs Okafor” looks like a person's name (and 1 more). {CORRECT_AGAIN}"
    )
    assert message.property("level") == "amber" and message.isVisible()
    _edit(table, 0, "Ring the carer about the checklist")
    assert message.text() == "Now reads: Ring the carer about the checklist" and message.property("level") == ""


@pytest.mark.parametrize("disk_full", [False, True], ids=["saved", "refused"])
def test_words_being_corrected_as_the_computer_logs_off_are_saved_or_kept_in_a_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, disk_full: bool
) -> None:
    """The log-off saves the open cell, as Enter would, before it keeps what waits for Retry: refused by a full
    disk, the words go to the file once; saved, the file holds nothing."""
    from copdesk.shutdown import save_and_quit
    from copdesk.store.kept_notes import kept_files

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for left in app.topLevelWidgets():  # by earlier tests: only this test's window is on screen
        if left is not window:
            left.hide()
    action_id = _agreed_earlier(window)
    start_session(window)
    db = window.context.db
    real_execute = db.execute

    def execute(sql: str, parameters: Any = None) -> Any:
        if disk_full and sql.lstrip().upper().startswith("UPDATE"):
            raise sqlite3.OperationalError("database or disk is full")
        return real_execute(sql) if parameters is None else real_execute(sql, parameters)

    monkeypatch.setattr(db, "execute", execute)
    table = window.notes_panel.follow_up.table
    table.setCurrentIndex(table.model().index(0, 0))
    QTest.keyClick(table, Qt.Key.Key_F2)
    [editor] = [field for field in table.viewport().findChildren(QLineEdit) if field.isVisible()]
    editor.setText(FIXED)  # and no Enter: the computer logs off
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    save_and_quit(app)
    kept = [path.read_text(encoding="utf-8") for path in kept_files(window.context.db_path.parent)]
    if disk_full:
        assert actions.get_action(db, action_id).text == TYPO
        assert [text.split("\n\n", 1)[1] for text in kept] == [FIXED]
    else:
        assert actions.get_action(db, action_id).text == FIXED
        assert kept == []
