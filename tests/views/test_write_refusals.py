"""Every write the facilitator makes in the real window, refused by a full disk (or a read-only database):
nothing typed or clicked is lost, the window's banner strip says so in one line with Retry, what is shown
never runs ahead of what is stored, and Retry saves it once there is room."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.model import MarkerKind, NoteKind, ParkedDestination, SessionKind, SessionStatus
from copdesk.core.question_bank import QuestionKind
from copdesk.services import notes as notes_service
from copdesk.store import actions, issues, notes, participation, sessions
from copdesk.store.carry_over import actions_agreed_in, follow_up_actions
from copdesk.store.kept_notes import kept_files
from copdesk.store.location import shown
from copdesk.store.recurring import unresolved_issues
from copdesk.views.live.notes import kept_file, typed_items
from copdesk.views.live.notes.action_editor import ChangeActionDialog
from copdesk.views.live.notes.escalation_dialog import NewEscalationDialog
from copdesk.views.live.notes.notes_panel import NotesPanel
from copdesk.views.shell.close_question import UnsavedQuestion
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.banner import Banner
from tests.conftest import FakeClock
from tests.held_open import ScannerHolding
from tests.views.conftest import clocked_window  # noqa: F401  (the real window, on the fake clocks)
from tests.views.live_helpers import add_team, answer_leaving, start_session
from tests.views.participation_helpers import click_tile

FULL = "database or disk is full"
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class Disk:
    """A full disk under the real store: every write statement fails as SQLite reports it, until freed.

    The error carries no SQLite code, as a wrapper's would: the views must recognise it by its wording.
    """

    def __init__(self, db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = False
        self.refused = 0
        original = db.execute

        def execute(sql: str, parameters: Any = None) -> Any:
            if self.full and sql.lstrip().upper().startswith(_WRITES):
                self.refused += 1
                raise sqlite3.OperationalError(FULL)
            return original(sql) if parameters is None else original(sql, parameters)

        monkeypatch.setattr(db, "execute", execute)

    def fill(self) -> None:
        self.full = True

    def free(self) -> None:
        self.full = False


@pytest.fixture
def window(clocked_window: MainWindow) -> MainWindow:  # noqa: F811
    """The real window, reading the fake wall clock too: ending is checked against the moment End was chosen."""
    return clocked_window


@pytest.fixture
def disk(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Disk:
    return Disk(window.context.db, monkeypatch)


@pytest.fixture
def live(window: MainWindow) -> Iterator[int]:
    """A live session, started through the real dialog, after an earlier one that agreed an action."""
    db, now = window.context.db, window.context.now()
    team = add_team(window)
    earlier = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, now - timedelta(days=14))
    sessions.start_session(db, earlier.id, now - timedelta(days=14), ground_rules_agreed=True)
    actions.add_action(
        db, team.id, "Share the carers' checklist", now - timedelta(days=14), origin_session_id=earlier.id
    )
    sessions.end_session(db, earlier.id, now - timedelta(days=14) + timedelta(hours=1))
    yield start_session(window).id


def _banner(window: MainWindow) -> Banner:
    return window.safeguards.write_banner


def _says_full(window: MainWindow) -> None:
    banner = _banner(window)
    assert banner.isVisible() and "disk is full" in banner.label.text(), banner.label.text()
    assert "\n" not in banner.label.text()
    assert [b.text().replace("&", "") for b in banner.buttons()] == ["Retry"]


def _retry(window: MainWindow) -> None:
    _banner(window).button("Retry").click()
    assert not _banner(window).isVisible()


def _pane(window: MainWindow) -> NotesPanel:
    return window.notes_panel


def test_an_action_is_kept_in_its_fields_and_saved_by_retry(window: MainWindow, disk: Disk, live: int) -> None:
    editor = _pane(window).action_editor
    editor.text_edit.setText("Ask the OT lead to the next session")
    editor.owner_field.set_owner("Bo Day")
    editor.due_field.setText("in 2 weeks")
    disk.fill()
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    _says_full(window)
    assert disk.refused and actions_agreed_in(window.context.db, live) == []
    assert editor.text_edit.text() == "Ask the OT lead to the next session"  # nothing cleared
    assert editor.owner_field.currentText() == "Bo Day" and editor.due_field.text() == "in 2 weeks"
    disk.free()
    _retry(window)
    [saved] = actions_agreed_in(window.context.db, live)
    assert (saved.text, saved.owner_name) == ("Ask the OT lead to the next session", "Bo Day")
    assert editor.text_edit.text() == "" and editor.model.rowCount() == 1


@pytest.mark.parametrize("kind", [NoteKind.LEARNING, NoteKind.PARKED])
def test_learning_points_and_parked_items_are_kept_and_retried(
    window: MainWindow,
    disk: Disk,
    live: int,
    kind: NoteKind,
) -> None:
    editor = _pane(window).learning if kind is NoteKind.LEARNING else _pane(window).parked
    editor.text_edit.setText("Check early what the person wants")
    if kind is NoteKind.PARKED:
        editor.destination.setCurrentIndex(editor.destination.findData(ParkedDestination.SUPERVISION.value))
    disk.fill()
    QTest.keyClick(editor.text_edit, Qt.Key.Key_Return)
    _says_full(window)
    assert notes.notes(window.context.db, live, kind) == []
    assert editor.text_edit.text() == "Check early what the person wants"
    disk.free()
    _retry(window)
    assert [n.text for n in notes.notes(window.context.db, live, kind)] == ["Check early what the person wants"]
    assert editor.text_edit.text() == "" and editor.model.rowCount() == 1


def test_a_new_issue_is_kept_and_retried(window: MainWindow, disk: Disk, live: int) -> None:
    linker = _pane(window).issue_linker
    team_id = window.current_team_id()
    assert team_id is not None
    linker.title_edit.setText("No parking at the hospital")
    disk.fill()
    linker.new_button.click()
    _says_full(window)
    assert unresolved_issues(window.context.db, team_id) == []
    assert linker.title_edit.text() == "No parking at the hospital"
    disk.free()
    _retry(window)
    assert [i.title for i in unresolved_issues(window.context.db, team_id)] == ["No parking at the hospital"]
    assert linker.title_edit.text() == ""


def test_an_escalation_stays_in_its_dialog_until_saved(window: MainWindow, disk: Disk, live: int) -> None:
    db, team_id = window.context.db, window.current_team_id()
    assert team_id is not None
    issue = issues.add_issue(db, team_id, "Interpreters at short notice", live, window.context.now())
    dialog = NewEscalationDialog(window.context, team_id, unresolved_issues(db, team_id), session_id=live)
    disk.fill()
    dialog.accept()
    assert dialog.result() != NewEscalationDialog.DialogCode.Accepted and dialog.escalation is None
    assert "disk is full" in dialog.message.text() and _banner(window).isVisible()
    assert issues.escalations_for_issue(db, issue.id) == []
    disk.free()
    dialog.accept()  # OK again: everything chosen is still there
    assert dialog.result() == NewEscalationDialog.DialogCode.Accepted and dialog.escalation is not None
    assert len(issues.escalations_for_issue(db, issue.id)) == 1 and not _banner(window).isVisible()


def test_follow_up_reviews_wait_for_retry(
    window: MainWindow,
    disk: Disk,
    live: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    box = _pane(window).follow_up
    db = window.context.db
    box.table.selectRow(0)
    [follow_up] = follow_up_actions(db, live)

    def answer(dialog: ChangeActionDialog) -> int:
        dialog.due_field.setText("in 3 weeks")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ChangeActionDialog, "exec", answer)
    disk.fill()
    box.buttons["redate"].click()
    _says_full(window)
    box.buttons["done"].click()
    assert "2 changes are waiting" in _banner(window).label.text()
    assert actions.get_action(db, follow_up.action.id).due is None
    assert follow_up_actions(db, live)[0].settled_by is None and box.buttons["done"].isEnabled()  # nothing moved
    disk.free()
    _retry(window)
    assert actions.get_action(db, follow_up.action.id).due == window.context.now().date() + timedelta(weeks=3)
    assert follow_up_actions(db, live)[0].settled_by is not None  # done, as pressed
    assert box.buttons["undo"].isEnabled()


def test_a_refused_tick_is_not_counted_and_undo_keeps_to_what_is_stored(
    window: MainWindow,
    disk: Disk,
    live: int,
    fake_clock: FakeClock,
) -> None:
    panel = window.participation_panel
    tally = panel.tally
    db = window.context.db
    first = click_tile(window, 0)  # saved
    fake_clock.advance(30)
    disk.fill()
    second = click_tile(window, 1)
    _says_full(window)
    assert [c.member_id for c in tally.tally.contributions] == [first]  # the refused tick is not shown
    assert [r.member_id for r in participation.contributions(db, live)] == [first]
    panel.undo_last()  # refused too: the saved tick stays, on screen and in the store
    assert [c.member_id for c in tally.tally.contributions] == [first]
    assert [r.member_id for r in participation.contributions(db, live)] == [first]
    disk.free()
    fake_clock.advance(60)
    _retry(window)  # the refused tick, at the moment it was made
    stored = participation.contributions(db, live)
    assert [r.member_id for r in stored] == [first, second]
    assert [c.member_id for c in tally.tally.contributions] == [first, second]
    assert tally.tally.contributions[1].at == pytest.approx(fake_clock() - 60)
    panel.undo_last()  # takes back exactly the tick shown last
    assert [r.member_id for r in participation.contributions(db, live)] == [first]
    assert [c.member_id for c in tally.tally.contributions] == [first]


def test_a_refused_marker_is_not_counted_until_retry(window: MainWindow, disk: Disk, live: int) -> None:
    panel = window.participation_panel
    disk.fill()
    panel.marker_bar.buttons[MarkerKind.TENSION].click()
    _says_full(window)
    assert panel.tally.marker_count(MarkerKind.TENSION) == 0 and participation.markers(window.context.db, live) == []
    assert not window.question_panel.remedies_shown
    disk.free()
    _retry(window)
    assert panel.tally.marker_count(MarkerKind.TENSION) == 1
    assert [m.kind for m in participation.markers(window.context.db, live)] == [MarkerKind.TENSION]


def test_mark_as_asked_waits_for_retry(window: MainWindow, disk: Disk, live: int) -> None:
    from copdesk.store import questions

    panel = window.question_panel
    window.live_session.enter_segment(4, "reflection")  # the opening offers tips only, and tips are not logged
    panel.next_question()
    assert panel.current is not None and panel.current.kind is QuestionKind.QUESTION
    disk.fill()
    panel.asked_button.click()
    _says_full(window)
    assert not panel.asked_button.isChecked() and questions.asked_in_session(window.context.db, live) == []
    disk.free()
    _retry(window)
    assert panel.asked_button.isChecked() and len(questions.asked_in_session(window.context.db, live)) == 1


def test_ending_is_saved_or_the_session_stays_live(
    window: MainWindow,
    disk: Disk,
    live: int,
    fake_clock: FakeClock,
) -> None:
    db, flow = window.context.db, window.session_flow
    fake_clock.advance(600)
    chosen_at = window.context.now()
    disk.fill()
    assert flow.end_now() is None
    assert window.live_session.is_live and sessions.get_session(db, live).status is SessionStatus.LIVE
    assert "still live" in _banner(window).label.text() and "disk is full" in _banner(window).label.text()
    assert flow.header_button.text() == "End session…"  # the window says the session goes on
    assert window.notes_panel.content.isVisible()  # its notes are still open to type in
    disk.free()
    fake_clock.advance(120)
    _retry(window)
    ended = sessions.get_session(db, live)
    assert ended.status is SessionStatus.ENDED and not window.live_session.is_live
    assert ended.ended_at is not None and abs(_utc(ended.ended_at) - chosen_at) < timedelta(seconds=1)
    assert flow.summary_dialog is not None and flow.summary_dialog.isVisible()


def test_ending_again_once_the_disk_has_room_ends_once_at_the_end_chosen_first(
    window: MainWindow, disk: Disk, live: int, fake_clock: FakeClock
) -> None:
    """End refused, then End chosen again (not Retry) once there is room: the end kept for Retry is saved first, and
    this End finds the session ended, with its summary open, rather than failing on a timer no longer live."""
    db, flow = window.context.db, window.session_flow
    fake_clock.advance(600)
    chosen_at = window.context.now()
    disk.fill()
    assert flow.end_now() is None
    disk.free()
    fake_clock.advance(120)
    summary = flow.end_now()
    ended = sessions.get_session(db, live)
    assert ended.status is SessionStatus.ENDED and not window.live_session.is_live
    assert ended.ended_at is not None and abs(_utc(ended.ended_at) - chosen_at) < timedelta(seconds=1)
    assert summary is not None and summary is flow.summary_dialog and summary.isVisible()
    assert not _banner(window).isVisible()


def test_ending_waits_for_the_notes_to_be_saved(window: MainWindow, disk: Disk, live: int) -> None:
    db, pane = window.context.db, _pane(window)
    pane.editor.setPlainText("Typed just before the end")
    disk.fill()
    assert window.session_flow.end_now() is None
    assert window.live_session.is_live and sessions.get_session(db, live).status is SessionStatus.LIVE
    assert pane.editor.toPlainText() == "Typed just before the end" and pane.banner.isVisible()
    assert "not ended" in _banner(window).label.text()
    disk.free()
    _retry(window)
    assert sessions.get_session(db, live).status is SessionStatus.ENDED
    stored = notes.session_text(db, live)
    assert stored is not None and stored.text == "Typed just before the end"


def _asked_on_closing(window: MainWindow) -> UnsavedQuestion:
    """Close the window; something did not save, so it asks first and stays open."""
    window.close()
    question = window.closing.unsaved_question
    assert question is not None and question.isVisible() and window.isVisible()
    return question


def _closed_with_notes_unsaved(window: MainWindow, disk: Disk, typed: str) -> UnsavedQuestion:
    """Notes saved as "Saved earlier", ``typed`` after the disk filled, then the window closed."""
    pane = _pane(window)
    pane.editor.setPlainText("Saved earlier")
    assert pane.flush()
    pane.editor.setPlainText(typed)
    disk.fill()
    return _asked_on_closing(window)


def test_closing_with_notes_that_did_not_save_keeps_the_window_unless_told_to_lose_them(
    window: MainWindow, disk: Disk, live: int
) -> None:
    db, pane = window.context.db, _pane(window)
    question = _closed_with_notes_unsaved(window, disk, "Saved earlier, and typed while the disk was full")
    assert window.session_flow.close_question is None, "the session's question waits for this one"
    assert question.defaultButton() is question.keep_button and question.escapeButton() is question.keep_button
    window.close()  # a second Ctrl+Q raises the same question rather than stacking another
    assert window.closing.unsaved_question is question
    QTest.keyClick(question, Qt.Key.Key_Escape)
    assert window.isVisible() and pane.editor.toPlainText() == "Saved earlier, and typed while the disk was full"
    disk.free()
    window.close()  # saved now: only the live session's question is left
    assert window.closing.unsaved_question is question and not question.isVisible()
    stored = notes.session_text(db, live)
    assert stored is not None and stored.text == "Saved earlier, and typed while the disk was full"
    assert window.session_flow.close_question is not None and window.session_flow.close_question.isVisible()


def test_closing_with_an_action_waiting_for_retry_asks_too(window: MainWindow, disk: Disk, live: int) -> None:
    """Not only the notes: an action refused by a full disk, kept in its fields for Retry, is not dropped unasked."""
    editor = _pane(window).action_editor
    editor.text_edit.setText("Ask the OT lead to the next session")
    disk.fill()
    QTest.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    _says_full(window)
    question = _asked_on_closing(window)
    assert question.close_button.text().replace("&", "") == "Close and lose it", "no notes to keep: this is lost"
    assert _kept(window) == []
    question.keep_button.click()
    disk.free()
    _retry(window)
    window.close()  # saved now: only the live session's question
    assert window.closing.unsaved_question is question and not question.isVisible()
    assert window.session_flow.close_question is not None and window.session_flow.close_question.isVisible()


def test_closing_and_losing_unsaved_notes_is_the_facilitators_choice_and_only_for_that_close(
    window: MainWindow, disk: Disk, live: int
) -> None:
    db = window.context.db
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
    question.close_button.click()
    session_question = window.session_flow.close_question
    assert session_question is not None and session_question.isVisible() and window.isVisible()
    session_question.cancel_button.click()
    window.close()  # cancelled: the next close asks about the notes again
    asked_again = window.closing.unsaved_question
    assert asked_again is not None and asked_again is not question and asked_again.isVisible()
    asked_again.close_button.click()
    session_question = window.session_flow.close_question
    assert session_question is not None
    session_question.keep_button.click()
    assert not window.isVisible() and window.live_session.is_live
    stored = notes.session_text(db, live)
    assert stored is not None and stored.text == "Saved earlier"


def _kept(window: MainWindow) -> list[Path]:
    return kept_files(window.context.db_path.parent)


def _no_room(*_args: object, **_kwargs: object) -> Path:
    """Keeping the notes in a file, on a disk with no room for that either."""
    raise OSError(errno.ENOSPC, "No space left on device")


def _kept_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_closing_anyway_keeps_the_notes_that_did_not_save_in_a_file_and_says_where(
    window: MainWindow, disk: Disk, live: int
) -> None:
    db, pane = window.context.db, _pane(window)
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full: Łukasz's idea 🙂")
    (kept,) = _kept(window)
    assert shown(kept) in question.informativeText() and "next start points to them" in question.informativeText()
    assert question.close_button.text().replace("&", "") == "Close, notes kept in the file"
    assert question.defaultButton() is question.keep_button, "keeping the window open is still the default"
    pane.editor.appendPlainText("And a last line typed after the question.")
    question.close_button.click()
    session_question = window.session_flow.close_question
    assert session_question is not None
    session_question.keep_button.click()
    assert not window.isVisible() and window.live_session.is_live
    assert _kept(window) == [kept], "one close, one file"
    text = _kept_text(kept)
    assert text.endswith("Typed while the disk was full: Łukasz's idea 🙂\nAnd a last line typed after the question.")
    heading = text.splitlines()[0]
    assert "could not save them" in heading and "The session stays live there: resume it" in heading
    stored = notes.session_text(db, live)
    assert stored is not None and stored.text == "Saved earlier"


def test_a_sigterm_with_notes_that_cannot_save_keeps_them_in_a_file(window: MainWindow, disk: Disk, live: int) -> None:
    """Nobody is there to answer (a log-off, a shutdown): the window closes at once, and the text is kept."""
    pane = _pane(window)
    pane.editor.setPlainText("Typed just before the log-off")
    disk.fill()
    assert window.close_without_asking()  # what copdesk.shutdown does on SIGTERM and on a log-off
    assert window.closing.unsaved_question is None and window.live_session.is_live
    (kept,) = _kept(window)
    assert _kept_text(kept).endswith("Typed just before the log-off")


def test_closing_anyway_writes_the_notes_kept_at_the_question_once(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Kept in their file as the question came up, then written again, the same words, at the close: a second wait on
    a virus scanner, for nothing."""
    written: list[str] = []
    keep = notes_service.keep_unsaved_text

    def counted(*args: Any, **kwargs: Any) -> Path:
        written.append(args[2])
        return keep(*args, **kwargs)

    monkeypatch.setattr(kept_file, "keep_unsaved_text", counted)
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
    question.close_button.click()
    session_question = window.session_flow.close_question
    assert session_question is not None
    session_question.keep_button.click()

    assert not window.isVisible()
    assert written == ["Typed while the disk was full"]


def test_the_kept_file_goes_once_retry_saves_the_notes(window: MainWindow, disk: Disk, live: int) -> None:
    db, pane = window.context.db, _pane(window)
    question = _closed_with_notes_unsaved(window, disk, "Saved in the end")
    (kept,) = _kept(window)
    QTest.keyClick(question, Qt.Key.Key_Escape)  # keep the window open, and retry once there is room
    disk.free()
    pane.banner.button("Retry").click()  # the pane's own Retry, not a later flush
    assert not kept.exists() and _kept(window) == []
    assert pane.save_status.text().startswith("Saved ") and not pane.has_unsaved_text
    stored = notes.session_text(db, live)
    assert stored is not None and stored.text == "Saved in the end"


def test_the_live_session_question_after_closing_anyway_does_not_say_the_notes_are_saved(
    window: MainWindow, disk: Disk, live: int
) -> None:
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
    question.close_button.click()
    session_question = window.session_flow.close_question
    assert session_question is not None
    said = session_question.informativeText()
    assert "saved either way" not in said and "everything is saved" not in said
    assert "It can end only once its notes are saved (Retry)." in said


def test_notes_let_go_of_unsaved_are_kept_and_a_later_save_of_another_session_leaves_the_file(
    window: MainWindow, disk: Disk, live: int
) -> None:
    """Unloaded while the disk is full (another session loaded): kept in a file, which only
    a save of that same session's text may delete."""
    pane = _pane(window)
    pane.editor.setPlainText("Only here, and the disk is full")
    disk.fill()
    pane.unload()
    (kept,) = _kept(window)
    assert _kept_text(kept).endswith("Only here, and the disk is full")
    disk.free()
    pane.load_session(live)  # back, with the text the database has
    pane.editor.setPlainText("Typed after coming back")
    assert pane.flush()
    assert _kept(window) == [kept], "the file holds what the database never had: it stays for the facilitator"


def test_notes_that_cannot_be_kept_in_a_file_either_are_said_to_be_lost_before_closing(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept_file, "keep_unsaved_text", _no_room)
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
    assert "could not be kept in a file either (No space left on device)" in question.informativeText()
    assert "copy them somewhere safe" in question.informativeText()
    assert question.close_button.text().replace("&", "") == "Close and lose them"
    assert _kept(window) == []


def _utc(stamp: str) -> Any:
    from copdesk.core.clock import from_utc_iso

    return from_utc_iso(stamp)


def test_a_discard_while_the_notes_cannot_be_saved_leaves_the_live_session_and_its_text_in_the_window(
    window: MainWindow, disk: Disk, live: int
) -> None:
    """Asked, or confirmed after the disk filled: refused before anything is torn down, so the text stays in the
    editor with the banner's Retry (not in a file), and discarding works again once it is saved."""
    pane, discard = _pane(window), window.session_flow.discard
    pane.editor.setPlainText("Typed while the disk was full")
    disk.fill()
    for attempt in (discard.request, lambda: discard.discard(live)):
        attempt()
        assert discard.message_box is not None and "not discarded" in discard.message_box.windowTitle()
        assert "its text still in the window. Once Retry (beside the text) has saved it" in discard.message_box.text()
        assert window.live_session.session_id == live and pane.session_id == live
        assert pane.editor.toPlainText() == "Typed while the disk was full" and pane.has_unsaved_text
        assert _kept(window) == []
        discard.message_box.close()
    assert pane.banner.isVisible() and "disk is full" in pane.banner.label.text()
    disk.free()
    pane.banner.button("Retry").click()
    assert not pane.has_unsaved_text
    confirmation = discard.request()
    assert confirmation is discard.confirmation
    assert discard.discard(live) is not None and not window.live_session.is_live


def _kept_then_refused_again(
    window: MainWindow, disk: Disk, monkeypatch: pytest.MonkeyPatch, typed_since: str
) -> tuple[Path, UnsavedQuestion]:
    """Kept in a file at a first closing question, ``typed_since`` added, then asked again with no room left for
    the file either."""
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
    (kept,) = _kept(window)
    question.keep_button.click()
    if typed_since:
        _pane(window).editor.appendPlainText(typed_since)

    monkeypatch.setattr(kept_file, "keep_unsaved_text", _no_room)
    again = _asked_on_closing(window)
    assert again is not question
    return kept, again


def test_notes_that_cannot_be_kept_again_point_to_the_older_file_and_say_what_it_lacks(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept, again = _kept_then_refused_again(window, disk, monkeypatch, "Typed after the question")
    said = again.informativeText()
    assert f"could not be kept in a file again (No space left on device): {shown(kept)} holds them" in said
    assert "Copy what you typed since somewhere safe before you close: closing now loses it." in said
    assert again.close_button.text().replace("&", "") == "Close and lose the newest"
    assert _kept(window) == [kept] and _kept_text(kept).endswith("Typed while the disk was full")


def test_an_earlier_file_with_everything_typed_is_said_to_keep_the_notes(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing typed since the first question: no loss is threatened that would not happen."""
    kept, again = _kept_then_refused_again(window, disk, monkeypatch, "")
    assert f"the session's notes, as typed, are kept in {shown(kept)}" in again.informativeText()
    assert again.close_button.text().replace("&", "") == "Close, notes kept in the file"


def test_an_earlier_file_deleted_since_is_not_promised(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The facilitator copied the notes and deleted the file, as the warning asks: closing now would lose them."""
    question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
    (kept,) = _kept(window)
    question.keep_button.click()
    kept.unlink()

    monkeypatch.setattr(kept_file, "keep_unsaved_text", _no_room)
    said = _asked_on_closing(window).informativeText()
    assert "could not be kept in a file either (No space left on device)" in said and shown(kept) not in said


def test_an_act_that_fails_on_retry_leaves_the_acts_after_it_waiting(qtbot: object) -> None:
    """A kept act that now fails with an error of its own (the row it changes was removed meanwhile) is reported,
    and the saves kept after it are not dropped with it: the next Retry still has them."""
    from copdesk.views.write_guard import WriteGuard

    guard, done = WriteGuard(), []

    def gone() -> None:
        raise LookupError("the row was removed meanwhile")

    guard.refuse("The disk is full.", retry=lambda: done.append("first"), key="first")
    guard.refuse("The disk is full.", retry=gone, key="gone")
    guard.refuse("The disk is full.", retry=lambda: done.append("last"), key="last")
    with pytest.raises(LookupError):
        guard.retry()
    assert done == ["first"] and guard.failing
    assert guard.retry() and done == ["first", "last"]


def test_the_words_an_act_kept_for_retry_holds_wait_with_it_and_go_once_it_is_saved(qtbot: QtBot) -> None:
    """A log-off keeps them in a file (``copdesk.shutdown``): they are held nowhere else once the question closed."""
    from copdesk.store.errors import StorageFullError
    from copdesk.views.widgets.typed_words import TypedWords
    from copdesk.views.write_guard import WriteGuard

    guard = WriteGuard()
    disk_full = True

    def write() -> str:
        if disk_full:
            raise StorageFullError("The disk is full.")
        return "saved"

    def act(words: str) -> None:
        guard.run(write, retry=lambda: act(words), key="title", words=TypedWords("Edit the issue's title", words))

    act("Lifts")
    act("Lifts out of order")  # answered again: the same act, its later words
    guard.run(write, retry=lambda: None, key="tick")  # an act that holds no words
    assert guard.words_waiting() == [TypedWords("Edit the issue's title", "Lifts out of order")]
    assert not guard.retry()  # refused again: the words wait on
    assert guard.words_waiting() == [TypedWords("Edit the issue's title", "Lifts out of order")]
    disk_full = False
    assert guard.retry() and guard.words_waiting() == []


def test_a_team_kept_for_retry_is_among_the_words_a_log_off_keeps(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copdesk.core.model import Role
    from copdesk.services import teams
    from copdesk.store.errors import StorageFullError
    from copdesk.views.widgets.typed_words import TypedWords

    def full(*_args: object) -> None:
        raise StorageFullError("The disk is full.")

    monkeypatch.setattr(teams, "create_team", full)
    window.team_actions.create("Seaside Team", (("Lee Park", Role.FACILITATOR), ("Sam Cole", Role.PRACTITIONER)))
    team = f"Seaside Team\nLee Park, {Role.FACILITATOR.label}\nSam Cole, {Role.PRACTITIONER.label}"
    assert window.context.writes.words_waiting() == [TypedWords("A new team", team)]


def test_what_other_acts_hold_waits_while_one_is_replayed_and_a_log_off_stands_the_guard_down(qtbot: QtBot) -> None:
    """A replayed act may ask a question: a log-off meanwhile must still find the words the acts after it hold, and
    nothing is replayed or kept once they are in a file (``copdesk.shutdown``)."""
    from copdesk.store.errors import StorageFullError
    from copdesk.views.widgets.typed_words import TypedWords
    from copdesk.views.write_guard import WriteGuard

    guard = WriteGuard()
    seen: list[list[TypedWords]] = []
    replayed: list[str] = []

    def refused() -> None:
        raise StorageFullError("The disk is full.")

    def first() -> None:
        seen.append(guard.words_waiting())  # as a question this act asked would leave it
        guard.stand_down()  # the computer logs off under that question

    guard.run(refused, retry=first, key="first", words=TypedWords("Edit the issue's title", "Lifts"))
    guard.run(refused, retry=lambda: replayed.append("second"), key="second", words=TypedWords("A new team", "Seaside"))
    assert guard.retry()
    assert seen == [[TypedWords("A new team", "Seaside")]]  # the second's words were still there
    assert replayed == [] and guard.words_waiting() == []  # and it was not replayed after the log-off
    guard.run(refused, retry=lambda: None, key="third", words=TypedWords("A new team", "Harbour"))
    assert guard.words_waiting() == [] and not guard.failing  # nothing is kept for a Retry that will not come


def test_a_start_kept_for_retry_holds_its_topic_and_plan_words(window: MainWindow, disk: Disk) -> None:
    """The Start dialog has closed: what was typed in it is held by the Retry alone (a log-off keeps it in a file)."""
    from copdesk.views.widgets.typed_words import TypedWords

    add_team(window)
    dialog = window.session_flow.open_start_dialog()
    assert dialog is not None
    dialog.set_present({"Ash Lee"})
    dialog.topic_edit.setText("Working with interpreters")
    dialog.plan_fields.support.setText("Kai is free after the session")
    assert dialog.go_to_ground_rules()
    dialog.agreed_check.setChecked(True)
    disk.full = True
    dialog.start_button.click()
    assert not window.live_session.is_live
    words = "Topic: Working with interpreters\nSupport offered: Kai is free after the session"
    assert window.context.writes.words_waiting() == [TypedWords("Start session", words)]


def test_guests_kept_for_retry_are_kept_at_a_log_off_once_and_as_a_retry_would_add_them(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused, "Add people present" stays open and its Retry re-reads it: what a log-off keeps is the guests as they
    are then, once, whether the dialog is still open or was cancelled after the refusal."""
    from PySide6.QtWidgets import QApplication

    from copdesk.shutdown import save_and_quit
    from copdesk.views.widgets.typed_words import TypedWords

    dialog = window.participation_panel.open_add_people()
    assert dialog is not None
    for guest in ("Sam Guest", "Kit Visitor"):
        dialog.guest_edit.setText(guest)
        assert dialog.add_guest()
    disk.fill()
    assert not dialog.mark_present() and dialog.isVisible()
    assert window.context.writes.words_waiting() == []  # the dialog, open, holds them itself
    sam = next(row for row in range(dialog.absent_list.count()) if "Sam Guest" in dialog.absent_list.item(row).text())
    dialog.absent_list.item(sam).setCheckState(Qt.CheckState.Unchecked)  # after the refusal: not to be added
    dialog.guest_edit.setText("Lou Student")
    held = TypedWords("Add people present", "Guests: Kit Visitor\nGuest name: Lou Student")
    assert dialog.typed_words() == held
    answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert window.context.writes.words_waiting() == [held]  # cancelled: the Retry's, as it would read them
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    save_and_quit(app)
    kept = [_kept_text(path) for path in _kept(window) if "Guest" in _kept_text(path)]
    assert [text.split("\n\n", 1)[1] for text in kept] == [held.words]


def test_resources_edited_on_a_full_disk_wait_for_retry_with_their_words_and_retry_saves_each(
    window: MainWindow, disk: Disk
) -> None:
    """Two entries edited while the disk is full, the dialog closed and opened again between them: Retry saves both
    (the second edit builds on the first), and what waits for it holds the words of both, as a log-off would keep
    them, and only words that differ from what is stored."""
    from copdesk.store.contacts import contact_entries
    from copdesk.views.widgets.typed_words import TypedWords

    dialog = window.help_actions.open_resources()
    was = contact_entries(window.context.db)
    disk.fill()
    dialog.table.item(0, 1).setText("wellbeing@example.org")  # type: ignore[union-attr]
    _says_full(window)
    dialog.close()
    assert window.help_actions.open_resources() is dialog  # opened again: the edit waiting for Retry is shown
    assert dialog.table.item(0, 1).text() == "wellbeing@example.org"  # type: ignore[union-attr]
    dialog.table.item(1, 2).setText("Advice on a hard case")  # type: ignore[union-attr]
    assert contact_entries(window.context.db) == was
    first = (
        f"Name: {was[0].title}\nAddress, or where to find it: wellbeing@example.org\nWhat it is for: {was[0].what_for}"
    )
    second = (
        f"Name: {was[1].title}\nAddress, or where to find it: {was[1].detail}\nWhat it is for: Advice on a hard case"
    )
    assert window.context.writes.words_waiting() == [TypedWords("Resources and contacts", f"{first}\n\n{second}")]
    dialog.table.item(1, 2).setText(was[1].what_for)  # type: ignore[union-attr]
    # typed back as it is stored: not the facilitator's words
    assert window.context.writes.words_waiting() == [TypedWords("Resources and contacts", first)]
    dialog.table.item(1, 2).setText("Advice on a hard case")  # type: ignore[union-attr]
    disk.free()
    _retry(window)
    stored = contact_entries(window.context.db)
    assert (stored[0].detail, stored[1].what_for) == ("wellbeing@example.org", "Advice on a hard case")
    assert window.context.writes.words_waiting() == []
    dialog.close()


def test_a_self_assessment_refused_is_kept_at_a_log_off_once_and_as_it_reads_then(
    window: MainWindow, disk: Disk, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused, the self-assessment stays open with its words, and its Retry re-reads it: a log-off keeps the words
    once, as they read then, whether the dialog is still open or was closed after the refusal."""
    from PySide6.QtWidgets import QApplication

    from copdesk.shutdown import save_and_quit

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for left in app.topLevelWidgets():  # by earlier tests: only this test's windows are on screen
        if left is not window:
            left.hide()
    add_team(window)
    dialog = window.reports.write_self_assessment()
    assert dialog is not None
    first = next(iter(dialog.editors.values()))
    first.setPlainText("We met every month")
    disk.fill()
    assert not dialog.save() and dialog.isVisible()
    first.setPlainText("We met every month and kept notes")  # typed on after the refusal
    [held] = [typed for typed in [dialog.typed_words()] if typed is not None]
    assert window.context.writes.words_waiting() == []  # the dialog, open, holds them itself
    dialog.hide()
    assert window.context.writes.words_waiting() == [held]  # closed: the Retry's, as it would read them
    dialog.show()
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    save_and_quit(app)
    kept = [_kept_text(path) for path in _kept(window)]
    assert [text.split("\n\n", 1)[1] for text in kept] == [held.words]


def test_the_same_guest_held_by_a_retry_and_typed_again_is_kept_once_at_a_log_off(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused, then cancelled, "Add people present" is opened again and the same guest added: the Retry and the
    dialog on screen hold the same words, and a log-off keeps them once."""
    from PySide6.QtWidgets import QApplication

    from copdesk.shutdown import save_and_quit

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for left in app.topLevelWidgets():  # by earlier tests: only this test's windows are on screen
        if left is not window:
            left.hide()
    first = window.participation_panel.open_add_people()
    assert first is not None
    first.guest_edit.setText("Sam Guest")
    assert first.add_guest()
    disk.fill()
    assert not first.mark_present()
    answer_leaving(monkeypatch, QMessageBox.StandardButton.Discard)
    first.reject()
    again = window.participation_panel.open_add_people()
    assert again is not None and again is not first
    again.guest_edit.setText("Sam Guest")
    assert again.add_guest()
    assert window.context.writes.words_waiting() == [again.typed_words()]
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    save_and_quit(app)
    kept = [_kept_text(path).split("\n\n", 1)[1] for path in _kept(window)]
    assert kept == ["Guests: Sam Guest"]


@pytest.mark.parametrize("letting_go", ["the window closes", "the session is unloaded"])
def test_notes_kept_in_a_file_held_by_a_scanner_are_on_disk_before_they_are_let_go_with_the_window_answering(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch, letting_go: str
) -> None:
    """On Windows the kept file's rename is tried again for a second and a half while a virus scanner holds it: that
    wait froze the window, on its thread. Now the window's timers run meanwhile, and the words are still in the file
    by the time the window asks about them, or the pane has let go of them."""
    scanner = ScannerHolding(monkeypatch)
    answered: list[int] = []

    def answer() -> None:  # the window's timers run while the scanner holds the file: say so, then let it go
        answered.append(scanner.refused)
        scanner.let_go.set()

    scanner.once_refused(answer)
    if letting_go == "the window closes":
        question = _closed_with_notes_unsaved(window, disk, "Typed while the disk was full")
        (kept,) = _kept(window)
        assert shown(kept) in question.informativeText()
    else:
        _pane(window).editor.setPlainText("Typed while the disk was full")
        disk.fill()
        _pane(window).unload()
        (kept,) = _kept(window)
    assert answered and answered[0] >= 1, "the window answered while the rename was refused"
    assert _kept_text(kept).endswith("Typed while the disk was full")


def _logging_off_while_a_file_waits(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The facilitator logs off (``save_and_quit``, CoPDesk then kept from quitting the test) the first time a virus
    scanner refuses a kept file's rename, and the scanner lets go a moment later; the list holds True once it has."""
    from PySide6.QtWidgets import QApplication

    from copdesk.shutdown import save_and_quit

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: None))
    scanner = ScannerHolding(monkeypatch)
    logged_off: list[bool] = []

    def log_off() -> None:
        logged_off.append(True)
        QTimer.singleShot(5, scanner.let_go.set)
        save_and_quit(app)

    scanner.once_refused(log_off)
    return logged_off


def test_a_log_off_while_notes_are_kept_at_a_close_closes_the_window_and_keeps_the_words_it_moved(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window is closed with notes that did not save; while their file is written (a virus scanner holding it,
    the window answering meanwhile) the facilitator logs off. Qt ignores a close while one is under way, so the
    log-off's close did nothing: the window stayed to ask, and the action typed but not added, moved into the notes
    by the log-off, was in no file when CoPDesk quit. Now the close under way goes on as the log-off's."""
    logged_off = _logging_off_while_a_file_waits(monkeypatch)  # while the first close waits for its file
    pane = _pane(window)
    pane.action_editor.text_edit.setText("Ask the OT lead to the next session")
    pane.editor.setPlainText("Typed while the disk was full")
    disk.fill()
    window.close()
    texts = [_kept_text(path).split("\n\n", 1)[1] for path in _kept(window)]
    assert logged_off
    assert len(texts) == 1 and texts[0].endswith("- the action: Ask the OT lead to the next session"), texts
    assert window.closing.unsaved_question is None, "no question is left for a window the log-off closed"
    assert not window.isVisible(), "the log-off closes the window, as it does when no file is being written"


@pytest.mark.parametrize("kept_before", [False, True], ids=["first keep", "rewriting a file kept at a question"])
def test_a_log_off_while_the_pane_lets_go_of_notes_ends_with_one_file_holding_every_word(
    window: MainWindow, disk: Disk, live: int, monkeypatch: pytest.MonkeyPatch, kept_before: bool
) -> None:
    """The pane lets go of notes that did not save (the session unloaded) and keeps them in a file; while a virus
    scanner holds that file the facilitator logs off, whose close keeps them again, with the action typed but not
    added moved into them. The second keep began inside the first: it made a second file, or, rewriting a file kept
    earlier, shared the first's temporary name. Now it follows the first and rewrites its file: one file, every
    word in it."""
    pane = _pane(window)
    if kept_before:
        pane.editor.setPlainText("Typed while the disk was full")
        disk.fill()
        assert pane.keep_at_close()[0] is not None  # as the close question does, answered with Keep the window
    logged_off = _logging_off_while_a_file_waits(monkeypatch)  # while the pane's file waits for the scanner
    pane.action_editor.text_edit.setText("Ask the OT lead to the next session")
    pane.editor.setPlainText("Typed while the disk was full, and more")
    disk.fill()
    pane.unload()
    assert logged_off
    texts = [_kept_text(path).split("\n\n", 1)[1] for path in _kept(window)]
    moved = f"{typed_items.KEPT_ITEMS_HEADING}\n- the action: Ask the OT lead to the next session"
    assert texts == [f"Typed while the disk was full, and more\n\n{moved}"]
    assert not [path for path in _kept(window)[0].parent.iterdir() if path.name.startswith(".")], "no hidden file"
