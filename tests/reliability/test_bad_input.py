"""Bad input everywhere gets a clear message and changes nothing; odd but valid input round-trips exactly."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from pytestqt.qtbot import QtBot
from sqlite_utils import Database

from copdesk.core.dates import DueDateError, parse_due
from copdesk.core.input_limits import MAX_NOTE_BYTES
from copdesk.core.model import NoteKind, Role, SessionKind
from copdesk.core.text import InvalidName
from copdesk.store import notes, sessions, teams
from copdesk.store.teams import DuplicateName
from copdesk.views.shell.first_run import FirstRunDialog
from copdesk.views.widgets.bounded_editor import BoundedPlainTextEdit
from tests.reliability.conftest import NOW

SQL_LIKE = ["Robert'); DROP TABLE member;--", "' OR '1'='1", 'x"; DELETE FROM note; --', "%_\\"]
ROUND_TRIP = ["👨‍👩‍👧 family 🌱", "مرحبا بالفريق", "שלום לכולם", "Zoë Ñoño", "mixed עברית and English 😀"]


def _paste(editor: BoundedPlainTextEdit, text: str) -> None:
    data = QMimeData()
    data.setText(text)
    editor.insertFromMimeData(data)


def test_one_megabyte_paste_is_accepted_and_saved(qtbot: QtBot, db: Database) -> None:
    editor = BoundedPlainTextEdit()
    qtbot.addWidget(editor)
    refused: list[str] = []
    editor.refused.connect(refused.append)
    big = ("Reflective practice ✓ " * 50_000)[: MAX_NOTE_BYTES // 3]
    big += "x" * (MAX_NOTE_BYTES - len(big.encode()))
    assert len(big.encode()) == MAX_NOTE_BYTES
    _paste(editor, big)
    assert refused == [] and editor.toPlainText() == big
    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    note = notes.add_note(db, session.id, NoteKind.NOTE, editor.toPlainText(), NOW)
    assert notes.get_note(db, note.id).text == big


def test_anything_larger_is_refused_with_a_message_and_changes_nothing(qtbot: QtBot) -> None:
    editor = BoundedPlainTextEdit()
    qtbot.addWidget(editor)
    refused: list[str] = []
    editor.refused.connect(refused.append)
    editor.setPlainText("Already typed. ")
    _paste(editor, "y" * MAX_NOTE_BYTES)
    assert editor.toPlainText() == "Already typed. "
    assert len(refused) == 1 and "1 MB" in refused[0] and "\n" not in refused[0]
    editor.selectAll()  # replacing what is selected frees its room
    _paste(editor, "y" * (MAX_NOTE_BYTES - 10))
    assert len(refused) == 1 and len(editor.toPlainText()) == MAX_NOTE_BYTES - 10


@pytest.mark.parametrize(
    ("name", "message"),
    [("", "empty"), ("   \t ", "empty"), ("Ash\x00Lee", "control character"), ("Ash\x1bLee", "control character")],
)
def test_bad_names_are_refused_in_the_first_run_dialog(qtbot: QtBot, name: str, message: str) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.ui.teamNameEdit.setText(name)
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.draft is None and message in dialog.ui.errorLabel.text()
    dialog.ui.teamNameEdit.setText("Harbour Team")  # the same rules for every member line
    dialog.ui.membersEdit.setPlainText("Ash Day\nBo\x07Day")
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.draft is None and "line 2 contains an invisible control character" in dialog.ui.errorLabel.text()


def test_names_compare_casefolded_and_nfc_and_lose_bidi_controls(qtbot: QtBot, db: Database) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.ui.teamNameEdit.setText("\u202eHarbour Team\u202c")
    dialog.ui.membersEdit.setPlainText(f"Zoë Quinn\n{unicodedata.normalize('NFD', 'ZOË QUINN')}")
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.draft is None and "listed twice" in dialog.ui.errorLabel.text()
    dialog.ui.membersEdit.setPlainText("Zoë Quinn\nBo Day")
    dialog.ui.buttonBox.accepted.emit()
    assert dialog.draft is not None and dialog.draft.name == "Harbour Team"
    team = teams.create_team(db, dialog.draft.name, dialog.draft.members, NOW)
    with pytest.raises(DuplicateName):
        teams.add_member(db, team.id, unicodedata.normalize("NFD", "zoë quinn"), Role.GUEST, NOW)
    with pytest.raises(InvalidName):
        teams.add_member(db, team.id, "Bo\u0007Day", Role.GUEST, NOW)
    assert [m.display_name for m in teams.list_members(db, team.id)] == ["Bo Day", "Zoë Quinn"]


def test_sql_like_and_unicode_text_is_stored_literally(db: Database) -> None:
    team = teams.create_team(db, SQL_LIKE[0], [(SQL_LIKE[1], Role.PRACTITIONER)], NOW)
    assert teams.find_team(db, SQL_LIKE[0]) == team
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW, topic=ROUND_TRIP[0])
    for text in [*SQL_LIKE, *ROUND_TRIP]:
        notes.add_note(db, session.id, NoteKind.NOTE, text, NOW)
    assert [n.text for n in notes.notes(db, session.id)] == [*SQL_LIKE, *ROUND_TRIP]
    assert sessions.get_session(db, session.id).topic == ROUND_TRIP[0]
    assert db.table("member").count == 1 and db.table("note").count == len(SQL_LIKE) + len(ROUND_TRIP)


@pytest.mark.parametrize("typed", ["31/02/2026", "29/02/2027", "32/1/2026", "2026-13-01", "0/5/2026", "someday"])
def test_impossible_dates_are_rejected_with_a_message(typed: str) -> None:
    with pytest.raises(DueDateError) as caught:
        parse_due(typed, today=date(2026, 10, 8), next_session=None)
    assert "\n" not in str(caught.value) and str(caught.value)


def test_round_trip_survives_backup_and_restore(db: Database, db_path: Path, tmp_path: Path) -> None:
    from copdesk import paths
    from copdesk.store.backup import backup_to
    from copdesk.store.recovery import restore_database

    team = teams.create_team(db, "Harbour Team", [], NOW)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, NOW)
    for text in ROUND_TRIP:
        notes.add_note(db, session.id, NoteKind.NOTE, text, NOW)
    copy = backup_to(db.conn, tmp_path / "copy.db")
    db.execute("DELETE FROM note")
    db.close()
    restored = restore_database(copy, db_path, paths.migrations_dir(), NOW).opened.db
    assert [n.text for n in notes.notes(restored, session.id)] == ROUND_TRIP
    restored.close()
