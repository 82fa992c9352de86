"""The identifier check of a session's notes as the session is loaded: a piece at a time, for the note shown."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from copdesk.core.identifier_check import PIECE_SIZE
from copdesk.core.model import Role, SessionKind
from copdesk.core.privacy import find_identifiers
from copdesk.store import notes, sessions, teams
from copdesk.views.shell.main_window import MainWindow
from copdesk.views.widgets.identifier_warning import IdentifierWarning
from tests.conftest import identifier_check_reads

EARLIER = datetime(2026, 9, 10, 9, 0, tzinfo=UTC)
PROSE = "Discussed the carer's assessment and the discharge with the team.\n" * 2_000  # 134 KB


def _sessions_with_notes(window: MainWindow, *texts: str) -> list[int]:
    db = window.context.db
    team = teams.create_team(db, "Harbour Team", [("Ash Lee", Role.FACILITATOR)], EARLIER)
    ids = []
    for text in texts:
        session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, EARLIER, planned_start=EARLIER)
        notes.save_session_text(db, session.id, text, EARLIER)
        ids.append(session.id)
    return ids


def _shown_while_checking(warning: IdentifierWarning) -> list[str]:
    """Deliver the window's events until the warning shows (the check has gone through the note), noting each
    finding the warning held on the way."""
    held: list[str] = []
    for _ in range(1_000):
        held.extend(finding.text for finding in warning.findings)
        if not warning.isHidden():
            break
        QApplication.processEvents()
    return held


def test_a_long_note_is_checked_a_piece_at_a_time_once_its_session_is_loaded(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checking a 1 MB note as its session loaded held the window for 0.15 to 2 s; now loading reads none of it,
    and each piece checked between events is a few thousand characters."""
    note = PROSE + "Mrs Okafor rang about the plan.\n" + PROSE
    (session_id,) = _sessions_with_notes(window, note)
    read = identifier_check_reads(monkeypatch)
    panel = window.notes_panel
    panel.load_session(session_id)
    assert read == [] and panel.identifier_warning.isHidden()
    _shown_while_checking(panel.identifier_warning)
    assert [finding.text for finding in panel.identifier_warning.findings] == ["Mrs Okafor"]
    assert len(read) > 2 and all(endpos - start < PIECE_SIZE + 1_000 for start, endpos in read)


def test_the_warning_is_for_the_note_shown_never_one_switched_away_from(window: MainWindow) -> None:
    first, second = _sessions_with_notes(window, PROSE + "Mrs Okafor rang.\n" + PROSE, "Saw Mr Patel.\n" + PROSE)
    panel = window.notes_panel
    panel.load_session(first)
    QApplication.processEvents()  # a piece of the first note checked
    panel.load_session(second)
    held = _shown_while_checking(panel.identifier_warning)
    assert [finding.text for finding in panel.identifier_warning.findings] == ["Mr Patel"]
    assert "Mrs Okafor" not in held


def test_words_typed_while_a_loaded_note_is_checked_are_checked_with_it(window: MainWindow) -> None:
    (session_id,) = _sessions_with_notes(window, PROSE + "Mrs Okafor rang.\n")
    panel = window.notes_panel
    panel.load_session(session_id)
    QApplication.processEvents()
    panel.editor.setPlainText("Dr Lee wrote.\n" + panel.editor.toPlainText())
    _shown_while_checking(panel.identifier_warning)
    assert list(panel.identifier_warning.findings) == find_identifiers(panel.editor.toPlainText())
    assert [finding.text for finding in panel.identifier_warning.findings] == ["Dr Lee", "Mrs Okafor"]


def test_a_name_on_the_line_after_its_title_is_quoted_on_one_line_and_removed_leaving_the_lines(
    window: MainWindow,
) -> None:
    (session_id,) = _sessions_with_notes(window, "Visited Mr.\nSmith at home.\nAgreed next steps.")
    panel = window.notes_panel
    panel.load_session(session_id)
    warning = panel.identifier_warning
    warning.check_now()
    assert warning.label.text() == "“Mr. Smith” looks like a person's name."
    warning.button("Remove").click()
    assert panel.editor.toPlainText() == "Visited \n[name removed] at home.\nAgreed next steps."
    panel.editor.undo()
    assert panel.editor.toPlainText() == "Visited Mr.\nSmith at home.\nAgreed next steps."
