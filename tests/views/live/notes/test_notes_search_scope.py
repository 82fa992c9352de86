"""Note search (Ctrl+F) keeps to one team's notes: the team chosen at the top, or the live session's. *All my teams*
widens it until the dialog closes, and never while the share-safe view is open, as the screen may be shared."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from copdesk.core.model import NoteKind, SessionKind, Team
from copdesk.store import notes, sessions, teams
from copdesk.store.search import search_notes_beside
from copdesk.views.live.notes.notes_search import TEAM_COLUMN, NotesSearchDialog
from copdesk.views.shell.main_window import MainWindow
from tests.views.live_helpers import add_team, start_session


def _team_with_note(window: MainWindow, name: str, text: str) -> Team:
    """A team with an ended session two weeks ago whose notes say ``text``."""
    db = window.context.db
    team = teams.create_team(db, name, [], window.context.now())
    then = window.context.now() - timedelta(days=14)
    session = sessions.create_session(db, team.id, SessionKind.REFLECTIVE, then, planned_start=then)
    sessions.start_session(db, session.id, then, ground_rules_agreed=True)
    notes.add_note(db, session.id, NoteKind.NOTE, text, then)
    sessions.end_session(db, session.id, then + timedelta(hours=1))
    return team


def _two_teams(window: MainWindow) -> tuple[Team, Team]:
    """Riverside (chosen at the top) and Harbour, each with a note about the rota."""
    riverside = _team_with_note(window, "Riverside Team", "Riverside's rota: Jo covers Fridays")
    harbour = _team_with_note(window, "Harbour Team", "Harbour's rota: Mrs Okafor's visits moved")
    window.reload_teams(riverside.id)
    return riverside, harbour


def _open(window: MainWindow) -> NotesSearchDialog:
    window.notes_panel.open_search()
    dialog = window.notes_panel._search
    assert dialog is not None
    return dialog


def _find(qtbot: QtBot, dialog: NotesSearchDialog, words: str) -> list[str]:
    """The teams of the matches for ``words``, once the search is back from its thread."""
    dialog.query_edit.setText(words)
    with qtbot.waitSignal(dialog._searching.done):
        dialog.run_search()
    return [hit.team_name for hit in dialog.model.rows()]


def _widen(qtbot: QtBot, dialog: NotesSearchDialog) -> list[str]:
    """Alt+A, as the facilitator chooses All my teams from the keyboard; the teams of the matches then."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(dialog._searching.done):
        QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert dialog.all_teams.isChecked()
    return [hit.team_name for hit in dialog.model.rows()]


def test_search_keeps_to_the_team_chosen_and_says_so(window: MainWindow, qtbot: QtBot) -> None:
    _two_teams(window)
    dialog = _open(window)
    assert dialog.this_team.isChecked() and dialog.this_team.text() == "&This team: Riverside Team"
    assert dialog.query_edit.placeholderText().startswith("Words to find in Riverside Team's notes")
    assert dialog.summary.text() == "Type a word or two to search Riverside Team's notes."
    assert _find(qtbot, dialog, "rota") == ["Riverside Team"]
    assert dialog.summary.text() == "1 match in Riverside Team's notes, best first."
    assert dialog.table.isColumnHidden(TEAM_COLUMN)  # one team: the column would say nothing
    assert "Riverside Team" not in dialog.preview.toPlainText()
    assert _find(qtbot, dialog, "Okafor") == []
    assert dialog.summary.text() == (
        "No matches in Riverside Team's notes. Try fewer words, or the start of a word, or search all your teams "
        "(Alt+A)."
    )
    dialog.close()


def test_all_my_teams_shows_every_teams_matches_until_the_dialog_closes(window: MainWindow, qtbot: QtBot) -> None:
    _two_teams(window)
    dialog = _open(window)
    _find(qtbot, dialog, "rota")
    assert sorted(_widen(qtbot, dialog)) == ["Harbour Team", "Riverside Team"]
    assert not dialog.table.isColumnHidden(TEAM_COLUMN)
    assert dialog.summary.text() == "2 matches in every team's notes, best first."
    assert dialog.preview.toPlainText().splitlines()[0].split(" · ")[1] in {"Harbour Team", "Riverside Team"}
    dialog.close()
    dialog = _open(window)  # each opening searches the one team again
    assert dialog.this_team.isChecked() and dialog.table.isColumnHidden(TEAM_COLUMN)
    assert _find(qtbot, dialog, "rota") == ["Riverside Team"]
    dialog.close()


def test_a_match_of_another_team_is_corrected_and_still_all_teams_are_searched(
    window: MainWindow, qtbot: QtBot
) -> None:
    _two_teams(window)
    dialog = _open(window)
    _find(qtbot, dialog, "Okafor")
    assert _widen(qtbot, dialog) == ["Harbour Team"]
    dialog.correct_button.click()
    qtbot.waitUntil(lambda: dialog.correcting is not None and dialog.correcting.isVisible())
    assert dialog.correcting is not None
    dialog.correcting.words_edit.setPlainText("Harbour's rota: the visits moved")
    with qtbot.waitSignal(dialog._searching.done):
        dialog.correcting.save_button.click()
    assert dialog.all_teams.isChecked() and dialog.model.rowCount() == 0
    assert dialog.message.text() == "Corrected: Notes. It no longer matches the search."
    assert _find(qtbot, dialog, "visits") == ["Harbour Team"]
    dialog.close()


def test_all_my_teams_cannot_be_chosen_while_the_share_safe_view_is_open(window: MainWindow, qtbot: QtBot) -> None:
    _two_teams(window)
    share_view = window.session_flow.actions.share_view
    share_view.setChecked(True)
    dialog = _open(window)
    assert not dialog.all_teams.isEnabled() and dialog.scope_note.isVisible()
    dialog.all_teams.click()
    QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert _find(qtbot, dialog, "rota") == ["Riverside Team"]
    assert _find(qtbot, dialog, "Okafor") == []
    assert dialog.summary.text() == "No matches in Riverside Team's notes. Try fewer words, or the start of a word."
    share_view.setChecked(False)  # closed: every team may be searched again
    assert dialog.all_teams.isEnabled() and not dialog.scope_note.isVisible()
    dialog.close()


def test_the_share_safe_view_opened_takes_every_other_teams_matches_off_at_once(
    window: MainWindow, qtbot: QtBot
) -> None:
    _two_teams(window)
    dialog = _open(window)
    _find(qtbot, dialog, "rota")
    assert len(_widen(qtbot, dialog)) == 2
    with qtbot.waitSignal(dialog._searching.done):
        window.session_flow.actions.share_view.setChecked(True)
        assert dialog.model.rowCount() == 0 and dialog.this_team.isChecked()  # gone before the search is back
    assert [hit.team_name for hit in dialog.model.rows()] == ["Riverside Team"]
    assert dialog.table.isColumnHidden(TEAM_COLUMN) and not dialog.all_teams.isEnabled()
    window.session_flow.actions.share_view.setChecked(False)
    dialog.close()


def test_during_a_session_its_teams_notes_are_searched(window: MainWindow, qtbot: QtBot) -> None:
    team = add_team(window)
    _team_with_note(window, "Riverside Team", "Riverside's rota: Jo covers Fridays")
    session = start_session(window)
    notes.save_session_text(window.context.db, session.id, "Our rota for the winter", window.context.now())
    dialog = _open(window)
    assert dialog.this_team.text() == f"&This team: {team.name}"
    assert _find(qtbot, dialog, "rota") == [team.name]
    dialog.close()


def test_a_search_beside_the_window_keeps_to_the_team_asked_for(window: MainWindow) -> None:
    riverside, harbour = _two_teams(window)
    path = window.context.db_path
    for team in (riverside, harbour):
        assert [hit.team_name for hit in search_notes_beside(path, "rota", lambda: False, team_id=team.id)] == [
            team.name
        ]
    assert len(search_notes_beside(path, "rota", lambda: False, team_id=None)) == 2


def test_choosing_another_team_with_the_dialog_open_takes_the_last_teams_matches_off(
    window: MainWindow, qtbot: QtBot
) -> None:
    """The dialog stays open beside the window: another team chosen at the top (or a session of another team
    started, which chooses it) kept the team before's matches on the screen, under its name, until words were typed
    again. Now they go at once, and the words are searched in the team chosen, *All my teams* given up."""
    riverside, harbour = _two_teams(window)
    dialog = _open(window)
    assert _find(qtbot, dialog, "rota") == ["Riverside Team"]
    combo = window.header.team_combo
    with qtbot.waitSignal(dialog._searching.done):
        combo.setCurrentIndex(combo.findData(harbour.id))
        assert dialog.model.rowCount() == 0  # gone before the search is back
    assert dialog.this_team.text() == "&This team: Harbour Team"
    assert [hit.team_name for hit in dialog.model.rows()] == ["Harbour Team"]
    assert len(_widen(qtbot, dialog)) == 2
    with qtbot.waitSignal(dialog._searching.done):
        combo.setCurrentIndex(combo.findData(riverside.id))
        assert dialog.model.rowCount() == 0 and dialog.this_team.isChecked()
    assert [hit.team_name for hit in dialog.model.rows()] == ["Riverside Team"]
    dialog.close()
