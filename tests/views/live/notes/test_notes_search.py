"""Search notes (Ctrl+F): a match too long for its column ends in "…", never cut through a letter."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from copdesk.core.input_limits import MAX_OUTCOME_CHARACTERS
from copdesk.core.model import IssueStatus, NoteKind, Role, SessionKind, TextSource
from copdesk.services.corrections import CHANGED_SINCE
from copdesk.services.follow_ups import reword_action
from copdesk.shutdown import save_and_quit
from copdesk.store import actions, issues, notes, sessions, teams
from copdesk.store.search import NoteHit, search_notes, search_notes_beside
from copdesk.views.live.notes import notes_search
from copdesk.views.live.notes.correct_words import DISCARD_QUESTION, CorrectWordsDialog
from copdesk.views.live.notes.notes_search import MATCH_COLUMN, MOST_MARKED, NotesSearchDialog, elide_runs
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets import background
from tests.views.live_helpers import add_team, held_session

NOW = datetime(2026, 10, 8, 9, 30, tzinfo=UTC)
LONG_RUN = "m" * 400  # no space to break at: ink runs to the very edge of the cell unless it is elided


def _width(runs: list[tuple[str, bool]], font: QFont) -> float:
    marked = QFont(font)
    marked.setWeight(QFont.Weight.DemiBold)
    return sum((QFontMetricsF(marked) if hit else QFontMetricsF(font)).horizontalAdvance(text) for text, hit in runs)


def test_runs_that_fit_are_left_as_they_are(qtbot: QtBot) -> None:
    runs = [("Check early what ", False), ("the", True), (" person wants", False)]
    assert elide_runs(runs, 2000, QFont()) == runs


def test_runs_too_wide_end_in_an_ellipsis_within_the_width_and_keep_their_marks(qtbot: QtBot) -> None:
    font = QFont()
    runs = [("Discussion of ", False), ("risk", True), (" and " + "least restrictive options " * 10, False)]
    elided = elide_runs(runs, 240, font)
    assert elided[-1] == ("…", False)
    assert elided[:2] == runs[:2]  # the match itself is kept, marked
    assert "".join(text for text, _ in elided[2:-1]) == runs[2][0][: len("".join(t for t, _ in elided[2:-1]))]
    assert _width(elided, font) <= 240
    assert _width(elide_runs(runs, 40, font), font) <= 40  # cut inside the marked word too


def test_the_match_column_is_elided_rather_than_clipped(qtbot: QtBot, window: MainWindow) -> None:
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    notes.add_note(db, session.id, NoteKind.LEARNING, f"Carers {LONG_RUN}", NOW)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    _find(qtbot, dialog, "carers")
    assert dialog.model.rowCount() == 1
    dialog.table.clearSelection()  # the cell's own background, not the selection's
    qtbot.wait(1)
    cell = dialog.table.visualRect(dialog.model.index(0, MATCH_COLUMN))
    image = dialog.table.viewport().grab().toImage()
    background = image.pixelColor(cell.left() + 1, cell.top() + 1)

    def inked(x: int) -> bool:
        return any(_differs(image.pixelColor(x, y), background) for y in range(cell.top() + 2, cell.bottom() - 1))

    assert any(inked(x) for x in range(cell.left(), cell.left() + 40)), "the match is drawn"
    assert not any(inked(x) for x in range(cell.right() - 3, cell.right())), "the text runs into the cell's edge"


def test_a_pasted_document_shows_whole_below_with_its_first_matches_marked(qtbot: QtBot, window: MainWindow) -> None:
    """Each mark slows the preview: 200,000 of them (a 1 MB paste of one word repeated) took it five seconds."""
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    notes.add_note(db, session.id, NoteKind.NOTE, "visit yes " * 20_000, NOW)
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    _find(qtbot, dialog, "visit")
    assert dialog.model.rowCount() == 1
    shown = dialog.preview.toHtml()
    assert shown.count("visit") == 20_000 and shown.count("background-color:#ffe08a") == MOST_MARKED


def _differs(colour: QColor, background: QColor) -> bool:
    return abs(colour.lightness() - background.lightness()) > 60


def _ended_session_naming(window: MainWindow) -> tuple[int, int]:
    """A team with an ended session whose notes and open action name "Mrs Okafor"; the action's and note's ids."""
    db = window.context.db
    team = add_team(window)
    then = window.context.now() - timedelta(days=14)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, then, planned_start=then)
    sessions.start_session(db, session.id, then, ground_rules_agreed=True)
    note = notes.save_session_text(db, session.id, "Mrs Okafor's discharge went well.\nNext: the OT.", then)
    action = actions.add_action(db, team.id, "Ring Mrs Okafor's carer", then, origin_session_id=session.id)
    sessions.end_session(db, session.id, then + timedelta(hours=1))
    window.review_panel.refresh()
    return action.id, note.id


def _dialog(window: MainWindow) -> NotesSearchDialog:
    """The dialog as the notes pane makes it: on the team chosen at the top, beside the share-safe view's action."""
    return NotesSearchDialog(window.context, window.current_team_id, window.session_flow.actions.share_view, window)


def _find(qtbot: QtBot, dialog: NotesSearchDialog, words: str) -> None:
    """Search for ``words`` and wait for the matches (the search runs in a worker thread)."""
    dialog.query_edit.setText(words)
    with qtbot.waitSignal(dialog._searching.done):
        dialog.run_search()


def _search(window: MainWindow, qtbot: QtBot, words: str, where: str) -> NotesSearchDialog:
    """Ctrl+F's dialog on ``words``, with the match of kind ``where`` selected."""
    window.notes_panel.open_search()
    dialog = window.notes_panel._search
    assert dialog is not None
    _find(qtbot, dialog, words)
    [row] = [row for row, hit in enumerate(dialog.model.rows()) if hit.where == where]
    dialog.table.selectRow(row)
    return dialog


def test_a_long_issue_title_never_pushes_the_match_out_of_sight(qtbot: QtBot, window: MainWindow) -> None:
    db = window.context.db
    team = teams.create_team(db, "Riverside Hospital Discharge and Community Reablement Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    title = "Delays getting occupational therapy assessments before discharge, again, from every ward " * 2
    issues.add_issue(db, team.id, title.strip(), session.id, NOW, text="Occupational therapy waits came up again")
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()
    _find(qtbot, dialog, "occupational")
    assert dialog.model.rowCount() >= 1
    table = dialog.table
    match = table.visualRect(dialog.model.index(0, MATCH_COLUMN))
    assert match.width() >= table.viewport().width() // 3 and match.right() <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()


def test_a_match_is_corrected_where_it_is_found_and_the_prepare_view_shows_it(window: MainWindow, qtbot: QtBot) -> None:
    action_id, _ = _ended_session_naming(window)
    section = window.review_panel.review_sections.actions
    assert section.model.row_at(0).text == "Ring Mrs Okafor's carer"
    search = _search(window, qtbot, "Okafor", "Action")
    QTest.keyClick(search.table, Qt.Key.Key_Return)  # Enter on the match
    QTest.keyClick(search.table, Qt.Key.Key_Return)  # and again, quickly: still one correction
    dialog = search.correcting
    assert dialog is not None and len(search.findChildren(CorrectWordsDialog)) == 1
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.isModal() and dialog.words_edit.toPlainText() == "Ring Mrs Okafor's carer"  # the Enter saved nothing
    assert dialog.identifier_warning.label.text() == "“Mrs Okafor's” looks like a person's name."  # at once
    dialog.words_edit.setPlainText("Ring the carer")
    with qtbot.waitSignal(search._searching.done):  # saved, then searched again
        QTest.keyClick(dialog.words_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    assert actions.get_action(window.context.db, action_id).text == "Ring the carer"
    assert [hit.where for hit in search.model.rows()] == ["Notes"]  # searched again: the action no longer matches
    assert search.message.text() == "Corrected: Action. It no longer matches the search."
    assert section.model.row_at(0).text == "Ring the carer"  # the Prepare view behind shows it at once
    assert search.correcting is None  # the next Enter opens a new correction
    search.close()


def test_search_opens_again_empty_never_on_the_last_search(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+F may be pressed mid-session with the screen shared: what was searched before (a name) is not shown."""
    _ended_session_naming(window)
    search = _search(window, qtbot, "Okafor", "Action")
    assert search.preview.toPlainText()
    search.close()
    window.notes_panel.open_search()
    assert search.isVisible() and search.query_edit.text() == ""
    assert search.model.rowCount() == 0 and search.preview.toPlainText() == ""
    search.close()


def test_with_nothing_found_every_heading_is_whole(window: MainWindow, qtbot: QtBot) -> None:
    """The Team and Where columns were sized to matches there were none of: their headings read "ear" and "her"."""
    add_team(window)
    window.notes_panel.open_search()
    search = window.notes_panel._search
    assert search is not None and search.model.rowCount() == 0
    search.query_edit.setText("zebra")
    for scope in (search.this_team, search.all_teams):  # the Team column shows only when every team is searched
        scope.click()
        qtbot.waitUntil(lambda: search.summary.text().startswith("No matches"))
        header = search.table.horizontalHeader()
        for column in range(search.model.columnCount()):
            if not search.table.isColumnHidden(column):
                assert header.sectionSize(column) >= header.sectionSizeHint(column), search.model.headerData(
                    column, Qt.Orientation.Horizontal
                )
    assert not search.table.isColumnHidden(1)
    search.close()


def test_a_resolution_is_found_and_corrected_and_the_issue_stays_resolved(window: MainWindow, qtbot: QtBot) -> None:
    """What the erasure report counts in issues includes how they were resolved: search finds it to correct."""
    db = window.context.db
    with held_session(window) as (team, session, then):
        issue = issues.add_issue(db, team.id, "Lifts out of order", session.id, then, "")
    issues.resolve_issue(db, issue.id, "Mrs Okafor's son rang facilities.\nFixed in a week.", then)
    search = _search(window, qtbot, "Okafor", "Resolution: Lifts out of order")
    search.correct_button.click()
    dialog = search.correcting
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.words_edit.max_characters == MAX_OUTCOME_CHARACTERS
    assert dialog.identifier_warning.label.text() == "“Mrs Okafor's” looks like a person's name."
    corrected = "A relative rang facilities.\nFixed in a week."
    dialog.words_edit.setPlainText(corrected)
    with qtbot.waitSignal(search._searching.done):
        dialog.save_button.click()
    resolved = issues.get_issue(db, issue.id)
    assert (resolved.status, resolved.resolution) == (IssueStatus.RESOLVED, corrected)
    assert search.message.text() == "Corrected: Resolution: Lifts out of order. It no longer matches the search."
    search.close()
    long_one = ("Facilities rang. " * 300).strip()  # kept before resolutions had a limit: may stay as long
    db.execute("UPDATE issue SET resolution = ? WHERE id = ?", [long_one, issue.id])
    [hit] = [hit for hit in search_notes(db, "facilities") if hit.source is TextSource.RESOLUTION]
    assert CorrectWordsDialog(window.context, hit, window).words_edit.max_characters == len(long_one)


def test_words_changed_elsewhere_since_the_search_are_refused_and_the_correction_kept(
    window: MainWindow, qtbot: QtBot
) -> None:
    action_id, _ = _ended_session_naming(window)
    search = _search(window, qtbot, "Okafor", "Action")
    search.correct_button.click()
    dialog = search.correcting
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    reword_action(window.context.db, action_id, "Ring the carer")  # as the Prepare view's list does meanwhile
    dialog.words_edit.setPlainText("Ring Mrs Okafor's carer today")
    dialog.save_button.click()
    assert dialog.message.text() == CHANGED_SINCE and dialog.isVisible()
    assert dialog.words_edit.toPlainText() == "Ring Mrs Okafor's carer today"
    assert actions.get_action(window.context.db, action_id).text == "Ring the carer"
    dialog.words_edit.setPlainText(dialog.hit.text)
    dialog.reject()
    search.close()


def test_a_correction_refused_keeps_the_dialog_and_the_words_and_cancel_asks_before_leaving_them(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, note_id = _ended_session_naming(window)
    search = _search(window, qtbot, "Okafor", "Action")
    dialog = CorrectWordsDialog(window.context, search.model.row_at(search.table.currentIndex().row()), search)
    dialog.words_edit.setPlainText("   ")
    dialog.save_button.click()
    assert dialog.message.text() == "The action needs its words; nothing was changed."
    assert dialog.words_edit.toPlainText() == "   " and dialog.saved is None
    asked: list[str] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]

    def question(box: QMessageBox) -> int:
        asked.append(box.text())
        return int(answers.pop(0))

    monkeypatch.setattr(QMessageBox, "exec", question)
    dialog.show()
    QTest.keyClick(dialog.words_edit, Qt.Key.Key_Escape)
    assert asked == [DISCARD_QUESTION] and dialog.isVisible()  # Cancel: still correcting
    dialog.reject()
    assert not dialog.isVisible() and len(asked) == 2
    assert notes.get_note(window.context.db, note_id).text.startswith("Mrs Okafor")
    search.close()


# -- the search runs beside the window ------------------------------------------------------------------------------
class FakeSearch:
    """Stands in for the search in the worker thread: says where it ran, and holds the first search until a newer one
    supersedes it, as a long search on ten years of notes would still be running when the next word is typed."""

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.begun = threading.Event()
        self.given_up: list[str] = []
        self.later = threading.Event()  # set, every later search waits for the test to let it go on
        self.go_on = threading.Event()

    def __call__(
        self, _db_path: Path, typed: str, superseded: Callable[[], bool], *, team_id: int | None
    ) -> list[NoteHit]:
        self.threads.append(threading.current_thread().name)
        if len(self.threads) == 1:
            self.begun.set()
            while not superseded():
                threading.Event().wait(0.001)
            self.given_up.append(typed)
        elif self.later.is_set():
            self.go_on.wait(5)
        return [_hit(typed)]


def _hit(words: str) -> NoteHit:
    return NoteHit(TextSource.NOTE, 1, 1, NOW.date(), "Harbour Team", "Notes", words, f"Notes about {words}")


@pytest.fixture
def fake_search(monkeypatch: pytest.MonkeyPatch) -> FakeSearch:
    fake = FakeSearch()
    monkeypatch.setattr(notes_search, "search_notes_beside", fake)
    return fake


def _worker_alive() -> bool:
    return any(thread.name == "copdesk-note-search" for thread in threading.enumerate())


def test_typing_never_waits_for_the_search_and_the_dialog_says_it_is_searching(
    window: MainWindow, qtbot: QtBot, fake_search: FakeSearch
) -> None:
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    dialog.query_edit.setText("wait for me")
    dialog.run_search()
    assert fake_search.begun.wait(5)  # under way in its thread, and run_search has returned
    assert dialog.summary.text() == "Searching…" and dialog.model.rowCount() == 0
    QTest.keyClicks(dialog.query_edit, " please")  # typing goes on meanwhile
    with qtbot.waitSignal(dialog._searching.done):
        dialog.run_search()
    assert fake_search.threads == ["copdesk-note-search"] * 2
    assert [hit.snippet for hit in dialog.model.rows()] == ["wait for me please"]
    assert dialog.summary.text() == "1 match in every team's notes, best first."  # no team chosen yet


def test_a_newer_search_supersedes_an_older_one_whose_matches_are_never_shown(
    window: MainWindow, qtbot: QtBot, fake_search: FakeSearch
) -> None:
    dialog = _dialog(window)
    qtbot.addWidget(dialog)
    shown: list[object] = []
    dialog._searching.done.connect(shown.append)
    fake_search.later.set()
    dialog.query_edit.setText("wait")
    dialog.run_search()
    assert fake_search.begun.wait(5)
    for words in ("waiting", "okafor"):  # the first never begins: the second supersedes it before the worker is free
        dialog.query_edit.setText(words)
        dialog.run_search()
    qtbot.waitUntil(lambda: len(fake_search.threads) == 2)  # the first gave up and came back; the newest is under way
    QCoreApplication.processEvents()  # the first search's matches arrive here first, and are dropped
    assert shown == [] and dialog.summary.text() == "Searching…"
    fake_search.go_on.set()
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.waitUntil(lambda: not _worker_alive())
    assert fake_search.given_up == ["wait"]
    assert shown == [("okafor", [_hit("okafor")])]
    assert [hit.snippet for hit in dialog.model.rows()] == ["okafor"]


@pytest.mark.parametrize("closing", ["the dialog", "the window", "a log-off"])
def test_closing_mid_search_stops_it_and_leaves_no_thread(
    window: MainWindow, qtbot: QtBot, fake_search: FakeSearch, monkeypatch: pytest.MonkeyPatch, closing: str
) -> None:
    """A log-off (or SIGTERM) hides every dialog before it closes the window, so the dialog never closes itself."""
    window.notes_panel.open_search()
    dialog = window.notes_panel._search
    assert dialog is not None
    dialog.query_edit.setText("wait for the name")
    dialog.run_search()
    assert fake_search.begun.wait(5)
    if closing == "a log-off":
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
        save_and_quit(cast(QApplication, QApplication.instance()))
    else:
        (dialog if closing == "the dialog" else window).close()
    assert not window.isVisible() or closing == "the dialog"
    assert fake_search.given_up == ["wait for the name"] and not _worker_alive()  # ended before close returned
    qtbot.wait(10)  # what the worker had queued, had it delivered anything
    assert dialog.model.rowCount() == 0 and dialog.query_edit.text() == ""


def test_a_search_beside_the_window_sees_what_was_just_saved_and_stops_when_superseded(window: MainWindow) -> None:
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, planned_start=NOW)
    for number in range(300):
        notes.add_note(db, session.id, NoteKind.LEARNING, f"Reablement point {number}", NOW)
    notes.add_note(db, session.id, NoteKind.NOTE, "Reablement went well", NOW)
    found = search_notes_beside(window.context.db_path, "reablement well", lambda: False, team_id=team.id)
    assert [hit.text for hit in found] == ["Reablement went well"]
    assert len(search_notes_beside(window.context.db_path, "reablement", lambda: False, team_id=team.id)) == 100
    assert (
        search_notes_beside(window.context.db_path, "reablement", lambda: True, team_id=team.id) == []
    )  # given up at once


@pytest.mark.parametrize("closing", ["the dialog", "the window", "a log-off"])
def test_closing_never_waits_for_a_search_held_by_a_slow_disk_and_its_matches_never_arrive(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, closing: str
) -> None:
    """Closing waited on the window's thread for the search under way to end: one held by a slow disk (or a share
    that stopped answering), which never looks whether it is still wanted, hung the close until the disk answered.
    Now the close lets it go, it ends on its own, and what it finds reaches no one; the dialog opened again searches
    at once, in a worker of its own."""
    began, released = threading.Event(), threading.Event()
    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    monkeypatch.setattr(background, "A_MOMENT_SECONDS", 0.01)

    def held(_db_path: Path, typed: str, _superseded: Callable[[], bool], *, team_id: int | None) -> list[NoteHit]:
        if typed == "held":
            began.set()
            assert released.wait(5), "the disk never answered"
        return [_hit(typed)]

    monkeypatch.setattr(notes_search, "search_notes_beside", held)
    window.notes_panel.open_search()
    dialog = window.notes_panel._search
    assert dialog is not None
    shown: list[object] = []
    dialog._searching.done.connect(shown.append)
    dialog.query_edit.setText("held")
    dialog.run_search()
    assert began.wait(5)
    if closing == "a log-off":
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
        save_and_quit(cast(QApplication, QApplication.instance()))
    else:
        (dialog if closing == "the dialog" else window).close()
    under_way = [thread for thread in threading.enumerate() if thread.name == "copdesk-note-search"]
    assert under_way, "the close waited for the search to end"
    (holding,) = under_way
    if closing == "the dialog":  # opened again while the disk still holds the search let go
        window.notes_panel.open_search()
        _find(qtbot, dialog, "okafor")
        assert [hit.snippet for hit in dialog.model.rows()] == ["okafor"]
        dialog.close()
    released.set()
    holding.join(5)
    QCoreApplication.processEvents()
    assert not holding.is_alive() and raised == []
    assert ("held", [_hit("held")]) not in shown and dialog.query_edit.text() == ""
    assert dialog.model.rowCount() == 0
